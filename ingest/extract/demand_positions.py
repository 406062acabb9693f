"""Demands stated as a side's terms and position (a layer of :class:`.demands.DemandRules`,
issue-21D).

Constructions by which reporters give what a side asks without a verb of demanding, from the
event coders' families of demanding and appealing (CAMEO 02x, 10x) and from news pages; their
word classes are ``data/demand_positions.yaml``, validated on load:

- a side's own step offered in exchange: "Hamas would free the hostages in exchange for the
  release of prisoners", "Israel offered a pause in return for X", "is ready to withdraw in
  return for direct talks" (not an exchange done, not one a plan only describes: "Under the
  plan, Hamas would free X in exchange for Y");
- the least a side takes: "will accept nothing less than a full withdrawal", "will not settle
  for anything short of a permanent ceasefire";
- a step of the talks tied to a condition: "Israel has tied any ceasefire to the release of
  all hostages", "Moscow linked a truce to the lifting of sanctions";
- a condition seen as one: "Ethiopia sees access to the sea as a prerequisite for peace";
- what a side's own plan lays down: "Russia's plan envisages a demilitarised zone", "the
  Ukrainian formula foresees X", "its proposal provides for X";
- what a side's position, stance or reply turns on: "Hamas said its position centres on a
  permanent ceasefire, the withdrawal of Israeli forces and humanitarian access" (one demand
  per item);
- an extraposed need in someone's words: "Hammer says it is urgent that talks happen now";
- a thing called non-negotiable by the one who speaks or describes ("described the
  declaration as incorporating the non-negotiable withdrawal of rebel forces");
- a step ruled out with no verb: "'No ceasefire without the return of our prisoners,' X said";
- the act it is time for another actor to do: "said it was time for Russia to end the war";
- (a copula with an adjective of insisting asserts its clause as a verb of insisting does,
  "Azerbaijan is adamant that Armenia must change its constitution": the lexicon's
  `demands.insisting_adjectives`, read by :meth:`.stance_rules.StanceRules._judges`).

Each needs the side named as an actor, an asserted cue (not negated, hedged, asked, a
forecast or a commentator's words) and a content that is no actor alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from actorgraph.ingest.extract import fallbacks
from actorgraph.ingest.extract.context import HEDGES
from actorgraph.ingest.extract.coref import FIRST_PLURAL, FIRST_SINGULAR
from actorgraph.ingest.extract.demand_conditions import DemandConditions
from actorgraph.ingest.extract.demand_owners import share_actor, topic_list
from actorgraph.ingest.extract.lexicon import FUTURE_AUXILIARIES, Words, read_cue_file
from actorgraph.ingest.extract.records import Resolved
from actorgraph.ingest.extract.topic_spans import contentless_act
from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from actorgraph.ingest.extract.lexicon import Lexicon
    from actorgraph.ingest.extract.topics import Topic
    from spacy.tokens import Span, Token

DATA = Path(__file__).parent / "data" / "demand_positions.yaml"

#: adjectives of readiness an offered step may hang on ("is ready to release them in
#: exchange for X"); the lexicon's `rejects.willing` without "open"
READY = frozenset({"ready", "willing", "prepared", "eager"})


class Terms(BaseModel):
    """The word classes of ``data/demand_positions.yaml`` (see the file's comments)."""

    model_config = ConfigDict(extra="forbid")
    exchange_nouns: Words
    offer_verbs: Words
    described_plans: Words
    minimum_pronouns: Words
    minimum_words: Words
    minimum_verbs: Words
    linking_verbs: Words
    regarding_verbs: Words
    plan_verbs: Words
    plan_needs: dict[str, Words] = Field(default_factory=dict)
    plans_not_demands: Words = Field(default_factory=list)
    position_nouns: Words = Field(default_factory=list)
    focus_verbs: Words = Field(default_factory=list)
    turning_verbs: Words = Field(default_factory=list)
    urgency_adjectives: Words = Field(default_factory=list)
    held_adjectives: Words = Field(default_factory=list)
    commentators: Words = Field(default_factory=list)


def load_positions(path: Path = DATA) -> Terms:
    """The cue file, validated (one error naming the file and field)."""
    terms = read_cue_file(path, Terms, "the demand positions' cues")
    stray = sorted(set(terms.plan_needs) - set(terms.plan_verbs))
    if stray:
        raise ValueError(f"{path}: plan_needs for words that are no plan verbs: {stray}")
    return terms


@fallbacks.per_lexicon
def positions_for(lex: Lexicon) -> Terms:
    """The cue file, read once a lexicon."""
    return load_positions()


def _pobj(prep: Token | None) -> Token | None:
    if prep is None:
        return None
    return next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)


def _prep(t: Token, word: str, after: int = -1) -> Token | None:
    return next(
        (c for c in t.children if c.dep_ == "prep" and c.lower_ == word and c.i > after), None
    )


def _clause(t: Token) -> Token:
    """The verb a phrase is part of ("offered a pause in return for": "offered")."""
    v = t
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    return v


class DemandPositions(DemandConditions):
    """Demands as a side's terms and position: exchanges, minimums, ties, conditions seen,
    plans, positions, urgency, "no X without Y", "time for X to Y"."""

    def _positions(self, s: Span) -> None:
        """The cues of this layer in one sentence."""
        terms = positions_for(self.ctx.lex)
        for t in s:
            low, lemma = t.lower_, t.lemma_.lower()
            if low in terms.exchange_nouns and t.dep_ == "pobj" and t.head.lower_ == "in":
                self._exchange(t, terms)
            elif low in terms.minimum_pronouns:
                self._minimum(t, terms)
            elif t.pos_ == "VERB" and lemma in terms.linking_verbs:
                self._tied(t)
            elif t.pos_ == "NOUN" and lemma in self.ctx.lex.condition_nouns:
                self._seen_as_condition(t, terms)
            if t.pos_ == "VERB" and lemma in terms.plan_verbs:
                self._plan_lays_down(t, terms)
            if lemma in terms.focus_verbs or low.removesuffix("s") in terms.focus_verbs:
                self._position_turns_on(t, terms)
            if t.pos_ == "ADJ" and low in terms.urgency_adjectives and t.dep_ == "acomp":
                self._urgent_that(t)
            if low == "negotiable" or low in terms.held_adjectives:
                self._held_thing(t, terms)
            if low in ("without", "until") and t.dep_ == "prep":
                self._no_step_without(t)
            if low == "time" and t.dep_ == "attr":
                self._time_for(t)

    def _foreseen(self, verb: Token) -> bool:
        """Whether the clause is another's forecast or belief about the side ("Kyiv will
        accept nothing less, analysts predict", "Israel expects Hamas to free them in
        exchange for X") or a commentator's words ("analysts say")."""
        ctx = self.ctx
        lex = ctx.lex
        top = verb
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head
        head = top.head
        if top.dep_ not in ("ccomp", "xcomp") or head.pos_ not in ("VERB", "AUX"):
            return False
        lemma = head.lemma_.lower()
        if lemma in (lex.forecast_verbs | lex.belief_verbs) - lex.speech_verbs:
            return True  # "analysts predict", "Israel expects" (not "said", "warned")
        commentators = positions_for(lex).commentators
        return lemma in lex.speech_verbs and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in commentators for c in head.children
        )

    # ------------------------------------------------------------------ in exchange for
    def _exchange(self, noun: Token, terms: Terms) -> None:
        """ "Hamas would free the hostages in exchange for the release of prisoners", "Israel
        offered a six-week pause in return for X": the side that offers its step demands
        what it asks in return."""
        ctx = self.ctx
        prep = noun.head
        what = _pobj(_prep(noun, "for"))
        verb = _clause(prep)
        if what is None:  # "release the hostages in exchange for X", "for" hung on the verb
            what = _pobj(_prep(verb, "for", noun.i))
        if what is None or verb.pos_ not in ("VERB", "AUX"):
            return
        if any(c.dep_ == "advmod" and c.lower_ == "only" for x in (verb, prep) for c in x.children):
            return  # "only in exchange for Y": the rule for "only"
        if not ctx.asserted(verb) or self._described(verb, terms) or self._foreseen(verb):
            return
        offered = self._offered(verb, terms)
        if offered is None:
            return  # "Israel freed 90 prisoners in exchange for three hostages": done
        sources = ctx.resolve.subject_actors(verb) or ctx.resolve.subject_actors(offered)
        sources = sources or self._holders(offered)
        self._emit("demands", sources, self._content(what), noun, 0.6)

    def _offered(self, verb: Token, terms: Terms) -> Token | None:
        """The verb that offers the step, when the step is still on offer: a verb of offering
        in any tense, a future or conditional, an infinitive under a verb of offering or an
        adjective of readiness ("is ready to release them"). None for an act done."""
        lex_offer = terms.offer_verbs
        cur = verb
        for _ in range(3):
            if cur.lemma_.lower() in lex_offer:
                return cur
            if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in cur.children):
                return cur
            up = cur.head
            if cur.dep_ == "xcomp" and up.pos_ == "ADJ" and up.lemma_.lower() in READY:
                return up.head if not self.ctx.negated(up.head) else None
            if cur.dep_ not in ("xcomp", "conj") or up.i == cur.i:
                return None
            cur = up
        return None

    def _described(self, verb: Token, terms: Terms) -> bool:
        """Whether the clause only tells what a plan says: "Under the plan, Hamas would free X
        in exchange for Y", "a proposal under which Israel would withdraw", "the deal would
        see Hamas free X"."""
        plans = frozenset(terms.described_plans)
        cur = verb
        for _ in range(4):
            for c in cur.children:
                if c.dep_ == "prep" and c.lower_ in ("under", "in", "according"):
                    obj = _pobj(c)
                    if c.lower_ == "according":  # "according to the proposal"
                        obj = _pobj(_prep(c, "to") or c)
                    if obj is not None and obj.lemma_.lower() in plans:
                        return True
                if c.dep_ == "nsubj" and c.lemma_.lower() in plans:
                    return True  # "the deal would see Hamas free X in exchange for Y"
            if cur.dep_ == "relcl" and cur.head.lemma_.lower() in plans:
                return True
            if cur.head.i == cur.i:
                return False
            cur = cur.head
        return False

    def _content(self, what: Token) -> list[Topic | str]:
        """What is asked: a gerund's act, else the phrase and its conjuncts; nothing for an
        actor alone ("in return for Qatar")."""
        ctx = self.ctx
        if what.pos_ == "VERB":
            return topic_list(ctx.topics.from_vp(what))
        m = ctx.men[what.i]
        if m is not None and m.actor:
            return []
        return [x for x in self.t.nps(what) if not isinstance(x, str)]

    # ------------------------------------------------------------------ nothing less than
    def _minimum(self, pron: Token, terms: Terms) -> None:
        """ "Kyiv will accept nothing less than a full withdrawal", "Hamas will not settle for
        anything short of a permanent ceasefire": the least a side takes, a demand for it."""
        ctx = self.ctx
        degree = next(
            (c for c in pron.children if c.lower_ in terms.minimum_words),
            None,
        )
        if degree is None:
            return
        prep = _prep(degree, "than") or _prep(degree, "of") or _prep(pron, "than")
        what = _pobj(prep)
        verb = pron.head
        if pron.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head  # "settle for nothing less than X"
        if what is None or pron.dep_ not in ("dobj", "pobj") or verb.pos_ != "VERB":
            return
        if verb.lemma_.lower() not in terms.minimum_verbs:
            return
        negated = ctx.negated(verb)
        if negated != (pron.lower_ == "anything"):
            return  # "did not accept nothing less", "will accept anything short of X"
        if ctx.irrealis(verb) or ctx.asked(verb) or self._foreseen(verb):
            return
        sources = self._holders(verb)
        self._emit("demands", sources, self._content(what), verb, 0.65)

    # ------------------------------------------------------------------ tied to
    def _tied(self, v: Token) -> None:
        """ "Israel has tied any ceasefire to the release of all hostages", "Moscow linked a
        truce to the lifting of sanctions": a step of the talks tied to a condition."""
        ctx = self.ctx
        step = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
        what = _pobj(_prep(v, "to") or (_prep(step, "to") if step is not None else None))
        if step is None or what is None or not self._dependent(step):
            return  # "linked the attack to Hamas", "tied the delay to the weather"
        if not ctx.asserted(v) or self._foreseen(v):
            return
        if step.dep_ == "nsubjpass":  # "any truce is tied to X, the Kremlin said"
            agent = next((c for c in v.children if c.dep_ == "agent"), None)
            by = _pobj(agent)
            sources = ctx.resolve.resolve_np(by) if by is not None else []
            sources = sources or self._owners(step) or self._judges(v)
        else:
            sources = self._holders(v)
        self._emit("demands", sources, self._content(what), v, 0.6)

    # ------------------------------------------------------------------ seen as a condition
    def _seen_as_condition(self, n: Token, terms: Terms) -> None:
        """ "Ethiopia sees access to the sea as a prerequisite for lasting peace", "regards a
        full withdrawal as a precondition for talks": a demand for what is seen so."""
        ctx = self.ctx
        as_ = n.head
        if n.dep_ != "pobj" or as_.lower_ != "as":
            return
        verb = as_.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in terms.regarding_verbs:
            return
        what = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if what is None or what.i > as_.i or not ctx.asserted(verb) or self._foreseen(verb):
            return
        self._emit("demands", ctx.resolve.subject_actors(verb), self._content(what), verb, 0.6)

    # ------------------------------------------------------------------ a side's plan
    def _plan_lays_down(self, v: Token, terms: Terms) -> None:
        """ "Russia's plan envisages a demilitarised zone", "the Ukrainian formula foresees
        the withdrawal of all troops", "its proposal provides for X": the plan's owner."""
        ctx = self.ctx
        lex = ctx.lex
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        plans = (lex.demand_plans | lex.proposal_heads) - frozenset(terms.plans_not_demands)
        if subj is None or subj.lemma_.lower() not in plans or not ctx.asserted(v):
            return
        needs = terms.plan_needs.get(v.lemma_.lower())
        kids = list(v.children)
        what = (
            next((_pobj(c) for c in kids if c.dep_ == "prep" and c.lower_ in needs), None)
            if needs
            else next((c for c in kids if c.dep_ in ("dobj", "ccomp", "xcomp")), None)
        )
        if what is None:
            return
        sources = self._owners(subj)
        if not sources:
            return
        if what.dep_ in ("ccomp", "xcomp"):
            targets = self.t.and_conjoined(topic_list(ctx.topics.from_vp(what)), what)
        else:
            targets = self._content(what)
        self._emit("demands", sources, targets, v, 0.6)

    # ------------------------------------------------------------------ its position centres on
    def _position_turns_on(self, verb: Token, terms: Terms) -> None:
        """ "Hamas said its position centres on securing a permanent ceasefire, the complete
        withdrawal of Israeli forces and humanitarian access": one demand per item of what a
        side's position, stance, reply or plan turns on (the verb may be tagged a noun)."""
        ctx = self.ctx
        nouns = frozenset(terms.position_nouns) | ctx.lex.demand_plans
        held = next(
            (
                c
                for c in verb.children
                if c.dep_ in ("nsubj", "compound") and c.lemma_.lower() in nouns and c.i < verb.i
            ),
            None,
        )
        on = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "around")),
            None,
        )
        first = _pobj(on)
        if held is None or first is None or verb.dep_ not in ("ROOT", "ccomp", "conj"):
            return
        if (
            ctx.negated(verb)
            or ctx.asked(verb)
            or any(c.dep_ == "aux" and c.lower_ in HEDGES for c in verb.children)
        ):
            return
        sources = self._owners(held) or self._owners(verb)  # "its" hung on the verb
        if not sources:
            return
        doc = verb.doc
        items = [first]
        items += [c for c in first.conjuncts if c.i > first.i]
        items += [  # the items the parser hung on the verb or on the clause above it, each
            # opened by a comma or "and" ("..., the complete withdrawal of X, and Y")
            c
            for x in (verb, verb.head)
            for c in x.children
            if c.dep_ in ("appos", "conj", "dobj", "dep")
            and c.pos_ == "NOUN"
            and c.i > first.i
            and doc[c.left_edge.i - 1].lower_ in (",", "and")
        ]
        items += [g for c in items[1:] for g in c.conjuncts if g.i > c.i]
        targets: list[Topic | str] = []
        for x in dict.fromkeys(items):
            for y in self._content(x):
                if y not in targets:
                    targets.append(y)
        self._emit("demands", sources, targets, verb, 0.6)

    # ------------------------------------------------------------------ it is urgent that
    def _urgent_that(self, adj: Token) -> None:
        """ "Mike Hammer says it is urgent that talks happen now", "it was essential that
        Russia withdraw, X said": what is urgent is asked, in someone's words."""
        ctx = self.ctx
        cop = adj.head
        if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in cop.children):
            return  # "the talks are urgent"
        clause = next(
            (
                c
                for x in (adj, cop)
                for c in x.children
                if c.dep_ == "ccomp"
                and c.pos_ in ("VERB", "AUX")
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            ),
            None,
        )
        if clause is None or not ctx.asserted(cop) or ctx.negated(adj):
            return
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:  # "that talks resume now", "talks" read as the verb's compound
            subj = next(
                (c for c in clause.children if c.dep_ == "compound" and c.i < clause.i), None
            )
        if subj is None or subj.lower_ in FIRST_PLURAL | FIRST_SINGULAR:
            return  # "it is vital that we stay united": the speaker's own act
        sources = self._judges(cop)
        if not sources:
            return
        with ctx.quietly():
            doers = ctx.resolve.resolve_np(subj)
        if doers and share_actor(ctx, sources, doers):
            return
        agent = subj if not doers else None
        target = ctx.topics.from_vp(clause, agent=agent)
        self._emit("demands", sources, self.t.and_conjoined(topic_list(target), clause), adj, 0.6)

    # ------------------------------------------------------------------ the non-negotiable X
    def _held_thing(self, word: Token, terms: Terms) -> None:
        """ "Muyaya described the declaration as incorporating the non-negotiable withdrawal of
        rebel forces": a thing called non-negotiable by the one who speaks or describes."""
        ctx = self.ctx
        doc = word.doc
        if word.lower_ == "negotiable" and (  # "non - negotiable", split by the tokenizer
            word.i < 2 or doc[word.i - 2].lower_ != "non" or doc[word.i - 1].text != "-"
        ):
            return
        noun = word.head
        if word.dep_ != "amod" or noun.pos_ != "NOUN" or noun.i < word.i:
            return
        lemma = noun.lemma_.lower()
        if lemma in ctx.lex.demand_nouns or lemma in ctx.lex.demand_list_nouns:
            return  # "its non-negotiable demands": the demand noun's rules
        verb = _clause(noun)
        for _ in range(3):
            if verb.dep_ not in ("pcomp", "xcomp", "ccomp", "conj") or verb.head.i == verb.i:
                break
            verb = _clause(verb.head)
        lex = ctx.lex
        if verb.lemma_.lower() not in lex.speech_verbs | lex.speech_as_verbs | lex.insist_verbs:
            return
        if not ctx.asserted(verb):
            return
        sources = ctx.resolve.subject_actors(verb)
        self._emit("demands", sources, self._content(noun), word, 0.6)

    # ------------------------------------------------------------------ no truce without X
    def _no_step_without(self, prep: Token) -> None:
        """ "'No ceasefire without the return of our prisoners,' Kuleba said", "No truce
        without the release of the hostages, says Netanyahu": a step of the talks ruled out,
        with no verb, until a condition holds is the speaker's demand for the condition (the
        copula's form is :meth:`_ruled_out_unless`)."""
        ctx = self.ctx
        step = prep.head
        if step.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ == "no" for c in step.children
        ):
            return
        if not self._dependent(step):
            return  # "no water without a permit"
        speech = step.head
        lex = ctx.lex
        if step.dep_ in ("ccomp", "nsubj") and speech.lemma_.lower() in lex.speech_verbs:
            if not ctx.asserted(speech):
                return
            sayers = [c for c in speech.children if c.dep_ == "nsubj" and c.i != step.i]
            sources = [r for c in sayers for r in ctx.resolve.resolve_np(c)]
        elif step.dep_ == "ROOT":
            q = ctx.in_quote(step.i)
            sources = [Resolved(q.speaker)] if q is not None and q.speaker else []
        else:
            return
        what = _pobj(prep)
        if what is not None and sources:
            self._emit("demands", sources, self._content(what), prep, 0.6)

    # ------------------------------------------------------------------ it is time for X to Y
    def _time_for(self, n: Token) -> None:
        """ "Blinken said it was time for Russia to end the war", "It is high time for Hamas to
        accept the deal, Qatar said": the act it is time for another actor to do, asked in
        someone's words."""
        ctx = self.ctx
        cop = n.head
        if cop.lemma_.lower() != "be" or not any(
            c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in cop.children
        ):
            return
        act = next(
            (
                c
                for c in n.children
                if c.dep_ in ("relcl", "acl")
                and c.pos_ == "VERB"
                and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            ),
            None,
        )
        doer = next((g for g in act.children if g.dep_ == "nsubj"), None) if act else None
        if act is None or doer is None or not ctx.asserted(cop) or ctx.negated(n):
            return
        sources = self._judges(cop)
        doers = ctx.resolve.resolve_np(doer, pronouns=False)
        if not sources or not doers or share_actor(ctx, sources, doers):
            return  # "it is time for the mediators to go home", "time for us to act"
        if contentless_act(act, ctx.lex):
            return  # "it is time for both sides to keep talking"
        target = topic_list(ctx.topics.from_vp(act))
        self._emit("demands", sources, self.t.and_conjoined(target, act), n, 0.6)
