"""A gazetteer's bare acronym, read as its body only where the document supports it (issue 20).

Many bodies share a short acronym ("RSF" is Sudan's Rapid Support Forces and a press freedom
group; "DPR" Donetsk's and Indonesia's parliament). A mention that is only an acronym of a
gazetteer body (data/organizations.yaml) resolves to that body where

- the document names the body otherwise (its full name or another alias), or
- it names one of the states the entry is tied to (``context:``), or
- the acronym stands alone (``standalone:``; by default only acronyms of four letters or
  more: "IGAD", "ECOWAS"),

and no appositive describes another kind of body ("RSF, the press freedom group,"). Elsewhere it
is the document's own actor of that name, as it was before the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from actorgraph.ingest.extract.dictionary import ActorDictionary, Entry

if TYPE_CHECKING:
    from actorgraph.ingest.extract.mentions import Mention
    from spacy.tokens import Doc

#: the fewest letters of an acronym that stands alone unless its entry says otherwise
STANDALONE_LETTERS = 4
#: heads that say only that an appositive is a body, not which kind
_GENERIC_HEADS = frozenset({"group", "organization", "organisation", "body", "movement"})
_DETERMINERS = frozenset({"the", "a", "an"})


def bare_acronyms(
    doc: Doc,
    mentions: list[Mention],
    dictionary: ActorDictionary,
    is_acronym: Callable[[str], bool],
) -> None:
    """Give each unsupported acronym of a gazetteer body the document's own actor."""
    text = doc.text
    actors = {m.actor for m in mentions if m.actor}
    for m in mentions:
        if not m.actor or not is_acronym(m.text) or not dictionary.in_gazetteer(m.actor):
            continue
        entry = dictionary.entries[m.actor]
        other = _other_kind(doc, m, entry)
        if not other and (
            _stands_alone(entry, m.text) or _supported(text, actors, m, entry, dictionary)
        ):
            continue
        m.actor = dictionary.new_actor(m.text, "organization", curated=False)
        m.kind, m.label = "name", "ACRONYM"


def _stands_alone(entry: Entry, acronym: str) -> bool:
    if entry.standalone is not None:
        return entry.standalone
    return sum(c.isalpha() for c in acronym) >= STANDALONE_LETTERS


def _supported(
    text: str, actors: set[str], m: Mention, entry: Entry, dictionary: ActorDictionary
) -> bool:
    """The document names the body otherwise, or one of its states."""
    others = [n for n in entry.names() if n.casefold() != m.text.casefold()]
    if _named(text, others):
        return True
    for state in entry.context:
        if state in actors or _named(text, dictionary.names_of(state)):
            return True
    return False


def _named(text: str, names: Iterable[str]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in names if n)


def _words(texts: Iterable[str]) -> set[str]:
    return {w.lower().removesuffix("s") for t in texts for w in re.findall(r"[A-Za-z]+", t)}


def _other_kind(doc: Doc, m: Mention, entry: Entry) -> bool:
    """Whether an appositive after the acronym ("RSF, the press freedom group,") describes a
    body with no word of the entry's names or description."""
    i = m.end
    if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in _DETERMINERS:
        return False
    j = i + 2
    while j < len(doc) and doc[j].text not in {",", ".", ";"} and doc[j].pos_ != "VERB":
        j += 1
    if j >= len(doc) or doc[j].text != ",":
        return False
    said = {
        t.lemma_.lower().removesuffix("s")
        for t in doc[i + 2 : j]
        if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "ADJ", "PROPN")
    } - _GENERIC_HEADS
    known = _words([*entry.names(), entry.description or ""])
    return bool(said) and not (said & known)
