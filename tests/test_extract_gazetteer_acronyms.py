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


def test_an_acronym_whose_fallback_would_take_an_entrys_id_is_refused(tmp_path: Path) -> None:
    """An entry named by a short acronym ("ELN", "ETA") has the acronym's slug as id, which the
    document's own actor of an unsupported bare acronym needs: load names the file and entry."""
    f = _gazetteer(
        tmp_path,
        "  - {name: Somewhere Front, type: organization}\n"
        "  - {name: XLF, type: organization, aliases: [Xanadu Liberation Front]}\n",
    )
    with pytest.raises(InputError) as err:
        ActorDictionary.load([f])
    assert "'XLF'" in str(err.value) and "standalone" in str(err.value)
    assert err.value.field == "actors[2]" and str(f) in str(err.value)
    for fixed in (
        "  - {name: XLF, type: organization, aliases: [Xanadu Front], standalone: true}\n",
        "  - {id: xanadu-liberation-front, name: XLF, type: organization}\n",
        "  - {name: Xanadu Liberation Front, type: organization, aliases: [XLF]}\n",
    ):
        assert ActorDictionary.load([_gazetteer(tmp_path, fixed)]).lookup("XLF")
    # another entry's id is taken as well
    other = _gazetteer(
        tmp_path,
        "  - {name: QRF, type: organization, standalone: true}\n"
        "  - {name: Quiet River Front, type: organization, aliases: [QRF Movement, qrf]}\n",
    )
    with pytest.raises(InputError, match="'qrf'"):
        ActorDictionary.load([other])
    # a user's own body of that acronym, loaded first, takes it: no fallback, no refusal
    user = tmp_path / "user.yaml"
    user.write_text("actors:\n  - {name: RSF, type: organization}\n", encoding="utf-8")
    assert ActorDictionary.load([user, *BUNDLED]).lookup("RSF") == "rsf"


def test_an_unsupported_eta_is_the_documents_own_eta(ex: Extractor) -> None:
    ids = _ids(ex, "ETA announced a permanent ceasefire on Thursday, the group said.")
    assert "eta" in ids and not ids & {"eta-organization", "euskadi-ta-askatasuna"}
    assert "euskadi-ta-askatasuna" in _ids(
        ex, "Spanish officials said ETA had announced a permanent ceasefire on Thursday."
    )


@pytest.fixture(scope="module")
def ex_context(tmp_path_factory: pytest.TempPathFactory) -> Extractor:
    f = tmp_path_factory.mktemp("gazetteer") / "g.yaml"
    f.write_text(
        "gazetteer: true\nactors:\n"
        "  - {name: Coastal Forces Front, type: organization, aliases: [CFF], context: [Guinea]}\n"
        "  - {name: River Basin Front, type: organization, aliases: [RBF], "
        "context: [Republic of the Congo]}\n",
        encoding="utf-8",
    )
    return Extractor(n_process=1, dictionary=f)


@pytest.mark.parametrize(
    ("text", "body", "supported"),
    [
        ("Officials in Guinea said the CFF had agreed to talks.", "coastal-forces-front", True),
        (  # "Guinea" only inside another state's name
            "Officials in Papua New Guinea said the CFF had agreed to talks.",
            "coastal-forces-front",
            False,
        ),
        (
            "Officials in the Republic of the Congo said the RBF had agreed to talks.",
            "river-basin-front",
            True,
        ),
        (  # the other Congo
            "Officials in the Democratic Republic of the Congo said the RBF had agreed to talks.",
            "river-basin-front",
            False,
        ),
    ],
)
def test_a_context_state_counts_as_a_whole_name(
    ex_context: Extractor, text: str, body: str, supported: bool
) -> None:
    assert (body in _ids(ex_context, text)) is supported


@pytest.mark.parametrize(
    ("text", "supported"),
    [
        ("Sudan's army said the RSF had shelled a market near the border.", True),
        ("South Sudan's army said the RSF had shelled a market near the border.", False),
        (  # a body the gazetteer ties to the state names it
            "The Sudan Liberation Army said the RSF had shelled a camp near the border.",
            True,
        ),
    ],
)
def test_sudan_is_not_south_sudan(ex: Extractor, text: str, supported: bool) -> None:
    assert ("rapid-support-forces" in _ids(ex, text)) is supported


def test_short_acronyms_without_context_say_whether_they_stand_alone() -> None:
    """Each entry with an acronym of fewer than four letters and no ``context:`` decides
    ``standalone:`` in the file, with its reason (issue 21G): a bare acronym of it is the body
    only where that says so or the text names the body otherwise."""
    import yaml
    from actorgraph.ingest.extract.dictionary import DATA, STANDALONE_LETTERS
    from actorgraph.ingest.extract.normalize import is_acronym

    text = (DATA / "organizations.yaml").read_text(encoding="utf-8")
    undecided = []
    for spec in yaml.safe_load(text)["actors"]:
        short = [
            n
            for n in (spec["name"], *spec.get("aliases", []))
            if is_acronym(n) and sum(c.isalpha() for c in n) < STANDALONE_LETTERS
        ]
        if short and not spec.get("context") and "standalone" not in spec:
            undecided.append(spec["name"])
    assert not undecided
    for line in text.splitlines():
        if "standalone: false" in line:
            assert "#" in line.split("standalone: false", 1)[1], line  # the reason
