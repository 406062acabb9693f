"""The layout of an article's text: where paragraphs end.

Many news pages put one paragraph per line; others are hard-wrapped at a fixed width, where a
single line break means nothing. A blank line always ends a paragraph; a single line break
ends one unless the text is hard-wrapped.
"""

from __future__ import annotations


def hard_wrapped(text: str) -> bool:
    """Whether lines were broken at a fixed width (five lines or more, none longer than 100
    characters, most of them longer than 40)."""
    lengths = sorted(len(line) for line in text.split("\n") if line.strip())
    return len(lengths) >= 5 and lengths[-1] <= 100 and lengths[len(lengths) // 2] >= 40


def paragraph_end(text: str, start: int, wrapped: bool) -> int:
    """Where the paragraph that holds ``start`` ends (the text's length if it is the last)."""
    ends = [text.find("\n\n", start)]
    if not wrapped:
        ends.append(text.find("\n", start))
    found = [e for e in ends if e != -1]
    return min(found) if found else len(text)
