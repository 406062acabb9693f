"""How paths and evidence are ranked, written once for both backends.

A researcher reads paths **fewest hops first**, then the **best supported**, then the **most
recent**, and only then by the names along them (which makes the order total):

* a relation's *support* is the chance that at least one of its independent sources is right,
  each source counted at the relation's confidence capped at :data:`SOURCE_CAP` (one source
  never makes a fact certain): ``1 - (1 - min(confidence, 0.95)) ** sources``, where
  ``sources`` is the number of distinct documents among its evidence (evidence without a
  document counts once per origin, see :func:`source_key`) and the power is taken by repeated
  multiplication of at most :data:`MAX_SOURCES` factors;
* a hop's support is that of its best relation (a hop may rest on several relations of the
  asked types); a path's support is the product of its hops' supports, in path order;
* a hop's recency is the latest date among its relations' evidence (``date`` or
  ``valid_from``); a path is as recent as its stalest hop (the minimum over hops);
* names: the casefolded names (then ids) of the nodes along the path.

Every step is IEEE double arithmetic in a fixed order (products along the path, a power by
repeated multiplication, ``max``/``min``), so Python and Neo4j's Cypher compute bitwise the
same values and both backends give the same ranking; Neo4j stores each relationship's support
(computed here at write time, and by ``cypher/relations_append.cypher``, which spells the same
formula out, when evidence is added).

Evidence is shown **best first**: highest confidence, then newest, then by key
(:func:`evidence_rank`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from actorgraph.graph.model import Evidence

#: The most a single source may count for.
SOURCE_CAP = 0.95
#: Sources beyond this many change nothing a double can hold (0.05 ** 20 < 1e-26).
MAX_SOURCES = 20
#: Evidence shown per relation when a caller does not say.
DEFAULT_EVIDENCE = 3
#: The most evidence per relation an answer may carry (the rest is paged).
MAX_EVIDENCE = 50


def support(confidence: float, sources: int) -> float:
    """The support of a relation with this (highest) confidence and number of sources.

    >>> support(1.0, 1)
    0.95
    >>> round(support(0.6, 2), 4)
    0.84
    >>> support(0.9, 0)
    0.0
    """
    c = confidence if confidence < SOURCE_CAP else SOURCE_CAP
    miss = 1.0
    for _ in range(min(sources, MAX_SOURCES)):
        miss = miss * (1.0 - c)
    return 1.0 - miss


def source_key(document: str | None, origin: str) -> str:
    """What makes two pieces of evidence the same source: their document, or (for evidence
    without one, such as a curated role) their origin."""
    return document if document else "\x00" + origin


def relation_sources(evidence: Iterable[Evidence]) -> int:
    """The number of independent sources among a relation's evidence."""
    return len({source_key(e.document, e.origin) for e in evidence})


def evidence_date(e: Evidence) -> str:
    """The date a piece of evidence speaks for ('' when undated)."""
    return e.date or e.valid_from or ""


_INVERT = str.maketrans("0123456789", "9876543210")


def evidence_rank(e: Evidence, key: str | None = None) -> str:
    """A string whose order is the display order of evidence: highest confidence first, then
    newest (undated last), then the evidence key. Stored beside evidence (SQLite) and used to
    sort it in Python (Neo4j), so both backends page evidence alike.

    >>> from actorgraph.graph.model import Evidence
    >>> a = Evidence(sentence="a", confidence=0.9, date="2024-05-01")
    >>> b = Evidence(sentence="b", confidence=0.9, date="2024-06-01")
    >>> c = Evidence(sentence="c", confidence=1.0)
    >>> [x.sentence for x in sorted([a, b, c], key=evidence_rank)]
    ['c', 'b', 'a']
    """
    c = min(max(float(e.confidence), 0.0), 1.0)
    conf = f"{round((1.0 - c) * 1_000_000):07d}"
    when = evidence_date(e)
    date = when.translate(_INVERT) if when else "~"
    return f"{conf}|{date}|{key or e.key}"


def rank_evidence(evidence: Iterable[Evidence], limit: int | None) -> list[Evidence]:
    """Evidence best first, at most ``limit`` pieces (all when None)."""
    ranked = sorted(evidence, key=evidence_rank)
    return ranked if limit is None else ranked[:limit]


def name_sort_key(name: str, node_id: str) -> str:
    """Orders nodes like ``(name.casefold(), id)`` in Python, under Neo4j's string order too.

    Neo4j compares strings by UTF-16 code units, Python by code points: they disagree when a
    character beyond U+FFFF meets one in U+E000..U+FFFF. Hex digits of UTF-8 bytes compare in
    code-point order, and the space sorts below every hex digit, so a name that is a prefix of
    another still comes first. Neo4j stores it as the actor's ``sort_key``.
    """
    return f"{name.casefold().encode('utf-8').hex()} {node_id.encode('utf-8').hex()}"


#: The recency of a path with no hop yet (above every date as :func:`date_int`).
NEVER = 99_999_999


def date_int(date: str | None) -> int:
    """``"2024-05-01"`` -> ``20240501``; 0 for no date (or one that is not ISO).

    >>> date_int("2024-05-01"), date_int(""), date_int(None)
    (20240501, 0, 0)
    """
    if not date:
        return 0
    digits = date.replace("-", "")
    return int(digits) if len(digits) == 8 and digits.isdigit() else 0


def date_str(value: int) -> str | None:
    """The inverse of :func:`date_int`."""
    if not value or value >= NEVER:
        return None
    return f"{value // 10000:04d}-{value // 100 % 100:02d}-{value % 100:02d}"
