"""Verb lemmas the model gets wrong, put right before any rule reads them.

The small English pipeline lemmatizes "hopes", "hoped" and "hoping" as "hop", and
"lambasted" as "lambast": a rule that looks the verb up by its lemma (a verb of saying, of
stance, of appointing) misses it. :func:`fix_lemmas` runs after the lemmatizer and gives each
form listed in ``data/lemmas.yaml`` its lemma, where the tagger read the form as a verb.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from actorgraph.ingest.extract.lexicon import DATA, CueSection, Words, read_cue_file
from pydantic import Field, field_validator
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_LEMMAS = DATA / "lemmas.yaml"
LEMMAS = "actorgraph_lemmas"
_WORD = re.compile(r"^[a-z]+$")


class LemmasFile(CueSection):
    """``data/lemmas.yaml`` as written: each lemma with the verb forms that should have it."""

    version: int = 1
    verbs: dict[str, Words] = Field(default_factory=dict)

    @field_validator("verbs")
    @classmethod
    def _forms(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        seen: dict[str, str] = {}
        for lemma, forms in v.items():
            for w in (lemma, *forms):
                if not _WORD.match(w):
                    raise ValueError(f"'{w}' is not a lower-case word")
            for form in forms:
                if form in seen:
                    raise ValueError(f"'{form}' is listed under '{seen[form]}' and '{lemma}'")
                seen[form] = lemma
        return v


@lru_cache(maxsize=4)
def verb_lemmas(path: str | Path = DEFAULT_LEMMAS) -> dict[str, str]:
    """Each listed verb form and its lemma."""
    spec = read_cue_file(path, LemmasFile, "verb lemmas")
    return {form: lemma for lemma, forms in spec.verbs.items() for form in forms}


@Language.component(LEMMAS)
def fix_lemmas(doc: Doc) -> Doc:
    """Give each listed verb form its lemma ("hopes" -> "hope"), where it is tagged a verb."""
    table = verb_lemmas()
    for t in doc:
        lemma = table.get(t.lower_)
        if lemma is not None and t.tag_.startswith("VB"):
            t.lemma_ = lemma
    return doc
