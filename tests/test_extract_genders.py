"""Issue 10z: what the document says of a person's gender and who "he"/"she" is
(``ingest/extract/genders.py``, ``coref.Resolver._gender_of``/``_pronoun_subject``), and a
known surname after another given name (``mentions._other_given_name``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from actorgraph.graph.errors import InputError
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.genders import GenderCues, default_genders


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


def _speakers(ex: Extractor, text: str, published: str | None = None) -> list[str]:
    return [
        r["speaker"] for r in ex.extract_text(text, published=published) if r["kind"] == "statement"
    ]


def _speaks_for(ex: Extractor, text: str, published: str | None = None) -> set[tuple[str, str]]:
    return {
        (r["source"], r["target"])
        for r in ex.extract_text(text, published=published)
        if r["kind"] == "relation" and r["type"] == "speaks_for"
    }


def test_the_cues_load_and_name_one_gender_per_word() -> None:
    cues = default_genders()
    assert cues.names["margaret"] == "f" and cues.names["daniel"] == "m"
    assert cues.nouns["spokeswoman"] == "f" and cues.nouns["husband"] == "m"
    assert "jordan" not in cues.names  # given to both: says nothing


def test_a_word_of_both_genders_is_refused_with_its_file_and_field(tmp_path: Path) -> None:
    f = tmp_path / "genders.yaml"
    f.write_text("male_names: [ann, paul]\nfemale_names: [ann]\n")
    with pytest.raises(InputError) as err:
        GenderCues.load(f)
    assert "'ann'" in str(err.value) and "genders.yaml" in str(err.value)
    f.write_text("male_names: paul\n")
    with pytest.raises(InputError):
        GenderCues.load(f)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a given name: the nearest person of the other gender is skipped
        (
            'Daniel Ferreira met Margaret Okoro in Lisbon. "We have a deal," she said.',
            "margaret-okoro",
        ),
        ('Elizabeth Mwangi welcomed Peter Otieno. "The draft is ready," he said.', "peter-otieno"),
        # a gendered noun after "is" or in apposition
        (
            "Ruth Adeyemi is a spokeswoman for the commission. Michael Haddad briefed the "
            'envoys. "Nothing has been signed," she said.',
            "ruth-adeyemi",
        ),
        # near misses: the nearest person fits, or nothing is known of the gender
        (
            'Margaret Okoro met Daniel Ferreira in Lisbon. "We have a deal," he said.',
            "daniel-ferreira",
        ),
        (
            'Kofi Mensah met Yaw Asare in Accra. "We will count every ballot," he said.',
            "kofi-mensah",
        ),
    ],
)
def test_a_pronoun_goes_to_the_nearest_person_of_its_gender(
    ex: Extractor, text: str, speaker: str
) -> None:
    assert _speakers(ex, text) == [speaker]


def test_a_run_of_pronoun_subjects_keeps_its_person(ex: Extractor) -> None:
    text = (
        "Amina Yusuf has led the delegation since March. She has met Kwame Boateng, the envoy, "
        "twice this month. She said the talks would resume after the holiday."
    )
    assert _speakers(ex, text) == ["amina-yusuf"]
    broken = (  # a named subject in between breaks the chain
        "Amina Yusuf has led the delegation since March. Fatima Bello, the envoy, has met her "
        "twice this month. She said the talks would resume after the holiday."
    )
    assert _speakers(ex, broken) == ["fatima-bello"]


def test_a_known_surname_after_another_given_name_is_someone_else(ex: Extractor) -> None:
    other = "Ivanka Trump said the rule would change."  # the tagger finds no name here
    assert _speakers(ex, other, "2024-05-01") == ["ivanka-trump"]
    assert not _speaks_for(ex, other, "2024-05-01")
    for same in (
        "Netanyahu said the army would press on in Rafah.",
        "Prime Minister Netanyahu said the army would press on in Rafah.",
        "Benjamin Netanyahu said the army would press on in Rafah.",
    ):
        assert _speakers(ex, same, "2024-05-01") == ["benjamin-netanyahu"], same
