"""The tokens of a parsed document as one list, made once per document.

spaCy makes a new :class:`~spacy.tokens.Token` object on every ``doc[i]`` and on every
iteration over a ``Doc`` or a ``Span``. The rules walk each document a few dozen times, so
most of their time went into making the same token objects again (2.9 million of them for 200
articles). :func:`tokens` makes them once and keeps them in the document's ``user_data`` until
:func:`release`: the list refers to the document and the document to the list, and without the
release that cycle would keep every parsed document alive until a full garbage collection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_KEY = "actorgraph.tokens"
_LOWER = "actorgraph.lower"
_LEMMA = "actorgraph.lemma"
_POS = "actorgraph.pos"
_TEXT = "actorgraph.text"
_ROOTS = "actorgraph.roots"


def tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, made on the first call for this document and kept until
    :func:`release`."""
    toks: list[Token] | None = doc.user_data.get(_KEY)
    if toks is None:
        toks = doc.user_data[_KEY] = list(doc)
    return toks


def lowers(doc: Doc) -> list[str]:
    """Each token's ``lower_``, by index, kept as :func:`tokens` is. spaCy decodes a token's
    string from its string store on every access; the rules' passes over every token of a
    document read them from here."""
    found: list[str] | None = doc.user_data.get(_LOWER)
    if found is None:
        found = doc.user_data[_LOWER] = [t.lower_ for t in tokens(doc)]
    return found


def lemmas(doc: Doc) -> list[str]:
    """Each token's ``lemma_.lower()``, by index (see :func:`lowers`)."""
    found: list[str] | None = doc.user_data.get(_LEMMA)
    if found is None:
        found = doc.user_data[_LEMMA] = [t.lemma_.lower() for t in tokens(doc)]
    return found


def poses(doc: Doc) -> list[str]:
    """Each token's ``pos_``, by index (see :func:`lowers`)."""
    found: list[str] | None = doc.user_data.get(_POS)
    if found is None:
        found = doc.user_data[_POS] = [t.pos_ for t in tokens(doc)]
    return found


def doc_text(doc: Doc) -> str:
    """``doc.text``, which spaCy joins from new token objects on every access, kept as
    :func:`tokens` is."""
    found: str | None = doc.user_data.get(_TEXT)
    if found is None:
        found = doc.user_data[_TEXT] = "".join(t.text_with_ws for t in tokens(doc))
    return found


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` from the kept text: the characters from the first token to the
    end of the last, without the space after it."""
    if end <= start:
        return ""
    toks = tokens(doc)
    last = toks[end - 1]
    return doc_text(doc)[toks[start].idx : last.idx + len(last)]


def span_root(doc: Doc, start: int, end: int) -> Token:
    """``doc[start:end].root`` from the shared list: the one word whose head lies outside the
    range (or that heads its sentence); with more than one such word, spaCy's own choice.
    Found once per range and document (the rules ask for a mention's root again and again)."""
    roots: dict[tuple[int, int], Token] | None = doc.user_data.get(_ROOTS)
    if roots is None:
        roots = doc.user_data[_ROOTS] = {}
    found = roots.get((start, end))
    if found is None:
        found = roots[start, end] = _span_root(doc, start, end)
    return found


def _span_root(doc: Doc, start: int, end: int) -> Token:
    toks = tokens(doc)
    found: Token | None = None
    for t in toks[start:end]:
        h = t.head.i
        if h == t.i or not start <= h < end:
            if found is not None:
                return doc[start:end].root
            found = t
    return found if found is not None else doc[start:end].root


def release(doc: Doc) -> None:
    """Forget the document's token list and word lists (the end of its analysis)."""
    for key in (_KEY, _LOWER, _LEMMA, _POS, _TEXT, _ROOTS):
        doc.user_data.pop(key, None)


def plural_base(t: Token) -> str | None:
    """The lower-cased word without its plural "s" ("Ministers" -> "minister", "mediates" ->
    "mediate"), whatever the tagger made of it (it tags a capitalized plural as a singular
    proper noun and a verb's third person as a plural noun); None if it ends in no "s"."""
    low = t.lower_
    return low[:-1] if low.endswith("s") else None


def prep_object(v: Token, preps: tuple[str, ...]) -> Token | None:
    """The object of the verb's first preposition among ``preps``."""
    return next(
        (
            g
            for c in v.children
            if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )
