"""Stances: who demands and who rejects what.

Cue verbs with the arguments they need (``demands.verbs`` and ``rejects.verbs`` in the
lexicon); negated acceptance ("will not accept"); a light verb with a demand noun ("issued a
request to Hamas to release …"); a deontic clause reported by someone else ("X said Y must
withdraw"); a condition ("for X to agree, Y would have to be made", "X will not release them
unless Y"); a position on a deal ("X insisted that any deal must include Y"); rejecting
predicates ("our position on the text is negative", "… is out of the question"). Cues that are
negated, conditional, hedged or governed by another demand or threat give nothing. The source
is the subject; a spokesperson's stance is the organization's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.coref import FIRST_PLURAL, FIRST_SINGULAR
from actorgraph.ingest.extract.records import Resolved
from actorgraph.ingest.extract.targets import Targets
from actorgraph.ingest.extract.topics import Topic

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.lexicon import Frame
    from spacy.tokens import Span, Token


class Stances:
    """The ``demands`` and ``rejects`` families on one document."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.t = Targets(ctx)

    def run(self) -> None:
        ctx = self.ctx
        lex = ctx.lex
        cue_lemmas = lex.cue_lemmas
        for s in ctx.sents:
            toks = [
                t
                for t in s
                if t.lemma_.lower() in cue_lemmas or t.lower_ in cue_lemmas or t.lower_ == "unless"
            ]
            if not toks:
                continue
            for t in toks:
                lemma = t.lemma_.lower()
                if t.pos_ == "VERB":
                    if lemma in lex.demand_verbs:
                        self._demand_verb(t, lex.demand_verbs[lemma])
                    if lemma in lex.reject_verbs:
                        self._reject_verb(t, lex.reject_verbs[lemma])
                    if lemma in lex.negated_acceptance:
                        self._negated_accept(t)
                    if lemma in lex.insist_verbs:
                        self._insist(t)
                    if lemma in lex.agree_verbs:
                        self._condition(t)
                if (t.dep_ == "aux" and t.lower_ in lex.modals) or (
                    lemma in lex.necessity and t.dep_ != "aux" and ctx.has_modal(t)
                ):
                    self._deontic(t)
                if t.lower_ == "unless" and t.dep_ == "mark" and t.head.dep_ == "advcl":
                    v = t.head.head
                    if ctx.negated(v) and v.lemma_.lower() not in lex.negated_acceptance:
                        self._conditional_refusal(v)
                if lemma in lex.demand_nouns and t.pos_ == "NOUN":
                    self._demand_noun(t)
                if lemma in lex.reject_predicates and t.dep_ in ("acomp", "attr"):
                    self._predicate(t, t.head)
            self._phrases(s)

    def _demand_verb(self, v: Token, frame: Frame) -> None:
        ctx = self.ctx
        if not self.t.frame_ok(v, frame) or ctx.negated(v) or ctx.irrealis(v):
            return
        if v.dep_ == "pcomp" or (v.dep_ == "amod"):
            return
        sources = ctx.resolve.subject_actors(v)
        if not sources:
            return
        target = self.t.frame_target(v, frame) or self.t.of_verb(v)
        ctx.out.stance("demands", sources, target, v, 0.75)

    def _reject_verb(self, v: Token, frame: Frame) -> None:
        ctx = self.ctx
        if not self.t.frame_ok(v, frame) or ctx.negated(v) or ctx.irrealis(v):
            return
        if v.dep_ in ("amod", "pcomp") or (v.dep_ == "acl" and v.tag_ == "VBN"):
            return
        sources = ctx.resolve.subject_actors(v)
        if not sources:
            return
        target = self.t.frame_target(v, frame) or self.t.of_verb(v)
        ctx.out.stance("rejects", sources, target, v, 0.8)

    def _negated_accept(self, v: Token) -> None:
        ctx = self.ctx
        if not ctx.negated(v) or ctx.irrealis(v):
            return
        unless = self._unless(v)
        sources = ctx.resolve.subject_actors(v)
        if not sources:
            return
        if unless is not None:  # "will not agree unless X": a demand for X
            ctx.out.stance("demands", sources, ctx.topics.from_vp(unless), v, 0.65)
            return
        target = self.t.of_verb(v)
        ctx.out.stance("rejects", sources, target, v, 0.7)

    def _unless(self, v: Token) -> Token | None:
        return next(
            (
                c
                for c in v.children
                if c.dep_ == "advcl"
                and any(g.dep_ == "mark" and g.lower_ == "unless" for g in c.children)
            ),
            None,
        )

    def _conditional_refusal(self, v: Token) -> None:
        """ "X will not release the hostages unless Y": X demands Y."""
        ctx = self.ctx
        unless = self._unless(v)
        if unless is None or ctx.irrealis(v):
            return
        sources = ctx.resolve.subject_actors(v)
        if sources:
            ctx.out.stance("demands", sources, ctx.topics.from_vp(unless), v, 0.6)

    def _insist(self, v: Token) -> None:
        """ "X maintained that any agreement is/must be Y": X demands Y."""
        ctx = self.ctx
        if ctx.negated(v) or ctx.irrealis(v):
            return
        ccomp = next((c for c in v.children if c.dep_ == "ccomp"), None)
        if ccomp is None or self.t.deal_subject(ccomp) is None:
            return
        obj = next((c for c in ccomp.children if c.dep_ in ("attr", "dobj", "acomp")), None)
        if obj is None:
            return
        sources = ctx.resolve.subject_actors(v)
        if sources:
            ctx.out.stance("demands", sources, self.t.np(obj), v, 0.65)

    def _condition(self, v: Token) -> None:
        """ "for X to agree, Y would have to be made", "X will only accept if Y": X demands Y."""
        ctx = self.ctx
        kids = list(v.children)
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in kids) and v.dep_ in (
            "advcl",
            "acl",
            "xcomp",
        ):
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
            if subj2 is None:
                return
            target = self.t.np(subj2)
            ctx.out.stance("demands", sources, target, v, 0.65)
            return
        if any(c.lower_ == "only" for c in kids):
            cond = next(
                (
                    c
                    for c in kids
                    if c.dep_ == "advcl"
                    and any(
                        g.dep_ == "mark" and g.lower_ in ("if", "once", "when", "after")
                        for g in c.children
                    )
                ),
                None,
            )
            if cond is not None and not ctx.negated(v):
                sources = ctx.resolve.subject_actors(v)
                ctx.out.stance("demands", sources, ctx.topics.from_vp(cond), v, 0.65)

    def _deontic(self, t: Token) -> None:
        """ "X said Y must withdraw": X demands that Y withdraw (Y is not X)."""
        ctx = self.ctx
        clause = t.head if t.dep_ == "aux" else t
        if t.dep_ != "aux" and not ctx.has_modal(t):
            return
        if ctx.negated(clause) and t.lower_ != "must":
            return
        q = ctx.in_quote(clause.i)
        speech = clause.head if clause.dep_ == "ccomp" else None
        if speech is not None and speech.lemma_.lower() not in (
            ctx.lex.speech_verbs | ctx.lex.insist_verbs | {"conclude", "agree"}
        ):
            speech = None
        if speech is not None and speech.lemma_.lower() == "agree":
            return
        sources: list[Resolved]
        if speech is not None and ctx.quote_of[speech.i] < 0:
            if ctx.irrealis(speech):
                return
            sources = ctx.resolve.subject_actors(speech)
        elif (q is not None and q.principal) or (q is not None and q.speaker):
            if clause.dep_ not in ("ROOT", "ccomp", "conj"):
                return
            sources = [Resolved(q.speaker)] if q.speaker else []  # type: ignore[list-item]
        else:
            return
        if not sources:
            return
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return
        if subj.lemma_.lower() in ctx.lex.proposal_heads:
            obj = next((c for c in clause.children if c.dep_ in ("attr", "dobj", "acomp")), None)
            xc = next((c for c in clause.children if c.dep_ == "xcomp"), None)
            if obj is None and xc is not None:
                obj = next((c for c in xc.children if c.dep_ in ("attr", "dobj", "acomp")), None)
            if obj is not None:
                ctx.out.stance("demands", sources, self.t.np(obj), t, 0.6)
            return
        addressees = ctx.resolve.resolve_np(subj)
        if not addressees:
            return
        src = {ctx.stance_source(r.actor) for r in sources} | {r.actor for r in sources}
        if any(a.actor in src for a in addressees) or (
            subj.pos_ == "PRON" and subj.lower_ in FIRST_PLURAL | FIRST_SINGULAR
        ):
            return
        verb = clause
        if t.dep_ != "aux":
            verb = next((c for c in t.children if c.dep_ == "xcomp"), clause)
        ctx.out.stance("demands", sources, ctx.topics.from_vp(verb), t, 0.6)

    def _demand_noun(self, n: Token) -> None:
        """ "Israel issued a request to Hamas to release 40 hostages"."""
        ctx = self.ctx
        if n.dep_ not in ("dobj", "pobj"):
            return
        verb = n.head if n.dep_ == "dobj" else None
        if verb is None or verb.lemma_.lower() not in ctx.lex.light_verbs:
            return
        if ctx.negated(verb) or ctx.irrealis(verb):
            return
        sources = ctx.resolve.subject_actors(verb)
        if not sources:
            return
        act = self.t.clause_of_noun(n)
        if act is not None:
            target: Topic | str | None = ctx.topics.from_vp(act)
        else:
            pobj = None
            for c in n.children:
                if c.dep_ == "prep" and c.lower_ in ("for", "on"):
                    pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is None:
                return
            target = self.t.np(pobj) if pobj.pos_ != "VERB" else ctx.topics.from_vp(pobj)
        ctx.out.stance("demands", sources, target, n, 0.75)

    def _predicate(self, pred: Token, cop: Token) -> None:
        """ "Our position on the text is negative", "X is out of the question"."""
        ctx = self.ctx
        if cop.lemma_.lower() not in ("be", "remain") or ctx.irrealis(cop):
            return
        if ctx.negated(cop):
            return
        subj = next((c for c in cop.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is None:
            return
        sources: list[Resolved] = []
        target: Topic | str | None = None
        if subj.lemma_.lower() in ctx.lex.stance_nouns:
            for c in subj.children:
                if c.dep_ == "poss":
                    sources = ctx.resolve.resolve_np(c)
                if c.dep_ == "prep" and c.lower_ in ("on", "to", "toward", "towards", "regarding"):
                    obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if obj is not None:
                        target = self.t.np(obj)
        elif subj.dep_ == "csubj":
            target = ctx.topics.from_vp(subj)
        else:
            target = self.t.np(subj)
        if not sources:
            if (
                cop.dep_ == "ccomp"
                and cop.head.lemma_.lower() in ctx.lex.speech_verbs
                and (ctx.quote_of[cop.head.i] < 0)
            ):
                sources = ctx.resolve.subject_actors(cop.head)
            else:
                q = ctx.in_quote(cop.i) or ctx.in_quote(pred.i)
                if q is not None and q.speaker:
                    sources = [Resolved(q.principal or q.speaker)]
        if sources and target is not None:
            ctx.out.stance("rejects", sources, target, pred, 0.7)

    def _phrases(self, s: Span) -> None:
        ctx = self.ctx
        low = [t.lower_ for t in s]
        for phrase in ctx.lex.reject_phrases:
            words = phrase.split()
            n = len(words)
            for i in range(len(low) - n + 1):
                if low[i : i + n] == words:
                    first = s[i]
                    cop = first.head if first.head.lemma_.lower() in ("be", "remain") else None
                    if cop is None and first.head.head.lemma_.lower() in ("be", "remain"):
                        cop = first.head.head
                    if cop is not None:
                        self._predicate(s[i + n - 1], cop)
