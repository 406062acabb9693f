"""Demands by nouns (a layer of :class:`.demands.DemandRules`).

A demand noun with a light verb or an owner ("issued a request to Hamas to release …", "the
African Union's call for an end to the siege", "at Trump's request"); a list of demands, one
demand per item ("its demands, which include A, B and C", "its conditions, including A and
B"); "stressed the need for X"; "X is a crucial matter for Y"; a side's proposal the other
rejects ("rejected a Sudanese proposal to include mediators").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.demand_owners import (
    BACKERS,
    DemandOwners,
    in_actor_mention,
    share_actor,
    topic_list,
)
from actorgraph.ingest.extract.demand_positions import positions_for
from actorgraph.ingest.extract.records import Resolved
from actorgraph.ingest.extract.targets import LIST_HOLDERS, demand_preps, subjectless

if TYPE_CHECKING:
    from actorgraph.ingest.extract.topics import Topic
    from spacy.tokens import Token

#: verbs that present a list of demands besides the light verbs ("handed the mediators a list")
LIST_GIVERS = frozenset({"hand", "give", "table", "draw", "unveil", "publish", "outline"})

#: who puts forward bridging proposals besides the lexicon's mediators ("a proposal by the
#: UN envoy to ..."): no side's demand
BRIDGING = frozenset({"envoy", "envoys", "emissary", "emissaries"})

#: prepositions of an act done on someone's request ("at Trump's request", "upon the
#: request of the AU")
AT_REQUEST = frozenset({"at", "upon"})

#: nouns of those who can be asked to act, besides the lexicon's bodies and groups ("a demand
#: for the other side to withdraw", "calls for the parties to return")
AGENT_NOUNS = frozenset({"side", "party", "country", "state", "army", "military", "force"})


class DemandNouns(DemandOwners):
    """Demands by nouns and lists of demands."""

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
        elif self._received(n):
            # "Hamas received a request from Qatar to free X", "the army faced calls from Hamas
            # to withdraw": a demand made to the subject is its owner's (issue-20D)
            sources = [
                r
                for r in self._owners(n)
                if not share_actor(ctx, ctx.resolve.subject_actors(n.head), [r])
            ]
        else:
            if self._background(n) and not self._standing_demand(n) and not self._at_issue(n):
                return  # "rejected an Australian ultimatum to …": the event is the rejection
            sources = self._noun_owners(n)
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
            targets = topic_list(ctx.topics.from_vp(act))
        else:
            pobj = None
            for c in [*(c for c in n.children if c.lower_ == "on"), *demand_preps(n)]:
                if c.dep_ == "prep":
                    pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            hung = self._hung_infinitive(n) if pobj is None and light else None
            if pobj is None and n.dep_ == "appos" and ctx.men[n.head.i] is None:
                targets = self.t.nps(n.head)  # "a permanent ceasefire, a key Hamas demand, ..."
            elif hung is not None:
                targets = [x for a in hung for x in topic_list(ctx.topics.from_vp(a))]
            elif pobj is None:
                return
            elif (asked := self._asked_act(pobj)) is not None:
                # "the NDF's demand for the government to release its comrades", the
                # infinitive hung anywhere: the act asked, not the one asked (issue-22D)
                targets = topic_list(ctx.topics.from_vp(asked))
            else:
                targets = (
                    self.t.nps(pobj)
                    if pobj.pos_ != "VERB"
                    else topic_list(ctx.topics.from_vp(pobj))
                )
                targets += [x for c in self._items_on_noun(n, pobj) for x in self.t.nps(c)]
        self._emit("demands", sources, targets, n, 0.75 if light else 0.65)
        others = [r for r in backers if not share_actor(ctx, sources, [r])]
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
        if not ctx.asserted(verb):
            return []
        return ctx.resolve.subject_actors(verb)

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
        if not ctx.asserted(gov):
            return
        act = self.t.clause_of_noun(n)
        if act is None or not any(g.dep_ == "aux" and g.lower_ == "to" for g in act.children):
            return
        owners = self._owners(n)
        if not owners or share_actor(ctx, owners, ctx.resolve.subject_actors(gov)):
            return
        envoy = ctx.lex.mediator_nouns | BRIDGING
        if any(r.actor in ctx.mediator_hints for r in owners) or any(
            x.lemma_.lower() in envoy for x in n.subtree if x.i < act.i
        ):
            return  # "a proposal by the UN envoy to partition X": a bridging proposal
        self._emit("demands", owners, topic_list(ctx.topics.from_vp(act)), n, 0.6)

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
        if not sources or share_actor(ctx, sources, doers):
            return
        self._emit("demands", sources, topic_list(ctx.topics.from_vp(verb)), n, 0.65)

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

    def _asked_act(self, pobj: Token) -> Token | None:
        """The act asked of the one a demand's "for" names ("a demand for the government to
        release X", "calls for Israel to withdraw"): the infinitive right after the phrase of
        one who can act (an actor, a name, a pronoun, a body or a side), wherever the parser
        hung it; not the infinitive of a thing ("a demand for a commitment to end X")."""
        ctx = self.ctx
        lex = ctx.lex
        if pobj.pos_ == "VERB":
            return None
        agent = (
            in_actor_mention(ctx, pobj)
            or pobj.pos_ in ("PROPN", "PRON")
            or pobj.lemma_.lower()
            in lex.government_nouns | lex.groups | lex.org_heads | lex.armed_groups | AGENT_NOUNS
        )
        if not agent:
            return None
        doc = pobj.doc
        end = pobj.sent.end
        for k in range(pobj.i + 1, min(end, pobj.i + 8)):
            x = doc[k]
            if x.tag_ == "TO" and x.dep_ == "aux" and x.head.pos_ == "VERB" and x.head.i > k:
                return x.head
            if x.pos_ in ("VERB", "AUX", "PUNCT", "CCONJ") or x.head.i > pobj.right_edge.i:
                return None  # the phrase ended without an infinitive
        return None

    def _noun_owners(self, n: Token) -> list[Resolved]:
        """The owners of a demand noun, less the one who rejects it: nobody rejects their own
        demand ("Algeria rejected their request": "their" is not Algeria; issue-22D)."""
        ctx = self.ctx
        sources = self._owners(n)
        if sources and self._standing_demand(n):
            rejecters = ctx.resolve.subject_actors(self._governor(n))
            sources = [r for r in sources if not share_actor(ctx, rejecters, [r])]
        return sources

    def _governor(self, n: Token) -> Token:
        """The verb whose object a demand noun is (through its preposition)."""
        gov = n.head
        return gov.head if n.dep_ == "pobj" and gov.dep_ == "prep" else gov

    def _at_issue(self, n: Token) -> bool:
        """ "The talks are expected to focus on Pakistan's core demand that Afghanistan act",
        "could founder over Hamas's demand for X": a demand noun its owner's possessive names
        with what it asks is that owner's standing position, whatever the mood of the verb
        the talks turn on (`turning_verbs` of `data/demand_positions.yaml`; issue-22D). Not
        under a verb that takes it as given ("could reject Israel's demand"), nor a purpose
        ("blocked roads to press their demands for X"), nor negated."""
        ctx = self.ctx
        gov = self._governor(n)
        if gov.pos_ != "VERB" or gov.lemma_.lower() not in positions_for(ctx.lex).turning_verbs:
            return False
        if ctx.negated(gov) or not any(c.dep_ == "poss" for c in n.children):
            return False
        return self.t.clause_of_noun(n) is not None or bool(demand_preps(n))

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

    def _received(self, n: Token) -> bool:
        """Whether a demand noun is the object of an asserted verb of receiving
        (`demands.receiving_verbs`: "received a request from X", "faced calls from X") with
        its owner named (issue-20D)."""
        ctx = self.ctx
        gov = n.head
        if n.dep_ != "dobj" or gov.lemma_.lower() not in ctx.lex.receiving_verbs:
            return False
        if not ctx.asserted(gov):
            return False
        return any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "from"))
            for c in n.children
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
        if subj is None or subj.pos_ in ("PRON", "PROPN") or in_actor_mention(ctx, subj):
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

    def _stressed_need(self, n: Token) -> None:
        """ "Egypt stressed the need for an immediate ceasefire", "reiterated the need to open
        the crossings", "underlined the need for Israel to withdraw": the subject demands what
        is needed (issue-14d). Only as the object of a verb that asserts it (``need_verbs``),
        with an actor for subject."""
        ctx = self.ctx
        verb = n.head
        if n.dep_ != "dobj" or verb.lemma_.lower() not in ctx.lex.need_verbs:
            return
        if not ctx.asserted(verb):
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
                for x in (topic_list(self._gerund_act(a)) if a.pos_ == "VERB" else self.t.nps(a))
            ]
            targets += [  # "highlighted the imperative to end X and secure Y" (issue-22D)
                x for a in self._weight_infinitives(n) for x in topic_list(ctx.topics.from_vp(a))
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
            targets = topic_list(ctx.topics.from_vp(act))
        elif obj is not None:
            targets = topic_list(ctx.topics.from_vp(obj)) if obj.pos_ == "VERB" else self.t.nps(obj)
        else:
            return
        self._emit("demands", sources, targets, n, 0.6)

    def _weight_infinitives(self, n: Token) -> list[Token]:
        """The acts of "the imperative (urgency, importance) to end X and secure Y": the
        infinitive on the noun or, where the parser hung it on the verb, right after the noun,
        with the infinitives conjoined to it (one demand each)."""
        inf = next((c for c in n.children if c.dep_ == "acl" and _to_infinitive(c)), None)
        if inf is None:
            inf = next(
                (
                    c
                    for c in n.head.children
                    if c.dep_ in ("xcomp", "advcl")
                    and c.i > n.i
                    and _to_infinitive(c)
                    and c.left_edge.i == n.right_edge.i + 1
                ),
                None,
            )
        if inf is None:
            return []
        return [inf, *(c for c in inf.conjuncts if c.i > inf.i and c.pos_ == "VERB")]

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


def _to_infinitive(v: Token) -> bool:
    """A verb with its "to" ("to end the war")."""
    return v.pos_ == "VERB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in v.children)


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
