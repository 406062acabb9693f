"""Verb lemmas the model gets wrong are put right (issue 22Q): "hopes" is "hope", not "hop",
where it is a verb; the noun keeps its lemma; the data file is checked on load."""

from __future__ import annotations

from pathlib import Path

import pytest
from actorgraph.graph.errors import InputError
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.lemmas import verb_lemmas


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(n_process=1)


def _lemma(ex: Extractor, text: str, word: str) -> str:
    return next(t.lemma_ for t in ex.nlp(text) if t.text == word)


def test_verb_forms_get_their_lemma(extractor: Extractor) -> None:
    assert _lemma(extractor, "Alvarez hopes that the sides will sign.", "hopes") == "hope"
    assert _lemma(extractor, "Carter hoped the rebels would return.", "hoped") == "hope"
    assert _lemma(extractor, "The minister lambasted the plan.", "lambasted") == "lambaste"


def test_a_noun_keeps_its_lemma(extractor: Extractor) -> None:
    assert _lemma(extractor, "The talks raised hopes of a truce.", "hopes") == "hope"
    assert _lemma(extractor, "Alvarez hopped on a plane.", "hopped") == "hop"


def test_the_lemma_file_is_checked(tmp_path: Path) -> None:
    assert verb_lemmas()["hoping"] == "hope"
    bad = tmp_path / "lemmas.yaml"
    bad.write_text("verbs:\n  hope: [hopes]\n  hop: [hopes]\n", encoding="utf-8")
    with pytest.raises(InputError, match="hopes"):
        verb_lemmas(bad)
    spaced = tmp_path / "spaced.yaml"
    spaced.write_text("verbs:\n  hope: [hopes on]\n", encoding="utf-8")
    with pytest.raises(InputError, match="hopes on"):
        verb_lemmas(spaced)
