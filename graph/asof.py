""" "As of" a date: which relations are in force on that day.

A window (``since``/``until``) asks what was *observed* in it. "As of" asks what *holds* on a
day, and history is never erased to answer it: every piece of evidence stays, the rule reads
them all.

A relation is in force on day ``D`` when a piece of its evidence says it began on or before
``D`` (``valid_from``, else the day it was observed, ``date``) and, if that piece gives a
``valid_to``, ends on or after ``D`` ("a stance, once taken, holds until something ends it"),
and nothing ended it between that start and ``D``. What ends a relation:

* a record with ``ended`` (:class:`graph.exchange.RelationRecord`): the relation no longer
  holds from that day;
* a later contrary stance of the same actor on the same target (the vocabulary's
  ``contrary``: Hamas *rejects* a proposal after it *demanded* it; a later demand ends the
  rejection in turn).

Evidence after the end starts the relation again. A piece of evidence with no date at all says
nothing about a day: a relation known only from undated evidence is not in force on any day
(as it is in no date window).
"""

from __future__ import annotations

from collections.abc import Iterable

from actorgraph.graph.model import Relation


def started(rel: Relation, day: str) -> str | None:
    """The latest day on or before ``day`` a piece of ``rel``'s evidence says it began (and
    that piece's validity, if it has an end, covers ``day``); None when there is none."""
    best: str | None = None
    for e in rel.evidence:
        if e.ended:
            continue
        begin = e.valid_from or e.date
        if begin is None or begin > day:
            continue
        if e.valid_to is not None and e.valid_to < day:
            continue
        if best is None or begin > best:
            best = begin
    return best


def ended(rel: Relation, day: str, contrary: Iterable[Relation] = ()) -> str | None:
    """The latest day on or before ``day`` something ended ``rel``: an ``ended`` record, or
    the start of a contrary stance of the same actor on the same target."""
    ends = [e.ended for e in rel.evidence if e.ended and e.ended <= day]
    for other in contrary:
        for e in other.evidence:
            begin = e.valid_from or e.date
            if not e.ended and begin is not None and begin <= day:
                ends.append(begin)
    return max(ends, default=None)


def in_force(rel: Relation, day: str, contrary: Iterable[Relation] = ()) -> bool:
    """True when ``rel`` holds on ``day`` (see the module docstring). A start on the very
    day of an end does not outlive it: the end is read last.

    >>> from actorgraph.graph.model import Evidence
    >>> demand = Relation("demands", "hamas", "ceasefire", [Evidence(date="2024-05-01")])
    >>> reject = Relation("rejects", "hamas", "ceasefire", [Evidence(date="2024-06-10")])
    >>> in_force(demand, "2024-06-01", [reject]), in_force(demand, "2024-06-10", [reject])
    (True, False)
    >>> in_force(reject, "2024-06-10", [demand])
    True
    """
    begin = started(rel, day)
    if begin is None:
        return False
    end = ended(rel, day, contrary)
    return end is None or begin > end


def in_force_among(
    rels: list[Relation], day: str, contraries: dict[str, list[str]]
) -> list[Relation]:
    """The relations of ``rels`` in force on ``day``; the contrary stances of each are looked
    for among ``rels`` too (``contraries``: type -> the types that end it)."""
    by_ends: dict[tuple[str, str], list[Relation]] = {}
    for r in rels:
        by_ends.setdefault((r.source, r.target), []).append(r)
    out = []
    for r in rels:
        against = [o for o in by_ends[(r.source, r.target)] if o.type in contraries.get(r.type, ())]
        if in_force(r, day, against):
            out.append(r)
    return out
