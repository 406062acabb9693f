"""What ingest reads, and how it names what it reads.

Every entrance (``actorgraph ingest`` and ``extract``, the API's ``POST /ingest``, article
extraction) goes through here, so a file or a name is read the same way whichever way it
comes in. This module imports nothing heavy (no spaCy, no store): reading is cheap.
"""

from __future__ import annotations

import re
import unicodedata

#: Apostrophes of every kind: dropped inside a slug, so "O'Brien" and "O’Brien" are ``obrien``.
_APOSTROPHES = str.maketrans("", "", "'’‘`´ʼ")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_MAX_LEN = 80


def slugify(text: str, max_len: int = SLUG_MAX_LEN) -> str:
    """The id a name gets when it has none: lower-case ASCII words joined by ``-``.

    Accents are dropped (``Ó`` -> ``o``), apostrophes vanish inside a word (``O'Brien`` ->
    ``obrien``), every other run of non-alphanumerics becomes one ``-``; a slug longer than
    ``max_len`` is cut at a word boundary. A name with no letter or digit left gives ``x``.

    >>> slugify("Antony J. Blinken")
    'antony-j-blinken'
    >>> slugify("O’Brien") == slugify("O'Brien") == slugify("Ó'Brien") == "obrien"
    True
    """
    t = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    t = t.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NON_SLUG.sub("-", t).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0] or slug[:max_len]
    return slug or "x"
