"""Name normalization and slugs: one key per way of writing a name."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "–": "-", "—": "-"}
    # letters NFKD does not take apart: "Akıncı", "Wałęsa", "Støre", "Đukanović"
    | {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"}
)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"'s?$")
_TITLE_WORDS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "sheikh",
        "shaikh",
        "sheik",
        "president",
        "prime",
        "minister",
        "pm",
        "gen",
        "general",
        "lt",
        "lieut",
        "col",
        "maj",
        "brig",
        "brigadier",
        "capt",
        "cmdr",
        "cdr",
        "sgt",
        "cpl",
        "pvt",
        "amb",
        "ambassador",
        "gov",
        "prof",
        "hon",
        "colonel",
        "adm",
        "admiral",
        "king",
        "queen",
        "prince",
        "emir",
        "ayatollah",
        "imam",
        "rabbi",
        "rev",
        "reverend",
        "secretary",
        "senator",
        "sen",
        "rep",
        "representative",
        "foreign",
        "defense",
        "defence",
        "spokesman",
        "spokeswoman",
        "chancellor",
        "premier",
        "vice",
        "deputy",
        "chief",
        "the",
    ]
)


def fold(text: str) -> str:
    """Lower case, ASCII, straight quotes and hyphens, single spaces. Names and words (up to
    64 characters) come from a cache: the rules fold the same few thousand of them over and
    over; longer texts (statements, whole quotations) are folded each time, so that a long
    running process does not keep them."""
    return _fold_short(text) if len(text) <= 64 else _fold(text)


@lru_cache(maxsize=32768)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACES.sub(" ", text).strip().lower()


@lru_cache(maxsize=8192)
def is_acronym(text: str) -> bool:
    """ "ELN", "IGAD", "M23": capitals (and digits), two to seven characters (the rules ask
    it of the same words and names over and over: from a cache)."""
    core = text.replace(".", "").replace("-", "")
    return (
        2 <= len(core) <= 7
        and core.isalnum()
        and core[0].isalpha()
        and core.upper() == core
        and sum(c.isalpha() for c in core) >= 2
    )


def name_key(text: str) -> str:
    """The key two spellings of one name share: "the U.S." and "US", "Al-Manar" and "Al Manar",
    "Hamas’" and "Hamas"."""
    t = fold(text)
    t = _POSSESSIVE.sub("", t)
    if t.startswith("the "):
        t = t[4:]
    t = t.replace(".", "")
    return _NON_WORD.sub(" ", t).strip()


def loose_key(text: str) -> str:
    """A name key without inner articles: "Democratic Republic of Congo" and "Democratic
    Republic of the Congo" share it."""
    return name_key(text).replace(" the ", " ")


def is_title_word(word: str) -> bool:
    """Whether a word is one of the titles a person's name key leaves out ("Minister",
    "Gen.", "Amb."), in the plural too ("Presidents Kiir and Ruto", issue 17a)."""
    w = _NON_WORD.sub("", fold(word))
    return w in _TITLE_WORDS or (len(w) > 3 and w.endswith("s") and w[:-1] in _TITLE_WORDS)


def _person_words(text: str) -> list[str]:
    """Words of a name; a hyphenated name is one word ("Quintana-Ferraz")."""
    t = _POSSESSIVE.sub("", fold(text)).replace(".", " ")
    words = (_NON_WORD.sub("", w) for w in t.split())
    return [w for w in words if w]


def person_key(text: str) -> str:
    """A person's name without titles and initials: "Secretary of State Antony J. Blinken" and
    "Antony Blinken" share ``antony blinken``."""
    words = [w for w in _person_words(text) if w not in _TITLE_WORDS and len(w) > 1]
    if words and words[0] in ("of", "state"):
        words = [w for w in words if w not in ("of", "state")]
    return " ".join(words)


def person_name(text: str) -> str:
    """A person's name without titles and initials, spelling kept (for slugs)."""
    words = [w for w in fold(_POSSESSIVE.sub("", text)).split() if len(_NON_WORD.sub("", w)) > 1]
    kept = [w for w in words if _NON_WORD.sub("", w) not in _TITLE_WORDS]
    return " ".join(kept) or text


#: generational suffixes after a surname ("Silvestre Bello III", "Martin Luther King Jr.")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def surname(text: str) -> str:
    """The last word of a person's name key, before a generational suffix ("" when none)."""
    words = person_key(text).split()
    while len(words) > 1 and words[-1].strip(".") in _SUFFIXES:
        words = words[:-1]
    return words[-1] if words else ""


#: particles joined to a surname by a hyphen or an apostrophe, which reporters drop when they
#: write the surname alone ("Abdel Fattah al-Burhan ... Burhan said", "d'Estaing")
_PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ud", "ul", "d"})


def bare_surname(text: str) -> str:
    """The surname of a person's name without a joined particle ("al-burhan" -> "burhan"),
    or "" when it has none."""
    words = _POSSESSIVE.sub("", fold(text).translate(_QUOTES)).split()
    while len(words) > 1 and words[-1].strip(".") in _SUFFIXES:
        words = words[:-1]
    if not words:
        return ""
    for sep in ("-", "'"):
        head, _, rest = words[-1].partition(sep)
        rest = _NON_WORD.sub("", rest)
        if head in _PARTICLES and len(rest) > 2:
            return rest
    return ""


def clean_surface(text: str) -> str:
    """A mention as a display name: straight apostrophes, no leading article, single spaces."""
    t = _SPACES.sub(" ", text.translate(_QUOTES)).strip(" ,;:")
    if t.lower().startswith("the ") and len(t) > 4:
        t = t[4:]
    return t
