"""Second chances for sentences the rules read nothing from.

The rules are precise but miss phrasings nobody wrote a rule for. A *flagger* (the learned
sentence detector, :mod:`.detector`, once it exists; an oracle in ``bench/``) says which
sentences express which relation family. For each flagged sentence in which the rules found no
relation of that family, the family's *fallback* reads it with looser patterns (who holds the
stance, what it is about, who mediates between whom). Fallback relations carry
:data:`FALLBACK_ORIGIN` and a lower confidence, so a user can tell them apart and filter them.

Each family's fallback lives in ``fallback_<family>.py`` beside this module and registers itself
with :func:`register` when imported; :func:`run_fallbacks` (called once a document, after the
rules) imports the ones that exist.

Readings come in *stages* (:data:`STAGES`): the hand-written loose reading first, then a learned
reader (``reader_<family>.py``, registered with ``stage="learned"``). A later stage reads a
flagged sentence only when every earlier stage (and the rules) left it without a relation of
the family.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import logging
import weakref
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.lexicon import Lexicon
    from actorgraph.ingest.extract.parties import Parties
    from spacy.tokens import Span

#: the families a flagger may flag and a fallback may read
FAMILIES = ("speaks_for", "demands", "rejects", "mediates")
#: the stages of second readings, in the order they run; a module per stage and family
STAGES = ("loose", "learned")
_MODULE_PREFIX = {"loose": "fallback", "learned": "reader"}
#: how relations a fallback found are marked (the rules' origin with another extractor name)
FALLBACK_EXTRACTOR = "actorgraph-fallback"

#: reads one flagged sentence (index ``k`` in ``ctx.sents``) and records what it finds
Fallback = Callable[["DocContext", "Parties", "Span", int], None]
#: sentence index -> the families it expresses, for one document
Flagger = Callable[["DocContext"], Mapping[int, frozenset[str]]]

log = logging.getLogger(__name__)

T = TypeVar("T")

#: (stage, family) -> its reading
_FALLBACKS: dict[tuple[str, str], Fallback] = {}
_loaded = False


def _load_families() -> None:
    """Import ``fallback_<family>`` and ``reader_<family>`` for each family whose module
    exists (once)."""
    global _loaded
    if _loaded:
        return
    _loaded = True
    for stage in STAGES:
        for family in FAMILIES:
            name = f"{__package__}.{_MODULE_PREFIX[stage]}_{family}"
            if importlib.util.find_spec(name) is not None:
                importlib.import_module(name)


def register(family: str, stage: str = "loose") -> Callable[[Fallback], Fallback]:
    """Decorator: ``fn`` is ``family``'s reading at ``stage`` (one per stage and family)."""
    if family not in FAMILIES:
        raise ValueError(f"unknown relation family {family!r}; expected one of {FAMILIES}")
    if stage not in STAGES:
        raise ValueError(f"unknown fallback stage {stage!r}; expected one of {STAGES}")

    def deco(fn: Fallback) -> Fallback:
        _FALLBACKS[(stage, family)] = fn
        return fn

    return deco


def per_lexicon(build: Callable[[Lexicon], T]) -> Callable[[Lexicon], T]:
    """Decorator: ``build(lexicon)`` (a fallback's cues: its cue file read and joined with the
    lexicon's word classes) runs once per lexicon, not once per flagged sentence.

    The lexicon, a frozen dataclass of sets, is not hashed: what was built is kept by the
    lexicon's identity and dropped when the lexicon goes (a finalizer, not a reference, so the
    cache keeps no lexicon alive)."""
    built: dict[int, T] = {}

    @functools.wraps(build)
    def cached(lex: Lexicon) -> T:
        key = id(lex)
        if key not in built:
            built[key] = build(lex)
            weakref.finalize(lex, built.pop, key, None)
        return built[key]

    return cached


def registered() -> dict[tuple[str, str], Fallback]:
    """The registered readings by (stage, family) (a copy)."""
    _load_families()
    return dict(_FALLBACKS)


@contextmanager
def readings(changes: Mapping[tuple[str, str], Fallback | None]) -> Iterator[None]:
    """Within the block, the registered readings with ``changes`` applied ((stage, family) ->
    the reading to use there, or ``None``: no reading at that stage); on leaving, every
    registration is what it was before, including any made inside the block. For training
    scripts, benches and tests that run the pipeline with a stage swapped or left out."""
    _load_families()
    saved = dict(_FALLBACKS)
    try:
        for (stage, family), fn in changes.items():
            if fn is None:
                _FALLBACKS.pop((stage, family), None)
            else:
                register(family, stage)(fn)
        yield
    finally:
        _FALLBACKS.clear()
        _FALLBACKS.update(saved)


def fallback_origin(rules_origin: str) -> str:
    """``extractor:actorgraph-rules@V`` -> ``extractor:actorgraph-fallback@V``."""
    name, _, version = rules_origin.partition("@")
    prefix = name.rsplit(":", 1)[0]
    return f"{prefix}:{FALLBACK_EXTRACTOR}@{version}" if version else rules_origin


def _families_found(ctx: DocContext) -> dict[int, set[str]]:
    """Sentence index -> the relation families the rules already recorded there."""
    found: dict[int, set[str]] = {}
    starts = {ctx.sent_span(k)[1]: k for k in range(len(ctx.sents))}
    for rec in ctx.out.relations:
        k = starts.get(rec["start"])
        if k is not None:
            found.setdefault(k, set()).add(rec["type"])
    for sf in ctx.speaks.values():  # speaks_for is recorded when the speakers emit
        found.setdefault(sf.sent, set()).add("speaks_for")
    return found


def run_fallbacks(
    ctx: DocContext,
    parties: Parties,
    flagger: Flagger | None,
    families: frozenset[str] | None = None,
) -> int:
    """Give each flagged sentence whose family the rules left empty to that family's
    fallback (only ``families`` when given), stage by stage: a sentence a stage gave a relation
    of the family is not read again by the next. Returns how many (sentence, family, stage)
    readings ran. A reading that raises loses that sentence's reading of that family at that
    stage only: the exception is logged with the document, family and stage, and the other
    readings go on."""
    if flagger is None:
        return 0
    _load_families()
    if not _FALLBACKS:
        return 0
    flags = flagger(ctx)
    if not flags:
        return 0
    read = 0
    origin = ctx.out.origin
    ctx.out.origin = fallback_origin(origin)
    try:
        for stage in STAGES:
            found = _families_found(ctx)  # the rules' and every earlier stage's
            for k in sorted(flags):
                for family in sorted(flags[k]):
                    fn = _FALLBACKS.get((stage, family))
                    if fn is None or (families is not None and family not in families):
                        continue
                    if family in found.get(k, ()):
                        continue
                    try:
                        fn(ctx, parties, ctx.sents[k], k)
                    except Exception:  # one loose reading must not cost the document its records
                        log.exception(
                            "fallback %r (%s) failed on sentence %d of document %r",
                            family,
                            stage,
                            k,
                            ctx.doc_id,
                        )
                        continue
                    read += 1
    finally:
        ctx.out.origin = origin
    return read
