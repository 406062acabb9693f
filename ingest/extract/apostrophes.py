"""Apostrophes written with a look-alike character, read as apostrophes.

Pages type the possessive and contractions with an acute accent ("Mexico´s"), a grave accent
("Hamas`s") or the modifier letter apostrophe ("Kyivʼs"). spaCy's tokenizer and tagger know
only ``'`` and ``’``: "Mexico´s" stays one token, a verb to the tagger, and no name is found in
it. :class:`ApostropheTokenizer` puts ``'`` in their place between a letter and a letter, a space
or a punctuation mark before tokenizing; one character for one, so every offset into the
article's text stays right. Elsewhere (an accent on its own, a grave accent opening a quote
after a space) the character is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Doc

#: a look-alike after a letter and before a letter, a space, a punctuation mark or the end
_LOOK_ALIKE = re.compile(r"(?<=[^\W\d_])[´`ʼ](?=[^\W\d_]|\s|[.,;:!?)\]]|$)")
_ANY = frozenset("´`ʼ")
#: a typographic apostrophe inside a name, after a one-letter prefix and before a capital
#: ("O’Donnell", "D’Souza", "Côte d’Ivoire"): the model reads "O’Donnell" as a common noun
#: and finds no person in it, though it knows "O'Donnell"
_NAME_CURLY = re.compile(r"(?<=\b[^\W\d_])’(?=[A-Z])")


#: a typographic apostrophe after a plural's or a name's "s" and before a word: "Hamas’
#: longstanding demand" (spaCy reads "’" there as a closing quote, "'" as the possessive)
_S_POSSESSIVE = re.compile(r"(?<=[sS])’(?= [^\W\d_])")
#: the opening single quote a "’" may close instead: "‘peace talks’ with the rebels"
_OPENING = "‘"


def _possessive_s(text: str) -> str:
    """``text`` with each "’" after an "s" and before a word made ``'``, unless a "‘"
    opened earlier in the paragraph is still open (then it may close the quote)."""

    def one(m: re.Match[str]) -> str:
        start = text.rfind("\n", 0, m.start()) + 1
        opened = text.rfind(_OPENING, start, m.start())
        if opened >= 0 and not re.search(r"’(?![^\W\d_])", text[opened : m.start()]):
            return m.group(0)  # "‘the two sides’ talks": a quote still open, left alone
        return "'"

    return _S_POSSESSIVE.sub(one, text)


def straight_apostrophes(text: str) -> str:
    """``text`` with look-alike apostrophes after a letter made ``'``, the typographic one
    inside a name, and typographic ones that end a possessive "s" (same length)."""
    if "’" in text:
        text = _NAME_CURLY.sub("'", text)
        text = _possessive_s(text)
    if _ANY.isdisjoint(text):
        return text
    return _LOOK_ALIKE.sub("'", text)


class ApostropheTokenizer:
    """spaCy's tokenizer, run on the text with :func:`straight_apostrophes` applied (the rest
    of the tokenizer's interface is the wrapped one's)."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        return self.tokenizer(straight_apostrophes(text))  # type: ignore[no-any-return]

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """The wrapped tokenizer's ``pipe``, with ``batch_size``, on the texts made straight."""
        straight = (straight_apostrophes(text) for text in texts)
        return self.tokenizer.pipe(straight, batch_size=batch_size)  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:
        # called only for what the instance lacks: before ``tokenizer`` is set (a copy or an
        # unpickled object is made without __init__), asking for it must fail, not recurse
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)
