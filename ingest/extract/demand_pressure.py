"""Demands carried by pressure and by ultimatums (a layer of :class:`.demands.DemandRules`,
issue-20D).

Two constructions where no verb of demanding says what is asked, written from the event
coders' families of demanding (CAMEO 10, "demand"; 1 of its ultimatums) and from how news pages
word them:

- pressure put on another to act: "the United States stepped up pressure on Israel to allow
  more aid into Gaza", "European leaders are piling pressure on Moscow to accept a ceasefire",
  "Qatar has put pressure on Hamas to release the hostages" (`demands.pressure_nouns`);
  owned by a name or demonym before the noun too ("intense American pressure on Israel to
  continue the negotiations", "came under Egyptian pressure to accept X", issue-24D);
- time given to another to act: "the M23 gave the army 48 hours to lay down its weapons",
  "gave the TPLF a three-day deadline to surrender Mekelle", "has given Damascus until Friday
  to pull its tanks out", "set a deadline for Hamas to accept the proposal"
  (`demands.deadline_verbs`, `deadline_nouns`).

The one who puts the pressure or gives the time demands the act; the one pressed or given the
time must be another actor, and the act must be named ("to ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.demand_owners import DemandOwners, share_actor, topic_list
from actorgraph.ingest.extract.topic_spans import contentless_act

if TYPE_CHECKING:
    from actorgraph.ingest.extract.records import Resolved
    from actorgraph.ingest.extract.topics import Topic
    from spacy.tokens import Token

#: where the parser hangs the infinitive of the act: on the noun or on the verb
ACT_DEPS = frozenset({"acl", "relcl", "advcl", "xcomp"})


def _infinitive(heads: list[Token], after: int) -> Token | None:
    """The first "to" infinitive hung on one of ``heads`` after the token at ``after``."""
    for h in heads:
        for c in h.children:
            if (
                c.dep_ in ACT_DEPS
                and c.pos_ in ("VERB", "AUX")
                and c.i > after
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            ):
                return c
    return None


def _pobj(prep: Token | None) -> Token | None:
    return next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None


class DemandPressure(DemandOwners):
    """Demands by pressure put on another and by time given to another to act."""

    def _pressure(self, n: Token) -> None:
        """ "stepped up pressure on Israel to allow more aid into Gaza": the subject demands
        the act of the one pressed; "Washington's pressure on Kyiv to cede X", "pressure from
        the US on Israel to halt X", "Israel is under pressure from Washington to allow X": the
        owner of the pressure demands it."""
        ctx = self.ctx
        verb = n.head
        while verb.dep_ == "prep" and verb.head.i != verb.i:
            verb = verb.head  # "is under pressure from X": the clause it is said of
        if any(c.dep_ == "det" and c.lower_ == "no" for c in n.children):
            return  # "there is no pressure on Hamas to ..."
        if verb.pos_ in ("VERB", "AUX") and (ctx.irrealis(verb) or ctx.asked(verb)):
            return
        owner = next(
            (
                g
                for c in n.children
                if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("from", "by"))
                for g in ([c] if c.dep_ == "poss" else c.children)
                if g.dep_ in ("poss", "pobj")
            ),
            None,
        )
        on = next(  # "put pressure on Hamas", the "on" hung on the noun or on the verb
            (
                c
                for c in [*n.children, *verb.children]
                if c.dep_ == "prep" and c.lower_ == "on" and c.i > n.i
            ),
            None,
        )
        pressed = _pobj(on)
        # "intense American pressure on Israel to X", "came under US pressure to X": a name or
        # demonym before the noun owns the pressure as a possessive would (issue-24D)
        named = self._named_owners(n) if owner is None else []
        if owner is not None or named:
            sources = ctx.resolve.resolve_np(owner) if owner is not None else named
            if pressed is None and n.dep_ == "pobj" and n.head.lower_ == "under":
                # "Israel is under pressure from Washington to X", "Under pressure from
                # Qatar to X, Hamas agreed ...": the one under it is the clause's subject
                pressed = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        elif n.dep_ == "dobj" and verb.pos_ == "VERB" and not ctx.negated(verb):
            if verb.lemma_.lower() in ctx.lex.demand_verbs:
                return  # "called for more pressure on Russia": the call's own object
            sources = ctx.resolve.subject_actors(verb)
        else:
            return  # "pressure on Hamas has grown": nobody named puts it
        act = _infinitive([n, verb], n.i)
        if pressed is None or act is None:
            return  # "increased military pressure on Hamas": no act asked
        self._asked_of(sources, ctx.resolve.resolve_np(pressed), act, n)

    def _named_owners(self, n: Token) -> list[Resolved]:
        """The actors named before a noun ("American pressure", "US pressure", "Qatari and
        Egyptian pressure"): modifiers that are mentions of actors."""
        ctx = self.ctx
        mods = [
            c
            for c in n.children
            if c.dep_ in ("amod", "compound", "nmod")
            and c.i < n.i
            and (m := ctx.men[c.i])
            and m.actor
        ]
        mods += [x for c in mods for x in c.conjuncts if (m := ctx.men[x.i]) and m.actor]
        out: list[Resolved] = []
        for c in mods:
            out += [r for r in ctx.resolve.actors_as_resolved(c) if r not in out]
        return out

    def _deadline(self, v: Token) -> None:
        """ "gave the army 48 hours to lay down its weapons", "set a deadline for Hamas to
        accept the proposal", "has given Damascus until Friday to pull out": the giver
        demands the act of the one given the time."""
        ctx = self.ctx
        if v.pos_ != "VERB" or not self.ctx.asserted(v):
            return
        nouns = ctx.lex.deadline_nouns
        times = [c for c in v.children if c.dep_ in ("dobj", "npadvmod", "dative")]
        times = [c for c in times if c.lemma_.lower() in nouns or c.lower_ in nouns]
        until = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "until"), None)
        if not times and until is None:
            return  # "gave the envoys a warm welcome"
        time = times[0] if times else until
        act = _infinitive([*times, v], time.i)  # type: ignore[union-attr]
        if act is None:
            return  # "gave the talks two more days"
        doer = next((g for g in act.children if g.dep_ == "nsubj"), None)
        if doer is None:  # the one given the time: "gave the TPLF ...", "given Damascus until"
            doer = next(
                (
                    c
                    for c in v.children
                    if c.dep_ in ("dative", "dobj") and c not in times and c.i < act.i
                ),
                None,
            )
        if doer is None:
            return
        others = ctx.resolve.resolve_np(doer)
        self._asked_of(ctx.resolve.subject_actors(v), others, act, time)  # type: ignore[arg-type]

    def _asked_of(
        self, sources: list[Resolved], others: list[Resolved], act: Token, cue: Token
    ) -> None:
        """``sources`` demand ``act`` of ``others`` (another actor)."""
        ctx = self.ctx
        if not sources or not others or share_actor(ctx, sources, others):
            return  # "gave itself two weeks", an act of no actor
        if contentless_act(act, ctx.lex):
            return  # "pressure on both sides to keep talking"
        targets: list[Topic | str] = self.t.and_conjoined(topic_list(ctx.topics.from_vp(act)), act)
        self._emit("demands", sources, targets, cue, 0.7)
