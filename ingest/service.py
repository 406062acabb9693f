"""The ingest use case, one for every entrance (``actorgraph ingest`` and ``extract``, the API's
``POST /ingest``): read a file by its type (:mod:`ingest.inputs`), extract articles into
records with the store's known actors, and load records (:class:`ingest.loader.Loader`).

Reading and loading records never import spaCy; only extraction does, when an article comes.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from actorgraph.graph.duplicates.decisions import load_judgements
from actorgraph.graph.errors import ActorgraphError, InputError, LimitError
from actorgraph.graph.exchange import actor_record, dump, validate_record
from actorgraph.graph.model import ACTOR
from actorgraph.graph.store import MAX_ROWS, GraphStore
from actorgraph.ingest.articles import read_articles
from actorgraph.ingest.inputs import holds_articles
from actorgraph.ingest.loader import IngestReport, Item, Loader, Progress, summary
from actorgraph.ingest.settings import ExtractionSettings

if TYPE_CHECKING:
    from actorgraph.graph.facade import Graph
    from actorgraph.ingest.extract import Extractor

logger = logging.getLogger("actorgraph.ingest")

#: how many of the store's actors extraction is given to recognize (and keep the ids of)
KNOWN_ACTORS = 100 * MAX_ROWS


def make_extractor(
    settings: ExtractionSettings,
    *,
    known_actors: Iterable[dict[str, Any]] = (),
    model: str | None = None,
    dictionary: str | Path | None = None,
    batch_size: int = 32,
    n_process: int | None = None,
) -> Extractor:
    """The extractor the settings describe (options, when given, win over them)."""
    # lazy: spaCy and its model take seconds to load, and only articles need them
    from actorgraph.ingest.extract import Extractor

    return Extractor(
        model=model,
        dictionary=dictionary,
        known_actors=known_actors,
        batch_size=batch_size,
        n_process=n_process or settings.n_process,
        settings=settings,
    )


def extract(
    extractor: Extractor,
    paths: Iterable[str | Path],
    *,
    date: str | None = None,
    on_error: Callable[[InputError], None] | None = None,
    progress: bool = False,
) -> Iterator[dict[str, Any]]:
    """Records extracted from the articles in these files (directories are searched);
    unreadable files go to ``on_error`` (raised without one)."""
    yield from extractor.extract(
        read_articles(paths, date=date, on_error=on_error), progress=progress
    )


class Ingest:
    """Loads files, uploads and bodies into one store, checking everything first."""

    def __init__(
        self,
        store: GraphStore,
        extraction: ExtractionSettings,
        *,
        batch_size: int = 1000,
        skip_invalid: bool = False,
        decisions: Path | None = None,
        graph: Graph | None = None,
    ) -> None:
        self.store = store
        self.extraction = extraction
        #: the caller's query facade (the API's, with its caches), used by :meth:`finish`
        self.graph = graph
        #: whether a load since the last :meth:`finish` wrote anything
        self.changed = False
        # merges judged in duplicate review hold whatever is ingested (or extracted) again
        judgements = load_judgements(decisions) if decisions is not None else None
        self.loader = Loader(
            store, batch_size=batch_size, skip_invalid=skip_invalid, judgements=judgements
        )

    def check(self, items: list[Item], name: str) -> None:
        """Check each record's shape now, without the store (a request is answered at once):
        raises :class:`InputError` for a malformed record unless ``skip_invalid``, and when no
        record is good. References are checked when the records are loaded."""
        problems: list[InputError] = []
        for line, item in items:
            try:
                if isinstance(item, InputError):
                    raise item
                validate_record(item, name, line, self.store.schema)
            except InputError as exc:
                problems.append(exc)
        if problems and (not self.loader.skip_invalid or len(problems) == len(items)):
            raise summary(problems, none_good=self.loader.skip_invalid)

    def records(
        self, items: list[Item], name: str, progress: Progress | None = None
    ) -> IngestReport:
        """Load records already read (a request body), named ``name`` in messages."""
        return self._noted(self.loader.load(lambda: iter(items), name, progress))

    def file(
        self,
        path: Path,
        *,
        name: str | None = None,
        date: str | None = None,
        progress: Progress | None = None,
        extract_progress: bool = False,
    ) -> IngestReport:
        """Load a file of records, or extract the articles of a file and load the records.

        ``name`` is what messages and documents call the file (an upload's own name rather
        than the server's copy of it); ``date`` is the publication date of articles that do
        not give one.
        """
        name = name or str(path)
        if path.is_file() and holds_articles(path):
            return self._noted(self._articles(path, name, date, progress, extract_progress))
        return self._noted(self.loader.load_file(path, name=name, progress=progress))

    def finish(self) -> None:
        """After the loads of one command or request: when they wrote anything, an embedded
        store computes the ranking ``influence`` asks first (PageRank over the actor
        relations) and keeps it in its file, so the first question after an ingest, from any
        entrance or process, reads it instead of computing it (issue 11). A ranking that
        runs past the time limit is left to the first question that needs it."""
        if not self.changed or self.store.backend != "embedded":
            return
        self.changed = False
        from actorgraph.graph.facade import Graph

        graph = self.graph or Graph(self.store)
        try:
            graph.influence_ranking("pagerank")
        except LimitError:
            pass
        except ActorgraphError:  # the data is committed; the ranking is only kept ahead
            logger.warning("could not keep the influence ranking after an ingest", exc_info=True)
        finally:
            if graph is not self.graph:
                graph.close()

    def _noted(self, report: IngestReport) -> IngestReport:
        self.changed = self.changed or report.written.changed
        return report

    def _articles(
        self,
        path: Path,
        name: str,
        date: str | None,
        progress: Progress | None,
        extract_progress: bool,
    ) -> IngestReport:
        """Extract with the store's known actors into a temporary JSON Lines file (memory
        stays flat however long the file), then load that as if it were ``name``."""
        known = [dump(actor_record(a)) for a in self.store.list_nodes(ACTOR, limit=KNOWN_ACTORS)]
        extractor = make_extractor(self.extraction, known_actors=known)
        problems: list[InputError] = []
        fd, tmp_name = tempfile.mkstemp(prefix="actorgraph-", suffix=".records.jsonl")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                for rec in extract(
                    extractor,
                    [path],
                    date=date,
                    on_error=problems.append,
                    progress=extract_progress,
                ):
                    if rec.get("kind") == "document" and rec.get("file") == str(path):
                        rec["file"] = name
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            if problems:
                first = problems[0]
                raise InputError(first.reason, file=name, line=first.line, field=first.field)
            return self.loader.load_file(tmp, name=name, progress=progress)
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
