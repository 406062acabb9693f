"""The rules' token list: made once per document, forgotten when its records are out."""

from __future__ import annotations

from actorgraph.ingest.articles import Article
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.tokens import (
    doc_text,
    lemmas,
    lowers,
    poses,
    release,
    span_root,
    span_text,
    tokens,
)


def test_one_list_per_document_until_released() -> None:
    ex = Extractor(n_process=1)
    doc = ex.nlp("Qatar urged Hamas to accept the proposal. Israel said no.")
    first = tokens(doc)
    assert [t.i for t in first] == list(range(len(doc)))
    assert [t.text for t in first] == [t.text for t in doc]
    assert tokens(doc) is first  # made once
    release(doc)
    again = tokens(doc)
    assert again is not first and [t.text for t in again] == [t.text for t in first]
    release(doc)
    release(doc)  # releasing twice is harmless


def test_the_words_of_the_tokens_once_per_document() -> None:
    ex = Extractor(n_process=1)
    doc = ex.nlp("Qatari Mediators Said the Talks had STALLED.")
    assert lowers(doc) == [t.lower_ for t in doc]
    assert lemmas(doc) == [t.lemma_.lower() for t in doc]
    assert poses(doc) == [t.pos_ for t in doc]
    assert lowers(doc) is lowers(doc) and lemmas(doc) is lemmas(doc) and poses(doc) is poses(doc)
    kept = lowers(doc)
    release(doc)
    assert not doc.user_data
    assert lowers(doc) is not kept and lowers(doc) == kept


def test_the_kept_text_and_span_texts_are_spacys() -> None:
    ex = Extractor(n_process=1)
    doc = ex.nlp("Mexico´s envoy  met\nthe “Real IRA” delegation in Doha .  ")
    assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)
    n = len(doc)
    for s in range(n + 1):
        for e in range(n + 1):
            assert span_text(doc, s, e) == doc[s:e].text, (s, e)
    release(doc)
    assert not doc.user_data


def test_records_leave_no_token_list_on_the_document() -> None:
    ex = Extractor(n_process=1)
    art = Article(id="t1", title="t", text="“We reject the offer,” said Ali Hassan of Hamas.")
    doc = ex.nlp(art.text)
    records = list(ex.records(doc, art))
    assert any(r["kind"] == "statement" for r in records)
    assert not any(isinstance(v, list) for v in doc.user_data.values())


def test_span_root_is_spacys_root_of_every_short_span() -> None:
    ex = Extractor(n_process=1)
    doc = ex.nlp(
        "A senior Hamas official told Reuters that the group had rejected the Egyptian "
        "proposal. Qatar and Egypt urged both sides to return to the talks in Cairo."
    )
    n = len(doc)
    spans = [(s, e) for s in range(n) for e in range(s + 1, min(n, s + 6) + 1)]
    assert all(span_root(doc, s, e).i == doc[s:e].root.i for s, e in spans)
    assert span_root(doc, 0, n).i == doc[0:n].root.i  # two sentences: spaCy's own choice
