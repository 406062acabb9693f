"""What a demand or a rejection is about: an actor, or a topic built from a phrase.

The target is an actor when the object is one, else a topic built from the object phrase
(head, modifiers, first prepositional object), or from the demanded action ("release 40
hostages"). Cue verbs declare in the lexicon what they need around them (``needs``) and, for
some, where their target is (``target``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.topics import Topic

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.lexicon import Frame
    from spacy.tokens import Token


class Targets:
    """Targets of stance cues in one document."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx

    def np(self, head: Token) -> Topic | str | None:
        ctx = self.ctx
        m = ctx.men[head.i]
        if m is not None and m.actor and m.salient:
            return m.actor
        if head.lemma_.lower() in ctx.lex.demand_nouns | {"demand"}:
            inner = self.clause_of_noun(head)
            if inner is not None:
                return ctx.topics.from_vp(inner)
        return ctx.topics.from_np(head)

    def clause_of_noun(self, noun: Token) -> Token | None:
        for c in noun.children:
            if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX"):
                if c.dep_ == "relcl" and not any(g.dep_ == "mark" for g in c.children):
                    continue
                return c
        return None

    def frame_ok(self, v: Token, frame: Frame) -> bool:
        ctx = self.ctx
        if not frame.needs:
            return (
                any(c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "dative") for c in v.children)
                or v.dep_ == "acl"
            )
        for need in frame.needs:
            kind, _, word = need.partition(":")
            for c in v.children:
                if kind == "prep" and c.dep_ in ("prep", "prt") and c.lower_ == word:
                    return True
                if kind == "prt" and c.dep_ in ("prt", "prep", "advmod") and c.lower_ == word:
                    return True
                if kind in ("dobj", "xcomp", "ccomp") and c.dep_ == kind:
                    return True
                if (
                    kind == "dobj_class"
                    and c.dep_ in ("dobj", "nsubjpass")
                    and c.lemma_.lower() in ctx.lex.object_classes.get(word, ())
                ):
                    return True
                if kind == "ccomp_modal" and c.dep_ == "ccomp" and ctx.has_modal(c):
                    return True
                if kind == "ccomp_deal" and c.dep_ == "ccomp" and self.deal_subject(c):
                    return True
            if (
                kind == "dobj_class"
                and v.dep_ == "acl"
                and v.head.lemma_.lower() in ctx.lex.object_classes.get(word, ())
            ):
                return True
        return False

    def frame_target(self, v: Token, frame: Frame) -> Topic | str | None:
        """The target where the lexicon says it is ("conditioned X on Y": Y)."""
        ctx = self.ctx
        for spec in frame.target:
            kind, _, word = spec.partition(":")
            for c in v.children:
                if kind == "prep" and c.dep_ == "prep" and c.lower_ == word:
                    obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                    if obj is not None:
                        if obj.pos_ == "VERB":
                            return ctx.topics.from_vp(obj)
                        return self.np(obj)
        return None

    def deal_subject(self, clause: Token) -> Token | None:
        ctx = self.ctx
        for c in clause.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in ctx.lex.proposal_heads:
                return c
        return None

    def of_verb(self, v: Token, allow_actor: bool = True) -> Topic | str | None:
        """What a demand or rejection is about: its clause, object or prepositional object."""
        ctx = self.ctx
        kids = list(v.children)
        xcomp = next((c for c in kids if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if xcomp is None:  # "ruled out sending troops"
            xcomp = next(
                (
                    c
                    for c in kids
                    if c.dep_ == "advcl"
                    and c.tag_ == "VBG"
                    and not any(g.dep_ in ("mark", "nsubj") for g in c.children)
                ),
                None,
            )
        ccomp = next((c for c in kids if c.dep_ == "ccomp"), None)
        dobj = next((c for c in kids if c.dep_ in ("dobj", "dative")), None)
        if (
            xcomp is None
            and dobj is not None
            and (
                ctx.men[dobj.i] is not None
                or dobj.pos_ == "PRON"
                or dobj.lemma_.lower() in ctx.lex.groups
            )
        ):
            xcomp = next(
                (
                    c
                    for c in dobj.children
                    if c.dep_ in ("xcomp", "acl", "relcl")
                    and any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children)
                ),
                None,
            )
        if v.dep_ == "relcl" and any(
            c.tag_ in ("WDT", "WP") and c.dep_ in ("dobj", "nsubjpass")
            for c in [*kids, *(xcomp.children if xcomp is not None else ())]
        ):  # "the plan, which X rejected" / "which X pressed them to accept"
            return self.np(v.head)
        if xcomp is not None:
            return ctx.topics.from_vp(xcomp)
        passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        if passive is not None:  # "the plan was rejected by Hamas"
            return self.np(passive)
        if ccomp is not None:
            deal = self.deal_subject(ccomp)
            if deal is not None:
                obj = next((c for c in ccomp.children if c.dep_ in ("attr", "dobj", "acomp")), None)
                if obj is not None:
                    return self.np(obj)
            return ctx.topics.from_vp(ccomp)
        addressee: Topic | str | None = None
        if dobj is not None:
            t = self.np(dobj)
            if not isinstance(t, str):
                return t
            addressee = t  # "asked Israel for guarantees": the guarantees, else Israel
        for c in kids:
            if c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on", "upon", "to", "against"):
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is None or obj.ent_type_ in ("DATE", "TIME"):
                    continue
                # "call on X to do Y": the action, not X
                act = next(
                    (
                        g
                        for g in obj.children
                        if g.dep_ in ("xcomp", "acl", "relcl") and g.pos_ == "VERB"
                    ),
                    None,
                ) or next(
                    (
                        g
                        for g in kids
                        if g.dep_ in ("xcomp", "advcl")
                        and g.pos_ == "VERB"
                        and any(x.lower_ == "to" for x in g.children)
                    ),
                    None,
                )
                if act is not None and ctx.men[obj.i] is not None:
                    return ctx.topics.from_vp(act)
                if obj.pos_ == "VERB":
                    return ctx.topics.from_vp(obj)
                return self.np(obj)
        return addressee if allow_actor else None
