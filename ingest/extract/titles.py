"""Role titles: one key per way of writing a title, and how well a title in the text names a
role of the dictionary.

A text says "the prime minister", "Israel's defense minister", "the top U.S. diplomat",
"Hezbollah's leader", "Egypt's intelligence minister"; the dictionary says "Prime Minister",
"Defense Minister", "Secretary of State", "secretary-general", "intelligence chief". The
lexicon (``roles.synonyms``, ``roles.descriptions``) says which heads name the same kind of
office and which descriptions stand for which titles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.lexicon import title_key

if TYPE_CHECKING:
    from actorgraph.ingest.extract.lexicon import Lexicon

#: abbreviated titles written before a name ("Lt. Col. X", "Amb. X", "Brig. Gen. X"): one
#: token each, so that the full stop neither ends the sentence nor splits the name (spaCy's
#: English tokenizer knows "Gen.", "Sen.", "Dr." but not these)
TITLE_ABBREVIATIONS = (
    "Amb.",
    "Brig.",
    "Capt.",
    "Cdr.",
    "Cmdr.",
    "Col.",
    "Cpl.",
    "Hon.",
    "Insp.",
    "Lieut.",
    "Lt.",
    "Maj.",
    "Pvt.",
    "Sgt.",
    "Supt.",
)


def title_match(text_title: str, role_title: str) -> bool:
    """Whether a title in the text names a role: "the secretary" and "Secretary of State"."""
    a, b = title_key(text_title), title_key(role_title)
    return bool(a) and (a == b or a in b.split(" ") or b.endswith(a) or a.endswith(b))


def title_score(text_title: str, role_title: str, lex: Lexicon | None = None) -> int:
    """How well a title of the text names a role title: 4 the same, 3 one ends the other
    ("minister" / "prime minister" is 1, "foreign minister" / "the foreign minister" 3), 2 the
    same qualifiers and heads of one synonym group ("intelligence minister" / "intelligence
    chief", "leader" / "secretary-general"), 1 a single word of the role ("minister" /
    "Foreign Minister"), 0 none. Descriptions ("top diplomat") count through the titles the
    lexicon gives them."""
    a, b = title_key(text_title), title_key(role_title)
    if not a or not b:
        return 0
    best = _score(a, b, lex)
    if lex is not None:
        for alt in lex.role_descriptions.get(a, ()):
            best = max(best, _score(title_key(alt), b, lex))
    return best


def _score(a: str, b: str, lex: Lexicon | None) -> int:
    if a == b:
        return 4
    wa, wb = a.split(" "), b.split(" ")
    if len(wa) > 1 and (b.endswith(" " + a) or a.endswith(" " + b)):
        return 3
    if lex is not None:
        qa, ha = _split(a, lex)
        qb, hb = _split(b, lex)
        if qa == qb and any(ha in g and hb in g for g in lex.title_synonyms):
            return 2
    if len(wa) == 1 and a in wb:
        return 1
    return 0


def _split(key: str, lex: Lexicon) -> tuple[str, str]:
    """(qualifiers, head): the head is the longest synonym the title ends with, else its last
    word ("deputy secretary general" -> "deputy", "secretary general")."""
    best = key.rsplit(" ", 1)[-1]
    for group in lex.title_synonyms:
        for h in group:
            if len(h) > len(best) and (key == h or key.endswith(" " + h)):
                best = h
    return key[: len(key) - len(best)].strip(), best
