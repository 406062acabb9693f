"""Hashed features of a candidate in its sentence, and of a pair of candidates, for the
learned readers (``reader_<family>.py``).

A reader chooses, inside a flagged sentence, which candidate holds the stance, what it is
about, who mediates, who speaks for whom. It sees each candidate (a token: the head of a
mention or of a phrase) through the parse, never through its words alone:

* its dependency label, with its head's *value* (the entity label of a token in a named
  entity, else its lemma, as in :mod:`.detector_features`), its entity label and its part of
  speech;
* the dependency path to an *anchor* (the sentence's predicate, or the verb a reader chose),
  alone and with the anchor's value and with the value of the two paths' meeting token;
* negation and modality on that path (a ``neg`` child, a modal auxiliary), which side of the
  anchor it is on and how far;
* flags the reader knows and the parse does not (a quote's speaker, a pronoun resolved);
* for a pair, the path between the two ends, with the meeting token's value, their order and
  distance.

Every feature is a row of parts (strings through spaCy's :func:`get_string_id`, fixed ids or a
64-bit murmurhash: the same in every process) hashed with :func:`.detector_features.mix` into
``n_features`` slots; a role name ("holder", "topic") keeps one end's features apart from the
other's.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
from actorgraph.ingest.extract.detector_features import mix
from spacy.strings import get_string_id  # type: ignore[attr-defined]

if TYPE_CHECKING:
    from spacy.tokens import Token

#: bump when the features change: a reader trained on others is refused on load
READER_FEATURES_VERSION = 1
#: a path longer than this many steps is only "long"
MAX_PATH = 6
#: auxiliaries that make a stance a wish or an obligation rather than a fact
MODALS = frozenset({"must", "should", "will", "would", "shall", "may", "might", "can", "could"})
_U64 = np.uint64
_WIDTH = 4  # parts per feature row after its kind (shorter rows are padded)
_KIND_SALT = "<actorgraph:reader-feature:{}>"


def value(tok: Token) -> str:
    """How a token counts: its entity label in a named entity, a number mark, else its lemma."""
    if tok.ent_type_:
        return f"<ent:{tok.ent_type_}>"
    if tok.like_num:
        return "<number>"
    return tok.lemma_.lower()


def _ancestors(tok: Token) -> list[Token]:
    """The token and its heads up to the root."""
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 64:
        out.append(out[-1].head)
    return out


def path(a: Token, b: Token) -> tuple[str, Token]:
    """The dependency path from ``a`` to ``b`` (labels up from ``a`` with ``^``, then down to
    ``b`` with ``v``) and the token where they meet."""
    up_a, up_b = _ancestors(a), _ancestors(b)
    on_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in on_b:
            ups, downs = up_a[:n], up_b[: on_b[t.i]]
            if len(ups) + len(downs) > MAX_PATH:
                return "long", t
            steps = [f"{x.dep_}^" for x in ups] + [f"{x.dep_}v" for x in reversed(downs)]
            return " ".join(steps) or "self", t
    return "apart", a  # not in one tree (two sentences' roots)


def _on_path(a: Token, b: Token) -> list[Token]:
    up_a, up_b = _ancestors(a), _ancestors(b)
    ids_b = {t.i for t in up_b}
    meet = next((n for n, t in enumerate(up_a) if t.i in ids_b), len(up_a) - 1)
    tail = next((n for n, t in enumerate(up_b) if t.i == up_a[meet].i), len(up_b))
    return up_a[: meet + 1] + up_b[:tail]


def _bucket(n: int) -> str:
    for limit, name in ((0, "0"), (1, "1"), (2, "2"), (5, "3-5"), (10, "6-10")):
        if n <= limit:
            return name
    return "11+"


class FeatureBag:
    """The features of one candidate (or pair) being gathered, hashed at the end."""

    def __init__(self) -> None:
        self.rows: list[tuple[int, ...]] = []

    def add(self, kind: str, *parts: str) -> None:
        """One feature: a kind and up to four string parts."""
        if len(parts) > _WIDTH:
            raise ValueError(f"a feature has at most {_WIDTH} parts, not {len(parts)}")
        ids = [get_string_id(_KIND_SALT.format(kind))] + [get_string_id(p) for p in parts]
        self.rows.append(tuple(ids) + (0,) * (_WIDTH - len(parts)))

    def indices(self, n_features: int) -> np.ndarray:
        """The distinct feature slots in ``[0, n_features)`` (a power of two), sorted."""
        if n_features <= 0 or n_features & (n_features - 1):
            raise ValueError(f"n_features must be a power of two, not {n_features}")
        if not self.rows:
            return np.zeros(0, dtype=np.int64)
        a = np.array(self.rows, dtype=np.uint64)
        h = a[:, 0]
        for col in range(1, a.shape[1]):
            h = mix(h ^ a[:, col])
        return np.unique((h & _U64(n_features - 1)).astype(np.int64))


def add_candidate(
    bag: FeatureBag,
    role: str,
    tok: Token,
    anchor: Token | None,
    flags: Iterable[str] = (),
) -> None:
    """The features of candidate ``tok`` in its sentence, as ``role``, against ``anchor``."""
    bag.add("dep", role, tok.dep_)
    bag.add("dep-head", role, tok.dep_, value(tok.head))
    bag.add("ent", role, tok.ent_type_ or "-")
    bag.add("pos", role, tok.pos_)
    bag.add("value-dep", role, value(tok), tok.dep_)
    for flag in flags:
        bag.add("flag", role, flag)
    if anchor is None:
        return
    steps, meet = path(tok, anchor)
    bag.add("path", role, steps)
    bag.add("path-anchor", role, steps, value(anchor))
    bag.add("path-meet", role, steps, value(meet))
    bag.add("order", role, "before" if tok.i < anchor.i else "after" if tok.i > anchor.i else "at")
    bag.add("distance", role, _bucket(abs(tok.i - anchor.i)))
    for t in _on_path(tok, anchor):
        for child in t.children:
            if child.dep_ == "neg":
                bag.add("negated", role)
            elif child.dep_ == "aux" and child.lemma_.lower() in MODALS:
                bag.add("modal", role, child.lemma_.lower())


def add_pair(bag: FeatureBag, a: Token, b: Token) -> None:
    """The features of the pair (``a``, ``b``): the path between them and their order."""
    steps, meet = path(a, b)
    bag.add("pair-path", steps)
    bag.add("pair-path-meet", steps, value(meet))
    bag.add("pair-meet-pos", meet.pos_)
    bag.add("pair-order", "before" if a.i < b.i else "after" if a.i > b.i else "same")
    bag.add("pair-distance", _bucket(abs(a.i - b.i)))
