"""Names of bodies that the tagger cuts or misses, read from their construction (issue 18a).

A body's name is often a head noun of organizations with a tail of capitalized words after
"of" or "for": "the Community of Sant'Egidio" (NER: "Community"), "the Centre for
Humanitarian Dialogue" (NER: nothing), "the International Committee of the Red Cross". The
head is a word of the lexicon's ``org_heads``; the tail runs over capitalized words and the
small words that join them ("and", "of", "the", "for", "&"). A head that is a state's organ
("Ministry", "Office", "Government") or a state's form ("the Republic of X") is left to the
rules that make such names their state or a voice of it.

A short form in brackets after a body's full name that is no bare abbreviation ("the Centre
for Humanitarian Dialogue (HD Centre)") is that body when each of its words is a word of the
full name or an abbreviation of the full name's words. Later in the document, the tail alone
("Sant'Egidio said"), the name without its link ("Community Sant'Egidio") and the capitalized
head word alone ("the Court said") are the body named before; and a name before ", or the
<body>," is that body's other name ("Al-Wifaq, or the Accord Front,").
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from actorgraph.ingest.extract.normalize import clean_surface, name_key
from actorgraph.ingest.extract.tokens import tokens

if TYPE_CHECKING:
    from actorgraph.ingest.extract.dictionary import ActorDictionary
    from actorgraph.ingest.extract.mentions import Mention
    from spacy.tokens import Doc, Span, Token

#: words that link a body's head to its tail ("the Centre for ...", "the Community of ...")
TAIL_LINKS = frozenset({"of", "for"})
#: small words inside a tail, between capitalized words ("of the Red Cross", "Bosnia and
#: Herzegovina")
_TAIL_JOINS = frozenset({"and", "of", "the", "for", "&"})
#: joins that may instead end a tail and begin another actor ("the Council of Elders and
#: Ethiopia")
_ACTOR_JOINS = frozenset({"and", "&"})
#: parts of speech a capitalized word of a name may have (the tagger calls "Humanitarian"
#: an adjective and "Dialogue" a noun inside names it did not find)
_NAME_POS = frozenset({"PROPN", "NOUN", "ADJ"})
#: apostrophes and hyphens inside one name word ("Sant'Egidio", "Co-operation")
_INNER_MARKS = frozenset({"'", "’", "-", "–"})


def _cap(t: Token) -> bool:
    return t.text[:1].isupper() and t.pos_ in _NAME_POS and any(c.isalpha() for c in t.text)


def _glued(t: Token) -> bool:
    """An apostrophe or hyphen with no space around it, inside one word ("Sant'Egidio")."""
    return t.text in _INNER_MARKS and not t.whitespace_ and t.i > 0 and not t.nbor(-1).whitespace_


def tail_end(doc: Doc, head: int, dictionary: ActorDictionary | None = None) -> int:
    """Where the capitalized tail after the organization word at ``head`` ends ("Community"
    + "of Sant'Egidio"), ``head + 1`` when there is none. A tail stops before "and"/"&" when
    an actor of its own begins after it (:func:`_other_actor_after`): "the Council of Elders
    and Ethiopia" is two actors."""
    toks = tokens(doc)
    n = len(toks)
    i = head + 1
    if i >= n or toks[i].lower_ not in TAIL_LINKS:
        return head + 1
    i += 1
    if i < n and toks[i].lower_ == "the":
        i += 1
    end = head + 1
    while i < n:
        t = toks[i]
        if _cap(t):
            i += 1
            end = i
        elif _glued(t) and i + 1 < n and toks[i + 1].text[:1].isalpha():
            i += 2  # "Sant" + "'" + "Egidio"
            end = i
        elif t.lower_ in _TAIL_JOINS and end == i and i + 1 < n:
            nxt = toks[i + 1]
            if not (_cap(nxt) or (nxt.lower_ == "the" and i + 2 < n and _cap(toks[i + 2]))):
                break
            if t.lower_ in _ACTOR_JOINS and _other_actor_after(toks, i, dictionary):
                break
            i += 1
        else:
            break
    return end


def _other_actor_after(toks: list[Token], join: int, dictionary: ActorDictionary | None) -> bool:
    """Whether the words after the "and"/"&" at ``join`` (and a "the") begin an actor of their
    own: a new entity that is a state (GPE) or a dictionary actor ("and Ethiopia", "and the
    African Union"), unless the name before "and" and that entity are one dictionary name
    ("Bosnia and Herzegovina" tagged as two places). A new entity that is neither ("Truth and
    Justice", NER: "Justice" an organization) stays in the tail; so does an "and" inside one
    entity ("Ministry of Foreign Affairs and Trade")."""
    i = join + 1
    if toks[i].lower_ == "the" and toks[i].ent_iob_ != "B" and i + 1 < len(toks):
        i += 1  # "and the" + "African Union" (else "the" begins the entity)
    if toks[i].ent_iob_ != "B":
        return False
    end = i + 1
    while end < len(toks) and toks[end].ent_iob_ == "I":
        end += 1
    after = toks[i].doc[i + (toks[i].lower_ == "the") : end]
    if toks[i].ent_type_ != "GPE" and (dictionary is None or not dictionary.lookup(after.text)):
        return False
    if dictionary is None:
        return True
    start = join
    while start > 0 and _cap(toks[start - 1]):
        start -= 1
    return dictionary.lookup(toks[i].doc[start:end].text) is None


def head_start(doc: Doc, head: int) -> int:
    """Where the capitalized words before the organization word at ``head`` start ("the
    International Committee"): proper nouns and capitalized adjectives, no sentence's first
    word unless it is a proper noun."""
    toks = tokens(doc)
    s = head
    while s > 0:
        t = toks[s - 1]
        if not _cap(t) or (t.is_sent_start and t.pos_ != "PROPN"):
            break
        s -= 1
    return s


def body_names(
    doc: Doc,
    org_heads: frozenset[str],
    excluded_heads: frozenset[str],
    generic: frozenset[str],
    dictionary: ActorDictionary,
) -> list[tuple[int, int]]:
    """Token spans of bodies' names with an "of"/"for" tail: a capitalized organization word
    (``org_heads`` less ``excluded_heads``) and the capitalized tail after it. A head of
    ``generic`` words only before an actor's name ("the Executive Committee of the SPLM")
    names that actor's body, which other rules read; before other words it is a name ("the
    Commission for Truth and Justice")."""
    out: list[tuple[int, int]] = []
    toks = tokens(doc)
    for t in toks:
        low = t.lower_
        if low not in org_heads or low in excluded_heads or not t.text[:1].isupper():
            continue
        end = tail_end(doc, t.i, dictionary)
        start = head_start(doc, t.i)
        if end <= t.i + 2:
            continue
        tail = doc[t.i + 3 if toks[t.i + 2].lower_ == "the" else t.i + 2 : end]
        owner = tail.text.isupper() or dictionary.lookup(tail.text) is not None
        if owner and all(x.lower_ in generic for x in toks[start : t.i + 1]):
            continue
        if _person_named(toks[t.i + 2 : end]):
            continue  # "the Sudan Liberation Movement of Abdel Karim Nur": its leader
        out.append((start, end))
    return out


def _person_named(tail: list[Token]) -> bool:
    """Whether a tail holds a person's full name (two words or more NER took for one)."""
    return sum(t.ent_type_ == "PERSON" for t in tail) >= 2


def short_form_of(short: str, full: str) -> bool:
    """Whether ``short`` ("HD Centre") is a short form of ``full`` ("Centre for Humanitarian
    Dialogue"): two words or more, each a word of the full name or capitals that abbreviate
    its words in order, one abbreviation at least."""
    words = short.split()
    full_words = [w.strip(",.") for w in full.split()]
    lowered = {w.lower() for w in full_words}
    initials = "".join(w[0] for w in full_words if w[:1].isupper())
    if len(words) < 2:
        return False
    abbreviated = False
    for w in words:
        if w.lower() in lowered:
            continue
        if not (w.isupper() and w.isalpha() and len(w) >= 2 and _in_order(w, initials)):
            return False
        abbreviated = True
    return abbreviated


def _in_order(letters: str, initials: str) -> bool:
    rest = iter(initials)
    return all(c in rest for c in letters)


def bracketed_short_form(doc: Doc, full: Span, short: Span) -> bool:
    """Whether ``short`` stands in brackets right after ``full`` and is a short form of it."""
    if full.end + 1 != short.start or short.end >= len(doc):
        return False
    if doc[full.end].text != "(" or doc[short.end].text != ")":
        return False
    return short_form_of(short.text, full.text)


def tail_forms(words: list[str]) -> list[str]:
    """Shorter forms a text uses for a body named with an "of"/"for" tail: the tail alone
    ("Sant'Egidio" for "Community of Sant'Egidio") and the name without its link word
    ("Community Sant'Egidio"). None for a name with no such tail."""
    for i in range(1, len(words) - 1):
        if words[i].lower() not in TAIL_LINKS or not words[i - 1][:1].isupper():
            continue
        j = i + 2 if words[i + 1].lower() == "the" else i + 1
        if j == len(words) - 1 and words[j].isupper():
            return []  # "the Executive Committee of EPRDF": the tail is its owner
        if j < len(words) and words[j][:1].isupper():
            return [" ".join(words[j:]), " ".join(words[:i] + words[j:])]
    return []


def tail_uses(doc: Doc, mentions: list[Mention], dictionary: ActorDictionary) -> list[Mention]:
    """Later uses of a body named with an "of"/"for" tail in its shorter forms (see
    :func:`tail_forms`) are that body: a mention of the tail alone that made a new actor of
    its own ("Sant'Egidio said", read as a speaker's name), and its head word alone right
    before the tail ("Community" + "Sant'Egidio", NER's cut), which is widened over it (the
    mentions it then covers go)."""
    forms: dict[str, str] = {}
    for m in mentions:
        if not m.actor or m.label == "DICT":
            continue
        if dictionary.type_of_entry(m.actor) != "organization":
            continue
        found = tail_forms(clean_surface(m.text).split())
        if found and not known_tail(found[0], dictionary):
            for form in found:
                forms.setdefault(name_key(form), m.actor)
    if not forms:
        return mentions
    covered: set[int] = set()
    for m in mentions:
        if not m.actor or not _new(m.actor, dictionary) or m.start in covered:
            continue  # a place with no actor ("Europe") stays one
        body = forms.get(name_key(m.text))
        if body is not None and m.actor != body:
            m.actor, m.kind = body, "name"
            continue
        end = _widened(doc, m.start, m.end, forms)
        if end > m.end:
            covered.update(range(m.end, end))
            m.end, m.text, m.kind = end, doc[m.start : end].text, "name"
            m.actor = forms[name_key(m.text)]
    return [m for m in mentions if m.start not in covered]


def _widened(doc: Doc, start: int, end: int, forms: dict[str, str]) -> int:
    """Where a mention ends that, with the capitalized words right after it, is a short form
    in ``forms``; ``end`` when there is none."""
    toks = tokens(doc)
    i = end
    while i < len(toks) and i - end < 4 and (toks[i].text[:1].isupper() or _glued(toks[i])):
        i += 1
        if name_key(doc[start:i].text) in forms:
            return i
    return end


def _new(actor: str | None, dictionary: ActorDictionary) -> bool:
    entry = dictionary.entries.get(actor or "")
    return entry is None or entry.origin == "new"


def known_tail(tail: str, dictionary: ActorDictionary) -> bool:
    """Whether a name's tail is an actor or a place of its own ("the Court of Bosnia and
    Herzegovina", "the Gaitanista Army of Colombia"): no short form of the body."""
    return dictionary.is_place(tail) or not _new(dictionary.lookup(tail), dictionary)


def head_uses(mentions: list[Mention], heads: frozenset[str], dictionary: ActorDictionary) -> None:
    """A body named again by its head word alone, capitalized ("the Court" after "the
    International Court of Justice", "the Movement" after "the Sudan Liberation Movement"), is
    the nearest body before it with that word in its name; with none, it stays as it was."""
    bodies: list[Mention] = []
    for m in mentions:
        if not m.actor or dictionary.type_of_entry(m.actor) != "organization":
            continue
        words = clean_surface(m.text).split()
        if len(words) == 1 and words[0].lower() in heads and _new(m.actor, dictionary):
            low = words[0].lower()
            near = next((b for b in reversed(bodies) if low in b.text.lower().split()), None)
            if near is not None and near.actor != m.actor:
                m.actor, m.kind = near.actor, "name"
        elif len(words) > 1:
            bodies.append(m)


def or_names(
    doc: Doc, mentions: list[Mention], org_heads: frozenset[str], dictionary: ActorDictionary
) -> None:
    """A name followed by ", or (the) <body>," is that body's other name, its own language's
    ("Vetevendosje, or the Self-Determination Movement, won"), whatever NER took it for: one
    organization, in every use. Only names no dictionary knows, the second one a body's name
    (its last word an organization word)."""
    same: dict[str, str] = {}
    for prev, m in pairwise(mentions):
        if not prev.actor or not m.actor or prev.actor == m.actor:
            continue
        if not (_new(prev.actor, dictionary) and _new(m.actor, dictionary)):
            continue
        words, first = m.text.split(), prev.text.split()
        if len(words) < 2 or words[-1].lower() not in org_heads or len(first) > 4:
            continue
        between = [t.lower_ for t in doc[prev.end : m.start]]
        if between not in ([",", "or"], [",", "or", "the"]):
            continue
        if m.end < len(doc) and doc[m.end].text not in (",", ")", "."):
            continue
        same[name_key(prev.text)] = m.actor
        dictionary.add_document_alias(m.actor, clean_surface(prev.text))
    for m in mentions:
        hit = same.get(name_key(m.text))
        if hit is not None and _new(m.actor, dictionary):
            m.actor, m.kind, m.label = hit, "name", "ORG"
