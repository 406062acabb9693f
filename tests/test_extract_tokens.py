"""The rules' token list: made once per document, forgotten when its records are out."""

from __future__ import annotations

from actorgraph.ingest.articles import Article
from actorgraph.ingest.extract import Extractor
from actorgraph.ingest.extract.tokens import release, tokens


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


def test_records_leave_no_token_list_on_the_document() -> None:
    ex = Extractor(n_process=1)
    art = Article(id="t1", title="t", text="“We reject the offer,” said Ali Hassan of Hamas.")
    doc = ex.nlp(art.text)
    records = list(ex.records(doc, art))
    assert any(r["kind"] == "statement" for r in records)
    assert not any(isinstance(v, list) for v in doc.user_data.values())
