"""Who a passive "represented by" names as a side's voice (issue 17t).

"Russia was represented at the talks by Deputy Foreign Minister X", "Türkiye and Greece will be
represented by their foreign ministers, X and Y, respectively, and the U.K. by Minister of
State Z": the people after "by" speak for the state or organization that is represented. The
sides and the people are paired in order where their counts agree; one side takes every person
after its "by". A side named after the first "by" (gapping: "and the U.K. by Z") opens a group
of its own when its own "by" follows it. The verbs are `roles.representing_verbs` (the active
"X, representing Poland" is read by :func:`.role_clauses.affiliation`).

The parse of such sentences is unreliable (the model hangs the second side on the first
person, or "by" on a noun), so the groups are read in word order from the verb to the end of
its clause, not from the tree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.tokens import lemmas, tokens

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.mentions import Mention
    from spacy.tokens import Token

#: words that end the stretch of a sentence read after the verb: another clause begins
_CLAUSE_ENDS = frozenset({";", "while", "whereas", "but", "although", "though", "which", "who"})

#: NER labels of places and times, which a list of people may hold ("Minister of State for
#: Europe") without a name the mentions missed
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "EVENT"})

#: how confident a pairing read in word order is
CONFIDENCE = 0.8


def represented_sides(ctx: DocContext) -> None:
    """Add ``speaks_for`` for every passive verb of representing in the document."""
    toks = tokens(ctx.doc)
    for i, lemma in enumerate(lemmas(ctx.doc)):
        if lemma in ctx.lex.representing_verbs and _passive(t := toks[i]):
            for sides, people in _groups(ctx, t):
                _pair(ctx, sides, people, t)


def _passive(verb: Token) -> bool:
    """A passive, not negated: "was represented", "will be represented"."""
    deps = {c.dep_ for c in verb.children}
    return "auxpass" in deps and "neg" not in deps and "nsubjpass" in deps


def _side(ctx: DocContext, m: Mention | None) -> bool:
    """Whether a mention names a state or an organization that can be represented."""
    if m is None or m.place or m.brief or m.kind in ("gpe", "norp", "demonym"):
        return False
    ctx.new_actor_for(m)
    return bool(m.actor) and ctx.type_of(m.actor or "") in ("state", "organization")


def _person(ctx: DocContext, m: Mention | None) -> bool:
    return m is not None and bool(m.actor) and ctx.type_of(m.actor or "") == "person"


def _subjects(ctx: DocContext, verb: Token) -> list[Mention]:
    """The represented sides: the passive subject and its conjuncts, in order."""
    subj = next(c for c in verb.children if c.dep_ == "nsubjpass")
    heads = [subj, *(c for c in subj.children if c.dep_ == "conj")]
    out: list[Mention] = []
    for h in heads:
        m = ctx.men[h.i]
        if _side(ctx, m) and m not in out:
            out.append(m)  # type: ignore[arg-type]
    return out


def _groups(ctx: DocContext, verb: Token) -> list[tuple[list[Mention], list[Mention]]]:
    """(sides, people) in word order: the subject's sides with the people after the first
    "by", then each side named later with the people after its own "by"."""
    doc = ctx.doc
    k = ctx.sent_of[verb.i]
    groups: list[tuple[list[Mention], list[Mention]]] = [(_subjects(ctx, verb), [])]
    seen_by = unfound = False
    i = verb.i + 1
    while i < len(doc) and ctx.sent_of[i] == k:
        t = doc[i]
        if t.lower_ in _CLAUSE_ENDS or (t.pos_ in ("VERB", "AUX") and ctx.men[i] is None):
            break
        if t.lower_ == "by":
            seen_by = True
        m = ctx.men[i]
        if seen_by and m is None and _unfound_name(ctx, t):
            unfound = True
        if m is not None and m.start == i:
            if _person(ctx, m) and seen_by:
                if unfound:
                    return []  # a name NER missed before ("the envoys A, B and C"): no order
                groups[-1][1].append(m)
            elif seen_by and _by_follows(ctx, m.end) and _side(ctx, m):
                groups.append(([m], []))  # "..., and the U.K. by Z"
                seen_by = False
            i = m.end
            continue
        i += 1
    return groups


def _unfound_name(ctx: DocContext, t: Token) -> bool:
    """A word of a name no mention covers, in no title and naming no place (a portfolio's
    "for Europe and North America" is none)."""
    return (
        t.pos_ == "PROPN"
        and ctx.title_at[t.i] is None
        and t.ent_type_ not in _PLACE_LABELS
        and not ctx.dict.is_place(t.text)
    )


def _by_follows(ctx: DocContext, i: int) -> bool:
    """Whether the side's own "by" comes right after it ("the U.K. by", "Uganda, by")."""
    doc = ctx.doc
    if i < len(doc) and doc[i].text == ",":
        i += 1
    return i < len(doc) and doc[i].lower_ == "by"


def _pair(ctx: DocContext, sides: list[Mention], people: list[Mention], verb: Token) -> None:
    """Each person speaks for their side: in order where the counts agree, all of them for a
    lone side; nothing where the counts differ."""
    if not sides or not people:
        return
    if len(sides) == 1:
        pairs = [(sides[0], p) for p in people]
    elif len(sides) == len(people):
        pairs = list(zip(sides, people, strict=True))
    else:
        return
    k = ctx.sent_of[verb.i]
    for side, person in pairs:
        assert side.actor is not None and person.actor is not None
        ctx.use(side.actor, side.start, side.text)
        ctx.add_speaks(person.actor, side.actor, "representative", k, CONFIDENCE)
