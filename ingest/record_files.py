"""Reading record files: JSON Lines, YAML and CSV carry the same exchange-format records.

:func:`read_records` yields ``(line, raw record)`` pairs (a JSON line's text, parsed and
checked in one step later), or :class:`graph.errors.InputError` values for lines that cannot
be read; what a record must hold is checked against the
declared format (:func:`graph.exchange.validate_record`) by :mod:`ingest.loader`, which sees
the whole file and the store. CSV cells are strings: here they get the types the format
declares (:func:`graph.exchange.from_strings`), so the format itself has one shape.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from actorgraph.graph.errors import InputError
from actorgraph.graph.exchange import CSV_CELL_MAX, KINDS, NESTING_MAX, from_strings
from actorgraph.ingest.inputs import RECORD_FORMATS, file_format, json_lines, read_text

#: ``(line, record)``: a parsed record, the text of a JSON line, or why the line is unreadable
Item = tuple[int, dict[str, Any] | str | InputError]


class _YamlLoader(yaml.SafeLoader):
    """Safe loading, but an impossible date (2024-02-30) stays a string for the date check,
    which names its line and field, instead of escaping as a bare ``ValueError``."""

    def timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_YamlLoader.add_constructor("tag:yaml.org,2002:timestamp", _YamlLoader.timestamp)


def _too_deep(text: str) -> int | None:
    """The line where YAML text first nests more than :data:`NESTING_MAX` levels, or None.

    Read from the parser's events (the parser keeps a stack; the composer and constructor
    recurse, and a document nested a thousand deep would end in ``RecursionError``)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > NESTING_MAX:
                    mark = event.start_mark
                    return int(mark.line) + 1 if mark is not None else 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # said with its line by the load below
    return None


def _yaml(path: Path) -> Iterator[Item]:
    text = read_text(path)
    deep = _too_deep(text)
    if deep is not None:
        reason = f"nested more than {NESTING_MAX} levels deep"
        yield deep, InputError(reason, file=str(path), line=deep)
        return
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


# A cell over the limit is read whole and refused naming its column (the csv module's own
# limit, 131,072, would stop the reader with a bare error that names neither).
csv.field_size_limit(max(csv.field_size_limit(), min(sys.maxsize, 2**31 - 1)))


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
        clean: dict[str, Any] = {k: v for k, v in rec.items() if k and v not in (None, "")}
        big = next((k for k, v in clean.items() if len(v) > CSV_CELL_MAX), None)
        if big is not None:
            reason = f"cell of {len(clean[big]):,} characters, over the limit of {CSV_CELL_MAX:,}"
            yield line, InputError(reason, file=str(path), line=line, field=big)
            continue
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
        try:
            yield line, from_strings(clean, str(path), line)
        except InputError as exc:
            yield line, exc


def read_records(path: Path, *, parse: bool = True) -> Iterator[Item]:
    """``(line, record or InputError)`` for every record of a JSON Lines, YAML or CSV file;
    with ``parse=False`` a JSON line comes as its text (for
    :func:`graph.exchange.validate_record`, which parses and checks it in one step)."""
    try:
        fmt = file_format(path, RECORD_FORMATS)
        if fmt == "yaml":
            yield from _yaml(path)
        elif fmt == "csv":
            yield from _csv(path)
        else:
            yield from json_lines(path, str(path), parse=parse)
    except InputError as exc:
        yield exc.line or 1, exc
