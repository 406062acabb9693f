"""Rule-based extraction of actors, statements and relations from news articles.

>>> ex = Extractor()                                     # doctest: +SKIP
>>> for record in ex.extract(read_articles(["a.txt"])):  # doctest: +SKIP
...     print(record["kind"])

Records come per document, in the order document, actors, topics, statements, relations, in
the exchange format (``docs/exchange-format.md``). See ``docs/extraction.md`` for the rules.
"""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import lru_cache
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from actorgraph.cores import available_cores
from actorgraph.graph.errors import ActorgraphError, InputError
from actorgraph.ingest.extract import (
    _blas,  # noqa: F401  (before numpy comes in)
    reader_mediates,
    reader_speaks_for,
)
from actorgraph.ingest.extract.analysis import analyze
from actorgraph.ingest.extract.apostrophes import ApostropheTokenizer
from actorgraph.ingest.extract.boilerplate import DATELINE
from actorgraph.ingest.extract.common_words import remember as remember_common_words
from actorgraph.ingest.extract.detector import DetectorFlagger
from actorgraph.ingest.extract.dictionary import BUNDLED, ActorDictionary, Entry
from actorgraph.ingest.extract.fallbacks import Flagger
from actorgraph.ingest.extract.layout import breaks_paragraph, hard_wrapped
from actorgraph.ingest.extract.lemmas import LEMMAS
from actorgraph.ingest.extract.lexicon import DEFAULT_LEXICON, Lexicon
from actorgraph.ingest.extract.mentions import Matchers
from actorgraph.ingest.extract.parallel import extract_parallel
from actorgraph.ingest.extract.titles import TITLE_ABBREVIATIONS
from actorgraph.ingest.extract.tokens import doc_text
from actorgraph.ingest.extract.tokens import release as release_tokens
from actorgraph.ingest.settings import ExtractionSettings
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

if TYPE_CHECKING:  # ingest.articles imports ingest.extract.normalize: import it lazily
    from actorgraph.ingest.articles import Article

__all__ = ["ORIGIN", "RULES_VERSION", "Extractor", "extract_files"]

RULES_VERSION = "0.1.0"
ORIGIN = f"extractor:actorgraph-rules@{RULES_VERSION}"
PARAGRAPHS = "actorgraph_paragraphs"


@Language.component(PARAGRAPHS)
def _paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph break ends a sentence (headlines, list items), before the parser runs: a
    blank line always, a line that ends a sentence, and a single line break that
    :func:`layout.breaks_paragraph` says ends one."""
    text = doc.text
    wrapped = hard_wrapped(text)
    for m in DATELINE.finditer(text):  # "CAIRO (Reuters) - " is no part of the sentence
        k = _SPACE.match(text, m.end()).end()  # type: ignore[union-attr]
        span = doc.char_span(k, k + 1, alignment_mode="expand")  # after "(X / 1 May) "
        if span is not None and len(span) and span.start > 0:
            span[0].is_sent_start = True
    for t in doc[1:]:
        prev = doc[t.i - 1]
        gap = prev.text if prev.is_space else prev.whitespace_
        if "\n" not in gap:
            continue
        last = doc[t.i - 2] if prev.is_space and t.i > 1 else prev
        if gap.count("\n") >= 2 or last.text[-1:] in '.?!:"”’':
            t.is_sent_start = True
            continue
        at = prev.idx + (0 if prev.is_space else len(prev.text)) + gap.index("\n")
        if breaks_paragraph(text, at, wrapped):
            t.is_sent_start = True
    for t in doc[:-1]:
        nxt = doc[t.i + 1]
        if t.is_sent_start and t.is_alpha and nxt.is_alpha and nxt.is_sent_start is None:
            # the parser otherwise may cut a paragraph's first word off as a sentence of its
            # own ("Thailand | and Cambodia have agreed", "US | President X said")
            nxt.is_sent_start = False
    return doc


class ModelError(ActorgraphError):
    code = "model_unavailable"


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """The spaCy pipeline (loaded once per process), with the paragraph splitter added."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model '{name}' is not installed (set ACTORGRAPH_SPACY_MODEL to an installed "
            f"package or path): {str(exc).splitlines()[0]}"
        ) from None
    if PARAGRAPHS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if LEMMAS not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(LEMMAS, after="lemmatizer")  # "hopes" is "hope", not "hop"
    tokenizer: Any = nlp.tokenizer
    for abbr in TITLE_ABBREVIATIONS:  # "Lt. Col. X": titles of the name, not sentence ends
        for form in (abbr, abbr.upper(), abbr.lower()):
            tokenizer.add_special_case(form, [{ORTH: form}])
    # "U.S.-brokered", "U.N.-backed": the hyphen after an abbreviation's period splits as it
    # does after a letter ("Qatar-brokered"), so the participle and the name are words
    from spacy.util import compile_infix_regex

    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[A-Z]\.)-(?=[a-z])"]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if not isinstance(tokenizer, ApostropheTokenizer):  # "Mexico´s": a possessive, as "Mexico's"
        nlp.tokenizer = ApostropheTokenizer(tokenizer)
    remember_common_words(nlp)
    return nlp


class Extractor:
    """Turns articles into exchange-format records.

    ``dictionary`` is a YAML actor dictionary used on top of the bundled one (and of the one
    named by the ``ACTORGRAPH_ACTOR_DICTIONARY`` setting); ``known_actors`` are actor records
    (e.g. from the store) that extend it. Actors found in one document keep their id in the
    next ones and in a re-run.
    """

    def __init__(
        self,
        model: str | None = None,
        dictionary: str | Path | None = None,
        known_actors: Iterable[dict[str, Any]] = (),
        batch_size: int = 32,
        n_process: int | None = None,
        lexicon: str | Path | None = None,
        settings: ExtractionSettings | None = None,
    ) -> None:
        settings = settings or ExtractionSettings()
        self.settings = settings
        self.model = model or settings.spacy_model
        self.nlp = load_model(self.model)
        self.batch_size = max(1, int(batch_size))
        #: worker processes for ``extract`` (default: every core this process may use)
        self.n_process = max(1, int(n_process)) if n_process else available_cores()
        self._lexicon_path = str(lexicon or DEFAULT_LEXICON)
        self.lexicon = Lexicon.load(self._lexicon_path)
        paths: list[str | Path] = []
        if dictionary:
            paths.append(dictionary)
        if settings.actor_dictionary:
            paths.append(settings.actor_dictionary)
        paths.extend(BUNDLED)
        self._dictionary_path = str(dictionary) if dictionary else None
        self._known = list(known_actors)
        self.dictionary = ActorDictionary.load(paths, self._known)
        self.matchers = Matchers(self.nlp, self.dictionary, self.lexicon)
        lex = self.lexicon
        bodies = lex.organs | lex.government_nouns | lex.state_organs | lex.institutions
        #: words for an actor's bodies, which a form of its name may hold ("Sudanese government")
        self._organ_words = frozenset(w for phrase in bodies for w in phrase.split())
        #: words for a person, which head a description of one, not a name of a body ("the
        #: Myanmar junta leader" is no name of Myanmar)
        self._person_words = lex.role_titles | lex.anonymous
        #: surface forms of each actor in the last document (for evaluation and debugging)
        self.last_surfaces: dict[str, set[str]] = {}
        #: which sentences express which relation family, for :mod:`.fallbacks`: the learned
        #: detector unless the ``fallbacks`` setting is off (none: the rules alone)
        self.flagger: Flagger | None = DetectorFlagger() if settings.fallbacks else None
        if settings.fallbacks:  # the learned readers' models, checked now (and named if unfit)
            reader_mediates.use_model(settings.mediates_reader_model)
            reader_speaks_for.use_model(settings.speaks_for_reader_model)

    def worker_config(self) -> dict[str, Any]:
        """What a spawned worker needs to build the same extractor."""
        return {
            "model": self.model,
            "dictionary": self._dictionary_path,
            "known_actors": self._known,
            "batch_size": self.batch_size,
            "lexicon": self._lexicon_path,
            "settings": self.settings,
        }

    # ------------------------------------------------------------------ public
    def extract(
        self, articles: Iterable[Article], progress: bool = False
    ) -> Iterator[dict[str, Any]]:
        """Records for each article, streamed: memory stays flat however many there are.

        With ``n_process`` > 1 and more articles than one chunk per worker, worker processes
        extract chunks of articles (:mod:`.parallel`); fewer articles are extracted here.
        """
        per_article = self._per_article(iter(articles), count=progress)
        if not progress:
            for records, _ in per_article:
                yield from records
            return
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        console = Console(stderr=True)
        columns = (
            SpinnerColumn(),
            TextColumn("[bold]extract"),
            TextColumn("{task.fields[docs]:,} documents"),
            TextColumn("{task.fields[words]:,} words"),
            TextColumn("{task.fields[rate]:,.0f} words/s"),
            TimeElapsedColumn(),
        )
        first = next(per_article, None)  # workers start before the progress bar's thread
        if first is None:
            return
        with Progress(*columns, console=console, transient=False) as bar:
            task = bar.add_task("extract", total=None, docs=0, words=0, rate=0.0)
            t0, words = time.perf_counter(), 0
            for n, (records, n_words) in enumerate(chain([first], per_article), 1):
                words += n_words
                rate = words / max(time.perf_counter() - t0, 1e-6)
                bar.update(task, docs=n, words=words, rate=rate)
                yield from records

    def _per_article(
        self, articles: Iterator[Article], count: bool = False
    ) -> Iterator[tuple[list[dict[str, Any]], int]]:
        """(records, words) for each article, in input order, in workers or here (words are
        counted only with ``count``, for the progress bar)."""
        head: list[Article] = []
        if self.n_process > 1:
            head = list(islice(articles, self.n_process * self.batch_size + 1))
        if len(head) > self.n_process * self.batch_size:
            stream = chain(head, articles)
            counts: deque[int] = deque()

            def counted() -> Iterator[Article]:
                for a in stream:
                    counts.append(len(a.text.split()) if count else 0)
                    yield a

            for records in extract_parallel(self, counted(), self.n_process):
                yield records, counts.popleft()
            return
        pairs = ((a.text, a) for a in chain(head, articles))
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            words = sum(1 for t in doc if not (t.is_space or t.is_punct)) if count else 0
            yield list(self.records(doc, article)), words

    def extract_text(
        self,
        text: str,
        doc_id: str = "text",
        title: str | None = None,
        published: str | date | None = None,
    ) -> list[dict[str, Any]]:
        """Records for one text (a convenience for tests and the API)."""
        from actorgraph.ingest.articles import Article

        if isinstance(published, date):
            published = published.isoformat()
        first = next((line.strip() for line in text.splitlines() if line.strip()), doc_id)
        article = Article(
            id=doc_id,
            title=title or first[:200],
            text=text,
            url=None,
            published=published,
            file=None,
        )
        return list(self.records(self.nlp(text), article))

    def actor_names(self, actor_id: str) -> set[str]:
        """Every way an actor is named: dictionary names, demonyms, and its mentions in the last
        document."""
        return self.dictionary.names_of(actor_id) | self.last_surfaces.get(actor_id, set())

    # ------------------------------------------------------------------ per document
    def records(self, doc: Doc, article: Article) -> Iterator[dict[str, Any]]:
        """The records of one parsed article (its new actors are its own: see
        :class:`ActorDictionary`)."""
        published = date.fromisoformat(article.published) if article.published else None
        self.dictionary.begin_document()
        try:
            # read from the rules' kept text: after the release, ``doc.text`` joins new tokens
            governed = bool(_GOVERNMENT.search(doc_text(doc)))
            result = analyze(
                doc,
                article.id,
                published,
                self.dictionary,
                self.lexicon,
                self.matchers,
                ORIGIN,
                outlet=article.outlet,
                unnamed_sources=self.settings.unnamed_sources,
                every_mention=self.settings.every_mention,
                flagger=self.flagger,
            )
        finally:
            release_tokens(doc)  # the rules' token list and the Doc refer to each other
        self.last_surfaces = result.surfaces
        yield article.document_record()
        emitted = set(result.actors)
        shared = _shared_surfaces(result.surfaces, emitted)
        for aid in result.actors:
            surfaces = result.surfaces.get(aid, set()) - shared
            yield self._actor_record(aid, emitted, surfaces, governed=governed)
        for topic in result.topics:
            yield topic.record()
        yield from result.statements
        yield from result.relations

    def _actor_record(
        self, aid: str, emitted: set[str], surfaces: set[str], *, governed: bool = False
    ) -> dict[str, Any]:
        """An actor's record; with ``governed`` (the document speaks of a government), a
        state's aliases hold the names of its government too ("Mozambican government",
        "government of Mozambique": the seed's convention, a government is its state)."""
        e = self.dictionary.entries[aid]
        rec: dict[str, Any] = {"kind": "actor", "id": e.id, "name": e.name, "type": e.type}
        if e.origin == "new":  # how this document names it
            aliases = [x for x in sorted(surfaces) if x != e.name][:20]
        else:  # the dictionary's names, then the document's own ("Democratic Republic of Congo")
            organs = self._organ_words
            own = [
                x
                for x in sorted(surfaces)
                if _alias_form(x, organs)
                and not self.dictionary.lookup_demonym(x)
                and x.split()[-1].lower() not in self._person_words
            ]
            ruling = _government_names(e) if governed and e.type == "state" else []
            aliases = [
                x for x in dict.fromkeys([*e.aliases, *e.metonyms, *own, *ruling]) if x != e.name
            ]
        rec["aliases"] = aliases[:40]
        if e.description:
            rec["description"] = e.description
        roles = [r.to_record() for r in e.roles if r.of in emitted]
        if roles:
            rec["roles"] = roles
        return rec


#: the white space after a dateline
_SPACE = re.compile(r"\s*")
#: a document that speaks of a government ("the government insisted", "Mozambican government")
_GOVERNMENT = re.compile(r"\b[Gg]overnment\b")


def _government_names(e: Entry) -> list[str]:
    """How a document may name a state's government, which is the state (issue 17a): with
    its demonym ("Mozambican government") and formally ("government of Mozambique")."""
    names = [f"{d} government" for d in e.demonyms[:1]]
    return [*names, f"government of {e.name}"]


#: small words a name may hold in lower case ("Republic of the Congo", "Hay'at Tahrir al-Sham")
_NAME_LINKS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "al", "el", "y"})


def _alias_form(surface: str, organs: frozenset[str]) -> bool:
    """A surface form that names its actor: a name ("Democratic Republic of Congo", "DR
    Congo"), or a name or demonym with words for the actor's bodies ("Sudanese government",
    "Yemen's government", "the government of Eritrea"), not a description around a name
    ("the EU's foreign policy chief") nor a body's word alone ("Foreign Ministry")."""
    words = surface.replace("'s ", " ").replace("’s ", " ").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not any(w[:1].isupper() and w.lower() not in organs for w in words):
        return False
    firsts = [w.split("-")[0] or w for w in words]  # "Saudi-backed", "al-Sham": the first part
    return all(
        w[:1].isupper() or not w[:1].isalpha() or w.lower() in _NAME_LINKS | organs for w in firsts
    )


def _shared_surfaces(surfaces: dict[str, set[str]], actors: set[str]) -> set[str]:
    """Surface forms the document used for more than one of its actors: an alias of none."""
    seen: set[str] = set()
    shared: set[str] = set()
    for aid in actors:
        for s in surfaces.get(aid, ()):
            (shared if s in seen else seen).add(s)
    return shared


def extract_files(
    paths: Iterable[str | Path],
    *,
    date: str | None = None,
    on_error: Callable[[InputError], None] | None = None,
    extractor: Extractor | None = None,
    known_actors: Iterable[dict[str, Any]] = (),
    progress: bool = False,
) -> Iterator[dict[str, Any]]:
    """Read article files and extract records from them (what ``actorgraph ingest`` does with
    articles); unreadable files go to ``on_error`` (or raise)."""
    from actorgraph.ingest.articles import read_articles

    ex = extractor or Extractor(known_actors=known_actors)
    yield from ex.extract(read_articles(paths, date=date, on_error=on_error), progress=progress)
