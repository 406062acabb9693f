"""One plan a read query whatever its values' sizes (graph.neo4j.queries.in_one_map).

Neo4j 5 keys its plan cache on a query's text and on each parameter's type, and for a string or
a list that type holds its length in powers of ten: the same question between two actors whose
ids have 9 and 11 characters, or an answer of 1 relation and one of 2, were planned again, and
a plan of ``paths_near`` takes 1-2 s of the server's CPU at 1M relations.
"""

from __future__ import annotations

import re

import pytest
from actorgraph.graph.neo4j.queries import ARGS, CypherFileError, in_one_map, load_all, parse
from actorgraph.graph.store import GraphStore, WriteBatch

from tests.test_answers import actor, rel


def test_parameters_in_code_are_read_from_the_one_map() -> None:
    text = "MATCH (a {id: $source})-[r]-(b)\nWHERE type(r) IN $types\nRETURN a LIMIT $cap + 1\n"
    assert in_one_map(text) == (
        "MATCH (a {id: $args.source})-[r]-(b)\nWHERE type(r) IN $args.types\n"
        "RETURN a LIMIT $args.cap + 1\n"
    )


def test_dollars_in_strings_names_and_comments_stay() -> None:
    """Near misses: a `$` in a string literal, a backtick name or a comment is no parameter."""
    text = "// costs $cap\nRETURN '$x' AS a, \"$y\" AS `$z`, $w AS w // and $v\n"
    assert in_one_map(text) == (
        "// costs $cap\nRETURN '$x' AS a, \"$y\" AS `$z`, $args.w AS w // and $v\n"
    )


def test_no_query_declares_the_map_s_name() -> None:
    assert all(ARGS not in q.params for q in load_all().values())
    with pytest.raises(CypherFileError):
        parse(
            f"// name: x\n// description: d\n// params: {ARGS}\n// mode: read\nRETURN ${ARGS}\n",
            "cypher/x.cypher",
        )


def _cleared(store: GraphStore) -> int:
    """Empty the server's query caches; how many queries they held."""
    rows, _, _ = store._driver.execute_query("CALL db.clearQueryCaches()")  # type: ignore[attr-defined]
    m = re.search(r"(\d+) quer", str(rows[0][0]))
    assert m is not None, rows
    return int(m.group(1))


def test_reads_of_short_and_long_ids_and_lists_share_one_plan(store: GraphStore) -> None:
    """An answer's actors and relations read (``nodes_and_relations``, every path answer's
    last read) for ids of 1 and 14 characters and for 1 to 12 of them: on Neo4j the plan the
    first read made is all the others need (before, each power of ten of an id's length and
    of a list's size was a plan of its own: five here)."""
    if store.backend != "neo4j":
        pytest.skip("Neo4j's plan cache")
    ends = ["s", "t", "long-actor-one", "long-actor-two"]
    many = [f"actor-number-{i}" for i in range(12)]
    store.write(
        WriteBatch(
            actors=[actor(i, f"Actor {i}") for i in [*ends, *many, "m"]],
            relations=[rel("mediates", i, "m") for i in ends + many],
        )
    )
    _cleared(store)
    nodes, rels = store.nodes_and_relations(["s"], [("s", "m")], ["mediates"])
    assert (list(nodes), [r.source for r in rels]) == (["s"], ["s"])
    planned = _cleared(store)
    assert planned >= 1
    for ids in (["long-actor-one"], ["s", "t"], ["s", "long-actor-two"], many):
        nodes, rels = store.nodes_and_relations(ids, [(i, "m") for i in ids], ["mediates"])
        assert (list(nodes), sorted(r.source for r in rels)) == (ids, sorted(ids)), ids
    assert _cleared(store) == planned
