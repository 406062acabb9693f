"""Open the store a setting names: a directory (embedded) or a Neo4j URI."""

from __future__ import annotations

from pathlib import Path

from actorgraph.graph.embedded import EmbeddedStore
from actorgraph.graph.errors import InputError
from actorgraph.graph.settings import CoreSettings
from actorgraph.graph.store import GraphStore

NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def is_neo4j_uri(location: str) -> bool:
    return location.startswith(NEO4J_SCHEMES)


def open_store(settings: CoreSettings) -> GraphStore:
    """The store ``settings.store`` names, opened with the settings' limits."""
    location = settings.store
    if "://" in location and not is_neo4j_uri(location):
        scheme = location.split("://", 1)[0]
        raise InputError(
            f"unsupported store URI scheme '{scheme}://' (use a directory, bolt://, neo4j:// "
            "or neo4j+s://)",
            field="store",
        )
    if is_neo4j_uri(location):
        # imported only when used: the driver adds a noticeable share of a CLI command's start
        from actorgraph.graph.neo4j import Neo4jStore

        return Neo4jStore(
            location,
            user=settings.neo4j_user,
            password=settings.neo4j_password,
            database=settings.neo4j_database,
            batch_size=settings.batch_size,
            query_timeout=settings.query_timeout,
        )
    return EmbeddedStore(location, query_timeout=settings.query_timeout)


def decisions_path(settings: CoreSettings) -> Path:
    """The decisions file of duplicate review for this store (see ``decisions`` setting)."""
    if settings.decisions:
        return Path(settings.decisions)
    if is_neo4j_uri(settings.store):
        return Path("actorgraph-decisions.yaml")
    return Path(settings.store) / "decisions.yaml"
