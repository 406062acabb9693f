"""Reading articles: formats, metadata, and one clear error per bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from actorgraph.graph.errors import InputError
from actorgraph.ingest.articles import MAX_CHARS, MAX_LINE, read_article_file, read_articles


def _read(paths: list[Path], **kw: object) -> tuple[list, list[InputError]]:
    errors: list[InputError] = []
    arts = list(read_articles(paths, on_error=errors.append, **kw))  # type: ignore[arg-type]
    return arts, errors


def test_text_file_title_is_first_line_and_id_is_the_stem(tmp_path: Path) -> None:
    p = tmp_path / "Talks in Cairo.txt"
    p.write_text("\n\nTalks resume in Cairo\n\nHamas said on Monday it would attend.\n")
    a = read_article_file(p)
    assert a.id == "talks-in-cairo"
    assert a.title == "Talks resume in Cairo"
    assert a.text.endswith("it would attend.\n")
    assert a.published is None and a.file == str(p)


def test_front_matter_gives_title_date_url_and_is_not_text(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text(
        "---\ntitle: Ceasefire talks\ndate: 2024-05-01T08:30:00Z\nurl: https://example.org/x\n---\n"
        "# Heading\n\nQatar said [the talks](https://example.org) would go on.\n"
    )
    a = read_article_file(p, date="2020-01-01")
    assert (a.title, a.published, a.url) == (
        "Ceasefire talks",
        "2024-05-01",
        "https://example.org/x",
    )
    assert "---" not in a.text and "https://" not in a.text
    assert a.text.startswith("Heading") and "Qatar said the talks would go on." in a.text


def test_date_option_is_the_fallback(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Title\n\nBody text here.\n")
    arts, errors = _read([p], date="2024-05-03")
    assert errors == [] and arts[0].published == "2024-05-03"
    with pytest.raises(InputError, match="not a date"):
        list(read_articles([p], date="May 3"))


def test_html_main_text_title_and_metadata(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(
        "<html><head><title>Talks stall</title>"
        '<meta property="article:published_time" content="2024-05-02T10:00:00+00:00">'
        '<link rel="canonical" href="https://news.example/talks"></head>'
        "<body><nav>Home | World</nav><article><h1>Talks stall</h1>"
        "<p>Hamas <b>rejected</b> the proposal.</p><ul><li><p>Israel said no.</p></li></ul>"
        "</article><script>var x = 1;</script><footer>(c) 2024</footer></body></html>"
    )
    a = read_article_file(p)
    assert a.title == "Talks stall" and a.published == "2024-05-02"
    assert a.url == "https://news.example/talks"
    assert a.text == "Talks stall\n\nHamas rejected the proposal.\n\nIsrael said no."


def test_jsonl_articles_stream_with_ids_and_dates(tmp_path: Path) -> None:
    p = tmp_path / "corpus.jsonl"
    rows = [
        {"id": "A 1", "title": "One", "url": "u", "published": "2024-05-01", "text": "Text one."},
        {"text": "Headline two\nText two."},
        {"id": "x", "text": ""},
        "not json",
        {"id": "A 1", "text": "again"},
    ]
    p.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n\n")
    arts, errors = _read([p], date="2024-06-01")
    assert [(a.id, a.title, a.published) for a in arts] == [
        ("a-1", "One", "2024-05-01"),
        ("corpus-2", "Headline two", "2024-06-01"),
    ]
    assert [(e.line, e.field) for e in errors] == [(3, "text"), (4, None), (5, "id")]
    assert all(e.file == str(p) for e in errors)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n ", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        ("latin1.txt", "Caf\u00e9 au lait".encode("latin-1"), "not UTF-8 text"),
        ("huge.txt", b"word " * (MAX_LINE // 5 + 10), "line 1 is"),
        ("nobody.html", b"<html><head><title>x</title></head></html>", "without body text"),
        ("scripts.html", b"<html><body><script>1</script></body></html>", "without body text"),
        ("image.png", b"\x89PNG", "unsupported file type"),
        ("empty.jsonl", b"\n\n", "empty file"),
    ],
)
def test_bad_input_is_one_clear_message_and_others_go_on(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Good title\n\nQatar said talks would go on.\n")
    arts, errors = _read([bad, good])
    assert [a.id for a in arts] == ["good"]
    assert len(errors) == 1
    assert errors[0].file == str(bad) and message in str(errors[0])


def test_text_longer_than_the_limit_names_the_limit(tmp_path: Path) -> None:
    p = tmp_path / "long.txt"
    p.write_text("A sentence of prose here.\n" * (MAX_CHARS // 26 + 10))
    _, errors = _read([p])
    assert len(errors) == 1 and "over the limit" in str(errors[0])


def test_missing_file_and_directories(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("T\n\nBody.\n")
    (tmp_path / "d" / "notes.csv").write_text("x,y\n")
    arts, errors = _read([tmp_path / "d", tmp_path / "missing.txt"])
    assert [a.id for a in arts] == ["a"]
    assert [str(e) for e in errors] == [f"{tmp_path / 'missing.txt'}: no such file"]


def test_without_handler_the_error_is_raised(tmp_path: Path) -> None:
    p = tmp_path / "e.txt"
    p.write_text("")
    with pytest.raises(InputError, match="empty file"):
        list(read_articles([p]))


def test_document_record_has_only_exchange_format_fields(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Title\n\nBody.\n")
    rec = read_article_file(p, date="2024-05-01").document_record()
    assert rec == {
        "kind": "document",
        "id": "a",
        "title": "Title",
        "published": "2024-05-01",
        "file": str(p),
    }
