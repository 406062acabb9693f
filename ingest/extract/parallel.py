"""Extraction on every core: worker processes that parse *and* apply the rules.

``nlp.pipe(n_process=…)`` parses in workers but sends each Doc back to the parent, where the
rules then run one document at a time: the parent becomes the bottleneck. Here each worker
runs the whole extraction on a chunk of articles and sends back only the records (small
dicts). Chunks go out in order and come back in order, with at most ``2 × workers`` chunks in
flight, so memory stays flat on any number of articles.

Workers are forked from the parent when it runs a single thread (they share its loaded model
and dictionary, nothing to load) and spawned otherwise (a server's threads make ``fork``
unsafe): a spawned worker loads the model and the dictionary once. Each worker keeps the
actors it discovers for its next chunks, as one process does for its next documents; a
surname alone in one chunk does not reach the full name in another worker's chunk.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from actorgraph.ingest.articles import Article
    from actorgraph.ingest.extract import Extractor

#: the extractor of this worker process (inherited through fork, or built by _init)
_WORKER: Extractor | None = None
#: CPU seconds each worker process spent on the last run's chunks, by process id (bench/)
LAST_RUN: dict[int, float] = {}


def _init(config: dict[str, Any] | None) -> None:
    """Worker start: a spawned worker builds its extractor from the parent's settings."""
    global _WORKER
    if config is not None:
        from actorgraph.ingest.extract import Extractor

        _WORKER = Extractor(n_process=1, **config)


def _work(articles: list[Article]) -> tuple[int, float, list[list[dict[str, Any]]]]:
    """The records of each article of a chunk, one list per article, with this worker's
    process id and the CPU seconds the chunk took."""
    assert _WORKER is not None, "worker started without an extractor"
    t0 = time.process_time()
    out: list[list[dict[str, Any]]] = []
    ex = _WORKER
    docs = ex.nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=ex.batch_size)
    for doc, article in docs:
        out.append(list(ex.records(doc, article)))
    return os.getpid(), time.process_time() - t0, out


def _warm(_: int) -> int:
    return os.getpid()


def chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_parallel(
    extractor: Extractor, articles: Iterator[Article], workers: int
) -> Iterator[list[dict[str, Any]]]:
    """The records of each article (one list per article, in input order), extracted by
    ``workers`` processes."""
    global _WORKER
    forkable = threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
    context: BaseContext
    if forkable:
        _WORKER = extractor  # inherited by the forked workers
        context = multiprocessing.get_context("fork")
        config = None
        gc.freeze()  # the garbage collector then leaves the shared pages alone (no copies)
    else:
        context = multiprocessing.get_context("spawn")
        config = extractor.worker_config()
    try:
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=_init, initargs=(config,)
        ) as pool:
            # start every worker now, before the caller starts threads (progress bars)
            list(pool.map(_warm, range(workers)))
            LAST_RUN.clear()
            pending: deque[Future[tuple[int, float, list[list[dict[str, Any]]]]]] = deque()

            def done() -> list[list[dict[str, Any]]]:
                pid, cpu, records = pending.popleft().result()
                LAST_RUN[pid] = LAST_RUN.get(pid, 0.0) + cpu
                return records

            for chunk in chunks(articles, extractor.batch_size):
                pending.append(pool.submit(_work, chunk))
                if len(pending) >= 2 * workers:
                    yield from done()
            while pending:
                yield from done()
    finally:
        if forkable:
            _WORKER = None
            gc.unfreeze()
