"""Open the store a setting names: a directory (embedded) or a Neo4j URI."""

from __future__ import annotations

from actorgraph.graph.errors import InputError
from actorgraph.graph.settings import Settings, get_settings
from actorgraph.graph.store import GraphStore

NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


def is_neo4j_uri(location: str) -> bool:
    return location.startswith(NEO4J_SCHEMES)


def open_store(location: str | None = None, settings: Settings | None = None) -> GraphStore:
    """The store at ``location`` (default: ``ACTORGRAPH_STORE``)."""
    settings = settings or get_settings()
    location = location or settings.store
    if "://" in location and not is_neo4j_uri(location):
        scheme = location.split("://", 1)[0]
        raise InputError(
            f"unsupported store URI scheme '{scheme}://' (use a directory, bolt://, neo4j:// "
            "or neo4j+s://)",
            field="store",
        )
    if is_neo4j_uri(location):
        from actorgraph.graph.neo4j import Neo4jStore  # imported only when used

        return Neo4jStore(
            location,
            user=settings.neo4j_user,
            password=settings.neo4j_password,
            database=settings.neo4j_database,
            batch_size=settings.batch_size,
            query_timeout=settings.query_timeout,
        )
    from actorgraph.graph.embedded import EmbeddedStore

    return EmbeddedStore(location, query_timeout=settings.query_timeout)
