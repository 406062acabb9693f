"""Counts in words for people: "1 piece of evidence", "2 pieces of evidence".

The CLI and the reports print counts in sentences; both take the noun's forms from here, so
no line ever reads "1 pieces of evidence".
"""

from __future__ import annotations

#: Nouns whose plural is not the singular plus "s" (the one table to extend).
IRREGULAR = {
    "piece of evidence": "pieces of evidence",
    "entity": "entities",
    "query": "queries",
    "copy": "copies",
}


def counted(n: int, noun: str) -> str:
    """``n`` followed by ``noun`` in the number that agrees with it."""
    if n == 1:
        return f"{n} {noun}"
    return f"{n} {IRREGULAR.get(noun, noun + 's')}"
