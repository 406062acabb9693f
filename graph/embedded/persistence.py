"""Durable storage of the embedded store: one SQLite file under the data directory.

SQLite gives what the embedded store promises: a write batch is one transaction, so a
process killed mid-ingest leaves the last committed batch readable and nothing half-written;
WAL mode lets a reader (the API) load while a writer (the CLI) ingests.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1
DB_NAME = "actorgraph.sqlite"

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS relations (
    key TEXT PRIMARY KEY, type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
    target_kind TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS evidence (
    relation_key TEXT NOT NULL, key TEXT NOT NULL, data TEXT NOT NULL,
    PRIMARY KEY (relation_key, key)
);
"""


class Database:
    """Thin wrapper over the SQLite file: rows in, rows out, one transaction per batch."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / DB_NAME
        self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA busy_timeout=30000")
        self.conn.executescript(_DDL)
        found = self.meta("schema_version")
        if found is None:
            self.conn.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
        elif int(found) != SCHEMA_VERSION:
            raise RuntimeError(
                f"{self.path}: data written by schema version {found}, this is {SCHEMA_VERSION}"
            )

    def close(self) -> None:
        self.conn.close()

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

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

    # ------------------------------------------------------------ reading everything
    def iter_nodes(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        for id_, kind, data in self.conn.execute("SELECT id, kind, data FROM nodes"):
            yield id_, kind, json.loads(data)

    def iter_relations(self) -> Iterator[tuple[str, str, str, str, str]]:
        yield from self.conn.execute("SELECT key, type, source, target, target_kind FROM relations")

    def iter_evidence(self) -> Iterator[tuple[str, dict[str, Any]]]:
        for rkey, data in self.conn.execute(
            "SELECT relation_key, data FROM evidence ORDER BY rowid"
        ):
            yield rkey, json.loads(data)

    # ------------------------------------------------------------ writing (inside a transaction)
    @staticmethod
    def put_nodes(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, str]]) -> None:
        conn.executemany("INSERT OR REPLACE INTO nodes (id, kind, data) VALUES (?, ?, ?)", rows)

    @staticmethod
    def put_relations(
        conn: sqlite3.Connection, rows: Iterable[tuple[str, str, str, str, str]]
    ) -> None:
        conn.executemany("INSERT OR IGNORE INTO relations VALUES (?, ?, ?, ?, ?)", rows)

    @staticmethod
    def put_evidence(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, str]]) -> None:
        conn.executemany("INSERT OR IGNORE INTO evidence VALUES (?, ?, ?)", rows)

    @staticmethod
    def delete(conn: sqlite3.Connection, node_ids: list[str], relation_keys: list[str]) -> None:
        conn.executemany("DELETE FROM nodes WHERE id = ?", [(i,) for i in node_ids])
        conn.executemany("DELETE FROM relations WHERE key = ?", [(k,) for k in relation_keys])
        conn.executemany(
            "DELETE FROM evidence WHERE relation_key = ?", [(k,) for k in relation_keys]
        )

    @staticmethod
    def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
        conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
