"""A gazetteer's bare acronym is its body only where the document supports it (issue 20,
:mod:`actorgraph.ingest.extract.gazetteer_acronyms`), and a gazetteer file gives each name to
one entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from actorgraph.graph.errors import InputError
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.dictionary import BUNDLED, ActorDictionary


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(n_process=1)


def _ids(ex: Extractor, text: str) -> set[str]:
    return {r["id"] for r in ex.extract_text(text, published="2024-05-01") if r["kind"] == "actor"}


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (  # an appositive of another kind of body
            "RSF, the press freedom group, condemned the arrest of a reporter in Kashmir.",
            "rapid-support-forces",
        ),
        (  # even where the body's state is named
            "RSF, the media watchdog, said on Tuesday that two reporters had been held in Sudan.",
            "rapid-support-forces",
        ),
        (
            "Indonesia's DPR approved an amended law on regional autonomy for Papua on Thursday.",
            "donetsk-peoples-republic",
        ),
        (
            "Kenya's governing UDA said on Friday it would not back the opposition's motion.",
            "ulster-defence-association",
        ),
        (
            "The SLA, the militia Israel armed in south Lebanon, fell apart in 2000.",
            "sudan-liberation-movement",
        ),
    ],
)
def test_an_unsupported_acronym_is_the_documents_own(ex: Extractor, text: str, body: str) -> None:
    ids = _ids(ex, text)
    assert body not in ids
    assert ids & {"rsf", "dpr", "uda", "sla"}  # the document's own actor, as before the gazetteer


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "The Rapid Support Forces (RSF) said on Sunday they would join talks in Jeddah. "
            "The RSF also demanded a ceasefire.",
            "rapid-support-forces",
        ),
        (  # a state the entry is tied to supports the acronym
            "Sudan's army said the RSF had shelled a market in El Fasher on Saturday.",
            "rapid-support-forces",
        ),
        (  # an appositive in the words of the entry's description
            "The RSF, the paramilitary group, said on Monday it had taken the airport in Sudan.",
            "rapid-support-forces",
        ),
        ("IGAD said on Monday it would convene a summit on the crisis.", "igad"),
        ("ECOWAS demanded that the junta release the president.", "ecowas"),
        (  # another alias supports it
            "Fighters of the Donetsk People's Republic shelled the town. The DPR said it had "
            "taken the station.",
            "donetsk-peoples-republic",
        ),
    ],
)
def test_a_supported_acronym_is_the_body(ex: Extractor, text: str, body: str) -> None:
    assert body in _ids(ex, text)


def _gazetteer(tmp_path: Path, body: str) -> Path:
    f = tmp_path / "g.yaml"
    f.write_text(f"gazetteer: true\nactors:\n{body}", encoding="utf-8")
    return f


def test_a_name_two_gazetteer_entries_share_is_refused(tmp_path: Path) -> None:
    f = _gazetteer(
        tmp_path,
        "  - {name: Justice and Equality Movement, type: organization, aliases: [JEM]}\n"
        "  - {name: Jaish-e-Mohammed, type: organization, aliases: [JeM]}\n",
    )
    with pytest.raises(InputError) as err:
        ActorDictionary.load([f])
    assert "'JeM'" in str(err.value) and "actors[1]" in str(err.value)
    assert err.value.field == "actors[2].aliases" and str(f) in str(err.value)


def test_context_names_known_states(tmp_path: Path) -> None:
    f = _gazetteer(
        tmp_path, "  - {name: Rapid Support Forces, type: organization, context: [Sudan, chad]}\n"
    )
    d = ActorDictionary.load([f, *BUNDLED])
    assert d.entries["rapid-support-forces"].context == ["sudan", "chad"]
    bad = _gazetteer(tmp_path, "  - {name: Some Front, type: organization, context: [Atlantis]}\n")
    with pytest.raises(InputError) as err:
        ActorDictionary.load([bad, *BUNDLED])
    assert "'Atlantis'" in str(err.value) and "actors[1].context" in str(err.value)
