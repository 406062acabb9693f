"""Deontic and imperative demands (a layer of :class:`.demands.DemandRules`).

A deontic clause reported by someone else ("X said Y must withdraw", "any truce must be
temporary", "the siege has to end"), a quoted imperative ("“Stop the bombing,” X said") and a
quoted list of demands ("First, a corridor. Second, ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.coref import FIRST_PLURAL, FIRST_SINGULAR
from actorgraph.ingest.extract.demand_owners import DemandOwners, share_actor, topic_list
from actorgraph.ingest.extract.mentions import GEO_NOUNS, PLACE_NOUNS
from actorgraph.ingest.extract.records import Resolved

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import Quote
    from spacy.tokens import Token

#: words at the head of a quoted clause that are not imperatives of a demand
NOT_IMPERATIVE = frozenset(
    {"let", "thank", "imagine", "look", "see", "say", "please", "remember", "listen", "believe"}
    | {"mind", "excuse", "forgive", "welcome", "congratulate", "note", "consider", "wait"}
)

#: what "there must be" infers rather than demands ("there must be a mistake")
INFERRED = frozenset({"mistake", "error", "misunderstanding", "reason", "explanation", "doubt"})

#: subjects that name someone who acts rather than a state of things
AGENT_NOUNS = frozenset(
    {"party", "parties", "side", "sides", "military", "army", "country", "state", "leader"}
    | {"leaders", "people", "officials", "authorities", "mediator", "mediators", "world"}
)

#: verbs of ending: "the siege must end", "the bombing has to stop" (what is to end is an act)
ENDING = frozenset({"end", "stop", "cease", "halt"})

#: words that open the items of a spoken list ("First, a corridor. Second, ...")
ORDINALS = frozenset(
    {"first", "second", "third", "fourth", "fifth", "finally", "lastly", "firstly", "secondly"}
    | {"thirdly"}
)

#: "a truce could only be temporary" (a demand only about a deal)
ONLY_MODALS_ = frozenset({"can", "could", "ca"})


class DeonticDemands(DemandOwners):
    """Deontic clauses and quoted imperatives and lists."""

    def _deontic(self, t: Token) -> None:
        """ "X said Y must withdraw": X demands that Y withdraw (Y is not X)."""
        ctx = self.ctx
        clause = t.head if t.dep_ == "aux" else t
        if t.dep_ != "aux" and not ctx.has_modal(t):
            return
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children):
            return  # "asked whether the crossing must be reopened": a question
        if ctx.negated(clause) and t.lower_ != "must":
            return
        sources = self._judges(clause)
        if not sources:
            return
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and clause.dep_ == "conj" and t.dep_ == "aux":
            # "the verdict is binding and must be respected": the first clause's subject
            subj = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            expl = next((c for c in clause.children if c.dep_ == "expl"), None)
            if expl is not None:  # "there must be a full withdrawal"
                self._required_state(t, clause, expl, sources)
            return
        if t.lower_ in ONLY_MODALS_ and self.t.deal_subject(clause) is None:
            return  # "the army can only advance slowly": no demand
        if self.t.deal_subject(clause) is not None:  # "any truce must be temporary"
            obj = self.t.deal_object(clause)
            xc = next((c for c in clause.children if c.dep_ == "xcomp"), None)
            if obj is None and xc is not None:
                obj = next((c for c in xc.children if c.dep_ in ("attr", "dobj", "acomp")), None)
            if obj is not None:
                self._emit("demands", sources, self.t.deal_target(clause, obj), t, 0.6)
            elif clause.pos_ == "VERB" and clause.lemma_.lower() not in ("have", "need"):
                # "any deal must allow it to resume fighting": what the deal must do
                inner = next(
                    (
                        c
                        for c in clause.children
                        if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"
                    ),
                    None,
                )
                toks = ctx.topics.vp_tokens(clause)
                if inner is not None:
                    toks += ctx.topics.vp_tokens(inner)
                self._emit("demands", sources, topic_list(ctx.topics.from_tokens(toks)), t, 0.6)
            return
        with ctx.quietly():
            addressees = ctx.resolve.resolve_np(subj)
        if not addressees:
            self._required_state(t, clause, subj, sources)
            return
        addressees = ctx.resolve.resolve_np(subj)
        if share_actor(ctx, sources, addressees):
            return
        if subj.pos_ == "PRON" and subj.lower_ in FIRST_PLURAL | FIRST_SINGULAR:
            return
        verb = clause
        if t.dep_ != "aux":
            verb = next((c for c in t.children if c.dep_ == "xcomp"), clause)
        self._emit("demands", sources, topic_list(ctx.topics.from_vp(verb)), t, 0.6)

    def _required_state(
        self, t: Token, clause: Token, subj: Token, sources: list[Resolved]
    ) -> None:
        """ "any mechanism must be run by the UN", "the prisoners must be released first",
        "an election worthy of the name must allow exiles to run", "there must be a full
        withdrawal", in someone's words: a state of things is demanded. Only "must" and
        "have to"/"need to" ("problems should be solved at home" is advice, "prices should
        rise" a forecast); not an inference ("must have been"), a progressive, a copula with
        an adjective ("the talks must be difficult"), a clause with "only" (the condition
        rules), or a subject that is a pronoun or someone who is to act."""
        ctx = self.ctx
        modal = t.lower_ if t.dep_ == "aux" else t.lemma_.lower()
        verb = clause
        if t.dep_ != "aux":  # "have to be released": the verb of the infinitive
            verb = next((c for c in t.children if c.dep_ == "xcomp"), clause)
        kids = list(verb.children)
        passive = any(c.dep_ == "auxpass" for c in kids)
        if modal not in ("must", "have", "need"):
            return  # "problems should be solved in Africa": advice, or a forecast
        if ctx.negated(verb) or (subj.pos_ == "PRON" and subj.dep_ != "expl"):
            return  # "must not" is a refusal; "it must be done" says too little
        if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids) or verb.tag_ == "VBG":
            return  # "must have been", "must be running out"
        if subj.dep_ == "expl":  # "there must be a full withdrawal"
            attr = next((c for c in kids if c.dep_ in ("attr", "dobj")), None)
            if attr is not None and attr.lemma_.lower() in INFERRED:
                return  # "there must be a mistake": an inference
            if attr is not None and verb.lemma_.lower() == "be":
                self._emit("demands", sources, self.t.nps(attr), t, 0.6)
            return
        if verb.lemma_.lower() == "be" and not passive:
            return  # "the talks must be difficult": a judgement, not a demand
        if self._agentive(subj, passive) or any(
            c.dep_ == "advmod" and c.lower_ == "only" for c in kids
        ):
            return  # "the party that broke its word has to show ...": someone unnamed is to act
        if not passive and not self._about_talks(subj, verb):
            return  # "the weather has to improve", "prices must rise": a forecast or a wish
        toks = ctx.topics.vp_tokens(verb)
        if not passive or subj.head.i != verb.i:
            toks = ctx.topics.np_tokens(subj) + toks
        for c in kids:
            if c.dep_ == "agent":  # "run by the United Nations"
                toks += [c, *(x for g in c.children for x in ctx.topics.np_tokens(g))]
            elif c.dep_ == "ccomp" and not passive:  # "allow exiled leaders to run"
                who = next((g for g in c.children if g.dep_ == "nsubj"), None)
                if who is not None and who.pos_ != "PRON":
                    toks += ctx.topics.np_tokens(who)
                toks += ctx.topics.vp_tokens(c, 1)
        self._emit("demands", sources, topic_list(ctx.topics.from_tokens(toks)), t, 0.55)

    def _about_talks(self, subj: Token, verb: Token) -> bool:
        """Whether a required state is about the negotiation: its subject or an object names
        a party, the talks, a deal or demand, the war, the held, the forces or a place of the
        conflict ("the siege of the city must end", "any mechanism must include observers"),
        or its verb is one of ending ("the bombing must stop"); not "the weather has to
        improve" or "prices must rise"."""
        ctx = self.ctx
        lex = ctx.lex
        if verb.lemma_.lower() in ENDING:
            return True
        words = (
            lex.talk_nouns
            | lex.party_nouns
            | lex.proposal_heads
            | lex.demand_nouns
            | lex.demand_list_nouns
            | lex.shell_nouns
            | lex.groups
            | lex.organs
            | lex.pair_nouns
            | lex.object_classes.get("proposal", frozenset())
            | GEO_NOUNS
            | PLACE_NOUNS
            | lex.negotiated
        )
        heads = [subj] + [
            c
            for c in verb.children
            if c.dep_ in ("dobj", "attr", "agent", "prep", "dative", "ccomp", "xcomp", "oprd")
        ]
        for x in (x for h in heads for x in h.subtree):
            m = ctx.men[x.i]
            if (m is not None and m.actor) or {x.lemma_.lower(), x.lower_} & words:
                return True
        return False

    def _agentive(self, subj: Token, passive: bool) -> bool:
        """Whether a subject names someone who acts (a body, a group, a people), not a state
        of things: "the party", "the military", "the two sides", "the government"; of a
        passive only a party or a named one ("the prisoners must be released" is a demand)."""
        lex = self.ctx.lex
        words = {subj.lemma_.lower(), subj.lower_}
        bodies = lex.groups | lex.org_heads | lex.government_nouns | lex.armed_groups
        return bool(
            words & (AGENT_NOUNS if passive else bodies | AGENT_NOUNS)
            or subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or any(c.dep_ == "relcl" for c in subj.children)
        )

    def _quoted_imperatives(self) -> None:
        """ "“Stop the bombing now,” X told the council": the speaker demands it."""
        ctx = self.ctx
        for q in ctx.quotes:
            if q.speaker is None or q.statement is None:
                continue
            for i in range(q.start, q.end):
                v = ctx.doc[i]
                top = v.dep_ == "ROOT" or not (q.start <= v.head.i < q.end)
                if not top and not (v.dep_ == "conj" and v.head.dep_ == "ROOT"):
                    continue
                if self._imperative(v, q):
                    act = self._let_them(v) or v
                    self._emit(
                        "demands",
                        [Resolved(q.speaker)],
                        topic_list(ctx.topics.from_vp(act)),
                        v,
                        0.6,
                    )

    def _quoted_lists(self) -> None:
        """ "A: First, a monitoring mechanism both sides accept. Second, a corridor to the
        port.": in a quote or an interview answer, two or more verbless items opened by
        ordinals ("First", "Second", "Finally") list what the speaker demands, one each."""
        ctx = self.ctx
        for q in ctx.quotes:
            if q.speaker is None or q.statement is None:
                continue
            items: list[Token] = []
            for sent in ctx.sents:
                if not (q.start <= sent.start and sent.end <= q.end + 1):
                    continue
                words = [x for x in sent if not x.is_punct and not x.is_space]
                if len(words) < 2 or words[0].lower_ not in ORDINALS:
                    continue
                if sent.root.pos_ in ("VERB", "AUX"):
                    continue  # "First, we want ...": a clause, for the other rules
                rest = {x.i for x in words[1:]}
                heads = [x for x in words[1:] if x.head.i not in rest or x.head.i == x.i]
                root = next((x for x in heads if x.pos_ in ("NOUN", "PROPN")), None)
                if root is not None and ctx.men[root.i] is None:
                    items.append(root)
            if len(items) >= 2:
                topics = ctx.topics
                targets = [
                    topics.from_tokens([x for x in topics.np_tokens(r) if x.lower_ not in ORDINALS])
                    for r in items
                ]
                found = [x for x in targets if x is not None]
                self._emit("demands", [Resolved(q.speaker)], list(found), items[0], 0.55)

    @staticmethod
    def _let_them(v: Token) -> Token | None:
        """ "Let them free the hostages": the act a third party is to carry out (not "let us"
        nor "let me")."""
        if v.lemma_.lower() != "let" or v.tag_ != "VB":
            return None
        if any(c.dep_ in ("nsubj", "aux") for c in v.children):
            return None
        act = next(
            (c for c in v.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"), None
        )
        if act is None:
            return None
        subj = next((c for c in act.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ not in ("them", "him", "her", "it"):
            return None
        if any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in act.children):
            return None  # "Let him put it on the table": a dare, its content not named
        return act

    def _imperative(self, v: Token, q: Quote) -> bool:
        if v.lemma_.lower() == "let" and self._let_them(v) is not None:
            return True  # "Let them free the hostages first"
        if v.tag_ != "VB" or v.pos_ != "VERB" or v.lemma_.lower() in NOT_IMPERATIVE:
            return False
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "mark", "expl") for c in v.children):
            return False
        first = next((x for x in v.subtree if not x.is_punct and not x.is_space), v)
        neg = [c for c in v.children if c.dep_ == "neg"]
        if neg:  # "Do not ...": a demand too, but name it with the negation
            first = min(first, neg[0], key=lambda x: x.i)
        return first.i in (v.i, q.start) or (first.lower_ in ("do", "please") and first.i < v.i)
