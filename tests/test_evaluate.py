"""Scoring: the matching rules of score_gold and score_plover, on small hand-made records."""

from __future__ import annotations

from typing import Any

from actorgraph.ingest.evaluate import PRF, score_gold, score_plover, source_matches

GOLD: list[dict[str, Any]] = [
    {"kind": "actor", "id": "hamas", "name": "Hamas", "type": "organization"},
    {"kind": "actor", "id": "us", "name": "United States", "type": "state", "aliases": ["U.S."]},
    {"kind": "actor", "id": "qatar", "name": "Qatar", "type": "state"},
    {
        "kind": "actor",
        "id": "hamdan",
        "name": "Osama Hamdan",
        "type": "person",
        "aliases": ["Hamdan"],
    },
    {
        "kind": "actor",
        "id": "agency",
        "name": "Hamas news agency",
        "type": "organization",
        "optional": True,
    },
    {"kind": "topic", "id": "deal", "name": "the proposal", "keywords": ["proposal", "offer"]},
    {"kind": "topic", "id": "truce", "name": "a permanent truce", "keywords": ["permanent"]},
    {"kind": "statement", "speaker": "hamdan", "text": "Our position is negative.", "quote": True},
    {"kind": "statement", "speaker": "agency", "text": "not a rejection", "optional": True},
    {"kind": "relation", "type": "rejects", "source": "hamas", "target": "deal"},
    {"kind": "relation", "type": "demands", "source": "hamas", "target": "truce"},
    {"kind": "relation", "type": "mediates", "source": "qatar", "target": "us"},
    {
        "kind": "relation",
        "type": "speaks_for",
        "source": "agency",
        "target": "hamas",
        "optional": True,
    },
]


def test_prf_arithmetic_and_empty_cases() -> None:
    assert PRF.of(3, 1, 1) == PRF(0.75, 0.75, 0.75, 3, 1, 1)
    assert PRF.of(0, 0, 0).f1 == 1.0  # nothing expected, nothing found
    assert PRF.of(0, 2, 0).precision == 0.0
    assert PRF.of(0, 0, 2).recall == 0.0


def test_perfect_prediction_with_other_ids_and_aliases() -> None:
    pred = [
        {"kind": "actor", "id": "h", "name": "Hamas", "type": "organization"},
        {"kind": "actor", "id": "usa", "name": "USA", "type": "state", "aliases": ["U.S."]},
        {"kind": "actor", "id": "q", "name": "Qatar", "type": "state"},
        {"kind": "actor", "id": "oh", "name": "Osama Hamdan", "type": "person"},
        {"kind": "topic", "id": "t1", "name": "the latest offer"},
        {"kind": "topic", "id": "t2", "name": "permanent cease-fire"},
        {"kind": "statement", "speaker": "oh", "text": "“Our position is negative,”"},
        {"kind": "relation", "type": "rejects", "source": "h", "target": "t1"},
        {"kind": "relation", "type": "rejects", "source": "Hamas", "target": "t1"},  # same fact
        {"kind": "relation", "type": "demands", "source": "h", "target": "t2"},
        {"kind": "relation", "type": "mediates", "source": "q", "target": "U.S."},
    ]
    scores = score_gold(pred, GOLD)
    for cat in ("actors", "topics", "statements", "rejects", "demands", "mediates"):
        assert scores[cat].f1 == 1.0, (cat, scores[cat])
    assert "speaks_for" not in scores  # optional gold only, nothing predicted


def test_optional_items_neither_count_nor_punish() -> None:
    pred = [
        {"kind": "actor", "id": "h", "name": "Hamas", "type": "organization"},
        {
            "kind": "actor",
            "id": "a",
            "name": "Hamas' news agency",
            "type": "organization",
            "aliases": ["Hamas news agency"],
        },
        {"kind": "actor", "id": "x", "name": "Lebanon", "type": "state"},
        {"kind": "statement", "speaker": "a", "text": "his comments were not a complete rejection"},
        {"kind": "relation", "type": "speaks_for", "source": "a", "target": "h"},
    ]
    s = score_gold(pred, GOLD)
    assert (s["actors"].tp, s["actors"].fp, s["actors"].fn) == (1, 1, 3)  # Lebanon is the FP
    assert (s["statements"].tp, s["statements"].fp, s["statements"].fn) == (0, 0, 1)
    assert (s["speaks_for"].fp, s["speaks_for"].fn) == (0, 0)


def test_statement_needs_the_right_speaker_and_overlapping_text() -> None:
    base = [
        {"kind": "actor", "id": "oh", "name": "Hamdan", "type": "person"},
        {"kind": "actor", "id": "h", "name": "Hamas", "type": "organization"},
    ]
    wrong_speaker = [
        *base,
        {"kind": "statement", "speaker": "h", "text": "Our position is negative."},
    ]
    wrong_text = [*base, {"kind": "statement", "speaker": "oh", "text": "We will go to Cairo."}]
    assert score_gold(wrong_speaker, GOLD)["statements"].tp == 0
    assert score_gold(wrong_text, GOLD)["statements"].tp == 0


def test_topic_target_must_share_a_keyword_and_types_must_agree() -> None:
    pred = [
        {"kind": "actor", "id": "h", "name": "Hamas", "type": "organization"},
        {"kind": "topic", "id": "t", "name": "prisoner exchange"},
        {"kind": "topic", "id": "p", "name": "proposal"},
        {"kind": "relation", "type": "rejects", "source": "h", "target": "t"},
        {"kind": "relation", "type": "demands", "source": "h", "target": "p"},
    ]
    s = score_gold(pred, GOLD)
    assert (s["rejects"].tp, s["rejects"].fp) == (0, 1)
    assert (s["demands"].tp, s["demands"].fp) == (0, 1)


def test_one_to_one_matching_of_topics() -> None:
    gold = [
        {"kind": "topic", "id": "a", "name": "A", "keywords": ["ceasefire", "proposal"]},
        {"kind": "topic", "id": "b", "name": "B", "keywords": ["ceasefire"]},
    ]
    pred = [{"kind": "topic", "name": "ceasefire proposal"}, {"kind": "topic", "name": "ceasefire"}]
    assert score_gold(pred, gold)["topics"].f1 == 1.0  # greedy would pair the first with B


def test_source_matches_names_against_actor_text() -> None:
    assert source_matches({"Argentina", "Argentine judge"}, ["Argentine judge"])
    assert source_matches({"United States", "Washington"}, ["Washington"])
    assert source_matches({"Red Cross"}, ["Red Cross operating in Iraq"])
    assert not source_matches({"Germany"}, ["Berlin"])


class FakeExtractor:
    """Returns what the test says for each sentence."""

    def __init__(self, answers: dict[str, list[tuple[str, str]]]) -> None:
        self.answers = answers

    def extract_text(self, text: str, doc_id: str = "t") -> list[dict[str, Any]]:
        return [
            {"kind": "relation", "type": t, "source": s, "target": "x"}
            for t, s in self.answers.get(text, [])
        ]

    def actor_names(self, actor_id: str) -> set[str]:
        return {actor_id}


def test_score_plover_counts_per_sentence() -> None:
    recs = [
        {"text": "a", "event": "DEMAND", "source": [{"actorText": "Greece"}]},
        {"text": "b", "event": "DEMAND", "source": [{"actorText": "PRC"}]},
        {"text": "c", "event": "REJECT", "source": [{"actorText": "Serbia"}]},
        {"text": "d", "event": "AGREE", "source": [{"actorText": "Libya"}]},
        {"text": "e", "event": "THREATEN"},
    ]
    ex = FakeExtractor(
        {
            "a": [("demands", "Greece"), ("demands", "Greece")],
            "b": [("demands", "Taiwan")],  # wrong source: FP and FN
            "c": [("rejects", "Serbia")],
            "d": [("demands", "Libya")],  # another event: FP
        }
    )
    s = score_plover(ex, recs)
    assert (s["demands"].tp, s["demands"].fp, s["demands"].fn) == (1, 2, 1)
    assert (s["rejects"].tp, s["rejects"].fp, s["rejects"].fn) == (1, 0, 0)


# ---------------------------------------------------------------------- speech attribution
ANN = (
    "T1\tSource 0 5\tMaria\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 11 36\tthe talks would go on now\n"
    "T4\tAttribution 6 10\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tSource 38 40\tHe\n"
    "T6\tCue 41 46\tadded\n"
    "T7\tContent 47 58;59 69\tthat it was late today\n"
    "E2\tAttribution:T6 Content:T7 Cue:T6 Source:T5\n"
)
TEXT = "Maria said the talks would go on now. He added that it was late today."


def test_brat_attributions_with_discontinuous_content() -> None:
    from actorgraph.ingest.evaluate import read_brat_attributions

    a, b = read_brat_attributions(ANN)
    assert a.source == ((0, 5),) and a.content == ((11, 36),)
    assert b.content == ((47, 58), (59, 69))


def test_attribution_scores_words_matches_and_speakers() -> None:
    from actorgraph.ingest.evaluate import read_brat_attributions, score_attributions

    gold = read_brat_attributions(ANN)
    pred = [
        {
            "kind": "statement",
            "speaker": "m",
            "text": "the talks would go on",
            "start": 0,
            "end": 37,
        },
        {"kind": "statement", "speaker": "x", "text": "it was late today", "start": 38, "end": 70},
        {"kind": "statement", "speaker": "m", "text": "nothing of the kind", "start": 0, "end": 37},
    ]
    names = {"m": {"Maria Vale", "Maria"}, "x": {"Someone Else"}}
    s = score_attributions([(TEXT, gold, pred, lambda a: names.get(a, set()))])
    assert (s["attributions"].tp, s["attributions"].fp, s["attributions"].fn) == (2, 1, 0)
    # 5 of the 6 words of the first content, 4 of the 5 of the second; "nothing of the kind"
    # lies nowhere in its sentence but "the", which is a word of the first content
    assert (s["content_words"].tp, s["content_words"].fn) == (9, 2)
    # "He" is checked against the nearest named source before it (Maria): x is wrong
    assert (s["speaker"].tp, s["speaker"].fp) == (1, 1)


def _doc(doc: str, *relations: tuple[str, str, str]) -> list[dict[str, Any]]:
    """A document record, its two actors and its relations (type, source, target)."""
    return [
        {"kind": "document", "id": doc},
        {"kind": "actor", "id": "qatar", "name": "Qatar", "type": "state"},
        {"kind": "actor", "id": "hamas", "name": "Hamas", "type": "organization"},
        *({"kind": "relation", "type": t, "source": s, "target": o} for t, s, o in relations),
    ]


def test_documents_are_scored_each_against_their_own_gold() -> None:
    gold = _doc("a", ("mediates", "qatar", "hamas")) + _doc("b", ("mediates", "qatar", "hamas"))
    both = _doc("a", ("mediates", "qatar", "hamas")) + _doc("b", ("mediates", "qatar", "hamas"))
    s = score_gold(both, gold)
    # the same relation found in two articles is two findings, each matching its article's
    assert (s["mediates"].tp, s["mediates"].fp, s["mediates"].fn) == (2, 0, 0)
    assert (s["actors"].tp, s["actors"].fn) == (4, 0)
    # found in the article whose gold does not hold it: false there, missed in the other
    gold = _doc("a", ("mediates", "qatar", "hamas")) + _doc("b")
    wrong = _doc("a") + _doc("b", ("mediates", "qatar", "hamas"))
    s = score_gold(wrong, gold)
    assert (s["mediates"].tp, s["mediates"].fp, s["mediates"].fn) == (0, 1, 1)


def test_a_document_on_one_side_only_counts_as_false_or_missed() -> None:
    gold = _doc("a", ("mediates", "qatar", "hamas"))
    pred = _doc("other-name", ("mediates", "qatar", "hamas"))
    s = score_gold(pred, gold)["mediates"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)


def test_records_outside_any_document_are_scored_together() -> None:
    gold = _doc("a", ("mediates", "qatar", "hamas"))
    pred = _doc("other-name", ("mediates", "qatar", "hamas"))[1:]  # no document record
    assert score_gold(pred, gold)["mediates"].tp == 1


def test_failures_name_the_category_the_error_and_the_document() -> None:
    gold = _doc("a", ("mediates", "qatar", "hamas"), ("rejects", "hamas", "qatar")) + _doc("b")
    pred = _doc("a", ("mediates", "qatar", "hamas")) + _doc("b", ("demands", "hamas", "qatar"))
    failures: list[dict[str, Any]] = []
    score_gold(pred, gold, failures)
    seen = {(f["category"], f["error"], f["document"], f["record"]["type"]) for f in failures}
    assert seen == {("rejects", "missed", "a", "rejects"), ("demands", "false", "b", "demands")}
