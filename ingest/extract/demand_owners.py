"""Whose a demand is, and what the demand rules share.

The owner of a demand noun ("Israel's demand", "the Egyptian call", "a call by Qatar", "its
demands"): a government's possessive is its state's, a bare description of a body in its own
negotiator's words is the speaker's side, a plural pronoun a side's negotiator uses is the
other side, a pronoun with no antecedent is the owner of the subject before. The layers of
:class:`.demands.DemandRules` build on :class:`DemandOwners`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.records import Resolved
from actorgraph.ingest.extract.stance_rules import StanceRules

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.topics import Topic
    from spacy.tokens import Token

#: verbs of taking up what another actor asked for, the stem of the two sets below
_TAKING_UP = frozenset({"back", "support", "endorse", "echo", "second", "join"})

#: verbs that back a demand another actor made ("X called for and Y backed Z")
BACKING = _TAKING_UP | {"demand", "urge"}
#: verbs that take up a call another made ("echoed that call", "backed Egypt's call for X")
BACKERS = _TAKING_UP | {"reiterate"}


class DemandOwners(StanceRules):
    """Whose a demand is: the owner of a demand noun."""

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


def in_actor_mention(ctx: DocContext, t: Token) -> bool:
    """Whether a token is part of a mention of an actor."""
    m = ctx.men[t.i]
    return m is not None and bool(m.actor)


def topic_list(x: Topic | str | None) -> list[Topic | str]:
    return [] if x is None else [x]


def share_actor(ctx: DocContext, a: list[Resolved], b: list[Resolved]) -> bool:
    """Whether two lists of actors share one (a spokesperson's side counting as theirs)."""
    ours = {r.actor for r in a} | {ctx.stance_source(r.actor) for r in a}
    return any(r.actor in ours or ctx.stance_source(r.actor) in ours for r in b)
