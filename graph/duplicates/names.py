"""Names compared the way duplicate review needs: folded, titles and particles set aside,
each word reduced to a transliteration key.

A transliteration key keeps a word's consonant skeleton after folding the spellings that
romanizations of Arabic and Hebrew names vary between (``j``/``y``, ``q``/``k``, ``ph``/``f``,
``kh``/``h``, doubled letters, vowels and a ``y`` inside the word, a final ``h`` after a vowel):
Binyamin and Benjamin, Mohammed and Muhammad, Haniyeh and Haniya, Yahya and Yehia,
Hezbollah and Hizbullah get one key. Keys only ever propose a pair for review together with
other evidence (see :mod:`graph.duplicates.candidates`); they never decide.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import JaroWinkler


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words that open a person's name as a title or office, set aside before comparing.
TITLES = _words(
    """
    mr mrs ms miss dr prof sir dame lord lady sheikh shaikh sheik president prime minister
    secretary general gen lt col colonel maj major brig brigadier capt captain king queen
    prince princess emir amir crown foreign defense defence interior finance spokesman
    spokeswoman spokesperson senator sen rep representative ambassador chancellor chief
    leader speaker deputy vice his her excellency majesty highness former acting opposition
    director commander mayor governor judge justice rabbi imam ayatollah pope cardinal bishop
    father saint st mp of state the
    """
)
#: Name particles (articles and patronymic markers), set aside when comparing names.
PARTICLES = _words("al el ad ed as ash at an ar az bin ibn ben bint van von der de da di du la le")
#: Words skipped when making an acronym ("United Nations" -> UN; "Union of ..." -> U.).
STOPWORDS = _words("of the and for in on at to a an")

_APOSTROPHES = re.compile(r"['\u2019\u2018`\u00b4]")
_NON_WORD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces (accents, apostrophes and
    punctuation folded).

    >>> fold("Hamas’ news agency"), fold("Al-Manar"), fold("  Ça  va! ")
    ('hamas news agency', 'al manar', 'ca va')
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text.casefold())
    return _NON_WORD.sub(" ", text).strip()


_DIGRAPHS = (("ph", "f"), ("kh", "h"), ("gh", "g"), ("th", "t"), ("dh", "d"), ("ck", "k"))
_LETTERS = str.maketrans({"j": "y", "q": "k", "c": "k", "v": "f", "z": "s"})


@lru_cache(maxsize=100_000)
def translit_key(word: str) -> str:
    """The consonant skeleton of a folded word (see the module docstring).

    >>> [translit_key(w) for w in ("binyamin", "benjamin", "mohammed", "muhammad")]
    ['bnmn', 'bnmn', 'mhmd', 'mhmd']
    >>> translit_key("haniyeh") == translit_key("haniya"), translit_key("qatar")
    (True, 'ktr')
    >>> [translit_key(w) for w in ("yahya", "yehia", "yasser", "yasir")]
    ['yh', 'yh', 'ysr', 'ysr']
    """
    w = word
    for a, b in _DIGRAPHS:
        w = w.replace(a, b)
    w = w.translate(_LETTERS)
    if len(w) > 2 and w.endswith("h") and w[-2] in "aeiouy":  # Haniyeh / Haniya
        w = w[:-1]
    out: list[str] = []
    for i, ch in enumerate(w):
        if ch in "aeiou" or (ch == "y" and i > 0):
            continue
        if out and out[-1] == ch:
            continue
        out.append(ch)
    return "".join(out) or w


@dataclass(frozen=True, slots=True)
class NameParts:
    """A name taken apart: the words that matter, in order, and what was set aside."""

    words: tuple[str, ...]
    titles: tuple[str, ...]

    @property
    def surname(self) -> str | None:
        return self.words[-1] if self.words else None

    @property
    def given(self) -> tuple[str, ...]:
        return self.words[:-1]

    @property
    def key(self) -> tuple[str, ...]:
        """The transliteration keys of the words."""
        return tuple(translit_key(w) for w in self.words)


def person_parts(name: str) -> NameParts:
    """A person's name without leading titles and without particles.

    >>> person_parts("Prime Minister Benjamin Netanyahu").words
    ('benjamin', 'netanyahu')
    >>> person_parts("Abdel Fattah el-Sisi").words
    ('abdel', 'fattah', 'sisi')
    """
    words = fold(name).split()
    titles = []
    while len(words) > 1 and words[0] in TITLES:
        titles.append(words.pop(0))
    kept = tuple(w for w in words if w not in PARTICLES) or tuple(words)
    return NameParts(words=kept, titles=tuple(titles))


def org_parts(name: str) -> NameParts:
    """An organization's or state's name without articles and particles.

    >>> org_parts("the United Nations").words, org_parts("Al Manar").words
    (('united', 'nations'), ('manar',))
    """
    words = fold(name).split()
    kept = tuple(w for w in words if w not in PARTICLES and w != "the") or tuple(words)
    return NameParts(words=kept, titles=())


def acronym(name: str) -> str | None:
    """The initials of a name of two or more significant words (``IDF``), else None.

    >>> acronym("Israel Defense Forces"), acronym("the United Nations"), acronym("Hamas")
    ('idf', 'un', None)
    """
    words = [w for w in fold(name).split() if w not in STOPWORDS]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


def is_acronym(word: str) -> bool:
    """A single short word written in capitals in the original (``UN``, ``U.N.``, ``IDF``)."""
    letters = re.sub(r"[^A-Za-z]", "", word)
    return 2 <= len(letters) <= 6 and letters.isupper() and " " not in word.strip()


def word_match(a: str, b: str) -> str | None:
    """How two folded words match: ``same``, ``transliteration``, ``spelling``,
    ``initial``, or None.

    >>> word_match("binyamin", "benjamin"), word_match("b", "benjamin")
    ('transliteration', 'initial')
    >>> word_match("osama", "ahmed") is None
    True
    """
    if a == b:
        return "same"
    if len(a) == 1 or len(b) == 1:
        return "initial" if a[0] == b[0] else None
    ka, kb = translit_key(a), translit_key(b)
    if ka == kb and len(ka) >= 2:
        return "transliteration"
    if min(len(a), len(b)) >= 6 and JaroWinkler.similarity(a, b) >= 0.93:
        return "spelling"
    return None
