"""Reading articles: plain text, Markdown, HTML and JSON Lines of articles.

:func:`read_articles` yields :class:`Article` values one at a time, so a corpus of any size
streams through. A file that cannot be read (empty, binary, not UTF-8, a single huge line, HTML
without body text, a bad JSON line) produces one :class:`graph.errors.InputError` naming the
file (and line), passed to ``on_error``; the other files go on.

Offsets that extraction reports (``start``/``end``) are into :attr:`Article.text`: for a text
file that is the file after its front matter, for HTML the text pulled out of the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from actorgraph.graph.errors import InputError
from actorgraph.graph.exchange import document_record, dump, slugify
from actorgraph.graph.model import Document
from actorgraph.ingest.inputs import (
    ARTICLE_FORMATS,
    FORMATS,
    expand,
    file_format,
    json_lines,
    read_text,
)
from selectolax.lexbor import LexborHTMLParser

#: formats of files that hold one article each (see :data:`ingest.inputs.FORMATS`)
ONE_ARTICLE = frozenset({"text", "markdown", "html"})

#: longest article text (spaCy's default ``max_length``)
MAX_CHARS = 1_000_000
#: longest line of a text file: a longer one is not prose (a dump, a minified file)
MAX_LINE = 100_000
#: biggest text or HTML file we read whole
MAX_FILE_BYTES = 20_000_000
#: biggest JSON line
MAX_JSON_LINE = 4 * MAX_CHARS

ErrorHandler = Callable[[InputError], None]


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str
    url: str | None = None
    published: str | None = None
    file: str | None = None
    outlet: str | None = None

    def document_record(self) -> dict[str, Any]:
        """The article's document record (the first record extraction writes for it)."""
        document = Document(self.id, self.title, self.url, self.published, self.outlet, self.file)
        return dump(document_record(document))


# ---------------------------------------------------------------------- helpers
def _date(value: Any, file: str, line: int | None = None, field: str = "published") -> str | None:
    """An ISO date from a date, a datetime or an ISO string (time and zone are dropped)."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    s = str(value).strip()
    m = re.match(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$", s)
    if m:
        try:
            return date.fromisoformat(m.group(1)).isoformat()
        except ValueError:
            pass
    raise InputError(f"'{s}' is not a date (YYYY-MM-DD)", file=file, line=line, field=field)


def _title_from(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:300]
    return ""


def _check_text(text: str, file: str, line: int | None = None) -> None:
    if not text.strip():
        raise InputError("no text", file=file, line=line)
    if len(text) > MAX_CHARS:
        lines = text.count("\n") + 1
        what = "one line" if lines == 1 else f"{lines:,} lines"
        raise InputError(
            f"text of {len(text):,} characters in {what}, over the limit of {MAX_CHARS:,} "
            "per article: split it into articles",
            file=file,
            line=line,
        )


def _check_lines(text: str, file: str) -> None:
    start = 0
    n = 1
    while True:
        end = text.find("\n", start)
        length = (len(text) if end == -1 else end) - start
        if length > MAX_LINE:
            raise InputError(
                f"line {n} is {length:,} characters long (limit {MAX_LINE:,}): "
                "this does not look like an article",
                file=file,
            )
        if end == -1:
            return
        start, n = end + 1, n + 1


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def _front_matter(text: str, file: str) -> tuple[dict[str, Any], str]:
    m = _FRONT.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"front matter is not valid YAML: {exc}", file=file) from None
    if not isinstance(meta, dict):
        raise InputError("front matter must be a mapping", file=file)
    return meta, text[m.end() :]


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def _markdown_text(text: str) -> str:
    """Markdown as prose: headings, links and bold markers removed."""
    text = _MD_HEADING.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    return _MD_EMPHASIS.sub(r"\2", text)


# ---------------------------------------------------------------------- HTML
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "template",
    "button",
    "select",
)
_BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, dd, dt, td"
_SPACE = re.compile(r"\s+")


def _meta(tree: Any, selectors: Iterable[str], attr: str = "content") -> str | None:
    for sel in selectors:
        node = tree.css_first(sel)
        if node is not None:
            value = node.attributes.get(attr)
            if value and value.strip():
                return value.strip()
    return None


def _html(text: str, file: str) -> tuple[dict[str, Any], str]:
    tree = LexborHTMLParser(text)
    meta: dict[str, Any] = {}
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node is not None else ""
    meta["title"] = title or _meta(tree, ['meta[property="og:title"]'])
    meta["published"] = _meta(
        tree,
        [
            'meta[property="article:published_time"]',
            'meta[property="og:published_time"]',
            'meta[name="date"]',
            'meta[name="pubdate"]',
            'meta[itemprop="datePublished"]',
        ],
    ) or _meta(tree, ["time[datetime]"], "datetime")
    meta["url"] = _meta(tree, ['link[rel="canonical"]'], "href") or _meta(
        tree, ['meta[property="og:url"]']
    )
    meta["outlet"] = _meta(tree, ['meta[property="og:site_name"]'])
    body = tree.body
    if body is None:
        raise InputError("HTML page without a <body>", file=file)
    for tag in _DROP_TAGS:
        for node in body.css(tag):
            node.decompose()
    root = body.css_first("article") or body.css_first("main") or body
    parts: list[str] = []
    for node in root.css(_BLOCKS):
        if any(d.mem_id != node.mem_id for d in node.css(_BLOCKS)):
            continue  # a block that holds blocks: its leaves are taken instead
        t = _SPACE.sub(" ", node.text(separator=" ")).strip()
        if t:
            parts.append(t)
    if not parts:
        t = "\n\n".join(
            _SPACE.sub(" ", line).strip()
            for line in root.text(separator="\n").split("\n")
            if line.strip()
        )
        parts = [t] if t else []
    content = "\n\n".join(parts)
    if not content.strip():
        raise InputError("HTML page without body text", file=file)
    if not meta.get("title"):
        h1 = root.css_first("h1")
        meta["title"] = h1.text(strip=True) if h1 is not None else _title_from(content)
    return meta, content


# ---------------------------------------------------------------------- files
def read_article_file(path: str | Path, *, date: str | None = None) -> Article:
    """One article from a .txt, .md or .html file; raises :class:`InputError`."""
    path = Path(path)
    file = str(path)
    fmt = file_format(path, ONE_ARTICLE)
    raw = read_text(path, file, MAX_FILE_BYTES)
    if not raw.strip():
        raise InputError("empty file", file=file)
    if fmt == "html":
        meta, text = _html(raw, file)
    else:
        meta, text = _front_matter(raw, file)
        _check_lines(text, file)
        if fmt == "markdown":
            text = _markdown_text(text)
    _check_text(text, file)
    title = str(meta.get("title") or "").strip() or _title_from(text) or path.stem
    published = _date(meta.get("published") or meta.get("date"), file) or _date(date, file)
    url = meta.get("url") or meta.get("link")
    outlet = meta.get("outlet") or meta.get("source")
    return Article(
        id=slugify(str(meta.get("id") or path.stem)),
        title=title,
        text=text,
        url=str(url) if url else None,
        published=published,
        file=file,
        outlet=str(outlet) if outlet else None,
    )


def _jsonl(path: Path, date_default: str | None, on_error: ErrorHandler) -> Iterator[Article]:
    file = str(path)
    seen: set[str] = set()
    any_line = False
    try:
        for n, obj in json_lines(path, file, max_line=MAX_JSON_LINE):
            any_line = True
            try:
                if isinstance(obj, InputError):
                    raise obj
                article = _json_article(obj, file, n, path.stem, date_default)
            except InputError as exc:
                on_error(exc)
                continue
            if article.id in seen:
                on_error(InputError(f"duplicate id '{article.id}'", file=file, line=n, field="id"))
                continue
            seen.add(article.id)
            yield article
    except InputError as exc:  # the file cannot be opened
        on_error(exc)
        return
    if not any_line:
        on_error(InputError("empty file", file=file))


def _json_article(obj: Any, file: str, n: int, stem: str, date_default: str | None) -> Article:
    if not isinstance(obj, dict):
        raise InputError("an article must be a JSON object", file=file, line=n)
    if "kind" in obj:
        raise InputError(
            "this is an exchange-format record, not an article (use `actorgraph ingest`)",
            file=file,
            line=n,
        )
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError("an article needs a non-empty 'text'", file=file, line=n, field="text")
    _check_text(text, file, n)
    for key in ("id", "title", "url", "outlet"):
        if obj.get(key) is not None and not isinstance(obj[key], str | int):
            raise InputError("must be a string", file=file, line=n, field=key)
    title = str(obj.get("title") or "").strip() or _title_from(text)
    ident = obj.get("id")
    aid = slugify(str(ident)) if ident not in (None, "") else f"{slugify(stem)}-{n}"
    published = _date(obj.get("published") or obj.get("date"), file, n) or _date(date_default, file)
    return Article(
        id=aid,
        title=title or aid,
        text=text,
        url=str(obj["url"]) if obj.get("url") else None,
        published=published,
        file=file,
        outlet=str(obj["outlet"]) if obj.get("outlet") else None,
    )


def _raise(exc: InputError) -> None:
    raise exc


def read_articles(
    paths: Iterable[str | Path],
    *,
    date: str | None = None,
    on_error: ErrorHandler | None = None,
) -> Iterator[Article]:
    """Articles from files (directories are searched), one at a time.

    ``date`` is the publication date for articles that do not give one. Each file or line
    that cannot be read goes to ``on_error`` as an :class:`InputError` (raised when
    ``on_error`` is None) and the rest go on.
    """
    handler = on_error or _raise
    if date is not None:
        date = _date(date, "--date", field="date")
    for path in expand(paths, ARTICLE_FORMATS):
        if FORMATS.get(path.suffix.lower()) == "jsonl":
            yield from _jsonl(path, date, handler)
            continue
        try:
            article = read_article_file(path, date=date)
        except InputError as exc:
            handler(exc)
            continue
        yield article
