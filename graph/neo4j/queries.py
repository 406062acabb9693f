"""The named Cypher queries of the Neo4j backend, loaded from ``cypher/*.cypher``.

Every file holds one query and starts with a header of ``//`` comment lines::

    // name: paths                      (equals the file name)
    // description: What it does.       (may repeat to continue on the next line)
    // params: source, target, limit    (every ``$param`` the text uses, and only those)
    // slots: hops                      (optional: template slots filled at call time)
    // mode: read                       (read | write)

Values are always ``$parameters``. What Cypher cannot take as a parameter (labels,
relationship types, the upper bound of a path quantifier) is a ``{{slot}}``, filled only with
values checked here:

* ``{{Actor}}``, ``{{Statement}}``, ``{{Topic}}``, ``{{Document}}``: the vocabulary's label of
  that node kind, and ``{{rel:made}}``: the label of the vocabulary relation type ``made``;
  both filled once when a :class:`QuerySet` is built from a :class:`graph.schema.Schema`;
* ``{{label}}`` (a node kind label of the vocabulary), ``{{rel_type}}`` (a relationship label
  of the vocabulary), ``{{hops}}``, ``{{left}}`` and ``{{right}}`` (ints in ``1..MAX_HOPS``:
  path quantifiers' bounds, which Neo4j 5.26 does not take as parameters) and ``{{types}}``
  (relationship labels of the vocabulary joined by ``|``: a typed expansion reads only a hub's
  relationships of those types): filled per call, declared in the ``slots`` header.

Every filled label is checked against the vocabulary and its pattern
(:data:`graph.schema.LABEL_PATTERN`, :data:`graph.schema.NODE_LABEL_PATTERN`) again here, so a
user string can never become Cypher text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from actorgraph.graph.schema import LABEL_PATTERN, NODE_LABEL_PATTERN, Schema
from actorgraph.graph.store import MAX_HOPS

PACKAGE = "actorgraph.cypher"  # the top-level cypher/ folder, installed in the namespace
HEADER_KEYS = ("name", "description", "params", "slots", "mode")
REQUIRED_KEYS = ("name", "description", "params", "mode")
MODES = ("read", "write")
CALL_SLOTS = ("label", "rel_type", "types", "hops", "left", "right")
NODE_KIND_SLOTS = ("Actor", "Statement", "Topic", "Document")

_HEADER = re.compile(r"^//\s*([a-z]+)\s*:\s*(.*?)\s*$")
_SLOT = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?::[a-z_][a-z0-9_]*)?)\s*\}\}")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")
# string literals, backtick identifiers and // comments: where a `$` is not a parameter
_NOT_CODE = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*")
_CODE_PARAM = re.compile(_NOT_CODE.pattern + "|" + _PARAM.pattern)
#: The one parameter a read query is sent (:func:`in_one_map`): a map of its parameters.
ARGS = "args"


class CypherFileError(ValueError):
    """A ``.cypher`` file breaks the header or slot rules."""


@dataclass(frozen=True, slots=True)
class CypherQuery:
    """One named query as read from its file."""

    name: str
    description: str
    params: tuple[str, ...]
    slots: tuple[str, ...]
    mode: str
    text: str
    file: str


def used_params(text: str) -> set[str]:
    """The ``$parameters`` a Cypher text uses (not counting strings and comments)."""
    return set(_PARAM.findall(_NOT_CODE.sub(" ", text)))


def in_one_map(text: str) -> str:
    """The text with every ``$name`` (in code, not in strings or comments) read from one map
    parameter, ``$args.name``. Neo4j 5 keys its plan cache on the text and on each parameter's
    type, which for a string or a list includes its length in powers of ten (1, 10, 100, ...;
    ``internal.cypher.use_parameter_size``): two actor ids of 10 and 11 characters, or a path
    answer of 9 relations and one of 11, were two plans of the same query, and a plan of
    ``paths_near`` takes 1-2 s of the server's CPU. A map's size is not in the key: one plan
    a text, whatever the values."""

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        return m.group(0) if name is None else f"${ARGS}.{name}"

    return _CODE_PARAM.sub(sub, text)


def used_slots(text: str) -> set[str]:
    """The ``{{slots}}`` a Cypher text uses."""
    return set(_SLOT.findall(text))


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in value.split(",") if x.strip())


def parse(source: str, file: str) -> CypherQuery:
    """Parse and check one ``.cypher`` file; raises :class:`CypherFileError`."""
    header: dict[str, list[str]] = {}
    body: list[str] = []
    in_header = True
    for line in source.splitlines():
        m = _HEADER.match(line.strip()) if in_header else None
        if m and m.group(1) in HEADER_KEYS:
            header.setdefault(m.group(1), []).append(m.group(2))
            continue
        if in_header and line.strip().startswith("//"):
            raise CypherFileError(f"{file}: unknown header line {line.strip()!r}")
        in_header = False
        body.append(line)
    missing = [k for k in REQUIRED_KEYS if k not in header]
    if missing:
        raise CypherFileError(f"{file}: header lacks {', '.join(missing)}")
    for key in ("name", "params", "slots", "mode"):
        if len(header.get(key, [])) > 1:
            raise CypherFileError(f"{file}: header has '{key}' more than once")
    name = header["name"][0]
    stem = file.rsplit("/", 1)[-1].removesuffix(".cypher")
    if name != stem or not _IDENT.match(name):
        raise CypherFileError(f"{file}: name '{name}' must be the file name, in lower_snake_case")
    description = " ".join(header["description"]).strip()
    if not description:
        raise CypherFileError(f"{file}: empty description")
    mode = header["mode"][0]
    if mode not in MODES:
        raise CypherFileError(f"{file}: mode must be read or write, not '{mode}'")
    params = _split_list(header["params"][0])
    slots = _split_list(header.get("slots", [""])[0])
    text = "\n".join(body).strip() + "\n"
    if not text.strip():
        raise CypherFileError(f"{file}: no query")
    bad = [p for p in params if not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", p) or p == ARGS]
    if bad or len(set(params)) != len(params):
        raise CypherFileError(f"{file}: bad or repeated params {list(params)}")
    used = used_params(text)
    if used != set(params):
        raise CypherFileError(
            f"{file}: declared params {sorted(params)} differ from those used {sorted(used)}"
        )
    unknown_slots = [s for s in slots if s not in CALL_SLOTS]
    if unknown_slots:
        raise CypherFileError(f"{file}: unknown slots {unknown_slots} (known: {CALL_SLOTS})")
    for s in used_slots(text):
        if s in CALL_SLOTS and s not in slots:
            raise CypherFileError(f"{file}: slot '{s}' is used but not declared")
        if s not in CALL_SLOTS and s not in NODE_KIND_SLOTS and not s.startswith("rel:"):
            raise CypherFileError(f"{file}: unknown slot '{{{{{s}}}}}'")
    for s in slots:
        if s not in used_slots(text):
            raise CypherFileError(f"{file}: slot '{s}' is declared but not used")
    return CypherQuery(name, description, params, slots, mode, text, file)


@lru_cache(maxsize=1)
def load_all() -> dict[str, CypherQuery]:
    """Every query of the ``cypher`` package by name (parsed and checked once)."""
    out: dict[str, CypherQuery] = {}
    root = resources.files(PACKAGE)
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".cypher"):
            continue
        q = parse(entry.read_text(encoding="utf-8"), f"cypher/{entry.name}")
        out[q.name] = q
    return out


def one_map(q: CypherQuery) -> bool:
    """Whether ``q`` is sent its parameters in one map (:func:`in_one_map`): the reads that
    take any. Writes keep theirs: a batch's rows are sized alike, and a write's plan is quick
    to make."""
    return q.mode == "read" and bool(q.params)


def sent(q: CypherQuery, values: dict[str, Any]) -> dict[str, Any]:
    """The parameters ``q`` is sent for these values of its own: in one map when
    :func:`one_map` says so."""
    return {ARGS: values} if one_map(q) else values


class QuerySet:
    """The queries rendered for one vocabulary; fills and checks slots, caches the texts."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self.queries = load_all()
        self.node_labels = frozenset(schema.node_labels.values())
        self.rel_labels = frozenset(r.label for r in schema.relations.values())
        fixed: dict[str, str] = {}
        for kind in NODE_KIND_SLOTS:
            fixed[kind] = _checked_node_label(schema.label(kind))
        for name, rt in schema.relations.items():
            fixed[f"rel:{name}"] = _checked_rel_label(rt.label)
        self._fixed = fixed
        self._cache: dict[tuple[str, tuple[tuple[str, Any], ...]], str] = {}

    def get(self, name: str) -> CypherQuery:
        try:
            return self.queries[name]
        except KeyError:
            raise KeyError(f"no Cypher query named '{name}'") from None

    def text(self, name: str, **slots: Any) -> str:
        """The text of query ``name`` with every slot filled (values checked)."""
        key = (name, tuple(sorted(slots.items())))
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        q = self.get(name)
        if set(slots) != set(q.slots):
            raise ValueError(f"query '{name}' takes slots {list(q.slots)}, got {sorted(slots)}")
        values = dict(self._fixed)
        for slot, value in slots.items():
            values[slot] = self._call_slot(slot, value)

        def fill(m: re.Match[str]) -> str:
            slot = m.group(1)
            if slot not in values:
                raise ValueError(f"query '{name}': unknown slot '{slot}'")
            return values[slot]

        text = _SLOT.sub(fill, q.text)
        if one_map(q):
            text = in_one_map(text)
        self._cache[key] = text
        return text

    def _call_slot(self, slot: str, value: Any) -> str:
        if slot in ("hops", "left", "right"):
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_HOPS:
                raise ValueError(f"{slot} must be an int in 1..{MAX_HOPS}, not {value!r}")
            return str(value)
        if slot == "types":
            if isinstance(value, str) or not value:
                raise ValueError(f"types must be a non-empty list of relationship labels: {value}")
            return "|".join(self._call_slot("rel_type", v) for v in value)
        if slot == "label":
            if value not in self.node_labels and value != "Node":
                raise ValueError(f"{value!r} is not a node label of the vocabulary")
            return _checked_node_label(value)
        if value not in self.rel_labels:
            raise ValueError(f"{value!r} is not a relationship type of the vocabulary")
        return _checked_rel_label(value)


def _checked_node_label(value: str) -> str:
    if not isinstance(value, str) or not NODE_LABEL_PATTERN.match(value):
        raise ValueError(f"{value!r} is not a valid node label")
    return value


def _checked_rel_label(value: str) -> str:
    if not isinstance(value, str) or not LABEL_PATTERN.match(value):
        raise ValueError(f"{value!r} is not a valid relationship type")
    return value
