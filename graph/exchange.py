"""The exchange format, declared once: the five record kinds as pydantic models.

Records move between extraction, ingest and export in one JSON Lines format
(``docs/exchange-format.md``). Everything about a record comes from the models here:

* validation (:func:`validate_record`: one :class:`graph.errors.InputError` naming the file,
  the line and the field), through one :class:`pydantic.TypeAdapter` over the union of the
  kinds, discriminated on ``kind``, unknown fields refused;
* the API's request model for records and the JSON Schema it publishes
  (:func:`records_json_schema`, ``GET /schema/records``, ``docs/exchange-format.schema.json``);
* serialization (:func:`actor_record` and its siblings build records from the graph's
  nodes and relations, :func:`dump` and :func:`dump_line` write them): what ``export``
  writes and what extraction is given as known actors.

The vocabulary checks (actor types, relation types) are made against the store's schema
(:func:`validate_record` takes it), so a store with another vocabulary checks against its own;
the published JSON Schema lists the bundled vocabulary's types as enums. The limits (lengths,
list sizes, nesting, CSV cells; :data:`LIMITS`) are declared here, on the field types, so every
entrance and both stores refuse the same input the same way, before anything is written.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import Annotated, Any, Literal, get_origin

from actorgraph.graph.errors import InputError
from actorgraph.graph.model import (
    ACTOR,
    DOCUMENT,
    STATEMENT,
    TOPIC,
    Actor,
    Document,
    Evidence,
    Relation,
    Statement,
    Topic,
)
from actorgraph.graph.schema import Schema, default_schema
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import ErrorDetails, PydanticCustomError

#: Evidence whose origin starts with this was derived from an actor's ``roles``; export leaves
#: it out because ingesting the actor record derives it again.
ROLE_ORIGIN_PREFIX = "role:"

KINDS = ("document", "actor", "topic", "statement", "relation")
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:/+-]{0,199}$"
ID_RULE = "letters, digits and . _ : / + -, starting with a letter or digit"

# ---------------------------------------------------------------------- limits
#: Characters in a name: an actor's or topic's name, an alias, a keyword, a title, a reference
#: to an actor or topic. (Neo4j indexes actor names; its index refuses a value over 8 KB, and
#: 500 characters are at most 2,000 bytes of UTF-8.)
NAME_MAX = 500
#: Characters in a text: what a statement says, the sentence of evidence, a description.
TEXT_MAX = 100_000
#: Items in a list (aliases, keywords, about, roles).
LIST_MAX = 100
#: Characters in all the names of one actor together (name and aliases, also once merged with
#: what the store holds): Neo4j keeps them in one text-indexed property, whose index refuses
#: values over 32 KB.
ACTOR_NAMES_MAX = 6_000
#: Characters in one CSV cell.
CSV_CELL_MAX = 131_072
#: Levels of nesting of JSON or YAML (a record needs 3: record, roles, role; a request body 5).
NESTING_MAX = 32
#: The limits, by name, as the docs state them (``docs/exchange-format.md``, checked by a test).
LIMITS = {
    "NAME_MAX": NAME_MAX,
    "TEXT_MAX": TEXT_MAX,
    "LIST_MAX": LIST_MAX,
    "ACTOR_NAMES_MAX": ACTOR_NAMES_MAX,
    "CSV_CELL_MAX": CSV_CELL_MAX,
    "NESTING_MAX": NESTING_MAX,
}
#: No string may hold U+0000 (Neo4j and SQLite would store it; every reader after them breaks).
_NO_NUL = "^[^\\x00]*$"
_SOME_TEXT = "^[^\\x00]*[^\\x00\\s][^\\x00]*$"


# ---------------------------------------------------------------------- ids
#: Apostrophes of every kind: dropped inside a slug, so "O'Brien" and "O’Brien" are ``obrien``.
_APOSTROPHES = str.maketrans("", "", "'’‘`´ʼ")
_NON_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_MAX_LEN = 80


def slugify(text: str, max_len: int = SLUG_MAX_LEN) -> str:
    """The id a name gets when it has none: lower-case ASCII words joined by ``-``.

    Accents are dropped (``Ó`` -> ``o``), apostrophes vanish inside a word (``O'Brien`` ->
    ``obrien``), every other run of non-alphanumerics becomes one ``-``; a slug longer than
    ``max_len`` is cut at a word boundary. A name with no letter or digit left gives ``x``.

    >>> slugify("Antony J. Blinken")
    'antony-j-blinken'
    >>> slugify("O’Brien") == slugify("O'Brien") == slugify("Ó'Brien") == "obrien"
    True
    """
    t = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    t = t.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NON_SLUG.sub("-", t).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0] or slug[:max_len]
    return slug or "x"


def node_id(record: ActorRecord | TopicRecord) -> str:
    """An actor's or topic's id: the one the record gives, else the slug of its name."""
    return record.id or slugify(record.name)


# ---------------------------------------------------------------------- field types
def _iso_date(value: Any) -> Any:
    """A date (or a YAML date) as ``YYYY-MM-DD``; anything else is refused by name."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise _error("not_a_date", f"{value!r} is not a date (YYYY-MM-DD)")


def _error(kind: str, message: str) -> PydanticCustomError:
    """A validation error whose message is exactly ``message`` (no context: no templating)."""
    return PydanticCustomError(kind, message)


def _without_blanks(values: list[str]) -> list[str]:
    return [v for v in values if v.strip()]


#: A stable id (``osama-hamdan``, ``ceasefire-talks-live-updates/s1``).
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
#: Text that must say something (not empty, not only spaces), at most TEXT_MAX characters.
Text = Annotated[str, StringConstraints(pattern=_SOME_TEXT, max_length=TEXT_MAX)]
#: Text that may be empty (descriptions, urls, evidence), at most TEXT_MAX characters.
OptText = Annotated[str, StringConstraints(pattern=_NO_NUL, max_length=TEXT_MAX)]
#: A name (not empty), at most NAME_MAX characters.
Name = Annotated[str, StringConstraints(pattern=_SOME_TEXT, max_length=NAME_MAX)]
#: An actor given by id, name or alias.
ActorRef = Annotated[Name, Field(description="An actor: its id, or its exact name or alias.")]
IsoDate = Annotated[str, BeforeValidator(_iso_date), Field(json_schema_extra={"format": "date"})]
Offset = Annotated[int, Field(ge=0)]
# The evidence fields of statements and relations (declared once, used by both)
Start = Annotated[
    Offset | None,
    Field(default=None, description="Character offset of `evidence` in the document text."),
]
End = Annotated[
    Offset | None, Field(default=None, description="Character offset of the end of `evidence`.")
]
Confidence = Annotated[float, Field(default=1.0, ge=0.0, le=1.0, description="How sure, 0..1.")]
Origin = Annotated[
    Name, Field(default="curated", description="`curated`, or `extractor:<name>@<version>`.")
]
#: A list of names (blank ones dropped), at most LIST_MAX of them.
Names = Annotated[
    list[Annotated[str, StringConstraints(pattern=_NO_NUL, max_length=NAME_MAX)]],
    Field(max_length=LIST_MAX),
    AfterValidator(_without_blanks),
]


class _Record(BaseModel):
    """What every record carries: its ``kind`` (first when written), and two fields that are
    accepted and ignored. Strict: JSON types are what they say (``"true"`` is not a boolean,
    ``"5"`` not a number); CSV cells are converted first (:func:`from_strings`)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, strict=True)

    kind: str = Field(description="What the record is (the union's tag).")
    comment: OptText | None = Field(
        default=None, exclude=True, description="A note for people; ignored."
    )
    optional: bool = Field(
        default=False,
        exclude=True,
        description="In gold records for `actorgraph eval`: may be found, need not be; "
        "ignored by ingest.",
    )


# ---------------------------------------------------------------------- the five kinds
class DocumentRecord(_Record):
    """An article that statements and relations were reported in."""

    kind: Literal["document"]
    id: Id = Field(description="Stable id of the article.")
    title: Text = Field(description="Headline.")
    url: OptText | None = Field(default=None, description="Where it was published.")
    published: IsoDate | None = Field(default=None, description="Publication date.")
    outlet: OptText | None = Field(default=None, description="Publisher.")
    file: OptText | None = Field(default=None, description="Local file it was read from.")


class RoleRecord(BaseModel):
    """An office held on behalf of another actor; each role yields a ``speaks_for``."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, strict=True)

    title: Name = Field(description="The office (Secretary of State, spokesman).")
    of: ActorRef = Field(description="The actor the office is held for.")
    valid_from: IsoDate | None = Field(default=None, alias="from", description="First day.")
    valid_to: IsoDate | None = Field(default=None, alias="to", description="Last day.")


class ActorRecord(_Record):
    """A person, organization or state that acts, speaks or is spoken for."""

    kind: Literal["actor"]
    id: Id | None = Field(default=None, description="Stable id; default: the slug of `name`.")
    name: Name = Field(description="Canonical name.")
    type: str = Field(description="Actor type of the vocabulary (person, organization, state).")
    aliases: Names = Field(default_factory=list, description="Other names it goes by.")
    description: OptText | None = Field(default=None, description="Who it is.")
    roles: list[RoleRecord] = Field(
        default_factory=list, max_length=LIST_MAX, description="Offices held; `of` is an actor."
    )

    @field_validator("aliases")
    @classmethod
    def _names_fit(cls, value: list[str], info: ValidationInfo) -> list[str]:
        total = len(info.data.get("name") or "") + sum(len(a) for a in value)
        if total > ACTOR_NAMES_MAX:
            raise _error(
                "too_many_names",
                f"the name and aliases have {total:,} characters together, over the limit "
                f"of {ACTOR_NAMES_MAX:,}",
            )
        return value


class TopicRecord(_Record):
    """What is demanded, rejected or talked about."""

    kind: Literal["topic"]
    id: Id | None = Field(default=None, description="Stable id; default: the slug of `name`.")
    name: Name = Field(description="What is demanded, rejected or talked about.")
    keywords: Names = Field(default_factory=list, description="Words that identify it.")
    description: OptText | None = Field(default=None, description="What it is.")


class _Evidenced(_Record):
    """Records that cite a span of text (statements, relations): it must not end before it
    starts. (Declares no field, so each kind keeps its own field order.)"""

    @field_validator("end", check_fields=False)
    @classmethod
    def _end_after_start(cls, value: int | None, info: ValidationInfo) -> int | None:
        return _not_before(value, info, "start")


class StatementRecord(_Evidenced):
    """Something an actor said, quoted or paraphrased, in a document."""

    kind: Literal["statement"]
    id: Id | None = Field(
        default=None, description="Stable id; default: a hash of speaker, text and document."
    )
    speaker: ActorRef = Field(description="Who said it.")
    text: Text = Field(description="What was said: the quote, or the paraphrase.")
    quote: bool = Field(default=False, description="A direct quote?")
    on_behalf_of: ActorRef | None = Field(default=None, description="Whom the speaker speaks for.")
    date: IsoDate | None = Field(default=None, description="When it was said.")
    document: Id | None = Field(default=None, description="Where it was reported.")
    about: Names = Field(default_factory=list, description="Topics it concerns (ids or names).")
    evidence: OptText | None = Field(default=None, description="The sentence that reports it.")
    start: Start
    end: End
    confidence: Confidence
    origin: Origin


class RelationRecord(_Evidenced):
    """A fact `source -[type]-> target`, with one piece of evidence for it."""

    kind: Literal["relation"]
    type: str = Field(description="Relation type of the vocabulary (not a derived one).")
    source: ActorRef = Field(description="The actor the relation starts from.")
    target: Name = Field(description="An actor, or a topic id for stance relations.")
    evidence: OptText | None = Field(default=None, description="The sentence that says so.")
    document: Id | None = Field(default=None, description="Where it was reported.")
    statement: Id | None = Field(default=None, description="The statement that supports it.")
    date: IsoDate | None = Field(
        default=None, description="When it was observed (default: the document's `published`)."
    )
    valid_from: IsoDate | None = Field(default=None, description="When the relation begins.")
    valid_to: IsoDate | None = Field(default=None, description="When the relation ends.")
    ended: IsoDate | None = Field(
        default=None,
        description="This record ends the relation: it no longer holds from this date (in "
        "answers as of a later date) until evidence after it says it holds again.",
    )
    start: Start
    end: End
    confidence: Confidence
    origin: Origin

    @field_validator("valid_to")
    @classmethod
    def _to_after_from(cls, value: str | None, info: ValidationInfo) -> str | None:
        return _not_before(value, info, "valid_from")


def _not_before(value: Any, info: ValidationInfo, other: str) -> Any:
    first = info.data.get(other)
    if value is not None and first is not None and value < first:
        raise _error("before", f"is before {other}")
    return value


AnyRecord = DocumentRecord | ActorRecord | TopicRecord | StatementRecord | RelationRecord
#: One record of any kind (the discriminated union the format is).
Record = Annotated[AnyRecord, Field(discriminator="kind")]
RECORD_ADAPTER: TypeAdapter[AnyRecord] = TypeAdapter(Record)
MODELS: dict[str, type[_Record]] = {
    "document": DocumentRecord,
    "actor": ActorRecord,
    "topic": TopicRecord,
    "statement": StatementRecord,
    "relation": RelationRecord,
}
#: Fields every record has (``kind``) or may have and is ignored (``comment``, ``optional``).
COMMON_FIELDS = tuple(_Record.model_fields)
#: Fields whose value is a list of strings (CSV writes them as ``a|b|c``).
LIST_FIELDS = frozenset(
    name
    for model in MODELS.values()
    for name, f in model.model_fields.items()
    if get_origin(f.annotation) is list and name != "roles"
)


# ---------------------------------------------------------------------- validation
def validate_record(raw: Any, file: str, line: int, schema: Schema | None = None) -> AnyRecord:
    """The record ``raw`` holds, checked against the format and the vocabulary; raises
    :class:`InputError` naming ``file``, ``line`` and the field, with one reason.

    ``raw`` is a parsed object, or the text of a JSON line: that is parsed and checked in one
    step by pydantic's JSON parser (the ingest hot path), and only when it fails is it parsed
    again, to say exactly what is wrong.
    """
    if isinstance(raw, str):
        try:
            record = RECORD_ADAPTER.validate_json(raw)
        except ValidationError:
            return validate_record(_parsed(raw, file, line), file, line, schema)
    elif isinstance(raw, dict):
        try:
            record = RECORD_ADAPTER.validate_python(raw)
        except ValidationError as exc:
            field, reason = explain(exc.errors(), raw)
            raise InputError(reason, file=file, line=line, field=field) from None
    else:
        raise InputError("a record must be a JSON object", file=file, line=line)
    if record.kind == "actor" or record.kind == "relation":
        _check_vocabulary(record, schema or default_schema(), file, line)
    return record


#: A stream of records: the store's (``GraphStore.iter_records``, models), or records parsed
#: from a file or made by extraction (dicts).
RecordStream = Iterable[AnyRecord | dict[str, Any]]


def as_records(
    stream: RecordStream, name: str = "<records>", schema: Schema | None = None
) -> Iterator[AnyRecord]:
    """The stream as record models: models as they come, dicts checked by
    :func:`validate_record` (named ``name`` and numbered from 1 in its messages)."""
    for n, rec in enumerate(stream, 1):
        yield rec if isinstance(rec, BaseModel) else validate_record(rec, name, n, schema)


def as_dicts(stream: RecordStream) -> Iterator[dict[str, Any]]:
    """The stream as JSON-ready dicts (models dumped by :func:`dump`, dicts as they come),
    for code that edits records on their way to the loader."""
    for rec in stream:
        yield dump(rec) if isinstance(rec, BaseModel) else rec


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def json_too_deep(text: str) -> bool:
    """Whether JSON text nests more than :data:`NESTING_MAX` levels (strings skipped); checked
    before parsing, so no input reaches Python's recursion limit."""
    if text.count("[") + text.count("{") <= NESTING_MAX:
        return False
    depth = 0
    for ch in _JSON_STRING.sub("", text):
        if ch in "[{":
            depth += 1
            if depth > NESTING_MAX:
                return True
        elif ch in "]}":
            depth -= 1
    return False


def _parsed(text: str, file: str, line: int) -> Any:
    if json_too_deep(text):
        raise InputError(f"nested more than {NESTING_MAX} levels deep", file=file, line=line)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        reason = f"invalid JSON: {exc.msg} (column {exc.colno})"
        raise InputError(reason, file=file, line=line) from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply", file=file, line=line) from None


def _check_vocabulary(
    record: ActorRecord | RelationRecord, schema: Schema, file: str, line: int
) -> None:
    """An actor's type is one of the vocabulary's, a relation's a fact type (not derived)."""
    if record.kind == "actor":
        if record.type not in schema.actor_types:
            known = ", ".join(schema.actor_types)
            reason = f"unknown actor type '{record.type}' (known: {known})"
            raise InputError(reason, file=file, line=line, field="type")
        return
    rt = schema.relations.get(record.type)
    if rt is None or rt.derived:
        known = ", ".join(schema.fact_types)
        reason = f"unknown relation type '{record.type}' (known: {known})"
        raise InputError(reason, file=file, line=line, field="type")


def from_strings(raw: dict[str, str], file: str, line: int) -> dict[str, Any]:
    """A record whose values are all strings (a CSV row) with the format's types: lists from
    ``a|b|c``, roles from JSON, booleans, numbers and dates parsed; raises :class:`InputError`
    like :func:`validate_record` (the vocabulary is left to it)."""
    rec: dict[str, Any] = dict(raw)
    for key in LIST_FIELDS & rec.keys():
        rec[key] = [x.strip() for x in rec[key].split("|") if x.strip()]
    if "roles" in rec:
        try:
            rec["roles"] = json.loads(rec["roles"])
        except json.JSONDecodeError:
            reason = "must be JSON: a list of {title, of, from, to}"
            raise InputError(reason, file=file, line=line, field="roles") from None
    try:
        typed = RECORD_ADAPTER.validate_python(rec, strict=False)
    except ValidationError as exc:
        field, reason = explain(exc.errors(), rec)
        raise InputError(reason, file=file, line=line, field=field) from None
    return typed.model_dump(by_alias=True, exclude_unset=True)


def explain(errors: list[ErrorDetails], raw: dict[str, Any]) -> tuple[str | None, str]:
    """The field and the reason of the error a person should read first."""
    kind = raw.get("kind")
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = [p for p in first["loc"]]
    if loc and loc[0] == kind:  # the union's tag
        loc = loc[1:]
    etype, value = first["type"], first.get("input")
    if etype in ("union_tag_invalid", "union_tag_not_found"):
        return "kind", f"unknown kind {kind!r} (expected one of: {', '.join(KINDS)})"
    field = str(loc[0]) if loc else None
    if field == "roles":
        return field, _role_reason(loc, first)
    if etype == "extra_forbidden":
        known = [n for n in MODELS[str(kind)].model_fields if n not in COMMON_FIELDS]
        return field, f"unknown field in {kind} records (known: {', '.join(known)})"
    if field in LIST_FIELDS and etype not in _LIMIT_ERRORS:
        return field, "must be a list of strings"
    return field, _reason(etype, value, first, field)


#: Errors of the limits, whose reasons say the limit (also for an item of a list field).
_LIMIT_ERRORS = frozenset(
    {"string_too_long", "too_long", "string_pattern_mismatch", "too_many_names"}
)


def _role_reason(loc: list[Any], error: ErrorDetails) -> str:
    if len(loc) < 2:
        return "must be a list of {title, of, from, to}"
    where = f"role {int(loc[1]) + 1}"
    if len(loc) < 3:
        return f"{where} must be a mapping with title and of"
    if error["type"] == "extra_forbidden":
        return f"{where} has an unknown key '{loc[2]}' (known: title, of, from, to)"
    return f"{where}: {loc[2]} " + _reason(error["type"], error.get("input"), error, str(loc[2]))


_EXPECTED = {"bool": "true or false", "int": "a whole number", "float": "a number"}


def _reason(etype: str, value: Any, error: ErrorDetails, field: str | None) -> str:
    if etype == "missing":
        return "is required"
    if etype == "string_type":
        return "must be a string"
    scalar = etype.split("_")[0]
    if scalar in _EXPECTED and etype != "int_from_float":
        if isinstance(value, str) and etype.endswith("_type"):
            return f"must be {_EXPECTED[scalar]}, not the string {value!r}"
        return f"{value!r} is not {_EXPECTED[scalar]}"
    if etype == "int_from_float":
        return f"{value!r} is not a whole number"
    if etype == "string_too_long":
        limit = (error.get("ctx") or {}).get("max_length")
        return f"is {len(value):,} characters long, over the limit of {limit:,}"
    if etype == "too_long":
        limit = (error.get("ctx") or {}).get("max_length")
        return f"has {len(value):,} items, over the limit of {limit:,}"
    if etype == "string_pattern_mismatch" and isinstance(value, str) and "\x00" in value:
        return "holds a NUL character (U+0000), which no text may hold"
    if etype == "string_pattern_mismatch":
        if "A-Za-z0-9" in str((error.get("ctx") or {}).get("pattern", "")):
            return f"{value!r} is not a valid id ({ID_RULE})"
        return "must be a non-empty string"
    if etype in ("greater_than_equal", "less_than_equal"):
        if field == "confidence":
            return f"{value} is not between 0 and 1"
        return "must not be negative"
    return str(error["msg"])


# ---------------------------------------------------------------------- records to evidence
def relation_evidence(
    record: RelationRecord,
    *,
    document: str | None,
    statement: str | None,
    date: str | None,
    origin: str,
) -> Evidence:
    """The piece of evidence a relation record carries (its sentence is under ``evidence``),
    with the document, statement, date and origin as the reader resolved them (ingest: ids
    looked up, the document's publication date for a record without one, its default origin;
    a stream of stored records: the record's own)."""
    return Evidence(
        document=document,
        sentence=record.evidence,
        statement=statement,
        date=date,
        valid_from=record.valid_from,
        valid_to=record.valid_to,
        confidence=record.confidence,
        origin=origin,
        start=record.start,
        end=record.end,
        ended=record.ended,
    )


def role_evidence(actor: ActorRecord, role: RoleRecord, origin: str) -> Evidence:
    """The evidence of the ``speaks_for`` an actor record's role implies (ingest derives it,
    export leaves it out: see :data:`ROLE_ORIGIN_PREFIX`)."""
    return Evidence(
        sentence=f"{actor.name}: {role.title}",
        valid_from=role.valid_from,
        valid_to=role.valid_to,
        origin=ROLE_ORIGIN_PREFIX + origin,
    )


# ---------------------------------------------------------------------- export
def records_of(
    nodes: Callable[[str], Iterable[Any]], relations: Iterable[Relation]
) -> Iterator[AnyRecord]:
    """The records of a graph in the order ``export`` writes them: documents, actors, topics,
    statements (``nodes(kind)`` gives each kind's nodes, in id order), then relations, one
    record per piece of evidence."""
    for kind, record in (
        (DOCUMENT, document_record),
        (ACTOR, actor_record),
        (TOPIC, topic_record),
        (STATEMENT, statement_record),
    ):
        for node in nodes(kind):
            yield record(node)
    for r in relations:
        yield from relation_records(r)


def document_record(d: Document) -> DocumentRecord:
    return DocumentRecord.model_construct(kind="document", **_fields(d))


def actor_record(a: Actor) -> ActorRecord:
    """The record of an actor (also what extraction gets as a known actor)."""
    roles = [
        RoleRecord.model_construct(
            title=r.title, of=r.of, valid_from=r.valid_from, valid_to=r.valid_to
        )
        for r in a.roles
    ]
    return ActorRecord.model_construct(
        kind="actor",
        id=a.id,
        name=a.name,
        type=a.type,
        aliases=list(a.aliases),
        description=a.description,
        roles=roles,
    )


def topic_record(t: Topic) -> TopicRecord:
    return TopicRecord.model_construct(kind="topic", **_fields(t))


def statement_record(s: Statement) -> StatementRecord:
    return StatementRecord.model_construct(kind="statement", **_fields(s))


def relation_records(r: Relation) -> Iterator[RelationRecord]:
    """One record per piece of evidence (role-derived evidence left out, see above)."""
    for e in r.evidence:
        if e.origin.startswith(ROLE_ORIGIN_PREFIX):
            continue
        yield RelationRecord.model_construct(
            kind="relation",
            type=r.type,
            source=r.source,
            target=r.target,
            evidence=e.sentence,
            document=e.document,
            statement=e.statement,
            date=e.date,
            valid_from=e.valid_from,
            valid_to=e.valid_to,
            ended=e.ended,
            start=e.start,
            end=e.end,
            confidence=e.confidence,
            origin=e.origin,
        )


def _fields(node: Any) -> dict[str, Any]:
    return {name: getattr(node, name) for name in node.__slots__}


def dump(record: AnyRecord) -> dict[str, Any]:
    """A record as a JSON-ready dict: ``kind`` first, unset (None) fields left out."""
    return record.model_dump(mode="json", by_alias=True, exclude_none=True)


def dump_line(record: AnyRecord) -> str:
    """A record as one line of JSON Lines (no trailing newline)."""
    return record.model_dump_json(by_alias=True, exclude_none=True)


# ---------------------------------------------------------------------- JSON Schema
def records_json_schema(schema: Schema | None = None) -> dict[str, Any]:
    """The JSON Schema of one record, with the vocabulary's actor and relation types as enums."""
    schema = schema or default_schema()
    out = RECORD_ADAPTER.json_schema(by_alias=True)
    out["title"] = "actorgraph exchange-format record"
    defs = out["$defs"]
    defs["ActorRecord"]["properties"]["type"]["enum"] = list(schema.actor_types)
    defs["RelationRecord"]["properties"]["type"]["enum"] = list(schema.fact_types)
    return out
