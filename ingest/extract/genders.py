"""What the text says of a person's gender, for "he"/"she" (cues in ``data/genders.yaml``).

A pronoun goes to the nearest person of its gender; the coreference learns a person's gender
from, strongest first: an honorific ("Mr.", "Ms."), a gendered noun beside the name ("X, a
spokeswoman for ...", "his wife, X", "Congresswoman X"), a given name used for one gender
("Loretta X", "Bill X"; only where a surname follows, so a surname alone says nothing), and
last the pronouns that follow the person (see :meth:`Resolver._gender_of`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from actorgraph.ingest.extract.lexicon import DATA, CueSection, Words, read_cue_file
from pydantic import Field, model_validator

if TYPE_CHECKING:
    from spacy.tokens import Doc

DEFAULT_GENDERS = DATA / "genders.yaml"
MALE_HONORIFICS = frozenset({"mr", "sir", "lord", "king"})
FEMALE_HONORIFICS = frozenset({"ms", "mrs", "miss", "madam", "dame", "lady", "queen"})


class GendersFile(CueSection):
    """``data/genders.yaml`` as written."""

    version: int = 1
    male_names: Words = Field(default_factory=list)
    female_names: Words = Field(default_factory=list)
    male_nouns: Words = Field(default_factory=list)
    female_nouns: Words = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_gender(self) -> GendersFile:
        for a, b in (("male_names", "female_names"), ("male_nouns", "female_nouns")):
            both = sorted(set(getattr(self, a)) & set(getattr(self, b)))
            if both:
                raise ValueError(f"'{both[0]}' is in both {a} and {b}")
        return self


@dataclass(frozen=True)
class GenderCues:
    names: dict[str, str]
    nouns: dict[str, str]

    @classmethod
    def load(cls, path: str | Path = DEFAULT_GENDERS) -> GenderCues:
        spec = read_cue_file(path, GendersFile, "gender cues")
        names = {w: "m" for w in spec.male_names} | {w: "f" for w in spec.female_names}
        nouns = {w: "m" for w in spec.male_nouns} | {w: "f" for w in spec.female_nouns}
        return cls(names, nouns)

    def of_name(self, doc: Doc, start: int, end: int) -> str | None:
        """The gender a person's name gives ("Loretta Lynch": f): its first word a given name
        of one gender, with at least one capitalized word after it."""
        words = [t for t in doc[start:end] if t.is_alpha]
        if len(words) < 2 or not words[1].text[:1].isupper():
            return None
        return self.names.get(words[0].lower_)

    def of_nouns(self, doc: Doc, start: int, end: int) -> str | None:
        """The gender a noun beside a name gives: a title word just before it ("Congresswoman
        X"), a noun in apposition either way ("X, a spokeswoman for ...", "his wife, X") or
        after "is" ("X is a spokeswoman for ...")."""
        span = doc[start:end]
        root = span.root
        near = [doc[start - 1]] if start > 0 else []
        near += [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            near.append(root.head)
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":  # "X is a spokeswoman for ..."
            near += [c for c in root.head.children if c.dep_ == "attr"]
        found = {self.nouns[t.lower_] for t in near if t.lower_ in self.nouns}
        return next(iter(found)) if len(found) == 1 else None


def honorific_gender(word: str) -> str | None:
    """The gender an honorific before a name gives ("Mr", "Ms"; without its period)."""
    if word in MALE_HONORIFICS:
        return "m"
    if word in FEMALE_HONORIFICS:
        return "f"
    return None


@lru_cache(maxsize=1)
def default_genders() -> GenderCues:
    return GenderCues.load()
