"""The learned speaks_for reader (:mod:`actorgraph.ingest.extract.reader_speaks_for`): its
candidates, its model file, its place in the fallback hook, and its training script."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest
from actorgraph.graph.errors import InputError
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract import reader_speaks_for as reader
from actorgraph.ingest.extract.detector import detector_model
from actorgraph.ingest.extract.reader_features import FeatureBag
from actorgraph.ingest.extract.speaks_for_pairs import Pair, candidates

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext

ROOT = Path(__file__).resolve().parent.parent
N = 2**12


def _flag_all(ctx: DocContext) -> Mapping[int, frozenset[str]]:
    return {k: frozenset({"speaks_for"}) for k in range(len(ctx.sents))}


@pytest.fixture(scope="module")
def extractor() -> Iterator[Extractor]:
    ex = Extractor(n_process=1)
    yield ex
    ex.flagger = None


def _pairs(ex: Extractor, text: str) -> list[tuple[str, str]]:
    """The (person, body) candidates of the text's sentences, read after the rules."""
    found: list[Pair] = []

    def flag(ctx: DocContext) -> dict[int, frozenset[str]]:
        with ctx.quietly():
            for s in ctx.sents:
                found.extend(candidates(ctx, s))
        return {}

    ex.flagger = flag
    ex.extract_text(text)
    return [(p.person.actor or "", p.body) for p in found]


def _best(ex: Extractor, text: str) -> dict[str, tuple[str, float]]:
    """Person -> (their best body by the shipped model, its score above the threshold)."""
    model = reader.load_model()
    out: dict[str, tuple[str, float]] = {}

    def flag(ctx: DocContext) -> dict[int, frozenset[str]]:
        with ctx.quietly():
            for s in ctx.sents:
                pairs = candidates(ctx, s)
                if not pairs:
                    continue
                scores = reader.score_pairs(ctx, pairs, model) - float(model.thresholds[0])
                for p, x in zip(pairs, scores.tolist(), strict=True):
                    a = p.person.actor or ""
                    if a not in out or x > out[a][1]:
                        out[a] = (p.body, x)
        return {}

    ex.flagger = flag
    ex.extract_text(text)
    return out


# (text, person, body): what ties them differs in each (my own sentences)
READ = [
    (
        "Kwame Mensah, the Ghanaian-born chief of staff of the ECOWAS mission, said troops "
        "would stay.",
        "kwame-mensah",
        "ecowas",
    ),
    (
        "Nadia Haddad, the Lebanese deputy head of the African Union mission, said patrols had "
        "resumed.",
        "nadia-haddad",
        "african-union",
    ),
    (
        "Colonel Omar Hamdan, a spokesman for the Libyan National Army, denied the claim.",
        "omar-hamdan",
        "libyan-national-army",
    ),
    (
        "The Polisario Front's envoy to the UN, Sidi Omar, said the referendum was not negotiable.",
        "sidi-omar",
        "polisario-front",
    ),
    (
        "Jean Kamara, who has represented the RUF at the talks since March, said the rebels "
        "wanted amnesty.",
        "jean-kamara",
        "ruf",
    ),
    (
        "Sergio Jaramillo is the ELN's chief negotiator and said the rebels wanted a ceasefire.",
        "sergio-jaramillo",
        "eln",
    ),
]

# no role ties the person to a body here: no candidate at all
NO_ROLE = [
    "Former Malian foreign minister Tiebile Drame said the junta had to hold elections.",
    "Musa Faki, who chaired the African Union Commission until 2025, urged restraint.",
    "Rashid Ahmed, an analyst at the Institute for Security Studies, said the talks stalled.",
    "Sheikh Ahmad Gumi, a Kaduna-based cleric, urged the government to talk to the bandits.",
]

# a role, and a body named outside its phrase or in a phrase of place: not that body
NOT_THAT_BODY = [
    (
        "Prime Minister Somsak Wongchai said Cambodia must withdraw its troops.",
        "somsak-wongchai",
        "cambodia",
    ),
    (
        "Mehmet Aydin, who now represents the Turkish Cypriot side in the UN talks, said a deal "
        "was near.",
        "mehmet-aydin",
        "united-nations",
    ),
    (
        "Omar Waziri, the envoy who helped end Chad's civil war in 2009, said the army had to "
        "return to the table.",
        "omar-waziri",
        "chad",
    ),
]


# a demonym or a country that says where the person comes from, not whom they serve (item 2 of
# the round 19 review): no candidate, and no speaks_for from any stage
OF_ORIGIN = [
    (
        "The talks between Togo's government and the opposition were led by Ghanaian-born "
        "mediator Kwame Asante, a retired judge acting in a personal capacity.",
        "kwame-asante",
        "ghana",
    ),
    (
        "The talks were chaired by Kenyan-raised envoy Amina Bello, who said progress was slow.",
        "amina-bello",
        "kenya",
    ),
    (
        "The meeting was opened by British-educated negotiator John Garang, who spoke for an hour.",
        "john-garang",
        "united-kingdom",
    ),
    (
        "The mediator, Ali Hassan, a judge of Somali origin, said the sides had agreed.",
        "ali-hassan",
        "somalia",
    ),
]

# the same people, now serving the state: still a candidate
OF_SERVICE = [
    ("Ghana's envoy Kwame Asante said the talks would resume.", "kwame-asante", "ghana"),
    (
        "Kenya's chief negotiator, Amina Bello, said progress was slow.",
        "amina-bello",
        "kenya",
    ),
]


@pytest.mark.parametrize(("text", "person", "body"), READ)
def test_the_model_chooses_the_body_the_role_serves(
    extractor: Extractor, text: str, person: str, body: str
) -> None:
    best = _best(extractor, text)
    assert person in best, best
    assert best[person][0] == body
    assert best[person][1] > 0  # past the threshold


@pytest.mark.parametrize("text", NO_ROLE)
def test_no_candidate_without_a_role_that_holds(extractor: Extractor, text: str) -> None:
    assert _pairs(extractor, text) == []


@pytest.mark.parametrize(("text", "person", "body"), NOT_THAT_BODY)
def test_a_body_outside_the_role_phrase_is_no_candidate(
    extractor: Extractor, text: str, person: str, body: str
) -> None:
    assert (person, body) not in _pairs(extractor, text)


@pytest.mark.parametrize(("text", "person", "body"), OF_ORIGIN)
def test_a_place_of_origin_is_no_body_served(
    extractor: Extractor, text: str, person: str, body: str
) -> None:
    assert (person, body) not in _pairs(extractor, text)
    ex = Extractor(n_process=1)  # every stage, every sentence flagged
    ex.flagger = _flag_all
    found = {
        (r["source"], r["target"]) for r in ex.extract_text(text) if r.get("kind") == "relation"
    }
    assert (person, body) not in found


@pytest.mark.parametrize(("text", "person", "body"), OF_SERVICE)
def test_a_state_served_is_still_a_candidate(
    extractor: Extractor, text: str, person: str, body: str
) -> None:
    assert (person, body) in _pairs(extractor, text)


# ---------------------------------------------------------------- through the hook
def _training_script() -> Any:
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_reader_speaks_for as train

    return train


def _model_preferring(path: Path, kind: str, *parts: str) -> Path:
    """A reader model whose only weight is on one feature (its score: 4 with it, -1 without)."""
    bag = FeatureBag()
    bag.add(kind, *parts)
    w = np.zeros(N, dtype=np.float32)
    w[bag.indices(N)] = 5.0
    _training_script().pair_model(N, w, -1.0, 0.0, {"note": "test"}).save(path)
    return path


@pytest.fixture
def of_phrase_model(tmp_path: Path) -> Iterator[Path]:
    path = _model_preferring(tmp_path / "m.npz", "sf-via", "prep:of")
    reader.use_model(path)
    yield path
    reader.use_model(None)


def _speaks(ex: Extractor, text: str) -> list[dict[str, Any]]:
    ex.flagger = _flag_all
    return [r for r in ex.extract_text(text) if r.get("type") == "speaks_for"]


# the rules and the loose fallback read nothing here (two bodies fit)
TWO_BODIES = (
    "Kwame Mensah, the Ghanaian-born chief of staff of the ECOWAS mission, said troops would stay."
)


def test_the_hook_adds_the_reading_with_the_fallback_origin(
    extractor: Extractor, of_phrase_model: Path
) -> None:
    found = _speaks(extractor, TWO_BODIES)
    assert [(r["source"], r["target"]) for r in found] == [("kwame-mensah", "ecowas")]
    assert "actorgraph-fallback" in found[0]["origin"]
    assert 0 < found[0]["confidence"] <= reader.MAX_CONFIDENCE


def test_turned_off_the_reader_reads_nothing(extractor: Extractor, of_phrase_model: Path) -> None:
    reader.MODEL.off()
    assert _speaks(extractor, TWO_BODIES) == []


def test_a_question_is_not_read(extractor: Extractor, of_phrase_model: Path) -> None:
    text = "Did Kwame Mensah, the Ghanaian-born chief of staff of the ECOWAS mission, say so?"
    assert _speaks(extractor, text) == []


def test_the_rules_pair_stands(extractor: Extractor, of_phrase_model: Path) -> None:
    # the rules read Lebanon here; the reader does not read the sentence again
    text = "Nadia Haddad, the Lebanese deputy head of the African Union mission, said so."
    found = {(r["source"], r["target"]) for r in _speaks(extractor, text)}
    assert ("nadia-haddad", "african-union") not in found


# ---------------------------------------------------------------- the model file
def test_a_model_file_round_trips(tmp_path: Path) -> None:
    path = _model_preferring(tmp_path / "m.npz", "sf-via", "prep:of")
    m = reader.load_model(path)
    assert m.classes == ("speaks_for",)
    assert float(m.thresholds[0]) == 0.0
    assert m.training == {"note": "test"}


def test_another_kind_of_model_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "detector.npz"
    w = np.zeros((N, 1), dtype=np.float32)
    detector_model(["speaks_for"], N, w, np.zeros(1), np.zeros(1), {}).save(path)
    with pytest.raises(InputError, match="speaks_for reader model") as err:
        reader.load_model(path)
    assert str(path) in str(err.value) or err.value.file == str(path)  # type: ignore[attr-defined]


def test_a_model_of_other_features_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _model_preferring(tmp_path / "m.npz", "sf-via", "prep:of")
    monkeypatch.setattr(reader, "FEATURES_VERSION", reader.FEATURES_VERSION + 1)
    with pytest.raises(InputError, match="features version"):
        reader.load_model(path)


def test_the_shipped_model_loads_and_holds_no_text() -> None:
    m = reader.load_model()
    assert "no text" in m.training["note"]
    assert m.training["positives"] > 50


# ---------------------------------------------------------------- the training script
BANK_YAML = """\
family: tiny
scores: [speaks_for]
cases:
  - text: Lena Holt, the Danish spokeswoman for the Nordic Council, said the talks would resume.
    speaks_for: [[Lena Holt, Nordic Council]]
  - text: The Thai negotiator Somchai Boon said the border would reopen.
    speaks_for: [[Somchai Boon, Thailand]]
  - text: Former Thai negotiator Arun Chai said the border would reopen.
  - text: The Lao negotiator Kham Vong said the border would reopen.
    note: a near miss as far as this test goes (the row of a negative)
  - text: Prime Minister Somsak Wongchai said Cambodia must withdraw.
    speaks_for: []
"""


def test_the_training_script_writes_a_model_the_reader_loads(tmp_path: Path) -> None:
    train = _training_script()
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "tiny.yaml").write_text(BANK_YAML)
    out = tmp_path / "reader.npz"
    train.main(["--bank", str(bank), "--out", str(out), "--n-features", str(N)])
    m = reader.load_model(out)
    assert m.n_features == N
    assert m.training["rows"] >= 2 and m.training["positives"] >= 1
