"""The actor dictionary: canonical names, types, aliases, demonyms, metonyms and dated roles.

Loaded from YAML files (the bundled ``data/actors.yaml``, ``data/states.yaml`` and
``data/organizations.yaml``, a user file)
and from actor records already known (e.g. from the store). It resolves a mention to an actor
id, and it also registers the actors extraction discovers, so that a second article or a re-run
finds the same id (:meth:`ActorDictionary.new_actor`).
"""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from actorgraph.graph.errors import InputError
from actorgraph.graph.exchange import slugify
from actorgraph.ingest.extract.normalize import (
    is_acronym,
    loose_key,
    name_key,
    person_key,
    person_name,
    surname,
)
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)

DATA = Path(__file__).parent / "data"
BUNDLED = (DATA / "actors.yaml", DATA / "states.yaml", DATA / "organizations.yaml")
ACTOR_TYPES = ("person", "organization", "state")
#: the fewest letters of a gazetteer acronym that stands alone unless its entry says otherwise
STANDALONE_LETTERS = 4


class _Layers(ChainMap[str, "Entry"]):
    """A document's new entries over the curated ones: a :class:`ChainMap` whose lookups are
    two dict lookups. ``ChainMap`` looks a key up through a generator over its maps, which cost
    the rules about 5 % of their time (``DocContext.type_of`` alone is called some 150 times
    per article); what is found is the same."""

    def __init__(self, top: dict[str, Entry], base: dict[str, Entry]) -> None:
        super().__init__(top, base)
        self._top, self._base = top, base

    def __getitem__(self, key: str) -> Entry:
        top = self._top
        return top[key] if key in top else self._base[key]

    def get(self, key: str, default: Any = None) -> Any:
        top = self._top
        return top[key] if key in top else self._base.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._top or key in self._base


@dataclass(frozen=True)
class Role:
    title: str
    of: str  # actor id (resolved after loading)
    start: date | None = None
    end: date | None = None

    def valid(self, when: date | None) -> bool:
        """Whether the role holds on ``when`` (a role with no dates always holds)."""
        if when is None:
            return True
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)

    def to_record(self) -> dict[str, str]:
        rec = {"title": self.title, "of": self.of}
        if self.start:
            rec["from"] = self.start.isoformat()
        if self.end:
            rec["to"] = self.end.isoformat()
        return rec


@dataclass
class Entry:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    description: str | None = None
    #: "dictionary" (curated or known) or "new" (found by extraction)
    origin: str = "dictionary"
    #: from a gazetteer file (``gazetteer: true``, data/organizations.yaml): a body whose name
    #: makes a mention that acts only where it stands as one that acts, as a name NER found
    gazetteer: bool = False
    #: a gazetteer body tied to states (ids, resolved on load): a document that names one of
    #: them supports a bare acronym of the body (see :mod:`.gazetteer_acronyms`)
    context: list[str] = field(default_factory=list)
    #: whether a bare acronym of the body stands alone, with no support in the document;
    #: ``None``: only acronyms of four letters or more (see :mod:`.gazetteer_acronyms`)
    standalone: bool | None = None

    def names(self) -> Iterator[str]:
        yield self.name
        yield from self.aliases

    def stands_alone(self, acronym: str) -> bool:
        """Whether a bare acronym of this gazetteer body is the body with no support in the
        document: ``standalone`` if set, else acronyms of four letters or more ("IGAD")."""
        if self.standalone is not None:
            return self.standalone
        return sum(c.isalpha() for c in acronym) >= STANDALONE_LETTERS


def _strings(v: Any) -> Any:
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return [x.strip() for x in v if x.strip()]
    raise ValueError("must be a list of strings")


Strings = Annotated[list[str], BeforeValidator(_strings)]


class RoleSpec(BaseModel):
    """An office: ``{title, of, from, to}`` (dates optional, ISO)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    title: str = Field(min_length=1)
    of: str = Field(min_length=1)
    start: date | None = Field(default=None, alias="from")
    end: date | None = Field(default=None, alias="to")

    @field_validator("start", "end", mode="before")
    @classmethod
    def _iso(cls, v: Any) -> Any:
        if v in (None, ""):
            return None
        if isinstance(v, date):
            return v
        try:
            return date.fromisoformat(str(v).strip()[:10])
        except ValueError:
            raise ValueError(f"'{v}' is not a date (YYYY-MM-DD)") from None


class ActorSpec(BaseModel):
    """One actor of a dictionary file (or an actor record from the store)."""

    model_config = ConfigDict(extra="forbid")
    id: str | None = None
    name: str = Field(min_length=1)
    type: Literal["person", "organization", "state"]
    aliases: Strings = Field(default_factory=list)
    demonyms: Strings = Field(default_factory=list)
    metonyms: Strings = Field(default_factory=list)
    roles: list[RoleSpec] = Field(default_factory=list)
    description: str | None = None
    #: a gazetteer body's states (ids or names): see :attr:`Entry.context`
    context: Strings = Field(default_factory=list)
    #: see :attr:`Entry.standalone`
    standalone: bool | None = None

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("an actor needs a name")
        return v.strip()


class DictionaryFile(BaseModel):
    """A dictionary file: ``version``, ``gazetteer``, ``actors`` and ``places``."""

    model_config = ConfigDict(extra="forbid")
    version: int = 1
    #: a gazetteer of bodies (data/organizations.yaml): each is an actor of a document only
    #: where a mention of it acts (see :attr:`Entry.gazetteer`)
    gazetteer: bool = False
    actors: list[ActorSpec] = Field(default_factory=list)
    places: Strings = Field(default_factory=list)


def _problem(exc: ValidationError, file: str, prefix: str = "") -> InputError:
    """The first problem pydantic found, as one line naming the file and the field."""
    err = exc.errors()[0]
    loc = list(err["loc"])
    if loc[:1] == ["actors"] and len(loc) > 1 and isinstance(loc[1], int):
        loc[1] = f"[{loc[1] + 1}]"  # actors[1] is the first actor, as people count
    where = prefix + ".".join(str(x) for x in loc).replace(".[", "[")
    return InputError(err["msg"].removeprefix("Value error, "), file=file, field=where or None)


def spelled_alike(a: str, b: str, ratio: float) -> bool:
    """Two spellings of one name: the same first letter and most letters in common."""
    from difflib import SequenceMatcher

    return a[:1] == b[:1] and SequenceMatcher(None, a, b).ratio() >= ratio


def _refuse_shared_names(actors: list[ActorSpec], file: str) -> None:
    """A gazetteer file gives each name and acronym (without case) to one entry: a name two
    entries share would make the first one's body silently the other's too."""
    owner: dict[str, tuple[int, str]] = {}
    for i, actor in enumerate(actors, 1):
        ident = actor.id or slugify(actor.name)
        for n in (actor.name, *actor.aliases):
            key = n.casefold()
            first = owner.setdefault(key, (i, ident))
            if first[1] != ident:
                raise InputError(
                    f"'{n}' names two entries: actors[{first[0]}] and actors[{i}]",
                    file=file,
                    field=f"actors[{i}].aliases",
                )


class _Loader(yaml.SafeLoader):
    """Safe YAML with dates left as text, so that a bad date is reported with its field."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


#: the id prefix of unnamed sources (:mod:`.sources`): actors of one document only
UNNAMED_PREFIX = "unnamed-"


class ActorDictionary:
    """Actors by id, and every way of naming them by normalized key.

    Curated entries (files, known actors) hold for every document. Actors that extraction
    finds are registered for the current document only (:meth:`begin_document` forgets
    them): what one article yields never depends on which articles came before it, so one
    process and several give the same records, and a re-run gives the same ids (stable slugs
    of the names). Across runs, the store's actors come back as known actors.
    """

    def __init__(self) -> None:
        self._curated: dict[str, Entry] = {}
        self._new: dict[str, Entry] = {}
        #: every actor: the curated ones and this document's new ones
        self.entries: ChainMap[str, Entry] = _Layers(self._new, self._curated)
        self._by_key: dict[str, str] = {}
        self._by_person_key: dict[str, str] = {}
        self._by_surname: dict[str, set[str]] = {}
        self._new_by_key: dict[str, str] = {}
        self._new_by_person_key: dict[str, str] = {}
        self._new_by_surname: dict[str, set[str]] = {}
        #: a state's bodies of their own found in this document: their state and noun
        self._bodies: dict[str, tuple[str, str]] = {}
        self._by_first: dict[str, list[tuple[str, str]]] | None = None
        self._demonyms: dict[str, str] = {}
        self._metonyms: dict[str, str] = {}
        self.places: set[str] = set()
        self._pending_roles: list[tuple[Entry, RoleSpec, str]] = []
        self._pending_context: list[tuple[Entry, str, str]] = []
        self._holders: dict[str, list[tuple[str, Role]]] | None = None
        #: where each gazetteer entry was loaded (file, 1-based index), for load's checks
        self._gazetteer_where: dict[str, tuple[str, int]] = {}
        #: for each name: the longer dictionary names that hold it as whole words, with its
        #: offset in them (see :meth:`longer_names`)
        self._longer: dict[str, list[tuple[str, int, str]]] = {}

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(
        cls,
        paths: Iterable[str | Path] = BUNDLED,
        known_actors: Iterable[dict[str, Any]] = (),
    ) -> ActorDictionary:
        """Earlier files win when two actors claim one name: put the user's file first.
        Known actors come last: they extend the dictionary, and records with an id the
        dictionary has add their aliases and roles to it."""
        d = cls()
        for path in paths:
            d.load_file(path)
        d._refuse_colliding_acronyms()
        for rec in known_actors:
            if isinstance(rec, dict) and str(rec.get("id", "")).startswith(UNNAMED_PREFIX):
                continue  # another document's unnamed source: never matched by its words
            d._add_record(rec, file="known actors", line=None)
        d._resolve_roles()
        return d

    def load_file(self, path: str | Path) -> None:
        file = str(path)
        try:
            data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader)
        except OSError as exc:
            raise InputError(f"cannot read actor dictionary: {exc.strerror}", file=file) from None
        except yaml.YAMLError as exc:
            raise InputError(f"not valid YAML: {exc}", file=file) from None
        if data is None:
            return
        if isinstance(data, list):
            data = {"actors": data}
        if not isinstance(data, dict):
            raise InputError("an actor dictionary is a mapping with 'actors'", file=file)
        unknown = set(data) - set(DictionaryFile.model_fields)
        if unknown:
            raise InputError(f"unknown sections {sorted(unknown)}", file=file)
        try:
            spec = DictionaryFile.model_validate(data)
        except ValidationError as exc:
            raise _problem(exc, file) from None
        if spec.gazetteer:
            _refuse_shared_names(spec.actors, file)
        for i, actor in enumerate(spec.actors, 1):
            self._add(actor, f"{file}: actors[{i}].roles", gazetteer=spec.gazetteer)
            if spec.gazetteer:
                self._gazetteer_where.setdefault(actor.id or slugify(actor.name), (file, i))
        for p in spec.places:
            self.places.add(name_key(p))

    def _refuse_colliding_acronyms(self) -> None:
        """A gazetteer acronym that does not stand alone falls back, where the document does
        not support it, to the document's own actor of that name (:mod:`.gazetteer_acronyms`),
        whose id is the acronym's slug. Where a dictionary entry already has that id (the
        body's own id when its name is the acronym: "ELN", "ETA"), the fallback would get
        another id ("eln-organization") and collide with the body it is told apart from:
        refused, with the file and the entry named. An acronym another file's entry takes
        first ("RSF" in a user's dictionary) is that entry's, and falls back to nothing."""
        for aid, (file, i) in self._gazetteer_where.items():
            entry = self._curated.get(aid)
            if entry is None or not entry.gazetteer:
                continue
            for n in entry.names():
                if not is_acronym(n) or entry.stands_alone(n):
                    continue
                slug = slugify(n)
                if slug in self._curated and self._by_key.get(name_key(n)) == aid:
                    raise InputError(
                        f"'{n}' is an acronym that does not stand alone, and its fallback (the "
                        f"document's own '{n}') would take the id '{slug}' of the entry "
                        f"'{self._curated[slug].name}': name the entry by its full name (the "
                        "acronym as an alias), give it an id, or set standalone: true",
                        file=file,
                        field=f"actors[{i}]",
                    )
        self._gazetteer_where.clear()

    def _add_record(self, rec: Any, *, file: str, line: int | None) -> None:
        where = f"actors[{line}]" if line else "actor"
        if not isinstance(rec, dict):
            raise InputError("an actor must be a mapping", file=file, field=where)
        rec = {k: v for k, v in rec.items() if k not in ("kind", "optional", "comment")}
        try:
            spec = ActorSpec.model_validate(rec)
        except ValidationError as exc:
            raise _problem(exc, file, prefix=f"{where}.") from None
        self._add(spec, f"{file}: {where}.roles")

    def _add(self, spec: ActorSpec, where: str, gazetteer: bool = False) -> None:
        entry = Entry(
            id=spec.id or slugify(spec.name),
            name=spec.name,
            type=spec.type,
            aliases=list(spec.aliases),
            demonyms=list(spec.demonyms),
            metonyms=list(spec.metonyms),
            description=spec.description or None,
            gazetteer=gazetteer,
            standalone=spec.standalone,
        )
        existing = self._curated.get(entry.id)
        if existing is not None:  # same actor from two sources: union of names
            existing.gazetteer = existing.gazetteer and gazetteer  # curated elsewhere: not only
            for attr in ("aliases", "demonyms", "metonyms"):
                have = getattr(existing, attr)
                have.extend(x for x in getattr(entry, attr) if x not in have)
            entry = existing
        else:
            self._curated[entry.id] = entry
        for r in spec.roles:
            self._pending_roles.append((entry, r, where))
        for c in spec.context:
            self._pending_context.append((entry, c, where.removesuffix(".roles") + ".context"))
        if spec.standalone is not None:
            entry.standalone = spec.standalone
        self._index(entry)

    def _resolve_roles(self) -> None:
        for entry, r, where in self._pending_roles:
            of = self.lookup_id(r.of)
            if of is None:
                if where.startswith("known actors"):
                    continue  # the store's own reference: nothing we can check here
                raise InputError(f"role 'of' names no known actor: '{r.of}'", field=where)
            role = Role(r.title, of, r.start, r.end)
            if role not in entry.roles:
                entry.roles.append(role)
        self._pending_roles.clear()
        self._holders = None
        for entry, ref, where in self._pending_context:
            state = self.lookup_id(ref)
            if state is None or self.entries[state].type != "state":
                raise InputError(f"context names no known state: '{ref}'", field=where)
            if state not in entry.context:
                entry.context.append(state)
        self._pending_context.clear()

    # ------------------------------------------------------------------ indexes
    def begin_document(self) -> None:
        """Forget the actors found in the previous document."""
        self._new.clear()
        self._new_by_key.clear()
        self._new_by_person_key.clear()
        self._new_by_surname.clear()
        self._bodies.clear()

    def _index(self, entry: Entry) -> None:
        new = entry.origin == "new"
        by_key = self._new_by_key if new else self._by_key
        by_person = self._new_by_person_key if new else self._by_person_key
        by_surname = self._new_by_surname if new else self._by_surname
        for n in entry.names():
            by_key.setdefault(name_key(n), entry.id)
            by_key.setdefault(loose_key(n), entry.id)
            if entry.type == "person":
                pk = person_key(n)
                if pk:
                    by_person.setdefault(pk, entry.id)
                if len(pk.split()) > 1:
                    by_surname.setdefault(surname(n), set()).add(entry.id)
        by_key.setdefault(name_key(entry.id.replace("-", " ")), entry.id)
        if new:
            return
        self._by_first = None
        for dn in entry.demonyms:
            self._demonyms.setdefault(name_key(dn), entry.id)
        for m in entry.metonyms:
            self._metonyms.setdefault(name_key(m), entry.id)

    def lookup_id(self, ref: str) -> str | None:
        """An actor id from an id, a name or an alias."""
        if ref in self.entries:
            return ref
        key = name_key(ref)
        return self._by_key.get(key) or self._new_by_key.get(key)

    def lookup(self, text: str, person: bool = False) -> str | None:
        """The actor a name refers to, if the dictionary (or this document) knows it."""
        key = name_key(text)
        hit = self._by_key.get(key) or self._new_by_key.get(key)
        if hit is None and " the " in f" {key} ":
            loose = loose_key(text)
            hit = self._by_key.get(loose) or self._new_by_key.get(loose)
        if hit is None and person:
            pk = person_key(text)
            hit = self._by_person_key.get(pk) or self._new_by_person_key.get(pk)
        return hit

    def lookup_number(self, text: str) -> str | None:
        """The organization a name stands for in the other grammatical number: "Houthi" for
        "Houthis", "the Houthis" for a document's "Houthi" (a final "s" added or taken off;
        no "-ss" words: "Congress" is no plural)."""
        key = name_key(text)
        if len(key) < 4 or not key[-1].isalpha():
            return None
        plural = key.endswith("s") and not key.endswith("ss")
        other = key[:-1] if plural else key + "s"
        hit = self._new_by_key.get(other)
        if hit is not None and self.type_of_entry(hit) == "organization":
            return hit
        hit = self._by_key.get(other)
        if hit is None or self.type_of_entry(hit) != "organization":
            return None
        # a curated group only where one of its names uses the singular as a word
        # ("Houthi movement" for the Houthis; "Hama" is no singular of "Hamas")
        single = other if plural else key
        names = {name_key(n) for n in self.entries[hit].names()}
        return hit if any(n.split()[0] == single for n in names if " " in n) else None

    def lookup_demonym(self, text: str) -> str | None:
        return self._demonyms.get(name_key(text))

    def new_body(self, state: str, noun: str, same: frozenset[str] = frozenset()) -> str | None:
        """A state's body of its own ("the Sudanese army", "Egypt's foreign ministry", the
        lexicon's ``institutions``), registered by the state's demonym and the noun
        ("Sudanese army", "Egyptian foreign ministry"), so every form of it is one actor; a
        person's ("Recep Tayyip Erdogan's office", the lexicon's ``person_bodies``) by the
        person's name. A body this document already named by one of the nouns ``same``
        (another noun of the same institution: "the Sudanese military" after "the
        Sudanese army") is that one (issue 21S)."""
        entry = self.entries.get(state)
        if entry is None:
            return None
        for body, (owner, named) in self._bodies.items():
            if owner == state and named in same:
                return body
        person = entry.type == "person"
        lead = entry.demonyms[0] if entry.demonyms and not person else f"{entry.name}'s"
        body = self.new_actor(f"{lead} {noun}", "organization")
        self._bodies[body] = (state, noun)
        return body

    def body_of(self, actor: str) -> tuple[str, str] | None:
        """The state and the noun of a body :meth:`new_body` registered in this document."""
        return self._bodies.get(actor)

    def lookup_metonym(self, text: str) -> str | None:
        return self._metonyms.get(name_key(text))

    def variant_of(self, name: str) -> str | None:
        """The one known person a spelling of a full name stands for: the same surname and a
        first name spelled alike ("Binyamin Netanyahu"), or the same first name and a surname
        spelled alike ("Benjamin Netanjahu")."""
        words = person_key(name).split()
        if len(words) < 2:
            return None
        first, last = words[0], words[-1]
        hits = set()
        for aid in self.by_surname(last):
            names = self._person_names(aid)
            if any(spelled_alike(first, person_key(n).split()[0], 0.7) for n in names):
                hits.add(aid)
        if not hits:
            for other_last, aid in self._first_names().get(first, ()):
                if spelled_alike(last, other_last, 0.8):
                    hits.add(aid)
        return hits.pop() if len(hits) == 1 else None

    def _first_names(self) -> dict[str, list[tuple[str, str]]]:
        """Curated people by first name: (surname, id)."""
        if self._by_first is None:
            self._by_first = {}
            for key, aid in self._by_person_key.items():
                kw = key.split()
                if len(kw) > 1:
                    self._by_first.setdefault(kw[0], []).append((kw[-1], aid))
        return self._by_first

    def _person_names(self, aid: str) -> list[str]:
        e = self.entries[aid]
        return [n for n in e.names() if len(person_key(n).split()) > 1]

    def by_surname(self, word: str) -> set[str]:
        """Curated people with this surname (a document's own are resolved in the document)."""
        return self._by_surname.get(name_key(word), set())

    def is_place(self, text: str) -> bool:
        return name_key(text) in self.places

    def holders(self, of: str) -> list[tuple[str, Role]]:
        """(actor id, role) for every role held in ``of``."""
        if self._holders is None:
            self._holders = {}
            for e in self._curated.values():
                for r in e.roles:
                    self._holders.setdefault(r.of, []).append((e.id, r))
        return self._holders.get(of, [])

    def roles_at(self, actor_id: str, when: date | None) -> list[Role]:
        entry = self.entries.get(actor_id)
        return [r for r in entry.roles if r.valid(when)] if entry else []

    def surface_forms(self) -> Iterator[tuple[str, str, str]]:
        """(text, actor id, kind) for the phrase matcher: kind is ``name``, ``metonym`` or
        ``demonym`` (NER misses many demonyms: "Ghanaian mediators")."""
        for entry in self._curated.values():
            for n in entry.names():
                yield n, entry.id, "name"
                if n.lower().startswith("the "):
                    yield n[4:], entry.id, "name"
            for m in entry.metonyms:
                yield m, entry.id, "metonym"
            for d in entry.demonyms:
                yield d, entry.id, "demonym"

    def longer_names(self, name: str) -> list[tuple[str, int, str]]:
        """The dictionary's names (of any entry: names, aliases, demonyms, metonyms) that hold
        ``name`` as whole words: (longer name, offset of ``name`` in it, its actor). "South
        Sudan" (6, south-sudan) for "Sudan", "Democratic Republic of the Congo" (11, dr-congo)
        for "Republic of the Congo". Worked out once per name."""
        found = self._longer.get(name)
        if found is None:
            rx = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
            found = sorted(
                {
                    (form, m.start(), aid)
                    for form, aid, _ in self.surface_forms()
                    if len(form) > len(name) and name in form
                    for m in rx.finditer(form)
                }
            )
            self._longer[name] = found
        return found

    def in_gazetteer(self, actor_id: str) -> bool:
        """Whether an actor comes from a gazetteer file only (see :attr:`Entry.gazetteer`)."""
        e = self._curated.get(actor_id)
        return e is not None and e.gazetteer

    def type_of_entry(self, actor_id: str) -> str | None:
        e = self.entries.get(actor_id)
        return e.type if e else None

    def add_document_alias(self, actor_id: str, alias: str) -> None:
        """Another name of an actor, for the current document only ("ELN" after "National
        Liberation Army (ELN)")."""
        self._new_by_key.setdefault(name_key(alias), actor_id)
        e = self._new.get(actor_id)
        if e is not None and alias not in e.aliases:
            e.aliases.append(alias)

    def new_unnamed(self, actor_id: str, name: str, description: str) -> None:
        """An unnamed source of this document (see :mod:`.sources`): an actor of its own,
        found by its id only, never by its name (no other phrase resolves to it)."""
        if actor_id not in self._new:
            self._new[actor_id] = Entry(
                id=actor_id, name=name, type="person", description=description, origin="new"
            )

    def names_of(self, actor_id: str) -> set[str]:
        """Every known way of naming an actor (name, aliases, demonyms, metonyms)."""
        e = self.entries.get(actor_id)
        if e is None:
            return set()
        return {*e.names(), *e.demonyms, *e.metonyms}

    # ------------------------------------------------------------------ new actors
    def new_actor(self, name: str, atype: str, curated: bool = True) -> str:
        """Register an actor found in this document (or find the one already known). Its id
        is the slug of its name, with the type added only where a curated actor has the slug,
        so the same name gets the same id in any document and any run. With ``curated``
        false, a name of a curated actor makes a new one all the same (a gazetteer's acronym
        the document does not support, :mod:`.gazetteer_acronyms`)."""
        key = name_key(name)
        hit = (self._by_key.get(key) if curated else None) or self._new_by_key.get(key)
        if hit is None and atype == "organization" and curated:
            hit = self.lookup_number(name)
        if hit is None and atype == "person" and curated:
            pk = person_key(name)
            hit = self._by_person_key.get(pk) or self._new_by_person_key.get(pk)
        if hit is not None:
            return hit
        base = slugify(person_name(name) if atype == "person" else name)
        aid = base
        if aid in self.entries:
            aid = f"{base}-{atype}"
        n = 2
        while aid in self.entries:
            aid = f"{base}-{atype}-{n}"
            n += 1
        entry = Entry(id=aid, name=name, type=atype, origin="new")
        self._new[aid] = entry
        self._index(entry)
        return aid
