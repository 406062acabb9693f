"""The Neo4j backend: the graph in a Neo4j 5 database, through the official driver.

Layout (see ``docs/neo4j.md``):

* every node has the common label ``Node`` (its ``id`` is unique across kinds) and the
  vocabulary label of its kind (``Actor``, ``Statement``, ``Topic``, ``Document``); properties
  as :mod:`graph.neo4j.convert` describes;
* a relation is one relationship of its vocabulary label per ``(type, source, target)`` whose
  evidence is a list of JSON objects; statements also get the derived ``MADE``, ``ABOUT`` and
  ``REPORTED_IN`` relationships (for people browsing the graph; queries do not count them);
* one ``ActorgraphMeta`` node holds the data version and serves as the write lock.

Transactions: one driver per store, created here and closed by :meth:`Neo4jStore.close`.
Every read runs in a managed read transaction and every write in a managed write transaction
(``session.execute_read`` / ``execute_write``: transient errors are retried by the driver),
with the query timeout set through ``neo4j.unit_of_work`` (the driver only honours
``neo4j.Query(timeout=...)`` in auto-commit ``session.run``, and rejects it inside transaction
functions). A write first moves the version on, which takes the lock on the meta node
(concurrent writers serialize), reads the batch's nodes and merges them in Python with
:func:`graph.merge.merge_node` (so merges equal the embedded store's), writes them in
``UNWIND $rows`` chunks of ``batch_size``, then merges the relations: duplicates within the
batch by evidence key in Python, and against the store in Cypher, which appends only evidence
whose key is not stored and reports what it created (so the counts equal the embedded
store's). All of it is one transaction; one that changed nothing is rolled back, version
included.

Queries are the named files of ``cypher/`` (:mod:`graph.neo4j.queries`). Paths of up to four
hops are listed from the hops ``cypher/paths_near.cypher`` reads (what a path between the two
actors can use, not the graph) and ranked by :mod:`graph.walk`'s listing, as the
embedded store ranks them. Longer ones are found and ranked in the database one length at a
time (``cypher/paths.cypher``: ``SHORTEST 1 GROUPS`` for the shortest length;
``cypher/paths_longer.cypher``: two half-walks joined in the middle for each longer one;
ranked by :mod:`graph.ranking`'s order in ``ORDER BY``, at most :data:`PATH_BUDGET` walks a
length; past it ``cypher/paths_bounded.cypher`` ranks the best of the length by a bounded join
of half-paths, see :mod:`graph.store`), and neighbourhoods are expanded level by level in
Cypher; no copy of the graph is made in Python for either.
Influence (PageRank, betweenness, degree) is not computed in the database:
:meth:`Neo4jStore.projection` pulls the actor subgraph of the asked relation types and date
window, and :mod:`graph.influence` scores it, as for the embedded store.
"""

from __future__ import annotations

import heapq
import itertools
import json
import logging
import re
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, cast

import neo4j
import numpy as np
from actorgraph.graph.answer_cache import KeptParts
from actorgraph.graph.errors import ActorgraphError, InputError, LimitError, StoreUnavailableError
from actorgraph.graph.exchange import AnyRecord, records_of
from actorgraph.graph.merge import check_batch, fold_relations, merge_node
from actorgraph.graph.model import (
    ACTOR,
    DOCUMENT,
    NODE_KINDS,
    STATEMENT,
    TOPIC,
    Evidence,
    NodeRef,
    Relation,
    RelationView,
    Statement,
    Subgraph,
    relation_key,
)
from actorgraph.graph.neo4j.convert import (
    evidence_columns_ranked,
    evidence_from_list,
    name_needle,
    node_from_props,
    node_props,
    relation_append_row,
    relation_create_row,
    relation_from_row,
    relation_view_from_row,
)
from actorgraph.graph.neo4j.queries import QuerySet
from actorgraph.graph.neo4j.queries import sent as queries_sent
from actorgraph.graph.ranking import date_int, date_str, name_sort_key, rank_evidence
from actorgraph.graph.schema import Schema
from actorgraph.graph.settings import split_credentials
from actorgraph.graph.store import (
    MAX_HOPS,
    MAX_ROWS,
    GraphStore,
    InnerCounts,
    Neighbourhood,
    RawPath,
    Rewrite,
    Upgrade,
    WriteBatch,
    WriteResult,
    admit_neighbours,
    count_inner,
)
from neo4j.exceptions import (
    AuthError,
    DriverError,
    IncompleteCommit,
    Neo4jError,
    ResultFailedError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

if TYPE_CHECKING:
    from actorgraph.graph.walk import Listed

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")

#: The evidence a read takes of each relation when it asks for all (a LIMIT takes a number).
ALL_EVIDENCE = 2**31 - 1
#: Rows a relations_among query may return before it counts as over the limit.
AMONG_CAP = MAX_ROWS * 10
logger = logging.getLogger("actorgraph.neo4j")
#: Relations a retraction may touch at most (relations_citing's limit).
CITING_CAP = MAX_ROWS * 100
#: Walks of one length a path question may enumerate (see Neo4jStore.find_paths).
PATH_BUDGET = 5_000
#: Half-paths per middle actor and side that paths_bounded joins.
PATH_KEEP = 8
#: Walks of one half of a length paths_bounded may enumerate from its end.
PATH_HALF_CAP = 20_000
#: Relationships paths_near may read expanding the ends' neighbours (past it, the lengths
#: are ranked one at a time as before).
NEAR_CAP = 50_000
#: Relationships past which paths_near does not expand an actor next to an end (a hub): the
#: hops between it and the actors reached are looked up pair by pair instead.
NEAR_HUB = 100
#: A hub with at most this many times the relationships the other side's growth reads is
#: grown after all (a look-up between two bound actors costs several hops read).
NEAR_INTO = 8
#: Questions over the limit, on relation types never answered, before paths_near is given up
#: for them (a plan too slow to make fails every time; a hub pair fails alone)
NEAR_TRIES = 3
#: Seconds of the time limit paths_bounded needs left to be asked at all.
BOUNDED_MIN_TIME = 1.0
#: Paths of one length wanted up to which the bounded join is asked before ranking every walk.
BOUNDED_FIRST = 100
#: Paths wanted up to which paths_near leaves out the middle actors of four hops whose paths
#: cannot be among them; past it (a broker question's thousand) it looks for none to leave out:
#: there are seldom more middle actors than that, and working out which cost more than it saved
NEAR_PRUNE = 100
#: The store's layout this version writes (the meta node's ``layout``): 1 since every
#: relationship holds its evidence ranks and dates (issue-11E); a store of layout 0 is
#: brought up to it by :meth:`Neo4jStore.upgrade`.
LAYOUT = 1
#: Relationships, then nodes, :meth:`Neo4jStore.wipe` deletes a transaction.
WIPE_BATCH = 10_000
#: The path length whose plans :meth:`Neo4jStore.warm` compiles (``Graph.paths``' default).
WARM_HOPS = 4
#: Seconds an auto-commit read retries transient errors for (the driver's
#: ``max_transaction_retry_time`` for managed transactions, set below), and its first backoff.
RETRY_TIME = 15.0
RETRY_DELAY = 0.1
#: Tries of a batch whose commit was cut off (see Neo4jStore.write).
WRITE_TRIES = 3
#: Writes may run longer than reads (a batch of thousands of rows), but not forever.
MIN_WRITE_TIMEOUT = 60.0
_DDL_NAME = re.compile(r"CREATE\s+(?:TEXT\s+)?(?:CONSTRAINT|INDEX)\s+(\w+)\s+IF\s+NOT\s+EXISTS")


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def _run_named(
    tx: _Tx, *, name: str, slots: dict[str, Any], params: dict[str, Any] | None = None
) -> list[Any]:
    return tx.run(name, slots, **(params or {}))


def _chunks(rows: list[T], size: int) -> Iterator[list[T]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


class _Unchanged(Exception):
    """Raised inside a write transaction that changed nothing, to roll it back (and with it
    the version that ``write_begin`` moved on); carries what the caller returns."""

    def __init__(self, value: Any) -> None:
        super().__init__("nothing changed")
        self.value = value


@dataclass
class _Seen:
    """All the store holds, as this store object wrote it: the kind of every node and the
    (hashed) key of every relation, complete as of data version ``at``. A write learns it when
    ``write_begin`` finds the store without nodes, and keeps it while each of its writes finds
    the version one past the last it committed (no one else wrote in between: the write lock
    serializes writers, so the version says so). While it holds, a write reads neither the
    batch's new nodes, nor its relation ends, nor which of its relations exist: a first load
    creates without reading (see *Writes* in ``docs/neo4j.md``)."""

    at: int
    kinds: dict[str, str] = field(default_factory=dict)
    #: the key of every relation
    rels: set[str] = field(default_factory=set)
    #: ``hash((relation key, evidence key))`` of every piece of evidence: one not here is
    #: certainly new; one here is read (``relations_known``), as a collision may say so
    evidence: set[int] = field(default_factory=set)


@dataclass
class _Learnt:
    """What one write transaction learnt, applied to :class:`_Seen` once it has committed."""

    version: int = 0
    #: the knowledge the transaction wrote against (None: it read the store as usual)
    base: _Seen | None = None
    kinds: dict[str, str] = field(default_factory=dict)
    rels: list[str] = field(default_factory=list)
    evidence: list[int] = field(default_factory=list)
    done: bool = False


@dataclass
class _Prepared:
    """What :meth:`Neo4jStore.prepare` computes of a batch before its transaction, where it
    does not depend on what the store holds: its relations folded (:func:`graph.merge
    .fold_relations`) with, per vocabulary label, the ``relations_create`` row of each (all
    its evidence). The transaction takes a relation's row as it is when the store holds none
    of the relation, or none of its evidence (an append of it all: the same columns), and
    computes a row only for the rest."""

    #: the batch's shape it was made from (:func:`_batch_shape`; a batch changed since, by a
    #: relation added, swapped or given more evidence, is prepared again)
    relations: tuple[tuple[int, int], ...]
    by_label: dict[str, list[tuple[Relation, dict[str, Evidence], list[Any]]]]


def _batch_shape(batch: WriteBatch) -> tuple[tuple[int, int], ...]:
    """Which relation objects a batch holds, and how much evidence each: what a prepared
    batch's rows were computed from."""
    return tuple((id(r), len(r.evidence)) for r in batch.relations)


def _append_columns(create_row: list[Any]) -> list[Any]:
    """The ``relations_append`` row of all the evidence of a ``relations_create`` row: the same
    columns but the relationship's key and support (see :mod:`graph.neo4j.convert`)."""
    return [create_row[0], create_row[1], *create_row[3:9], *create_row[10:]]


class _Rows(list):  # type: ignore[type-arg]
    """A list parameter whose ``repr`` is its length: the driver (5.28) builds the text of a
    debug log line of every ``RUN`` it sends, ``repr`` of all its parameters, whether or not
    debug logging is on; for a batch's rows that was as much client CPU as packing them. The
    driver packs it as the list it is (``tests/test_first_load.py`` compares the bytes)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


class _Described(NamedTuple):
    """A node as a neighbourhood level read it: its labels, display name, actor type and
    whether it carries the intermediary flag (``actors_mark_intermediary``)."""

    labels: list[str]
    name: Any
    actor_type: str | None
    intermediary: bool


#: what a neighbourhood's read gives (:meth:`Neo4jStore._neighbourhood_read`): the admitted
#: neighbourhood, the nodes as the levels described them, and each kept relation's row (a map
#: as ``nodes_and_relations`` gives it: its best pieces of evidence with the aggregates, or its
#: evidence whole)
_Hood = tuple[Neighbourhood, dict[str, _Described], dict[str, Any]]


@dataclass
class _PathQuestion:
    """A path question as the queries take it: their parameters, the walked relationship
    labels, the hops and when its time is up."""

    params: dict[str, Any]
    types: tuple[str, ...]
    hops: int
    deadline: float


class _Near(NamedTuple):
    """Paths listed by :meth:`Neo4jStore._near`: the listing, the node numbers' ids and sort
    keys, and whether an end has no walkable hop at all (then no path of any length)."""

    listed: Listed
    named: Callable[[Iterable[int]], dict[int, tuple[str, str]]]
    #: the most hops of the paths listed (three when ``paths_near`` found three could be enough,
    #: two when the paths of up to two hops were as many as wanted)
    length: int
    stranded: bool = False


def _pipelined(session: neo4j.Session) -> AbstractContextManager[Any]:
    """A read transaction's ``BEGIN`` sent with its first query, not in a round trip of its
    own, as the driver's ``execute_query`` sends it (its flag is the session's
    ``_pipelined_begin``): a read of one or two queries costs one round trip less (a driver
    without the flag begins as before)."""
    flag = getattr(session, "_pipelined_begin", None)
    return flag if isinstance(flag, AbstractContextManager) else nullcontext()


class _Tx:
    """A managed transaction that runs named queries only (and only reads in a read one); or,
    given a session and a time limit (:meth:`Neo4jStore._read_one`), one named read query in
    an auto-commit transaction."""

    def __init__(
        self,
        tx: neo4j.ManagedTransaction | neo4j.Session,
        queries: QuerySet,
        mode: str,
        timeout: float | None = None,
    ) -> None:
        self.tx = tx
        self.queries = queries
        self.mode = mode
        self.timeout = timeout  # set: auto-commit, one query
        self.ran = 0

    def run(self, name: str, slots: dict[str, Any] | None = None, **params: Any) -> list[Any]:
        q = self.queries.get(name)
        if self.mode == "read" and q.mode != "read":
            raise RuntimeError(f"query '{name}' writes; it cannot run in a read transaction")
        if set(params) != set(q.params):
            raise ValueError(f"query '{name}' takes {sorted(q.params)}, got {sorted(params)}")
        text = self.queries.text(name, **(slots or {}))
        # in one map for a read: one plan whatever the sizes of its strings and lists
        sent = queries_sent(q, {k: _Rows(v) if type(v) is list else v for k, v in params.items()})
        self.ran += 1
        if self.timeout is None:
            return list(self.tx.run(text, sent))
        if self.ran > 1:  # each would be a transaction of its own: not one consistent read
            raise RuntimeError(f"query '{name}': an auto-commit read runs one query")
        session = cast(neo4j.Session, self.tx)
        return list(session.run(neo4j.Query(text, timeout=self.timeout), sent))


class Neo4jStore(GraphStore):
    """Neo4j 5 through the official driver; see the module docstring."""

    backend = "neo4j"

    def __init__(
        self,
        uri: str,
        *,
        user: str = "neo4j",
        password: str = "",
        database: str | None = "neo4j",
        batch_size: int = 1000,
        query_timeout: float = 10.0,
        connect_retries: int = 3,
        path_budget: int = PATH_BUDGET,
        path_keep: int = PATH_KEEP,
        path_half_cap: int = PATH_HALF_CAP,
        schema: Schema | None = None,
    ) -> None:
        if batch_size < 1:
            raise InputError("must be at least 1", field="batch_size")
        # credentials never stay in the URI (it is named in messages and logs)
        uri, uri_user, uri_password = split_credentials(uri)
        user = uri_user or user
        password = password or uri_password or ""
        self.uri = uri
        self.user = user
        self.database = database or None
        self.batch_size = batch_size
        self.query_timeout = float(query_timeout)
        self.path_budget = int(path_budget)
        self.path_keep = int(path_keep)
        self.path_half_cap = int(path_half_cap)
        if schema is not None:
            self.schema = schema
        self.queries = QuerySet(self.schema)
        self._kind_of_label = {self.schema.label(k): k for k in NODE_KINDS}
        self._name_of_label = {rt.label: name for name, rt in self.schema.relations.items()}
        self._derived_labels = [rt.label for rt in self.schema.relations.values() if rt.derived]
        self._seen: _Seen | None = None
        self._seen_lock = threading.Lock()
        self._ingests = 0  # ingests under way (bulk()): only they learn what they write
        # relationship types whose paths_bounded plan this process has seen made (warm() or
        # an answer): only then is the join asked before ranking every walk
        self._bounded_planned: set[tuple[str, ...]] = set()
        self._near_planned: set[tuple[str, ...]] = set()
        #: relation types whose paths_near plan did not fit in a question's time limit
        self._near_refused: set[tuple[str, ...]] = set()
        #: per relation types never answered, the questions over a limit so far
        self._near_failed: dict[tuple[str, ...], int] = {}
        #: the relation types whose relationships ``version_and_names`` counts per actor (the
        #: path questions' default ones), and per data version the actors it found with none
        #: of them (True) or some (False): :meth:`no_paths`
        self._counted_types = self.schema.channel_types or [
            n for n, r in self.schema.relations.items() if not r.derived
        ]
        self._counted_slots = {"types": tuple(self._labels(self._counted_types))}
        self._stranded: KeptParts[str, bool] = KeptParts()
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri,
                auth=(user, password),
                connection_timeout=5.0,
                max_transaction_retry_time=RETRY_TIME,
                notifications_disabled_categories=["UNRECOGNIZED"],
                user_agent="actorgraph",
            )
        except (DriverError, Neo4jError, ValueError) as exc:
            raise StoreUnavailableError(
                f"Neo4j at {uri}: cannot connect ({type(exc).__name__}: {_one_line(exc)})",
                public=f"Neo4j cannot be reached ({type(exc).__name__})",
            ) from exc
        try:
            self._connect(connect_retries)
        except BaseException:
            self._driver.close()
            raise

    # ------------------------------------------------------------------ plumbing
    def _translate(self, exc: Exception, timeout: float | None = None) -> Exception:
        """The user-facing error for a driver error (one line naming the URI and the reason)."""
        cause = exc.__cause__
        if isinstance(exc, ResultFailedError) and isinstance(cause, Neo4jError | DriverError):
            # a result read after the transaction failed (a time-out, the server gone): the
            # driver chains the failure that ended it, which is the user's reason
            translated = self._translate(cause, timeout)
            return exc if translated is cause else translated
        where = f"Neo4j at {self.uri}"
        code = getattr(exc, "code", None) or ""
        if isinstance(exc, AuthError) or code.startswith("Neo.ClientError.Security."):
            reason = "AuthError" if isinstance(exc, AuthError) else code.rsplit(".", 1)[-1]
            detail = _one_line(getattr(exc, "message", None) or exc)
            return StoreUnavailableError(
                f"{where} refused user '{self.user}' ({reason}: {detail})",
                public=f"Neo4j refused the configured login ({reason})",
            )
        if isinstance(exc, ServiceUnavailable | SessionExpired):
            return StoreUnavailableError(
                f"{where} is unavailable ({type(exc).__name__}: {_one_line(exc)})",
                public=f"Neo4j is unavailable ({type(exc).__name__})",
            )
        if code == "Neo.ClientError.Database.DatabaseNotFound":
            return StoreUnavailableError(
                f"{where} has no database '{self.database}' (database not found)",
                public="Neo4j has no database of the configured name",
            )
        if "TransactionTimedOut" in code:
            return LimitError(
                f"the query ran longer than its time limit of {timeout or self.query_timeout:g} s "
                "(narrow it down, or raise ACTORGRAPH_QUERY_TIMEOUT)"
            )
        if code.endswith(("MemoryPoolOutOfMemoryError", "TransactionOutOfMemoryError")):
            # still out of memory after the retries: the question is too big for the memory
            # the server gives its transactions, not a server that is down
            return LimitError(
                "the query needed more memory than Neo4j allows its transactions "
                f"({_one_line(exc)}); narrow it down (fewer hops, one relation type) or give "
                "the server more memory (server.memory.heap.max_size, "
                "dbms.memory.transaction.total.max)"
            )
        if (
            isinstance(exc, TransientError)
            or code == "Neo.ClientError.Database.DatabaseUnavailable"
        ):
            return StoreUnavailableError(
                f"{where} is unavailable ({code or type(exc).__name__}: {_one_line(exc)})",
                public=f"Neo4j is unavailable ({code or type(exc).__name__})",
            )
        return exc

    def _execute(
        self,
        mode: str,
        fn: Callable[[_Tx], T],
        *,
        timeout: float | None = None,
        translate: bool = True,
    ) -> T:
        """Run ``fn`` in one managed transaction (retried by the driver on transient errors)."""

        def work(tx: neo4j.ManagedTransaction) -> T:
            return fn(_Tx(tx, self.queries, mode))

        if timeout is None:
            timeout = self.query_timeout if mode == "read" else self._write_timeout
        unit = neo4j.unit_of_work(timeout=timeout)(work)
        access = neo4j.READ_ACCESS if mode == "read" else neo4j.WRITE_ACCESS
        try:
            with self._driver.session(
                database=self.database, default_access_mode=access
            ) as session:
                if mode == "read":
                    with _pipelined(session):
                        return session.execute_read(unit)
                return session.execute_write(unit)
        except ActorgraphError:
            raise
        except (Neo4jError, DriverError) as exc:
            if not translate:
                raise
            translated = self._translate(exc, timeout)
            if translated is exc:
                raise
            raise translated from exc

    @property
    def _write_timeout(self) -> float:
        return max(MIN_WRITE_TIMEOUT, 6 * self.query_timeout)

    def _read(self, fn: Callable[[_Tx], T], timeout: float | None = None) -> T:
        return self._execute("read", fn, timeout=timeout)

    def _read_chunks(self, fn: Callable[[_Tx], T], size: int) -> T:
        """``fn`` reads ``size`` ids in chunks of :data:`MAX_ROWS`, one query each: an
        auto-commit read when they are one chunk, else one managed transaction."""
        return self._read_one(fn) if size <= MAX_ROWS else self._read(fn)

    def _read_one(self, fn: Callable[[_Tx], T], timeout: float | None = None) -> T:
        """``fn`` runs one read query, in an auto-commit transaction: one round trip to the
        server where a managed transaction takes three (begin, the query, commit), which
        cost the server about 1 ms of CPU more a read (docs/performance.md, issue-14p).
        Errors the driver would retry in a managed transaction are retried here as it does
        (with backoff, within its retry time); the others are translated as :meth:`_execute`
        translates them."""
        if timeout is None:
            timeout = self.query_timeout
        delay, start = RETRY_DELAY, time.monotonic()
        while True:
            try:
                with self._driver.session(
                    database=self.database, default_access_mode=neo4j.READ_ACCESS
                ) as session:
                    return fn(_Tx(session, self.queries, "read", timeout))
            except ActorgraphError:
                raise
            except (Neo4jError, DriverError) as exc:
                if exc.is_retryable() and time.monotonic() - start + delay < RETRY_TIME:
                    time.sleep(delay)
                    delay *= 2
                    continue
                translated = self._translate(exc, timeout)
                if translated is exc:
                    raise
                raise translated from exc

    def _write(self, fn: Callable[[_Tx], T]) -> T:
        """Run a write; one that raises :class:`_Unchanged` is rolled back and returns its value."""
        try:
            return self._execute("write", fn)
        except _Unchanged as unchanged:
            return unchanged.value  # type: ignore[no-any-return]

    def _connect(self, retries: int) -> None:
        """Check the server, the login and the database, and set the schema up.

        Transient failures (the server starting, a database coming online) are retried with
        exponential backoff; a refused login or a missing database fails at once.
        """
        delay = 0.25
        for attempt in itertools.count():
            try:
                self._driver.verify_connectivity()
                self._ensure_schema()
                return
            except AuthError as exc:
                raise self._translate(exc) from exc
            except (ServiceUnavailable, SessionExpired, TransientError) as exc:
                if attempt >= retries:
                    raise self._translate(exc) from exc
                time.sleep(delay)
                delay = min(delay * 2, 4.0)
            except (Neo4jError, DriverError) as exc:
                translated = self._translate(exc)
                if translated is exc:
                    raise
                raise translated from exc

    def _schema_statements(self) -> list[tuple[str, dict[str, Any]]]:
        """The schema queries with their slots: constraints, then indexes."""
        out: list[tuple[str, dict[str, Any]]] = [("schema_node_id", {}), ("schema_meta_key", {})]
        out += [("schema_label_id", {"label": self.schema.label(k)}) for k in NODE_KINDS]
        out += [
            ("schema_actor_name", {}),
            ("schema_actor_keys", {}),
            ("schema_statement_date", {}),
            ("schema_statement_speaker", {}),
            ("schema_statement_behalf", {}),
            ("schema_document_published", {}),
        ]
        out += [
            ("schema_relation_key", {"rel_type": rt.label})
            for rt in self.schema.relations.values()
            if not rt.derived
        ]
        return out

    def _ensure_schema(self) -> None:
        """Create the missing constraints and indexes (idempotent) and the meta node."""
        have = {
            r["name"]
            for r in self._execute("read", lambda tx: tx.run("schema_show"), translate=False)
        }
        for name, slots in self._schema_statements():
            text = self.queries.text(name, **slots)
            m = _DDL_NAME.search(text)
            if m is not None and m.group(1) in have:
                continue
            self._execute("write", partial(_run_named, name=name, slots=slots), translate=False)
        self._execute("write", lambda tx: tx.run("meta_init", layout=LAYOUT), translate=False)
        meta = self._execute("read", lambda tx: tx.run("meta_layout"), translate=False)[0]
        if not meta["stored"]:
            self._fill_support()
        if meta["layout"] < LAYOUT:
            logger.warning(
                "%s was written by an older version: relationships written before evidence "
                "ranks were stored are read whole to show a few pieces; `actorgraph upgrade` "
                "stores their ranks (answers stay the same)",
                self.describe(),
            )

    def _fill_support(self) -> None:
        """Store the support on relationships written before writes stored it (paths read it
        as one float a hop), page by page per type, once per store (a flag on the meta node):
        a Cypher computation, cheap enough to run when the store is opened."""
        for label in self._labels(None):
            after: str | None = ""
            while after is not None:
                page = partial(
                    _run_named,
                    name="relations_support_fill",
                    slots={"rel_type": label},
                    params={"after": after, "limit": self.batch_size},
                )
                after = self._execute("write", page, translate=False)[0]["last"]
        self._execute("write", lambda tx: tx.run("meta_support_done"), translate=False)

    def upgrade(
        self,
        progress: Callable[[int, int], None] | None = None,
        batch: int | None = None,
        rescan: bool = False,
    ) -> Upgrade:
        """Store the evidence ranks and dates (``evidence_ranks``, ``first_seen``,
        ``last_dated``, ``valid_from``, ``valid_to``: :func:`graph.neo4j.convert
        .evidence_columns_ranked`) on relationships written before writes stored them, so
        answers take their best pieces in Cypher instead of reading them whole.

        An explicit step (``actorgraph upgrade``), not one taken when the store is opened:
        the ranks are computed in Python from each relationship's evidence JSON (Cypher cannot
        parse it), minutes at a million relations, which every process opening the store
        (each API worker, each command) would otherwise race to pay; and the store answers
        the same without them. The meta node's ``layout`` says whether it is needed
        (:data:`LAYOUT`; opening an older store logs a warning).

        Each transaction takes the write lock (``relations_ranks_page``: writers wait; the
        data version does not move, as no answer changes), reads the next ``batch``
        relationships of a type in key order, fills those without ranks
        (``relations_ranks_fill``, only if they still hold what was read) and records the
        last key: a run cut off (a crash, Ctrl-C) goes on from there; a run over a store
        that has them all changes nothing. When every type is through, ``layout`` is set."""
        meta = self._read_one(lambda tx: tx.run("meta_layout"))[0]
        if meta["layout"] >= LAYOUT and not rescan:
            return Upgrade()
        labels = self._labels(None)
        cursor = meta["cursor"]
        resumed = bool(cursor) and cursor[0] in labels and not rescan
        start, after = (cursor[0], str(cursor[1])) if resumed else (labels[0], "")
        todo = [label for label in labels if label >= start]

        def count(tx: _Tx) -> int:
            return sum(
                int(
                    tx.run(
                        "relations_count_after",
                        {"rel_type": label},
                        after=after if label == start else "",
                    )[0]["n"]
                )
                for label in todo
            )

        total = self._read(count)
        done = Upgrade(needed=meta["layout"] < LAYOUT, resumed=resumed)
        if progress is not None:
            progress(0, total)
        size = max(1, batch or self.batch_size)
        for label in todo:
            key: str | None = after if label == start else ""
            while key is not None:
                read, key, filled, skipped = self._write(
                    partial(self._upgrade_page, label, key, size)
                )
                done.scanned += read
                done.filled += filled
                done.skipped += skipped
                if progress is not None and read:
                    progress(done.scanned, total)
        self._write(lambda tx: tx.run("meta_layout_done", layout=LAYOUT))
        return done

    @staticmethod
    def _upgrade_page(
        label: str, after: str, size: int, tx: _Tx
    ) -> tuple[int, str | None, int, int]:
        """One transaction of :meth:`upgrade`: how many relationships it read, the last key
        (None past the last), how many it filled and how many it could not."""
        slots = {"rel_type": label}
        page = tx.run("relations_ranks_page", slots, after=after, limit=size)[0]
        if not page["read"]:
            return 0, None, 0, 0
        rows, skipped = [], 0
        for key, keys, texts in page["unranked"]:
            if len(keys) != len(texts):  # not as any writer leaves it: left to be read whole
                skipped += 1
                continue
            rows.append([key, keys, *evidence_columns_ranked(keys, evidence_from_list(texts))])
        fill = tx.run("relations_ranks_fill", slots, rows=rows, label=label, last=page["last"])
        return int(page["read"]), page["last"], int(fill[0]["filled"]), skipped

    # ------------------------------------------------------------------ vocabulary helpers
    def _labels(self, types: Iterable[str] | None) -> list[str]:
        """Relationship labels of the fact types named (all fact types when None or empty)."""
        if not types:
            return sorted(r.label for r in self.schema.relations.values() if not r.derived)
        out = set()
        for name in types:
            rt = self.schema.relations.get(name)
            if rt is not None and not rt.derived:
                out.add(rt.label)
        return sorted(out)

    def _kind(self, labels: Iterable[str]) -> str | None:
        for label in labels:
            kind = self._kind_of_label.get(label)
            if kind is not None:
                return kind
        return None

    def _relation(self, row: Any, label: str | None = None) -> Relation:
        kind = self._kind(row["target_labels"]) or ACTOR
        return relation_from_row(self._name_of_label[label or row["label"]], kind, row)

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self._driver.close()

    def ping(self) -> None:
        self._read_one(lambda tx: tx.run("meta_version"))

    def version(self) -> str:
        rows = self._read_one(lambda tx: tx.run("meta_version"))
        return str(rows[0]["version"] if rows else 0)

    def describe(self) -> str:
        return f"Neo4j at {self.uri} (database {self.database or 'default'})"

    def wipe(self) -> None:
        """Delete every node and relationship (test helper); constraints and indexes stay.
        The relationships first, at most :data:`WIPE_BATCH` a transaction, then the nodes
        (none left with a relationship), as many a transaction: deleting a node deletes its
        relationships in the same transaction, and at 1M relations a batch of nodes with
        their relationships went over the server's transaction memory limit."""

        def delete_some(query: str, tx: _Tx) -> int:
            tx.run("write_begin")
            deleted = int(tx.run(query, limit=WIPE_BATCH)[0]["deleted"])
            if not deleted:
                raise _Unchanged(0)
            return deleted

        for query in ("wipe_relationships", "wipe_batch"):
            while self._write(partial(delete_some, query)) == WIPE_BATCH:
                pass
        self._write(lambda tx: tx.run("notes_wipe"))
        # nothing left written the old way: the store is of this version's layout
        self._write(lambda tx: tx.run("meta_layout_done", layout=LAYOUT))

    # ------------------------------------------------------------------ writes
    @contextmanager
    def bulk(self) -> Iterator[None]:
        """An ingest's writes into an empty database learn what they write (:class:`_Seen`),
        forgotten when the last ingest of this store object ends: it grows with the store
        (about 200 bytes a relation), so a long-lived process does not keep it."""
        with self._seen_lock:
            self._ingests += 1
        try:
            yield
        finally:
            with self._seen_lock:
                self._ingests -= 1
                if not self._ingests:
                    self._seen = None

    def prepare(self, batch: WriteBatch) -> WriteBatch:
        """The batch with its relations folded and their rows built (:class:`_Prepared`): the
        Python work of a write that needs no transaction, done by the caller's thread (an
        ingest prepares the next batch while the server writes and commits this one)."""
        if batch.relations and not self._prepared_for(batch):
            by_label: dict[str, list[tuple[Relation, dict[str, Evidence], list[Any]]]]
            by_label = defaultdict(list)
            for rel, evidence in fold_relations(batch.relations).values():
                row = relation_create_row(rel, list(evidence), list(evidence.values()))
                by_label[self.schema.relation(rel.type).label].append((rel, evidence, row))
            batch.prepared = _Prepared(_batch_shape(batch), dict(by_label))
        return batch

    @staticmethod
    def _prepared_for(batch: WriteBatch) -> _Prepared | None:
        prepared = batch.prepared
        if isinstance(prepared, _Prepared) and prepared.relations == _batch_shape(batch):
            return prepared
        return None

    def write(self, batch: WriteBatch) -> WriteResult:
        """One transaction (see the module docstring). The driver retries transient errors
        before the commit; when the connection is lost during the commit itself the outcome
        is unknown, so the batch is tried again here, and its receipt (a token recorded in the
        transaction) tells whether the first try committed and what it wrote: the report
        counts the batch once, whichever try wrote it."""
        if not len(batch):
            return WriteResult()
        batch = self.prepare(batch)  # (done already when the caller prepared it)
        token = uuid.uuid4().hex
        calls = tries = 0
        learnt = _Learnt()

        def attempt(tx: _Tx) -> WriteResult:
            nonlocal calls, learnt
            calls += 1  # the driver calls again for each transient error it retries
            learnt = _Learnt()  # what an earlier try learnt was rolled back with it
            # a receipt of this token exists only if an earlier try committed: the first try
            # need not look (one round trip and a read of the meta node less per batch)
            if calls > 1 or tries > 1:
                receipt = tx.run("write_receipt", token=token)[0]["receipt"]
                if receipt is not None:
                    nodes, rels, evidence = (int(x) for x in str(receipt).split(":")[1:])
                    raise _Unchanged(WriteResult(nodes, rels, evidence))
            result = self._write_tx(tx, batch, learnt)
            tx.run(
                "write_record_receipt",
                receipt=f"{token}:{result.nodes}:{result.relations}:{result.evidence}",
            )
            learnt.done = True
            return result

        for tries in itertools.count(1):
            try:
                result = self._write(attempt)
                self._learn(learnt)
                return replace(result, retried=calls - 1)
            except StoreUnavailableError as exc:
                cause = exc.__cause__
                if tries >= WRITE_TRIES or not isinstance(
                    cause, IncompleteCommit | ServiceUnavailable | SessionExpired
                ):
                    raise
                logger.info("write of a batch cut off (%s); trying it again", type(cause).__name__)
                time.sleep(0.5 * tries)
        raise AssertionError("unreachable")

    def _learn(self, learnt: _Learnt) -> None:
        """Keep what a committed write learnt (:class:`_Seen`), or forget all when it wrote
        without knowing all the store holds."""
        with self._seen_lock:
            base = learnt.base
            if not learnt.done:
                return  # nothing changed (rolled back): the version did not move
            if base is None or (self._seen is not base and base.at != -1):
                self._seen = None  # read as usual, or another thread's write came between
                return
            base.kinds.update(learnt.kinds)
            base.rels.update(learnt.rels)
            base.evidence.update(learnt.evidence)
            base.at = learnt.version  # last: a write that checks the version sees all of it
            self._seen = base

    def _begin(self, tx: _Tx, learnt: _Learnt | None) -> _Seen | None:
        """``write_begin`` (lock and version); what this store knows the store holds, if it
        knows all of it (:class:`_Seen`)."""
        row = tx.run("write_begin")[0]
        if learnt is None or not self._ingests:
            return None
        learnt.version = version = int(row["version"])
        with self._seen_lock:
            seen = self._seen
        if row["empty"]:
            seen = _Seen(at=-1)  # (-1: new, not yet the store's; see _learn)
        elif seen is None or seen.at + 1 != version:
            return None
        learnt.base = seen
        return seen

    def _write_tx(self, tx: _Tx, batch: WriteBatch, learnt: _Learnt | None = None) -> WriteResult:
        node_groups = (
            (DOCUMENT, batch.documents),
            (ACTOR, batch.actors),
            (TOPIC, batch.topics),
            (STATEMENT, batch.statements),
        )
        ids = {n.id for _, items in node_groups for n in items}
        ends = {i for r in batch.relations for i in (r.source, r.target)} - ids
        # the lock first, then what the batch merges with: what this store object knows the
        # store holds (when it knows all of it), the rest read
        seen = self._begin(tx, learnt)
        kinds: dict[str, str] = {}
        if seen is not None:
            known = seen.kinds
            kinds = {i: k for i in ends if (k := known.get(i)) is not None}
            ids = {i for i in ids if i in known}  # the others are new: nothing to read
        else:
            kinds = dict.fromkeys(ends, ACTOR)  # but for what ends_not_actors says
            for end_chunk in _chunks(sorted(ends), self.batch_size):
                for row in tx.run("ends_not_actors", ends=end_chunk):
                    if (kind := self._kind(row["labels"])) is not None:
                        kinds[row["id"]] = kind
                    else:
                        del kinds[row["id"]]
        stored: dict[str, dict[str, Any]] = {}
        for id_chunk in _chunks(sorted(ids), self.batch_size):
            for row in tx.run("nodes_by_ids", ids=id_chunk, label=None):
                if (kind := self._kind(row["labels"])) is not None:
                    stored[row["id"]] = row["props"]
                    kinds[row["id"]] = kind
        check_batch(batch, lambda wanted: {i: kinds[i] for i in wanted if i in kinds}, self.schema)

        result = WriteResult()
        staged_nodes: list[tuple[str, dict[str, Any]]] = []
        for kind, items in node_groups:
            staged: dict[str, Any] = {}
            for node in items:
                old = staged.get(node.id)
                if old is None and node.id in stored:
                    old = node_from_props(kind, stored[node.id])
                merged = merge_node(old, node)
                if merged is not old:
                    staged[node.id] = merged
            staged_nodes.append((kind, staged))
            result.nodes += len(staged)
            if seen is not None and learnt is not None:
                learnt.kinds.update(dict.fromkeys(staged, kind))

        # the batch's relations, each once, their evidence deduplicated (graph.merge), with
        # their rows (prepared before the transaction, see prepare())
        by_label = self.prepare(batch).prepared.by_label if batch.relations else {}

        for kind, staged in staged_nodes:
            # a node this store knows is new (a first load) is created, not merged
            rows: dict[str, list[dict[str, Any]]] = {"nodes_create": [], "nodes_write": []}
            for i, n in staged.items():
                new = seen is not None and i not in seen.kinds
                rows["nodes_create" if new else "nodes_write"].append(
                    {"id": i, "props": node_props(kind, n)}
                )
            for query, node_rows in rows.items():
                for node_chunk in _chunks(node_rows, self.batch_size):
                    tx.run(query, {"label": self.schema.label(kind)}, rows=node_chunk)
            if kind == STATEMENT and staged:
                link_rows = [
                    {"id": s.id, "speaker": s.speaker, "about": s.about, "document": s.document}
                    for s in staged.values()
                ]
                for link_chunk in _chunks(link_rows, self.batch_size):
                    tx.run("statements_link", rows=link_chunk, derived=self._derived_labels)
        for label in sorted(by_label):
            added = self._write_relations(
                tx, label, by_label[label], seen, learnt if seen is not None else None
            )
            result.relations += added[0]
            result.evidence += added[1]
        mediators = sorted(
            {
                rel.source
                for rels in by_label.values()
                for rel, _, _ in rels
                if self.schema.relation(rel.type).intermediary
            }
        )
        for id_chunk in _chunks(mediators, self.batch_size):
            tx.run("actors_mark_intermediary", ids=id_chunk)
        if not result.changed:
            raise _Unchanged(result)
        return result

    def _write_relations(
        self,
        tx: _Tx,
        label: str,
        rels: list[tuple[Relation, dict[str, Evidence], list[Any]]],
        seen: _Seen | None = None,
        learnt: _Learnt | None = None,
    ) -> tuple[int, int]:
        """Write one type's relations of a batch; returns (relations created, evidence added).

        The relationships that exist already, with the evidence keys they hold, are read
        first (``relations_known``; the write lock keeps that true until the commit), but
        for those ``seen`` (all the store holds, when this store knows it) says are new or
        hold none of the batch's evidence. The others are created with every property
        computed here (``relations_create``: no MERGE and no read-before-write in Cypher,
        which made the planner buffer every row); the found ones get only the evidence whose
        key they do not hold (``relations_append``), and those holding it all are not written
        at all, so writing a batch again changes nothing. What is written is added to
        ``learnt``."""
        held: dict[tuple[str, str], set[str]] = {}
        if seen is None:
            asked = [(rel.source, rel.target) for rel, _, _ in rels]
        else:
            stored, pieces = seen.rels, seen.evidence
            asked = [
                (rel.source, rel.target)
                for rel, evidence, row in rels
                if (key := row[2]) in stored and any(hash((key, k)) in pieces for k in evidence)
            ]
            # stored, and every piece certainly new: holds none of them
            held = {(rel.source, rel.target): set() for rel, _, row in rels if row[2] in stored}
        for pair_chunk in _chunks([list(p) for p in asked], self.batch_size):
            for row in tx.run("relations_known", {"rel_type": label}, pairs=pair_chunk):
                held[(row["source"], row["target"])] = set(row["keys"])
        create: list[list[Any]] = []
        append: list[list[Any]] = []
        evidence_added = 0
        for rel, evidence, row in rels:
            have = held.get((rel.source, rel.target))
            if have is None:
                create.append(row)
                evidence_added += len(evidence)
                fresh = row[3]
            else:
                fresh = [k for k in evidence if k not in have]
                if not fresh:
                    continue
                if len(fresh) == len(evidence):  # none held: the prepared columns
                    append.append(_append_columns(row))
                else:
                    append.append(relation_append_row(rel, fresh, [evidence[k] for k in fresh]))
                evidence_added += len(fresh)
            if learnt is not None:
                key = row[2]
                if have is None:
                    learnt.rels.append(key)
                learnt.evidence.extend(hash((key, k)) for k in fresh)
        slots = {"rel_type": label}
        for row_chunk in _chunks(create, self.batch_size):
            created = int(tx.run("relations_create", slots, rows=row_chunk)[0]["created"])
            if created != len(row_chunk):  # check_batch saw both ends: never expected
                raise RuntimeError(f"created {created} of {len(row_chunk)} {label} relationships")
        for row_chunk in _chunks(append, self.batch_size):
            updated = int(tx.run("relations_append", slots, rows=row_chunk)[0]["updated"])
            if updated != len(row_chunk):
                raise RuntimeError(f"updated {updated} of {len(row_chunk)} {label} relationships")
        return len(create), evidence_added

    def delete_actor(self, actor_id: str) -> bool:
        types = self._intermediary_labels()

        def work(tx: _Tx) -> bool:
            tx.run("write_begin")
            rows = tx.run("actor_delete", id=actor_id, types=types)
            if not rows or not rows[0]["deleted"]:
                raise _Unchanged(False)
            if rows[0]["mediators"]:
                tx.run("actors_recheck_intermediary", ids=rows[0]["mediators"], types=types)
            return True

        return self._write(work)

    def rewrite(self, change: Rewrite) -> WriteResult:
        types = self._intermediary_labels()
        by_label: dict[str, list[str]] = defaultdict(list)
        for rel_type, source, target in change.remove_relations:
            by_label[self.schema.relation(rel_type).label].append(
                relation_key(rel_type, source, target)
            )
        inter = set(self.schema.intermediary_types)
        mediators = {s for t, s, _ in change.remove_relations if t in inter}
        notes = [{"key": k, "value": v} for k, v in change.notes.items()]

        def work(tx: _Tx) -> WriteResult:
            tx.run("write_begin")
            for label in sorted(by_label):
                for chunk in _chunks(by_label[label], self.batch_size):
                    tx.run("relations_delete", {"rel_type": label}, keys=chunk)
            for chunk in _chunks(sorted(change.remove_nodes), self.batch_size):
                for row in tx.run("nodes_delete", ids=chunk, types=types):
                    mediators.update(row["mediators"])
            try:
                result = self._write_tx(tx, change.batch)
            except _Unchanged as unchanged:  # what is removed is the change
                result = unchanged.value
            for chunk in _chunks(sorted(mediators), self.batch_size):
                tx.run("actors_recheck_intermediary", ids=chunk, types=types)
            if notes:
                tx.run("notes_write", rows=notes)
            return result

        return self._write(work)

    def notes(self, prefix: str) -> dict[str, str]:
        rows = self._read(lambda tx: tx.run("notes_read", prefix=prefix, limit=MAX_ROWS * 100))
        return {r["key"]: r["value"] for r in rows}

    def relations_citing(self, document: str, statements: list[str]) -> list[Relation]:
        needles = [f'"document":{json.dumps(document, ensure_ascii=False)}'] + [
            f'"statement":{json.dumps(x, ensure_ascii=False)}' for x in statements
        ]
        rows = self._read(
            lambda tx: tx.run(
                "relations_citing", types=self._labels(None), needles=needles, limit=CITING_CAP
            )
        )
        if len(rows) >= CITING_CAP:
            raise LimitError(f"more than {CITING_CAP} relations cite {document}")
        wanted = set(statements)
        out = []
        for row in rows:
            rel = self._relation(row)
            if any(e.document == document or e.statement in wanted for e in rel.evidence):
                out.append(rel)
        return out

    # ------------------------------------------------------------------ nodes
    def get_nodes(self, kind: str, ids: Iterable[str]) -> dict[str, Any]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        label = self.schema.label(kind)
        found: dict[str, Any] = {}

        def work(tx: _Tx) -> None:
            for chunk in _chunks(wanted, MAX_ROWS):
                for row in tx.run("nodes_by_ids", ids=chunk, label=label):
                    found[row["id"]] = node_from_props(kind, row["props"])

        self._read_chunks(work, len(wanted))
        return {i: found[i] for i in wanted if i in found}

    def nodes_of(self, ids: Iterable[str]) -> dict[str, tuple[str, Any]]:
        """One read (``nodes_by_ids`` with any label) instead of the kinds, then the nodes of
        each kind: an answer's actors are one round trip."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        return self._read_chunks(partial(self._nodes_in, wanted), len(wanted))

    def _nodes_in(self, wanted: list[str], tx: _Tx) -> dict[str, tuple[str, Any]]:
        found: dict[str, tuple[str, Any]] = {}
        for chunk in _chunks(wanted, MAX_ROWS):
            for row in tx.run("nodes_by_ids", ids=chunk, label=None):
                kind = self._kind(row["labels"])
                if kind is not None:
                    found[row["id"]] = (kind, node_from_props(kind, row["props"]))
        return {i: found[i] for i in wanted if i in found}

    def kinds_of(self, ids: Iterable[str]) -> dict[str, str]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        found: dict[str, str] = {}

        def work(tx: _Tx) -> None:
            for chunk in _chunks(wanted, MAX_ROWS):
                for row in tx.run("kinds_by_ids", ids=chunk):
                    kind = self._kind(row["labels"])
                    if kind is not None:
                        found[row["id"]] = kind

        self._read_chunks(work, len(wanted))
        return {i: found[i] for i in wanted if i in found}

    def lookup_names(self, names: Iterable[str]) -> dict[str, list[str]]:
        wanted = list(dict.fromkeys(names))
        if not wanted:
            return {}
        return self._read_one(partial(self._names, wanted))

    def version_and_names(self, names: Iterable[str]) -> tuple[str, dict[str, list[str]]]:
        """One query (a transaction costs the driver and the server more than the two small
        reads do): ``version_and_names``."""
        version, named, _actors = self.version_and_actors(names)
        return version, named

    def version_and_actors(
        self, names: Iterable[str]
    ) -> tuple[str, dict[str, list[str]], dict[str, Any]]:
        """:meth:`version_and_names` with the actors the names found, from the same query."""
        wanted = list(dict.fromkeys(names))
        needles = {n: name_needle(n) for n in wanted}
        rows = self._read_one(partial(self._version_and_names, needles))
        return self._named_rows(rows, wanted, needles)

    def _version_and_names(self, needles: dict[str, str], tx: _Tx) -> list[Any]:
        return tx.run(
            "version_and_names", self._counted_slots, needles=sorted(set(needles.values()))
        )

    def _named_rows(
        self, rows: list[Any], wanted: list[str], needles: dict[str, str]
    ) -> tuple[str, dict[str, list[str]], dict[str, Any]]:
        """The version, the ids each name found and the actors of a ``version_and_names`` row;
        which of the actors have no relationship of the default path types is kept at that
        version (:meth:`no_paths`)."""
        ids: dict[str, list[str]] = defaultdict(list)
        actors: dict[str, Any] = {}
        stranded: dict[str, bool] = {}
        for needle, actor_id, props, degree in rows[0]["found"]:
            ids[needle].append(actor_id)
            if actor_id not in actors:
                actors[actor_id] = node_from_props(ACTOR, props)
                stranded[actor_id] = degree == 0
        named = {n: sorted(ids.get(needles[n], [])) for n in wanted}
        version = str(rows[0]["version"])
        if stranded:
            self._stranded.found((), version)  # what was kept at another version goes
            self._stranded.keep(stranded, version)
        return version, named, actors

    def no_paths(self, source: str, target: str, relations: list[str], version: str) -> bool:
        """True when the read of the names at ``version`` found an end with no relationship
        of the default path types and ``relations`` are among them: no path joins the two,
        and ``paths_near`` is not asked (120 of the API bench's first 300 pairs)."""
        if not relations or not set(relations) <= set(self._counted_types):
            return False
        return any(self._stranded.found([source, target], version).values())

    @staticmethod
    def _names(wanted: list[str], tx: _Tx) -> dict[str, list[str]]:
        if not wanted:
            return {}
        needles = {n: name_needle(n) for n in wanted}
        rows = tx.run("names_lookup", needles=sorted(set(needles.values())))
        ids = {r["needle"]: sorted(r["ids"]) for r in rows}
        return {n: list(ids.get(needles[n], [])) for n in wanted}

    def actor_names(self) -> list[tuple[str, str, list[str]]]:
        rows = self._read(lambda tx: tx.run("actor_names"))
        return sorted((r["id"], r["name"], list(r["aliases"])) for r in rows)

    def list_nodes(self, kind: str, limit: int = 100, offset: int = 0) -> list[Any]:
        if limit <= 0:
            return []
        label = self.schema.label(kind)
        rows = self._read(
            lambda tx: tx.run(
                "nodes_list", {"label": label}, offset=max(0, offset), limit=int(limit)
            )
        )
        nodes = [node_from_props(kind, r["props"]) for r in rows]
        return sorted(nodes, key=lambda n: n.id)

    def _intermediary_labels(self) -> list[str]:
        return sorted(self.schema.relation(n).label for n in self.schema.intermediary_types)

    def intermediaries(self) -> set[str]:
        labels = self._intermediary_labels()
        if not labels:
            return set()
        rows = self._read_one(lambda tx: tx.run("intermediaries"))
        return {r["id"] for r in rows}

    # ------------------------------------------------------------------ relations, statements
    def relations(
        self,
        *,
        types: list[str] | None = None,
        source: str | None = None,
        target: str | None = None,
        actor: str | None = None,
        limit: int = 1000,
    ) -> list[Relation]:
        labels = self._labels(types)
        if not labels or limit <= 0:
            return []
        params: dict[str, Any] = {"types": labels, "limit": int(limit)}
        if actor is not None:
            name = "relations_by_actor"
            params.update(actor=actor, source=source, target=target)
        elif source is not None:
            name = "relations_by_source"
            params.update(source=source, target=target)
        elif target is not None:
            name = "relations_by_target"
            params.update(target=target)
        else:
            name = "relations_all"
        rows = self._read_one(lambda tx: tx.run(name, **params))
        rels = {r["key"]: self._relation(r) for r in rows}
        return [rels[k] for k in sorted(rels)][:limit]

    def relations_among(
        self, node_ids: list[str], types: list[str], evidence_limit: int | None = None
    ) -> list[RelationView]:
        """By pairs (an expand between two bound nodes), so hubs' relationships are not
        walked; every ordered pair of the ids is asked, in chunks."""
        ids = sorted(set(node_ids))
        pairs = [(u, v) for u in ids for v in ids if u != v]
        if len(pairs) > AMONG_CAP:
            raise LimitError(f"too many nodes ({len(ids)}) to look up the relations among")
        return self.relations_between(pairs, types, evidence_limit)

    def relations_between(
        self, pairs: list[tuple[str, str]], types: list[str], evidence_limit: int | None = None
    ) -> list[RelationView]:
        return self.nodes_and_relations([], pairs, types, evidence_limit)[1]

    def nodes_and_relations(
        self,
        ids: list[str],
        pairs: list[tuple[str, str]],
        types: list[str],
        evidence_limit: int | None = None,
    ) -> tuple[dict[str, tuple[str, Any]], list[RelationView]]:
        """Both in one query (``nodes_and_relations``, an auto-commit read) when they fit one
        chunk, as a path answer's actors and hops do; else one read transaction of chunks."""
        wanted = list(dict.fromkeys(ids))
        labels = self._labels(types) if types else []
        pairs = [(u, v) for u, v in dict.fromkeys(pairs) if u != v] if labels else []
        if not wanted and not pairs:
            return {}, []

        evidence = ALL_EVIDENCE if evidence_limit is None else max(0, evidence_limit)

        def work(tx: _Tx) -> tuple[dict[str, tuple[str, Any]], list[Any]]:
            rows: list[Any] = []
            for chunk in _chunks(pairs, MAX_ROWS):
                found = tx.run("relations_between", pairs=chunk, types=labels, evidence=evidence)
                rows.extend(r["relation"] for r in found)
            return self._nodes_in(wanted, tx) if wanted else {}, rows

        if len(wanted) <= MAX_ROWS and len(pairs) <= MAX_ROWS:  # an answer's: one query
            read = partial(self._nodes_and_relations, wanted, pairs, labels, evidence)
            nodes, rows = self._read_one(read)
        else:
            nodes, rows = self._read(work)
        views = {r["key"]: self._view(r, evidence_limit) for r in rows}
        return nodes, [views[k] for k in sorted(views)]

    def _view(self, row: Any, evidence_limit: int | None) -> RelationView:
        """A relation as an answer shows it, from a row of ``nodes_and_relations`` or
        ``relations_between``: its best pieces of evidence as the query took them when its ranks
        are stored; one written before they were is read whole and ranked here (it is until it
        is written whole again: a curation rewrite, or a load into a wiped store)."""
        kind = self._kind(row["target_labels"]) or ACTOR
        return relation_view_from_row(self._name_of_label[row["label"]], kind, row, evidence_limit)

    def _nodes_and_relations(
        self,
        wanted: list[str],
        pairs: list[tuple[str, str]],
        labels: list[str],
        evidence: int,
        tx: _Tx,
    ) -> tuple[dict[str, tuple[str, Any]], list[Any]]:
        """``nodes_and_relations`` (at most :data:`MAX_ROWS` of each): the nodes by id with
        their kinds, and the relations' maps as ``relations_between`` gives them."""
        row = tx.run(
            "nodes_and_relations",
            ids=wanted,
            pairs=[list(p) for p in pairs],
            types=labels,
            evidence=evidence,
        )[0]
        found: dict[str, tuple[str, Any]] = {}
        for node_id, node_labels, props in row["nodes"]:
            kind = self._kind(node_labels)
            if kind is not None:
                found[node_id] = (kind, node_from_props(kind, props))
        return {i: found[i] for i in wanted if i in found}, row["relations"]

    def relation_evidence(
        self, rel_type: str, source: str, target: str, offset: int = 0, limit: int = 20
    ) -> tuple[list[Evidence], int] | None:
        """One page of a relation's evidence, best first, with its total: the page taken in
        Cypher when the relationship's ranks are stored, else its evidence read whole and
        ranked here (``relation_evidence``)."""
        rt = self.schema.relations.get(rel_type)
        if rt is None or rt.derived:
            return None
        offset, limit = max(0, offset), max(0, limit)
        rows = self._read_one(
            lambda tx: tx.run(
                "relation_evidence",
                source=source,
                target=target,
                types=[rt.label],
                offset=offset,
                limit=limit,
            )
        )
        if not rows:
            return None
        row = rows[0]
        if row["ranked"]:
            return evidence_from_list(row["evidence"]), int(row["total"])
        ranked = rank_evidence(evidence_from_list(row["evidence"]), None)
        return ranked[offset : offset + limit], len(ranked)

    def statements(
        self,
        *,
        actor: str | None = None,
        role: str = "either",
        topic: str | None = None,
        document: str | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> tuple[list[Statement], int]:
        params: dict[str, Any] = {
            "topic": topic,
            "document": document,
            "since": since,
            "until": until,
            "text": text.casefold() if text else None,
            "offset": max(0, offset),
            "limit": max(0, limit),
        }
        name = "statements_all"
        if actor is not None:
            name = "statements_by_actor"
            params.update(actor=actor, role=role)
        rows = self._read(lambda tx: tx.run(name, **params))
        if not rows:
            return [], 0
        page = [node_from_props(STATEMENT, p) for p in rows[0]["page"]]
        page.sort(key=lambda s: (s.date or "", s.id))
        return page, int(rows[0]["total"])

    # ------------------------------------------------------------------ graph queries
    def _walk(self, relations: list[str]) -> tuple[list[str], list[str]]:
        """The labels of :meth:`Schema.walks`: walked both ways, and forward only."""
        both, forward = self.schema.walks(relations)
        label = self.schema.relations
        return sorted(label[n].label for n in both), sorted(label[n].label for n in forward)

    def find_paths(
        self,
        source: str,
        target: str,
        relations: list[str],
        max_hops: int,
        max_paths: int,
        intermediaries_only: bool = False,
    ) -> tuple[list[RawPath], bool]:
        """Paths of up to four hops are listed whole from the hops ``paths_near`` reads (the
        few a path between the two actors can use: hubs next to an end are not expanded but
        looked up pair by pair) and ranked as the embedded store ranks its listing
        (:func:`graph.walk.rank_listed`), so both backends give the same
        answer, never cut (:meth:`_listing`). Longer questions, and those whose hops pass
        :data:`NEAR_CAP` relationships read or whose paths are too many to list, are ranked
        in the database one length at a time (:meth:`_by_length`; fewest hops come first, so
        the ranked lengths are a prefix of the ranking): ``paths`` gives every path of the shortest
        length (``SHORTEST 1 GROUPS``, a search from both ends); while fewer than ``max_paths``
        came back, ``paths_longer`` gives those of the next length (each half walked from its
        own end and joined in the middle), up to ``max_hops``.

        Bounds: a length whose walks are more than :attr:`path_budget` is not ranked whole;
        its first paths come from the bounded join (:meth:`_best_of_length`), and the answer is
        cut where the join cannot prove the next path's place; so is one the time limit cut
        (each query runs within what is left of it). A cut answer is still the first paths of
        the ranking, only fewer than asked."""
        q = self._question(source, target, relations, max_hops, max_paths, intermediaries_only)
        if q is None:
            return [], False
        near = self._listing(q, max_paths)
        if near is not None:
            from actorgraph.graph.walk import rank_listed

            listed, named = near.listed, near.named
            return self._listed_paths(rank_listed(listed, max_paths, named), named), False
        return self._by_length(q, max_paths)

    def _question(
        self,
        source: str,
        target: str,
        relations: list[str],
        max_hops: int,
        max_paths: int,
        intermediaries_only: bool,
    ) -> _PathQuestion | None:
        """A path question's parameters, walked types and hops; None when it has no path."""
        both, forward = self._walk(relations)
        if source == target or max_paths <= 0 or max_hops < 1 or not (both or forward):
            return None
        params = {
            "source": source,
            "target": target,
            "both": both,
            "forward": forward,
            "intermediaries_only": bool(intermediaries_only),
        }
        return _PathQuestion(
            params,
            tuple(sorted({*both, *forward})),  # a typed expansion: hubs' other types unread
            min(int(max_hops), MAX_HOPS),
            time.monotonic() + self.query_timeout,
        )

    def _listing(self, q: _PathQuestion, max_paths: int) -> _Near | None:
        """The paths :meth:`_near` lists: when few paths are wanted, those of up to three
        hops first if the ends' neighbours allow that many (fewer hops rank first: when they
        are enough, the four-hop middles, a hub pair's thousands, are not looked for), and
        up to ``q.hops`` at once if not (one read, not two); else up to ``q.hops``."""
        if q.hops > 3 and max_paths <= BOUNDED_FIRST:
            near = self._near(q.params, q.types, q.hops, q.deadline, max_paths, enough=max_paths)
            # whole; or an end no path leaves (none of any length); or None: what made the
            # read give up (the cap, the time limit, too many paths) would hold for four too
            if near is None or near.length >= q.hops or near.stranded:
                return near
            if len(near.listed[1]) >= max_paths:
                return near  # enough paths of up to three hops
        return self._near(q.params, q.types, q.hops, q.deadline, max_paths)

    def _by_length(self, q: _PathQuestion, max_paths: int) -> tuple[list[RawPath], bool]:
        """Ranked in Cypher one length at a time (see :meth:`find_paths`); an answer a query's
        time or memory limit cut is logged (:meth:`_cut_at_limit`)."""
        found, cut, limited = self._ranked_by_length(q, max_paths)
        if cut and limited:
            self._cut_at_limit(q, limited)
        return found, cut

    @staticmethod
    def _cut_at_limit(q: _PathQuestion, limited: list[str]) -> None:
        """A warning that a path answer is cut because queries ran out of their time or
        memory limit (not because the join could not prove more paths): with ``extra``
        ``limit_cut`` set, so that a caller (``bench/neo4j_paths.py``) can count them."""
        logger.warning(
            "paths %s -> %s cut at the query limit (%s)",
            q.params["source"],
            q.params["target"],
            ", ".join(limited),
            extra={"limit_cut": True},
        )

    def _ranked_by_length(
        self, q: _PathQuestion, max_paths: int
    ) -> tuple[list[RawPath], bool, list[str]]:
        """:meth:`_by_length`'s answer and cut, and the queries that were over a limit or
        not run for want of time."""
        params, types, hops, deadline = q.params, q.types, q.hops, q.deadline
        limited: list[str] = []

        def ask(
            name: str, slots: dict[str, Any], limit: int, min_left: float = 0.01, **more: Any
        ) -> Any | None:
            left = deadline - time.monotonic()
            if left < min_left:
                limited.append(f"{name}: no time left")
                return None
            try:
                rows = self._read_one(
                    lambda tx: tx.run(name, slots, **params, **more, limit=limit), left
                )
            except LimitError as exc:
                limited.append(f"{name}: {exc}")
                return None
            if rows:
                return rows[0]
            return {"walks": 0, "shortest": None, "rows": [], "capped": False, "bound": -1.0}

        first = ask("paths", {"hops": hops, "types": types}, max_paths, budget=self.path_budget)
        if first is None:
            return [], True, limited
        if first["shortest"] is None:
            return [], False, limited
        shortest = length = int(first["shortest"])
        if first["walks"] <= self.path_budget:
            found = list(first["rows"])
            length += 1
        else:
            found = []  # too many walks of the shortest length to rank them all
        while len(found) < max_paths and length <= hops:
            slots = {"left": (length + 1) // 2, "right": length // 2, "types": types}
            rows, whole = self._best_of_length(
                ask, slots, max_paths - len(found), exhaustive=length > shortest
            )
            found.extend(rows)
            if not whole:
                return self._raw(found), True, limited
            length += 1
        return self._raw(found), False, limited

    def _near(
        self,
        params: dict[str, Any],
        types: tuple[str, ...],
        hops: int,
        deadline: float,
        want: int,
        enough: int = 0,
    ) -> _Near | None:
        """Every simple path of at most ``hops`` hops (four at most) listed, as the embedded
        store lists them (:meth:`Walk.short_paths`), over the hops ``paths_near`` reads: the
        few a path between the two actors can use, not the graph; of the four-hop paths
        through an actor next to neither end, only those that can be among the first
        ``want`` four-hop paths (so the first ``want`` paths listed are the ranking's); with
        ``enough``, those of up to three hops only when the ends' neighbours allow that many
        (``length`` says which); and those of up to two hops only, of which only the ones
        that can be among the first ``want``, when there are at least ``want`` of them (a hub
        pair: its neighbours are not grown). With the node numbers' ids and sort keys. None
        when it cannot be: longer paths, more hops than the query's cap, too many paths to
        list, or no time left (the lengths are then ranked one at a time in Cypher)."""
        from actorgraph.graph.walk import SHORT_HOPS, Walk

        left = deadline - time.monotonic()
        if hops > SHORT_HOPS or left < 0.01:
            return None
        if types in self._near_refused:
            return None
        try:
            rows = self._read_one(
                lambda tx: tx.run(
                    "paths_near",
                    {"types": types},  # typed: a type not in $both is walked forward only
                    **{k: v for k, v in params.items() if k != "forward"},
                    hops=hops,
                    cap=NEAR_CAP,
                    hub=NEAR_HUB,
                    into=NEAR_INTO,
                    want=want if want <= NEAR_PRUNE else NEAR_CAP + 1,
                    enough=enough,
                    two=want,
                ),
                left,
            )
        except LimitError:
            if types not in self._near_planned:
                # its plan takes seconds of the server's CPU to make (8-11 s wall at load 17),
                # once per server and types; warm() makes the default types' plan with a
                # longer limit. Other types whose plan did not fit in the question's limit are
                # ranked length by length from then on, not planned again at every question;
                # but one question over the limit may be a hub pair's, not the plan's: the
                # types are given up only after NEAR_TRIES such questions and no answer
                failed = self._near_failed.get(types, 0) + 1
                self._near_failed[types] = failed
                if failed >= NEAR_TRIES:
                    self._near_refused.add(types)
            return None
        self._near_planned.add(types)
        if not rows or rows[0]["capped"]:
            return None if rows else self._no_paths(hops)
        hops = rows[0]["length"]
        names = rows[0]["names"]
        index = {n[0]: i for i, n in enumerate(names)}
        if params["source"] not in index or params["target"] not in index:
            return self._no_paths(hops)
        # a hub pair's answer is thousands of hops: taken apart by columns, each distinct
        # date converted once
        found: list[list[Any]] = rows[0]["hops"]
        us, vs, sups, lasts = zip(*found, strict=True) if found else ((), (), (), ())
        day = {d: date_int(d) for d in set(lasts)}
        walk = Walk.from_edges(
            np.fromiter(map(index.__getitem__, us), np.int64, len(us)),
            np.fromiter(map(index.__getitem__, vs), np.int64, len(vs)),
            np.array(sups, np.float64),
            np.fromiter(map(day.__getitem__, lasts), np.int64, len(lasts)),
            len(names),
        )
        listed = walk.short_paths(index[params["source"]], index[params["target"]], hops, None)
        if listed is None:
            return None
        named = {i: (n[0], n[1]) for i, n in enumerate(names)}
        return _Near(listed, lambda nodes: named, length=hops)

    @staticmethod
    def _no_paths(
        hops: int,
    ) -> _Near:
        empty: Listed = (
            np.zeros((0, hops + 1), np.int64),
            np.zeros(0, np.int64),
            np.zeros(0, np.float64),
            np.zeros(0, np.int64),
        )
        return _Near(empty, lambda nodes: {}, stranded=True, length=hops)

    @staticmethod
    def _listed_paths(
        found: list[tuple[list[int], float, int]], named: Callable[[Iterable[int]], Any]
    ) -> list[RawPath]:
        names = named(())
        return [RawPath([names[n][0] for n in p], sup, date_str(last)) for p, sup, last in found]

    def inner_counts(
        self,
        source: str,
        target: str,
        relations: list[str],
        max_hops: int,
        max_paths: int,
        top: int,
        intermediaries_only: bool = False,
    ) -> InnerCounts:
        """Counted on the listed paths' arrays when ``paths_near`` lists them (as the
        embedded store counts them), else over the paths ranked one length at a time."""
        q = self._question(source, target, relations, max_hops, max_paths, intermediaries_only)
        if q is None:
            return InnerCounts(0, [])
        near = self._listing(q, max_paths)
        if near is None:
            return count_inner(self._by_length(q, max_paths)[0], top)
        from actorgraph.graph.walk import count_ranked_listed

        listed, named = near.listed, near.named
        return count_ranked_listed(listed, max_paths, top, named)

    def warm(self) -> None:
        """Compile the plans of the path queries for the default relation types (the API's
        questions) by asking them about two actors with budgets of one walk:
        ``paths_bounded`` alone takes seconds of the server's CPU to plan, which the first
        hub question would wait for otherwise."""
        both, forward = self._walk(self.schema.channel_types)
        types = tuple(sorted({*both, *forward}))
        ends = [a.id for a in self.list_nodes(ACTOR, limit=2)]
        if not types or len(ends) < 2:
            return
        params: dict[str, Any] = {  # two real actors, a budget of one walk a query: the
            # queries run (a plan made for ids that match no actor is not the one real ids
            # use), each stopping at its first walk, within the warm-up's time limit
            "source": ends[0],
            "target": ends[1],
            "both": both,
            "forward": forward,
            "intermediaries_only": False,
            "limit": 1,
        }
        asks: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
            ("paths", {"hops": WARM_HOPS, "types": types}, {"budget": 1}),
            ("paths", {"hops": 1, "types": types}, {"budget": 1}),
            ("paths_bounded", {"types": types}, {"keep": 1, "half_cap": 1, "left": 1, "right": 1}),
            (
                "paths_near",
                {"types": types},
                {"hops": 4, "cap": 1, "hub": NEAR_HUB, "into": 0, "want": 1, "enough": 0, "two": 0},
            ),
        ]
        for length in range(2, WARM_HOPS + 1):
            slots = {"left": (length + 1) // 2, "right": length // 2, "types": types}
            asks.append(("paths_longer", slots, {"budget": 1}))
        for name, slots, more in asks:
            if name == "paths_near":  # takes no limit, nor the types walked forward
                more = {k: v for k, v in params.items() if k not in ("limit", "forward")} | more
            else:
                more = params | more
            self._read(partial(_run_named, name=name, slots=slots, params=more), 120.0)
        self._bounded_planned.add(types)
        self._near_planned.add(types)

    def _best_of_length(
        self,
        ask: Callable[..., Any | None],
        slots: dict[str, Any],
        want: int,
        exhaustive: bool,
    ) -> tuple[list[Any], bool]:
        """The first ``want`` paths of one length, and whether they are all there are or
        ``want`` of them (False: fewer, still the ranking's first; the answer is cut).

        ``paths_bounded`` grows half-paths hop by hop from each end, keeping the best
        :attr:`path_keep` per actor reached, and joins them on the middle actor: its rows are
        certain while their support exceeds its bound (the most a path with a half it left
        out could have), and all of them when nothing was left out. Certain rows are the
        ranking's first paths of the length. When it proves fewer than ``want``,
        ``paths_longer`` ranks every walk of the length if they fit :attr:`path_budget`
        (``exhaustive``; not asked for a length whose walks ``paths`` already counted past
        the budget). When more than :data:`BOUNDED_FIRST` are wanted (brokers count a
        thousand paths), ``paths_longer`` is asked first, as the join seldom proves so many;
        so it is while this process has not seen the join's plan made for these types (it
        takes seconds to plan: :meth:`warm`)."""
        if slots["right"] == 0:
            # one hop has no half to join on the target's side: its walks are the pair's own
            # relationships, one per type and direction at most, so all of them are ranked
            one = ask(
                "paths",
                {"hops": 1, "types": slots["types"]},
                want,
                budget=max(self.path_budget, 2 * len(slots["types"])),
            )
            if one is None:
                return [], False
            return list(one["rows"]), True
        planned = slots["types"] in self._bounded_planned
        if exhaustive and (want > BOUNDED_FIRST or not planned):
            # many paths wanted (brokers count a thousand): the join seldom proves them all;
            # and a join not planned yet costs seconds to plan, which ranking may spare
            more = ask("paths_longer", slots, want, budget=self.path_budget)
            if more is not None and more["walks"] <= self.path_budget:
                return list(more["rows"]), True
            exhaustive = False
        # the hop-by-hop join first: a few hundred rows per hop where ranking every walk
        # enumerates thousands through a hub (and then finds them past the budget); Neo4j's
        # time limit does not stop a plan being made: not started with little time left
        got = ask(
            "paths_bounded",
            {"types": slots["types"]},
            want,
            min_left=BOUNDED_MIN_TIME,
            keep=self.path_keep,
            half_cap=self.path_half_cap,
            left=slots["left"],
            right=slots["right"],
        )
        certain: list[Any] = []
        if got is not None:
            self._bounded_planned.add(slots["types"])
        if got is not None and not got["capped"]:
            bound = float(got["bound"])
            rows = list(got["rows"])
            if bound < 0:  # no half was left out: the join is the whole length
                return rows, True
            certain = list(itertools.takewhile(lambda r: float(r[2]) > bound, rows))
            if len(certain) >= want:
                return certain, True
        if exhaustive:  # what the join cannot prove, every walk ranked when they fit the budget
            more = ask("paths_longer", slots, want, budget=self.path_budget)
            if more is not None and more["walks"] <= self.path_budget:
                return list(more["rows"]), True
        return certain, False

    @staticmethod
    def _raw(rows: list[Any]) -> list[RawPath]:
        return [RawPath(list(r[0]), float(r[2]), r[3] or None) for r in rows]

    def neighborhood(
        self,
        seeds: list[str],
        depth: int,
        relations: list[str],
        since: str | None = None,
        until: str | None = None,
        limit: int = 500,
        evidence_limit: int | None = None,
    ) -> Subgraph:
        """Breadth-first, one ``neighborhood_level`` per level: one row with the level's
        relations (type and ends) and its nodes (kind, name, actor type and intermediary flag,
        which order what is admitted and are what the answer shows of them), admitted by
        :func:`graph.store.admit_neighbours` like the embedded store. A level none of whose
        ends the cap can leave out brings its relations along as answers show them (their
        best ``evidence_limit`` pieces taken in Cypher by the ranks every write stores, with
        the total and the aggregates; :meth:`relation_evidence` pages the rest); the kept
        edges of a level the cap cut are read after (``relations_by_ends``, the same way). A
        relationship written before the ranks were stored comes whole and is ranked here
        (``actorgraph upgrade`` stores its ranks). The seeds are described by the first
        level's read, asked before the admission starts."""
        hood = self._read(
            partial(
                self._neighbourhood_read,
                seeds,
                depth,
                relations,
                since,
                until,
                limit,
                evidence_limit,
            )
        )
        return self._neighbourhood_answer(hood, evidence_limit)

    def named_neighborhood(
        self,
        names: list[str],
        seeds_of: Callable[[str, dict[str, list[str]]], tuple[list[str], Subgraph | None]],
        depth: int,
        relations: list[str],
        since: str | None = None,
        until: str | None = None,
        limit: int = 500,
        evidence_limit: int | None = None,
    ) -> tuple[str, Subgraph, bool]:
        """One read transaction (its ``BEGIN`` sent with the first query): the data version
        with the names' actors (``version_and_names``), then, unless ``seeds_of`` has the
        answer kept, the neighbourhood of the seeds it resolves them to, as
        :meth:`neighborhood` reads it."""
        wanted = list(dict.fromkeys(names))
        needles = {n: name_needle(n) for n in wanted}

        def work(tx: _Tx) -> tuple[str, Subgraph | None, _Hood | None]:
            rows = self._version_and_names(needles, tx)
            version, named, _actors = self._named_rows(rows, wanted, needles)
            seeds, kept = seeds_of(version, named)
            if kept is not None:
                return version, kept, None
            read = self._neighbourhood_read(
                seeds, depth, relations, since, until, limit, evidence_limit, tx
            )
            return version, None, read

        version, kept, hood = self._read(work)
        if kept is not None:
            return version, kept, False
        assert hood is not None
        return version, self._neighbourhood_answer(hood, evidence_limit), True

    def _neighbourhood_read(
        self,
        seeds: list[str],
        depth: int,
        relations: list[str],
        since: str | None,
        until: str | None,
        limit: int,
        evidence_limit: int | None,
        tx: _Tx,
    ) -> _Hood:
        """What :meth:`neighborhood` reads, in ``tx``: each kept relation as
        ``nodes_and_relations`` gives it (its best ``evidence_limit`` pieces taken in Cypher)."""
        labels = self._labels(relations) if relations else []
        evidence = ALL_EVIDENCE if evidence_limit is None else max(0, evidence_limit)
        name_of_label = self._name_of_label
        labels_of: dict[str, str] = {}  # relation key -> relationship label
        read_of: dict[str, Any] = {}  # relation key -> its row (as relations_between's), read
        described: dict[str, _Described] = {}  # node id -> as the level read it
        levels: dict[frozenset[str], list[tuple[str, str, str]]] = {}
        admitted = 0  # nodes admitted before this level's frontier

        def level(frontier: list[str]) -> list[tuple[str, str, str]]:
            out: list[tuple[str, str, str]] = []
            room = limit - admitted - len(frontier)
            for chunk in _chunks(frontier, MAX_ROWS):
                for row in tx.run(
                    "neighborhood_level",
                    frontier=chunk,
                    types=labels,
                    since=since,
                    until=until,
                    room=room,
                    evidence=evidence,
                ):
                    for node_id, node_labels, name, actor_type, flag in row["nodes"]:
                        described.setdefault(
                            node_id, _Described(node_labels, name, actor_type, flag is True)
                        )
                    for label, source, target in row["edges"]:
                        key = relation_key(name_of_label[label], source, target)
                        labels_of[key] = label
                        out.append((key, source, target))
                    for r in row["relations"]:  # a level none of whose ends is left out
                        read_of[
                            relation_key(name_of_label[r["label"]], r["source"], r["target"])
                        ] = r
            return out

        def incident(frontier: list[str]) -> list[tuple[str, str, str]]:
            nonlocal admitted
            read = levels.pop(frozenset(frontier), None)
            if read is None:
                read = level(frontier)
            admitted += len(frontier)
            return read

        def describe(ids: list[str]) -> dict[str, tuple[str, str]]:
            unread = [i for i in ids if i not in described]  # the seeds only
            if unread:  # the first level's read describes them
                levels[frozenset(unread)] = level(unread)
            out: dict[str, tuple[str, str]] = {}
            for i in ids:
                if i in described:
                    kind = self._kind(described[i].labels)
                    if kind is not None:
                        out[i] = (kind, name_sort_key(str(described[i].name), i))
            return out

        start = [(i, k, key) for i, (k, key) in describe(list(dict.fromkeys(seeds))).items()]
        hood = admit_neighbours(start, depth, limit, incident, describe)
        unread = [(k, ends) for k, ends in hood.kept_edges() if k not in read_of]
        for kept_chunk in _chunks(unread, MAX_ROWS):
            rows = [[a, b, labels_of[k]] for k, (a, b) in kept_chunk]
            found = tx.run("relations_by_ends", rows=rows, evidence=evidence)
            for r in found:
                read_of[kept_chunk[r["i"]][0]] = r["relation"]
        return hood, described, read_of

    def _neighbourhood_answer(self, read: _Hood, evidence_limit: int | None) -> Subgraph:
        """The subgraph of what :meth:`_neighbourhood_read` read."""
        hood, described, read_of = read
        refs: dict[str, NodeRef] = {}
        for i in hood.seen:
            d = described.get(i)
            kind = self._kind(d.labels) if d is not None else None
            if d is not None and kind is not None:
                actor_type = d.actor_type if kind == ACTOR else None
                refs[i] = NodeRef(i, kind, str(d.name), actor_type, d.intermediary)
        views = [self._view(read_of[key], evidence_limit) for key, _ends in hood.kept_edges()]
        return hood.subgraph(refs, views)

    def projection_edges(
        self, relations: list[str], since: str | None = None, until: str | None = None
    ) -> list[tuple[str, str, str, float]]:
        labels = self._labels(relations) if relations else []
        if not labels:
            return []
        rows = self._read(
            lambda tx: tx.run("projection_edges", types=labels, since=since, until=until)
        )
        name = self._name_of_label
        return [(e["source"], e["target"], name[e["label"]], float(e["confidence"])) for e in rows]

    # ------------------------------------------------------------------ bulk
    def _page_nodes(self, kind: str) -> Iterator[Any]:
        label = self.schema.label(kind)
        after = ""

        def page(tx: _Tx, after: str) -> list[Any]:
            return tx.run("export_nodes", {"label": label}, after=after, limit=self.batch_size)

        while True:
            rows = self._read(partial(page, after=after))
            for r in rows:
                yield node_from_props(kind, r["props"])
            if len(rows) < self.batch_size:
                return
            after = rows[-1]["id"]

    def _page_relations(self, label: str) -> Iterator[Relation]:
        after = ""

        def page(tx: _Tx, after: str) -> list[Any]:
            return tx.run(
                "export_relations", {"rel_type": label}, after=after, limit=self.batch_size
            )

        while True:
            rows = self._read(partial(page, after=after))
            for r in rows:
                yield self._relation(r, label)
            if len(rows) < self.batch_size:
                return
            after = rows[-1]["key"]

    def iter_records(self) -> Iterator[AnyRecord]:
        """Streamed page by page (keyset pagination on the id and key indexes)."""
        streams = [self._page_relations(label) for label in self._labels(None)]
        yield from records_of(self._page_nodes, heapq.merge(*streams, key=lambda r: r.key))

    def counts(self) -> dict[str, Any]:
        labels = self._labels(None)

        def work(tx: _Tx) -> dict[str, Any]:
            nodes = {
                k: int(tx.run("counts_nodes", {"label": self.schema.label(k)})[0]["n"])
                for k in NODE_KINDS
            }
            types = {r["type"]: int(r["n"]) for r in tx.run("counts_actor_types")}
            rels: dict[str, int] = {}
            evidence = 0
            for r in tx.run("counts_relations", types=labels):
                rels[self._name_of_label[r["label"]]] = int(r["n"])
                evidence += int(r["evidence"] or 0)
            return {
                "nodes": nodes,
                "actor_types": dict(sorted(types.items())),
                "relations": dict(sorted(rels.items())),
                "evidence": evidence,
            }

        return self._read(work)
