"""A gazetteer's bare acronym, read as its body only where the document supports it (issue 20).

Many bodies share a short acronym ("RSF" is Sudan's Rapid Support Forces and a press freedom
group; "DPR" Donetsk's and Indonesia's parliament). A mention that is only an acronym of a
gazetteer body (data/organizations.yaml) resolves to that body where

- the document names the body otherwise (its full name or another alias), or
- it names one of the states the entry is tied to (``context:``) as a whole name, not only
  inside a longer name of another actor ("Sudan" in "South Sudan", issue 21G), or
- the acronym stands alone (``standalone:``; by default only acronyms of four letters or
  more: "IGAD", "ECOWAS"),

and no appositive describes another kind of body ("RSF, the press freedom group,"). Elsewhere it
is the document's own actor of that name, as it was before the gazetteer (whose id load keeps
free: :meth:`.ActorDictionary._refuse_colliding_acronyms`). The text is searched once per document
and name (:class:`_Support`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.ingest.extract.dictionary import STANDALONE_LETTERS, ActorDictionary, Entry
from actorgraph.ingest.extract.normalize import is_acronym
from actorgraph.ingest.extract.tokens import doc_text

if TYPE_CHECKING:
    from actorgraph.ingest.extract.mentions import Mention
    from spacy.tokens import Doc

__all__ = ["STANDALONE_LETTERS", "bare_acronyms"]

#: heads that say only that an appositive is a body, not which kind
_GENERIC_HEADS = frozenset({"group", "organization", "organisation", "body", "movement"})
_DETERMINERS = frozenset({"the", "a", "an"})


def bare_acronyms(doc: Doc, mentions: list[Mention], dictionary: ActorDictionary) -> None:
    """Give each unsupported acronym of a gazetteer body the document's own actor."""
    actors = {m.actor for m in mentions if m.actor}
    support: _Support | None = None  # made for the first acronym that needs it
    for m in mentions:
        if not m.actor or not is_acronym(m.text) or not dictionary.in_gazetteer(m.actor):
            continue
        entry = dictionary.entries[m.actor]
        if not _other_kind(doc, m, entry):
            if entry.stands_alone(m.text):
                continue
            if support is None:
                support = _Support(doc_text(doc), actors, dictionary)
            if support.of(entry, m.text):
                continue
        m.actor = dictionary.new_actor(m.text, "organization", curated=False)
        m.kind, m.label = "name", "ACRONYM"


class _Support:
    """What one document names, searched once per document: each name's whole-word
    occurrences, and each state the document names as a whole name."""

    def __init__(self, text: str, actors: set[str], dictionary: ActorDictionary) -> None:
        self.text = text
        self.actors = actors
        self.dictionary = dictionary
        self._spans: dict[str, list[int]] = {}
        self._states: dict[str, bool] = {}

    def of(self, entry: Entry, acronym: str) -> bool:
        """The document names the body otherwise, or one of its states."""
        folded = acronym.casefold()
        if any(self._starts(n) for n in entry.names() if n and n.casefold() != folded):
            return True
        return any(self._state(s) for s in entry.context)

    def _starts(self, name: str) -> list[int]:
        """Where ``name`` occurs in the text as whole words."""
        found = self._spans.get(name)
        if found is None:
            found = self._spans[name] = [m.start() for m in _whole_word(name).finditer(self.text)]
        return found

    def _state(self, state: str) -> bool:
        """The document names a state: one of its mentions is the state, or one of its names
        occurs as a whole name, not only inside a longer name the dictionary knows of another
        actor ("Sudan" in "South Sudan", "Guinea" in "Papua New Guinea", "Niger" in "Niger
        Delta Avengers"); a longer name of the state itself or of a body the gazetteer ties
        to it holds it too ("Great Britain", "the Libyan National Army")."""
        hit = self._states.get(state)
        if hit is None:
            hit = state in self.actors or any(
                self._whole(n, state) for n in sorted(self.dictionary.names_of(state)) if n
            )
            self._states[state] = hit
        return hit

    def _whole(self, name: str, state: str) -> bool:
        entries, text = self.dictionary.entries, self.text
        longer = [
            (form, at)
            for form, at, aid in self.dictionary.longer_names(name)
            if aid != state and state not in entries[aid].context
        ]
        return any(
            not any(i >= at and text.startswith(form, i - at) for form, at in longer)
            for i in self._starts(name)
        )


@lru_cache(maxsize=4096)
def _whole_word(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")


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
