"""Actor mentions in a parsed document: dictionary matches, NER entities and role titles.

The dictionary's names and aliases are matched as phrases (case-sensitive), role titles as
lower-case phrases; NER adds PERSON, ORG, GPE and NORP entities. Where they overlap, the longer
span wins and a dictionary match wins a tie; a NER entity inside a role title ("State" in
"Secretary of State") or a listed place ("Rafah") is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from actorgraph.ingest.extract.normalize import clean_surface, person_key, surname
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from actorgraph.ingest.extract.dictionary import ActorDictionary
    from actorgraph.ingest.extract.lexicon import Lexicon
    from spacy.language import Language

ACTOR_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "state"}
BLOCKING_LABELS = {"LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
#: prepositions after which a capital is a place, not an actor ("talks in Moscow")
GOVERNMENT_NOUNS = frozenset({"administration", "government", "cabinet"})
LEADER_TITLES = ("president", "prime minister", "premier", "chancellor", "king", "queen", "emir")
LOCATIVE = frozenset(
    {"in", "at", "near", "into", "inside", "outside", "across", "around", "within"}
    | {"throughout", "toward", "towards", "beyond", "over"}
)
#: prepositions after which a state named in the dictionary is a place ("expand into
#: Lebanon", "deep inside Russia"); "at" and "on" are left out: "fired at Israel" names a target
STATE_PLACE = frozenset(
    {"in", "into", "inside", "outside", "across", "around", "within", "throughout", "near"}
)
#: nouns of geography: "the border with Lebanon", "the north of Israel"
GEO_NOUNS = frozenset(
    {"border", "borders", "frontier", "boundary", "coast", "north", "south", "east", "west"}
    | {"territory", "soil", "airspace", "region", "side", "shore", "shores", "capital"}
    | {"suburbs", "suburb", "outskirts", "streets", "centre", "center", "districts", "skies"}
    | {"neighbourhoods", "neighborhoods", "villages", "towns", "cities", "provinces", "ports"}
)


@dataclass
class Mention:
    start: int
    end: int
    #: name | metonym | demonym | gpe | norp (the last two: not in the dictionary)
    kind: str
    label: str  # NER label or "DICT"
    text: str
    actor: str | None = None
    #: a state named as a place ("into Lebanon"): an actor only where the rules use it
    place: bool = False

    @property
    def salient(self) -> bool:
        """Whether the mention alone makes the actor one of the document's actors."""
        return self.actor is not None and self.kind in ("name", "metonym") and not self.place


class Matchers:
    """Phrase matchers built once per extractor."""

    def __init__(self, nlp: Language, dictionary: ActorDictionary, lexicon: Lexicon) -> None:
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.titles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.places = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.targets: dict[int, tuple[str, str]] = {}
        groups: dict[str, list[Doc]] = {}
        seen: set[tuple[str, str]] = set()
        for text, actor_id, kind in dictionary.surface_forms():
            if (text, kind) in seen or not text.strip():
                continue
            seen.add((text, kind))
            key = f"{kind}:{actor_id}"
            groups.setdefault(key, []).append(nlp.make_doc(text))
        for key, docs in groups.items():
            self.names.add(key, docs)
            kind, actor_id = key.split(":", 1)
            self.targets[nlp.vocab.strings[key]] = (actor_id, kind)
        self.org_heads = lexicon.org_heads
        self.speech_verbs = lexicon.speech_verbs
        #: common nouns that head a speaker phrase: never a name of its own ("Lawmaker urges")
        self.common_heads = (
            lexicon.role_titles | lexicon.anonymous | lexicon.groups | lexicon.organs
        )
        self.titles.add("TITLE", [nlp.make_doc(t) for t in sorted(lexicon.role_titles)])
        places = sorted({p for p in dictionary.places})
        if places:
            # places are stored as keys; match the usual capitalization
            self.places.add("PLACE", [nlp.make_doc(_title_case(p)) for p in places])


def _title_case(key: str) -> str:
    small = {"al", "of", "the", "el"}
    return " ".join(w if (w in small and i) else w.capitalize() for i, w in enumerate(key.split()))


def find_titles(doc: Doc, matchers: Matchers) -> list[tuple[int, int]]:
    spans = sorted(((s, e) for _, s, e in matchers.titles(doc)), key=lambda x: (x[0], -x[1]))
    out: list[tuple[int, int]] = []
    last = -1
    for s, e in spans:
        if s >= last:
            out.append((s, e))
            last = e
    return out


def find_mentions(
    doc: Doc,
    matchers: Matchers,
    dictionary: ActorDictionary,
    titles: list[tuple[int, int]],
    when: date | None = None,
    skip: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> list[Mention]:
    """Non-overlapping mentions, in document order, resolved where the dictionary can.
    Mentions in the ``skip`` character spans (datelines, bylines, credits) are left out."""
    cands: list[tuple[int, int, int, Mention | None]] = []  # (start, end, priority, mention)
    for a, b in skip:  # a blocking candidate: nothing in boilerplate is a mention
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None and len(span):
            cands.append((span.start, span.end, 3, None))
    for match_id, s, e in matchers.names(doc):
        actor_id, kind = matchers.targets[match_id]
        cands.append((s, e, 2, Mention(s, e, kind, "DICT", doc[s:e].text, actor_id)))
    for _, s, e in matchers.places(doc):
        cands.append((s, e, 2, None))
    in_title: set[int] = set()
    for s, e in titles:
        in_title.update(range(s, e))
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS and ent.label_ not in BLOCKING_LABELS:
            continue
        s, e = _trim(ent, in_title)
        if ent.label_ in BLOCKING_LABELS:
            cands.append((s, e, 1, None))
            continue
        if s >= e:
            continue
        text = doc[s:e].text
        if dictionary.is_place(text):
            cands.append((s, e, 2, None))
            continue
        label = ent.label_
        if label == "PERSON" and any(
            t.lower_ in matchers.org_heads and t.text[:1].isupper() for t in doc[s:e]
        ):
            label = "ORG"  # "the Tigray People's Liberation Front" is no person
        cands.append((s, e, 1, Mention(s, e, "ner", label, text)))
    cands = _split_joined(cands, doc)
    cands.sort(key=lambda c: (c[2] != 3, -(c[1] - c[0]), -c[2], c[0]))
    taken = [False] * len(doc)
    chosen: list[Mention] = []
    for s, e, _, m in cands:
        if any(taken[s:e]):
            continue
        for i in range(s, e):
            taken[i] = True
        if m is not None:
            chosen.append(m)
    chosen.sort(key=lambda m: m.start)
    out = []
    for m in chosen:
        if m.kind == "ner":
            _resolve_ner(m, doc, dictionary)
        elif m.kind == "metonym" and _locative(doc, m):
            continue
        if m.kind == "skip":
            continue
        if m.kind == "name" and _state_as_place(doc, m, dictionary):
            m.place = True
        out.append(m)
    full = _resolve_persons(out, dictionary)
    out = _surnames_missed(doc, out, full, taken)
    out = _speakers_missed(doc, out, taken, matchers, dictionary)
    return [m for m in out if not _administration(m, doc, dictionary, when)]


def _split_joined(
    cands: list[tuple[int, int, int, Mention | None]], doc: Doc
) -> list[tuple[int, int, int, Mention | None]]:
    """An NER entity that joins two dictionary names with a hyphen or slash ("the Mali-Niger
    talks", "U.S.-Iran") gives way to the two names."""
    names = [(s, e) for s, e, p, m in cands if p == 2 and m is not None]
    out = []
    for s, e, p, m in cands:
        if p == 1 and m is not None and e - s >= 3:
            inside = [(a, b) for a, b in names if s <= a and b <= e]
            joined = any(doc[i].text in ("-", "–", "/") for i in range(s, e))
            if len(inside) >= 2 and joined:
                continue
        out.append((s, e, p, m))
    return out


def _administration(m: Mention, doc: Doc, dictionary: ActorDictionary, when: date | None) -> bool:
    """ "the Biden administration" names the state its leader leads, not the person.
    Returns True when the mention should be dropped (a leader we cannot place)."""
    if m.end >= len(doc) or not m.actor:
        return False
    head = doc[m.end]
    if head.lower_ not in GOVERNMENT_NOUNS or doc[m.end - 1].head.i != head.i:
        return False
    entry = dictionary.entries.get(m.actor)
    if entry is None or entry.type != "person":
        return False
    roles = [r for r in entry.roles if any(w in r.title.lower() for w in LEADER_TITLES)]
    valid = [r for r in roles if r.valid(when)] if when else roles
    if not valid:
        return True
    role = max(valid, key=lambda r: r.start or date.min)
    m.actor, m.kind, m.end = role.of, "name", m.end + 1
    m.text = doc[m.start : m.end].text
    return False


def _trim(ent: Span, in_title: set[int]) -> tuple[int, int]:
    """An entity without leading articles, titles and trailing possessives."""
    s, e = ent.start, ent.end
    doc = ent.doc
    while s < e and (
        doc[s].lower_ in ("the", "a", "an") or (s in in_title and ent.label_ != "ORG")
    ):
        s += 1
    while e > s and (doc[e - 1].tag_ == "POS" or doc[e - 1].text in ("'", "’")):
        e -= 1
    if ent.label_ == "ORG" and all(i in in_title for i in range(s, e)):
        return s, s  # "State" in "Secretary of State"
    return s, e


#: verbs of motion: "flew back to Cairo" names a place
MOTION = frozenset(
    {"fly", "travel", "return", "go", "head", "come", "arrive", "move", "flee", "drive", "sail"}
    | {"walk", "march", "relocate", "evacuate", "deport", "transfer", "cross", "escape"}
)


def _locative(doc: Doc, m: Mention) -> bool:
    """A capital or seat named as a place: "talks in Moscow", "flew back to Cairo", "Beirut's
    southern suburbs"."""
    head = doc[m.start : m.end].root
    if head.dep_ == "poss" and head.head.lower_ in GEO_NOUNS:
        return True
    if head.dep_ == "conj":  # "to Cairo and Tel Aviv"
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
    if head.dep_ != "pobj":
        return False
    prep = head.head
    if prep.lower_ in LOCATIVE:
        return True
    verb = prep.head.head if prep.head.dep_ in ("advmod", "prt") else prep.head  # "flew back to"
    return prep.lower_ in ("to", "from") and verb.lemma_.lower() in MOTION


def _state_as_place(doc: Doc, m: Mention, dictionary: ActorDictionary) -> bool:
    """A state named as a place: after "in"/"into"/..., after a geographic noun ("the border
    with Lebanon"), or after a place and a comma ("Metula, Israel")."""
    entry = dictionary.entries.get(m.actor or "")
    if entry is None or entry.type != "state":
        return False
    head = doc[m.start : m.end].root
    while head.dep_ == "conj" and head.head.i != head.i:  # "in Gaza and southern Lebanon"
        head = head.head
    if head.dep_ == "poss" and head.head.lower_ in GEO_NOUNS:  # "Beirut's southern suburbs"
        return True
    if head.dep_ == "pobj":
        prep = head.head
        if prep.lower_ in STATE_PLACE:
            return True
        if prep.lower_ in ("with", "of") and prep.head.lower_ in GEO_NOUNS:
            return True
    before = doc[m.start - 2] if m.start >= 2 else None
    return (
        before is not None
        and doc[m.start - 1].text == ","
        and before.ent_type_ in ("GPE", "LOC", "FAC")
        and head.dep_ != "nsubj"
    )


def _resolve_ner(m: Mention, doc: Doc, dictionary: ActorDictionary) -> None:
    span = doc[m.start : m.end]
    if not any(t.text[:1].isupper() for t in span):  # "the foreign ministry" is no name
        m.kind = "skip"
        return
    if m.label == "NORP":
        hit = dictionary.lookup_demonym(m.text)
        if hit:
            m.kind, m.actor = "demonym", hit
        else:
            hit = dictionary.lookup(m.text)
            m.kind, m.actor = ("name", hit) if hit else ("norp", None)
        return
    hit = dictionary.lookup(m.text, person=m.label == "PERSON")
    if hit is None:
        hit = dictionary.lookup_metonym(m.text)
        if hit is not None:
            m.kind, m.actor = ("skip", None) if _locative(doc, m) else ("metonym", hit)
            return
        hit = dictionary.lookup_demonym(m.text)
        if hit is not None:
            m.kind, m.actor = "demonym", hit
            return
    if hit is not None:
        m.kind, m.actor = "name", hit
    elif m.label == "GPE":
        m.kind = "gpe"  # a place or a state we do not know: an actor only in agent positions
    elif m.label == "PERSON":
        m.kind = "person"  # resolved with the document's other person mentions
    else:
        m.kind = "org"


def _resolve_persons(mentions: list[Mention], dictionary: ActorDictionary) -> dict[str, str]:
    """New people: a surname alone goes to the full name used in the document (before or
    after), then to a unique known person with that surname, else it is a new actor. A
    one-word organization that is the surname of a person the document names in full is that
    person ("Loretta Lynch ... Lynch's life", which NER may tag as an organization). Returns
    the document's people by surname."""
    full: dict[str, str] = {}
    for m in mentions:
        if m.kind == "person" and len(person_key(m.text).split()) > 1:
            variant = dictionary.variant_of(m.text)
            m.actor = variant or dictionary.new_actor(clean_surface(m.text), "person")
            m.kind = "name"
        if m.actor and m.kind == "name" and len(person_key(m.text).split()) > 1:
            e = dictionary.entries.get(m.actor)
            if e is not None and e.type == "person":
                full.setdefault(surname(m.text), m.actor)
    for m in mentions:
        if m.kind == "person":
            key = surname(m.text)
            hit = full.get(key)
            if hit is None:
                known = dictionary.by_surname(key)
                hit = next(iter(known)) if len(known) == 1 else None
            m.actor = hit or dictionary.new_actor(clean_surface(m.text), "person")
            m.kind = "name"
        elif m.kind == "org":
            words = person_key(m.text).split()
            hit = full.get(words[0]) if len(words) == 1 and len(m.text.split()) <= 2 else None
            m.actor = hit or dictionary.new_actor(clean_surface(m.text), "organization")
            m.kind = "name"
    return full


#: words before a surname that make it a person's ("Mr. King", "Sen. Warren")
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "gen", "prof", "rev", "sir"}
)


_OPEN_QUOTES = frozenset({"“", "‘", "«", "``"})
_CLOSE_QUOTES = frozenset({"”", "’", "»", "''"})


def _title_cased(sent: Span, name: Span) -> bool:
    """A headline in title case ("Retired General Reveals Experience"): its capitals say
    nothing about names. Words in quotes and the name itself do not count."""
    words = []
    inside = False
    for t in sent:
        if t.text in _OPEN_QUOTES or (t.text == '"' and not inside):
            inside = True
        elif t.text in _CLOSE_QUOTES or t.text == '"':
            inside = False
        elif not inside and t.is_alpha and len(t.text) > 3 and not name.start <= t.i < name.end:
            words.append(t)
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.75 * len(words)


def _speakers_missed(
    doc: Doc,
    mentions: list[Mention],
    taken: list[bool],
    matchers: Matchers,
    dictionary: ActorDictionary,
) -> list[Mention]:
    """A proper name that is the subject of a verb of saying is an actor even where NER found
    nothing ("“…,” Revesz said", "CNS reported that …"): a new person, or an organization
    when it is an acronym or ends in an organization word. Not in a title-case headline, not a
    common noun written with a capital ("Lawmaker urges …")."""
    extra: list[Mention] = []
    for v in doc:
        if v.pos_ != "VERB" or v.lemma_.lower() not in matchers.speech_verbs:
            continue
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ != "PROPN" or taken[subj.i] or not subj.text[:1].isupper():
            continue
        toks = [
            c for c in subj.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and not taken[c.i]
        ]
        start = toks[0].i if toks else subj.i
        if any(not doc[i].text[:1].isupper() or taken[i] for i in range(start, subj.i + 1)):
            continue
        if start > 0 and doc[start - 1].lower_.rstrip(".") in HONORIFICS:
            start -= 1
            atype = "person"
        else:
            atype = ""
        span = doc[start : subj.i + 1]
        if subj.lower_ in matchers.common_heads or _title_cased(subj.sent, span):
            continue
        if dictionary.is_place(span.text):
            continue
        if not atype:
            acronym = len(subj.text) >= 2 and subj.text.isupper()
            org = acronym or any(t.lower_ in matchers.org_heads for t in span)
            atype = "organization" if org else "person"
        name = clean_surface(span.text)
        actor = dictionary.variant_of(name) if atype == "person" else None
        actor = actor or dictionary.lookup(name, person=atype == "person")
        actor = actor or dictionary.new_actor(name, atype)
        extra.append(Mention(start, subj.i + 1, "name", "SPEAKER", span.text, actor))
        for i in range(start, subj.i + 1):
            taken[i] = True
    if not extra:
        return mentions
    return sorted([*mentions, *extra], key=lambda m: m.start)


def _surnames_missed(
    doc: Doc, mentions: list[Mention], full: dict[str, str], taken: list[bool]
) -> list[Mention]:
    """One name, one person in a document: a surname of someone it names in full is that person
    where NER found nothing ("Loretta E. Lynch said ... Lynch said"), alone or after an
    honorific ("Mr. King"), but not inside a longer name ("the Lynch Foundation")."""
    if not full:
        return mentions
    extra: list[Mention] = []
    n = len(doc)
    for t in doc:
        if taken[t.i] or t.pos_ != "PROPN" or not t.text[:1].isupper():
            continue
        actor = full.get(t.lower_)
        if actor is None or surname(t.text) != t.lower_:
            continue
        nxt = doc[t.i + 1] if t.i + 1 < n else None
        if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
            continue
        start = t.i
        prev = doc[t.i - 1] if t.i > 0 else None
        if prev is not None and not taken[prev.i]:
            if prev.lower_.rstrip(".") in HONORIFICS:
                start = prev.i
            elif prev.pos_ == "PROPN" and prev.text[:1].isupper():
                continue
        extra.append(Mention(start, t.i + 1, "name", "SURNAME", doc[start : t.i + 1].text, actor))
        for i in range(start, t.i + 1):
            taken[i] = True
    if not extra:
        return mentions
    return sorted([*mentions, *extra], key=lambda m: m.start)
