"""One error shape on every route, the route list in docs/api.md, and what create_app mounts.

The shape test walks ``app.routes``: a route added without an entry in ``BAD_REQUESTS``
fails it, so every route is checked for ``{"error": {"code", "message", "details"}}``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import actorgraph.api.app as app_module
import pytest
from actorgraph.api.app import create_app
from actorgraph.graph.errors import StoreUnavailableError
from actorgraph.graph.store import GraphStore
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from tests.helpers import KEY, READ_KEY, ROOT, assert_error, settings_for

# (method, path template) -> (request to make, expected status, expected code)
BAD_REQUESTS: dict[tuple[str, str], tuple[str, dict[str, Any], int, str]] = {
    ("GET", "/health"): ("POST /health", {}, 405, "method_not_allowed"),
    ("GET", "/ready"): ("GET /ready", {"store_down": True}, 503, "store_unavailable"),
    ("GET", "/actors"): ("GET /actors?limit=0", {}, 422, "invalid_input"),
    ("GET", "/actors/{actor_id}/neighbors"): (
        "GET /actors/Hamass/neighbors",
        {},
        404,
        "not_found",
    ),
    ("GET", "/actors/{actor_id}"): ("GET /actors/Hamass", {}, 404, "not_found"),
    ("GET", "/relations/evidence"): (
        "GET /relations/evidence?type=rejects&source=qatar&target=egypt",
        {},
        404,
        "not_found",
    ),
    ("DELETE", "/actors/{actor_id}"): ("DELETE /actors/hamas", {}, 401, "unauthorized"),
    ("GET", "/statements"): ("GET /statements?speaker=Nobody+At+All", {}, 404, "not_found"),
    ("GET", "/topics"): ("GET /topics?limit=10001", {}, 400, "over_limit"),
    ("GET", "/stances"): ("GET /stances?until=yesterday", {}, 422, "invalid_input"),
    ("GET", "/paths"): ("GET /paths?source=Hamas", {}, 422, "invalid_input"),
    ("GET", "/brokers"): (
        "GET /brokers?source=Hamas&target=Israel&max_hops=7",
        {},
        400,
        "over_limit",
    ),
    ("GET", "/influence"): ("GET /influence?metric=fame", {}, 422, "invalid_input"),
    ("GET", "/subgraph"): ("GET /subgraph?actors=Hamass", {}, 404, "not_found"),
    ("GET", "/documents"): ("GET /documents?limit=10001", {}, 400, "over_limit"),
    ("GET", "/overview"): ("GET /overview?top=0", {}, 422, "invalid_input"),
    ("GET", "/schema"): ("GET /schema", {"read_key": True}, 401, "unauthorized"),
    ("GET", "/schema/records"): ("GET /schema/records", {"read_key": True}, 401, "unauthorized"),
    ("GET", "/stats"): ("GET /stats", {"store_down": True}, 503, "store_unavailable"),
    ("GET", "/export"): ("GET /export", {"read_key": True}, 401, "unauthorized"),
    ("POST", "/ingest"): ("POST /ingest", {"key": True}, 415, "unsupported_media_type"),
    ("GET", "/jobs/{job_id}"): ("GET /jobs/nope", {"key": True}, 404, "not_found"),
    ("GET", "/brokerage"): ("GET /brokerage?group_by=camp", {}, 422, "invalid_input"),
    ("GET", "/duplicates"): ("GET /duplicates?min_score=2", {}, 422, "invalid_input"),
    ("GET", "/merges"): ("GET /merges", {"read_key": True}, 401, "unauthorized"),
    ("POST", "/merges"): ("POST /merges", {}, 401, "unauthorized"),
    ("DELETE", "/merges/{actor}"): ("DELETE /merges/qatar", {"key": True}, 404, "not_found"),
    ("POST", "/distinct"): ("POST /distinct", {"key": True}, 422, "invalid_input"),
    ("DELETE", "/documents/{document_id}"): (
        "DELETE /documents/nope",
        {"key": True},
        404,
        "not_found",
    ),
    ("GET", "/retractions"): ("GET /retractions", {"read_key": True}, 401, "unauthorized"),
}
OPEN_ROUTES = {"/health", "/ready"}


def api_routes(app: Any) -> list[tuple[str, str, Any]]:
    """``(method, path template, route)`` of every API route in ``app.routes``.

    FastAPI may keep included routers as nested entries (``effective_route_contexts``);
    they are walked too, so the list is the one the app really serves.
    """
    out = []

    def walk(routes: Any) -> None:
        for r in routes:
            if hasattr(r, "effective_route_contexts"):
                for ctx in r.effective_route_contexts():
                    add(ctx.original_route, ctx.path, ctx.include_in_schema)
            elif isinstance(r, APIRoute):
                add(r, r.path, r.include_in_schema)

    def add(route: Any, path: str, in_schema: bool) -> None:
        if not isinstance(route, APIRoute) or not in_schema:
            return
        template = re.sub(r":[a-z]+}", "}", path)
        for m in sorted(route.methods - {"HEAD", "OPTIONS"}):
            out.append((m, template, route))

    walk(app.routes)
    return out


def fill(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "no-such-thing-xyz", path)


@pytest.fixture
def apps(tmp_path: Path, example_store: GraphStore) -> Any:
    made: list[TestClient] = []

    def make(**over: Any) -> TestClient:
        c = TestClient(
            create_app(settings_for(tmp_path, **over), store=example_store),
            raise_server_exceptions=False,
        )
        c.__enter__()
        made.append(c)
        return c

    yield make
    for c in made:
        c.__exit__(None, None, None)


def test_every_route_has_a_bad_request_with_the_error_shape(
    apps: Any, example_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = apps()
    keyed = apps(read_key=READ_KEY)
    routes = api_routes(plain.app)
    ours = [(m, p) for m, p, _ in routes if not p.startswith("/reports")]
    assert sorted(ours) == sorted(BAD_REQUESTS), "add the new route to BAD_REQUESTS"

    for (_m, _p), (request, opts, status, code) in BAD_REQUESTS.items():
        method, url = request.split(" ", 1)
        client = keyed if opts.get("read_key") else plain
        headers = {"X-API-Key": KEY} if opts.get("key") else {}
        if opts.get("store_down"):

            def down(*a: Any, **k: Any) -> Any:
                raise StoreUnavailableError("store down for the test")

            for attr in ("ping", "counts", "version"):
                monkeypatch.setattr(example_store, attr, down)
        r = client.request(method, url, headers=headers)
        monkeypatch.undo()
        assert_error(r, status, code)


def test_every_route_refuses_a_missing_key_and_a_wrong_method_in_the_shape(apps: Any) -> None:
    keyed = apps(read_key=READ_KEY)
    for method, path, route in api_routes(keyed.app):
        url = fill(path)
        r = keyed.request(method, url)
        if path in OPEN_ROUTES:
            assert r.status_code < 400, (method, path, r.text)
        else:
            assert_error(r, 401, "unauthorized")
        other = "PUT" if "PUT" not in route.methods else "PATCH"
        assert_error(keyed.request(other, url), 405, "method_not_allowed")


def test_unknown_paths_are_404_in_the_shape(apps: Any) -> None:
    c = apps()
    err = assert_error(c.get("/no/such/route"), 404, "not_found")
    assert "/no/such/route" in err["message"]


def test_docs_api_lists_every_route(apps: Any) -> None:
    doc = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    c = apps()
    missing = [
        f"{m} {p}"
        for m, p, _ in api_routes(c.app)
        if not p.startswith("/reports") and f"`{m} {p}`" not in doc
    ]
    assert missing == [], f"routes missing from docs/api.md: {missing}"


def test_openapi_documents_the_error_shape(apps: Any) -> None:
    spec = apps().get("/openapi.json").json()
    assert "ErrorResponse" in spec["components"]["schemas"]
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            if path.startswith("/reports"):
                continue
            assert "500" in op["responses"], (method, path)


def test_openapi_publishes_the_vocabularys_name_and_label_patterns(apps: Any) -> None:
    """A client validating against the published schema refuses a relation type name the
    vocabulary would refuse: the patterns the vocabulary checks are in the document."""
    from actorgraph.graph.schema import LABEL_PATTERN, NAME_PATTERN

    props = apps().get("/openapi.json").json()["components"]["schemas"]["RelationType"]
    props = props["properties"]
    assert props["name"].get("pattern") == NAME_PATTERN.pattern, props["name"]
    assert props["label"].get("pattern") == LABEL_PATTERN.pattern, props["label"]


# ---------------------------------------------------------------------- what create_app mounts


def test_reports_router_is_behind_the_read_key(tmp_path: Path, example_store: GraphStore) -> None:
    app = create_app(settings_for(tmp_path, read_key=READ_KEY), store=example_store)
    assert "/reports" in {p for _m, p, _r in api_routes(app)}
    with TestClient(app, raise_server_exceptions=False) as c:
        assert_error(c.get("/reports"), 401, "unauthorized")  # behind the read key
        assert c.get("/reports", headers={"X-API-Key": READ_KEY}).status_code < 400


def test_static_ui_is_served_at_root_behind_the_api(
    tmp_path: Path, example_store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    static = tmp_path / "static"
    static.mkdir()
    (static / "index.html").write_text("<!doctype html><title>actorgraph</title>")
    monkeypatch.setattr(app_module, "STATIC_DIR", static)
    with TestClient(
        create_app(settings_for(tmp_path), store=example_store), raise_server_exceptions=False
    ) as c:
        r = c.get("/")
        assert r.status_code == 200 and "<title>actorgraph</title>" in r.text
        assert c.get("/actors").json()["count"] > 0  # the API wins over the static mount
        assert c.get("/schema").headers["content-type"].startswith("application/json")
        assert_error(c.get("/missing.js"), 404, "not_found")


def test_every_error_code_has_its_http_status_in_the_api() -> None:
    """The status of each user error is decided in api/ (api.errors.STATUS), by its code."""
    import actorgraph.ingest.extract
    import actorgraph.reports.archive  # noqa: F401  (ReportBusyError)
    from actorgraph.api.errors import STATUS
    from actorgraph.graph.errors import ActorgraphError

    def subclasses(cls: type) -> list[type]:
        return [c for sub in cls.__subclasses__() for c in (sub, *subclasses(sub))]

    codes = {c.code for c in subclasses(ActorgraphError)}  # type: ignore[attr-defined]
    assert codes - set(STATUS) == set()
    core = [c for c in subclasses(ActorgraphError) if c.__module__.startswith("actorgraph.graph")]
    assert core and not any("http_status" in vars(c) for c in core)


@pytest.mark.parametrize(
    "url",
    [
        "/documents?offset=9223372036854775808",
        "/actors?offset=1000000001",
        "/statements?offset=99999999999999999999",
        "/topics?offset=1000000001",
    ],
)
def test_an_offset_past_the_cap_is_a_bad_request_not_a_crash(apps: Any, url: str) -> None:
    """A 64-bit-overflowing offset once reached SQLite and answered 500."""
    r = apps().get(url)
    assert_error(r, 422, "invalid_input")
    assert "offset" in r.text
