"""Stances: who demands and who rejects what.

:class:`Stances` finds the cue words of the lexicon in each sentence and hands each to its
rule: :mod:`.demands` holds the demand rules, :mod:`.rejections` the rejection rules. Cues
that are negated, conditional, hedged or governed by another demand or threat give nothing.
The source is the subject (or whoever says so); a spokesperson's stance is the
organization's. A target is an actor or a topic (:mod:`.targets`); a coordinated object gives
one stance per item.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.ingest.extract import stance_trace
from actorgraph.ingest.extract.demands import DemandRules
from actorgraph.ingest.extract.rejection_apposed import ApposedRejects
from actorgraph.ingest.extract.rejections import RejectRules
from actorgraph.ingest.extract.tokens import lemmas, lowers, plural_base, tokens

if TYPE_CHECKING:
    from spacy.tokens import Token


#: "will not release them unless Y", "would not discuss X until Y": a demand for Y
CONDITION_MARKS = frozenset({"unless", "until", "till"})


#: "is not interested in X", "is not keen on X": a rejection of X
UNINTERESTED = frozenset({"interested", "keen"})

#: "will sign provided that Y", "providing that Y": a demand for Y
PROVISOS = frozenset({"provided", "providing"})

#: modals that make a demand with "only": "a truce could only be temporary"
ONLY_MODALS = frozenset({"can", "could", "ca"})


@lru_cache(maxsize=4)
def _cue_words(cue_lemmas: frozenset[str]) -> frozenset[str]:
    """The words (lower case) that make a token a cue: the cue lemmas and the fixed words."""
    return (
        cue_lemmas | CONDITION_MARKS | ONLY_MODALS | UNINTERESTED | PROVISOS | {"long", "without"}
    )


def _only_on(v: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ == "only" for c in v.children)


class Stances(DemandRules, RejectRules, ApposedRejects):
    """The ``demands`` and ``rejects`` families on one document."""

    def run(self) -> None:
        ctx = self.ctx
        cue_lemmas = ctx.lex.cue_lemmas
        ctx.resolve.stance_sources = True  # "the government insisted": the state's stance
        if stance_trace.TRACE is not None:
            stance_trace.TRACE.begin(ctx)
        try:
            toks, lows, lems = tokens(ctx.doc), lowers(ctx.doc), lemmas(ctx.doc)
            words = _cue_words(cue_lemmas)
            for s in ctx.sents:
                read = self._apposed_rejections(s)  # "X did Y, a move Z condemned" (22R)
                for i in range(s.start, s.end):
                    if (lems[i] in cue_lemmas or lows[i] in words) and i not in read:
                        if stance_trace.TRACE is not None:
                            stance_trace.TRACE.cue(ctx, toks[i])
                        self._cue(toks[i])
                self._phrases(s)
                self._positions(s)  # a side's terms and position (issue-21D)
            self._quoted_imperatives()
            self._quoted_lists()
        finally:
            ctx.resolve.stance_sources = False

    def _cue(self, t: Token) -> None:
        ctx = self.ctx
        lex = ctx.lex
        lemma, low = t.lemma_.lower(), t.lower_
        if t.pos_ == "ADJ" and lemma in lex.willing and t.dep_ == "acomp":
            act = next((c for c in t.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            for c in [*t.children, *t.head.children] if act is not None else []:
                if c.dep_ == "advcl":  # "is ready to return if Kyiv drops X", hung on "is"
                    self._conditional_offer(c, act)
        if t.pos_ == "VERB":
            kept = self.retained(t)
            if kept is not None:  # "insisted on keeping X": giving X up refused, no demand
                self._retention(t, kept)
            elif lemma in lex.demand_verbs:
                self._demand_verb(t, lex.demand_verbs[lemma])
            if lemma in lex.reject_verbs:
                self._reject_verb(t, lex.reject_verbs[lemma])
            if lemma in lex.negated_acceptance and not self._required_by_refusal(t):
                self._negated_accept(t)
            if lemma in lex.insist_verbs:
                self._insist(t)
            if lemma in lex.threat_verbs:
                self._threat(t)
            if lemma in lex.deadline_verbs:
                self._deadline(t)  # "gave the army 48 hours to X" (issue-20D)
            if lemma in lex.agree_verbs:
                self._condition(t)
            if lemma in lex.offered_acts or lemma == "consider":
                for c in t.children:  # "would halt its attacks if Israel stopped X"
                    if c.dep_ == "advcl":
                        self._conditional_offer(c)
            if lemma in lex.agreeing:
                self._agreed_exclusion(t)
            if lemma in lex.evaluation_verbs:
                self._evaluation(t)
            if lemma in lex.shortfall_verbs:
                self._shortfall(t)
            if lemma in lex.concessions:
                self._refused_concession(t)
            if lemma in lex.continuing:
                self._goes_on(t)  # "the war will resume" (issue 16r)
            if lemma in lex.bound:
                self._bound(t)  # "would not be bound by the agreement" (issue 21R)
            if lemma in lex.forcing:
                self._forced(t)  # "will not be pressured into talks" (issue 21R)
            if lemma in lex.departures:
                self._departure(t, lex.departures[lemma])
            if lemma in lex.reject_idioms:
                self._idiom(t, lex.reject_idioms[lemma])
            if lemma in lex.acceptance_idioms:
                self._idiom(t, lex.acceptance_idioms[lemma], acceptance=True)
        if low == "no" and t.dep_ == "attr":
            self._answer_no(t)  # "Hamas's answer was no" (issue 20R)
        if low == "no" and t.dep_ in ("intj", "dobj") and t.head.lemma_.lower() == "say":
            self._say_no(t.head)
        elif low == "no" and t.dep_ == "det" and t.head.dep_ == "attr":
            self._there_will_be_no(t.head)  # "there will be no Palestinian state"
        elif (
            low == "no"
            and t.dep_ == "det"
            and t.head.dep_ == "nsubj"
            and t.head.head.lemma_.lower() in lex.happening
        ):
            self._there_will_be_no(t.head)  # "no safe zone will happen" (issue 14r)
        elif (
            low == "no"
            and t.dep_ == "det"
            and t.head.dep_ == "dobj"
            and t.head.lemma_.lower() in lex.no_place
            and t.head.head.lemma_.lower() == "have"
        ):
            self._no_place(t.head, t.head.head)  # "foreign troops have no place in X" (21R)
        elif low == "no" and t.dep_ == "det" and t.head.lemma_.lower() in lex.concession_nouns:
            self._no_concessions(t.head)  # "will make no concessions on X" (issue 21R)
        elif (
            low == "no"
            and t.dep_ == "intj"
            and t.head.lower_ == "to"
            and t.head.head.lemma_.lower() == "say"
        ):  # "says no to X", the "no" hung on the "to"
            self._say_no(t.head.head)
        if (
            (t.dep_ == "aux" and low in lex.modals)
            or (lemma in lex.necessity and t.dep_ != "aux" and ctx.has_modal(t))
            or (t.dep_ == "aux" and low in ONLY_MODALS and _only_on(t.head))
        ):  # "must withdraw", "would have to include", "could only be temporary"
            self._deontic(t)
        if low in CONDITION_MARKS and t.dep_ == "mark" and t.head.dep_ == "advcl":
            v = t.head.head
            while (
                not ctx.negated(v)
                and v.lemma_.lower() not in lex.refusals
                and v.dep_ in ("xcomp", "acl")
                and v.head.i != v.i
            ):
                v = v.head  # "will not begin setting up X until Y": the negated verb
            if (
                ctx.negated(v) and v.lemma_.lower() not in lex.negated_acceptance
            ) or v.lemma_.lower() in lex.refusals:
                self._conditional_refusal(v)
            elif low == "unless":
                self._ruled_out_unless(t.head, t)
        if low == "without" and t.dep_ == "prep":
            self._ruled_out_unless(t.head, t)
        if low in lex.contrasts and t.dep_ == "advmod":
            self._instead(t)  # "demanded A instead of B" (issue 16r)
        if low == "only" and t.dep_ == "advmod":
            self._only(t)
        if low == "long" and t.dep_ == "advmod":
            self._as_long_as(t)
        if low in PROVISOS:
            self._provided(t)
        if lemma in lex.dependence:
            self._hinges_on(t)
        if low == "against" and t.dep_ == "prep":
            self._against(t)
        if t.tag_ == "NNS" and t.dep_ in ("conj", "ROOT") and plural_base(t) in lex.demand_verbs:
            self._misread_demand_verb(t)
        if t.tag_ == "NNS" and plural_base(t) in lex.reject_verbs:
            self._misread_reject_verb(t)  # "X, a demand Israel rejects" (issue 21R)
        if t.pos_ == "ADJ" and t.dep_ == "dobj" and lemma in lex.weight_nouns:
            self._stressed_need(t)  # "highlighted the imperative to end X", tagged ADJ (22D)
        if t.pos_ in ("NOUN", "PROPN"):
            if lemma in lex.demand_nouns or low in lex.demand_nouns:
                self._demand_noun(t)
            if lemma in lex.demand_plans and lemma != "offer":
                self._rejected_proposal(t)  # "rejected a Sudanese proposal to X" (16d)
            if low in lex.demand_list_nouns or lemma in lex.demand_list_nouns:
                self._demand_list(t)
            if lemma in lex.condition_nouns:
                self._made_condition(t)
            if lemma in lex.pressure_nouns:
                self._pressure(t)  # "stepped up pressure on X to Y" (issue-20D)
            if lemma in lex.need_nouns or lemma in lex.weight_nouns:
                self._stressed_need(t)
            if lemma in lex.vital_nouns and t.dep_ == "attr":
                self._vital_matter(t)
            if lemma in lex.reject_nouns or low in lex.reject_nouns:
                self._reject_noun(t)
            if lemma in lex.ending_nouns:
                self._ended(t)  # "announced the termination of the talks" (issue 14r)
            if lemma in lex.belonging:
                self._belonging(t)  # "would not be a party to any deal" (issue 21R)
            if lemma in lex.no_question and t.dep_ == "attr":
                self._not_question_but(t)  # "not a question of withdrawal but of X" (21R)
        if t.pos_ in ("ADJ", "VERB", "NOUN"):
            if lemma in lex.reject_predicates and t.dep_ in ("acomp", "attr"):
                self._predicate(t, t.head)
            elif lemma in lex.evaluations and t.dep_ in ("acomp", "attr"):
                self._judged_proposal(t)  # "the offer was a sham, X said" (issue 20R)
            if low in lex.unwilling or low in lex.willing:
                self._unwilling(t)
            if low in lex.opposed:
                self._opposed(t)
            if low in UNINTERESTED:
                self._uninterested(t)
