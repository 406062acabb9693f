"""Durable storage of the embedded store: one SQLite file under the data directory.

SQLite gives what the embedded store promises: a write batch is one transaction
(``BEGIN IMMEDIATE``: the write lock is taken before anything is read, so a writer merges
against what is committed and concurrent writers, in threads or processes, take turns), a
process killed mid-ingest leaves the last committed batch readable and nothing half-written,
and WAL mode lets readers (the API) read while a writer (the CLI) ingests.

Tables (schema version 2):

* ``nodes``: every node by ``id`` with its ``kind``, display ``name`` and JSON ``data``; the
  integer ``idx`` numbers actors in the compact actor structure;
* ``names``: the normalized id, name and aliases of each actor (name lookup);
* ``statements`` and ``statement_about``: the fields statements are searched by;
* ``relations``: one row per ``(type, source, target)`` with its aggregates over all its
  evidence (highest confidence, distinct sources, count, first and last seen, validity), the
  ends' ``idx`` (actors) and ``seq``, the data version that last touched it;
* ``evidence``: each piece with its display ``rank`` (:func:`graph.ranking.evidence_rank`)
  and observation window ``lo``/``hi`` (date filters); ``sources``: distinct sources;
* ``intermediaries``: actors at the source of an intermediary relation;
* ``rankings``: the last influence rankings computed (per question, with their version);
* ``snapshot``: the actor structure (actor-to-actor relations as arrays) as of a data
  version; relations with a later ``seq`` are applied on top when it is opened.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCHEMA_VERSION = 2
DB_NAME = "actorgraph.sqlite"

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes (
    idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
    name TEXT NOT NULL, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS nodes_kind ON nodes (kind, id);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL, node TEXT NOT NULL, PRIMARY KEY (key, node)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_node ON names (node);
CREATE TABLE IF NOT EXISTS statements (
    id TEXT PRIMARY KEY, speaker TEXT NOT NULL, on_behalf_of TEXT, document TEXT,
    date TEXT, text_cf TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS statements_speaker ON statements (speaker);
CREATE INDEX IF NOT EXISTS statements_behalf ON statements (on_behalf_of);
CREATE TABLE IF NOT EXISTS statement_about (
    topic TEXT NOT NULL, statement TEXT NOT NULL, PRIMARY KEY (topic, statement)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS statement_about_statement ON statement_about (statement);
CREATE TABLE IF NOT EXISTS relations (
    rid INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
    source TEXT NOT NULL, target TEXT NOT NULL, target_kind TEXT NOT NULL,
    source_idx INTEGER NOT NULL, target_idx INTEGER NOT NULL,
    confidence REAL NOT NULL, sources INTEGER NOT NULL, evidence INTEGER NOT NULL,
    first_seen TEXT, last_seen TEXT, valid_from TEXT, valid_to TEXT, seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS relations_source ON relations (source, type);
CREATE INDEX IF NOT EXISTS relations_target ON relations (target, type);
CREATE INDEX IF NOT EXISTS relations_seq ON relations (seq);
CREATE TABLE IF NOT EXISTS evidence (
    rid INTEGER NOT NULL, key TEXT NOT NULL, rank TEXT NOT NULL, lo TEXT, hi TEXT,
    data TEXT NOT NULL, PRIMARY KEY (rid, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS evidence_rank ON evidence (rid, rank);
CREATE TABLE IF NOT EXISTS sources (
    rid INTEGER NOT NULL, source TEXT NOT NULL, PRIMARY KEY (rid, source)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS intermediaries (node TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshot (id INTEGER PRIMARY KEY, version INTEGER NOT NULL,
    data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS rankings (key TEXT PRIMARY KEY, version TEXT NOT NULL,
    data TEXT NOT NULL, saved REAL NOT NULL);
"""


#: Indexes a first load into an empty store builds once at its end instead of row by row
#: (:meth:`Database.bulk_load`): each is in ``_DDL`` too, so a store opened after a load that
#: died halfway has them again.
DEFERRED_INDEXES = {
    name: sql
    for sql in _DDL.split(";")
    if (words := sql.split())[:5] == ["CREATE", "INDEX", "IF", "NOT", "EXISTS"]
    and (name := words[5])
    in ("relations_source", "relations_target", "relations_seq", "evidence_rank")
}
#: WAL pages written before SQLite copies them into the database during a bulk load (its
#: default, 1,000, copies the same index pages again after every few batches).
BULK_CHECKPOINT_PAGES = 25_000
#: How long a statement waits for another process's lock (SQLite's busy timeout).
BUSY_SECONDS = 60.0
#: How long opening tries again when SQLite refuses it at once (see :class:`Database`).
OPEN_RETRY_SECONDS = 30.0


def _schema_version(conn: sqlite3.Connection) -> int | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError:  # a new file: no meta table yet
        return None
    return None if row is None else int(row[0])


class Database:
    """The SQLite file: one connection, transactions that take the write lock first."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / DB_NAME
        # Processes that open one new file at the same moment race on turning it to WAL and
        # on its first DDL; SQLite answers some of those steps "database is locked" at once,
        # without its busy handler (seen in CI: two `actorgraph ingest` of a new store). The
        # open is idempotent, so it is tried again for as long as a write would wait.
        deadline = time.monotonic() + OPEN_RETRY_SECONDS
        pause = 0.02
        while True:
            try:
                self.conn = self._open()
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() + pause > deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.5)

    def _open(self) -> sqlite3.Connection:
        """A connection set up for the store, or none left open if a step fails."""
        conn = sqlite3.connect(
            self.path, isolation_level=None, check_same_thread=False, timeout=BUSY_SECONDS
        )
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
            conn.execute("PRAGMA cache_size=-65536")  # 64 MB of page cache
            found = _schema_version(conn)
            if found is not None and found != SCHEMA_VERSION:
                raise RuntimeError(
                    f"{self.path}: data written by schema version {found}, this is "
                    f"{SCHEMA_VERSION}; export it with the version that wrote it and ingest "
                    "the export into a new store"
                )
            conn.executescript(_DDL)
            conn.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
        except BaseException:
            conn.close()
            raise
        return conn

    def close(self) -> None:
        self.conn.close()

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def version(self) -> int:
        return int(self.meta("version") or 0)

    def data_version(self) -> int:
        """Changes when another connection commits (cheap check for stale caches)."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``; rolls back on any exception."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    @contextmanager
    def snapshot_read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: everything read inside sees one committed state."""
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        finally:
            self.conn.execute("COMMIT")

    def begin_bulk(self) -> tuple[bool, int]:
        """Before a load of many batches: when the store holds no relation yet, drop the
        indexes of :data:`DEFERRED_INDEXES` (:meth:`end_bulk` builds them again, in one pass),
        and copy the WAL into the database less often. Returns whether indexes were dropped.
        Every batch still commits on its own; a process that dies before :meth:`end_bulk`
        leaves them readable, and the next open builds the indexes again. Returns too the
        data version it found empty (or not)."""
        with self.transaction() as conn:
            empty = conn.execute("SELECT 1 FROM relations LIMIT 1").fetchone() is None
            if empty:
                for name in DEFERRED_INDEXES:
                    conn.execute(f"DROP INDEX IF EXISTS {name}")
            version = self.version()
        self.conn.execute(f"PRAGMA wal_autocheckpoint={BULK_CHECKPOINT_PAGES}")
        return empty, version

    def end_bulk(self, deferred: bool) -> None:
        """After the load :meth:`begin_bulk` began (whether it went well or not)."""
        self.conn.execute("PRAGMA wal_autocheckpoint=1000")
        if deferred:
            with self.transaction() as conn:
                for sql in DEFERRED_INDEXES.values():
                    conn.execute(sql)

    @staticmethod
    def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
        conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
