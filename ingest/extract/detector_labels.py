"""Which sentences of an annotated article express which relation family, from its gold.

A gold relation cites its evidence (a sentence, sometimes two, sometimes with its quotes or
dashes written otherwise); a sentence expresses the relation's family when its words begin the
evidence's or the evidence's words begin within it. Used to train the sentence detector
(``scripts/train_detector.py``) and, in ``bench/fallback_oracle.py``, as the perfect flagger
and the yardstick of the detector's flags.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from actorgraph.ingest.extract.fallbacks import FAMILIES

_WORD = re.compile(r"\w+")
#: how many characters of words two texts must share at the start to be one sentence
_HEAD = 40


def words(text: str) -> str:
    """The text's words, lower case, one space apart (quotes and dashes do not count)."""
    return " ".join(_WORD.findall(text.lower()))


def evidence_families(
    sentences: Sequence[str], gold: Iterable[Mapping[str, Any]], *, optional: bool = True
) -> dict[int, set[str]]:
    """Sentence index -> the families of the gold relations whose evidence it is part of
    (those marked optional too unless ``optional`` is false)."""
    sents = [words(s) for s in sentences]
    flags: dict[int, set[str]] = {}
    for rec in gold:
        if rec.get("kind") != "relation" or rec.get("type") not in FAMILIES:
            continue
        if not optional and rec.get("optional"):
            continue
        ev = words(str(rec.get("evidence") or ""))
        if not ev:
            continue
        head = ev[:_HEAD]
        for k, s in enumerate(sents):
            if s and (head in s or s[:_HEAD] in ev):
                flags.setdefault(k, set()).add(str(rec["type"]))
    return flags
