"""The ``demands`` rules (mixed into :class:`ingest.extract.stances.Stances`).

Verbs of demanding with the arguments the lexicon says they need ("urged A to press B to
accept C": the first actor demands what the chain ends in); a demand noun with a light verb or
an owner ("issued a request to Hamas to release …", "the African Union's call for an end to the
siege"); a list of demands, one demand per item ("its demands, which include A, B and C", "its
conditions, including A and B"); "made X a condition"; a deontic clause reported by someone
else ("X said Y must withdraw", "any truce must be temporary"); a condition ("for X to agree, Y
would have to happen", "X will free them only as part of a deal that ends the war", "X will not
release them unless Y"); a position on a deal ("X insisted that any deal must include Y", "that
the army be allowed to resume"); a quoted imperative ("“Stop the bombing,” X said").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.coref import FIRST_PLURAL, FIRST_SINGULAR
from actorgraph.ingest.extract.mentions import GEO_NOUNS, PLACE_NOUNS
from actorgraph.ingest.extract.met_demands import met_demands
from actorgraph.ingest.extract.records import Resolved
from actorgraph.ingest.extract.stance_rules import (
    StanceRules,
    absolute_participle,
    denied_subject,
    reattached,
)
from actorgraph.ingest.extract.targets import (
    CHAIN_VERBS,
    HOLDING_VERBS,
    LIST_HOLDERS,
    demand_preps,
    gives_name,
    no_det,
    stray_conjuncts,
    subjectless,
)
from actorgraph.ingest.extract.topic_spans import contentless_act

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext, Quote
    from actorgraph.ingest.extract.lexicon import Frame
    from actorgraph.ingest.extract.targets import Targets
    from actorgraph.ingest.extract.topics import Topic
    from spacy.tokens import Token

#: words at the head of a quoted clause that are not imperatives of a demand
NOT_IMPERATIVE = frozenset(
    {"let", "thank", "imagine", "look", "see", "say", "please", "remember", "listen", "believe"}
    | {"mind", "excuse", "forgive", "welcome", "congratulate", "note", "consider", "wait"}
)


#: verbs of taking up what another actor asked for, the stem of the two sets below
_TAKING_UP = frozenset({"back", "support", "endorse", "echo", "second", "join"})
#: verbs that back a demand another actor made ("X called for and Y backed Z")
BACKING = _TAKING_UP | {"demand", "urge"}
#: verbs that take up a call another made ("echoed that call", "backed Egypt's call for X")
BACKERS = _TAKING_UP | {"reiterate"}


#: verbs that present a list of demands besides the light verbs ("handed the mediators a list")
LIST_GIVERS = frozenset({"hand", "give", "table", "draw", "unveil", "publish", "outline"})

#: the bodies an owner speaks through ("Its delegation, led by X, called on ...")
OWNED_ORGANS = frozenset({"delegation", "team", "panel", "negotiators", "side", "leadership"})

#: what "there must be" infers rather than demands ("there must be a mistake")
INFERRED = frozenset({"mistake", "error", "misunderstanding", "reason", "explanation", "doubt"})

#: subjects that name someone who acts rather than a state of things
AGENT_NOUNS = frozenset(
    {"party", "parties", "side", "sides", "military", "army", "country", "state", "leader"}
    | {"leaders", "people", "officials", "authorities", "mediator", "mediators", "world"}
)

#: what a side needs for itself, not of the other side ("needs more time to study it",
#: "needs the support of its allies")
NEEDED_MEANS = frozenset(
    {"time", "money", "funds", "funding", "resources", "support", "help", "backing"}
    | {"assistance", "patience", "space", "room", "days", "weeks", "months", "hours"}
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


class DemandRules(StanceRules):
    """The demand rules."""

    # ------------------------------------------------------------------ verbs
    def _demand_verb(self, v: Token, frame: Frame) -> None:
        ctx = self.ctx
        if self._misread_backed_call(v):
            return
        matrix = reattached(v)  # "wants X deployed and has called for Y": the wanter's
        if ctx.negated(v) or ctx.irrealis(v if matrix is None else matrix):
            return
        if any(denied_subject(s) for s in ctx.resolve.subjects(v if matrix is None else matrix)):
            return  # "neither Egypt nor Turkey was pressing Hamas to ...", "nobody urged"
        passive = _passive_infinitive(v)
        if not self.t.frame_ok(v, frame) and self._shared_object(v) is None and passive is None:
            return
        if any(c.dep_ == "ccomp" and c.lemma_.lower() in ctx.lex.dependence for c in v.children):
            return  # "insisted that peace hinges on X": the condition rule's (X)
        if v.dep_ in ("pcomp", "amod") and not absolute_participle(v):
            return
        if gives_name(v, ctx.men):
            return  # "called Israel's demand for X a red line": a name given, no call made
        if v.lemma_.lower() in CHAIN_VERBS and not any(
            x.dep_ == "aux" and x.lower_ == "to" for x in v.subtree
        ):
            return  # "leaning on Israel to accept X", not "leaned on the door"
        sources = ctx.resolve.subject_actors(v if matrix is None else matrix)
        if not sources:
            sources = self._carrier_owner(v if matrix is None else matrix)
        if not sources:
            sources = self._members(v if matrix is None else matrix)
        if not sources and any(c.dep_ in ("ccomp", "xcomp") for c in v.children):
            sources = self._conjoined_speaker(v)
        if not sources:
            sources = self._described_holder(v) or self._adopted_text_owner(v)
        if not sources:
            return
        if v.lemma_.lower() in ctx.lex.addressed_verbs and not self._addressed(v, sources):
            return  # "told reporters to expect a deal": no actor ordered to act
        act = self.t.actor_to_act(v) if "dobj_xcomp" in frame.needs else None
        urged = act or next(
            (c for c in v.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"), None
        )
        if urged is not None and contentless_act(urged, ctx.lex):
            return  # "urged the parties to use these days well": no content asked
        if act is not None:
            subj = next((c for c in act.children if c.dep_ == "nsubj"), None)
            if subj is not None and _same(ctx, sources, ctx.resolve.resolve_np(subj)):
                return  # "Israel wants to ...": no demand on anyone else
            # "urged B to seize the moment and agree to a ceasefire": the ceasefire
            more = self.t.and_conjoined([], act)
            if more and contentless_act(act, ctx.lex, alone=True):
                targets: list[Topic | str] = more
            else:
                targets = self.t.and_conjoined(_list(self._act_topic(act)), act)
        else:
            wanted = self._wanted(v, frame)
            if wanted is None:
                return  # "wants Kosovo at the table": an actor is no demand
            # "called on Russia to sign it": the act with what "it" stands for
            targets = wanted or self.t.frame_target(v, frame) or _list(self._pronoun_act(v))
            targets = targets or self.t.of_verb(v)
            if not targets and passive is not None:
                # "demands to be recognised as a political party": an act asked of others
                targets = self._passive_act(passive)
        shared = self._shared_object(v) if not targets else None
        if shared is not None:
            # "France has called for and Germany has backed an arms embargo": the object
            # both verbs share, and a demand of the second subject when it backs the call
            second, obj = shared
            targets = self.t.nps(obj) if obj.pos_ != "VERB" else _list(ctx.topics.from_vp(obj))
            if second.lemma_.lower() in BACKING and not ctx.negated(second):
                others = [
                    r for r in ctx.resolve.subject_actors(second) if not _same(ctx, sources, [r])
                ]
                self._emit("demands", others, targets, second, 0.65)
        fmt = self._format(v) if "xcomp_class:format" in frame.needs else None
        targets = [fmt] if fmt is not None else targets
        broken = self._broken_list(v) if targets else []
        if broken:
            targets = []
            for x in (x for c in broken for x in self.t.nps(c)):
                if x not in targets:
                    targets.append(x)
        self._emit("demands", sources, targets, v, 0.75)

    def _format(self, v: Token) -> Topic | None:
        """ "wanted to negotiate bilaterally": the talks named with their format (issue-17d)."""
        ctx = self.ctx
        formats = ctx.lex.object_classes.get("format", frozenset())
        for act in (c for c in v.children if c.dep_ == "xcomp"):
            how = [g for g in act.children if g.dep_ == "advmod" and g.lower_ in formats]
            if how and act.lemma_.lower() in ctx.lex.channel_verbs:
                return ctx.topics.from_tokens([*ctx.topics.vp_tokens(act), *how])
        return None

    def _passive_act(self, passive: Token) -> list[Topic | str]:
        """What a subject asks to be done to it ("to be recognised as a political group")."""
        toks = [x for x in passive.subtree if x.dep_ not in ("aux", "auxpass")]
        return _list(self.ctx.topics.from_vp(passive) or self.ctx.topics.from_tokens(toks))

    def _broken_list(self, v: Token) -> list[Token]:
        """ "Their proposal calls for a ceasefire, a withdrawal and an exchange" with the items
        after the first broken off by the parser (hung on the subject as its apposition, or
        read as the verb's object after the first item's comma): all the items, the first one
        with them; "called for a ceasefire, a key demand of Y" (a comment read as the object):
        the first item alone (issue-15d)."""
        doc = v.doc
        prep = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        first = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if first is None or subj is None:
            return []
        stray = [
            c
            for c in (*v.children, *subj.children)
            if (c.dep_ == "dobj" or (c.dep_ == "appos" and c.head.i == subj.i))
            and c.i > first.i
            and c.pos_ == "NOUN"
            and doc[c.left_edge.i - 1].lower_ == ","
            and self.ctx.men[c.i] is None
        ]
        lex = self.ctx.lex
        comments = lex.demand_nouns | lex.demand_list_nouns
        items = [c for c in stray if c.lemma_.lower() not in comments]
        return [first, *sorted(items, key=lambda t: t.i)] if stray else []

    def _members(self, v: Token) -> list[Resolved]:
        """ "European leaders, including the EU's foreign policy chief and the foreign
        ministers of Germany and Poland, urged ...": a plural subject no actor stands for
        speaks through the members it lists ("including", "among them"), each with its own
        demand; a plural title over a list of states is one member per state (issue-16d)."""
        ctx = self.ctx
        out: list[Resolved] = []
        for subj in ctx.resolve.subjects(v):
            if subj.tag_ not in ("NNS", "NNPS"):
                continue
            for c in subj.children:
                if c.dep_ not in ("prep", "appos") or c.lower_ not in MEMBER_MARKS:
                    continue
                items = [g for g in c.children if g.dep_ in ("pobj", "dobj", "appos")]
                for item in (x for g in items for x in (g, *g.conjuncts)):
                    found = ctx.resolve.resolve_np(item, pronouns=False)
                    owners = [
                        g
                        for p in item.children
                        if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children
                        if g.dep_ == "pobj"
                    ]
                    if item.tag_ == "NNS" and owners:  # "the foreign ministers of A and B"
                        found = ctx.resolve.resolve_np(owners[0], pronouns=False)
                    out += [r for r in found if all(r.actor != o.actor for o in out)]
        return out

    def _carrier_owner(self, v: Token) -> list[Resolved]:
        """ "The BRN said ... Its statement also urged Bangkok to ...": a statement (letter,
        communique), a delegation ("Its delegation, led by X, called on ...") or a side's own
        plan ("Their proposal calls for X", issue-15d) whose owner is a pronoun demands for
        the actor it stands for."""
        lex = self.ctx.lex
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        owned = lex.carriers | OWNED_ORGANS | lex.demand_plans
        if subj is None or subj.lemma_.lower() not in owned:
            return []
        poss = next((c for c in subj.children if c.dep_ == "poss"), None)
        if poss is None or poss.lower_ not in ("its", "their"):
            return []
        return self._subject_owner(poss) or self._previous_subject(poss)

    def _described_holder(self, v: Token) -> list[Resolved]:
        """ "the Polisario Front, an independence movement advocating for a referendum": a
        participle on a description set beside a name is the named actor's (issue-17d)."""
        head = v.head
        if v.dep_ != "acl" or v.tag_ != "VBG" or head.dep_ != "appos":
            return []
        return self.ctx.resolve.resolve_np(head.head, pronouns=False)

    def _adopted_text_owner(self, v: Token) -> list[Resolved]:
        """ "The Security Council adopted a resolution on Friday. ... The resolution calls on
        the parties to ...": a text named with "the" is the demand of the body that adopted or
        issued it, in that sentence or the two before (issue-17d)."""
        ctx = self.ctx
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
            subj = v.head  # "adopted a resolution that calls on ...": the text itself
            issued = subj.head
            if subj.lemma_.lower() not in ctx.lex.adopted_texts | ctx.lex.demand_plans:
                return []
            if subj.dep_ != "dobj" or issued.lemma_.lower() not in ctx.lex.producers:
                return []
            return [] if ctx.negated(issued) else ctx.resolve.subject_actors(issued)
        if subj is None or subj.lemma_.lower() not in ctx.lex.adopted_texts:
            return []
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in subj.children):
            return []
        k = ctx.sent_of[subj.i]
        for kk in range(k, max(-1, k - 3), -1):
            for t in reversed([t for t in ctx.sents[kk] if t.i < subj.i]):
                issued = t.head
                if t.dep_ != "dobj" or t.lemma_.lower() != subj.lemma_.lower():
                    continue
                if issued.lemma_.lower() not in ctx.lex.producers | ctx.lex.issuing_verbs:
                    continue
                if ctx.negated(issued):
                    return []
                return ctx.resolve.subject_actors(issued)
        return []

    def _addressed(self, v: Token, sources: list[Resolved]) -> bool:
        """Whether the one told to act is another actor ("told Mali's junta to free them",
        "Somalia was told to pay"), not an audience ("told reporters") nor the speaker's own
        body ("told his cabinet to prepare")."""
        ctx = self.ctx
        told = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if told is None or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in told.children):
            return False
        found = ctx.resolve.resolve_np(told, pronouns=False)
        return bool(found) and not _same(ctx, sources, found)

    def _previous_subject(self, pron: Token) -> list[Resolved]:
        """The actor of the last subject before a pronoun, in its sentence or the one before."""
        ctx = self.ctx
        k = ctx.sent_of[pron.i]
        for kk in range(k, max(-1, k - 2), -1):
            subs = [t for t in ctx.sents[kk] if t.dep_ in ("nsubj", "nsubjpass") and t.i < pron.i]
            for sub in reversed(subs):  # "the movement said ...": a description counts too
                with ctx.quietly():
                    found = [
                        r
                        for r in ctx.resolve.resolve_np(sub, pronouns=False)
                        if ctx.type_of(r.actor) != "person"
                    ]
                if found:
                    return found
        return []

    def _misread_demand_verb(self, n: Token) -> None:
        """ "Sison says X, and demands that Manila free the detainees": a verb of demanding the
        tagger read as a plural noun, known by the clause it governs (or a passive infinitive:
        "considers itself a political group and demands to be recognised as such"); whoever
        says the clause it is conjoined to demands."""
        ctx = self.ctx
        clause = next(
            (
                c
                for c in n.children
                if c.dep_ == "ccomp"
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            ),
            None,
        )
        passive = _passive_infinitive(n) if clause is None else None
        if clause is None and passive is None:
            return
        if any(c.dep_ in ("det", "poss", "amod") for c in n.children):
            return  # "the demands that ..." is a noun
        sources = self._conjoined_speaker(n)
        if not sources and passive is not None:  # "X considers itself Y and demands to be Z"
            sources = ctx.resolve.subject_actors(n.head.head) if n.head.dep_ == "ccomp" else []
        if sources and passive is not None:
            self._emit("demands", sources, self._passive_act(passive), n, 0.6)
        elif sources:
            self._emit("demands", sources, self.t.of_verb(n), n, 0.6)

    def _shared_object(self, v: Token) -> tuple[Token, Token] | None:
        """ "X has called for and Y has backed Z": a verb left without its object (or with a
        bare preposition) whose conjoined verb, with a subject of its own, has the object."""
        kids = list(v.children)
        if any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in kids):
            return None
        if any(
            c.dep_ == "prep" and any(g.dep_ in ("pobj", "pcomp") for g in c.children) for c in kids
        ):
            return None
        for c in kids:
            if c.dep_ != "conj" or c.pos_ != "VERB" or c.i < v.i:
                continue
            if not any(g.dep_ == "nsubj" for g in c.children):
                continue
            obj = next((g for g in c.children if g.dep_ == "dobj"), None)
            if obj is None:
                obj = next(
                    (
                        o
                        for g in c.children
                        if g.dep_ == "prep"
                        for o in g.children
                        if o.dep_ in ("pobj", "pcomp")
                    ),
                    None,
                )
            if obj is not None:
                return c, obj
        return None

    def _wanted(self, v: Token, frame: Frame) -> list[Topic | str] | None:
        """ "wants unimpeded transit across X" (the object, whatever clause the parser hung
        after it); "wants the observers deployed" (a small clause: the clause with its
        subject); None for an actor wanted ("wants Kosovo at the table")."""
        ctx = self.ctx
        if "dobj" not in frame.needs:
            return []
        dobj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if dobj is not None:
            if v.lemma_.lower() == "need" and dobj.lemma_.lower() in NEEDED_MEANS:
                return None  # "needs more time to study it": a side's own means, no demand
            m = ctx.men[dobj.i]
            return None if m is not None and m.actor else self.t.nps(dobj)
        small = next(
            (c for c in v.children if c.dep_ == "ccomp" and c.tag_ in ("VBN", "VBD")), None
        )  # "wants the troops withdrawn" (a participle the tagger may read as a past tense)
        if small is None or any(g.dep_ in ("aux", "mark", "auxpass") for g in small.children):
            return []
        if any(g.dep_ == "nsubj" and g.pos_ == "PRON" for g in small.children):
            return None  # "we want it finished": what "it" is was said elsewhere
        out: list[Topic | str] = []
        # "wants the guarantees abolished and the troops withdrawn": one demand per clause
        for clause in (small, *(c for c in small.conjuncts if c.i > small.i)):
            subj = next((g for g in clause.children if g.dep_ == "nsubj"), None)
            if subj is None or ctx.men[subj.i] is not None or subj.pos_ == "PRON":
                continue
            out += _list(ctx.topics.from_vp(clause, agent=subj))
        return out

    def _pronoun_act(self, v: Token) -> Topic | None:
        """The act asked of someone whose object is a pronoun ("called on Russia to sign
        it", "urged both sides to implement them"), named with what the pronoun stands for."""
        for c in v.children:
            cands = [c]
            if c.dep_ == "prep":  # "called on X to sign it": the infinitive hung on X
                cands = [g for o in c.children if o.dep_ == "pobj" for g in o.children]
            for act in cands:
                if (
                    act.dep_ in ("xcomp", "advcl", "acl")
                    and act.pos_ == "VERB"
                    and any(g.dep_ == "aux" and g.lower_ == "to" for g in act.children)
                    and any(g.dep_ == "dobj" and g.lower_ in ("it", "them") for g in act.children)
                ):
                    return self._act_topic(act)
        return None

    def _act_topic(self, act: Token) -> Topic | None:
        """The act another actor is to carry out ("to sign the plan"); with a pronoun for its
        object ("called on Russia to sign it"), the act with the proposal named last (in this
        sentence or the one before), else the verb with its pronoun."""
        ctx = self.ctx
        found = ctx.topics.from_vp(act)
        if found is not None:
            return found
        pron = next(
            (c for c in act.children if c.dep_ == "dobj" and c.lower_ in ("it", "them")), None
        )
        if pron is None:
            return None
        near = ctx.topics.proposal_before(pron)
        while near is not None and near.dep_ in ("compound", "amod") and near.head.i > near.i:
            near = near.head  # "a draft treaty": the treaty
        named = ctx.topics.act_on(act, near) if near is not None else None
        return named or ctx.topics.from_tokens([act, pron])

    def _insist(self, v: Token) -> None:
        """ "X maintained that any agreement is/must be Y": X demands Y."""
        ctx = self.ctx
        if ctx.negated(v) or ctx.irrealis(v):
            return
        ccomp = next((c for c in v.children if c.dep_ == "ccomp"), None)
        subj = self.t.deal_subject(ccomp) if ccomp is not None else None
        if (
            ccomp is None
            or subj is None
            or _described_deal(ccomp, subj, self.ctx.lex.predicate_copulas)
        ):
            return
        obj = self.t.deal_object(ccomp)
        if obj is None:
            return
        sources = ctx.resolve.subject_actors(v)
        if sources:
            self._emit("demands", sources, self.t.deal_target(ccomp, obj), v, 0.65)

    def _required_by_refusal(self, v: Token) -> bool:
        """ "would not accept any deal that did not include X", "will not sign an agreement
        without X", "would accept no deal without X": a refusal of every deal that lacks X
        is a demand for X (and no rejection of a deal); whether it was one."""
        ctx = self.ctx
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        lex = ctx.lex
        if obj is None or obj.lemma_.lower() not in lex.proposal_heads | lex.party_nouns:
            return False
        # "would accept no deal without X": the determiner is the negation
        if not (ctx.negated(v) or no_det(obj) is not None) or ctx.irrealis(v):
            return False
        targets: list[Topic | str] = []
        for c in (*obj.children, *v.children):
            if c.dep_ == "relcl" and ctx.negated(c):  # "that did not include X"
                if c.lemma_.lower() in HOLDING_VERBS:
                    inner = next((g for g in c.children if g.dep_ in ("dobj", "attr")), None)
                    targets = self.t.nps(inner) if inner is not None else []
                else:
                    toks = [x for x in ctx.topics.vp_tokens(c) if x.dep_ != "neg"]
                    targets = _list(ctx.topics.from_tokens(toks))
            elif c.dep_ == "prep" and c.lower_ == "without":  # "any deal without X"
                inner = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if inner is not None:
                    targets = (
                        _list(ctx.topics.from_vp(inner))
                        if inner.pos_ == "VERB"
                        else self.t.nps(inner)
                    )
            if targets:
                break
        if not targets:
            return False
        sources = ctx.resolve.subject_actors(v)
        if sources:
            self._emit("demands", sources, targets, v, 0.65)
        return True

    # ------------------------------------------------------------------ conditions
    def _condition(self, v: Token) -> None:
        """ "for X to agree, Y would have to be made": X demands Y."""
        ctx = self.ctx
        kids = list(v.children)
        if not any(c.dep_ == "mark" and c.lower_ == "for" for c in kids) or v.dep_ not in (
            "advcl",
            "acl",
            "xcomp",
        ):
            return
        subj = [c for c in kids if c.dep_ == "nsubj"]
        if not subj:
            return
        sources = [r for s in subj for r in ctx.resolve.resolve_np(s)]
        cur = v.head
        for _ in range(3):
            if ctx.has_modal(cur) or any(
                c.dep_ == "aux" and c.lower_ in ctx.lex.modals for c in cur.children
            ):
                break
            if cur.head.i == cur.i:
                return
            cur = cur.head
        else:
            return
        subj2 = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj2 is not None:
            self._emit("demands", sources, self.t.nps(subj2), v, 0.65)

    def _conditional_offer(self, cond: Token, act: Token | None = None) -> None:
        """ "Iran could consider halting attacks if Israel stopped its aggression", "Hamas will
        release the hostages if Israel ends the war": a side's own concession offered on a
        condition another side is to meet demands the condition (issue-17d). Not a negated
        condition (the threat rule's), not "unless", not a past counterfactual, not the
        side's own act as the condition, not a concession refused."""
        ctx = self.ctx
        lex = ctx.lex
        mark = next((g for g in cond.children if g.dep_ == "mark"), None)
        offer = act if act is not None else cond.head  # the act offered
        if mark is None or mark.lower_ != "if" or offer.pos_ != "VERB":
            return
        if any(x.lower_ == "only" for v in (cond, offer) for x in v.children):
            return  # "only if": the rule for "only"
        lemma = offer.lemma_.lower()
        conceded = lemma in lex.offered_acts or (
            lemma == "consider"  # "could consider halting attacks" (the gerund read as a noun)
            and any(
                x.lemma_.lower() in lex.stopping or x.lower_.removesuffix("ing") in lex.stopping
                for c in offer.children
                if c.dep_ in ("dobj", "xcomp")
                for x in c.subtree
            )
        )
        if not conceded or ctx.negated(offer) or ctx.negated(cond) or ctx.asked(offer):
            return
        if offer.head.lemma_.lower() in lex.threat_verbs - lex.vowing:
            return  # "threatened to stop the talks if the US goes ahead": a threat (a pledge
            # or vow may offer: "pledged to release the hostages if Israel ends the war")
        what = [x for c in offer.children if c.dep_ in ("dobj", "xcomp", "prep") for x in c.subtree]
        fighting = any({x.lemma_.lower(), x.lower_} & lex.hostilities for x in what)
        if (lemma in lex.stopping or lemma == "consider") != fighting:
            return  # a threat: "will stop the talks if X", "will return to war if X"
        if any(  # "will withdraw from the talks if X": leaving, a threat
            c.dep_ == "prep" and c.lower_ in ("from", "out") for c in offer.children
        ) and any({x.lemma_.lower(), x.lower_} & lex.talk_nouns for x in what):
            return
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in cond.children):
            return  # "would have released them if Israel had ...": a past that did not happen
        subj = next((c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        sources = ctx.resolve.subject_actors(offer)
        up = offer.head
        if offer.dep_ == "xcomp" and up.dep_ == "acomp" and up.pos_ == "ADJ":
            if ctx.negated(up.head) or up.lemma_.lower() not in lex.willing:
                return  # "is not ready (is reluctant) to return if Y"
            sources = sources or ctx.resolve.subject_actors(up.head)  # "is ready to return"
        if subj is None or not sources:
            return
        asked = ctx.resolve.resolve_np(subj)
        if not asked or _same(ctx, sources, asked):
            return  # the condition is the side's own act, or no actor's
        self._emit("demands", sources, self._asked_by_condition(cond), cond, 0.55)

    def _only(self, only: Token) -> None:
        """ "X will accept only if Y", "will free them only as part of a deal that ends the
        war", "only in exchange for Y": X demands Y."""
        ctx = self.ctx
        v = only.head
        while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
            v = v.head  # "only" on the condition itself
        cond: Topic | str | list[Topic | str] | None = None
        if v.dep_ == "advcl" and any(
            g.lower_ in ("if", "when", "once", "after") and g.dep_ in ("mark", "advmod")
            for g in v.children
        ):  # "would stop firing only when the war ends": "only" on the condition
            cond = _condition_named(v, self.t)
            v = v.head
        if v.pos_ not in ("VERB", "AUX") or ctx.negated(v) or ctx.irrealis(v):
            return
        for c in v.children:
            if cond is not None:
                break
            if c.dep_ == "advcl" and any(
                g.dep_ == "mark" and g.lower_ in ("if", "once", "when", "after") for g in c.children
            ):
                cond = _condition_named(c, self.t)
            elif c.dep_ == "prep" and c.i > only.i:
                # "would only return to talks under international supervision": the
                # condition may hang on the object of the verb's own preposition
                nested = [
                    g
                    for o in c.children
                    if o.dep_ == "pobj"
                    for g in o.children
                    if g.dep_ == "prep"
                ]
                prep = next((p for p in (c, *nested) if self._only_prep(p)), None)
                obj = self._innermost_object(prep) if prep is not None else None
                if obj is not None:
                    cond = ctx.topics.from_vp(obj) if obj.pos_ == "VERB" else self.t.np(obj)
            elif (
                c.dep_ == "dobj"
                and v.lemma_.lower() in ctx.lex.agree_verbs | ctx.lex.negated_acceptance
                and only.i < c.i
            ):  # "will only accept a deal that guarantees X"
                cond = self.t.np(c)
            if cond is not None:
                break
        conds = cond if isinstance(cond, list) else _list(cond)
        if not conds:
            return
        sources = self._holders(v)
        if sources:
            self._emit("demands", sources, conds, v, 0.65)

    def _holders(self, v: Token) -> list[Resolved]:
        """Who holds a condition on a verb: its subject's actors; for a subject that names no
        actor ("a maritime ceasefire would start only if it received X, the Kremlin said",
        "'Military operations will not cease until the militia withdraws,' the army said"),
        whoever says the clause (issue-15d)."""
        ctx = self.ctx
        found = ctx.resolve.subject_actors(v)
        if found:
            return found
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ == "PRON" or ctx.men[subj.i] is not None:
            return []
        if v.tag_ == "VBD":
            return []  # "the talks resumed only after X, the ELN said": what happened
        return self._judges(v)

    def _only_prep(self, prep: Token) -> bool:
        after = [x.lower_ for x in prep.subtree if x.i > prep.i and x.dep_ in ("pobj", "prep")]
        words = [prep.lower_, *after[:2]]
        return any(tuple(words[: len(p)]) == p for p in self.ctx.lex.only_preps)

    @staticmethod
    def _innermost_object(prep: Token) -> Token | None:
        """The innermost object of "as part of X", "in exchange for X", "after X"."""
        obj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
        for _ in range(2):
            if obj is None:
                return None
            inner = next((g for g in obj.children if g.dep_ == "prep"), None)
            if obj.lower_ in ("part", "exchange", "return") and inner is not None:
                obj = next((g for g in inner.children if g.dep_ in ("pobj", "pcomp")), None)
            else:
                break
        return obj

    def _ruled_out_unless(self, cond: Token, mark: Token) -> None:
        """ "there would be no truce unless the RSF leaves civilian homes, X said", "a treaty
        is impossible unless Armenia changes its constitution", "there can be no peace without
        a withdrawal": what is ruled out until the condition holds, in someone's words, is a
        demand of the speaker for the condition."""
        ctx = self.ctx
        cop = cond.head if mark.dep_ == "mark" else cond
        if mark.dep_ == "prep" and cop.dep_ == "attr":  # "no peace without X" on the noun
            cop = cop.head
        if not self._ruled_out(cop) or ctx.irrealis(cop) or cop.tag_ == "VBD":
            return  # "there was no access without a permit, the UN said": a past told
        if mark.dep_ == "mark":
            targets = _list(ctx.topics.from_vp(cond))
        else:
            inner = next((g for g in mark.children if g.dep_ in ("pobj", "pcomp")), None)
            if inner is None:
                return
            targets = (
                _list(ctx.topics.from_vp(inner)) if inner.pos_ == "VERB" else self.t.nps(inner)
            )
        sources = self._judges(cop)
        if sources and targets:
            self._emit("demands", sources, targets, cop, 0.6)

    def _ruled_out(self, cop: Token) -> bool:
        """Whether a copula says that something will not be: "there will be no truce", "a
        deal is impossible" (the lexicon's ``impossible``)."""
        if cop.lemma_.lower() != "be":
            return False
        kids = list(cop.children)
        if any(c.dep_ == "acomp" and c.lemma_.lower() in self.ctx.lex.impossible for c in kids):
            return any(c.dep_ in ("nsubj", "nsubjpass") for c in kids)
        return any(c.dep_ == "expl" for c in kids) and any(
            c.dep_ == "attr" and (no_det(c) is not None or self.ctx.negated(cop)) for c in kids
        )

    def _conditional_refusal(self, v: Token) -> None:
        """ "X will not release the hostages unless Y", "X refuses to disarm until Y", "X's
        refusal to disarm until Y": X demands Y (and each act conjoined to Y, also where the
        parser hung it higher up: "until Israel withdraws, ceases airstrikes and ...")."""
        ctx = self.ctx
        unless = self._unless(v)
        if unless is None or ctx.irrealis(v):
            return
        sources = self._owners(v) if v.pos_ == "NOUN" else self._holders(v)
        if not sources:
            return
        targets = _list(ctx.topics.from_vp(unless))
        for x in stray_conjuncts(unless):
            more = ctx.topics.from_vp(x)
            if more is not None and more not in targets:
                targets.append(more)
        self._emit("demands", sources, targets, v, 0.6)

    # ------------------------------------------------------------------ deontic
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
                self._emit("demands", sources, _list(ctx.topics.from_tokens(toks)), t, 0.6)
            return
        with ctx.quietly():
            addressees = ctx.resolve.resolve_np(subj)
        if not addressees:
            self._required_state(t, clause, subj, sources)
            return
        addressees = ctx.resolve.resolve_np(subj)
        if _same(ctx, sources, addressees):
            return
        if subj.pos_ == "PRON" and subj.lower_ in FIRST_PLURAL | FIRST_SINGULAR:
            return
        verb = clause
        if t.dep_ != "aux":
            verb = next((c for c in t.children if c.dep_ == "xcomp"), clause)
        self._emit("demands", sources, _list(ctx.topics.from_vp(verb)), t, 0.6)

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
        self._emit("demands", sources, _list(ctx.topics.from_tokens(toks)), t, 0.55)

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
                        "demands", [Resolved(q.speaker)], _list(ctx.topics.from_vp(act)), v, 0.6
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

    # ------------------------------------------------------------------ nouns
    def _demand_noun(self, n: Token) -> None:
        """ "Israel issued a request to Hamas to release 40 hostages"; "the African Union's
        call for an end to the siege"; "Israel's demand that Hamas provide a list"."""
        ctx = self.ctx
        if n.dep_ == "pobj" and n.head.lower_ in AT_REQUEST:
            self._at_request(n)
            return
        verb = n.head if n.dep_ == "dobj" else None
        light = verb is not None and verb.lemma_.lower() in ctx.lex.light_verbs
        if light:
            if ctx.negated(verb) or ctx.irrealis(verb):  # type: ignore[arg-type]
                return
            sources = ctx.resolve.subject_actors(verb)  # type: ignore[arg-type]
        else:
            if self._background(n) and not self._standing_demand(n):
                return  # "rejected an Australian ultimatum to …": the event is the rejection
            sources = self._owners(n)
        backers = self._backers(n)
        if not sources and backers:
            if self.t.clause_of_noun(n) is not None or demand_preps(n):
                sources, backers = backers, []  # "joined calls for an arms embargo"
            else:  # "Norway echoed that call": the call made just before
                last = ctx.topics.recent_demand(ctx.sent_of[n.i])
                if last is not None:
                    self._emit("demands", backers, [last], n, 0.6)
                return
        if not sources:
            return
        act = self.t.clause_of_noun(n)
        if act is not None:
            targets = _list(ctx.topics.from_vp(act))
        else:
            pobj = None
            for c in [*(c for c in n.children if c.lower_ == "on"), *demand_preps(n)]:
                if c.dep_ == "prep":
                    pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            hung = self._hung_infinitive(n) if pobj is None and light else None
            if pobj is None and n.dep_ == "appos" and ctx.men[n.head.i] is None:
                targets = self.t.nps(n.head)  # "a permanent ceasefire, a key Hamas demand, ..."
            elif hung is not None:
                targets = [x for a in hung for x in _list(ctx.topics.from_vp(a))]
            elif pobj is None:
                return
            else:
                targets = (
                    self.t.nps(pobj) if pobj.pos_ != "VERB" else _list(ctx.topics.from_vp(pobj))
                )
                targets += [x for c in self._items_on_noun(n, pobj) for x in self.t.nps(c)]
        self._emit("demands", sources, targets, n, 0.75 if light else 0.65)
        others = [r for r in backers if not _same(ctx, sources, [r])]
        if others:  # "Norway backed Egypt's call for a truce": Norway's demand too
            self._emit("demands", others, targets, n, 0.6)

    def _backers(self, n: Token) -> list[Resolved]:
        """Who backs a call ("Norway echoed that call", "Jordan endorsed Egypt's call for X",
        "joined the calls for a truce"): the subject of a backing verb whose object the demand
        noun is, where the verb is asserted (issue-16d)."""
        ctx = self.ctx
        verb = n.head
        if n.dep_ != "dobj" or verb.lemma_.lower() not in BACKERS:
            return []
        if ctx.negated(verb) or ctx.irrealis(verb) or ctx.asked(verb):
            return []
        return ctx.resolve.subject_actors(verb)

    def _misread_backed_call(self, v: Token) -> bool:
        """ "Norway echoed that call on Tuesday" parsed as a clause ("that" its subject, "call"
        its verb): the call made just before, backed by the subject of the backing verb."""
        ctx = self.ctx
        head = v.head
        if v.dep_ not in ("ccomp", "dobj") or head.lemma_.lower() not in BACKERS:
            return False
        if not any(c.dep_ == "nsubj" and c.lower_ in ("that", "this") for c in v.children):
            return False
        if any(
            c.dep_ in ("dobj", "xcomp", "ccomp")
            or (c.dep_ == "prep" and c.lower_ == "for")
            or (c.dep_ == "prep" and any(_actor(ctx, g) for g in c.children))
            for c in v.children
        ):
            return False  # "echoed that call for X", "that calls on Y to ..." (not "on Monday")
        if ctx.negated(head) or ctx.irrealis(head) or ctx.asked(head):
            return True
        last = ctx.topics.recent_demand(ctx.sent_of[v.i])
        backers = ctx.resolve.subject_actors(head)
        if last is not None and backers:
            self._emit("demands", backers, [last], v, 0.6)
        return True

    def _rejected_proposal(self, n: Token) -> None:
        """ "Addis Ababa rejected a Sudanese proposal to include international mediators":
        what a side proposed to the one who rejects it, as an act ("to X"), is the proposer's
        demand (issue-16d); the rejection is the rejection rules'. Only under an asserted
        verb of rejecting, with an owner that is not the rejecter, and not an offer (what the
        owner itself would give)."""
        ctx = self.ctx
        gov = n.head
        if n.dep_ not in ("dobj", "nsubjpass") or gov.lemma_.lower() not in ctx.lex.reject_verbs:
            return
        if ctx.negated(gov) or ctx.irrealis(gov) or ctx.asked(gov):
            return
        act = self.t.clause_of_noun(n)
        if act is None or not any(g.dep_ == "aux" and g.lower_ == "to" for g in act.children):
            return
        owners = self._owners(n)
        if not owners or _same(ctx, owners, ctx.resolve.subject_actors(gov)):
            return
        envoy = ctx.lex.mediator_nouns | BRIDGING
        if any(r.actor in ctx.mediator_hints for r in owners) or any(
            x.lemma_.lower() in envoy for x in n.subtree if x.i < act.i
        ):
            return  # "a proposal by the UN envoy to partition X": a bridging proposal
        self._emit("demands", owners, _list(ctx.topics.from_vp(act)), n, 0.6)

    def _at_request(self, n: Token) -> None:
        """ "Lukashenko pardoned 14 prisoners at Trump's request", "the army released the
        journalists at the request of the AU": the owner of the request demanded the act of
        the clause (issue-16d); not hosting or mediating talks at someone's request (no
        stance on the substance), nor an act of the owner itself."""
        ctx = self.ctx
        verb = n.head.head
        if verb.pos_ not in ("VERB", "AUX") or ctx.negated(verb) or ctx.irrealis(verb):
            return
        if verb.lemma_.lower() in ctx.lex.host_verbs | ctx.lex.mediation_verbs:
            return
        sources = self._owners(n)
        doers = ctx.resolve.subject_actors(verb)
        if not sources or _same(ctx, sources, doers):
            return
        self._emit("demands", sources, _list(ctx.topics.from_vp(verb)), n, 0.65)

    def _items_on_noun(self, n: Token, pobj: Token) -> list[Token]:
        """ "Hamas's demands for a full withdrawal and the return of the displaced", with the
        second item conjoined to "demands" (or made a second subject of the verb) and the "and"
        left on the first: one more item (issue-14d); not another demand noun ("demands for X
        and calls for Y")."""
        lex = self.ctx.lex
        if not any(g.dep_ == "cc" for g in pobj.children) or pobj.conjuncts:
            return []
        sisters = [c for c in n.head.children if c.dep_ == n.dep_ and c.i != n.i]
        return [
            c
            for c in [*n.conjuncts, *sisters]
            if c.i > pobj.i
            and c.pos_ == "NOUN"
            and not {c.lemma_.lower(), c.lower_} & (lex.demand_nouns | lex.demand_list_nouns)
        ]

    def _hung_infinitive(self, n: Token) -> list[Token] | None:
        """ "X, a member of the council, reiterated his call to lift the blockade, reopen the
        airport and pay the salaries" with the infinitive hung on the light verb after the
        noun, and the acts after it hung there too: the noun's content clauses, one each."""
        verb = n.head
        if any(c.dep_ == "prep" for c in n.children):
            return None  # "made appeals to voters to ensure ...": a purpose, not the appeal's
        first = next(
            (c for c in verb.children if c.left_edge.i == n.i + 1 and self.t.to_clause(verb, c)),
            None,
        )
        if first is None:
            return None
        acts = [first]
        for c in verb.children:
            if c.i > first.i and c.dep_ in ("conj", "advcl") and _bare_act(c):
                acts += [c, *(x for x in c.conjuncts if x.i > c.i and _bare_act(x))]
        acts += [x for x in first.conjuncts if x.i > first.i and _bare_act(x)]
        return list(dict.fromkeys(sorted(acts, key=lambda t: t.i)))

    def _background(self, n: Token) -> bool:
        """Whether a demand noun is the object of a verb that takes it as given, or of one
        that is not asserted ("to press their demands" as the purpose of a protest)."""
        gov = n.head
        if n.dep_ == "pobj" and gov.dep_ == "prep":
            gov = gov.head
        if gov.pos_ in ("VERB", "AUX") and self.ctx.irrealis(gov):
            return True
        return n.dep_ in ("dobj", "pobj", "nsubjpass") and (
            gov.lemma_.lower() in self.ctx.lex.background_verbs
        )

    def _standing_demand(self, n: Token) -> bool:
        """ "refused Azerbaijan's demand that Armenia amend its constitution", "dismissed
        Egyptian demands for arbitration": a demand named as its owner's (a possessive) or as
        a bare plural is the owner's standing position, which the rejection answers, so it is
        a demand as well. One act of asking ("rejected an Australian ultimatum to ...", "denied
        the Peruvian request for ...", "rejected calls by X for ...") is made in the event the
        sentence reports: background. Only under a verb of rejecting that is asserted."""
        ctx = self.ctx
        gov = n.head
        if n.dep_ == "pobj" and gov.dep_ == "prep":
            gov = gov.head
        if n.dep_ not in ("dobj", "pobj", "nsubjpass") or gov.pos_ not in ("VERB", "AUX"):
            return False
        if gov.lemma_.lower() not in ctx.lex.reject_verbs or ctx.irrealis(gov):
            return False
        if ctx.negated(gov):
            return False  # "did not reject Israel's demand"
        if any(c.dep_ == "poss" for c in n.children):
            return True
        return n.tag_ in ("NNS", "NNPS") and not any(
            c.dep_ == "det" or (c.dep_ == "prep" and c.lower_ in ("by", "from")) for c in n.children
        )

    def _owners(self, n: Token) -> list[Resolved]:
        """Whose demand a noun is: "Israel's demand", "the Egyptian call", "a call by Qatar",
        "its demands"."""
        ctx = self.ctx
        for c in n.children:
            if c.dep_ == "poss":
                gov = ctx.lex.government_nouns
                held = next((g for g in c.children if g.dep_ == "poss"), None)
                if held is not None and c.lemma_.lower() in gov:
                    owner = self._whose(held)  # "His government's demands": his state's
                    if owner is not None:
                        return [Resolved(owner, via="principal")]
                found = self._speakers_own(n, c) or ctx.resolve.resolve_np(c)
                if not found and (owner := ctx.resolve.described_owner(c)) is not None:
                    found = [Resolved(owner, via="description")]  # "the union's demands"
                if not found and c.lower_ in ("its", "their"):
                    found = self._subject_owner(c)
                return self._other_side(found) if c.lower_ == "their" else found
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return ctx.resolve.resolve_np(obj)
            if c.dep_ == "prep" and c.lower_ == "of":  # "the main demands of the armed groups"
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                found = ctx.resolve.resolve_np(obj) if obj is not None else []
                if found:
                    return found
        mods = [
            c
            for c in n.children
            if c.dep_ in ("amod", "compound") and (m := ctx.men[c.i]) and m.actor
        ]
        found = [r for c in mods for r in ctx.resolve.actors_as_resolved(c)]
        if found:
            return found
        for c in n.children:  # "Houthi demands" in a story of the Houthis: the group's
            if c.dep_ == "compound" and c.pos_ == "PROPN" and ctx.men[c.i] is None:
                group = ctx.dict.lookup_number(c.text)
                if group is not None and any(m is not None and m.actor == group for m in ctx.men):
                    return [Resolved(group, via="name")]
        for c in n.children:  # "rebel demands", "opposition conditions": the body described
            if c.dep_ in ("amod", "compound") and c.i == n.i - 1 and c.pos_ in ("NOUN", "ADJ"):
                with ctx.quietly():
                    owner = ctx.resolve.described_owner(c)
                if owner is not None and ctx.type_of(owner) != "person":
                    return [Resolved(owner, via="description")]
        return []

    def _other_side(self, found: list[Resolved]) -> list[Resolved]:
        """ "Their demands include X" read as one person's (the negotiator who speaks, or the
        pronoun's nearest subject): a plural pronoun is no one person. Said by a side's
        negotiator in talks between two sides, it is the other side (a speaker calls their own
        side's demands "ours"); otherwise nobody."""
        ctx = self.ctx
        if not found or any(ctx.type_of(r.actor) != "person" for r in found):
            return found
        sides = {ctx.stance_source(r.actor) for r in found}
        parties = ctx.parties
        if len(parties) == 2 and len(sides) == 1 and (side := sides.pop()) in parties:
            return [Resolved(next(p for p in parties if p != side), via="party")]
        return []

    def _speakers_own(self, n: Token, poss: Token) -> list[Resolved]:
        """ "The group's demands include A and B, he added" said by the rebels' negotiator:
        a bare description of a body ("the group's", "the movement's") in a clause its
        reporter says is the reporter's own body when it is an organization (a speaker speaks
        of their own side's demands; a state's official would not call it "the group")."""
        ctx = self.ctx
        lex = ctx.lex
        if poss.pos_ != "NOUN" or ctx.men[poss.i] is not None:
            return []
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in poss.children):
            return []
        if poss.lemma_.lower() not in lex.groups | lex.org_heads | lex.armed_groups:
            return []
        clause = n.head if n.dep_ in ("nsubj", "nsubjpass") else None
        if clause is None:
            return []
        with ctx.quietly():
            judges = self._judges(clause)
        sides = {ctx.stance_source(self._voiced_for(r, clause).actor) for r in judges}
        orgs = [a for a in sides if ctx.type_of(a) == "organization"]
        return [Resolved(orgs[0], via="principal")] if len(orgs) == 1 else []

    def _subject_owner(self, pron: Token) -> list[Resolved]:
        """ "The MILF's conditions have not changed. Its demands include ...": the owner of
        the nearest subject before, when the subject itself names no actor."""
        ctx = self.ctx
        k = ctx.sent_of[pron.i]
        for kk in range(k, max(-1, k - 2), -1):
            subs = [
                t
                for t in ctx.sents[kk]
                if t.dep_ in ("nsubj", "nsubjpass") and t.i < pron.i and t.i != pron.head.i
            ]
            if not subs:
                continue
            subj = subs[-1]
            if ctx.men[subj.i] is not None:
                return []  # the subject is an actor and was not taken: leave it
            poss = next((c for c in subj.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
            return ctx.resolve.resolve_np(poss) if poss is not None else []
        return []

    def _demand_list(self, n: Token) -> None:
        """ "its demands, which include A, B and C", "its conditions, including A and B", "the
        group's demands: A and B": one demand per item, from the owner."""
        ctx = self.ctx
        items = self.t.list_items(n)
        if not items or self._background(n):
            return
        sources = self._owners(n)
        if not sources and n.dep_ == "nsubj":  # "its first priority remained X, Qatar said"
            sources = self._judges(n.head)
            if any(c.dep_ == "poss" and c.lower_ == "their" for c in n.children):
                sources = self._other_side(sources)  # "Their demands include X," she said
        if not sources and n.head.pos_ == "VERB":  # "Hamas is sticking to its conditions"
            sources = ctx.resolve.subject_actors(n.head.head if n.dep_ == "pobj" else n.head)
        holder = n.head.head if n.dep_ == "pobj" and n.head.lower_ == "of" else None
        if not sources and holder is not None and holder.lemma_.lower() in LIST_HOLDERS:
            # "presented a list of demands including A and B": whoever presented the list
            verb = holder.head if holder.dep_ == "dobj" else None
            if verb is not None and verb.lemma_.lower() in ctx.lex.light_verbs | LIST_GIVERS:
                if ctx.negated(verb) or ctx.irrealis(verb):
                    return
                sources = ctx.resolve.subject_actors(verb)
            else:
                sources = self._owners(holder)  # "Hamas's list of demands"
        if not sources:
            return
        targets = [x for item in items for x in self.t.nps(item)]
        self._emit("demands", sources, targets, n, 0.65)

    def _proviso(self, verb: Token, clause: Token, cue: Token) -> None:
        """ "X agreed to the truce on condition that Y releases them", "X will join the talks
        as long as Y drops the tariffs": X demands what the condition says."""
        ctx = self.ctx
        if verb.pos_ not in ("VERB", "AUX") or ctx.negated(verb) or ctx.irrealis(verb):
            return
        sources = ctx.resolve.subject_actors(verb)
        if sources:
            self._emit("demands", sources, _list(ctx.topics.from_vp(clause)), cue, 0.6)

    def _condition_of(self, n: Token, verb: Token) -> None:
        """ "Iran has expressed willingness to limit enrichment under the condition of strong
        guarantees", "agreed to a truce on condition of a full withdrawal": the one who would
        act demands what the condition names (issue-17d)."""
        ctx = self.ctx
        of = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
        if obj is None or ctx.men[obj.i] is not None or verb.pos_ not in ("VERB", "AUX"):
            return
        # "willingness (readiness) to limit X under the condition": the one who is willing
        acting = verb.head.head if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" else verb
        if any(ctx.negated(x) or ctx.irrealis(x) for x in (verb, acting)):
            return
        sources = ctx.resolve.subject_actors(acting)
        if sources:
            self._emit("demands", sources, self.t.nps(obj), n, 0.6)

    def _as_long_as(self, long: Token) -> None:
        """ "will join the talks as long as Kosovo drops the tariffs"."""
        clause = next(
            (
                c
                for c in long.children
                if c.dep_ == "advcl"
                and any(g.dep_ == "mark" and g.lower_ == "as" for g in c.children)
            ),
            None,
        )
        if long.dep_ == "advmod" and clause is not None:
            self._proviso(long.head, clause, long)

    def _condition_copula(self, n: Token, verb: Token) -> None:
        """ "a full withdrawal is a precondition for any talks, Kyiv said", "the release of
        the prisoners remains its condition": the subject is demanded, by the noun's owner
        or whoever says so."""
        ctx = self.ctx
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ == "PRON" or ctx.negated(verb) or ctx.irrealis(verb):
            return
        if self.t.list_items(subj) or ctx.men[subj.i] is not None:
            return  # "its conditions are X": the list rule; an actor is no demand
        lex = ctx.lex
        goal = next(
            (g for c in n.children if c.lower_ == "for" for g in c.children if g.dep_ == "pobj"),
            None,
        )
        talks = lex.party_nouns | lex.talk_nouns | lex.proposal_heads
        if (
            goal is not None
            and goal.pos_ != "VERB"
            and not {goal.lemma_.lower(), goal.lower_} & talks
        ):
            return  # "a precondition for disaster": not one of the negotiation
        sources = self._owners(n) or self._judges(verb)
        if sources:
            self._emit("demands", sources, self.t.nps(subj), n, 0.6)

    def _vital_matter(self, n: Token) -> None:
        """ "Access to the Red Sea is a crucial matter for landlocked Ethiopia," said by
        Ethiopia's side: it demands the subject (issue-16d). The one it matters for is the
        side of whoever says so; a subject that is an actor or a pronoun is no demand."""
        ctx = self.ctx
        lex = ctx.lex
        verb = n.head
        if (
            verb.lemma_.lower() not in ctx.lex.predicate_copulas
            or ctx.negated(verb)
            or ctx.irrealis(verb)
        ):
            return
        # issue-17d: "a matter of national survival", "a question of life and death"
        survival = any(
            c.dep_ == "prep" and c.lower_ == "of" and g.dep_ == "pobj" and g.lemma_ in lex.vital_of
            for c in n.children
            for g in c.children
        )
        if not survival and not any(
            c.dep_ == "amod" and c.lower_ in lex.vital_adjectives for c in n.children
        ):
            return
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ in ("PRON", "PROPN") or _actor(ctx, subj):
            return
        whom = [
            g
            for c in n.children
            if c.dep_ == "prep" and c.lower_ == "for"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if not whom:  # survival for no one named: the survival of whoever says so
            if survival and any(c.dep_ == "prep" for c in subj.children):  # "access to X"
                self._emit("demands", self._judges(verb), self.t.nps(subj), n, 0.6)
            return
        with ctx.quietly():
            side = {ctx.stance_source(r.actor) for r in ctx.resolve.resolve_np(whom[0])}
        sources = [
            r
            for r in self._judges(verb)
            if ctx.stance_source(self._voiced_for(r, verb).actor) in side
        ]
        if sources:
            self._emit("demands", sources, self.t.nps(subj), n, 0.6)

    def _provided(self, w: Token) -> None:
        """ "will sign the deal provided that Russia withdraws its troops", "would accept
        neutrality providing that X": X demands what the condition says (only with "that":
        without it the parser reads the clause as anything)."""
        doc = w.doc
        that = doc[w.i + 1] if w.i + 1 < len(doc) else None
        if that is None or that.lower_ != "that" or that.dep_ != "mark":
            return
        clause = that.head
        verb = w.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head  # "release the hostages providing that ...": on the object
        if clause.i > w.i and verb.i < w.i:
            self._proviso(verb, clause, w)

    def _hinges_on(self, w: Token) -> None:
        """ "any deal hinges on Ukraine dropping its bid, the Kremlin said", "Kinshasa has made
        clear that signing is conditional on a withdrawal", "its approval is contingent on
        guarantees": whoever holds the condition (the owner of what depends on it, else
        whoever says so) demands what it depends on (issue-14d)."""
        ctx = self.ctx
        if self._made_conditional(w):
            return
        anchor = w  # "is first and foremost conditional on Y": the first conjunct's place
        while anchor.dep_ == "conj" and anchor.pos_ in ("ADJ", "ADV") and anchor.i != anchor.head.i:
            anchor = anchor.head
        on = next((c for c in w.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
        if on is None and anchor.dep_ == "acomp":  # "is conditional on Y", "on" on the copula
            on = next(
                (
                    c
                    for c in anchor.head.children
                    if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                ),
                None,
            )
        obj = next((g for g in on.children if g.dep_ in ("pobj", "pcomp")), None) if on else None
        clause = anchor.head if anchor.dep_ in ("acomp", "amod") else w
        saying = ctx.lex.speech_verbs | ctx.lex.insist_verbs
        # "insisted that peace hinges on X": asserted by the one who insists, so the clause's
        # own assertion is read on the verb of saying
        said = clause.head if clause.dep_ in ("ccomp", "dobj") else None
        said = said if said is not None and said.lemma_.lower() in saying else None
        top = said if said is not None else clause
        if obj is None or ctx.negated(clause) or ctx.negated(top) or ctx.irrealis(top):
            return
        if ctx.asked(clause):
            return
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        if w.pos_ == "NOUN":  # "said any deal hinges on X", the verb tagged as a plural noun
            subj = next((c for c in w.children if c.dep_ in ("compound", "nsubj")), None)
            if said is None:
                return
        if subj is None or not self._dependent(subj):
            return  # "Hamas depends on Iran": reliance; "the harvest depends on the rain"
        poss = next((c for c in subj.children if c.dep_ == "poss"), None)
        sources = self._owners(subj) if poss is not None else []
        if said is not None and not sources:
            sources = [] if ctx.negated(said) else ctx.resolve.subject_actors(said)
        sources = sources or self._judges(clause) or self._made_clear(clause)
        if not sources:
            return
        act = next(
            (g for x in (obj, w) for g in x.children if g.dep_ == "acl" and g.pos_ == "VERB"),
            None,
        )
        if obj.pos_ == "VERB":  # "depends on Armenia changing its constitution"
            targets = _list(ctx.topics.from_vp(obj))
        elif act is not None and act.i > obj.i:  # "on Ukraine (the rebels) dropping X"
            agent = obj if ctx.men[obj.i] is None else None
            targets = _list(ctx.topics.from_vp(act, agent=agent))
        elif ctx.men[obj.i] is not None:
            return  # an actor alone is no demand
        else:
            targets = self.t.nps(obj)
        self._emit("demands", sources, targets, w, 0.6)

    def _made_conditional(self, w: Token) -> bool:
        """ "Ankara has made the opening of the border conditional on a settlement", "made a
        ceasefire conditional on Kyiv dropping its bid": the subject of "make" demands the
        condition, whatever it made depend on it (issue-17d). True when the rule applied."""
        ctx = self.ctx
        if w.pos_ != "ADJ":
            return False
        # the parser hangs the adjective on the object, makes it a clause with the object as
        # its subject, or buries it in the object's last noun ("relations with Yerevan
        # conditional"): the nearest "make" above it, with no other verb between
        make = w.head
        while make.pos_ != "VERB" and make.head.i != make.i:
            make = make.head
        if make.tag_ == "VBG" and make.dep_ == "ccomp" and make.i > w.i:
            make = make.head  # "made any truce conditional on Kyiv dropping": one clause
        if (
            make.lemma_.lower() != "make"
            or make.i > w.i
            or not any(c.dep_ in ("dobj", "ccomp", "oprd") for c in make.children)
        ):
            return False
        objs = [c for c in make.children if c.dep_ == "dobj"]
        on = next(
            (
                c
                for x in (w, *objs, make)
                for c in x.children
                if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i > w.i
            ),
            None,
        )
        cond = next((g for g in on.children if g.dep_ in ("pobj", "pcomp")), None) if on else None
        if cond is None or ctx.negated(make) or ctx.irrealis(make) or ctx.asked(make):
            return cond is not None
        sources = ctx.resolve.subject_actors(make)
        act = next(  # "on Kyiv dropping its bid": the act the parser hung elsewhere
            (
                g
                for x in (cond, make)
                for g in x.children
                if g.dep_ in ("acl", "advcl", "ccomp") and g.tag_ == "VBG" and g.i > cond.i
            ),
            None,
        )
        if cond.pos_ == "VERB":
            targets = _list(ctx.topics.from_vp(cond))
        elif act is not None:
            agent = cond if ctx.men[cond.i] is None else None
            targets = _list(ctx.topics.from_vp(act, agent=agent))
        elif ctx.men[cond.i] is not None:
            return True  # an actor alone is no demand
        else:
            targets = self.t.nps(cond)
        self._emit("demands", sources, targets, w, 0.6)
        return True

    def _dependent(self, subj: Token) -> bool:
        """Whether what depends on a condition is a step of the talks: a deal, the talks, a
        side's act ("its approval", "signing"), not an actor or a thing of no talks."""
        ctx = self.ctx
        lex = ctx.lex
        if ctx.men[subj.i] is not None or subj.pos_ == "PRON":
            return False
        words = (
            lex.talk_nouns
            | lex.proposal_heads
            | lex.agree_verbs
            | lex.dependent_subjects
            | lex.object_classes.get("step", frozenset())
            | lex.object_classes.get("proposal", frozenset())
        )
        return bool({subj.lemma_.lower(), subj.lower_} & words)

    def _made_clear(self, clause: Token) -> list[Resolved]:
        """ "X has made (it) clear that Y ...": X asserts Y."""
        up = clause.head
        if clause.dep_ in ("ccomp", "csubj") and any(c.lower_ == "clear" for c in up.children):
            up = next(c for c in up.children if c.lower_ == "clear")  # the clause on "made"
        if clause.dep_ not in ("ccomp", "csubj") or up.lower_ != "clear":
            return []
        make = up.head if up.dep_ in ("ccomp", "oprd", "acomp", "xcomp") else up
        if make.lemma_.lower() != "make" or self.ctx.negated(make) or self.ctx.irrealis(make):
            return []
        return self.ctx.resolve.subject_actors(make)

    def _stressed_need(self, n: Token) -> None:
        """ "Egypt stressed the need for an immediate ceasefire", "reiterated the need to open
        the crossings", "underlined the need for Israel to withdraw": the subject demands what
        is needed (issue-14d). Only as the object of a verb that asserts it (``need_verbs``),
        with an actor for subject."""
        ctx = self.ctx
        verb = n.head
        if n.dep_ != "dobj" or verb.lemma_.lower() not in ctx.lex.need_verbs:
            return
        if ctx.negated(verb) or ctx.irrealis(verb) or ctx.asked(verb):
            return
        sources = ctx.resolve.subject_actors(verb)
        if not sources:
            return
        if n.lemma_.lower() in ctx.lex.weight_nouns:
            # "stressed the urgency of concluding the talks": an act only (issue-16d)
            acts = [
                g
                for c in n.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ in ("pcomp", "pobj") and (g.pos_ == "VERB" or _gerund_compound(g))
            ]
            targets = [
                x
                for a in acts
                for x in (_list(self._gerund_act(a)) if a.pos_ == "VERB" else self.t.nps(a))
            ]
            self._emit("demands", sources, targets, n, 0.6)
            return
        act = next(  # "the need to open X", "the need for Israel to withdraw" (a clause)
            (c for c in n.children if c.dep_ in ("acl", "relcl", "advcl") and c.pos_ == "VERB"),
            None,
        )
        obj = next(
            (
                g
                for c in n.children
                if c.dep_ == "prep" and c.lower_ == "for"
                for g in c.children
                if g.dep_ in ("pobj", "pcomp")
            ),
            None,
        )
        if obj is not None and ctx.men[obj.i] is not None:  # "the need for Israel to withdraw"
            act = next((g for g in obj.children if g.dep_ in ("acl", "relcl")), act)
            obj = None
        if act is not None and obj is None:
            targets = _list(ctx.topics.from_vp(act))
        elif obj is not None:
            targets = _list(ctx.topics.from_vp(obj)) if obj.pos_ == "VERB" else self.t.nps(obj)
        else:
            return
        self._emit("demands", sources, targets, n, 0.6)

    def _gerund_act(self, act: Token) -> Topic | None:
        """ "providing Ethiopia, a nation of 120 million, with access to the sea": the whole
        gerund phrase without its asides (appositions, commas)."""
        aside = {y.i for x in act.subtree if x.dep_ == "appos" for y in x.subtree}
        toks = [x for x in act.subtree if x.i not in aside and not x.is_punct]
        verb = next((x for x in act.ancestors if x.pos_ in ("VERB", "AUX")), None)
        if aside and verb is not None:  # "providing X, a nation of ..., with access to Y"
            toks += [
                y
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "with" and c.i > act.right_edge.i
                for y in c.subtree
            ]
        return self.ctx.topics.from_tokens(toks)

    def _threat(self, v: Token) -> None:
        """ "Israel threatened to expand the offensive if Hamas did not agree to the exchange",
        "threatened sanctions if Russia does not accept a ceasefire": the one who threatens
        demands what the negated condition asks of another (issue-14d; not "unless", which
        PLOVER codes as a threat only)."""
        ctx = self.ctx
        if ctx.negated(v) or ctx.irrealis(v) or ctx.asked(v):
            return
        sources = ctx.resolve.subject_actors(v)
        if not sources:
            return
        acts = [v, *(c for c in v.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB")]
        conds = [c for a in acts for c in a.children if c.dep_ == "advcl"]
        # "if production does not stop, and if their demands are not met": each condition
        conds += [g for c in conds for g in c.conjuncts if g.i > c.i and g.pos_ in ("VERB", "AUX")]
        conds += [c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]  # hung on v
        for cond in conds:
            mark = next((g.lower_ for g in cond.children if g.dep_ == "mark"), None)
            if mark != "if" or not ctx.negated(cond):
                continue  # "threatened to leave if the talks fail": no demand
            subj = next((g for g in cond.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or _same(ctx, sources, ctx.resolve.resolve_np(subj)):
                continue  # "... unless it gets X" asks nothing of another
            if subj.lemma_.lower() in ctx.lex.demand_nouns | ctx.lex.demand_list_nouns:
                # "if their demands to pay the salaries are not met": what the demand asks
                # (issue-17d); a demand named without its content gives nothing here
                self._emit("demands", sources, self._demand_content(subj), v, 0.6)
            elif ctx.men[subj.i] is None and not any(
                c.dep_ in ("dobj", "prep", "attr", "acomp") for c in cond.children
            ):
                # "if crude oil production does not stop": the act on the thing (issue-17d)
                act = ctx.topics.from_tokens([*ctx.topics.np_tokens(subj), cond])
                self._emit("demands", sources, _list(act), v, 0.6)
            else:
                self._emit("demands", sources, self._asked_by_condition(cond), v, 0.6)

    def _demand_content(self, n: Token) -> list[Topic | str]:
        """What a demand noun asks ("demands to pay the salaries", "demands for a truce")."""
        for c in n.children:
            if c.dep_ in ("acl", "relcl") and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children
            ):
                return _list(self.ctx.topics.from_vp(c))
            if c.dep_ == "prep" and c.lower_ == "for":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and self.ctx.men[obj.i] is None:
                    return self.t.nps(obj)
        return []

    def _asked_by_condition(self, cond: Token) -> list[Topic | str]:
        """What a condition asks: the thing to accept ("did not agree to the exchange": the
        exchange), else the act ("unless Russia withdraws its troops")."""
        ctx = self.ctx
        if cond.lemma_.lower() in ctx.lex.agree_verbs | ctx.lex.negated_acceptance:
            obj = next((c for c in cond.children if c.dep_ == "dobj"), None) or next(
                (
                    g
                    for c in cond.children
                    if c.dep_ == "prep" and c.lower_ in ("to", "on")
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            if obj is not None and ctx.men[obj.i] is None:
                return self.t.nps(obj)
        # "if Hamas does not release all the hostages": the act, without its negation
        toks = [x for x in ctx.topics.vp_tokens(cond) if x.dep_ != "neg"]
        return _list(ctx.topics.from_tokens(toks))

    def _made_condition(self, n: Token) -> None:
        """ "The Houthis made an end to the war a condition for halting their attacks"."""
        ctx = self.ctx
        verb = n.head
        if n.dep_ == "pobj" and verb.lower_ in ("on", "upon", "under", "with"):
            clause = self.t.clause_of_noun(n)  # "on condition that Y"
            if clause is not None and verb.lower_ in ("on", "upon"):
                self._proviso(verb.head, clause, n)
            elif clause is None:
                self._condition_of(n, verb.head)
            return
        if n.dep_ == "attr" and verb.lemma_.lower() in self.ctx.lex.predicate_copulas:
            self._condition_copula(n, verb)
            return
        if n.dep_ == "pobj" and verb.lower_ == "as":  # "set X as its price for Y"
            verb = verb.head
        elif n.dep_ not in ("oprd", "attr", "xcomp", "ccomp", "dobj"):
            return
        if verb.lemma_.lower() not in ("make", "set", "name", "declare"):
            return
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i != n.i), None)
        if obj is None:  # "made an end to the war a condition": a parse with a clause
            obj = next((c for c in n.children if c.dep_ == "nsubj"), None)
        if obj is None or ctx.negated(verb) or ctx.irrealis(verb):
            return
        sources = ctx.resolve.subject_actors(verb)
        if sources:
            self._emit("demands", sources, self.t.nps(obj), n, 0.65)


#: who puts forward bridging proposals besides the lexicon's mediators ("a proposal by the
#: UN envoy to ..."): no side's demand
BRIDGING = frozenset({"envoy", "envoys", "emissary", "emissaries"})

#: words that open the members of a plural subject ("European leaders, including X and Y")
MEMBER_MARKS = frozenset({"including", "among", "notably", "especially"})

#: prepositions of an act done on someone's request ("at Trump's request", "upon the
#: request of the AU")
AT_REQUEST = frozenset({"at", "upon"})

#: passives that are how one is seen or named, not what others are asked to do ("wants to
#: be seen as a mediator", "asked not to be named")
NOT_ASKED_PASSIVES = frozenset(
    {"see", "name", "identify", "quote", "regard", "view", "perceive", "consider", "think"}
)


def _passive_infinitive(v: Token) -> Token | None:
    """ "The group demands to be recognised", "asked to be included in the talks": the
    passive infinitive a subject asks for itself is an act asked of others (issue-16d); not
    where the verb of asking is itself passive ("is expected to be signed")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
        return None
    for c in v.children:
        if (
            c.dep_ == "xcomp"
            and c.pos_ == "VERB"
            and any(g.dep_ == "auxpass" for g in c.children)
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            and not any(g.dep_ == "neg" for g in c.children)
            and c.lemma_.lower() not in NOT_ASKED_PASSIVES
        ):
            return c
    return None


def _described_deal(clause: Token, subj: Token, copulas: frozenset[str]) -> bool:
    """ "He emphasized that the agreement establishes a solid foundation": a deal already
    made, told by a verb in the indicative with "the" or "this", is described, not asked for
    (issue-16d); "any deal must include X", "the deal must include X", "that the truce be
    temporary", "the plan was the only basis for talks" stand."""
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in clause.children):
        return False
    if clause.tag_ == "VB" or clause.lemma_.lower() in copulas:
        return False  # a subjunctive ("that the deal be temporary"), a position ("the plan
        # was the only basis for talks")
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subj.children)


def _actor(ctx: DocContext, t: Token) -> bool:
    """Whether a token is part of a mention of an actor."""
    m = ctx.men[t.i]
    return m is not None and bool(m.actor)


def _gerund_compound(n: Token) -> bool:
    """ "the urgency of concluding negotiations" with the gerund parsed as a compound noun."""
    first = n.doc[n.left_edge.i]
    return (
        n.pos_ == "NOUN"
        and first.dep_ == "compound"
        and first.head.i == n.i
        and first.lower_.endswith("ing")
        and first.tag_ in ("NN", "VBG")
    )


def _bare_act(v: Token) -> bool:
    """A verb in its base form with no subject of its own: one more act of a list ("to stop X,
    lift Y and pay Z")."""
    return v.pos_ == "VERB" and v.tag_ in ("VB", "VBP") and subjectless(v)


def _condition_named(clause: Token, t: Targets) -> Topic | str | list[Topic | str] | None:
    """What a condition clause names: the demands it says must be met (issue 12k), else
    the clause."""
    met = met_demands(clause, t)
    return met if met is not None else t.ctx.topics.from_vp(clause)


def _list(x: Topic | str | None) -> list[Topic | str]:
    return [] if x is None else [x]


def _same(ctx: DocContext, a: list[Resolved], b: list[Resolved]) -> bool:
    """Whether two lists of actors share one (a spokesperson's side counting as theirs)."""
    ours = {r.actor for r in a} | {ctx.stance_source(r.actor) for r in a}
    return any(r.actor in ours or ctx.stance_source(r.actor) in ours for r in b)
