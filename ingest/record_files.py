"""Reading and checking exchange-format records (JSON Lines, YAML, CSV).

:func:`read_records` yields ``(line, record)`` pairs or :class:`graph.errors.InputError`
values for lines that cannot be read; :func:`check_record` checks one record's shape
(fields, types, dates, vocabulary). Cross-record references are checked by
:mod:`ingest.loader`, which sees the whole file and the store.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from actorgraph.graph.errors import InputError
from actorgraph.graph.schema import Schema
from actorgraph.ingest.inputs import RECORD_FORMATS, file_format, json_lines, read_text

KINDS = ("document", "actor", "topic", "statement", "relation")
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/+-]{0,199}$")
IGNORED = frozenset({"kind", "optional", "comment"})

Item = tuple[int, dict[str, Any] | InputError]


# ---------------------------------------------------------------------- field checks
def _str(v: Any) -> str:
    if not isinstance(v, str) or not v.strip():
        raise ValueError("must be a non-empty string")
    return v


def _opt_str(v: Any) -> str:
    if not isinstance(v, str):
        raise ValueError("must be a string")
    return v


def _id(v: Any) -> str:
    if not isinstance(v, str) or not ID_PATTERN.match(v):
        raise ValueError(
            f"{v!r} is not a valid id (letters, digits and . _ : / + -, starting with a "
            "letter or digit)"
        )
    return v


def _date(v: Any) -> str:
    if isinstance(v, date):
        return v.isoformat()
    if not isinstance(v, str):
        raise ValueError(f"{v!r} is not a date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(v.strip()).isoformat()
    except ValueError:
        raise ValueError(f"'{v}' is not a date (YYYY-MM-DD)") from None


def _bool(v: Any) -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, str) and v.strip().lower() in ("true", "false", "yes", "no", "1", "0"):
        return v.strip().lower() in ("true", "yes", "1")
    raise ValueError(f"{v!r} is not true or false")


def _int(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int | str):
        raise ValueError(f"{v!r} is not a whole number")
    try:
        n = int(v)
    except ValueError:
        raise ValueError(f"{v!r} is not a whole number") from None
    if n < 0:
        raise ValueError("must not be negative")
    return n


def _confidence(v: Any) -> float:
    if isinstance(v, bool):
        raise ValueError(f"{v!r} is not a number")
    try:
        x = float(v)
    except (TypeError, ValueError):
        raise ValueError(f"{v!r} is not a number") from None
    if not 0.0 <= x <= 1.0:
        raise ValueError(f"{x} is not between 0 and 1")
    return x


def _str_list(v: Any) -> list[str]:
    if isinstance(v, str):  # CSV cells: "a|b|c"
        v = [x.strip() for x in v.split("|") if x.strip()]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise ValueError("must be a list of strings")
    return [x for x in v if x.strip()]


def _roles(v: Any) -> list[dict[str, Any]]:
    if isinstance(v, str):
        try:
            v = json.loads(v) if v.strip() else []
        except json.JSONDecodeError:
            raise ValueError("must be a list of {title, of, from, to}") from None
    if not isinstance(v, list):
        raise ValueError("must be a list of {title, of, from, to}")
    out = []
    for i, r in enumerate(v):
        if not isinstance(r, dict):
            raise ValueError(f"role {i + 1} must be a mapping with title and of")
        unknown = set(r) - {"title", "of", "from", "to"}
        if unknown:
            raise ValueError(f"role {i + 1} has unknown keys {sorted(unknown)}")
        try:
            out.append(
                {
                    "title": _str(r.get("title")),
                    "of": _str(r.get("of")),
                    "from": _date(r["from"]) if r.get("from") else None,
                    "to": _date(r["to"]) if r.get("to") else None,
                }
            )
        except ValueError as exc:
            raise ValueError(f"role {i + 1}: {exc}") from None
    return out


Check = Callable[[Any], Any]

#: field -> (check, required)
FIELDS: dict[str, dict[str, tuple[Check, bool]]] = {
    "document": {
        "id": (_id, True),
        "title": (_str, True),
        "url": (_opt_str, False),
        "published": (_date, False),
        "outlet": (_opt_str, False),
        "file": (_opt_str, False),
    },
    "actor": {
        "id": (_id, False),
        "name": (_str, True),
        "type": (_str, True),
        "aliases": (_str_list, False),
        "description": (_opt_str, False),
        "roles": (_roles, False),
    },
    "topic": {
        "id": (_id, False),
        "name": (_str, True),
        "keywords": (_str_list, False),
        "description": (_opt_str, False),
    },
    "statement": {
        "id": (_id, False),
        "speaker": (_str, True),
        "text": (_str, True),
        "quote": (_bool, False),
        "on_behalf_of": (_str, False),
        "date": (_date, False),
        "document": (_id, False),
        "about": (_str_list, False),
        "evidence": (_opt_str, False),
        "start": (_int, False),
        "end": (_int, False),
        "confidence": (_confidence, False),
        "origin": (_str, False),
    },
    "relation": {
        "type": (_str, True),
        "source": (_str, True),
        "target": (_str, True),
        "evidence": (_opt_str, False),
        "document": (_id, False),
        "statement": (_id, False),
        "date": (_date, False),
        "valid_from": (_date, False),
        "valid_to": (_date, False),
        "start": (_int, False),
        "end": (_int, False),
        "confidence": (_confidence, False),
        "origin": (_str, False),
    },
}


def check_record(raw: Any, schema: Schema, file: str, line: int) -> dict[str, Any]:
    """A clean copy of one record; raises :class:`InputError` naming file, line and field."""
    if not isinstance(raw, dict):
        raise InputError("a record must be a JSON object", file=file, line=line)
    kind = raw.get("kind")
    if kind not in KINDS:
        raise InputError(
            f"unknown kind {kind!r} (expected one of: {', '.join(KINDS)})",
            file=file,
            line=line,
            field="kind",
        )
    spec = FIELDS[kind]
    for key in raw:
        if key not in spec and key not in IGNORED:
            raise InputError(
                f"unknown field for a {kind} (known: {', '.join(spec)})",
                file=file,
                line=line,
                field=key,
            )
    out: dict[str, Any] = {"kind": kind}
    for key, (check, required) in spec.items():
        value = raw.get(key)
        if value is None or (value == "" and not required):
            if required:
                raise InputError("is required", file=file, line=line, field=key)
            continue
        try:
            out[key] = check(value)
        except ValueError as exc:
            raise InputError(str(exc), file=file, line=line, field=key) from None
    if kind == "actor" and out["type"] not in schema.actor_types:
        raise InputError(
            f"unknown actor type '{out['type']}' (known: {', '.join(schema.actor_types)})",
            file=file,
            line=line,
            field="type",
        )
    if kind == "relation":
        rt = schema.relations.get(out["type"])
        if rt is None or rt.derived:
            raise InputError(
                f"unknown relation type '{out['type']}' (known: {', '.join(schema.fact_types)})",
                file=file,
                line=line,
                field="type",
            )
        if out.get("valid_from") and out.get("valid_to") and out["valid_from"] > out["valid_to"]:
            raise InputError("is before valid_from", file=file, line=line, field="valid_to")
    if "start" in out and "end" in out and out["end"] < out["start"]:
        raise InputError("is before start", file=file, line=line, field="end")
    return out


# ---------------------------------------------------------------------- readers
class _YamlLoader(yaml.SafeLoader):
    """Safe loading, but an impossible date (2024-02-30) stays a string for the date check,
    which names its line and field, instead of escaping as a bare ``ValueError``."""

    def timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_YamlLoader.add_constructor("tag:yaml.org,2002:timestamp", _YamlLoader.timestamp)


def _yaml(path: Path) -> Iterator[Item]:
    text = read_text(path)
    try:
        root = yaml.compose(text)
        data = yaml.load(text, Loader=_YamlLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        yield (
            (mark.line + 1 if mark else 1),
            InputError(
                f"invalid YAML: {getattr(exc, 'problem', exc)}",
                file=str(path),
                line=mark.line + 1 if mark else None,
            ),
        )
        return
    if data is None:
        return
    if isinstance(data, list) and isinstance(root, yaml.SequenceNode):
        for node, rec in zip(root.value, data, strict=True):
            yield node.start_mark.line + 1, rec
    elif isinstance(data, dict) and isinstance(root, yaml.MappingNode):
        # {actors: [...], relations: [...]}: the key names the kind
        for (knode, vnode), (key, items) in zip(root.value, data.items(), strict=True):
            kind = str(key).rstrip("s") if str(key).rstrip("s") in KINDS else str(key)
            if not isinstance(items, list) or not isinstance(vnode, yaml.SequenceNode):
                yield (
                    knode.start_mark.line + 1,
                    InputError(
                        "expected a list of records", file=str(path), line=knode.start_mark.line + 1
                    ),
                )
                continue
            for node, rec in zip(vnode.value, items, strict=True):
                if isinstance(rec, dict):
                    rec = {"kind": kind, **rec}
                yield node.start_mark.line + 1, rec
    else:
        yield (
            1,
            InputError(
                "expected a list of records or a mapping of kind to records", file=str(path), line=1
            ),
        )


def _csv(path: Path) -> Iterator[Item]:
    text = read_text(path)
    stem = path.stem.lower()
    default_kind = stem.rstrip("s") if stem.rstrip("s") in KINDS else None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    for rec in reader:
        line = reader.line_num
        if None in rec:
            yield line, InputError("more cells than header columns", file=str(path), line=line)
            continue
        clean = {k: v for k, v in rec.items() if k and v not in (None, "")}
        if "kind" not in clean and default_kind:
            clean["kind"] = default_kind
        elif "kind" not in clean:
            yield (
                line,
                InputError(
                    "no kind: name the file <kind>s.csv (actors.csv, …) or add a kind column",
                    file=str(path),
                    line=line,
                    field="kind",
                ),
            )
            continue
        yield line, clean


def read_records(path: Path) -> Iterator[Item]:
    """``(line, record or InputError)`` for every record of a JSON Lines, YAML or CSV file."""
    try:
        fmt = file_format(path, RECORD_FORMATS)
        if fmt == "yaml":
            yield from _yaml(path)
        elif fmt == "csv":
            yield from _csv(path)
        else:
            yield from json_lines(path, str(path))
    except InputError as exc:
        yield exc.line or 1, exc
