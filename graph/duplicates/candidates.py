"""Likely duplicate actors, ranked, each pair with the evidence for it.

A pair is proposed only on the strength of its names, and only between actors of the same
type:

* ``same name``: the names (or a name and an alias) are equal once folded, titles, articles
  and particles set aside (Al-Manar / Al Manar; Prime Minister Netanyahu / Netanyahu);
* ``transliteration`` or ``spelling``: the same words spelled another way (Binyamin /
  Benjamin Netanyahu; Hizbullah / Hezbollah), or a given name cut to an initial;
* ``surname``: a person named by the surname alone and a person with that surname, only
  when they appear in the same documents and no other person of that surname does there;
* ``acronym``: an organization's initials (UN / United Nations).

For two people, different given names rule a pair out (Osama Hamdan / Ahmed Hamdan), as do
different words in two organizations' names (Islamic Jihad / Islamic State; Hamas / Hamas'
news agency). Two actors linked by a relation (one speaks for the other) are two actors.
Shared context then adds to the score of a pair the names proposed: documents where both
appear, and neighbours in common; it never proposes a pair by itself (Qatar and Egypt share
every neighbour and are two states).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations

from actorgraph.graph.duplicates.names import (
    NameParts,
    acronym,
    fold,
    is_acronym,
    org_parts,
    person_parts,
    word_match,
)
from actorgraph.graph.exchange import (
    ActorRecord,
    RecordStream,
    RelationRecord,
    StatementRecord,
    as_records,
    node_id,
)
from pydantic import BaseModel

#: Pairs in a block larger than this are not compared (a word shared by that many actors
#: says nothing about identity).
MAX_BLOCK = 200

#: Score of a pair by its best name evidence, before context is added (order: best first).
_BASE = {
    "same name": 0.9,
    "alias": 0.85,
    "transliteration": 0.8,
    "spelling": 0.7,
    "initial": 0.7,
    "acronym": 0.7,
    "alias surname": 0.6,
    "surname": 0.55,
}
#: Kinds that rest on a bare surname: they need the pair's documents (or, for a curated
#: alias, the whole store) to hold no other person of that surname.
_SURNAME_KINDS = ("alias surname", "surname")


class Clue(BaseModel):
    """One piece of evidence that two actors are one."""

    kind: str
    detail: str


class Candidate(BaseModel):
    """A pair of actors that may be one, with the evidence; ``keep`` is the suggested
    survivor (the better-attested actor), ``merge`` the one to merge into it."""

    keep: str
    keep_name: str
    merge: str
    merge_name: str
    type: str
    score: float
    clues: list[Clue]


@dataclass(slots=True)
class Profile:
    """What the record stream says about one actor."""

    id: str
    name: str
    type: str
    aliases: list[str]
    documents: set[str] = field(default_factory=set)
    neighbours: set[str] = field(default_factory=set)
    mentions: int = 0

    @property
    def person(self) -> bool:
        return self.type == "person"

    def parts(self, name: str | None = None) -> NameParts:
        n = self.name if name is None else name
        return person_parts(n) if self.person else org_parts(n)


def profiles(records: RecordStream) -> dict[str, Profile]:
    """Actor profiles from a record stream: names, documents and neighbours."""
    out: dict[str, Profile] = {}
    pending: list[tuple[str, str | None, str | None]] = []  # (actor, document, neighbour)
    for rec in as_records(records):
        if isinstance(rec, ActorRecord):
            aid = node_id(rec)
            out[aid] = Profile(aid, rec.name, rec.type, list(rec.aliases))
        elif isinstance(rec, StatementRecord):
            for who in (rec.speaker, rec.on_behalf_of):
                if who:
                    pending.append((who, rec.document, None))
            if rec.on_behalf_of:
                pending.append((rec.speaker, None, rec.on_behalf_of))
                pending.append((rec.on_behalf_of, None, rec.speaker))
        elif isinstance(rec, RelationRecord):
            pending.append((rec.source, rec.document, rec.target))
            pending.append((rec.target, rec.document, rec.source))
    for who, doc, other in pending:
        p = out.get(who)
        if p is None:
            continue
        p.mentions += 1
        if doc:
            p.documents.add(doc)
        if other:
            p.neighbours.add(other)
    return out


# ---------------------------------------------------------------------- blocking
def _block_keys(p: Profile) -> set[str]:
    keys = set()
    for n in (p.name, *p.aliases):
        parts = p.parts(n)
        if parts.words:
            keys.add("name:" + " ".join(parts.key))
            if p.person:
                keys.add("surname:" + parts.key[-1])
            else:
                keys.update("word:" + k for k in parts.key if len(k) >= 3)
        if not p.person:
            ac = acronym(n)
            if ac:
                keys.add("acronym:" + ac)
            if is_acronym(n):
                keys.add("acronym:" + fold(n).replace(" ", ""))
    return keys


def _pairs(profs: dict[str, Profile]) -> Iterator[tuple[Profile, Profile]]:
    blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
    for p in profs.values():
        for k in _block_keys(p):
            blocks[(p.type, k)].append(p.id)
    seen: set[tuple[str, str]] = set()
    for ids in blocks.values():
        if len(ids) > MAX_BLOCK:
            continue
        for a, b in combinations(sorted(set(ids)), 2):
            if (a, b) not in seen:
                seen.add((a, b))
                yield profs[a], profs[b]


# ---------------------------------------------------------------------- name evidence
def _person_match(a: NameParts, b: NameParts) -> tuple[str, str] | None:
    """(kind, detail) when two person names can be one person."""
    if not a.words or not b.words:
        return None
    sm = word_match(a.words[-1], b.words[-1])
    if sm not in ("same", "transliteration", "spelling"):
        return None
    if not a.given or not b.given:
        if not a.given and not b.given:
            return ("same name" if sm == "same" else sm, f"{a.words[-1]} ~ {b.words[-1]}")
        short, full = (a, b) if not a.given else (b, a)
        return ("surname", f"'{short.words[-1]}' is the surname of '{' '.join(full.words)}'")
    g = word_match(a.given[0], b.given[0])
    if g is None:
        return None  # different given names: two people
    kinds = {sm, g}
    if kinds == {"same"}:
        return ("same name", f"{' '.join(a.words)} = {' '.join(b.words)}")
    kind = next(k for k in ("initial", "spelling", "transliteration") if k in kinds)
    return (kind, f"{' '.join(a.words)} ~ {' '.join(b.words)}")


def _org_match(a: str, b: str) -> tuple[str, str] | None:
    wa, wb = org_parts(a).words, org_parts(b).words
    if wa and wa == wb:
        return ("same name", f"{a} = {b}")
    if wa and len(wa) == len(wb):
        kinds = [word_match(x, y) for x, y in zip(wa, wb, strict=True)]
        if all(k in ("same", "transliteration", "spelling") for k in kinds):
            return ("transliteration" if "transliteration" in kinds else "spelling", f"{a} ~ {b}")
    for short, long_ in ((a, b), (b, a)):
        if is_acronym(short) and fold(short).replace(" ", "") == acronym(long_):
            return ("acronym", f"{short} = {long_}")
    return None


def _names_match(pa: Profile, pb: Profile) -> tuple[str, str] | None:
    """The best name evidence between two actors' names and aliases."""
    best: tuple[str, str] | None = None
    order = list(_BASE)
    for i, na in enumerate((pa.name, *pa.aliases)):
        for j, nb in enumerate((pb.name, *pb.aliases)):
            m = _person_match(pa.parts(na), pb.parts(nb)) if pa.person else _org_match(na, nb)
            if m is None:
                continue
            if i or j:  # an alias is involved
                if m[0] == "surname":
                    continue  # an alias that is a bare surname says nothing new
                if m[0] == "same name":
                    owner, alias, other = (pa, na, nb) if i else (pb, nb, na)
                    bare = pa.person and len(owner.parts(alias).words) == 1
                    m = (
                        "alias surname" if bare else "alias",
                        f"'{other}' matches '{alias}', an alias of {owner.name}",
                    )
            if best is None or order.index(m[0]) < order.index(best[0]):
                best = m
    return best


def _rivals(
    pa: Profile, pb: Profile, profs: dict[str, Profile], by_surname: dict[str, list[str]]
) -> list[Profile]:
    """Other people with the pair's surname whose given name differs from the fuller of the
    two names: whom a bare surname could name instead."""
    full = pa if len(pa.parts().words) >= len(pb.parts().words) else pb
    first = full.parts().given[0] if full.parts().given else None
    out = []
    for other_id in by_surname.get(full.parts().key[-1], []):
        if other_id in (pa.id, pb.id):
            continue
        other = profs[other_id]
        given = other.parts().given
        if given and (first is None or word_match(given[0], first) is None):
            out.append(other)
    return out


def find_candidates(
    records: RecordStream,
    *,
    distinct: Iterable[tuple[str, str]] = (),
    min_score: float = 0.5,
    limit: int | None = None,
) -> list[Candidate]:
    """Likely duplicate actors in a record stream, best first.

    ``distinct`` lists pairs already judged to be two actors; they are not proposed again.
    """
    profs = profiles(records)
    skip = {tuple(sorted(p)) for p in distinct}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for p in profs.values():
        if p.person and p.parts().words:
            by_surname[p.parts().key[-1]].append(p.id)
    out = []
    for pa, pb in _pairs(profs):
        if (pa.id, pb.id) in skip or pb.id in pa.neighbours:
            continue  # judged distinct, or linked to each other: two actors
        m = _names_match(pa, pb)
        if m is None:
            continue
        kind, detail = m
        shared_docs = pa.documents & pb.documents
        if kind in _SURNAME_KINDS:
            rivals = _rivals(pa, pb, profs, by_surname)
            if shared_docs:
                if any(r.documents & shared_docs for r in rivals):
                    continue  # another person of that surname is in these documents
            elif kind == "surname" or rivals:
                continue  # a bare surname elsewhere: only a curated alias, unambiguous
        clues = [Clue(kind=kind, detail=detail)]
        score = _BASE[kind]
        if shared_docs:
            clues.append(
                Clue(
                    kind="shared documents",
                    detail=", ".join(sorted(shared_docs)[:5])
                    + (f" (+{len(shared_docs) - 5})" if len(shared_docs) > 5 else ""),
                )
            )
            score += 0.05
        common = pa.neighbours & pb.neighbours
        if common:
            jac = len(common) / len(pa.neighbours | pb.neighbours)
            names = sorted(profs[c].name if c in profs else c for c in common)
            clues.append(
                Clue(kind="shared neighbours", detail=f"{', '.join(names[:5])} (Jaccard {jac:.2f})")
            )
            score += 0.1 * jac
        score = round(min(score, 0.99), 4)
        if score < min_score:
            continue
        keep, merge = sorted(
            (pa, pb), key=lambda p: (-p.mentions, -len(p.parts().words), -len(p.name), p.id)
        )
        out.append(
            Candidate(
                keep=keep.id,
                keep_name=keep.name,
                merge=merge.id,
                merge_name=merge.name,
                type=pa.type,
                score=score,
                clues=clues,
            )
        )
    out.sort(key=lambda c: (-c.score, c.keep_name.casefold(), c.merge_name.casefold()))
    return out if limit is None else out[:limit]
