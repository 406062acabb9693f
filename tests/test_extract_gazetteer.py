"""The gazetteer of organizations (data/organizations.yaml) and the participants listed at talks
(issue 20A; bank families ``actors-gazetteer`` and ``actors-participants``)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml
from actorgraph.graph.errors import InputError
from actorgraph.ingest.evaluate import score_bank
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.bank import load_bank
from actorgraph.ingest.extract.dictionary import BUNDLED, DATA, ActorDictionary
from actorgraph.ingest.extract.normalize import name_key

from tests.helpers import ROOT

BANKS = ROOT / "examples" / "extraction-bank"
GAZETTEER = DATA / "organizations.yaml"


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


def _actors(ex: Extractor, text: str) -> set[str]:
    return {
        r["name"] for r in ex.extract_text(text, published="2024-05-01") if r["kind"] == "actor"
    }


@pytest.mark.parametrize("family", ["actors-gazetteer", "actors-participants"])
def test_the_bank_families(ex: Extractor, family: str) -> None:
    [fam] = load_bank(BANKS / f"{family}.yaml")
    assert len(fam.cases) >= 11
    assert score_bank(ex, [fam])[fam.family]["all"].f1 == 1.0


def test_the_gazetteer_is_bundled_and_flagged() -> None:
    assert GAZETTEER in BUNDLED
    d = ActorDictionary.load(BUNDLED)
    assert d.lookup("Intergovernmental Authority on Development") == d.lookup("IGAD") == "igad"
    assert d.in_gazetteer("igad") and d.type_of_entry("igad") == "organization"
    assert not d.in_gazetteer("hamas") and not d.in_gazetteer("united-nations")


def test_every_name_of_the_gazetteer_is_one_bodys() -> None:
    """No name or alias names two bodies, none is a name the curated files already give, and
    every body is an organization (states, armies and juntas stay with the rules)."""
    spec = yaml.safe_load(GAZETTEER.read_text(encoding="utf-8"))
    assert spec["gazetteer"] is True
    bodies = spec["actors"]
    assert len(bodies) >= 250
    assert {b["type"] for b in bodies} == {"organization"}
    keys = [{name_key(n) for n in [b["name"], *b.get("aliases", [])]} for b in bodies]
    names = Counter(k for body in keys for k in body)
    assert [n for n, k in names.items() if k > 1] == []
    curated = ActorDictionary.load(BUNDLED[:2])
    assert [n for n in names if curated.lookup(n)] == []


def test_a_bad_gazetteer_flag_names_the_field(tmp_path: Path) -> None:
    f = tmp_path / "g.yaml"
    f.write_text("gazetteer: maybe\nactors: []\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        ActorDictionary.load([f])
    assert err.value.field == "gazetteer"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Taliban fighters seized the district centre on Tuesday.", {"Taliban"}),
        ("ECCAS mediators arrived in Libreville on Sunday.", {"ECCAS"}),
        ("The Arakan Army said it had taken the last border post.", {"Arakan Army"}),
        (  # the acronym the gazetteer knows, after the full name: one body
            "The Kachin Independence Army signed a truce. KIA leaders later met envoys.",
            {"Kachin Independence Army"},
        ),
        (  # a body's "of <state>" tail is its name, not two names joined
            "The swap went ahead with the coordination of the Federal Security Service of Russia.",
            {"Federal Security Service of Russia"},
        ),
        (  # a gazetteer body before a named panel starts the panel's name
            "The NDF Peace Negotiating Panel rejected the draft on Monday.",
            {"NDF Peace Negotiating Panel"},
        ),
    ],
)
def test_gazetteer_bodies_that_act(ex: Extractor, text: str, expected: set[str]) -> None:
    assert _actors(ex, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Reporters visited a former Arakan Army camp near the river.",
        "The road to the UNAMA compound was closed on Friday.",
        "The ETA of the convoy was noon, officials said.",
        "The town was an RSF stronghold until March, a resident said.",
    ],
)
def test_gazetteer_bodies_only_named(ex: Extractor, text: str) -> None:
    assert _actors(ex, text) == set()


def test_a_state_invited_by_its_government_acts(ex: Extractor) -> None:
    text = "Qatar has invited the Oromo Liberation Army and the Ethiopian government to talks."
    assert {"Qatar", "Oromo Liberation Army", "Ethiopia"} <= _actors(ex, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Among those around the table were the Wa army's envoys and the Karen National Union.",
            {"Karen National Union"},
        ),
        ("Participants included the Chin National Front.", {"Chin National Front"}),
        ("Those who attended the meeting included the SPLM-N.", {"SPLM-N"}),
        ("Among the dead were two members of the Arakan Army.", set()),
        ("Those detained in the raid included a commander of the Arakan Army.", set()),
    ],
)
def test_listed_participants(ex: Extractor, text: str, expected: set[str]) -> None:
    assert _actors(ex, text) == expected
