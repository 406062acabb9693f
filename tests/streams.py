"""A record stream made on demand, for tests that exports write while they read."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


class CountingStream:
    """Records made on demand, counting how many the consumer has taken."""

    def __init__(self, relations: int) -> None:
        self.taken = 0
        self.relations = relations

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for i in range(50):
            self.taken += 1
            yield {"kind": "actor", "id": f"a{i}", "name": f"Actor {i}", "type": "person"}
        for i in range(self.relations):
            self.taken += 1
            yield {
                "kind": "relation",
                "type": "demands",
                "source": f"a{i % 50}",
                "target": f"a{(i * 7 + 1) % 50}",
                "evidence": f"Sentence number {i} says that one actor demanded something.",
                "date": "2024-05-01",
                "document": f"d{i}",
            }
