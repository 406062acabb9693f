"""A deal between others announced by a third party (issue-21M): "Qatar announced that Israel
and Hamas had agreed to a four-day truce", "Israel and Hamas have agreed a ceasefire, Qatar
announced", "the United States announced a ceasefire between Israel and Iran", "a truce between
A and B was unveiled by Egypt". Whoever announces the sides' deal, and is none of them, made it
public as their go-between: the gold's convention, and how reporters name the broker of a deal
they have not seen brokered.

Only a deal (`mediation.deal_objects`, not on another matter: "a trade deal") that two sides the
clause names made ("agreed", "reached", "signed": `parties.verbs`) or that is "between" them;
not a side announcing its own deal ("Israel announced that it and Hamas had agreed"), nor a deal
announced as hoped for, denied or asked ("Qatar hopes to announce", "did not announce").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.mediation_efforts import other_matter
from actorgraph.ingest.extract.parties import lemma_of

if TYPE_CHECKING:
    from actorgraph.ingest.extract.mediation import Mediation
    from spacy.tokens import Token

#: where the deal a verb of announcing names hangs: "announced a truce", "a truce was announced"
_DEAL = frozenset({"dobj", "nsubjpass"})
#: where the sides' deal hangs on their verb: "agreed a ceasefire", "agreed to/on a truce"
_DEAL_PREPS = frozenset({"to", "on", "upon"})
#: what makes an announced deal the one of the document's talks: "announced the declaration"
_THE = frozenset({"the", "their", "this"})


def announced(m: Mediation, v: Token, k: int) -> None:
    """Links the one who announces a deal between two named sides to them."""
    ctx = m.ctx
    lex = ctx.lex
    if v.pos_ != "VERB" or m.not_asserted(v) or not ctx.asserted(v):
        return
    sides: list[str] = []
    theirs = False  # the document's own deal: "announced the declaration"
    for c in v.children:
        if c.dep_ in _DEAL and _a_deal(m, c):
            sides = m.between_near(c) or _stated_sides(m, v)
            theirs = ctx.parties_stated and any(
                d.dep_ in ("det", "poss") and d.lower_ in _THE for d in c.children
            )
        elif c.dep_ == "ccomp" and not ctx.negated(c):
            if lemma_of(c) in lex.party_verbs:
                sides = _dealing_sides(m, c)
            if not sides and lemma_of(c) in lex.announced_starts:
                sides = _starting_talks(m, c)  # "confirmed talks between A and B would start"
        if sides or theirs:
            break
    if len(sides) < 2 and not (theirs and not sides):
        return
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    found = ctx.resolve.actors_in(agent.subtree) if agent is not None else m.subject_actors(v)
    mediators = [a for a in m.principals(found) if a not in sides]
    if mediators and len(mediators) == len(m.principals(found)):
        m.link(mediators, sides, k, not_a_party=True)


def _a_deal(m: Mediation, t: Token) -> bool:
    lex = m.ctx.lex
    deals = lex.deal_objects | lex.announced_deals
    return (lemma_of(t) in deals or t.lower_ in deals) and not other_matter(m, t)


def _stated_sides(m: Mediation, v: Token) -> list[str]:
    """The sides a clause on the verb of announcing says made the deal: "announced the
    declaration, stating that both A and B have agreed to ..." (the deal is the one
    announced, whatever they are said to have agreed to)."""
    for c in v.children:
        if c.dep_ != "advcl":
            continue
        for g in c.children:
            if g.dep_ == "ccomp" and lemma_of(g) in m.ctx.lex.party_verbs:
                sides = _joined_subject(m, g)
                if len(sides) >= 2:
                    return sides
    return []


def _starting_talks(m: Mediation, verb: Token) -> list[str]:
    """The sides of "talks between A and B would start", "negotiations between A and B will
    resume in Doha": talks whose start a third party makes known."""
    talks = m.ctx.lex.talk_nouns
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (lemma_of(c) in talks or c.lower_ in talks):
            return m.between_near(c)
    return []


def _joined_subject(m: Mediation, verb: Token) -> list[str]:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not subj.conjuncts:
        return []
    return m.ctx.resolve.actors_in(x for h in (subj, *subj.conjuncts) for x in h.subtree)


def _dealing_sides(m: Mediation, verb: Token) -> list[str]:
    """The sides of "A and B had agreed to a truce", "A and B reached a deal": the verb's
    joined subject, when the verb makes a deal."""
    deals = [c for c in verb.children if c.dep_ == "dobj"]
    deals += [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in _DEAL_PREPS
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if not any(_a_deal(m, d) for d in deals):
        return []
    return _joined_subject(m, verb)
