"""One title over several people.

"Hamas leaders A and B", "the group's commanders, including A and B" (members listed after a
plural noun of members), "German Chancellor X and Foreign Minister Y" (Y speaks for Germany
too), "the foreign ministers of Russia, Azerbaijan and Armenia, X, Y and Z" (pair by pair in
order; nothing where the counts differ).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.ingest.extract.role_owners import blocks, role_owner, same_noun_owner
from actorgraph.ingest.extract.titled_names import bare_body
from actorgraph.ingest.extract.tokens import lemmas, plural_base, span_root, tokens

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.mentions import Mention
    from spacy.tokens import Token

#: the actor types a person named "for" a body speaks for
BODIES = frozenset({"organization", "state"})


def listed_members(ctx: DocContext) -> None:
    """ "Hamas leaders A and B", "senior Hamas officials A, B and C", "the group's
    commanders, including A and B", "a Hamas delegation ..., including other leaders such
    as A and B": people listed after a plural noun of members (`roles.member_nouns`)
    speak for its owner, or for the owner of the body the list is part of. Not after
    "former" and the like; not for anyone another rule gave a principal."""
    doc = ctx.doc
    toks = tokens(doc)
    for i, lemma in enumerate(lemmas(doc)):
        if lemma not in ctx.lex.member_nouns or toks[i].tag_ != "NNS":
            continue
        t = toks[i]
        start = max(t.sent.start, t.i - 3)
        if any(blocks(x, ctx.lex.role_blockers) for x in [*t.children, *doc[start : t.i]]):
            continue  # "former Hamas leaders A and B"
        people = _members_after(ctx, t.i + 1)
        if not people:
            continue
        owner = (
            role_owner(ctx, t, people[0])
            # "Houthi officials A and B", "ELN commanders A and B": a word no mention covers
            or next((b for c in t.lefts if (b := bare_body(ctx, c)) is not None), None)
            or _part_of_body(ctx, t, people[0])
        )
        if owner is None or ctx.type_of(owner) == "person":
            continue
        for person in people:
            if person.actor and person.actor not in ctx.principal:
                ctx.add_speaks(person.actor, owner, t.lemma_.lower(), ctx.sent_of[t.i], 0.75)


def _members_after(ctx: DocContext, i: int) -> list[Mention]:
    """The people listed from token ``i`` on, after a comma and "including", "such as"
    or "like" ("leaders A and B", "officials, including A", "leaders such as A, B"); a
    name in the list that NER left out or took for a place is passed over, any other
    word or a mention of a body ends the list."""
    doc = ctx.doc
    comma = i < len(doc) and doc[i].text == ","
    if comma:
        i += 1
    marked = True  # after "including" or "such as" the list is surely of people
    if i < len(doc) and doc[i].lower_ in ("including", "like"):
        i += 1
    elif i + 1 < len(doc) and doc[i].lower_ == "such" and doc[i + 1].lower_ == "as":
        i += 2
    else:
        marked = False
    out: list[Mention] = []
    while i < len(doc):
        t, m = doc[i], ctx.men[i]
        if m is not None and m.actor and ctx.type_of(m.actor) == "person" and not m.brief:
            root = span_root(doc, m.start, m.end)
            if comma and not marked and not out and root.dep_ in ("nsubj", "nsubjpass"):
                break  # "... with Hamas leaders, Tomas Kellerberg said": the speaker
            out.append(m)
            i = m.end
        elif (m is None or not m.actor) and t.pos_ == "PROPN" and (out or marked):
            i += 1  # "A, Zaher Jabarin and B": a name NER missed between two
        elif t.lower_ == "and" or (t.text == "," and out):
            i += 1
        else:
            break
    return out


def _part_of_body(ctx: DocContext, t: Token, m: Mention) -> str | None:
    """The owner of the body a list of members is part of: "a Hamas delegation led by X,
    including other leaders such as A" (however the parser hung "including": on the
    delegation or on its leader; the body is the nearest of a few heads up), "the
    delegation includes other leaders such as A" (the Hamas delegation named before)."""
    if t.dep_ == "dobj" and t.head.lemma_.lower() in ("include", "comprise"):
        # "The delegation, headed by X, includes other key leaders such as A and B"
        body = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        if body is not None and body.lemma_.lower() in ctx.lex.body_nouns:
            return role_owner(ctx, body, m) or same_noun_owner(ctx, body)
        return None
    if t.dep_ != "pobj" or t.head.lower_ not in ("including", "among"):
        return None
    h = t.head
    for _ in range(5):
        if h.head.i == h.i:
            return None
        h = h.head
        if h.lemma_.lower() in ctx.lex.body_nouns:
            return role_owner(ctx, h, m)
    return None


def coordinated_principal(ctx: DocContext, m: Mention) -> str | None:
    """The principal of the titled person a titled name is coordinated with, where its
    own title names none: "German Chancellor X and Foreign Minister Y" (Y speaks for
    Germany too), "US President X and Secretary of State Y". Only a government title."""
    root = span_root(ctx.doc, m.start, m.end)
    if root.dep_ != "conj" and m.start > 0:
        root = ctx.doc[m.start - 1]  # the model often makes the title the conjunct
    if root.dep_ != "conj":
        return None
    first = ctx.men[root.head.i]
    if first is None or not first.actor or first.actor == m.actor:
        return None
    sf = ctx.principal.get(first.actor)
    if sf is None or sf.sent != ctx.sent_of[m.start] or ctx.type_of(sf.target) != "state":
        return None
    return sf.target


def respective_roles(ctx: DocContext) -> None:
    """ "the foreign ministers of Russia, Azerbaijan and Armenia, X, Y and Z", "the
    presidents of Armenia and Azerbaijan, X and Y": a plural title over a list of bodies,
    then as many names, pair by pair in order. Nothing where the counts differ."""
    doc = ctx.doc
    plural_titles = ctx.lex.government_titles | ctx.lex.mandate_titles
    for t in tokens(doc):
        base = plural_base(t)
        if base is None or base not in plural_titles:
            continue
        if t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "of":
            continue
        bodies, i = _listed(ctx, t.i + 2, person=False)
        if len(bodies) < 2:
            continue
        if i < len(doc) and doc[i].text == ",":
            i += 1
        people, _ = _listed(ctx, i, person=True)
        if len(people) != len(bodies) or _listed_out_of_order(ctx, bodies, people):
            continue
        k = ctx.sent_of[t.i]
        for body, person in zip(bodies, people, strict=True):
            assert body.actor is not None and person.actor is not None
            ctx.use(body.actor, body.start, body.text)
            ctx.add_speaks(person.actor, body.actor, base, k, 0.8)


def _listed_out_of_order(ctx: DocContext, bodies: list[Mention], people: list[Mention]) -> bool:
    """Whether the dictionary gives a listed person a role in another of the listed bodies
    than the one in their place ("the foreign ministers of Armenia and Azerbaijan, X and
    Y" with X Azerbaijan's minister): the lists are not in the same order."""
    listed = {b.actor for b in bodies}
    for body, person in zip(bodies, people, strict=True):
        held = {r.of for r in ctx.roles_now(person.actor or "")} & listed
        if held and body.actor not in held:
            return True
    return False


def _listed(ctx: DocContext, i: int, *, person: bool) -> tuple[list[Mention], int]:
    """The mentions of a list from token ``i`` ("A, B and C"): people, or states and
    organizations; and where the list ends."""
    doc = ctx.doc
    out: list[Mention] = []
    while i < len(doc):
        if doc[i].lower_ == "the" and not person:
            i += 1  # "Rwanda and the Democratic Republic of Congo"
        m = ctx.men[i] if i < len(doc) else None
        if m is None or m.start != i:
            break
        if not person:
            ctx.new_actor_for(m)
        is_person = m.label == "PERSON" or ctx.type_of(m.actor or "") == "person"
        if not m.actor or m.brief or is_person != person:
            break
        out.append(m)
        i = m.end
        if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "and":
            i += 2
        elif (i < len(doc) and doc[i].lower_ == "and") or (
            i + 1 < len(doc) and doc[i].text == "," and ctx.men[i + 1] is not None
        ):
            i += 1
        else:
            break
    return out, i


def paired_for(ctx: DocContext) -> None:
    """ "The chief negotiators, A for the government and B for the ELN", "the heads of the
    two delegations, A for the PYD and B for the coalition": after a plural noun of a role
    and a comma, each person named with "for" and a body speaks for that body (read in word
    order: the parse of such lists is unreliable). Nothing unless the list holds two such
    pairs or more, nor after "former" and the like, nor for anyone another rule gave a
    principal (issue 20F)."""
    doc = ctx.doc
    toks = tokens(doc)
    for i, lemma in enumerate(lemmas(doc)):
        if not _role_plural(ctx, lemma) or i + 2 >= len(doc) or toks[i].tag_ != "NNS":
            continue
        t = toks[i]
        start = max(t.sent.start, t.i - 3)
        if any(blocks(x, ctx.lex.role_blockers) for x in doc[start : t.i]):
            continue  # "the former negotiators, A for ..."
        of = next((c for c in t.children if c.dep_ == "prep" and c.i == t.i + 1), None)
        at = of.right_edge.i + 1 if of is not None else t.i + 1  # "the heads of the two ..."
        if at >= len(doc) or doc[at].text != ",":
            continue
        pairs = _for_pairs(ctx, at + 1, t.sent.end)
        if len(pairs) < 2:
            continue
        for person, body in pairs:
            if body is not None and person.actor and person.actor not in ctx.principal:
                ctx.add_speaks(person.actor, body, t.lemma_.lower(), ctx.sent_of[t.i], 0.75)


def _role_plural(ctx: DocContext, lemma: str) -> bool:
    """A plural noun's lemma of people who lead or speak for a body: "negotiator", "head",
    "spokesman", "leader" (`roles.member_nouns`, title heads and `roles.synonyms`)."""
    if lemma in ctx.lex.member_nouns or lemma in ("head", "chief"):
        return True
    return lemma in _last_words(ctx.lex.role_titles)


@lru_cache(maxsize=4)
def _last_words(titles: frozenset[str]) -> frozenset[str]:
    """The last word of each title (worked out once per lexicon, not once per token)."""
    return frozenset(title.split()[-1] for title in titles if title.split())


def _for_pairs(ctx: DocContext, i: int, end: int) -> list[tuple[Mention, str | None]]:
    """The (person, body) pairs "A for X, B for Y and C for Z" from token ``i`` on; empty
    where anything else comes between (a person without "for", a body of no actor's)."""
    doc = ctx.doc
    out: list[tuple[Mention, str | None]] = []
    while i < end:
        person = ctx.men[i]
        if person is None or person.start != i or not person.actor:
            return []
        if ctx.type_of(person.actor) != "person":
            return []
        j = person.end
        if j >= end or doc[j].lower_ != "for":
            return []
        k = j + 1
        while k < end and doc[k].text not in (",", ";") and doc[k].lower_ != "and":
            k += 1
        out.append((person, _phrase_body(ctx, j + 1, k)))
        if k < end and doc[k].text == "," and k + 1 < end and doc[k + 1].lower_ == "and":
            k += 1
        if k >= end or (doc[k].lower_ != "and" and doc[k].text != ","):
            break
        nxt = k + 1
        if nxt >= end or ctx.men[nxt] is None:
            break  # the list ends: ", spoke after the session"
        i = nxt
    return out


def _phrase_body(ctx: DocContext, start: int, end: int) -> str | None:
    """The one organization or state the words ``start``..``end`` name or describe ("the
    ELN", "the Syrian opposition coalition", "the government")."""
    found: list[str] = []
    for x in range(start, end):
        mm = ctx.men[x]
        if mm is not None and mm.actor and not mm.place and ctx.type_of(mm.actor) in BODIES:
            found.append(mm.actor)
    if not found:
        head = ctx.doc[end - 1] if end > start else None
        noun = head is not None and head.pos_ == "NOUN"
        owner = ctx.resolve.described_owner(head) if noun else None  # type: ignore[arg-type]
        if owner is not None and ctx.type_of(owner) in BODIES:
            found = [owner]  # "for the government": the state of the talks
    found = list(dict.fromkeys(found))
    if len(found) == 1:
        ctx.use(found[0], start)
        return found[0]
    return None
