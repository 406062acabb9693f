"""Candidate (person, body) pairs of a sentence and what the parse says about each, for the
learned ``speaks_for`` reader (:mod:`.reader_speaks_for`) and its training
(``scripts/train_reader_speaks_for.py``).

A *person* is a named mention of a person actor that the sentence gives a role (:func:`role_tie`:
a role noun before or beside the name, a copula's, or a relative clause of heading) that no
other person named in the role's phrase holds; a *body* any mention of an organization or a
state in the phrase of that role word or of the name (:func:`in_phrase`: a name, a metonym, a
demonym: "the Qatari prime minister", "a spokesman for Hamas", "Ethiopia's envoy"; not one in
a clause of its own, nor a brief, nor beside an of/for/at phrase of the role word that names
another), the reporting outlet excepted, that the dictionary knows or
the document's other readings use. A pair's features (:func:`pair_features`,
hashed by :class:`.reader_features.FeatureBag`) describe the construction that ties them,
never the words of one article: the dependency path between person and body and between the
role word and the body (:func:`.reader_features.add_pair`,
:func:`.reader_features.add_candidate`), the class of
the role word and of the words on the way, how the body hangs on the role word (possessive,
modifier, the preposition of its phrase) and how the sentence's other bodies do (so that "the
Ghanaian chair of the ECOWAS team" can weigh the demonym against the "of" phrase), the body's
kind and type, its place in the document (a party, a mediator, an observer), quotes, and
another person on the way. Nothing of what the rules read: the reader learns the construction
from every labelled pair, those the rules find too, and reads where they read nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from actorgraph.ingest.extract.context import CLAUSE_DEPS
from actorgraph.ingest.extract.fallback_speaks_for import of_origin, present, role_heads
from actorgraph.ingest.extract.reader_features import (
    READER_FEATURES_VERSION,
    FeatureBag,
    add_candidate,
    add_pair,
    path,
)
from actorgraph.ingest.extract.tokens import span_root

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.mentions import Mention
    from spacy.tokens import Span, Token

#: bump when these features change; a model records both this and the shared features' version
PAIR_FEATURES_VERSION = 1
FEATURES_VERSION = 1000 * READER_FEATURES_VERSION + PAIR_FEATURES_VERSION
#: the actor types a person can speak for
BODIES = frozenset({"organization", "state"})
#: mention kinds whose actor may be made on first use (an unknown state or people)
_NEW_KINDS = frozenset({"gpe", "norp"})
#: prepositions that tie a role noun to its body ("spokesman for", "head of", "official at")
_BODY_PREPS = frozenset({"of", "for", "at", "to"})


@dataclass(frozen=True)
class Pair:
    """A person mention and a body in one sentence, with the tokens that stand for them."""

    person: Mention
    body: str
    person_token: Token
    body_token: Token
    body_kind: str
    #: the word that gives the person a role here (:func:`role_tie`)
    role: Token
    #: the tokens of the sentence's other bodies (the person's other candidates)
    rivals: tuple[Token, ...] = ()


def _is_role(t: Token, heads: frozenset[str]) -> bool:
    return t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in heads


def _predicated(ctx: DocContext, v: Token, heads: frozenset[str]) -> Token | None:
    """ "X is the director of Y", "X serves as Y's envoy": the role noun, present, asserted."""
    if not present(v) or ctx.negated(v):
        return None
    lemma = v.lemma_.lower()
    if lemma == "be":
        return next((c for c in v.children if c.dep_ == "attr" and _is_role(c, heads)), None)
    if lemma in ctx.lex.as_verbs:
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                return next(
                    (g for g in c.children if g.dep_ == "pobj" and _is_role(g, heads)), None
                )
    return None


def role_tie(ctx: DocContext, pt: Token, heads: frozenset[str]) -> Token | None:
    """The word that gives the person whose name's root is ``pt`` a role in this sentence: a
    role noun before the name ("President X", "the Thai negotiator X") or beside it ("X, a
    spokesman for Y", "Y's chief negotiator, X", "the spokesman for the Front, X"), a copula's
    ("X is the director of Y"), a relative clause of heading or representing in the present
    ("X, who leads Y"), or a title of the lexicon's before the name. None when nothing does, the
    word is an honorific of the name ("Sheikh X"), or a blocker cancels it ("former", "until
    2019", "Somalia's first president"): then the person speaks for no one here."""
    head = pt.head
    found = next(
        (c for c in pt.children if c.dep_ in ("compound", "appos", "amod") and _is_role(c, heads)),
        None,
    )
    if found is None and pt.dep_ in ("appos", "compound", "conj") and _is_role(head, heads):
        found = head
    if (
        found is None
        and pt.dep_ == "appos"
        and head.dep_ == "pobj"
        and head.head.lower_ in _BODY_PREPS
        and _is_role(head.head.head, heads)
    ):
        found = head.head.head  # "the spokesman for the Front, X" (X hung on the Front)
    if found is None and pt.dep_ == "nsubj":
        found = _predicated(ctx, head, heads)
    if found is None:
        verbs = ctx.lex.heading_verbs | ctx.lex.representing_verbs
        found = next(
            (
                v
                for v in pt.children
                if v.dep_ == "relcl"
                and v.lemma_.lower() in verbs
                and present(v)
                and not ctx.negated(v)
            ),
            None,
        )
    if found is None:  # "Prime Minister X": a title of the lexicon's before the name
        span = next((ctx.title_at[c.i] for c in pt.lefts if ctx.title_at[c.i]), None)
        if span is not None:
            found = ctx.doc[span[1] - 1]
    if found is None or found.lower_ in ctx.lex.honorifics:
        return None  # "Sheikh X": an honorific is part of the name as written, no office
    return None if _blocked(ctx, pt) or _blocked(ctx, found) else found


def _blocked(ctx: DocContext, t: Token) -> bool:
    """A blocker ("former", "opposition"), an ordinal of history ("first", not "First Vice
    President") among the words before ``t`` in its phrase, a negation on it, or an adverb that
    ends a role ("until") on a verb of heading."""
    lex = ctx.lex
    doc = ctx.doc
    for x in (x for c in t.lefts for x in c.subtree):
        if x.lower_ in lex.role_blockers:
            return True
        if x.lower_ in lex.ordinal_blockers and doc[x.i + 1].lower_ not in lex.ordinal_ranks:
            return True
    if any(c.dep_ == "neg" for c in t.children):
        return True
    return t.pos_ in ("VERB", "AUX") and any(c.lower_ in lex.past_role_adverbs for c in t.children)


def in_phrase(bt: Token, rt: Token, pt: Token) -> bool:
    """Whether the body stands in the phrase of the role word or of the name ("Hamas's
    negotiator", "a spokesman for the Sudanese army", "the Thai negotiator X", "X, who leads
    Y"), not in a clause of its own ("Prime Minister X said Cambodia must withdraw", "the envoy
    who helped end Chad's war")."""
    t = bt
    while t.i not in (rt.i, pt.i):
        if t.head.i == t.i or t.dep_ in CLAUSE_DEPS:
            return False
        t = t.head
    return True


def _placed(rt: Token, pt: Token, bt: Token) -> bool:
    """Whether the body stands in a phrase of place or company, not of whom the role serves
    ("represents the side in the UN talks", "an official from Kenya")."""
    via = attachment(rt, bt)
    if via == "outside":
        via = attachment(pt, bt)
    return via.startswith("prep:") and via[5:] not in _BODY_PREPS


def _phrase(rt: Token) -> set[int] | None:
    """The tokens of the role word's of/for/at phrases, or None when it has none: a role with
    such a phrase serves the body the phrase names, not a demonym before it."""
    preps = [c for c in rt.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "at")]
    if not any(g.dep_ == "pobj" for c in preps for g in c.children):
        return None
    return {x.i for c in preps for x in c.subtree}


def _held_by_another(ctx: DocContext, rt: Token, person: str | None) -> bool:
    """Whether the role word's phrase names another person, its holder, in it or right after
    it ("praised by X, the leader of the Front Y": Y leads the Front)."""
    end = rt.right_edge.i + 1
    for x in [*rt.subtree, *ctx.doc[end : end + 1]]:
        m = ctx.men[x.i]
        if (
            m is not None
            and m.actor not in (None, person)
            and ctx.type_of(m.actor or "") == "person"
        ):
            return True
    return False


def _body_of(ctx: DocContext, m: Mention) -> str | None:
    actor = m.actor
    if actor is None and m.kind in _NEW_KINDS:
        actor = ctx.new_actor_for(m)
    if actor is None or actor in ctx.outlets or ctx.type_of(actor) not in BODIES:
        return None
    if m.brief:
        return None  # "the envoy for the Upper Nile": a brief, a place
    return actor if _known(ctx, actor) else None


def _known(ctx: DocContext, actor: str) -> bool:
    """An actor the dictionary holds, or one the document's other readings use (a party, an
    actor of a relation or statement): a name only this reading would make an actor ("Governor
    X of the Banco de Mexico") is left to the rules."""
    e = ctx.dict.entries.get(actor)
    if (e is not None and e.origin != "new") or actor in ctx.parties:
        return True
    return any(actor in (r["source"], r["target"]) for r in ctx.out.relations)


def _steps(a: Token, b: Token) -> int:
    """How many dependency steps apart two tokens are (a long path counts as far)."""
    steps, _ = path(a, b)
    return 99 if steps in ("long", "apart") else 0 if steps == "self" else len(steps.split())


def candidates(ctx: DocContext, sent: Span) -> list[Pair]:
    """Each (named person with a role, body) of the sentence once, by the body's mention
    nearest to the person on the parse (call within ``ctx.quietly()``: a new state found is no
    actor of the document until a relation uses it)."""
    mentions = ctx.mentions_in(sent)
    persons = [
        m for m in mentions if m.actor and m.kind == "name" and ctx.type_of(m.actor) == "person"
    ]
    if not persons:
        return []
    bodies = [(m, a) for m in mentions if (a := _body_of(ctx, m)) is not None]
    heads = role_heads(ctx.lex)
    out: list[Pair] = []
    for p in persons:
        pt = span_root(ctx.doc, p.start, p.end)
        tie = role_tie(ctx, pt, heads)
        if tie is None or _held_by_another(ctx, tie, p.actor):
            continue
        phrase = _phrase(tie) if tie.pos_ in ("NOUN", "PROPN") else None
        best: dict[str, tuple[int, Pair]] = {}
        for m, actor in bodies:
            if m is p or actor == p.actor:
                continue
            bt = span_root(ctx.doc, m.start, m.end)
            if not in_phrase(bt, tie, pt) or _placed(tie, pt, bt):
                continue
            if of_origin(bt, ctx.lex.origin_words):
                continue  # "Ghanaian-born mediator X": where X comes from, not whom X serves
            if phrase is not None and bt.i not in phrase:
                continue  # "the Nepali chief of the observer mission": the phrase's, not Nepal
            n = _steps(pt, bt)
            if actor not in best or n < best[actor][0]:
                best[actor] = (n, Pair(p, actor, pt, bt, m.kind, tie))
        tokens = {a: pair.body_token for a, (_, pair) in best.items()}
        out.extend(
            replace(pair, rivals=tuple(t for a, t in tokens.items() if a != pair.body))
            for _, pair in best.values()
        )
    return out


def attachment(rt: Token, bt: Token) -> str:
    """How a body hangs on the role word: its dependency on it ("poss", "amod", "compound"),
    the preposition of the phrase it stands in ("prep:of" for "the chief of the ECOWAS
    commission"), or "outside" when it is not under the role word at all."""
    chain: list[Token] = []
    t = bt
    while t.i != rt.i:
        if t.head.i == t.i:
            return "outside"
        chain.append(t)
        t = t.head
    if not chain:
        return "self"
    preps = [x for x in chain if x.dep_ == "prep"]
    return f"prep:{preps[-1].lower_}" if preps else chain[-1].dep_


def _bucket(n: int, cuts: tuple[int, ...]) -> str:
    return str(next((c for c in cuts if n <= c), f">{cuts[-1]}"))


def word_class(ctx: DocContext, t: Token, heads: frozenset[str]) -> str:
    """A word by its class, not itself: role noun, blocker, copula, verb of heading, another
    verb, a preposition, a mention, else its part of speech."""
    lemma = t.lemma_.lower()
    if _is_role(t, heads):
        return "ROLE"
    if lemma in ctx.lex.role_blockers:
        return "BLOCK"
    if t.pos_ in ("VERB", "AUX"):
        if lemma == "be":
            return "BE"
        if lemma in ctx.lex.heading_verbs or lemma in ctx.lex.representing_verbs:
            return "HEAD"
        return "V"
    if t.pos_ == "ADP":
        return f"P:{t.lower_}"
    if ctx.men[t.i] is not None:
        return "MENTION"
    return t.pos_


def pair_features(ctx: DocContext, pair: Pair, n_persons: int, n_bodies: int) -> FeatureBag:
    """The features of one pair (``n_persons``, ``n_bodies``: the sentence's candidates)."""
    heads = role_heads(ctx.lex)
    pt, bt, rt = pair.person_token, pair.body_token, pair.role
    bag = FeatureBag()
    bag.add("sf-bias")
    add_pair(bag, pt, bt)
    add_candidate(bag, "sf-body", bt, rt)
    steps, meet = path(pt, bt)
    bag.add("sf-path-meet-class", steps, word_class(ctx, meet, heads))
    bag.add("sf-person-dep", pt.dep_, word_class(ctx, pt.head, heads))
    tie = "title" if rt.i < pt.i and rt.head.i == pt.i else rt.dep_
    bag.add("sf-tie", tie, word_class(ctx, rt, heads))
    via = attachment(rt, bt)
    rivals = "+".join(sorted({attachment(rt, o) for o in pair.rivals} - {"outside"})) or "none"
    bag.add("sf-via", via)
    bag.add("sf-via-kind", via, pair.body_kind)
    bag.add("sf-rivals", rivals)
    bag.add("sf-via-rivals", via, rivals)
    bag.add("sf-body", pair.body_kind, ctx.type_of(pair.body))
    bag.add("sf-order", "body-first" if bt.i < pt.i else "person-first")
    bag.add("sf-counts", _bucket(n_persons, (1, 2, 3)), _bucket(n_bodies, (1, 2, 3, 5)))
    bag.add(
        "sf-place",
        str(pair.body in ctx.parties),
        str(pair.body in ctx.mediator_hints),
        str(pair.body in ctx.observers),
    )
    bag.add("sf-quote", str(ctx.quote_of[pt.i] >= 0), str(ctx.quote_of[bt.i] >= 0))
    m = ctx.men[bt.i]
    if m is not None:
        bag.add("sf-mention", str(m.place), str(m.passing), str(m.brief))
    lo, hi = sorted((pt.i, bt.i))
    if any(
        (o := ctx.men[i]) is not None
        and o.actor not in (None, pair.person.actor)
        and ctx.type_of(o.actor or "") == "person"
        for i in range(lo + 1, hi)
    ):
        bag.add("sf-person-between")
    return bag
