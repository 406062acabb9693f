"""One demand worded twice in one document is one topic (issue 12k).

A side's demand is often named several times in one article, each time in other words: the
headline's "war end", the lede's "a permanent end to the war in Gaza", and further down "its
demand for a permanent end to the conflict". Each wording makes a topic of its own, so one
demand came out as two or three, of which all but one are false. After the stances of a
document are settled, the demands of each source are compared by what their names say:

- a name's words without articles, words of degree ("permanent", "full", "immediate") and of
  asking ("Demands" in a headline), each word of a list of one meaning
  (``data/demand_topics.yaml``: "lift", "removal", "lifted"; "war", "conflict", "fighting")
  standing for the whole list, plurals folded;
- two names are one demand when the words of one are all in the other ("war end" and "a
  permanent end to the war in Gaza"), or when they share two words and each has at most one
  word the other lacks ("sanctions against the country lifted", "lift sanctions against its
  economy");
- never when the words one has and the other lacks hold an act or another object
  (``acts``: "a ceasefire", "an end to the ceasefire"; "the hostages", "the bodies of the
  hostages");
- never when each names a place or name the other does not ("withdrawal from Gaza",
  "withdrawal from Lebanon").

The demands then name the topic with the most words (the fullest wording; the first, among
equals), and the statements they were found in name that topic.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from actorgraph.graph.errors import InputError
from actorgraph.ingest.extract.normalize import fold
from pydantic import BaseModel, ConfigDict, Field, ValidationError

if TYPE_CHECKING:
    from actorgraph.ingest.extract.records import Records
    from actorgraph.ingest.extract.topics import Topic

DATA = Path(__file__).parent / "data" / "demand_topics.yaml"
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    degree: list[str] = Field(default_factory=list)
    asking: list[str] = Field(default_factory=list)
    same: list[list[str]] = Field(default_factory=list)
    acts: list[str] = Field(default_factory=list)


class Vocabulary:
    """The words a comparison leaves out and the lists of one meaning."""

    def __init__(self, spec: _Spec, stopwords: frozenset[str]) -> None:
        self.skip = frozenset(w.lower() for w in spec.degree + spec.asking) | stopwords
        self.canon: dict[str, str] = {}
        for group in spec.same:
            for w in group:
                self.canon.setdefault(w.lower(), group[0].lower())
        left_out = sorted(w for w in spec.acts if w.lower() in self.skip)
        if left_out:
            raise ValueError(f"acts left out of every comparison (degree, asking): {left_out}")
        #: words that hold an act or another object: "an end to" the ceasefire, "the bodies
        #: of" the hostages (compared as a name's words are)
        self.acts = frozenset(self.word(w.lower()) for w in spec.acts)

    def word(self, w: str) -> str:
        """One word as it is compared: its list's first word, else without a plural -s."""
        if w in self.canon:
            return self.canon[w]
        if len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
            return self.canon.get(w[:-1], w[:-1])
        return w

    def signature(self, name: str) -> tuple[frozenset[str], frozenset[str]]:
        """The words a name is compared by, and those of them that are names (capitalized in
        a name that is not all capitals at the start of each word, as a headline's is)."""
        words = _WORD.findall(name)
        title_case = all(w[0].isupper() for w in words if w.isalpha() and len(w) > 3)
        sig: set[str] = set()
        names: set[str] = set()
        for w in words:
            low = fold(w)
            if low in self.skip or not any(c.isalpha() for c in low):
                continue
            key = self.word(low)
            sig.add(key)
            if not title_case and w[0].isupper():
                names.add(key)
        return frozenset(sig), frozenset(names)


@lru_cache(maxsize=4)
def vocabulary(stopwords: frozenset[str], path: Path = DATA) -> Vocabulary:
    """The vocabulary of ``path`` (checked on load), with the lexicon's topic stopwords."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        spec = _Spec.model_validate(raw)
        return Vocabulary(spec, stopwords)
    except (OSError, yaml.YAMLError, ValidationError, ValueError) as exc:
        raise InputError(f"{path}: {exc}") from exc


def same_demand(
    a: tuple[frozenset[str], frozenset[str]],
    b: tuple[frozenset[str], frozenset[str]],
    acts: frozenset[str] = frozenset(),
) -> bool:
    """Whether two signatures (words, names) are one demand worded twice (``acts``: words
    the fuller one may not add, :attr:`Vocabulary.acts`)."""
    (wa, na), (wb, nb) = a, b
    if not wa or not wb:
        return False
    if not (na <= nb or nb <= na):
        return False  # "withdrawal from Gaza", "withdrawal from Lebanon"
    if (wa ^ wb) & acts:
        return False  # "a ceasefire", "an end to the ceasefire"
    if wa <= wb or wb <= wa:
        return True
    return len(wa & wb) >= 2 and len(wa - wb) <= 1 and len(wb - wa) <= 1


def merge_same_demands(
    out: Records, topics: dict[str, Topic], stopwords: frozenset[str], rtype: str = "demands"
) -> None:
    """Give each source's demands that are one demand worded twice one topic (``topics``:
    the document's topics by id); with ``rtype`` "rejects", its rejections whose names have
    two words or more each (issue-24R: "the rejection of another hostage release proposal",
    "after rejecting repeated proposals to release hostages"; not "the truce" and "the
    ceasefire plan")."""
    vocab = vocabulary(stopwords)
    by_source: dict[str, list[str]] = {}
    for rec in out.relations:
        if rec["type"] == rtype and rec["target"] in topics:
            ids = by_source.setdefault(rec["source"], [])
            if rec["target"] not in ids:
                ids.append(rec["target"])
    renames: dict[tuple[str, str], str] = {}
    for source, ids in by_source.items():
        if len(ids) < 2:
            continue
        sigs = [vocab.signature(topics[t].name) for t in ids]
        parent = list(range(len(ids)))
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                if rtype != "demands" and min(len(sigs[i][0]), len(sigs[j][0])) < 2:
                    continue  # "rejected the truce", "rejected the ceasefire plan": two things
                if same_demand(sigs[i], sigs[j], vocab.acts):
                    parent[_root(parent, j)] = _root(parent, i)
        groups: dict[int, list[int]] = {}
        for k in range(len(ids)):
            groups.setdefault(_root(parent, k), []).append(k)
        for members in groups.values():
            if len(members) < 2:
                continue
            keep = max(members, key=lambda k: (len(sigs[k][0]), -k))
            for k in members:
                if k != keep:
                    renames[(source, ids[k])] = ids[keep]
    if renames:
        _retarget(out, renames, rtype)


def _root(parent: list[int], k: int) -> int:
    """The representative of ``k``'s group (union-find without path compression: a
    document's demands of one side are a handful)."""
    while parent[k] != k:
        k = parent[k]
    return k


def _retarget(out: Records, renames: dict[tuple[str, str], str], rtype: str) -> None:
    """Point the stances at their kept topics, once per sentence, and the statements they
    were found in at the kept topic."""
    kept: list[dict[str, Any]] = []
    seen: set[tuple[str, str, int]] = set()
    moved: dict[str, set[tuple[str, str]]] = {}
    for rec in out.relations:
        if rec["type"] == rtype:
            new = renames.get((rec["source"], rec["target"]))
            if new is not None:
                if rec.get("statement"):
                    moved.setdefault(rec["statement"], set()).add((rec["target"], new))
                rec["target"] = new
            key = (rec["source"], rec["target"], rec["start"])
            if key in seen:
                continue
            seen.add(key)
        kept.append(rec)
    out.relations[:] = kept
    still = {(r.get("statement"), r["target"]) for r in kept}
    for sid, pairs in moved.items():
        stmt = out.get_statement(sid)
        if stmt is None:
            continue
        about: list[str] = stmt["about"]
        for old, new in pairs:
            if (sid, old) not in still and old in about:
                about.remove(old)
            if new not in about:
                about.append(new)
