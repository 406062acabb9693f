"""Extraction end to end: the targets on the seed article and on PLOVER sentences, the record
format, and a load into the store (idempotent on a re-run).

Floors (required gold items): what the extractor scored before the rules were generalized
(issue 10), so that they never drop: actors, speaks_for, mediates, rejects and demands 1.0,
statements 0.85 (two reported statements the gold does not list). PLOVER dev half (vendored in
examples/plover): demands 0.864, rejects 0.969 (0.865 and 0.970 rounded).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from actorgraph.graph.embedded import EmbeddedStore
from actorgraph.graph.exchange import validate_record
from actorgraph.graph.schema import default_schema
from actorgraph.ingest.articles import read_articles
from actorgraph.ingest.evaluate import score_gold, score_plover
from actorgraph.ingest.extract import ORIGIN, Extractor
from actorgraph.ingest.loader import Loader

from tests.helpers import ROOT, SHARED, needs_seed

SEED = SHARED / "corpus" / "ceasefire-talks-live-updates.txt"
GOLD = SHARED / "gold" / "ceasefire-talks-live-updates.gold.jsonl"
PLOVER = ROOT / "examples" / "plover" / "plover-gsr-dev.jsonl"

TARGETS = {
    "actors": 1.0,
    "statements": 0.85,
    "speaks_for": 1.0,
    "mediates": 1.0,
    "rejects": 1.0,
    "demands": 1.0,
}


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.fixture(scope="module")
def seed(ex: Extractor) -> list[dict[str, Any]]:
    return list(ex.extract(read_articles([SEED])))


@needs_seed
@pytest.mark.parametrize(("category", "target"), TARGETS.items())
def test_seed_article_meets_the_targets(
    seed: list[dict[str, Any]], category: str, target: float
) -> None:
    scores = score_gold(seed, _jsonl(GOLD))
    assert scores[category].f1 >= target, scores[category]


def test_plover_sentences_meet_the_targets(ex: Extractor) -> None:
    scores = score_plover(ex, _jsonl(PLOVER))
    assert scores["demands"].f1 >= 0.864, scores["demands"]
    assert scores["rejects"].f1 >= 0.969, scores["rejects"]


@needs_seed
def test_records_are_valid_exchange_format(seed: list[dict[str, Any]]) -> None:
    schema = default_schema()
    for n, rec in enumerate(seed, 1):
        validate_record(rec, "extract", n, schema)


@needs_seed
def test_order_origin_and_document(seed: list[dict[str, Any]]) -> None:
    order = ["document", "actor", "topic", "statement", "relation"]
    kinds = [order.index(r["kind"]) for r in seed]
    assert kinds == sorted(kinds)
    doc = seed[0]
    assert doc["id"] == "ceasefire-talks-live-updates"
    assert doc["title"] == "Israel-Hamas War Ceasefire Talks: Live Updates"
    for r in seed:
        if r["kind"] in ("statement", "relation"):
            assert r["origin"] == ORIGIN and r["document"] == doc["id"]


@needs_seed
def test_evidence_offsets_point_into_the_text(seed: list[dict[str, Any]]) -> None:
    text = SEED.read_text(encoding="utf-8")
    for r in seed:
        if "start" in r:
            assert text[r["start"] : r["end"]] == r["evidence"]
            assert 0 < r["confidence"] <= 1


@needs_seed
def test_every_reference_is_defined_in_the_document(seed: list[dict[str, Any]]) -> None:
    actors = {r["id"] for r in seed if r["kind"] == "actor"}
    topics = {r["id"] for r in seed if r["kind"] == "topic"}
    statements = {r["id"] for r in seed if r["kind"] == "statement"}
    for r in seed:
        if r["kind"] == "actor":
            assert all(role["of"] in actors for role in r.get("roles", []))
        if r["kind"] == "statement":
            assert r["speaker"] in actors and r.get("on_behalf_of", r["speaker"]) in actors
            assert set(r["about"]) <= topics
        if r["kind"] == "relation":
            assert r["source"] in actors and r["target"] in actors | topics
            assert r.get("statement", next(iter(statements))) in statements


@needs_seed
def test_curly_quotes_and_straight_quotes_give_the_same_statements(ex: Extractor) -> None:
    text = SEED.read_text(encoding="utf-8")
    straight = text.replace("“", '"').replace("”", '"')
    a = [r["text"] for r in ex.extract_text(text) if r["kind"] == "statement" and r["quote"]]
    b = [r["text"] for r in ex.extract_text(straight) if r["kind"] == "statement" and r["quote"]]
    # five quotes; Lapid's "no political excuse" is quoted words of a reported clause
    assert a == b and len(a) == 5


@needs_seed
def test_loads_into_the_store_and_a_rerun_changes_nothing(
    ex: Extractor, seed: list[dict[str, Any]], tmp_path: Path
) -> None:
    store = EmbeddedStore(tmp_path / "store")
    try:
        loader = Loader(store)
        first = loader.load_records(seed, "seed")
        assert first.written.relations > 0 and first.skipped == []
        again = list(ex.extract(read_articles([SEED])))
        assert [r.get("id") for r in again] == [r.get("id") for r in seed]
        second = Loader(store).load_records(again, "seed again")
        assert not second.written.changed
    finally:
        store.close()


def test_a_second_article_reuses_new_actor_ids(ex: Extractor) -> None:
    first = (
        "Talks\n\nWadih Al-Kharrazi, a senior official of the Sahel Accord Front, said on "
        "Monday that the group rejected the offer."
    )
    second = "More talks\n\nAl-Kharrazi said the Sahel Accord Front would send a delegation."
    a = ex.extract_text(first, doc_id="one")
    ids_a = {r["id"] for r in a if r["kind"] == "actor"}
    assert {"wadih-al-kharrazi", "sahel-accord-front"} <= ids_a
    # an article is read on its own: the same name gets the same id in any article and run
    again = {r["id"] for r in ex.extract_text(first, doc_id="again") if r["kind"] == "actor"}
    assert ids_a <= again
    # the actors of earlier articles come back from the store as known actors: then a
    # surname alone in a later article is the person named in full before
    known = [r for r in a if r["kind"] == "actor"]
    b = Extractor(known_actors=known, n_process=1).extract_text(second, doc_id="two")
    ids_b = {r["id"] for r in b if r["kind"] == "actor"}
    assert {"wadih-al-kharrazi", "sahel-accord-front"} <= ids_b
