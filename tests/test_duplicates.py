"""Duplicate review: candidates with their evidence, near misses that must not be proposed,
the decisions file, and merges applied to a record stream (and ingested, on both backends)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from actorgraph.graph.duplicates import (
    Decision,
    Judgements,
    MergeReport,
    append_decision,
    apply_decisions,
    find_candidates,
    load_decisions,
    load_judgements,
)
from actorgraph.graph.duplicates.names import person_parts, translit_key, word_match
from actorgraph.graph.errors import InputError
from actorgraph.graph.model import ACTOR
from actorgraph.graph.store import MAX_ROWS, GraphStore

from tests.helpers import EXAMPLE

EXAMPLE_RECORDS = [json.loads(line) for line in EXAMPLE.read_text(encoding="utf-8").splitlines()]


def doc(i: str) -> dict[str, Any]:
    return {"kind": "document", "id": i, "title": f"Report {i}", "published": "2024-06-01"}


def actor(i: str, name: str, typ: str = "person", **kw: Any) -> dict[str, Any]:
    return {"kind": "actor", "id": i, "name": name, "type": typ, **kw}


def rel(
    src: str, typ: str, dst: str, document: str, sentence: str = "It was said."
) -> dict[str, Any]:
    return {
        "kind": "relation",
        "type": typ,
        "source": src,
        "target": dst,
        "evidence": sentence,
        "document": document,
    }


def pairs(records: list[dict[str, Any]], **kw: Any) -> dict[frozenset[str], Any]:
    return {frozenset((c.keep, c.merge)): c for c in find_candidates(records, **kw)}


# ---------------------------------------------------------------------- names
def test_transliterations_share_a_key_and_distinct_names_do_not() -> None:
    same = [
        ("binyamin", "benjamin"),
        ("mohammed", "muhammad"),
        ("haniyeh", "haniya"),
        ("hizbullah", "hezbollah"),
        ("usama", "osama"),
        ("qaddafi", "kadhafi"),
    ]
    for a, b in same:
        assert translit_key(a) == translit_key(b), (a, b)
    for a, b in [("osama", "ahmed"), ("hamdan", "hamad"), ("jihad", "state"), ("sara", "benjamin")]:
        assert word_match(a, b) is None, (a, b)


def test_titles_and_particles_are_set_aside() -> None:
    assert person_parts("Secretary of State Antony J. Blinken").words == ("antony", "j", "blinken")
    assert person_parts("Sheikh Tamim bin Hamad Al Thani").words == ("tamim", "hamad", "thani")
    assert person_parts("King").words == ("king",)  # a one-word name is never a title


# ---------------------------------------------------------------------- candidates
def test_the_curated_example_has_no_duplicates() -> None:
    assert find_candidates(EXAMPLE_RECORDS) == []


def test_transliterated_name_is_proposed_with_its_evidence() -> None:
    records = [
        *EXAMPLE_RECORDS,
        doc("d2"),
        actor("binyamin-netanyahu", "Binyamin Netanyahu"),
        rel("binyamin-netanyahu", "speaks_for", "israel", "d2"),
        rel("binyamin-netanyahu", "rejects", "permanent-ceasefire", "d2"),
    ]
    found = pairs(records)
    c = found[frozenset(("benjamin-netanyahu", "binyamin-netanyahu"))]
    # the curated actor (more mentions) is the one to keep
    assert (c.keep, c.merge) == ("benjamin-netanyahu", "binyamin-netanyahu")
    kinds = [x.kind for x in c.clues]
    assert kinds[0] == "transliteration" and "shared neighbours" in kinds
    assert "Israel" in next(x.detail for x in c.clues if x.kind == "shared neighbours")
    assert 0.8 <= c.score < 1
    assert len(found) == 1


def test_surname_and_full_name_in_the_same_document() -> None:
    records = [
        *EXAMPLE_RECORDS,
        doc("d2"),
        actor("yoav-gallant", "Yoav Gallant"),
        actor("gallant", "Gallant"),
        rel("yoav-gallant", "speaks_for", "israel", "d2", "Defence Minister Yoav Gallant said."),
        rel("gallant", "rejects", "permanent-ceasefire", "d2", "Gallant rejected it."),
    ]
    c = pairs(records)[frozenset(("yoav-gallant", "gallant"))]
    assert c.keep == "yoav-gallant"
    assert [x.kind for x in c.clues][:2] == ["surname", "shared documents"]
    assert c.clues[1].detail == "d2"


def test_a_surname_in_other_documents_is_not_proposed() -> None:
    # "Gallant" only appears in d3, Yoav Gallant only in d2: nothing says they are one
    records = [
        doc("d2"),
        doc("d3"),
        actor("israel", "Israel", "state"),
        actor("yoav-gallant", "Yoav Gallant"),
        actor("gallant", "Gallant"),
        rel("yoav-gallant", "speaks_for", "israel", "d2"),
        rel("gallant", "speaks_for", "israel", "d3"),
    ]
    assert find_candidates(records) == []


def test_two_people_sharing_a_surname_are_not_proposed() -> None:
    records = [
        doc("d2"),
        doc("d3"),
        actor("hamas", "Hamas", "organization"),
        actor("osama-hamdan", "Osama Hamdan", aliases=["Hamdan"]),
        actor("ahmed-hamdan", "Ahmed Hamdan"),
        actor("sara-netanyahu", "Sara Netanyahu"),
        actor("benjamin-netanyahu", "Benjamin Netanyahu"),
        # the same documents and the same neighbour: still two given names, two people
        rel("osama-hamdan", "speaks_for", "hamas", "d2"),
        rel("ahmed-hamdan", "speaks_for", "hamas", "d2"),
        rel("sara-netanyahu", "supports", "benjamin-netanyahu", "d3"),
    ]
    assert find_candidates(records) == []


def test_a_bare_surname_is_ambiguous_when_two_people_carry_it() -> None:
    base = [
        doc("d2"),
        doc("d3"),
        actor("hamas", "Hamas", "organization"),
        actor("osama-hamdan", "Osama Hamdan", aliases=["Hamdan"]),
        actor("hamdan", "Hamdan"),
        rel("hamdan", "speaks_for", "hamas", "d3", "Hamdan said."),
        rel("osama-hamdan", "speaks_for", "hamas", "d2"),
    ]
    # alone with that surname, the curated alias "Hamdan" proposes the pair (low score)
    c = pairs(base)[frozenset(("osama-hamdan", "hamdan"))]
    assert c.clues[0].kind == "alias surname" and c.score < 0.8
    # another Hamdan anywhere makes "Hamdan" in another document ambiguous: no proposal
    other = [
        actor("ahmed-hamdan", "Ahmed Hamdan"),
        rel("ahmed-hamdan", "speaks_for", "hamas", "d2"),
    ]
    assert frozenset(("osama-hamdan", "hamdan")) not in pairs([*base, *other])
    # ... and when he is in the same document as "Hamdan", the surname points at him
    near = [actor("ahmed-hamdan", "Ahmed Hamdan"), rel("ahmed-hamdan", "speaks_for", "hamas", "d3")]
    found = pairs([*base, *near])
    assert set(found) == {frozenset(("ahmed-hamdan", "hamdan"))}


def test_organization_variants_are_proposed() -> None:
    records = [
        *EXAMPLE_RECORDS,
        doc("d2"),
        actor("hizbullah", "Hizbullah", "organization"),
        actor("el-manar", "El-Manar", "organization"),
        actor("idf", "IDF", "organization"),
        actor("israel-defense-forces", "Israel Defense Forces", "organization"),
        actor("un", "U.N.", "organization"),
        rel("hizbullah", "allied_with", "hamas", "d2"),
        rel("idf", "threatens", "rafah-operation", "d2"),
    ]
    found = pairs(records)
    kinds = {k: c.clues[0].kind for k, c in found.items()}
    assert kinds == {
        frozenset(("hezbollah", "hizbullah")): "transliteration",
        frozenset(("al-manar", "el-manar")): "same name",
        frozenset(("idf", "israel-defense-forces")): "acronym",
        frozenset(("united-nations", "un")): "alias",
    }


def test_near_misses_among_organizations_and_states_are_not_proposed() -> None:
    records = [
        *EXAMPLE_RECORDS,
        doc("d2"),
        actor("islamic-jihad", "Islamic Jihad", "organization"),
        actor("islamic-state", "Islamic State", "organization"),
        actor("hamas-political-bureau", "Hamas political bureau", "organization"),
        actor("israeli-army", "Israeli Army", "organization"),
        rel("islamic-jihad", "allied_with", "hamas", "d2"),
        rel("islamic-state", "threatens", "israel", "d2"),
    ]
    # Qatar and Egypt share every neighbour: context alone never proposes a pair
    assert find_candidates(records) == []


def test_linked_actors_and_different_types_are_two() -> None:
    records = [
        doc("d2"),
        actor("ahmed-yassin", "Ahmed Yassin"),
        actor("ahmed-yasin", "Ahmed Yasin"),
        actor("netanyahu-party", "Netanyahu", "organization"),
        actor("netanyahu", "Netanyahu"),
        rel("ahmed-yassin", "supports", "ahmed-yasin", "d2"),
    ]
    assert find_candidates(records) == []
    # without the link the spelling variant is proposed
    assert set(pairs(records[:-1])) == {frozenset(("ahmed-yassin", "ahmed-yasin"))}


def test_initials_rank_and_limits() -> None:
    records = [
        *EXAMPLE_RECORDS,
        doc("d2"),
        actor("b-netanyahu", "B. Netanyahu"),
        actor("binyamin-netanyahu", "Binyamin Netanyahu"),
        rel("b-netanyahu", "speaks_for", "israel", "d2"),
    ]
    found = find_candidates(records)
    scores = [c.score for c in found]
    assert scores == sorted(scores, reverse=True)
    by_pair = {frozenset((c.keep, c.merge)): c.clues[0].kind for c in found}
    assert by_pair[frozenset(("benjamin-netanyahu", "b-netanyahu"))] == "initial"
    assert len(find_candidates(records, limit=1)) == 1
    assert find_candidates(records, min_score=0.99) == []
    judged = [("binyamin-netanyahu", "benjamin-netanyahu")]
    assert frozenset(judged[0]) not in pairs(records, distinct=judged)


# ---------------------------------------------------------------------- the decisions file
def test_decisions_in_yaml_and_jsonl(tmp_path: Path) -> None:
    y = tmp_path / "decisions.yaml"
    y.write_text(
        "- {action: merge, actor: b, into: a, names: [Binyamin Netanyahu],\n"
        "   by: ana, at: 2024-06-03}\n"
        "- action: distinct\n  actor: c\n  other: a\n"
    )
    j = tmp_path / "decisions.jsonl"
    j.write_text(
        '{"action": "merge", "actor": "b", "into": "a", "names": ["Binyamin Netanyahu"]}\n\n'
        '{"action": "distinct", "actor": "c", "other": "a"}\n'
    )
    for path in (y, j):
        judged = load_judgements(path)
        assert judged.merged == {"b": "a"} and judged.is_distinct("a", "c")
        assert judged.names == {"binyamin netanyahu": "b"}
    assert load_decisions(y)[0].at is not None
    assert load_decisions(tmp_path / "none.jsonl") == []


@pytest.mark.parametrize(
    ("text", "suffix", "where"),
    [
        ('{"action": "merge", "actor": "b"}\n', ".jsonl", "decisions.jsonl:1"),
        (
            '{"action": "merge", "actor": "b", "into": "a"}\n{"action": "fuse"}\n',
            ".jsonl",
            ":2: field 'action'",
        ),
        ('{"action": "merge", "actor": "b", "into": "a", "why": 1}\n', ".jsonl", "field 'why'"),
        ("{not json\n", ".jsonl", "decisions.jsonl:1: not JSON"),
        (
            "- action: merge\n  actor: b\n  into: a\n- action: unmerge\n  actor: x\n",
            ".yaml",
            ":4: field 'actor': x is not merged",
        ),
        ("- action: merge\n  actor: b\n  into: b\n", ".yaml", "decisions.yaml:1"),
    ],
)
def test_bad_decisions_name_the_file_line_and_field(
    tmp_path: Path, text: str, suffix: str, where: str
) -> None:
    path = tmp_path / f"decisions{suffix}"
    path.write_text(text)
    with pytest.raises(InputError) as err:
        load_judgements(path)
    assert where in str(err.value)


def test_merge_unmerge_distinct_fold_in_order() -> None:
    d = [
        Decision(action="merge", actor="b", into="a"),
        Decision(action="merge", actor="c", into="b"),
        Decision(action="distinct", actor="x", other="a"),
    ]
    j = Judgements.from_decisions(d)
    assert j.canonical("c") == "a" and j.canonical("a") == "a"
    j = Judgements.from_decisions([*d, Decision(action="unmerge", actor="b")])
    assert j.canonical("c") == "b" and j.canonical("b") == "b"
    with pytest.raises(InputError, match="makes a loop"):
        Judgements.from_decisions([*d, Decision(action="merge", actor="a", into="c")])
    with pytest.raises(InputError, match="are merged; unmerge first"):
        Judgements.from_decisions([*d, Decision(action="distinct", actor="c", other="a")])
    # a merge overrides an earlier "distinct" (the later judgement wins)
    j = Judgements.from_decisions([*d, Decision(action="merge", actor="x", into="a")])
    assert not j.is_distinct("x", "a") and j.canonical("x") == "a"


def test_append_decision_keeps_the_file_consistent(tmp_path: Path) -> None:
    for name in ("d.jsonl", "d.yaml"):
        path = tmp_path / name
        append_decision(path, Decision(action="merge", actor="b", into="a", names=["B"], by="ana"))
        append_decision(path, Decision(action="unmerge", actor="b", note="cousins"))
        before = path.read_text()
        with pytest.raises(InputError, match="not merged"):
            append_decision(path, Decision(action="unmerge", actor="b"))
        assert path.read_text() == before  # nothing written
        assert [d.action for d in load_decisions(path)] == ["merge", "unmerge"]
        assert load_judgements(path).merged == {}


# ---------------------------------------------------------------------- applying merges
EXTRACTED = [
    doc("d2"),
    actor(
        "binyamin-netanyahu",
        "Binyamin Netanyahu",
        aliases=["Bibi"],
        roles=[{"title": "Prime Minister", "of": "israel"}],
    ),
    actor("israel", "Israel", "state"),
    {
        "kind": "statement",
        "id": "d2/s1",
        "speaker": "Binyamin Netanyahu",
        "on_behalf_of": "israel",
        "text": "We will not stop.",
        "document": "d2",
        "date": "2024-06-01",
    },
    rel(
        "binyamin-netanyahu",
        "rejects",
        "permanent-ceasefire",
        "d2",
        "Binyamin Netanyahu rejected it.",
    ),
    rel("Bibi", "speaks_for", "benjamin-netanyahu", "d2", "Bibi, that is Netanyahu."),
]
MERGE = [
    Decision(
        action="merge",
        actor="binyamin-netanyahu",
        into="benjamin-netanyahu",
        names=["Binyamin Netanyahu"],
    )
]


def test_apply_rewrites_references_and_keeps_the_names() -> None:
    survivor = actor("benjamin-netanyahu", "Benjamin Netanyahu", aliases=["Netanyahu"])
    report = MergeReport()
    out = list(apply_decisions([survivor, *EXTRACTED], Judgements.from_decisions(MERGE), report))
    actors = {r["id"]: r for r in out if r["kind"] == "actor"}
    assert "binyamin-netanyahu" not in actors
    keep = actors["benjamin-netanyahu"]
    assert keep["aliases"] == ["Netanyahu", "Binyamin Netanyahu", "Bibi"]
    assert keep["roles"] == [{"title": "Prime Minister", "of": "israel"}]
    st = next(r for r in out if r["kind"] == "statement")
    assert st["speaker"] == "benjamin-netanyahu" and st["on_behalf_of"] == "israel"
    rels = [r for r in out if r["kind"] == "relation"]
    assert [(r["source"], r["target"]) for r in rels] == [
        ("benjamin-netanyahu", "permanent-ceasefire")
    ]
    assert report.actors_merged == 1 and report.loops_dropped == 1  # Bibi speaks_for himself
    # nothing else is touched
    assert (
        list(apply_decisions(EXAMPLE_RECORDS, Judgements.from_decisions(MERGE))) == EXAMPLE_RECORDS
    )


def test_a_merge_holds_when_extraction_brings_the_actor_back_under_another_id() -> None:
    again = [
        actor("binyamin-netanyahu-2", "Binyamin Netanyahu"),
        rel("binyamin-netanyahu-2", "demands", "hostage-release", "d3"),
    ]
    out = list(apply_decisions(again, Judgements.from_decisions(MERGE)))
    assert [r["kind"] for r in out] == ["relation"]  # the survivor is in the store already
    assert (out[0]["source"], out[0]["target"]) == ("benjamin-netanyahu", "hostage-release")


def test_merge_survives_re_ingest_into_the_store(example_store: GraphStore) -> None:
    from actorgraph.ingest.loader import Loader

    judged = Judgements.from_decisions(MERGE)
    loader = Loader(example_store)
    loader.load_records(list(apply_decisions(EXTRACTED, judged)), name="extracted")
    assert "binyamin-netanyahu" not in {
        a.id for a in example_store.list_nodes(ACTOR, limit=MAX_ROWS)
    }
    rejects = example_store.relations(
        types=["rejects"], source="benjamin-netanyahu", limit=MAX_ROWS
    )
    assert [r.target for r in rejects] == ["permanent-ceasefire"]
    assert [s.speaker for s in example_store.statements(document="d2", limit=10)[0]] == [
        "benjamin-netanyahu"
    ]
    version = example_store.version()
    loader.load_records(list(apply_decisions(EXTRACTED, judged)), name="extracted")
    assert example_store.version() == version  # re-ingesting the same input changes nothing


def test_names_of_actors_that_stay_are_never_redirected() -> None:
    # the merged agency's record carries the alias "Hamas"; Hamas itself stays Hamas
    records = [
        actor("hamas", "Hamas", "organization"),
        actor("hamas-media", "Hamas media office", "organization", aliases=["Hamas"]),
        actor("hamas-news-agency", "Hamas' news agency", "organization"),
        rel("Hamas", "rejects", "israel", "d1"),
        rel("Hamas media office", "speaks_for", "Hamas", "d1"),
    ]
    merge = [Decision(action="merge", actor="hamas-media", into="hamas-news-agency")]
    out = list(apply_decisions(records, Judgements.from_decisions(merge)))
    rels = [(r["source"], r["target"]) for r in out if r["kind"] == "relation"]
    assert rels == [("Hamas", "israel"), ("hamas-news-agency", "Hamas")]
    agency = next(r for r in out if r.get("id") == "hamas-news-agency")
    assert agency["aliases"] == ["Hamas media office"]  # "Hamas" names another actor
