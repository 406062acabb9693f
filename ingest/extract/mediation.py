"""Mediation: who mediates between whom.

"A and B communicate through officials in Z" (channel verbs with *through*/*via*): Z mediates
A, B and the other party of the clause. "Qatari and Egyptian mediators … between A and B",
"Oman served as an intermediary between A and B", "Norway mediated between A and B", "a deal
brokered by Z between A and B", "launched a mediation effort between A and B".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from spacy.tokens import Token


class Mediation:
    """The ``mediates`` family on one document."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx

    def run(self) -> None:
        ctx = self.ctx
        lex = ctx.lex
        for k, s in enumerate(ctx.sents):
            for t in s:
                lemma = t.lemma_.lower()
                if lemma in lex.channel_verbs and t.pos_ == "VERB":
                    self._channel(t, k)
                elif (t.lower_ in lex.mediator_nouns or lemma in lex.mediator_nouns) and t.pos_ in (
                    "NOUN",
                    "PROPN",
                ):
                    self._mediator_noun(t, k)
                elif lemma in lex.mediation_verbs and t.pos_ == "VERB":
                    self._mediation_verb(t, k)
                elif lemma in lex.mediation_nouns and t.pos_ == "NOUN":
                    self._mediation_noun(t, k)

    def _between(self, t: Token) -> list[str]:
        ctx = self.ctx
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                return ctx.resolve.actors_in(c.subtree)
        return []

    def _emit(self, mediators: list[str], parties: list[str], k: int, conf: float) -> None:
        ctx = self.ctx
        for m in mediators:
            for p in parties:
                if p not in mediators:
                    ctx.use(m, ctx.sents[k].start)
                    ctx.use(p, ctx.sents[k].start)
                    ctx.out.relation("mediates", m, p, k, conf)

    def _channel(self, v: Token, k: int) -> None:
        ctx = self.ctx
        preps = [c for c in v.children if c.dep_ == "prep"]
        preps += [g for c in v.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep"]
        via = [c for c in preps if c.lower_ in ctx.lex.channel_preps]
        if not via:
            return
        mediators = ctx.resolve.actors_in(x for c in via for x in c.subtree)
        if not mediators:
            return
        parties = [r.actor for r in ctx.resolve.subject_actors(v)]
        related = [v, *v.conjuncts]
        for verb in related:
            for c in verb.children:
                if c.dep_ in ("prep", "dative") and c.lower_ in ("with", "to"):
                    parties.extend(ctx.resolve.actors_in(c.subtree))
                if c.dep_ == "dobj":
                    parties.extend(ctx.resolve.actors_in(c.subtree))
        parties = [p for p in dict.fromkeys(parties) if p not in mediators]
        self._emit(mediators, parties, k, 0.8)

    def _mediator_noun(self, n: Token, k: int) -> None:
        ctx = self.ctx
        mods = [c for c in n.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        mods += [
            g
            for c in n.children
            if c.dep_ == "prep" and c.lower_ in ("from", "in", "of")
            for g in c.subtree
        ]
        mediators = ctx.resolve.actors_in(x for c in mods for x in c.subtree)
        for c in n.children:
            if c.dep_ == "appos":
                mediators += ctx.resolve.actors_in(c.subtree)
        parties = self._between(n)
        gov = n.head
        if gov.dep_ == "prep" and gov.lower_ == "as":
            gov = gov.head
        if (not mediators or n.dep_ == "attr" or n.head.lower_ == "as") and gov.pos_ in (
            "VERB",
            "AUX",
        ):  # "Egypt and Qatar served as intermediaries"
            mediators = mediators + [r.actor for r in ctx.resolve.subject_actors(gov)]
        if not parties and gov.pos_ in ("VERB", "AUX"):
            parties = self._between(gov)
            if not parties:
                skip = {x.i for x in n.subtree}
                parties = ctx.resolve.actors_in(
                    x
                    for c in gov.children
                    if c.i not in skip
                    and c.dep_ in ("dobj", "nsubj", "nsubjpass", "prep", "dative", "xcomp", "ccomp")
                    for x in c.subtree
                    if x.i not in skip
                )
        mediators = list(dict.fromkeys(mediators))
        parties = [p for p in parties if p not in mediators]
        self._emit(mediators, parties, k, 0.7)

    def _mediation_verb(self, v: Token, k: int) -> None:
        ctx = self.ctx
        if ctx.negated(v) or ctx.irrealis(v):
            return
        mediators = [r.actor for r in ctx.resolve.subject_actors(v)]
        parties = self._between(v)
        for c in v.children:
            if c.dep_ == "dobj":
                parties += self._between(c) or []
        if v.dep_ == "acl" and v.head.pos_ == "NOUN":  # "a deal brokered by Egypt"
            parties += self._between(v.head)
        if not parties:
            return
        self._emit(mediators, parties, k, 0.75)

    def _mediation_noun(self, n: Token, k: int) -> None:
        ctx = self.ctx
        parties = self._between(n)
        head = n
        if not parties and n.dep_ == "compound":
            head = n.head
            parties = self._between(head)
        if not parties:
            return
        mediators = ctx.resolve.modifier_actors(n) or ctx.resolve.modifier_actors(head)
        if not mediators:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    mediators = ctx.resolve.actors_in(c.subtree)
        if not mediators and head.dep_ == "dobj":
            mediators = [r.actor for r in ctx.resolve.subject_actors(head.head)]
        self._emit(mediators, parties, k, 0.7)
