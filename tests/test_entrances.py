"""Every entrance (CLI ``ingest`` and ``extract``, the API's ``POST /ingest``) reads the same
files the same way, and a name gets the same id whichever way it comes in."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from actorgraph.api.app import create_app
from actorgraph.cli.main import app as cli_app
from actorgraph.graph.embedded import EmbeddedStore
from actorgraph.graph.model import ACTOR
from actorgraph.ingest.loader import Loader
from actorgraph.settings import Settings
from fastapi.testclient import TestClient
from typer.testing import CliRunner

ARTICLE_HTML = """<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Talks in Doha</title>
<meta property="article:published_time" content="2024-05-03"/></head>
<body><article><p>Qatar urged Hamas to accept the ceasefire proposal, a Qatari official
said on Friday.</p></article></body></html>
"""
RECORDS = [
    {"kind": "actor", "id": "oman", "name": "Oman", "type": "state"},
    {"kind": "actor", "id": "hamas", "name": "Hamas", "type": "organization"},
    {"kind": "relation", "type": "mediates", "source": "oman", "target": "hamas"},
]


def _cli(store: Path, *args: str) -> Any:
    return CliRunner().invoke(cli_app, ["--store", str(store), *args])


def test_cli_ingest_reads_xhtml_as_an_article(tmp_path: Path) -> None:
    """Bug: ``extract`` read ``.xhtml`` as an article, ``ingest`` as JSON Lines."""
    page = tmp_path / "doha.xhtml"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    r = _cli(tmp_path / "store", "ingest", str(page), "--json")
    assert r.exit_code == 0, r.output
    store = EmbeddedStore(tmp_path / "store")
    try:
        assert store.counts()["nodes"]["Document"] == 1
        assert store.lookup_names(["Qatar"])["Qatar"]
    finally:
        store.close()


def test_cli_extract_reads_json_articles(tmp_path: Path) -> None:
    """``.json`` is JSON Lines for every entrance: records or, for ``extract``, articles."""
    src = tmp_path / "articles.json"
    src.write_text(
        json.dumps({"id": "a1", "title": "Talks", "text": "Qatar urged Hamas to accept."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    r = _cli(tmp_path / "store", "extract", str(src), "-o", str(out), "--no-progress")
    assert r.exit_code == 0, r.output
    kinds = [json.loads(line)["kind"] for line in out.read_text().splitlines()]
    assert kinds[0] == "document"


def test_api_upload_reads_json_records_like_the_cli(tmp_path: Path) -> None:
    """Bug: ``.json`` was read as records by the CLI but refused by the API."""
    src = tmp_path / "records.json"
    src.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    cli_store = tmp_path / "cli-store"
    r = _cli(cli_store, "ingest", str(src))
    assert r.exit_code == 0, r.output

    store = EmbeddedStore(tmp_path / "api-store")
    settings = Settings(store=str(tmp_path / "unused"), api_key="k", startup_timeout=0)
    with TestClient(create_app(settings, store=store)) as client:
        resp = client.post(
            "/ingest",
            files={"file": ("records.json", src.read_bytes(), "application/json")},
            headers={"X-API-Key": "k"},
        )
        assert resp.status_code == 202, resp.text
        client.app.state.actorgraph.jobs.wait()  # type: ignore[attr-defined]
        job = client.get(resp.json()["url"], headers={"X-API-Key": "k"}).json()
        assert job["status"] == "succeeded", job
    cli = EmbeddedStore(cli_store)
    try:
        assert store.counts() == cli.counts()
    finally:
        cli.close()
        store.close()


def test_a_name_gets_one_id_whichever_way_it_comes_in(tmp_path: Path) -> None:
    """Bug: "O'Brien" was ``o-brien`` from a record and ``obrien`` from extraction."""
    from actorgraph.ingest.extract import Extractor

    store = EmbeddedStore(tmp_path / "store")
    try:
        Loader(store).load_records(
            [{"kind": "actor", "name": "Conor O'Brien", "type": "person"}], "<test>"
        )
        [(record_id, _, _)] = store.actor_names()
    finally:
        store.close()
    records = Extractor().extract_text(
        "Conor O'Brien, an Irish diplomat, said the talks would resume on Monday.",
        doc_id="obrien",
        published="2024-05-01",
    )
    extracted = {r["id"] for r in records if r["kind"] == ACTOR.lower()}
    assert record_id in extracted, (record_id, extracted)


def test_extraction_uses_the_one_slug_function() -> None:
    from actorgraph.graph.exchange import slugify
    from actorgraph.ingest import articles, loader
    from actorgraph.ingest.extract import bank, dictionary, topics

    assert dictionary.slugify is topics.slugify is bank.slugify is articles.slugify is slugify
    assert not hasattr(loader, "slugify") and loader.node_id.__module__ == slugify.__module__
    names = ["O'Brien", "O’Brien", "O`Brien", "  O'Brien  ", "Ó'Brien", "o'brien"]
    assert {slugify(n) for n in names} == {"obrien"}
    assert slugify("Al-Manar TV") == "al-manar-tv" and slugify("؟") == "x"
    assert len(slugify("word " * 40)) <= 80


def test_reading_an_article_does_not_import_spacy(tmp_path: Path) -> None:
    page = tmp_path / "doha.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    code = (
        "import sys\n"
        "from actorgraph.ingest.articles import read_articles\n"
        f"[a] = read_articles([{str(page)!r}])\n"
        "assert a.title == 'Talks in Doha', a\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "[]"
