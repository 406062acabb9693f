"""Role titles: one key per way of writing a title, and whether a title names a role."""

from __future__ import annotations

from actorgraph.ingest.extract.normalize import name_key


def title_key(title: str) -> str:
    return " ".join(name_key(title).split())


def title_match(text_title: str, role_title: str) -> bool:
    """Whether a title in the text names a role: "the secretary" and "Secretary of State"."""
    a, b = title_key(text_title), title_key(role_title)
    return bool(a) and (a == b or a in b.split(" ") or b.endswith(a) or a.endswith(b))
