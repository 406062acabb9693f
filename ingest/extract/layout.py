"""The layout of an article's text: where paragraphs end.

Many news pages put one paragraph per line; others are hard-wrapped at a fixed width, where a
single line break means nothing. A blank line always ends a paragraph; a single line break
ends one unless the text is hard-wrapped or the break falls inside a sentence (the line ends
in a letter or a comma and the next one starts in lower case).
"""

from __future__ import annotations

import re

#: two line breaks with nothing but spaces between them
BLANK_LINE = re.compile(r"\n[ \t]*\n")


def hard_wrapped(text: str) -> bool:
    """Whether lines were broken at a fixed width (five lines or more, none longer than 100
    characters, most of them longer than 40)."""
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    return len(lengths) >= 5 and lengths[-1] <= 100 and lengths[len(lengths) // 2] >= 40


def breaks_paragraph(text: str, i: int, wrapped: bool) -> bool:
    """Whether the single line break at ``i`` ends a paragraph."""
    if wrapped:
        return False
    before = text[:i].rstrip(" \t")[-1:]
    after = text[i + 1 :].lstrip(" \t")[:1]
    return not ((before.isalpha() or before == ",") and after.islower())


def _first_break(text: str, start: int, end: int, wrapped: bool) -> int:
    """The first single line break in ``text[start:end]`` that ends a paragraph, or -1."""
    i = text.find("\n", start, end)
    while i != -1 and not breaks_paragraph(text, i, wrapped):
        i = text.find("\n", i + 1, end)
    return i


def breaks_within(text: str, start: int, end: int, wrapped: bool) -> bool:
    """Whether a paragraph ends somewhere in ``text[start:end]``: a blank line, or a single
    line break that ends one (:func:`breaks_paragraph`)."""
    return (
        bool(BLANK_LINE.search(text, start, end)) or _first_break(text, start, end, wrapped) != -1
    )


def paragraph_end(text: str, start: int, wrapped: bool) -> int:
    """Where the paragraph that holds ``start`` ends (the text's length if it is the last)."""
    blank = text.find("\n\n", start)
    limit = blank if blank != -1 else len(text)
    i = _first_break(text, start, limit, wrapped)
    return i if i != -1 else limit


def headline(text: str, start: int) -> bool:
    """Whether ``start`` lies in a headline: the text's first line, when a line of its own
    follows it and it ends without a full stop ("Ethiopia rules out war with Eritrea")."""
    first = text.lstrip()
    offset = len(text) - len(first)
    end = text.find("\n", offset)
    if end == -1 or start >= end:
        return False
    return not text[offset:end].rstrip().endswith((".", "!", "?", ":", "”", '"'))
