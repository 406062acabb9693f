"""The named Cypher files of the Neo4j backend, and how it connects.

Header and parameter checks are plain Python (they run without a server); every query is then
``EXPLAIN``-ed against the real Neo4j, and the connection errors users see (server down, wrong
password, unknown database) are checked against it too.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
from actorgraph.graph.errors import StoreUnavailableError
from actorgraph.graph.neo4j.queries import (
    CALL_SLOTS,
    CypherFileError,
    QuerySet,
    load_all,
    parse,
    sent,
)
from actorgraph.graph.schema import default_schema

from tests.helpers import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER, ROOT, open_neo4j

CYPHER_FILES = sorted(p for p in resources.files("cypher").iterdir() if p.name.endswith(".cypher"))
SAMPLE_SLOTS = {
    "label": "Actor",
    "rel_type": "MEDIATES",
    "types": ("MEDIATES", "SPEAKS_FOR"),
    "hops": 2,
    "left": 2,
    "right": 1,
}
HEADER_LINE = re.compile(r"^// (name|description|params|slots|mode): ?(.*)$")


def header_and_body(text: str) -> tuple[dict[str, list[str]], str]:
    """An independent reading of the header convention (not the registry's parser)."""
    header: dict[str, list[str]] = {}
    lines = text.splitlines()
    i = 0
    while i < len(lines) and lines[i].startswith("//"):
        m = HEADER_LINE.match(lines[i])
        assert m, f"not a header line: {lines[i]!r}"
        header.setdefault(m.group(1), []).append(m.group(2).strip())
        i += 1
    return header, "\n".join(lines[i:])


def params_in(body: str) -> set[str]:
    no_strings = re.sub(r"'[^']*'|\"[^\"]*\"|//.*", "", body)
    return set(re.findall(r"\$(\w+)", no_strings))


def test_there_are_cypher_files() -> None:
    assert len(CYPHER_FILES) >= 30
    assert set(load_all()) == {p.name.removesuffix(".cypher") for p in CYPHER_FILES}


@pytest.mark.parametrize("entry", CYPHER_FILES, ids=lambda p: p.name)
def test_header_is_valid_and_params_match(entry: Path) -> None:
    text = entry.read_text(encoding="utf-8")
    header, body = header_and_body(text)
    assert header["name"] == [entry.name.removesuffix(".cypher")]
    assert header["mode"] in (["read"], ["write"])
    assert " ".join(header["description"]).strip()
    assert len(header["params"]) == 1
    declared = [p.strip() for p in header["params"][0].split(",") if p.strip()]
    assert len(declared) == len(set(declared))
    assert set(declared) == params_in(body)
    slots = [s.strip() for s in header.get("slots", [""])[0].split(",") if s.strip()]
    assert set(slots) <= set(CALL_SLOTS)
    assert body.strip()
    # nothing of the vocabulary is spelled out where a slot belongs
    for rt in default_schema().relations.values():
        assert f":{rt.label}" not in body, f"{rt.label} hard-coded; use a slot"
    if header["mode"] == ["read"]:
        assert not re.search(r"\b(CREATE|MERGE|DELETE|SET|REMOVE)\b", body)


def test_every_query_is_used_by_the_store() -> None:
    code = "".join(p.read_text() for p in (ROOT / "graph" / "neo4j").glob("*.py"))
    unused = [name for name in load_all() if f'"{name}"' not in code]
    assert unused == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("// name: x\n// params:\n// mode: read\nRETURN 1\n", "lacks description"),
        ("// name: x\n// description: d\n// params:\n// mode: sometimes\nRETURN 1", "mode"),
        ("// name: y\n// description: d\n// params:\n// mode: read\nRETURN 1", "file name"),
        ("// name: x\n// description: d\n// params: a\n// mode: read\nRETURN $b", "differ"),
        ("// name: x\n// description: d\n// params:\n// mode: read\nRETURN '$a'\n", None),
        ("// name: x\n// description: d\n// params:\n// mode: read\nMATCH (n:{{label}})", "slot"),
        ("// name: x\n// description: d\n// params:\n// slots: cmd\n// mode: read\nX", "slots"),
        ("// name: x\n// description: d\n// params:\n// mode: read\n// whoops\nRETURN 1", "header"),
        ("// name: x\n// description: d\n// params:\n// mode: read\n", "no query"),
    ],
)
def test_parser_refuses_bad_files(text: str, problem: str | None) -> None:
    if problem is None:
        assert parse(text, "cypher/x.cypher").params == ()
        return
    with pytest.raises(CypherFileError, match=problem):
        parse(text, "cypher/x.cypher")


@pytest.mark.parametrize(
    ("slot", "value"),
    [
        ("rel_type", "MEDIATES]->() DETACH DELETE n //"),
        ("rel_type", "mediates"),
        ("rel_type", "FOO"),
        ("label", "Actor:Admin"),
        ("label", "Actor`) DETACH DELETE n //"),
        ("label", "Person"),
        ("hops", 7),
        ("hops", 0),
        ("hops", "2"),
        ("hops", True),
        ("left", 0),
        ("right", 7),
        ("types", ("MEDIATES]->() DETACH DELETE n //",)),
        ("types", ("MEDIATES", "mediates")),
        ("types", "MEDIATES"),
        ("types", ()),
    ],
)
def test_slots_take_only_vocabulary_values(slot: str, value: object) -> None:
    queries = QuerySet(default_schema())
    name = {
        "rel_type": "relations_create",
        "label": "nodes_list",
        "hops": "paths",
        "types": "paths",
        "left": "paths_longer",
        "right": "paths_longer",
    }[slot]
    others = {s: SAMPLE_SLOTS[s] for s in queries.get(name).slots if s != slot}
    queries.text(name, **others, **{slot: SAMPLE_SLOTS[slot]})  # the good value is taken
    with pytest.raises(ValueError):
        queries.text(name, **others, **{slot: value})


def test_rendered_texts_have_no_slots_left() -> None:
    queries = QuerySet(default_schema())
    for name, q in queries.queries.items():
        text = queries.text(name, **{s: SAMPLE_SLOTS[s] for s in q.slots})
        assert "{{" not in text, name
        assert text.count("{") == text.count("}"), name


# ---------------------------------------------------------------------- against the server
@pytest.fixture(scope="module")
def neo4j_driver():  # type: ignore[no-untyped-def]
    import neo4j

    store = open_neo4j()  # sets the schema up, so labels and properties exist
    store.close()
    driver = neo4j.GraphDatabase.driver(
        NEO4J_URI,
        auth=(NEO4J_USER, NEO4J_PASSWORD),
        notifications_disabled_categories=["UNRECOGNIZED"],
    )
    yield driver
    driver.close()


@pytest.mark.neo4j
@pytest.mark.parametrize("name", sorted(load_all()))
def test_explain_against_the_server(neo4j_driver, name: str) -> None:  # type: ignore[no-untyped-def]
    queries = QuerySet(default_schema())
    q = queries.get(name)
    text = queries.text(name, **{s: SAMPLE_SLOTS[s] for s in q.slots})
    params = sent(q, dict.fromkeys(q.params))
    with neo4j_driver.session(database="neo4j") as session:
        result = session.run("EXPLAIN " + text, params)
        summary = result.consume()
    assert summary.plan is not None
    if q.mode == "read" and not text.lstrip().startswith("SHOW"):
        assert summary.query_type == "r", (
            f"{name} is declared read but plans as {summary.query_type}"
        )


@pytest.mark.neo4j
def test_schema_is_idempotent_and_complete(neo4j_driver) -> None:  # type: ignore[no-untyped-def]
    for _ in range(2):
        open_neo4j().close()
    with neo4j_driver.session(database="neo4j") as session:
        names = {r["name"] for r in session.run("SHOW INDEXES YIELD name RETURN name")}
        constraints = {
            r["name"]: r["labelsOrTypes"]
            for r in session.run("SHOW CONSTRAINTS YIELD name, labelsOrTypes")
        }
    assert constraints["actorgraph_node_id"] == ["Node"]
    for label in ("Actor", "Statement", "Topic", "Document"):
        assert constraints[f"actorgraph_{label}_id"] == [label]
    assert {
        "actorgraph_actor_keys",
        "actorgraph_statement_date",
        "actorgraph_MEDIATES_key",
    } <= names


# ---------------------------------------------------------------------- connection errors
@pytest.mark.neo4j
def test_ping_and_describe() -> None:
    store = open_neo4j()
    try:
        store.ping()
        assert store.describe() == f"Neo4j at {NEO4J_URI} (database neo4j)"
        assert NEO4J_PASSWORD not in repr(vars(store))
    finally:
        store.close()


@pytest.mark.neo4j
def test_wrong_password() -> None:
    from actorgraph.graph.neo4j import Neo4jStore

    with pytest.raises(StoreUnavailableError) as err:
        Neo4jStore(NEO4J_URI, user=NEO4J_USER, password="not-the-password")
    message = str(err.value)
    assert NEO4J_URI in message and "AuthError" in message and "\n" not in message
    assert "not-the-password" not in message


@pytest.mark.neo4j
def test_unknown_database() -> None:
    from actorgraph.graph.neo4j import Neo4jStore

    with pytest.raises(StoreUnavailableError) as err:
        Neo4jStore(NEO4J_URI, user=NEO4J_USER, password=NEO4J_PASSWORD, database="nosuchdb")
    message = str(err.value)
    assert NEO4J_URI in message and "'nosuchdb'" in message and "not found" in message
    assert "\n" not in message


@pytest.mark.neo4j
def test_query_over_its_time_limit_is_a_limit_error() -> None:
    from actorgraph.graph.errors import LimitError

    store = open_neo4j()
    try:
        with pytest.raises(LimitError, match=r"time limit of 0\.5 s"):
            store._read(  # type: ignore[attr-defined]
                lambda tx: list(tx.tx.run("UNWIND range(1, 10000000000) AS x RETURN count(x)")),
                timeout=0.5,
            )
        store.ping()  # the store is still usable
    finally:
        store.close()


def test_server_down() -> None:
    from actorgraph.graph.neo4j import Neo4jStore

    uri = "bolt://127.0.0.1:9"  # discard port: nothing listens
    with pytest.raises(StoreUnavailableError) as err:
        Neo4jStore(uri, user="neo4j", password="x", connect_retries=1)
    message = str(err.value)
    assert uri in message and "ServiceUnavailable" in message and "\n" not in message


def _operators(plan: object) -> list[tuple[str, str]]:
    """(operator, details) of every operator of an EXPLAIN plan, the root first."""
    out = [(plan["operatorType"].split("@")[0], str(plan.get("args", {}).get("Details", "")))]  # type: ignore[index, attr-defined]
    for child in plan.get("children", []):  # type: ignore[attr-defined]
        out += _operators(child)
    return out


@pytest.mark.neo4j
@pytest.mark.parametrize("name", ["relations_known", "relations_create", "relations_append"])
def test_relation_writes_expand_between_bound_ends(neo4j_driver, name: str) -> None:  # type: ignore[no-untyped-def]
    """What ingest runs per relation never walks a hub's relationships (an ``Expand(All)`` from
    one end, filtered by the other: seconds per batch around hubs), and the statements that
    read or create every row of a batch do not buffer all rows (``Eager``): the write that
    merged and appended in one statement (relations_write) did both."""
    queries = QuerySet(default_schema())
    q = queries.get(name)
    text = queries.text(name, **{s: SAMPLE_SLOTS[s] for s in q.slots})
    with neo4j_driver.session(database="neo4j") as session:
        plan = session.run("EXPLAIN " + text, sent(q, dict.fromkeys(q.params))).consume().plan
    ops = [op for op, _ in _operators(plan)]
    assert "Expand(All)" not in ops, ops
    assert "Expand(Into)" in ops or "Create" in ops, ops
    if name != "relations_append":  # appends are the rare case: a relation seen again
        assert "Eager" not in ops, ops


@pytest.mark.neo4j
def test_intermediaries_read_the_actors_flag_not_every_relationship(neo4j_driver) -> None:  # type: ignore[no-untyped-def]
    """The set of intermediaries (read once per data version before path questions) comes
    from the flag the writes keep on actors: scanning every relationship took 20.9 s at 1M
    relations, past the query limit, so the first path question after each write failed."""
    queries = QuerySet(default_schema())
    q = queries.get("intermediaries")
    text = queries.text("intermediaries", **{s: SAMPLE_SLOTS[s] for s in q.slots})
    with neo4j_driver.session(database="neo4j") as session:
        plan = session.run("EXPLAIN " + text, sent(q, dict.fromkeys(q.params))).consume().plan
    ops = [op for op, _ in _operators(plan)]
    assert not any("Relationship" in op or op.startswith("Expand") for op in ops), ops
