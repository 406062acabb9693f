"""The fallback hook: flagged sentences the rules left empty go to the family's fallback."""

from __future__ import annotations

import gc
import importlib
import weakref
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import pytest
from actorgraph.ingest.extract import ORIGIN, Extractor, fallback_speaks_for, fallbacks
from actorgraph.ingest.extract.lexicon import Lexicon
from actorgraph.ingest.settings import ExtractionSettings

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.parties import Parties
    from spacy.tokens import Span

TEXT = (
    "Hamas rejected the proposal on Monday. "
    "The weather in Doha was mild that week. "
    "Egypt hopes the group will soften its line."
)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """The rules alone (no detector): each test sets the flagger it means."""
    return Extractor(n_process=1, settings=ExtractionSettings(fallbacks=False))


@pytest.fixture
def seen() -> Iterator[list[tuple[str, str]]]:
    calls: list[tuple[str, str]] = []

    def read(ctx: DocContext, parties: Parties, sent: Span, k: int) -> None:
        calls.append(("rejects", sent.text))
        ctx.out.relation("rejects", "egypt", "hamas", k, 0.3)

    with fallbacks.readings({("loose", "rejects"): read}):
        yield calls


def _flag_all(ctx: DocContext) -> Mapping[int, frozenset[str]]:
    return {k: frozenset({"rejects"}) for k in range(len(ctx.sents))}


def test_only_sentences_the_rules_left_empty_are_read(
    extractor: Extractor, seen: list[tuple[str, str]]
) -> None:
    extractor.flagger = _flag_all
    try:
        records = list(extractor.extract_text(TEXT))
    finally:
        extractor.flagger = None
    texts = [t for _, t in seen]
    assert not any(t.startswith("Hamas rejected") for t in texts)  # the rules read it
    assert any(t.startswith("Egypt hopes") for t in texts)
    fb = [r for r in records if r.get("kind") == "relation" and r["source"] == "egypt"]
    assert fb and {r["origin"] for r in fb} == {fallbacks.fallback_origin(ORIGIN)}
    rules = [r for r in records if r.get("kind") == "relation" and r["source"] == "hamas"]
    assert rules and all(r["origin"] == ORIGIN for r in rules)


def test_no_flagger_reads_nothing(extractor: Extractor, seen: list[tuple[str, str]]) -> None:
    list(extractor.extract_text(TEXT))
    assert seen == []


def test_unknown_family_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown relation family"):
        fallbacks.register("threatens")


def test_fallback_origin() -> None:
    assert fallbacks.fallback_origin("extractor:actorgraph-rules@0.1.0") == (
        "extractor:actorgraph-fallback@0.1.0"
    )


def test_a_fallback_that_raises_loses_only_its_sentence(
    extractor: Extractor, seen: list[tuple[str, str]], caplog: pytest.LogCaptureFixture
) -> None:
    demanded: list[str] = []

    def broken(ctx: DocContext, parties: Parties, sent: Span, k: int) -> None:
        if sent.text.startswith("The weather"):
            raise RuntimeError("a broken reading")
        demanded.append(sent.text)

    def flag(ctx: DocContext) -> Mapping[int, frozenset[str]]:
        return {k: frozenset({"rejects", "demands"}) for k in range(len(ctx.sents))}

    fallbacks.register("demands")(broken)
    extractor.flagger = flag
    try:
        with caplog.at_level("ERROR", logger=fallbacks.__name__):
            records = list(extractor.extract_text(TEXT, doc_id="doc-7"))
    finally:
        extractor.flagger = None
    assert any(t.startswith("Egypt hopes") for t in demanded)  # the sentences after it
    assert any(t.startswith("The weather") for _, t in seen)  # other families, same sentence
    assert any(r.get("kind") == "relation" and r["source"] == "hamas" for r in records)
    failed = [r for r in caplog.records if r.exc_info]
    assert len(failed) == 1
    assert "'demands'" in failed[0].getMessage() and "'doc-7'" in failed[0].getMessage()


def test_a_learned_stage_reads_only_what_the_loose_stage_left_empty(
    extractor: Extractor, seen: list[tuple[str, str]]
) -> None:
    learned: list[str] = []

    def reader(ctx: DocContext, parties: Parties, sent: Span, k: int) -> None:
        learned.append(sent.text)

    fallbacks.register("rejects", stage="learned")(reader)
    extractor.flagger = _flag_all
    try:
        list(extractor.extract_text(TEXT))
    finally:
        extractor.flagger = None
    # the loose stage (``seen``) gives every sentence it reads a rejection: nothing is left
    # for the learned stage but what the loose stage never read, and the rules' sentence
    assert [t for _, t in seen] and not learned
    extractor.flagger = _flag_all
    try:
        with fallbacks.readings({("loose", "rejects"): None}):
            list(extractor.extract_text(TEXT))
    finally:
        extractor.flagger = None
    assert any(t.startswith("Egypt hopes") for t in learned)
    assert not any(t.startswith("Hamas rejected") for t in learned)  # the rules read it


def test_unknown_stage_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown fallback stage"):
        fallbacks.register("rejects", stage="guess")


def test_per_lexicon_builds_once_a_lexicon_and_keeps_none_alive() -> None:
    built: list[int] = []

    @fallbacks.per_lexicon
    def words(lex: Lexicon) -> frozenset[str]:
        built.append(id(lex))
        return frozenset(lex.role_titles)

    first, second = Lexicon.load(), Lexicon.load()
    assert words(first) is words(first)
    assert words(second) == words(first) and len(built) == 2  # one build each
    gone = weakref.ref(first)
    del first
    gc.collect()
    assert gone() is None  # the cache holds no lexicon
    assert words(second) is words(second) and len(built) == 2


@pytest.mark.parametrize("family", ["demands", "rejects", "mediates"])
def test_each_fallbacks_cues_are_joined_once_a_lexicon(family: str) -> None:
    """The cue file is read and joined with the lexicon's words once, not per sentence."""
    module = importlib.import_module(f"actorgraph.ingest.extract.fallback_{family}")
    lex = Lexicon.load()
    assert module.cues_for(lex) is module.cues_for(lex)


def test_speaks_for_role_heads_are_built_once_a_lexicon() -> None:
    lex = Lexicon.load()
    heads = fallback_speaks_for.role_heads(lex)
    assert heads is fallback_speaks_for.role_heads(lex) and "spokesman" in heads


def test_readings_swaps_and_restores_every_registration() -> None:
    before = fallbacks.registered()

    def reading(ctx: DocContext, parties: Parties, sent: Span, k: int) -> None:
        """A stand-in."""

    with fallbacks.readings({("learned", "demands"): reading, ("loose", "rejects"): None}):
        inside = fallbacks.registered()
        fallbacks.register("mediates", stage="learned")(reading)
    assert inside[("learned", "demands")] is reading
    assert ("loose", "rejects") not in inside
    assert fallbacks.registered() == before
