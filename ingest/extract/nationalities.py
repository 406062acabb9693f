"""A nationality is no mandate: a mediator's home state is not whom they speak for.

"The Norwegian diplomat X, who mediated between the government and the rebels", "Swiss
diplomat X, chairing the Geneva talks": a title that only says where a person comes from
(``roles.nationality_titles``: "diplomat") gives the person no principal when their own
sentence makes them a mediator (a verb of ``mediation.verbs`` or ``mediation.host_verbs``
they are the subject of, in a relative clause or participle on their name, or "as" a noun of
``mediation.nouns``). The
convention of the bank's ``mediation-envoys`` ("a nationality is no mandate; an envoy's office
would be"): "Norway's special envoy X", "the Norwegian mediator X" and "Qatar's Sheikh X"
keep their state, and so do the dictionary's roles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.tokens import span_root

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.mentions import Mention
    from spacy.tokens import Token

#: how a clause of the person's own act hangs on their name ("X, who mediated", "X, chairing
#: the talks", "X, acting as a facilitator")
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl"})


def nationality_only(ctx: DocContext, title: str) -> bool:
    """Whether the title read beside a person names only their nationality: a title of
    ``roles.nationality_titles`` ("the Norwegian diplomat"), not an office ("Norway's envoy")
    nor a possessive before the bare name ("Qatar's Sheikh X" mediates for Qatar)."""
    words = title.lower().split()
    return bool(words) and words[-1] in ctx.lex.nationality_titles


def mediating(ctx: DocContext, m: Mention) -> bool:
    """Whether the person's own sentence makes them a mediator: "X, who mediated between",
    "X mediated", "X, chairing the Geneva talks", "X, acting as a facilitator"."""
    root = span_root(ctx.doc, m.start, m.end)
    # the name, or the title it is in apposition to ("The Austrian diplomat X, acting as ...")
    anchors = [root, root.head] if root.dep_ == "appos" else [root]
    clauses: list[Token] = []
    for a in anchors:
        clauses += [c for c in a.children if c.dep_ in CLAUSE_DEPS]
        clauses += [
            v for p in a.children if p.dep_ == "appos" for v in p.children if v.dep_ in CLAUSE_DEPS
        ]
        if a.dep_ == "nsubj":
            clauses.append(a.head)
    return any(_mediator_act(ctx, v) for v in clauses)


def _mediator_act(ctx: DocContext, v: Token) -> bool:
    """A verb of mediating or chairing talks, or "as" a mediator's noun, not negated."""
    lex = ctx.lex
    if ctx.negated(v):
        return False
    lemma = v.lemma_.lower()
    if lemma in lex.mediation_verbs:
        return True
    if lemma in lex.host_verbs and any(
        c.dep_ == "dobj" and c.lower_ in lex.talk_nouns for c in v.children
    ):
        return True  # "chairing the Geneva talks"
    return any(
        p.dep_ == "pobj" and p.lower_ in lex.mediator_nouns
        for c in v.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for p in c.children
    )
