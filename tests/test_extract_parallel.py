"""Extraction in worker processes gives the records one process gives, in input order."""

from __future__ import annotations

import random

import pytest
from actorgraph.cores import available_cores
from actorgraph.ingest.articles import Article
from actorgraph.ingest.extract import Extractor, parallel

SENTENCES = [
    "{a} urged {b} to accept the proposal.",
    "{a} rejected the offer on Monday.",
    "“We will not give up,” said {p}, a spokesman for {a}.",
    "Talks between {a} and {b} resumed, with {c} mediating.",
    "{p} said the talks had failed.",
]
STATES = ["Ghana", "Togo", "Mali", "Niger", "Chile", "Peru", "Norway", "Oman"]
PEOPLE = ["Kofi Mensah-Adu", "Ana Souto-Reis", "Lars Vik-Hansen", "Rosa Quispe-Mamani"]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    rnd = random.Random(21)
    out = []
    for i in range(40):
        lines = []
        for _ in range(6):
            a, b, c = rnd.sample(STATES, 3)
            lines.append(rnd.choice(SENTENCES).format(a=a, b=b, c=c, p=rnd.choice(PEOPLE)))
        out.append(Article(id=f"a{i}", title=f"Article {i}", text=" ".join(lines)))
    return out


def test_two_processes_give_the_records_of_one(articles: list[Article]) -> None:
    one = list(Extractor(n_process=1, batch_size=4).extract(articles))
    parallel.LAST_RUN.clear()
    two = list(Extractor(n_process=2, batch_size=4).extract(articles))
    # worker processes extracted the chunks (both of them, unless spawned workers started so
    # far apart that one did all the work: with other threads running, workers are spawned)
    assert 1 <= len(parallel.LAST_RUN) <= 2
    assert two == one
    docs = [r["id"] for r in two if r["kind"] == "document"]
    assert docs == [a.id for a in articles]


def test_a_small_input_stays_in_this_process(articles: list[Article]) -> None:
    parallel.LAST_RUN.clear()
    out = list(Extractor(n_process=2, batch_size=32).extract(articles[:5]))
    assert parallel.LAST_RUN == {}
    assert [r["id"] for r in out if r["kind"] == "document"] == [a.id for a in articles[:5]]


def test_the_default_is_every_core() -> None:
    assert Extractor().n_process == available_cores() >= 1
    assert Extractor(n_process=1).n_process == 1


def test_a_partly_read_stream_leaves_no_worker_behind(articles: list[Article]) -> None:
    it = Extractor(n_process=2, batch_size=4).extract(articles)
    first = [next(it) for _ in range(3)]
    it.close()  # the caller stops early: the pool shuts down
    assert first[0]["kind"] == "document"
    import gc

    assert not gc.isenabled() or gc.get_freeze_count() == 0


def test_no_reference_cycle_keeps_a_document_alive(articles: list[Article]) -> None:
    """Memory stays flat: a parsed document is freed when its records are out, without
    waiting for the garbage collector (which does not see how big a Doc is)."""
    import gc

    from spacy.tokens import Doc

    ex = Extractor(n_process=1)
    gc.collect()
    gc.disable()
    try:
        for _ in ex.extract(articles[:10]):
            pass
        alive = sum(1 for o in gc.get_objects() if isinstance(o, Doc))
    finally:
        gc.enable()
    assert alive == 0
