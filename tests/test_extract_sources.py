"""Unnamed sources (ingest/extract/sources.py): with the ``unnamed_sources`` setting, speakers
described, not named, give statements of a document-scoped actor named by the description, on
behalf of the side it names. Off by default (the seed article's gold and the dev sets' leave
them out)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from actorgraph.graph.errors import InputError
from actorgraph.ingest.evaluate import score_bank
from actorgraph.ingest.extract import Extractor, sources
from actorgraph.ingest.extract.bank import load_bank
from actorgraph.ingest.extract.sources import SourceCues
from actorgraph.ingest.settings import ExtractionSettings

from tests.helpers import ROOT

BANK = ROOT / "examples" / "extraction-bank" / "opt-in" / "statements-sources.yaml"


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1, settings=ExtractionSettings(unnamed_sources=True))


def test_off_by_default() -> None:
    plain = Extractor(n_process=1)
    assert _said(plain, "A senior Western diplomat said the gap remained wide.") == []


def test_the_bank_family(ex: Extractor) -> None:
    """The family's own bank cases (positives and near misses), scored with the setting on."""
    [family] = load_bank(BANK)
    assert len(family.cases) >= 8
    assert any(not c.statements for c in family.cases)  # near misses
    assert score_bank(ex, [family])[family.family]["all"].f1 >= 0.95


def _said(ex: Extractor, text: str, doc_id: str = "doc") -> list[tuple[dict[str, Any], dict]]:
    out = ex.extract_text(text, doc_id=doc_id, published="2024-05-01")
    actors = {r["id"]: r for r in out if r["kind"] == "actor"}
    return [(s, actors[s["speaker"]]) for s in out if s["kind"] == "statement"]


def test_described_officials_speak_for_their_side(ex: Extractor) -> None:
    [(st, speaker)] = _said(ex, "Kenyan officials said the delegations would meet in Nairobi.")
    assert speaker["name"] == "Kenyan officials"
    assert speaker["id"].startswith("unnamed-")
    assert "unnamed" in speaker["description"]
    assert st["on_behalf_of"] == "kenya"
    assert st["text"] == "the delegations would meet in Nairobi"
    assert st["confidence"] <= 0.5  # an unnamed source is worth less than a named one


def test_unnamed_source_is_its_documents_own(ex: Extractor) -> None:
    """The same description in two documents is two actors: no "officials" node that merges
    every article's unnamed officials."""
    text = "A senior official said the border crossing would reopen on Friday."
    [(_, a)] = _said(ex, text, doc_id="one")
    [(_, b)] = _said(ex, text, doc_id="two")
    assert a["name"] == b["name"] == "A senior official"
    assert a["id"] != b["id"]


def test_a_stored_unnamed_source_is_not_found_again_in_the_next_document() -> None:
    """Ingest hands extraction the store's actors: document one's unnamed source is among
    them, and must not become document two's speaker because the words are the same."""
    text = "A senior official said the border crossing would reopen on Friday."
    first = Extractor(n_process=1, settings=ExtractionSettings(unnamed_sources=True))
    [(_, a)] = _said(first, text, doc_id="one")
    known = [{"kind": "actor", **{k: a[k] for k in ("id", "name", "type") if k in a}}]
    second = Extractor(
        n_process=1, settings=ExtractionSettings(unnamed_sources=True), known_actors=known
    )
    [(_, b)] = _said(second, text, doc_id="two")
    assert b["id"] != a["id"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('"We are not there yet," a senior Western diplomat said.', "a senior Western diplomat"),
        (
            "Two people familiar with the talks said the draft included a withdrawal.",
            "Two people familiar with the talks",
        ),
        ("Three critics argue that the agreement leaves the militias armed.", "Three critics"),
        (
            "The crossing will reopen on Friday, according to two people briefed on the plan.",
            "two people briefed on the plan",
        ),
        (
            "A member of the delegation, who asked not to be named, said the group would not sign.",
            "A member of the delegation",
        ),
    ],
)
def test_described_speakers(ex: Extractor, text: str, name: str) -> None:
    [(st, speaker)] = _said(ex, text)
    assert speaker["name"] == name
    assert "on_behalf_of" not in st


def test_the_same_source_again(ex: Extractor) -> None:
    said = _said(
        ex,
        "A senior diplomat said the gap remained wide. Iran wants guarantees. "
        "The diplomat said the talks would resume. He added that a deal was possible.",
    )
    assert len(said) == 3
    assert len({speaker["id"] for _, speaker in said}) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Seven percent said they were undecided about the deal.",
        "Critics argue that the agreement leaves the militias armed.",
        "Officials said the border crossing would reopen on Friday.",
        "Anyone who says the war is over has not visited the front.",
        "Officials from both sides met in Doha to discuss the exchange.",
        "A senior official, asked whether the talks would resume, declined to comment.",
        'The envoy carried what one delegate called "the security paper."',
    ],
)
def test_near_misses(ex: Extractor, text: str) -> None:
    assert _said(ex, text) == []


def test_bare_plurals_when_the_cues_say_so(ex: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    """``bare_plurals: true`` in the cues makes "critics argue" a source (PolNeAR counts it)."""
    cues = replace(SourceCues.load(), bare_plurals=True)
    monkeypatch.setattr(sources, "default_cues", lambda: cues)
    [(_, speaker)] = _said(ex, "Critics argue that the agreement leaves the militias armed.")
    assert speaker["name"] == "Critics"


def test_named_speaker_wins(ex: Extractor) -> None:
    [(_, speaker)] = _said(ex, "Norwegian envoy Dag Lund said the talks would resume in Oslo.")
    assert speaker["name"] == "Dag Lund"


def test_cues_are_validated(tmp_path: Path) -> None:
    bad = tmp_path / "sources.yaml"
    bad.write_text("heads: [critic]\nconfidence: 2\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        SourceCues.load(bad)
    assert "confidence" in str(err.value)
    bad.write_text("heads: [critic]\nheadz: [x]\n", encoding="utf-8")
    with pytest.raises(InputError):
        SourceCues.load(bad)
