"""The sentence detector's features: hashed, from the spaCy parse, the same in every process.

Each feature is a 64-bit hash built arithmetically from spaCy's own 64-bit string ids
(``token.lemma``, ``token.dep``, ``token.ent_type``: spaCy's fixed symbol id or the murmurhash
of the string, the same in every process and on every machine), never from Python's ``hash()``
of a string, which is salted per process. The hash is folded into ``n_features`` slots (a
power of two).

Per sentence, over its tokens that are neither punctuation nor space, where a token's *value*
is its entity label when it is in a named entity (so "Qatar" and "Norway" look alike), a
number mark when it looks like a number, and its lemma otherwise:

* the value of each token, and of each pair of neighbours (lemma bigrams);
* each token's dependency label with its head's value (``nsubj`` of *reject*), and the token's
  value with both (``Hamas`` -> ``GPE``, ``nsubj``, *reject*) and with its dependency label and
  its head's head (``GPE``, ``pobj``, *talks* for "talks between Israel and ...");
* the head of each negation (``neg`` of *accept*), and whether that head is the root;
* the root's value;
* the labels of the named entities.

The whole document is read with one :meth:`Doc.to_array` and numpy: no Python loop over tokens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_PUNCT, IS_SPACE, LEMMA, LIKE_NUM
from spacy.strings import get_string_id  # type: ignore[attr-defined]

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc

#: bump when the features change: a model trained on other features is refused on load
FEATURES_VERSION = 2

_ATTRS = [LEMMA, DEP, ENT_TYPE, HEAD, LIKE_NUM, IS_PUNCT, IS_SPACE]
_U64 = np.uint64
_ROOT_DEP = _U64(get_string_id("ROOT"))
_NEG_DEP = _U64(get_string_id("neg"))
#: stand-ins for a number and for "no head" (the root's head), apart from any string's hash
_NUMBER = _U64(get_string_id("<actorgraph:number>"))
_NO_HEAD = _U64(get_string_id("<actorgraph:root>"))
_ENTITY = _U64(get_string_id("<actorgraph:entity>"))
#: the kinds of feature (see the module's docstring)
_KIND_NAMES = [
    "word",
    "pair",
    "dep-head",
    "word-dep-head",
    "grand",
    "neg",
    "neg-root",
    "root",
    "entity",
]
#: one constant per kind of feature, so a unigram and a bigram of the same values differ
_KINDS = {name: _U64(get_string_id(f"<actorgraph:feature:{name}>")) for name in _KIND_NAMES}


def mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finalizer: every input bit moves every output bit (uint64, wrapping)."""
    x = x ^ (x >> _U64(30))
    x = x * _U64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> _U64(27))
    x = x * _U64(0x94D049BB133111EB)
    return x ^ (x >> _U64(31))


def _combine(kind: str, *parts: np.ndarray) -> np.ndarray:
    """One hash of a kind of feature and its parts (arrays of equal length)."""
    h = np.full(len(parts[0]), _KINDS[kind], dtype=np.uint64)
    for p in parts:
        h = mix(h ^ p)
    return h


def sentence_features(
    doc: Doc, bounds: Sequence[tuple[int, int]], n_features: int
) -> tuple[np.ndarray, np.ndarray]:
    """The features of each sentence (token ``bounds``, ``[start, end)``) of ``doc``.

    Returns ``(sentence, feature)``: two int arrays of equal length, one row per distinct
    feature of a sentence (binary features: a feature present twice counts once), features in
    ``[0, n_features)``.
    """
    if n_features & (n_features - 1):
        raise ValueError(f"n_features must be a power of two, not {n_features}")
    n = len(doc)
    empty = np.zeros(0, dtype=np.int64)
    if n == 0 or not bounds:
        return empty, empty
    a = np.asarray(doc.to_array(_ATTRS), dtype=np.uint64)
    lemma, dep, ent, like_num = a[:, 0], a[:, 1], a[:, 2], a[:, 4]
    head = np.arange(n) + a[:, 3].view(np.int64)
    value = np.where(ent != 0, mix(ent ^ _ENTITY), np.where(like_num != 0, _NUMBER, lemma))
    sent = np.full(n, -1, dtype=np.int64)
    for k, (start, end) in enumerate(bounds):
        sent[start:end] = k
    keep = (a[:, 5] == 0) & (a[:, 6] == 0) & (sent >= 0)
    idx = np.flatnonzero(keep)
    v, d, s = value[idx], dep[idx], sent[idx]
    h = head[idx]
    is_root = h == idx
    hv = np.where(is_root, _NO_HEAD, value[h])
    groups: list[tuple[np.ndarray, np.ndarray]] = [
        (s, _combine("word", v)),
        (s, _combine("dep-head", d, hv)),
        (s, _combine("word-dep-head", v, d, hv)),
    ]
    grand = head[h]  # the head's head: "talks" over "between" over "Israel"
    up = ~is_root & (grand != h)
    groups.append((s[up], _combine("grand", v[up], d[up], value[grand][up])))
    same = s[1:] == s[:-1]  # neighbours among the kept tokens of one sentence
    groups.append((s[1:][same], _combine("pair", v[:-1][same], v[1:][same])))
    neg = d == _NEG_DEP
    if neg.any():
        groups.append((s[neg], _combine("neg", hv[neg])))
        neg_root = neg & (dep[h] == _ROOT_DEP)
        groups.append((s[neg_root], _combine("neg-root", np.zeros(int(neg_root.sum()), _U64))))
    root = d == _ROOT_DEP
    groups.append((s[root], _combine("root", v[root])))
    in_ent = ent[idx] != 0
    groups.append((s[in_ent], _combine("entity", ent[idx][in_ent])))
    sents = np.concatenate([g[0] for g in groups])
    feats = (np.concatenate([g[1] for g in groups]) & _U64(n_features - 1)).astype(np.int64)
    pairs = np.unique(sents * n_features + feats)
    return pairs // n_features, pairs % n_features
