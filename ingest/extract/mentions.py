"""Actor mentions in a parsed document: dictionary matches, NER entities and role titles.

The dictionary's names and aliases are matched as phrases (case-sensitive), role titles as
lower-case phrases; NER adds PERSON, ORG, GPE and NORP entities. Where they overlap, the longer
span wins and a dictionary match wins a tie; a NER entity inside a role title ("State" in
"Secretary of State") or a listed place ("Rafah") is dropped.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from actorgraph.ingest.extract.body_names import (
    body_names,
    bracketed_short_form,
    head_uses,
    known_tail,
    or_names,
    tail_forms,
    tail_uses,
)
from actorgraph.ingest.extract.common_words import is_common
from actorgraph.ingest.extract.dictionary import spelled_alike
from actorgraph.ingest.extract.gazetteer_acronyms import bare_acronyms
from actorgraph.ingest.extract.normalize import (
    bare_surname,
    clean_surface,
    is_title_word,
    loose_key,
    name_key,
    person_key,
    surname,
)
from actorgraph.ingest.extract.normalize import is_acronym as _is_acronym
from actorgraph.ingest.extract.tokens import lemmas, lowers, poses, span_root, span_text, tokens
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

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
    | {"crossing", "crossings", "road", "roads", "route", "routes", "highway", "corridor"}
)
#: nouns of places a name before them locates: "the Zamzam displacement camp"
PLACE_NOUNS = frozenset(
    {"camp", "camps", "city", "town", "village", "district", "province", "region", "port"}
    | {"airport", "crossing", "border", "area", "valley", "neighbourhood", "neighborhood"}
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
    #: a name the text only mentions ("seized in Arauca", "the Netzarim corridor"): an actor
    #: only where the rules use it
    passing: bool = False
    #: the brief of a title before it ("the envoy for Sudan", "the special representative for
    #: the Great Lakes"): a place, which no rule makes the title's owner or a mediator
    brief: bool = False

    @property
    def salient(self) -> bool:
        """Whether the mention alone makes the actor one of the document's actors."""
        return (
            self.actor is not None
            and self.kind in ("name", "metonym")
            and not self.place
            and not self.passing
        )


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
        #: heads whose "of" tail names a state's organ or form, which other rules read ("the
        #: Ministry of X", "the Government of X", "the Republic of X"): no body_names
        self.tail_excluded = (
            lexicon.state_organs | lexicon.government_nouns | lexicon.person_bodies | STATE_FORMS
        )
        self.not_actors = lexicon.not_actors
        self.portfolios = lexicon.portfolios
        self.process_heads = lexicon.process_heads
        #: buildings, sites and events: no one ("Al-Shifa Hospital", "the Second Lebanon War")
        self.facility_heads = lexicon.facility_heads | lexicon.event_heads
        self.harm_verbs = lexicon.harm_verbs
        self.carriers = lexicon.carriers
        #: heads of texts and processes, which speak for no one ("The Joint Statement noted")
        self.text_heads = lexicon.carriers | lexicon.process_heads
        self.generic_bodies = lexicon.generic_bodies
        self.generic_words = lexicon.generic_body_words | lexicon.generic_bodies
        self.honorifics = lexicon.honorifics
        self.state_organs = lexicon.state_organs
        self.institutions = lexicon.institutions
        self.institution_forms = lexicon.institution_forms
        self.same_institution = lexicon.same_institution
        self.person_bodies = lexicon.person_bodies
        self.role_titles = lexicon.role_titles
        self.title_heads = frozenset(t.split()[-1] for t in lexicon.role_titles)
        #: heads whose modifier acts: "Hamas officials", "the TPLF delegation", "the Hamas offer"
        self.agent_heads = (
            lexicon.organs
            | lexicon.anonymous
            | lexicon.person_organs
            | lexicon.groups
            | lexicon.carriers
            | lexicon.speech_nouns
            | lexicon.demand_nouns
            | lexicon.mediator_nouns
            | lexicon.proposal_heads
            | lexicon.stance_nouns
            | {w.split()[-1] for w in lexicon.role_titles | lexicon.suborgs}
            | lexicon.generic_bodies  # "the Executive Committee of the SPLM"
            | lexicon.part_nouns  # "the coordination of X", "the role of X" (issue 16a)
        )
        #: crowds: "fighters from Goma" come from a place
        self.crowd_heads = lexicon.groups
        #: verbs that take a place as their object ("captured Goma")
        self.place_verbs = lexicon.place_verbs
        #: nouns of talks and deals: a capital before them is the venue ("the Pretoria deal")
        self.venue_nouns = lexicon.party_nouns | lexicon.talk_nouns | lexicon.proposal_heads
        self.speech_verbs = lexicon.speech_verbs
        #: verbs a headline opens a clause with ("Rejects US Ultimatum, Demands ...")
        self.headline_verbs = (
            lexicon.speech_verbs
            | set(lexicon.demand_verbs)
            | set(lexicon.reject_verbs)
            | lexicon.agree_verbs
            | lexicon.mediation_verbs
        ) - {"state"}  # "the Gulf States": a plural noun of names first
        #: words of the press that end an outlet's name ("Al Hadath TV", "Sudan Tribune")
        self.outlet_words = lexicon.outlet_words
        #: last words of titles whose "for" names whom the holder speaks for, no brief ("a
        #: spokesman for the Islamic Emirate"), issue 18t
        self.principal_for_ends = frozenset(t.split()[-1] for t in lexicon.principal_for)
        #: common nouns that head a speaker phrase: never a name of its own ("Lawmaker urges")
        self.common_heads = (
            lexicon.role_titles
            | lexicon.anonymous
            | lexicon.groups
            | lexicon.organs
            # "Delegations of Russia and Ukraine concluded ..." (issue 21S)
            | lexicon.participant_nouns
        )
        self.participant_nouns = lexicon.participant_nouns
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
    # before new actors
    processes = _process_names(doc, matchers.process_heads, matchers.speech_verbs, dictionary)
    for a, b in skip:  # a blocking candidate: nothing in boilerplate is a mention
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None and len(span):
            cands.append((span.start, span.end, 3, None))
    for match_id, s, e in matchers.names(doc):
        actor_id, kind = matchers.targets[match_id]
        if _other_given_name(doc, s, e, actor_id, dictionary):
            s -= 1  # "Ivanka Trump" is no "Trump" of the dictionary: a person of their own
            cands.append((s, e, 2, Mention(s, e, "ner", "PERSON", doc[s:e].text)))
            continue
        if kind == "name" and dictionary.type_of_entry(actor_id) == "state":
            s = _formal_start(doc, s)  # "the Sultanate of Oman" is Oman, whole
        cands.append((s, e, 2, Mention(s, e, kind, "DICT", span_text(doc, s, e), actor_id)))
    for _, s, e in matchers.places(doc):
        cands.append((s, e, 2, None))
    in_title: set[int] = set()
    for s, e in titles:
        in_title.update(range(s, e))
    title_starts = {s for s, _ in titles}
    title_ends = {e for _, e in titles}
    name_starts = title_ends - in_title  # right after a title, not in the next one
    # names of people NER gave another label elsewhere ("Mayr-Harting said" as a work of art)
    ents = doc.ents  # a new tuple of new spans on every access
    persons = [x.text for x in ents if x.label_ == "PERSON"]
    named = {person_key(x) for x in persons} | {surname(x) for x in persons}
    named.discard("")
    toks, lows = tokens(doc), lowers(doc)
    listed = _listed_after_titles(doc, matchers)  # "Presidents Kiir and Ruto"
    for ent in ents:
        if ent.label_ not in ACTOR_LABELS and ent.label_ not in BLOCKING_LABELS:
            continue
        s, e = _trim(ent, in_title)
        if ent.label_ == "PERSON" and e == ent.end:
            e = _patronymic_end(doc, e)  # "Mohammed bin Abdulrahman" + "bin Jassim Al-Thani"
        while s in listed and listed[s] < 0:
            s += 1  # "Presidents Kiir": the plural title is no part of the name
        if s >= e:
            continue  # the entity was the plural title alone
        if listed.get(s, 0) >= e > s and ent.label_ != "PERSON":  # "... and Touadéra" as an ORG
            cands.append((s, e, 1, Mention(s, e, "ner", "PERSON", doc[s:e].text)))
            continue
        if ent.label_ == "PERSON" and all(is_title_word(t.text) for t in doc[s:e]):
            cands.append((s, e, 1, None))  # "Gen (Rtd) X": a title's fragment is no one
            continue
        if ent.label_ == "PERSON":
            s = _given_name_before(doc, s, e, name_starts, dictionary)
            s = _particle_before(doc, s)
        if ent.label_ == "ORG":
            s = _after_carrier(doc, s, e, matchers.carriers)
        cut = (
            _state_glued(doc, s, e, dictionary, title_ends)
            if ent.label_ in ("PERSON", "ORG")
            else s
        )
        if cut > s:  # "the Foreign Ministers of Russia, Azerbaijan and Armenia Sergei Lavrov, ...",
            # "the US special envoy for Sudan Tom Perriello" (issue 22A)
            cands.append((cut, e, 1, Mention(cut, e, "ner", "PERSON", doc[cut:e].text)))
            continue
        # "Kenya's Cabinet Secretary X": a title after the possessive starts no name
        run = (
            0
            if s in in_title
            else _name_after_owner(doc, s, e, matchers.honorifics, s in title_ends)
        )
        if run:  # "Malaysia's Tengku Dato' Ab Ghafar Tengku Mohamed": one name, honorifics in
            cands.append((s, run, 1, Mention(s, run, "ner", "PERSON", doc[s:run].text)))
            continue
        if ent.label_ in BLOCKING_LABELS and (k := _state_after_of(doc, s, e, dictionary)):
            cands.append((s, k, 1, None))  # "the Foreign Ministers of Serbia" as a law: a state
            continue
        if (
            ent.label_ == "ORG"
            and lows[s] in matchers.participant_nouns
            and (k := _state_after_of(doc, s, e, dictionary))
        ):
            cands.append((s, k, 1, None))  # "Delegations of Armenia" as one body: the state
            continue
        verb = _verb_inside(doc, s, e) if ent.label_ in BLOCKING_LABELS else None
        if verb is not None:  # '"…," Lopez told The Daily Planet' as one work of art
            cands.append((verb, e, 1, None))
            if person_key(doc[s:verb].text) in named:
                cands.append((s, verb, 1, Mention(s, verb, "ner", "PERSON", doc[s:verb].text)))
            continue
        tail = _name_after_brief(doc, s, e, title_ends) if ent.label_ == "PERSON" else None
        if tail is not None:  # "envoy for the Sahel Joanna Brandt" as one person
            cands.append((s, tail, 1, None))
            cands.append((tail, e, 1, Mention(tail, e, "ner", "PERSON", doc[tail:e].text)))
            continue
        tail = _name_after_comma(doc, s, e) if ent.label_ in BLOCKING_LABELS else None
        if tail is not None:  # "Cyprus, Espen Barth Eide" as one work of art: two phrases
            cands.append((s, tail - 1, 1, None))
            cands.append((tail, e, 1, Mention(tail, e, "ner", "PERSON", doc[tail:e].text)))
            continue
        if ent.label_ in BLOCKING_LABELS and (
            _speaker_named(doc, s, e, matchers, dictionary)
            or _who_named(doc, s, e, matchers, dictionary)
        ):  # '"…," Olena Shevchuk said', "a lawyer, Twan Mrat Naing, who" read as works (23A)
            cands.append((s, e, 1, Mention(s, e, "ner", "PERSON", doc[s:e].text)))
            continue
        after_title = s in title_ends or (s > 0 and doc[s - 1].text == "," and s - 1 in title_ends)
        honored = lows[s] in matchers.honorifics and e - s > 1  # "Mullah Brother Akhund" (17a)
        if (
            ent.label_ in BLOCKING_LABELS
            and len(ent) <= 4
            and (
                person_key(ent.text) in named
                or ((after_title or honored) and all(_name_word(t) for t in doc[s:e]))
            )
        ):
            cands.append((s, e, 1, Mention(s, e, "ner", "PERSON", doc[s:e].text)))
            continue
        if ent.label_ in BLOCKING_LABELS:
            cands.append((s, e, 1, None))
            continue
        if s >= e:
            continue
        if (
            ent.label_ == "GPE"
            and after_title
            and 1 < e - s <= 4
            and all(_name_word(t) for t in doc[s:e])
            and not dictionary.lookup(doc[s:e].text)
            and not dictionary.is_place(doc[s:e].text)
        ):  # "the veteran diplomat Thabo Mbeki" read as a place: the title's holder (23A)
            cands.append((s, e, 1, Mention(s, e, "ner", "PERSON", doc[s:e].text)))
            continue
        if ent.label_ == "ORG" and e - s == 1 and lows[s] in matchers.person_bodies:
            continue  # "The Office of President X" cut at its title: the person's office
        text = doc[s:e].text
        if (
            ent.label_ in ("ORG", "PERSON", "GPE")
            and e - s > 1
            and doc[e - 1].lower_ in matchers.process_heads
            and span_root(doc, s, e).i == e - 1  # not "the Government of National Accord"
        ):
            cands.append((s, e, 1, None))  # "the Tumaini Initiative": a process, no one
            continue
        if ent.label_ == "ORG" and _glued_by_of(doc, s, e, dictionary):
            continue  # "the envoy to Mozambique of UN Secretary General X": two names
        if ent.label_ in ("ORG", "PERSON", "GPE") and _facility(doc, s, e, matchers):
            cands.append((s, e, 1, None))  # "the Kibera Secondary School": a building, no one
            continue
        if e - s == 1 and _first_word(doc, s) and _common_noun(doc[s], matchers.common_heads):
            continue  # "Delegations are arriving": a common noun with a capital
        if _described(doc, s, e) and not dictionary.lookup(doc[s:e].text):
            cands.append((s, e, 1, None))  # "X, the main Kosovo Serb party,": a description
            continue
        if all(lows[i] in QUANTIFIERS or toks[i].is_punct or toks[i].like_num for i in range(s, e)):
            continue  # "Several", "Many", "Dozens": quantifiers NER took for a name
        verb = _headline_verb(doc, s, e, matchers.headline_verbs)
        if verb is not None and not dictionary.lookup(text):
            if verb - s < 1:
                continue  # "..., Demands Permanent Sanctions Removal": a clause of a headline
            e, text = verb, doc[s:verb].text  # "Sudan Army Rejects Jeddah Proposal": its subject
            if e - s == 1 and _common_noun(doc[s], matchers.common_heads):
                continue  # "Rebels Flatly Reject ...": a common noun with a headline's capital
        if e - s == 1 and doc[s].lower_ in matchers.portfolios and e in title_starts:
            cands.append((s, e, 1, None))  # "Labor Secretary X": part of the title
            continue
        if _portfolio_after(doc, s, e, title_ends, matchers, dictionary) and not dictionary.lookup(
            doc[s:e].text
        ):
            # "Minister of International Relations X"; "Minister of Foreign Affairs and
            # Cooperation of Angola" as one name: the portfolios, then the state (issue 24K)
            k = _owner_after_of(doc, s, e, dictionary)
            cands.append((s, k - 1 if k else e, 1, None))
            continue
        if (
            ent.label_ != "PERSON"
            and _portfolio_listed(doc, s, title_ends)
            and not dictionary.lookup(doc[s:e].text)
        ):  # "Minister of Foreign Affairs and International Cooperation of the Republic of
            # Rwanda": a later portfolio of the list, up to the state that owns the office
            k = _owner_after_of(doc, s, e, dictionary)
            cands.append((s, k - 1 if k else e, 1, None))
            continue
        if dictionary.is_place(text) or name_key(text) in matchers.not_actors:
            cands.append((s, e, 2, None))
            continue
        label = ent.label_
        if label == "ORG" and _owner_of_body(doc, s, e, matchers.org_heads):
            label = "PERSON"  # "Bashir Kordali's Eastern Liberation Army": its leader
        if label == "ORG" and doc[e - 1].lower_ in matchers.org_heads:
            s = _joined_name_start(doc, s)
            text = doc[s:e].text
        if label == "ORG" and (wide := _cut_at_and(doc, s, e, dictionary)) != e:
            e, text = wide, doc[s:wide].text  # "the Court of Bosnia and" + "Herzegovina"
        while e - s > 1 and lows[e - 1] in _LINKS_AT_END:
            e -= 1  # "Uhuru Kenyatta and" + "Phumzile Mlambo-Ngcuka": the first name alone
            text = doc[s:e].text
        if label == "ORG" and (wide := _name_through_place(doc, s, e)) != e:
            e, text = wide, doc[s:wide].text  # "the UN Support Mission in Libya (UNSMIL)"
        if label == "ORG" and (
            _particle_name(doc[s:e], matchers.org_heads, dictionary)
            or _initials_name(doc[s:e], matchers.org_heads, dictionary)
        ):
            label = "PERSON"  # "Staffan de Mistura", "Ursula von der Leyen", "Mohammed bin Salman",
            # "Ture N.L. Lundh" (issue 22A)
        if label == "PERSON" and any(
            t.lower_ in matchers.org_heads and t.text[:1].isupper() for t in doc[s:e]
        ):
            label = "ORG"  # "the Tigray People's Liberation Front" is no person
        if label == "ORG" and doc[e - 1].lower_ in matchers.org_heads:
            s = _compound_start(doc, s, e, dictionary)  # "the MILF Peace" + "Implementing Panel"
            text = doc[s:e].text
        if label == "PERSON" and e - s > 1 and doc[e - 1].lower_ in matchers.outlet_words:
            label = "ORG"  # "Al Hadath TV" is no person
        if label == "PERSON" and (given := _given_name_cut(doc, s, e, in_title, matchers)) != s:
            s, text = given, doc[given:e].text  # ", Muse Bihi Abdi,": NER kept "Bihi Abdi"
        cands.append((s, e, 1, Mention(s, e, "ner", label, text)))
    for s, e in body_names(
        doc, matchers.org_heads, matchers.tail_excluded, matchers.generic_words, dictionary
    ):
        if dictionary.is_place(doc[s:e].text) or any(
            x.start <= s and e <= x.end and x.label_ in ACTOR_LABELS for x in ents
        ):
            continue  # the tagger has it whole
        if any(i in in_title for i in range(s, e)):
            continue  # "the Alliance of X President Y": a title is no part of a body's name
        if not _title_cased(toks[s].sent, doc[s:e]):  # "the Community of Sant'Egidio"; it
            # wins a tie with a building's or a work's label ("the Centre for ... Dialogue")
            cands.append((s, e, 2, Mention(s, e, "ner", "ORG", doc[s:e].text)))
    for a, b in listed.items():  # "... and Ruto" that NER left out: a person all the same
        if b > a and not any(doc[i].ent_type_ for i in range(a, b)):
            cands.append((a, b, 1, Mention(a, b, "ner", "PERSON", doc[a:b].text)))
    cands = _split_joined(cands, doc, matchers.org_heads)
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
            glued = m.label in ("PERSON", "GPE") and _glued_dash(doc, m)
            _resolve_ner(m, doc, dictionary, matchers)
            if (glued or m.kind in ("gpe", "metonym")) and _title_dateline(doc, m):
                continue  # "Kyiv — Ukraine said", "Addis Abeba– Turkey aims to ...": where
                # the story was filed (NER's person too where the dash is glued to it)
        elif m.kind == "metonym" and (locative(doc, m) or _venue(doc, m, matchers)):
            continue
        if m.kind == "skip":
            continue
        if m.kind == "name" and _state_as_place(doc, m, dictionary, matchers.venue_nouns):
            m.place = True
        elif _spoken_for(doc, m, matchers.principal_for_ends):
            pass  # "a spokesman for the Islamic Emirate": whom he speaks for, no brief
        elif m.kind == "name" and _in_portfolio(doc, m, title_ends, dictionary):
            m.place = m.brief = True  # "the special adviser on Cyprus": no actor by itself
        elif m.kind in ("gpe", "org") and _region_brief(doc, m, title_ends, matchers.org_heads):
            m.place = m.brief = True  # "the envoy for the Western Balkans": a region, no one
        out.append(m)
    _short_states(out, dictionary)
    out = _communities(doc, out)
    full = _resolve_persons(out, dictionary, doc, titles)
    out = [m for m in out if m.kind != "skip"]
    out = _speaker_labels(doc, out, taken)
    out = _surnames_missed(doc, out, full, taken)
    out = _organizations_missed(doc, out, taken, matchers, dictionary)
    out = _particle_names_missed(doc, out, taken, dictionary)
    out = _particle_people_missed(doc, out, taken, matchers, dictionary)
    out = _speakers_missed(doc, out, taken, matchers, dictionary)
    out = _who_names_missed(doc, out, taken, matchers, dictionary)
    out = _titled_names_missed(doc, out, taken, titles, dictionary, matchers.portfolios)
    out = _names_before_titles(doc, out, taken, titles, dictionary)
    out = _acronyms(doc, out, taken, matchers, dictionary)
    bare_acronyms(doc, out, dictionary)  # "RSF, the press freedom group" (20)
    out = _glued_long_names(doc, out, dictionary)  # "the Barisan ... Melayu Patani (BRN)" (24K)
    out = _splinters(doc, out, taken, dictionary)
    _other_names(doc, out, dictionary)
    or_names(doc, out, matchers.org_heads, dictionary)  # "X, or the Y Movement,"
    out = _names_gone_on(doc, out)
    _state_organs(doc, out, matchers, dictionary)
    out = [m for m in out if not _administration(m, doc, dictionary, when)]
    for m in out:
        if not m.actor or (m.label == "DICT" and not dictionary.in_gazetteer(m.actor)):
            continue
        if _people_of(m, dictionary):
            m.passing = True
        elif _new_or_org(m, dictionary) or dictionary.in_gazetteer(m.actor):
            m.passing = not _agentive(doc, m, matchers)  # a gazetteer's body as NER's (20A)
    _only_harmed(doc, out, dictionary, matchers.harm_verbs)
    out = [m for m in out if m.label == "DICT" or name_key(m.text) not in processes]
    _elided(out, dictionary)  # "the GPH Implementing Panel" after "the GPH Peace ... Panel"
    out = tail_uses(doc, out, dictionary)  # "Sant'Egidio" after "the Community of Sant'Egidio"
    head_uses(out, matchers.org_heads - matchers.tail_excluded, dictionary)  # "the Court"
    return _generic_bodies(doc, out, dictionary, matchers)


#: small words inside the name of a process or a text ("the Agreement on the Resolution of
#: the Conflict in South Sudan")
_PROCESS_LINKS = frozenset({"of", "on", "the", "in", "for", "to", "and"})


def _process_names(
    doc: Doc, heads: frozenset[str], speech_verbs: frozenset[str], dictionary: ActorDictionary
) -> set[str]:
    """Names the document gives a process or a text, which no one is, in the forms it uses
    again (issue 17a): the name without its head word ("the Tumaini Initiative" ...
    "Tumaini"), and the acronym in brackets after it ("(R-ARCSS)", "ARCSS") -- unless the
    dictionary knows the word as an actor or a place ("the Trump plan", "the Minsk Agreement")."""
    out: set[str] = set()
    n = len(doc)
    # a word of a person named in full is that person's name, not a process's ("Kenyan envoy
    # Juma Okello unveiled the Okello Plan ... Okello mediated")
    person_words = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    # the subjects of verbs of saying: "the Okello Plan ... Okello said" (someone), unlike
    # "Tumaini does not seek"
    speakers = {t.text for t in tokens(doc) if t.dep_ == "nsubj" and t.head.lemma_ in speech_verbs}

    def cap(t: Token) -> bool:
        return t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "VERB", "NOUN")

    toks = tokens(doc)
    for i, low in enumerate(lowers(doc)):
        if low not in heads:
            continue
        t = toks[i]
        if not t.text[:1].isupper() or t.pos_ != "PROPN":
            continue
        j = t.i
        while j > 0 and cap(doc[j - 1]) and not doc[j - 1].is_sent_start:
            j -= 1
        if j < t.i:
            short = doc[j : t.i].text
            if not (
                dictionary.lookup(short)
                or dictionary.lookup_demonym(short)
                or dictionary.is_place(short)
                or any(w.text in person_words for w in doc[j : t.i])
                or doc[t.i - 1].text in speakers
            ):
                out.add(name_key(short))
        k = t.i + 1
        while k < n and (cap(doc[k]) or (doc[k].lower_ in _PROCESS_LINKS and k + 1 < n)):
            k += 1
        while k > t.i + 1 and doc[k - 1].lower_ in _PROCESS_LINKS:
            k -= 1
        close = next((c for c in range(k + 2, min(n, k + 6)) if doc[c].text == ")"), None)
        if k < n and doc[k].text == "(" and close is not None:
            acronym = doc[k + 1 : close].text.replace(" ", "")  # "R-ARCSS" in three tokens
            if _is_acronym(acronym):
                out.add(name_key(acronym))
                out.update(name_key(p) for p in acronym.split("-") if len(p) > 2)
    out.discard("")
    return out


def _after_carrier(doc: Doc, s: int, e: int, carriers: frozenset[str]) -> int:
    """Where a body's name starts in an organization NER read with the text it issued
    ("Communique of the Executive Committee", "Statement of the Central Council"): after
    the carrier noun, "of" and "the"."""
    if e - s < 3 or doc[s].lower_ not in carriers or doc[s + 1].lower_ != "of":
        return s
    return s + 3 if doc[s + 2].lower_ == "the" and e - s > 3 else s + 2


def _generic_bodies(
    doc: Doc, mentions: list[Mention], dictionary: ActorDictionary, matchers: Matchers
) -> list[Mention]:
    """A body named by generic words only ("The Committee", "the Executive Committee") is
    the body of that head the document names in full ("the EPRDF Executive Committee"): the
    nearest before it, else the body its owner makes of it ("the Executive Committee of the
    SPLM", "the ZANU-PF Central Committee"), else the first after it; with none of these,
    the name says nobody (its mention is dropped)."""
    full: list[Mention] = []
    generic: list[Mention] = []
    for m in mentions:
        words = m.text.lower().split()
        if not m.actor or m.label == "PERSON" or not words:
            continue
        if words[-1] not in matchers.generic_bodies:
            continue
        if all(w in matchers.generic_words for w in words) and _is_new(m.actor, dictionary):
            generic.append(m)
        else:
            full.append(m)
    for m in generic:
        own = set(m.text.lower().split()) - {"the"}
        fits = [n for n in full if own <= set(n.text.lower().split())]
        before = [n for n in fits if n.start < m.start]
        owned = _owned_body(doc, m, mentions)
        if before:
            m.actor, m.kind = before[-1].actor, "name"
        elif owned is not None:
            m.actor = dictionary.new_actor(clean_surface(owned), "organization")
            m.text, m.kind = owned, "name"
            full.append(m)
        elif fits:
            m.actor, m.kind = fits[0].actor, "name"
        else:
            m.actor = None
    return [m for m in mentions if m.actor or m not in generic]


def _owned_body(doc: Doc, m: Mention, mentions: list[Mention]) -> str | None:
    """The full name of a generic body its owner makes: a name right before it ("ZANU-PF
    Central Committee") or after "of" ("the Executive Committee of the SPLM")."""
    starts = {n.end: n.start for n in mentions if n.actor and n.label != "PERSON"}
    start = m.start
    while start in starts:  # "ZANU-PF": names joined by hyphens, each a mention
        start = starts[start]
        if start > 1 and doc[start - 1].text in ("-", "–") and start - 1 in starts:
            start -= 1
    if start < m.start:
        return doc[start : m.end].text
    k = m.end + (2 if m.end + 1 < len(doc) and doc[m.end + 1].lower_ == "the" else 1)
    if m.end < len(doc) and doc[m.end].lower_ == "of":
        for n in mentions:
            if n.start == k and n.actor and n.label != "PERSON" and not n.place:
                return doc[m.start : n.end].text
    return None


def _only_harmed(
    doc: Doc, mentions: list[Mention], dictionary: ActorDictionary, harm_verbs: frozenset[str]
) -> None:
    """Persons the text names only as the object of a harm ("the invasion that toppled X",
    "gunmen kidnapped and murdered X, a teacher", "X was assassinated in 1995") are
    mentioned, no actors of the story: their mentions become passing."""
    by_actor: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.actor and (m.label == "PERSON" or dictionary.type_of_entry(m.actor) == "person"):
            by_actor.setdefault(m.actor, []).append(m)
    for ms in by_actor.values():
        if all(_harmed(span_root(doc, m.start, m.end), harm_verbs) for m in ms):
            for m in ms:
                m.passing = True


def _harmed(root: Token, harm_verbs: frozenset[str]) -> bool:
    """Whether a name is the object of a verb of harm (or its passive subject), through
    apposition and coordination ("killed A and B", "kidnapped X, the director of ...")."""
    while root.dep_ in ("conj", "appos") and root.head.i < root.i:
        root = root.head
    return root.dep_ in ("dobj", "obj", "nsubjpass") and root.head.lemma_.lower() in harm_verbs


def _given_name_before(
    doc: Doc, s: int, e: int, name_starts: set[int], dictionary: ActorDictionary
) -> int:
    """The start of a person's name with the given name NER left out between a title and
    the rest ("spokesperson Nikorndej Balankura" read as "Balankura"): one capitalized word
    the parser hung on the name, right after a title (``name_starts``: not itself a title,
    "Foreign Minister Prince X"), that names no known actor or place."""
    i = s - 1
    if i not in name_starts or s >= e:
        return s
    t = doc[i]
    if (
        t.pos_ != "PROPN"
        or not t.is_alpha
        or not t.text[:1].isupper()
        or t.text.isupper()
        or t.dep_ != "compound"
        or not s <= t.head.i < e
        or dictionary.lookup(t.text)
        or dictionary.lookup_demonym(t.text)
        or dictionary.is_place(t.text)
    ):
        return s
    return i


def _name_after_owner(
    doc: Doc, s: int, e: int, honorifics: frozenset[str], after_title: bool = False
) -> int:
    """Where a person's name ends that NER cut short or took for something else after an
    owner's possessive, where honorifics break its run ("Malaysia's Tengku Dato' Ab Ghafar
    Tengku Mohamed", a facility or an organization to NER): the capitalized name words from
    ``s`` on, when they start with an honorific or run past the entity; 0 when they do not.
    Right after a title (``after_title``: "the Malaysian facilitator Tengku Dato' Ab Ghafar
    Tengku Mohamed") only a run that starts with an honorific and goes past the entity."""
    owned = s >= 2 and doc[s - 1].tag_ == "POS" and doc[s - 2].ent_type_ in ("GPE", "ORG", "NORP")
    if not owned and not (after_title and doc[s].lower_ in honorifics):
        return 0
    j = s
    while j < len(doc) and (
        _name_word(doc[j]) or (doc[j].text in ("'", "’") and j > s and _name_word(doc[j - 1]))
    ):
        j += 1
    words = [t for t in doc[s:j] if t.is_alpha]
    if len(words) < 2 or j < e or any(t.lower_ in ORG_WORDS for t in words):
        return 0
    if j == e and (doc[s].lower_ not in honorifics or not owned):
        return 0
    return j


def _owner_of_body(doc: Doc, s: int, e: int, org_heads: frozenset[str]) -> bool:
    """A name NER took for an organization that is a person's, owning one: two or three
    name words, no organization word, in the possessive before a capitalized name that
    ends in an organization word ("Bashir Kordali's Eastern Liberation Army")."""
    words = doc[s:e]
    if not 2 <= len(words) <= 3 or not all(_name_word(t) for t in words):
        return False
    if any(t.lower_ in ORG_WORDS or t.lower_ in org_heads for t in words):
        return False
    if e + 1 >= len(doc) or doc[e].tag_ != "POS":
        return False
    j = e + 1
    while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
        j += 1
    return j > e + 1 and doc[j - 1].lower_ in org_heads


def _spoken_for(doc: Doc, m: Mention, principal_ends: frozenset[str]) -> bool:
    """A name after "for (the)" right after a title whose "for" names its principal ("a
    spokesman for the Islamic Emirate", ``roles.principal_for``): no brief (issue 18t)."""
    i = m.start - 1
    if i > 0 and doc[i].lower_ == "the":
        i -= 1
    return i > 0 and doc[i].lower_ == "for" and doc[i - 1].lower_ in principal_ends


def _in_portfolio(doc: Doc, m: Mention, title_ends: set[int], dictionary: ActorDictionary) -> bool:
    """A state named as the brief of a title before it: "the special adviser on Cyprus",
    "the US envoy for Sudan", "the UN's envoy to Yemen"."""
    if dictionary.type_of_entry(m.actor or "") != "state":
        return False
    i = m.start - 1
    if i > 0 and doc[i].lower_ == "the":
        i -= 1
    return i > 0 and doc[i].lower_ in ("on", "for", "to") and i in title_ends


def _region_brief(doc: Doc, m: Mention, title_ends: set[int], org_heads: frozenset[str]) -> bool:
    """A name the dictionary does not know as the brief of a title before it: "the US envoy
    for the Western Balkans", "the special representative for the Great Lakes" (a region;
    not a body: "the envoy for the Justice Movement")."""
    if doc[m.end - 1].lower_ in org_heads or _is_acronym(m.text):
        return False
    i = m.start - 1
    if i > 0 and doc[i].lower_ == "the":
        i -= 1
    return i > 0 and doc[i].lower_ in ("on", "for", "to") and i in title_ends


def _name_after_brief(doc: Doc, s: int, e: int, title_ends: set[int]) -> int | None:
    """Where the name starts in a person entity that begins with a title's brief ("the
    special representative for the Sahel Joanna Brandt"): the entity follows "for/to/on the"
    right after a title, and a name takes no article; its last two words are the name."""
    if e - s < 3 or s < 2 or doc[s - 1].lower_ != "the":
        return None
    if doc[s - 2].lower_ not in ("for", "to", "on") or s - 2 not in title_ends:
        return None
    return e - 2 if all(_name_word(t) for t in doc[e - 2 : e]) else None


def _name_after_comma(doc: Doc, s: int, e: int) -> int | None:
    """Where a person's name starts that NER glued after a comma to the phrase before it
    ("the special adviser on Cyprus, Espen Barth Eide" read as one work of art): two to four
    capitalized name words after the entity's last comma, none an organization word."""
    commas = [i for i in range(s + 1, e - 1) if doc[i].text == ","]
    if not commas:
        return None
    tail = commas[-1] + 1
    words = doc[tail:e]
    if not 2 <= len(words) <= 4 or not all(_name_word(t) for t in words):
        return None
    if any(t.lower_ in ORG_WORDS for t in words):
        return None
    return tail


def _cut_at_and(doc: Doc, s: int, e: int, dictionary: ActorDictionary) -> int:
    """Where a name NER ended at "and" ends: the proper nouns after it that the parse joins
    to the word before "and" ("the Court of Bosnia and" + "Herzegovina"), also where NER
    stopped before "and" and took the place after it for a name of its own ("the Court of
    Bosnia" + "and Herzegovina": a body "of" a place whose name holds "and"; not "the envoys
    of Norway and Cuba", two states), issue 15a."""
    n = len(doc)
    if s < e - 2 < n - 3 and doc[e].lower_ == "and" and doc[e - 2].lower_ == "of":
        j = e + 1
        while j < n and doc[j].ent_type_ in ("GPE", "LOC") and j - e <= 3:
            j += 1
        joined = any(doc[x].dep_ == "conj" and doc[x].head.i == e - 1 for x in range(e + 1, j))
        known = dictionary.lookup(doc[e + 1 : j].text) if j > e + 1 else None
        if j > e + 1 and joined and known is None and (j == n or doc[j].ent_iob_ != "I"):
            return j
    if e < 2 or e >= n or doc[e - 1].lower_ != "and":
        return e
    j = e
    while j < len(doc) and j - e < 3 and doc[j].tag_ == "NNP" and not doc[j].ent_type_:
        j += 1
    if j == e or not any(doc[x].dep_ == "conj" and doc[x].head.i == e - 2 for x in range(e, j)):
        return e
    return j


#: words that join two names and end no name: "Uhuru Kenyatta and" where NER read on
_LINKS_AT_END = frozenset({"and", "or", "&", ",", "as", "with"})


def _listed_after_titles(doc: Doc, matchers: Matchers) -> dict[int, int]:
    """People listed after a role title in the plural, each a person of their own ("Presidents
    Kiir and Ruto", "foreign ministers Lavrov, Bayramov and Mirzoyan", issue 17a): the start
    of each name -> its end, and each word of the title -> -1 (no part of a name)."""
    out: dict[int, int] = {}
    n = len(doc)
    for k, low in enumerate(lowers(doc)):
        if len(low) < 4 or not low.endswith("s") or k + 1 >= n:
            continue
        if low[:-1] not in matchers.title_heads:
            continue
        role_titles = matchers.role_titles
        first = next(
            (
                j
                for j in range(max(0, k - 2), k + 1)
                if " ".join([*(x.lower_ for x in doc[j:k]), low[:-1]]) in role_titles
            ),
            None,
        )
        if first is None:
            continue
        names = _names_listed(doc, k + 1)
        if len(names) < 2:
            continue  # "Ministers Meet in Cairo": a headline's capitals, no list of names
        out.update(dict.fromkeys(range(first, k + 1), -1))
        out.update(names)
    return out


def _name_start(t: Token) -> bool:
    return t.tag_ == "NNP" and t.text[:1].isupper()


def _names_listed(doc: Doc, i: int) -> dict[int, int]:
    """Names from ``i`` joined by commas and "and": runs of proper nouns, particles and
    hyphens inside them ("al-Bashir", "de Mistura")."""
    out: dict[int, int] = {}
    n = len(doc)

    def inside(j: int) -> bool:
        if _name_start(doc[j]):
            return True
        if doc[j].text == "-":  # "al-Bashir"
            return doc[j - 1].whitespace_ == "" and j + 1 < n and _name_start(doc[j + 1])
        after = doc[j + 1].text if j + 1 < n else ""
        return doc[j].lower_ in _NAME_PARTICLES and (after[:1].isupper() or after == "-")

    while i < n and inside(i):
        j = i
        while j < n and inside(j):
            j += 1
        if j == i:
            break
        out[i] = j
        if j < n and doc[j].text == ",":
            j += 1
        if j < n and doc[j].lower_ == "and":
            j += 1
        elif j >= n or doc[j - 1].text != ",":
            break
        i = j
    return out


def _compound_start(doc: Doc, s: int, e: int, dictionary: ActorDictionary) -> int:
    """Where a body's name starts when NER cut off its first words: capitalized proper nouns
    the parse joins to the name as compounds ("the MILF Peace Implementing Panel", NER:
    "Implementing Panel", issue 17a), not a state, a place or a person before it ("the
    Kenyan Defence Forces" keeps Kenya apart)."""
    while s > 0:
        t = doc[s - 1]
        if t.text == "-" and s > 1 and not t.whitespace_ and not doc[s - 2].whitespace_:
            t = doc[s - 2]  # "ZANU-PF"
            if not (t.pos_ == "PROPN" and t.text[:1].isupper()):
                break
            s -= 2
            continue
        if not (
            t.pos_ == "PROPN"
            and t.text[:1].isupper()
            and t.dep_ == "compound"
            and s <= t.head.i < e
            and t.ent_type_ in ("", "ORG")
            and not dictionary.is_place(t.text)
            and dictionary.type_of_entry(dictionary.lookup(t.text) or "") not in ("state", "person")
        ):
            break
        s -= 1
    return s


def _joined_name_start(doc: Doc, s: int) -> int:
    """Where an organization's name that NER cut at "and" or "of" starts: "the Justice and
    Equality Movement" (NER: "Justice", "Equality Movement"). Capitalized words with no
    entity of another kind, joined by and/of/for/&."""

    def word(t: Token) -> bool:
        return t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ in ("", "ORG")

    i = s
    while i >= 2 and doc[i - 1].lower_ in ("and", "of", "for", "&") and word(doc[i - 2]):
        j = i - 2
        while j > 0 and word(doc[j - 1]):
            j -= 1
        i = j
    if i >= 2 and doc[i - 1].text in ("-", "–") and doc[i - 2].pos_ == "PROPN":
        i -= 2  # "the Eritrea–Ethiopia Boundary Commission" (NER: "Ethiopia Boundary ...")
    return i


def _capitals(t: Token) -> bool:
    return t.is_alpha and t.is_upper


def _label_word(t: Token) -> bool:
    """A word of a transcript's label in capitals, abbreviated titles too ("MR.", "DR.")."""
    return t.is_upper and t.text.rstrip(".").isalpha()


def colon_after(doc: Doc, j: int) -> int | None:
    """The colon that follows a name at token ``j``, directly or after a short bracket
    ("KYAW SOE WIN (recorded):"): its token, or None."""
    n = len(doc)
    if j < n and doc[j].text == ":":
        return j
    if j < n and doc[j].text == "(":
        for x in doc[j + 1 : j + 7]:
            if x.text == "):":
                return x.i
            if x.text == ")":
                return x.i + 1 if x.i + 1 < n and doc[x.i + 1].text == ":" else None
    return None


def _verb_inside(doc: Doc, s: int, e: int) -> int | None:
    """The finite verb in lower case inside a title NER found ("Lopez told The Daily Planet",
    after a quote): where the phrase before it ends, else None."""
    for t in doc[s + 1 : e - 1]:
        if t.tag_ in ("VBD", "VBZ", "VBP") and t.is_lower:
            return t.i
    return None


def _line_start(doc: Doc, i: int) -> bool:
    """Whether token ``i`` opens a line, or opens it after an opening quotation mark: a
    transcript quoted paragraph by paragraph ('"PENCE: Well, look, ...') labels each turn
    after the mark that opens the paragraph's quote."""
    toks = tokens(doc)
    if i > 0 and toks[i - 1].text in ('"', "“", "``") and not toks[i - 1].whitespace_:
        i -= 1
    return i == 0 or "\n" in toks[i - 1].text_with_ws or toks[i - 1].is_space


def _speaker_labels(doc: Doc, mentions: list[Mention], taken: list[bool]) -> list[Mention]:
    """ "KYAW SOE WIN (recorded):", "PRESENTER:", "MIN THU AUNG:": a line of a transcript
    opens with its speaker in capitals. The label is the person the document names so
    elsewhere ("Kyaw Soe Win"; "TAPPER" for "Jake Tapper"), else nobody: its words are no
    names of their own (no organizations "MIN" and "THU")."""
    labels: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    people: dict[str, str] = {}
    for m in mentions:
        # how the running text names people (a label in capitals names nobody by itself)
        if (
            m.actor
            and m.label in ("PERSON", "DICT")
            and " " in m.text.strip()
            and not m.text.isupper()
        ):
            people.setdefault(name_key(m.text), m.actor)
            people.setdefault(name_key(m.text.split()[-1]), m.actor)
    toks = tokens(doc)
    while i < n:
        t = toks[i]
        upper = t.text[:1].isupper()
        label = _label_word(t) and len(t.text) > 1
        if not (upper or label):
            i += 1  # neither case below: no need to ask where the line starts
            continue
        line_start = _line_start(doc, i)
        if line_start and upper and not _capitals(t):
            # "Amum: We came because ...": a name in title case, of a person named in full
            j = i
            while j < n and j - i < 3 and doc[j].text[:1].isupper() and doc[j].is_alpha:
                j += 1
            if colon_after(doc, j) is not None and name_key(doc[i:j].text) in people:
                labels.append((i, j))
            i = max(j, i + 1)
            continue
        if not (line_start and label):
            i += 1
            continue
        j = i
        while j < n and j - i < 5 and (_label_word(doc[j]) or doc[j].text == "."):
            j += 1
        if colon_after(doc, j) is not None:
            labels.append((i, j))
        i = max(j, i + 1)
    answers = _interview_turns(doc, mentions)
    labels += list(answers)
    if not labels:
        return mentions
    out = [m for m in mentions if not any(a <= m.start < b for a, b in labels)]
    for a, b in labels:
        for x in range(a, b):
            taken[x] = True
        turn = answers.get((a, b))
        actor = turn[0] if turn else _label_person(doc, a, b, people)
        if turn is not None:  # an answer's label goes by the interviewee's name, not "A"
            out.append(Mention(a, b, "name", "ANSWER", turn[1], turn[0]))
        elif actor is not None:
            out.append(Mention(a, b, "name", "LABEL", doc[a:b].text, actor))
    return sorted(out, key=lambda m: m.start)


def _label_person(doc: Doc, a: int, b: int, people: dict[str, str]) -> str | None:
    """The person a transcript's label names: the whole label ("KYAW SOE WIN"), else its
    longest ending after title words ("SECRETARY BLINKEN", "PRIME MINISTER AL THANI",
    "MR. KIRBY") that is a person the document names."""
    for k in range(a, b):
        if doc[k].text == ".":
            continue
        actor = people.get(name_key(doc[k:b].text))
        if actor is not None:
            return actor
    return None


#: turn labels of an interview transcript: the interviewer's and the interviewee's
_QUESTION_LABELS = frozenset({"q", "question", "interviewer"})
_ANSWER_LABELS = frozenset({"a", "answer"})
#: verbs and nouns that introduce whom an interview is with: "We spoke to X", "an
#: interview with X", "X told the Review in an interview"
_INTERVIEW_WORDS = frozenset({"speak", "talk", "interview", "sit"})


def _interview_turns(
    doc: Doc, mentions: list[Mention]
) -> dict[tuple[int, int], tuple[str, str] | None]:
    """The turn labels of a question-and-answer transcript ("Q:", "A:", "Question:",
    "Answer:") by their tokens: a question is nobody's; an answer is the interviewee's, the
    person the introduction says the interview is with ("We spoke to X", "an interview with
    X"), else the one person it names in full. Nothing where the text has no question turn
    and no answer turn."""
    turns: list[tuple[int, int, bool]] = []
    toks, lows = tokens(doc), lowers(doc)
    for i, low in enumerate(lows):
        if low not in _QUESTION_LABELS and low not in _ANSWER_LABELS:
            continue
        t = toks[i]
        line_start = t.i == 0 or "\n" in toks[t.i - 1].text_with_ws or toks[t.i - 1].is_space
        if line_start and t.text[:1].isupper() and colon_after(doc, t.i + 1) is not None:
            turns.append((t.i, t.i + 1, low in _ANSWER_LABELS))
    if not any(a for *_, a in turns) or all(a for *_, a in turns):
        return {}
    first_q = min(i for i, _, a in turns if not a)
    named = [m for m in mentions if m.start < first_q and m.actor and " " in m.text.strip()]
    people = [m for m in named if m.label == "PERSON"]
    who: tuple[str, str] | None = None
    for m in named:  # whom the interview is with, whatever type the tagger guessed
        root = span_root(doc, m.start, m.end)
        head = root.head
        verb = head.head if root.dep_ == "pobj" and head.lower_ in ("to", "with") else head
        if root.dep_ in ("pobj", "dobj") and verb.lemma_.lower() in _INTERVIEW_WORDS:
            who = (m.actor, m.text)  # type: ignore[assignment]
            break
    if who is None and len({m.actor for m in people}) == 1:
        who = (people[0].actor, people[0].text)  # type: ignore[assignment]
    return {(i, j): (who if a else None) for i, j, a in turns}


def _people_of(m: Mention, dictionary: ActorDictionary) -> bool:
    """A people named by its country or its demonym ("Kosovo Serbs", "Congolese Tutsi"), not
    an organization: an actor only where a rule makes it one."""
    words = m.text.split()
    e = dictionary.entries.get(m.actor or "")
    if len(words) < 2 or e is None or e.origin != "new":
        return False
    first, last = words[0], words[-1]
    return bool(
        dictionary.lookup_demonym(first)
        or dictionary.lookup_demonym(last)
        or (
            dictionary.lookup(first)
            and dictionary.type_of_entry(dictionary.lookup(first) or "") == "state"
        )
    ) and not any(w.lower() in ORG_WORDS for w in words)


def _new_or_org(m: Mention, dictionary: ActorDictionary) -> bool:
    """A name the document itself brings (not the dictionary's), other than a person's full
    name: whether it acts is read from where it stands."""
    e = dictionary.entries.get(m.actor or "")
    if e is None or e.origin != "new":
        return False
    return not (e.type == "person" and len(m.text.split()) > 1)


#: prepositions whose object acts ("talks with Hamas", "a deal between A and B")
AGENT_PREPS = frozenset({"by", "with", "between", "among", "against", "versus"})
#: prepositions whose object acts when what they hang on is an actor's ("a spokesman for X",
#: "a letter to X", "envoys from X", "a representative of X")
RELATION_PREPS = frozenset({"of", "for", "from", "to", "toward", "towards"})
#: verbs whose prepositional object there is an actor ("appealed to X", "sent to X")
TRANSFER_VERBS = frozenset(
    {"send", "hand", "deliver", "give", "pass", "relay", "convey", "submit", "present", "offer"}
    | {"appeal", "turn", "speak", "talk", "write", "say", "belong", "report", "respond", "reply"}
    | {"return", "transfer", "release", "free", "loyal", "close", "allied", "opposed", "hostile"}
)


def _agentive(doc: Doc, m: Mention, matchers: Matchers) -> bool:
    """Whether a mention stands where someone who acts stands: a subject, an owner, an agent,
    an object, a party ("talks with X"), the principal of an organ or title ("X officials",
    "a spokesman for X") -- not a place ("seized in Arauca", "defenders of Mariupol", "the
    Netzarim corridor")."""
    root = span_root(doc, m.start, m.end)
    while root.dep_ in ("conj", "appos") and root.head.i != root.i and root.head.i < root.i:
        root = root.head
    dep = root.dep_
    head = root.head
    if dep == "poss" and head.lower_ in GEO_NOUNS:
        return False  # "El Fasher's outskirts"
    if dep in ("compound", "nmod", "amod"):
        return (
            head.lemma_.lower() in matchers.agent_heads
            or head.lower_ in matchers.agent_heads
            or head.ent_type_ == "PERSON"
            or head.pos_ == "PROPN"
        )
    if dep == "pobj":
        prep = head.lower_
        gov = head.head
        if prep in AGENT_PREPS:
            return gov.lower_ not in GEO_NOUNS
        if prep in RELATION_PREPS:
            low = gov.lemma_.lower()
            if prep == "from" and (low in matchers.crowd_heads or gov.pos_ == "VERB"):
                return False  # "fighters from Goma", "returned from Cairo"
            return (
                low in matchers.agent_heads
                or gov.lower_ in matchers.agent_heads
                or low in TRANSFER_VERBS
                or gov.ent_type_ == "PERSON"
            )
        return False
    if dep in ("dobj", "obj"):
        return head.lemma_.lower() not in matchers.place_verbs
    return dep not in ("npadvmod", "advmod", "oprd")


def _venue(doc: Doc, m: Mention, matchers: Matchers) -> bool:
    """A capital that names where or when something happened, not who did it: "the Pretoria
    agreement", "the Doha talks", "eighteen months after Pretoria"."""
    root = span_root(doc, m.start, m.end)
    head = root.head
    if root.dep_ in ("compound", "nmod") and head.lemma_.lower() in matchers.venue_nouns:
        return True
    return root.dep_ == "pobj" and head.lower_ in ("after", "before", "since", "until", "till")


def _acronyms(
    doc: Doc,
    mentions: list[Mention],
    taken: list[bool],
    matchers: Matchers,
    dictionary: ActorDictionary,
) -> list[Mention]:
    """ "The National Liberation Army (ELN)": the abbreviation in brackets after a name is
    that actor, wherever the document uses it; an abbreviation NER did not take for a name
    ("the regional bloc IGAD") is an organization of its own."""
    by_start = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions}
    alias: dict[str, str] = {}
    for m in mentions:
        if m.start < 2 or m.end >= len(doc) or doc[m.start - 1].text != "(":
            continue
        if doc[m.end].text != ")":
            continue
        full = by_end.get(m.start - 1) or by_end.get(m.start - 2)
        short = full is not None and bracketed_short_form(
            doc, doc[full.start : full.end], doc[m.start : m.end]
        )  # "the Centre for Humanitarian Dialogue (HD Centre)"
        if not short and not _is_acronym(m.text):
            continue
        if full is None or full is m or not full.actor or full.actor == m.actor:
            continue
        if dictionary.entries.get(full.actor) and dictionary.type_of_entry(full.actor) == "person":
            continue
        alias[m.text] = full.actor
    toks, lows, pos = tokens(doc), lowers(doc), poses(doc)
    out = list(mentions)
    joined = _hyphened_acronyms(doc, out, by_end)  # "(NDM-PF)", "(SPLM-N)": one each
    for text, actor in joined.items():
        alias.setdefault(text, actor)
    if joined:
        out = _joined_uses(doc, out, taken, joined)
    for i in range(2, len(toks)):  # bracketed abbreviations NER left out
        if taken[i] or lows[i - 1] != "(" or not _is_acronym(toks[i].text):
            continue
        t = toks[i]
        full = by_end.get(t.i - 1)
        if full is not None and full.actor and t.i + 1 < len(doc) and doc[t.i + 1].text == ")":
            alias.setdefault(t.text, full.actor)
    if alias:
        old = {m.actor: alias[m.text] for m in mentions if m.text in alias and m.actor}
        for m in out:
            if m.text in alias:
                m.actor, m.kind = alias[m.text], "name"
            elif m.actor in old and _is_new(m.actor, dictionary):
                m.actor = old[m.actor]
        for a, actor in alias.items():
            dictionary.add_document_alias(actor, a)
    # an abbreviation of a name the document spells out: "the Rapid Support Forces ... the RSF"
    longs = {
        _initials(m.text): m.actor
        for m in mentions
        if m.actor
        and len(m.text.split()) >= 2
        and not _is_acronym(m.text)
        and dictionary.type_of_entry(m.actor) != "person"
    }
    longs.pop("", None)
    for m in out:  # every use of the abbreviation, not only the first
        if _is_acronym(m.text):
            hit = alias.get(m.text) or longs.get(m.text.replace(".", "").upper())
            e = dictionary.entries.get(m.actor or "")
            if hit and hit != m.actor and (e is None or e.origin == "new" or e.gazetteer):
                # a gazetteer's abbreviation gives way to the name the document spells out
                # ("the Southern Liberation Army ... the SLA", not the Sudan Liberation Army)
                m.actor, m.kind = hit, "name"
                if m.text not in alias:
                    alias[m.text] = hit
                    dictionary.add_document_alias(hit, m.text)
    for i, tpos in enumerate(pos):
        if taken[i] or i in by_start or not _is_acronym(toks[i].text):
            continue
        t = toks[i]
        if tpos != "PROPN" and not _abbreviation_before_agent(t, matchers):
            continue
        if _caps_run(doc, t.i) >= 3:
            continue  # "HAMAS SAYS NO TO TRUCE PLAN": a headline in capitals, no abbreviations
        if name_key(t.text) in matchers.not_actors or dictionary.is_place(t.text):
            continue
        known = alias.get(t.text) or dictionary.lookup(t.text) or longs.get(t.text.upper())
        acronym = known or dictionary.new_actor(t.text, "organization")
        out.append(Mention(t.i, t.i + 1, "name", "ACRONYM", t.text, acronym))
        taken[t.i] = True
    return sorted(out, key=lambda m: m.start)


def _abbreviation_before_agent(t: Token, matchers: Matchers) -> bool:
    """An abbreviation the tagger took for a common noun where it describes the people or
    bodies of an actor ("RSF fighters said", "ISWAP militants attacked": at a sentence's start
    the tagger reads the capitals as a noun): a name all the same."""
    head = t.head
    return (
        t.dep_ in ("compound", "amod", "nmod")
        and head.i == t.i + 1
        and head.pos_ == "NOUN"
        and (head.lower_ in matchers.common_heads or head.lemma_.lower() in matchers.common_heads)
    )


def _hyphened_acronym(doc: Doc, i: int) -> int:
    """The last token of an abbreviation written in parts joined by hyphens from ``i``
    ("NDM-PF", "SPLM-N"), ``i`` itself where there is none."""
    k = i
    while k + 2 < len(doc) and doc[k + 1].text == "-" and _capital_part(doc[k + 2].text):
        k += 2
    return k


def _capital_part(text: str) -> bool:
    """A part of an abbreviation after a hyphen: capitals or digits ("PF", "N", "M23")."""
    return text.isalnum() and text.upper() == text and not text.isdigit()


def _hyphened_acronyms(
    doc: Doc, mentions: list[Mention], by_end: dict[int, Mention]
) -> dict[str, str]:
    """ "The National Democratic Movement-Patriotic Front (NDM-PF)": an abbreviation in parts
    joined by hyphens, in brackets right after a name, is that actor's (issue 16a; NER takes
    "NDM" for a name and leaves "PF" for one of its own)."""
    out: dict[str, str] = {}
    for i in range(2, len(doc) - 1):
        if doc[i - 1].text != "(" or not _is_acronym(doc[i].text):
            continue
        k = _hyphened_acronym(doc, i)
        full = by_end.get(i - 1)
        if k == i or k + 1 >= len(doc) or doc[k + 1].text != ")" or full is None:
            continue
        if full.actor and not (full.start <= i < full.end):
            out[doc[i : k + 1].text] = full.actor
    return out


def _joined_uses(
    doc: Doc, mentions: list[Mention], taken: list[bool], joined: dict[str, str]
) -> list[Mention]:
    """Every use of a hyphened abbreviation (``joined``) as one mention of its actor, in
    place of the mentions NER made of its parts."""
    spans = []
    for i in range(len(doc)):
        k = _hyphened_acronym(doc, i)
        if k > i and doc[i : k + 1].text in joined:
            spans.append((i, k + 1, joined[doc[i : k + 1].text]))
    if not spans:
        return mentions
    inside = {j for s, e, _ in spans for j in range(s, e)}
    out = [m for m in mentions if not any(j in inside for j in range(m.start, m.end))]
    for s, e, actor in spans:
        _take(out, taken, Mention(s, e, "name", "ACRONYM", doc[s:e].text, actor))
    return sorted(out, key=lambda m: m.start)


#: words that give a person's other name: "who also goes by the name X", "also known as X",
#: "better known by his nom de guerre, X", "alias X", "a.k.a. X"
_OTHER_NAME = re.compile(
    r"(?:\b(?:known|goes|go|went|going)\s+(?:by|as)\b|\balias\b|\ba\.?k\.?a\.?"
    r"|\bnom de guerre\b|\bby the name\b)[^.;]{0,30}$",
    re.IGNORECASE,
)


def _other_names(doc: Doc, mentions: list[Mention], dictionary: ActorDictionary) -> None:
    """A person's other name is that person, not someone new: "Anas Abdulrahman, who also
    goes by the name Hipni Mareh", "Salim Odhiambo, better known as Jabali" (whatever NER
    took it for); every use of it in the document."""
    same: dict[str, str] = {}  # name key of the other name -> the person
    for prev, m in itertools.pairwise(mentions):
        if not prev.actor or dictionary.type_of_entry(prev.actor) != "person":
            continue
        if m.start - prev.end > 12 or doc[prev.start].sent.start != doc[m.start].sent.start:
            continue
        words = doc[m.start : m.end]
        if not all(t.text[:1].isupper() or not t.is_alpha for t in words):
            continue
        between = doc[prev.end : m.start]
        if not _OTHER_NAME.search(between.text) or any(t.pos_ == "PROPN" for t in between):
            continue
        if m.actor == prev.actor or (m.actor and not _is_new(m.actor, dictionary)):
            continue
        same[name_key(m.text)] = prev.actor
        dictionary.add_document_alias(prev.actor, clean_surface(m.text))
    if not same:
        return
    for m in mentions:
        hit = same.get(name_key(m.text))
        if hit is not None and (m.actor is None or _is_new(m.actor, dictionary)):
            m.actor, m.kind, m.label = hit, "name", "PERSON"


def _splinters(
    doc: Doc, mentions: list[Mention], taken: list[bool], dictionary: ActorDictionary
) -> list[Mention]:
    """ "the Real SPLM", "the New IRA": a capitalized word between "the" and an
    organization's abbreviation names a body of its own, not the one the abbreviation alone
    names (a people's name, "the Sudanese SPLM", only describes it)."""
    by_start = {m.start: m for m in mentions}
    extra: list[Mention] = []
    toks, lows = tokens(doc), lowers(doc)
    for i in range(2, len(toks)):
        if lows[i - 2] != "the":
            continue
        t = toks[i]
        if not _is_acronym(t.text) or len(t.text) < 2:
            continue
        adj = doc[t.i - 1]
        if not adj.is_alpha or not adj.text[:1].isupper():
            continue
        if adj.is_upper or adj.pos_ not in ("ADJ", "PROPN") or adj.ent_type_ in ("NORP", "GPE"):
            continue
        if taken[adj.i] or dictionary.is_place(adj.text):
            continue
        name = f"{adj.text} {t.text}"
        actor = dictionary.lookup(name) or dictionary.new_actor(name, "organization")
        m = by_start.get(t.i)
        if m is not None and m.end == t.i + 1:
            m.start, m.text, m.actor, m.kind = adj.i, name, actor, "name"
            taken[adj.i] = True
        elif not taken[t.i]:
            _take(extra, taken, Mention(adj.i, t.i + 1, "name", "ORGNAME", name, actor))
    return _merged(mentions, extra)


def _names_gone_on(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "the Barisan Revolusi Nasional Melayu Patani (BRN)": a known name NER's next name
    goes on from, where the abbreviation after both is the known one's, is one longer name,
    no second actor (issue 24A)."""
    out = sorted(mentions, key=lambda m: m.start)
    by_start = {m.start: m for m in out}
    drop: set[int] = set()
    for a, b in itertools.pairwise(out):
        if a.actor is None or b.start != a.end or b.label not in ("PERSON", "ORG", "GPE"):
            continue
        if a.start in drop or b.end + 2 >= len(doc) or doc[b.end].text != "(":
            continue
        c = by_start.get(b.end + 1)
        if c is None or c.actor != a.actor or doc[c.end].text != ")":
            continue
        a.end, a.text = b.end, doc[a.start : b.end].text
        drop.add(b.start)
    return [m for m in out if m.start not in drop]


def _caps_run(doc: Doc, i: int) -> int:
    """How many words in capitals in a row hold token ``i``."""
    a = i
    while a > 0 and _capitals(doc[a - 1]):
        a -= 1
    b = i + 1
    while b < len(doc) and _capitals(doc[b]):
        b += 1
    return b - a


def _is_new(actor: str, dictionary: ActorDictionary) -> bool:
    e = dictionary.entries.get(actor)
    return e is not None and e.origin == "new"


#: prepositions inside an organization's name before its place ("Mission in Libya")
NAME_PLACE_PREPS = frozenset({"in", "for", "to", "on"})


def _name_through_place(doc: Doc, s: int, e: int) -> int:
    """Where an organization's name ends that NER cut before its place: "the UN Support
    Mission in Libya (UNSMIL)", "the Organization for Security and Co-operation in Europe
    (OSCE)": the abbreviation in brackets after the place starts like the name and holds the
    place's initial. ``e`` when there is none (less one for a cut after "in")."""
    if e - s > 1 and doc[e - 1].lower_ in NAME_PLACE_PREPS:  # NER's cut after "in"
        e -= 1
    if e + 4 >= len(doc) or doc[e].lower_ not in NAME_PLACE_PREPS:
        return e
    place = doc[e + 1]
    if place.ent_type_ not in ("GPE", "LOC") or place.ent_iob_ != "B":
        return e
    end = e + 2
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return e
    abbr = doc[end + 1].text.replace(".", "")
    first = next((t for t in doc[s:e] if t.text[:1].isupper() and not t.is_stop), None)
    if not _is_acronym(abbr) or first is None:
        return e
    if abbr[0] != first.text[0].upper() or doc[e + 1].text[0].upper() not in abbr[1:]:
        return e
    return end


def _initials(name: str) -> str:
    """ "Rapid Support Forces" -> "RSF", "Tigray People's Liberation Front" -> "TPLF"."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else ""


def _state_organs(
    doc: Doc, mentions: list[Mention], matchers: Matchers, dictionary: ActorDictionary
) -> None:
    """An office of a state is the state: "the Kazakh foreign ministry", "Russia's Defence
    Ministry", "the U.S. State Department", "India's Ministry of External Affairs" (a name NER
    found, headed by an office word, with a state in it or owning it)."""
    men_at = {i: m for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        if m.label != "ORG" or not m.actor:
            continue
        words = name_key(m.text).split()
        if not words or not (
            words[-1] in matchers.state_organs
            or " ".join(words[-2:]) in matchers.state_organs
            # "India's Ministry of External Affairs", "the Department of State"
            or (len(words) > 2 and words[0] in matchers.state_organs and words[1] in ("of", "for"))
            or _demonym_institution(words, matchers, dictionary)
        ):
            continue
        state = None
        for n in range(len(words) - 1, 0, -1):  # a state's name or demonym inside the name
            prefix = " ".join(words[:n])
            state = dictionary.lookup_demonym(prefix) or dictionary.lookup(prefix)
            if state:
                break
        text = m.text
        if state is None:
            root = span_root(doc, m.start, m.end)
            for c in root.children:
                other = men_at.get(c.i)
                if c.dep_ in ("poss", "compound", "amod") and other is not None and other is not m:
                    state = other.actor
                    if other.end <= m.start:  # "Qatar's Foreign Ministry": the form named
                        text = span_text(doc, other.start, m.end)
        if state is None and (owner := _possessor_before(doc, m, men_at)) is not None:
            # "Ethiopia's Ministry of Foreign Affairs further emphasized": the owner the
            # parser hung elsewhere (issue 24A)
            state, text = owner.actor, span_text(doc, owner.start, m.end)
        if state is None and len(words) >= 2 and words[-1] in ("ministry", "office"):
            state = _state_before(doc, mentions, m, dictionary, matchers.crowd_heads)
        if state and dictionary.type_of_entry(state) == "state":
            noun = _institution_noun(words, matchers)
            same = matchers.same_institution(noun) if noun else frozenset()
            body = dictionary.new_body(state, noun, same) if noun else None
            # "Qatar's Foreign Ministry": a body of its own (issue 15a); "Russia's Defence
            # Ministry": the state
            m.actor, m.kind, m.label, m.text = body or state, "name", "ORGAN", text


def _demonym_institution(words: list[str], matchers: Matchers, dictionary: ActorDictionary) -> bool:
    """A name that is a state's demonym and one of its institutions and nothing more ("the
    Sudanese Armed Forces", "the Myanmar Armed Forces"): the body "the Sudanese army" names,
    one actor (issue 24A; not "the Libyan National Army", a name of its own)."""
    for n in (1, 2):
        noun, owner = " ".join(words[-n:]), " ".join(words[:-n])
        if owner and noun in matchers.institutions:
            state = dictionary.lookup_demonym(owner) or dictionary.lookup(owner)
            return state is not None and dictionary.type_of_entry(state) == "state"
    return False


def _possessor_before(doc: Doc, m: Mention, men_at: dict[int, Mention]) -> Mention | None:
    """The mention right before a name and its possessive "'s" ("Ethiopia's" before
    "Ministry of Foreign Affairs"), however the parser hung the two."""
    j = m.start - 1
    if j < 1 or doc[j].lower_ not in ("'s", "\u2019s", "'", "\u2019"):
        return None
    other = men_at.get(j - 1)
    return other if other is not None and other is not m and other.actor else None


def _institution_noun(words: list[str], matchers: Matchers) -> str | None:
    """The institution (the lexicon's ``institutions``) a name of a state's office names, by
    its noun ("Foreign Ministry") or one of its formal names ("Ministry of Foreign Affairs",
    also inside "Ministry of Foreign Affairs and International Cooperation"; issue 16a)."""
    joined = f" {' '.join(words)} "
    for form, noun in matchers.institution_forms.items():
        if f" {form} " in joined:
            return noun
    return next((n for n in (" ".join(words[-2:]), words[-1]) if n in matchers.institutions), None)


def _state_before(
    doc: Doc,
    mentions: list[Mention],
    m: Mention,
    dictionary: ActorDictionary,
    groups: frozenset[str] = frozenset(),
) -> str | None:
    """ "Pakistan wants the treaty restored. Foreign Office spokeswoman X said": an office
    named without its state belongs to the state named last before it, in its sentence or
    the one before (not a state named as a place, nor a demonym that only describes a
    group: "China said the Palestinian factions met. Foreign Ministry spokesman X ...",
    issue 22S)."""
    floor = doc[m.start].sent.start
    if floor > 0:
        floor = doc[floor - 1].sent.start
    for other in reversed(mentions):
        if other.start >= m.start or other.start < floor:
            continue
        if other.kind == "demonym" and _describes_body(doc, mentions, other, dictionary, groups):
            continue  # "the Palestinian factions", "Palestinian Fatah": a group, not the state
        if (
            other.actor
            and not other.place
            and other.kind in ("name", "metonym", "demonym")
            and dictionary.type_of_entry(other.actor) == "state"
        ):
            return other.actor
    return None


def _describes_body(
    doc: Doc,
    mentions: list[Mention],
    demonym: Mention,
    dictionary: ActorDictionary,
    groups: frozenset[str],
) -> bool:
    """Whether a demonym only describes the group noun ("the Palestinian factions") or the
    organization it stands before ("Palestinian Fatah", "Lebanese Hezbollah")."""
    head = doc[demonym.end - 1].head
    if head.i < demonym.end:
        return False
    if head.lower_ in groups or head.lemma_.lower() in groups:
        return True
    return any(
        o is not demonym
        and o.start <= head.i < o.end
        and o.actor
        and dictionary.type_of_entry(o.actor) == "organization"
        for o in mentions
    )


def _split_joined(
    cands: list[tuple[int, int, int, Mention | None]], doc: Doc, org_heads: frozenset[str]
) -> list[tuple[int, int, int, Mention | None]]:
    """An NER entity that joins two dictionary names with a hyphen or slash ("the Mali-Niger
    talks", "U.S.-Iran") or with a bare "of" ("the envoy to Mozambique of UN Secretary General
    X", issue 14o) gives way to the two names, unless it ends in an organization's head ("the
    Eritrea–Ethiopia Boundary Commission")."""
    names = [(s, e) for s, e, p, m in cands if p == 2 and m is not None]
    out: list[tuple[int, int, int, Mention | None]] = []
    for s, e, p, m in cands:
        if p == 1 and m is not None and e - s >= 3 and doc[e - 1].lower_ not in org_heads:
            inside = sorted((a, b) for a, b in names if s <= a and b <= e)
            # the mark between two of the names ("Mali-Niger"), not elsewhere in the entity
            # ("the OSCE Minsk Group Co-Chairs" is one body)
            joined = any(
                doc[i].text in ("-", "–", "/")
                or (doc[i].text == "of" and doc[b - 1].lower_ not in org_heads)
                for (_, b), (a, _) in itertools.pairwise(inside)
                for i in range(b, a)
            )  # "the National Intelligence Organization of Turkey" is one body (issue 20A)
            if joined:
                continue
        out.append((s, e, p, m))
    return out


def _administration(m: Mention, doc: Doc, dictionary: ActorDictionary, when: date | None) -> bool:
    """ "the Biden administration" names the state its leader leads, not the person.
    Returns True when the mention should be dropped (a leader we cannot place)."""
    if m.end >= len(doc) or not m.actor:
        return False
    if lowers(doc)[m.end] not in GOVERNMENT_NOUNS:
        return False
    toks = tokens(doc)
    head = toks[m.end]
    if toks[m.end - 1].head.i != head.i:
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


def _described(doc: Doc, s: int, e: int) -> bool:
    """An entity whose head is a lower-case common noun is a description, not a name: "the
    main Kosovo Serb party", "a Hutu militia" (a name's head has its capital: "the Arakan
    Army"; "Chung Eui-yong" ends in a word joined by a hyphen)."""
    if e - s < 2:
        return False
    last, prev = doc[e - 1], doc[e - 2]
    return (
        last.pos_ == "NOUN"
        and last.is_alpha
        and last.is_lower
        and prev.text != "-"
        and bool(prev.whitespace_)
    )


def _headline_verb(doc: Doc, s: int, e: int, verbs: frozenset[str]) -> int | None:
    """Where an entity of a title-cased headline has a verb: the entity is a clause of the
    headline ("Gov't Rejects US Ultimatum, Demands Permanent Sanctions Removal", "Rebels
    Reject Offer, Vow New Offensive"), or its subject and a clause ("Sudan Army Rejects
    Jeddah Proposal": a verb after the first word only in the third person)."""
    toks = tokens(doc)
    for i in range(s, e):
        t = toks[i]
        low = t.lower_
        if i > s and i + 1 < e and _manner_adverb(t) and _verb_form(toks[i + 1], verbs):
            return i if _title_cased(toks[s].sent, doc[s:i]) else None  # "Kurds Quickly Reject"
        if not t.text[:1].isupper() or i + 1 == e:
            continue
        stems = {low[:-1], low[:-2] if low.endswith("es") else "", low[:-3] + "y"}
        if not low.endswith("s"):
            stems = {low} if i == s else set()
        if stems & verbs:
            return i if _title_cased(toks[s].sent, doc[s:i]) else None  # the clause counts
    return None


def _state_glued(
    doc: Doc, s: int, e: int, dictionary: ActorDictionary, title_ends: set[int]
) -> int:
    """Where a person's name starts that NER glued to a state before it: the last state of a
    list ("Foreign Ministers of Azerbaijan and Armenia Jeyhun Bayramov and ...", a state that
    follows "and", "," or "of") or a title's brief ("the US special envoy for Sudan Tom
    Perriello", "the UN envoy to Syria Staffan de Mistura", a state after the "for", "to" or
    "on" that ends a title, issue 22A), before two name words or more (a particle of a name
    counts: "de"); ``s`` where there is none."""
    if s == 0:
        return s
    before = doc[s - 1].lower_
    brief = before in ("for", "to", "on") and s - 1 in title_ends
    if before not in ("and", ",", "of", "&") and not brief:
        return s
    for k in range(min(3, e - s - 2), 0, -1):
        hit = dictionary.lookup(doc[s : s + k].text)
        if hit is not None and dictionary.type_of_entry(hit) == "state":
            rest = doc[s + k : e]
            names = [t for t in rest if not (brief and t.is_lower and t.is_alpha and len(t) <= 3)]
            ok = len(names) >= 2 and all(_name_word(t) and t.lower_ not in ORG_WORDS for t in names)
            return s + k if ok and rest[-1] in names else s
    return s


def _state_after_of(doc: Doc, s: int, e: int, dictionary: ActorDictionary) -> int:
    """Where a dictionary state starts that ends an entity NER read as a law or a work
    after "of" ("the Foreign Ministers of Serbia"); 0 where none does."""
    for k in range(s + 1, e):
        if doc[k - 1].lower_ == "of":
            hit = dictionary.lookup(doc[k:e].text)
            return k if hit is not None and dictionary.type_of_entry(hit) == "state" else 0
    return 0


def _glued_by_of(doc: Doc, s: int, e: int, dictionary: ActorDictionary) -> bool:
    """An organization NER glued from two known names across "of": a state before it and a
    known actor after it ("Mozambique of UN" in "the envoy to Mozambique of UN Secretary
    General X"), which is no one's name ("the Republic of Kenya" has no state before it)."""
    ofs = [i for i in range(s + 1, e - 1) if doc[i].lower_ == "of"]
    if len(ofs) != 1:
        return False
    k = ofs[0]
    before = dictionary.lookup(doc[s:k].text)
    return (
        before is not None
        and dictionary.type_of_entry(before) == "state"
        and dictionary.lookup(doc[k + 1 : e].text) is not None
    )


def _facility(doc: Doc, s: int, e: int, matchers: Matchers) -> bool:
    """A name of a building or a site: two words or more, the last a capitalized facility
    head ("Marrongamisse II Primary School", "Al-Shifa Hospital"), no dictionary name."""
    last = doc[e - 1]
    return e - s > 1 and last.text[:1].isupper() and last.lower_ in matchers.facility_heads


def _manner_adverb(t: Token) -> bool:
    """A capitalized adverb of manner NER took into a name in a title-cased headline
    ("Kurds Quickly Reject", "Rebels Flatly Deny"): a common word in "-ly" that names no
    place or person ("Italy", "Kelly")."""
    low = t.lower_
    return (
        t.text[:1].isupper()
        and low.endswith("ly")
        and len(low) > 4
        and t.ent_iob_ != "B"
        and is_common(t.vocab, low)
        # made from an adjective ("quick-ly", "happi-ly"): not "Assembly", "Family", "Supply"
        and (is_common(t.vocab, low[:-2]) or is_common(t.vocab, low[:-3] + "y"))
    )


def _verb_form(t: Token, verbs: frozenset[str]) -> bool:
    """A capitalized verb of the class ``verbs`` in its base or third-person form
    ("Reject", "Rejects", "Denies")."""
    low = t.lower_
    if not t.text[:1].isupper():
        return False
    return bool({low, low[:-1], low[:-2], low[:-3] + "y"} & verbs)


def _first_word(doc: Doc, i: int) -> bool:
    """The first word of a sentence or a line (after a time stamp), where a capital says
    nothing about a name."""
    return doc[i].is_sent_start or i == 0 or doc[i - 1].is_punct or doc[i - 1].is_space


def _common_noun(t: Token, heads: frozenset[str]) -> bool:
    """A word the lexicon knows as a common head ("Delegations", "Rebels") at the start of a
    sentence, which NER may take for a name."""
    low = t.lower_
    return any(w in heads for w in (low, t.lemma_.lower(), low[:-1] if low.endswith("s") else ""))


#: a time stamp or a dash before a name ("09:05 - Delegations are arriving")
_STAMP = re.compile(r"[\d:.]*\d[\d:.]*|[-–—]+")


def _trim(ent: Span, in_title: set[int]) -> tuple[int, int]:
    """An entity without leading articles, titles and trailing possessives."""
    s, e = ent.start, ent.end
    doc = ent.doc
    while s < e and (
        doc[s].lower_ in ("the", "a", "an")
        or (s in in_title and ent.label_ != "ORG")
        or _STAMP.fullmatch(doc[s].text)  # "10:50 - Agcaoili" in a live blog
    ):
        s += 1
    while e > s and (doc[e - 1].tag_ == "POS" or doc[e - 1].text in ("'", "’")):
        e -= 1
    opened = next((i for i in range(s + 1, e) if doc[i].text == "("), None)
    if opened is not None and all(doc[i].text != ")" for i in range(opened, e)):
        e = opened  # "the Shanghai Cooperation Organisation (SCO" cut inside its bracket
    trimmed = ent.label_ == "NORP" or ent.label_ in BLOCKING_LABELS
    while trimmed and e - 1 > s and e - 1 in in_title:
        # "the Kenyan Cabinet Secretary": the nationality, then the title; "the Angolan Head
        # of State" read as a law: the title is no part of it (issue 24K)
        e -= 1
    if ent.label_ == "ORG":
        e = _title_fragment_cut(doc, s, e, in_title)
    if ent.label_ == "ORG" and all(i in in_title for i in range(s, e)):
        return s, s  # "State" in "Secretary of State"
    if ent.label_ == "ORG" and s in in_title:  # "the Personal Envoy of IGAD": the owner only
        k = s
        while k < e and k in in_title:
            k += 1
        if k < e and doc[k].lower_ in ("of", "for"):
            s = k + 2 if k + 1 < e and doc[k + 1].lower_ == "the" else k + 1
        elif (
            2 <= e - k <= 4
            and all(_name_word(t) for t in doc[k:e])
            and not any(t.lower_ in ORG_WORDS for t in doc[k:e])
        ):
            s = k  # "Presidential Aide Pavel Orlov" as one organization: a title, a name
    if ent.label_ == "ORG" and e - 1 in in_title:  # "the National Salvation Front of General"
        j = e
        while j > s and j - 1 in in_title:
            j -= 1
        if j - 1 > s and doc[j - 1].lower_ in ("of", "for"):
            e = j - 1
    return s, e


def _title_fragment_cut(doc: Doc, s: int, e: int, in_title: set[int]) -> int:
    """Where an organization's name ends that NER ran into a title (issue 17t): "US
    Department of State Special" before "Representative X" (the title that runs on past the
    entity is cut off: "US Department of State"), "the Personal Envoy of" before a name (a
    title and its "of": nothing of the name is left)."""
    if e < len(doc) and e in in_title:
        while e > s and e - 1 in in_title:
            e -= 1
    if e - 1 > s and doc[e - 1].lower_ in ("of", "for", "to") and e - 2 in in_title:
        e -= 1
    return e


#: words of quantity that head a phrase of their own ("Several said", "Many were killed"): no
#: one's name, whatever their capital or tag
QUANTIFIERS = frozenset(
    {"several", "many", "some", "most", "few", "all", "both", "others", "each", "none"}
    | {"either", "neither", "various", "numerous", "multiple", "dozens", "hundreds"}
    | {"thousands", "scores", "millions", "tens", "plenty", "more", "fewer", "another"}
)

#: verbs of motion: "flew back to Cairo" names a place
MOTION = frozenset(
    {"fly", "travel", "return", "go", "head", "come", "arrive", "move", "flee", "drive", "sail"}
    | {"walk", "march", "relocate", "evacuate", "deport", "transfer", "cross", "escape"}
)


def locative(doc: Doc, m: Mention, capital: bool | None = None) -> bool:
    """A capital or seat named as a place: "talks in Moscow", "flew back to Cairo", "Beirut's
    southern suburbs". ``capital``: whether the place stands for a state through its capital
    (by default, whether the mention is a metonym); only then are "the government in Kyiv" and
    "officials in Moscow" the state rather than a place."""
    if capital is None:
        capital = m.kind == "metonym"
    head = span_root(doc, m.start, m.end)
    if head.dep_ == "poss" and head.head.lower_ in GEO_NOUNS:
        return True
    if head.dep_ == "conj":  # "to Cairo and Tel Aviv"
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
    if head.dep_ != "pobj":
        return False
    prep = head.head
    if prep.lower_ == "in" and capital and _seat_of_power(prep.head):
        return False  # "the government in Kyiv", "the authorities in Moscow": the state
    if prep.lower_ in LOCATIVE:
        return True
    verb = prep.head.head if prep.head.dep_ in ("advmod", "prt") else prep.head  # "flew back to"
    if prep.lower_ == "for":  # "left for Cairo", "departed for Doha"
        return verb.lemma_.lower() in DEPARTING
    return prep.lower_ in ("to", "from") and verb.lemma_.lower() in MOTION


#: dashes after a dateline's place
DATELINE_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _title_dateline(doc: Doc, m: Mention) -> bool:
    """A dateline's place in title case, first in its paragraph before a dash ("Addis
    Abeba– Turkey aims to ...", "Kyiv — Ukraine said ..."; in capitals the boilerplate
    pattern has it already): where the story was filed, no actor (issue 24A)."""
    s, e = m.start, m.end
    if e + 1 >= len(doc) or doc[e].text not in DATELINE_DASHES:
        return False
    if s > 0 and "\n" not in doc[s - 1].text_with_ws:
        return False
    return doc[e + 1].text[:1].isupper()


def _glued_dash(doc: Doc, m: Mention) -> bool:
    """A dash glued to a name and spaced from what follows ("Addis Abeba– Turkey"): a
    dateline's layout, not a dash around a phrase (spaced or closed on both sides)."""
    e = m.end
    return (
        e + 1 < len(doc)
        and doc[e].text in DATELINE_DASHES
        and not doc[e - 1].whitespace_
        and bool(doc[e].whitespace_)
    )


#: a state's rulers named by where they sit: "the government in Kyiv", "the regime in Damascus"
SEAT_NOUNS = frozenset({"government", "authorities", "regime", "leadership", "administration"})
#: a state's people named by where they sit, without "the": "officials in Jerusalem said"
SEAT_PEOPLE = frozenset({"officials", "leaders", "policymakers"})


def _seat_of_power(noun: Token) -> bool:
    """ "the government in Kyiv", "the authorities in Moscow", "the regime in Damascus": a
    definite ruling body with no other owner, placed in a capital (the caller checks that the
    place is one, :func:`locative`), is that capital's state
    (not "a government in exile", not "the Israeli embassy in Cairo"); so are "officials in
    Jerusalem" with no owner of their own (not "UN officials in Kyiv")."""
    if noun.pos_ != "NOUN":
        return False
    lefts = [c.lower_ for c in noun.lefts if c.dep_ != "punct"]
    if noun.lower_ in SEAT_PEOPLE:  # "officials in Jerusalem", not "UN officials in Kyiv"
        return lefts in ([], ["senior"])
    return bool({noun.lemma_.lower(), noun.lower_} & SEAT_NOUNS) and lefts == ["the"]


#: verbs whose "for" names where one goes: "left for Cairo", "set off for Doha"
DEPARTING = frozenset({"leave", "depart", "head", "set", "sail", "fly", "embark", "board"})


def travelled_between(doc: Doc, m: Mention) -> bool:
    """A place someone travels between: "shuttled between Port Sudan and Jeddah", "shuttle
    diplomacy between Goma and Kisangani" (for a capital that stands for its state the rules
    read the sides of the talks there: "between Belgrade and Pristina")."""
    head = span_root(doc, m.start, m.end)
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ != "pobj" or head.head.lower_ != "between":
        return False
    return _travel(head.head.head)


#: nouns of going from one place to another: "trips between Cairo and Doha"
TRAVEL_NOUNS = frozenset({"shuttle", "trip", "journey", "flight", "travel", "visit", "tour"})


def _travel(t: Token) -> bool:
    """A verb of motion or a noun of travel ("shuttle diplomacy")."""
    lemma = t.lemma_.lower()
    if lemma in MOTION or lemma in TRAVEL_NOUNS:
        return True
    mods = (c for c in t.children if c.dep_ in ("compound", "amod"))
    return any(c.lemma_.lower() in TRAVEL_NOUNS for c in mods)


#: nouns of a war a state is the setting of: "Sudan's civil war", "ending Yemen's conflict"
CONFLICT_NOUNS = frozenset(
    {"war", "wars", "conflict", "conflicts", "crisis", "insurgency", "uprising", "unrest"}
    | {"fighting", "violence", "bloodshed", "revolution", "famine", "civil"}
)


def _state_as_place(
    doc: Doc, m: Mention, dictionary: ActorDictionary, topic_nouns: frozenset[str] = frozenset()
) -> bool:
    """A state named as a place: after "in"/"into"/..., after a geographic noun ("the border
    with Lebanon"), or after a place and a comma ("Metula, Israel"); the setting of a war
    ("ended Sudan's civil war") or what talks are on ("the conference on Cyprus")."""
    entry = dictionary.entries.get(m.actor or "")
    if entry is None or entry.type != "state":
        return False
    head = span_root(doc, m.start, m.end)
    while head.dep_ == "conj" and head.head.i != head.i:  # "in Gaza and southern Lebanon"
        head = head.head
    if head.dep_ == "poss" and head.head.lower_ in GEO_NOUNS:  # "Beirut's southern suburbs"
        return True
    if head.dep_ == "poss" and head.head.lower_ in CONFLICT_NOUNS:
        # "Sudan's 16-month war": where it is fought, not who fights it (a war waged
        # somewhere or on someone is the owner's: "Israel's war in Gaza", "... on Ukraine")
        waged = ("in", "against", "on", "with", "inside")
        return not any(c.dep_ == "prep" and c.lower_ in waged for c in head.head.children)
    if head.dep_ == "pobj":
        prep = head.head
        if prep.lower_ in STATE_PLACE:
            return True
        if prep.lower_ in ("on", "about") and prep.head.lemma_.lower() in topic_nouns:
            return True  # "the conference on Cyprus", "a deal on Sudan": the subject matter
        if prep.lower_ in ("with", "of", "from", "to") and prep.head.lower_ in GEO_NOUNS:
            return True  # "the border with Lebanon", "the crossing from Chad"
    before = doc[m.start - 2] if m.start >= 2 else None
    return (
        before is not None
        and doc[m.start - 1].text == ","
        and before.ent_type_ in ("GPE", "LOC", "FAC")
        and head.dep_ != "nsubj"
        and not _listed_state(before, dictionary)
    )


def _listed_state(t: Token, dictionary: ActorDictionary) -> bool:
    """A state before a comma that lists states ("the ministers of Russia, Azerbaijan and
    Armenia"), not a town the next name locates ("Metula, Israel"; issue 14a)."""
    hit = dictionary.lookup(t.text)
    return hit is not None and dictionary.type_of_entry(hit) == "state"


#: entity types of a capitalized word that make it no given name ("Republican Trump")
_NOT_GIVEN = frozenset({"NORP", "GPE", "ORG", "LOC", "FAC", "EVENT", "DATE", "TIME"})


def _other_given_name(doc: Doc, s: int, e: int, actor_id: str, dictionary: ActorDictionary) -> bool:
    """Whether a one-word name of a known person is the surname of someone else because a
    given name that is none of the person's comes right before it ("Ivanka Trump", "Bill
    Clinton" where the dictionary knows only Donald Trump, Hillary Clinton): a capitalized
    proper noun, no title ("President Trump"), honorific, demonym or known name."""
    if e - s != 1 or s == 0 or dictionary.type_of_entry(actor_id) != "person":
        return False
    prev = doc[s - 1]
    if (
        not prev.is_alpha
        or not prev.text[:1].isupper()
        or prev.pos_ != "PROPN"
        or prev.ent_type_ in _NOT_GIVEN
        or is_title_word(prev.text)
        or dictionary.lookup(prev.text) is not None
        or dictionary.lookup_demonym(prev.text) is not None
    ):
        return False
    full = f"{prev.text} {doc[s].text}"
    known = {person_key(n) for n in dictionary.names_of(actor_id)}
    return person_key(full) not in known and not any(
        k.split()[:1] == [prev.lower_] for k in known if " " in k
    )


def _resolve_ner(m: Mention, doc: Doc, dictionary: ActorDictionary, matchers: Matchers) -> None:
    span = doc[m.start : m.end]
    if not any(t.text[:1].isupper() for t in span):  # "the foreign ministry" is no name
        m.kind = "skip"
        return
    if (
        m.label in ("NORP", "GPE")
        and len(span) == 1
        and _abbreviation_before_agent(span[0], matchers)
        and _unknown_abbreviation(m.text, dictionary)
    ):
        # "JNIM militants", "M23 rebels": an abbreviation before its people names a body; one
        # on its own is still NER's place or people ("Police in KP said"; issue 19mA)
        m.label = "ORG"
    if m.label == "NORP":
        hit = dictionary.lookup_demonym(m.text)
        if hit:
            m.kind, m.actor = "demonym", hit
        else:
            hit = dictionary.lookup(m.text) or dictionary.lookup_number(m.text)
            m.kind, m.actor = ("name", hit) if hit else ("norp", None)
        return
    hit = dictionary.lookup(m.text, person=m.label == "PERSON")
    if hit is None and m.label in ("GPE", "ORG"):
        hit = _formal_state(span, dictionary)  # "the Republic of Kenya" is Kenya
    if hit is None and m.label == "ORG":
        hit = dictionary.lookup_number(m.text) or _government_of(span, dictionary)
        if hit is None and _demonym_form(span):
            m.kind, m.label = "norp", "NORP"  # "Tigrayan forces": a demonym NER took for a name
            return
    if hit is None:
        hit = dictionary.lookup_metonym(m.text)
        if hit is not None:
            m.kind, m.actor = ("skip", None) if locative(doc, m, capital=True) else ("metonym", hit)
            return
        hit = dictionary.lookup_demonym(m.text)
        if hit is not None:
            m.kind, m.actor = "demonym", hit
            return
    if hit is None and m.label in ("PERSON", "ORG") and _place_name(span, m.label):
        m.kind = "skip"  # "Shan State", "Kherson Region", "the Netzarim Corridor": places
        return
    if hit is not None:
        m.kind, m.actor = "name", hit
    elif m.label == "GPE":
        m.kind = "gpe"  # a place or a state we do not know: an actor only in agent positions
    elif m.label == "PERSON":
        m.kind = "person"  # resolved with the document's other person mentions
    else:
        m.kind = "org"


_DEMONYM_ENDINGS = ("an", "ese", "ish", "i")


#: a name of a letter or two and a number: "M23", "G5"
_LETTERS_NUMBER = re.compile(r"[A-Z]{1,2}\d{1,3}")


def _unknown_abbreviation(text: str, dictionary: ActorDictionary) -> bool:
    """An abbreviation the dictionary knows as no name, demonym or place (issue 19A)."""
    return (
        (_is_acronym(text) or _LETTERS_NUMBER.fullmatch(text) is not None)
        and dictionary.lookup(text) is None
        and not dictionary.lookup_demonym(text)
        and not dictionary.is_place(text)
    )


def _demonym_form(span: Span) -> bool:
    """One word that describes the common noun after it and has a demonym's form: an
    adjective, or "-an", "-ese", "-ish", "-i" ("Tigrayan forces", "Sahrawi refugees")."""
    if len(span) != 1:
        return False
    t = span[0]
    if t.dep_ not in ("amod", "compound") or t.head.pos_ != "NOUN" or _is_acronym(t.text):
        return False
    return t.pos_ == "ADJ" or t.lower_.endswith(_DEMONYM_ENDINGS)


def _communities(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Two demonyms in a row name a community, neither state: "Turkish Cypriot leader X",
    "Kosovo Serb parties", "Bosnian Croat" (a group of its own, found where it acts)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end == m.start
            and m.kind == "demonym"
            and prev.kind in ("demonym", "name")
            and prev.actor != m.actor
        ):
            text = doc[prev.start : m.end].text
            out[-1] = Mention(prev.start, m.end, "norp", "NORP", text)
            continue
        out.append(m)
    return out


#: words of a state's formal name around its short name: "the Republic of Kenya", "the
#: Kingdom of Saudi Arabia", "the Federal Democratic Republic of Ethiopia"
STATE_FORMS = frozenset(
    {"republic", "kingdom", "sultanate", "emirate", "principality", "federation", "state"}
    | {"commonwealth", "federal", "democratic", "islamic", "arab", "united", "socialist"}
    | {"people", "peoples", "plurinational", "hashemite", "bolivarian", "cooperative"}
)
_STATE_HEADS = frozenset({"republic", "kingdom", "sultanate", "emirate", "principality", "state"})


#: form words that make "<Form> of <state>" the state's formal name where the tagger cut it at
#: the short name ("the Sultanate of Oman", "the State of Qatar"); not "Republic", which also
#: names the other of two states ("the Republic of China", "the Republic of Congo")
_FORMAL_HEADS = frozenset({"sultanate", "kingdom", "state", "emirate", "principality"})


def _formal_start(doc: Doc, s: int) -> int:
    """Where a state's formal name starts when its short name at ``s`` ends it: at the form
    word of "the Sultanate of Oman" (an actor only through "Sultanate", the phrase's head).
    "Islamic State of Iraq" names no state."""
    if s < 2 or doc[s - 1].lower_ != "of":
        return s
    form = doc[s - 2]
    if form.lower_ not in _FORMAL_HEADS or not form.text[:1].isupper():
        return s
    if form.lower_ == "state" and s >= 3 and doc[s - 3].lower_ == "islamic":
        return s
    return s - 2


def _formal_state(span: Span, dictionary: ActorDictionary) -> str | None:
    """The state a formal name stands for: "the Republic of Kenya", "the Islamic Republic of
    Iran", "the Kingdom of Saudi Arabia" (words of a state's form, "of", and one state's
    short name; "Islamic State" names no state)."""
    words = [t for t in span if t.lower_ not in ("the", "'s", "’s")]
    forms = [t for t in words if t.lower_.replace("'", "") in STATE_FORMS]
    if not any(t.lower_ in _STATE_HEADS for t in forms) or len(forms) == len(words):
        return None
    rest = [t for t in words if t not in forms and t.lower_ != "of"]
    if not rest or rest[0].i < forms[-1].i:
        return None  # "Kenya Republic Party": the short name must come after the forms
    hit = dictionary.lookup(span.doc[rest[0].i : rest[-1].i + 1].text)
    return hit if hit is not None and dictionary.type_of_entry(hit) == "state" else None


def _short_states(mentions: list[Mention], dictionary: ActorDictionary) -> None:
    """A place name the dictionary does not know that ends the name of one state the document
    names is that state's short form: "Congo" after "the Democratic Republic of Congo" (with
    both Congos named, neither)."""
    names: dict[str, set[str]] = {}
    for m in mentions:
        if m.kind == "name" and m.actor and dictionary.type_of_entry(m.actor) == "state":
            entry = dictionary.entries[m.actor]
            for n in (m.text, entry.name, *entry.aliases):
                names.setdefault(m.actor, set()).add(loose_key(n))
    for m in mentions:
        if m.kind != "gpe" or m.actor is not None:
            continue
        key = loose_key(m.text)
        if not key:
            continue
        hits = {a for a, ns in names.items() if any(n.endswith(" " + key) for n in ns)}
        if len(hits) == 1:
            m.kind, m.actor = "name", hits.pop()


def _government_of(span: Span, dictionary: ActorDictionary) -> str | None:
    """The state a government's own name stands for: "the Royal Norwegian Government", "the
    Federal Government of Somalia", "the Philippine Government" (a state's name or demonym
    beside a word that names a government, and no other name)."""
    heads = [t for t in span if t.lower_ in GOVERNMENT_NOUNS]
    if len(span) < 2 or len(heads) != 1:
        return None
    g = heads[0].i
    if g != span.end - 1 and not (g + 1 < span.end and span.doc[g + 1].lower_ == "of"):
        return None
    states = set()
    for t in span:
        if t.i == g or t.lower_ in ("of", "the"):
            continue
        hit = dictionary.lookup_demonym(t.text) or dictionary.lookup(t.text)
        if hit is not None and dictionary.type_of_entry(hit) == "state":
            states.add(hit)
        elif not t.is_title or t.i > g:  # "Somalia" after "of" must be a state
            return None
    return states.pop() if len(states) == 1 else None


#: last words of place names NER may take for a person or an organization
PLACE_HEADS = frozenset(
    {"province", "region", "district", "county", "valley", "corridor", "crossing", "strait"}
    | {"island", "islands", "peninsula", "governorate", "oblast", "prefecture", "municipality"}
)


def _place_name(span: Span, label: str) -> bool:
    """A name that ends in a word of geography: "Kherson Region", "Shan State" (a state of
    a country only where NER took it for a person: "Islamic State" is no place)."""
    last = span[-1].lower_
    if len(span) < 2 or not span[-1].text[:1].isupper():
        return False
    return last in PLACE_HEADS or (last == "state" and label == "PERSON")


def _resolve_persons(
    mentions: list[Mention],
    dictionary: ActorDictionary,
    doc: Doc,
    titles: list[tuple[int, int]],
) -> dict[str, str]:
    """New people: a surname alone goes to the full name used in the document (before or
    after), then to a unique known person with that surname, else it is a new actor. A
    one-word organization that is the surname of a person the document names in full is that
    person ("Loretta Lynch ... Lynch's life", which NER may tag as an organization), and so is
    a name NER took for an organization next to a role title ("Kosovo's chief negotiator,
    Arben Rexhepi"). A given name alone is the one person named in full with it, where no one
    has it as a surname ("Gebru Haile ... Gebru said"). Returns the document's people by
    surname."""
    title_end = {e: s for s, e in titles}
    title_start = {s: e for s, e in titles}
    short: dict[str, list[Mention]] = {}  # every use of a name, not the last one only (22A)
    for m in mentions:
        if m.kind in ("person", "org"):
            short.setdefault(person_key(m.text), []).append(m)
    for m in mentions:
        if m.kind not in ("org", "person"):
            continue
        tail = _surname_with_particle(m)
        uses = [x for x in short.get(tail, ()) if x is not m]
        if uses:  # "Staffan de Mistura ... De Mistura said ... to have de Mistura picking",
            # any of them taken for an organization
            for x in uses:
                x.kind, x.label = "person", "PERSON"
            m.kind, m.label = "person", "PERSON"
        elif m.kind == "org" and (
            _titled_person(doc, m, title_end, title_start) or _leader_named(doc, m)
        ):
            m.kind, m.label = "person", "PERSON"
    full: dict[str, str] = {}
    first: dict[str, set[str]] = {}
    people: list[tuple[list[str], str]] = []  # the document's full names, longest first
    in_title = {i for s, e in titles for i in range(s, e)}
    longer = _longer_names(mentions, in_title, dictionary)
    shorts = _short_org_names(mentions, dictionary)
    for m in sorted(mentions, key=lambda m: -len(person_key(m.text).split())):
        if m.kind == "person" and name_key(m.text) in shorts:
            # "Ulster Unionist negotiator X" after "the Ulster Unionist Party": the party's
            # name without its last word, which NER took for a person's (issue 23Z)
            m.actor, m.kind, m.label = shorts[name_key(m.text)], "name", "ORG"
            continue
        if m.kind == "person" and len(person_key(m.text).split()) > 1:
            whole = longer.get(id(m))
            if whole is not None and whole.actor:  # "Bagheri Kani" after "Ali Bagheri Kani"
                m.actor, m.kind = whole.actor, "name"
                continue
            variant = dictionary.variant_of(m.text) or _spelled_like(m.text, people)
            m.actor = variant or dictionary.new_actor(clean_surface(m.text), "person")
            m.kind = "name"
            people.append((person_key(m.text).split(), m.actor))
        if m.actor and m.kind == "name" and len(person_key(m.text).split()) > 1:
            e = dictionary.entries.get(m.actor)
            if e is not None and e.type == "person":
                full.setdefault(surname(m.text), m.actor)
                bare = bare_surname(m.text)  # "Burhan" after "Abdel Fattah al-Burhan"
                if bare:
                    full.setdefault(bare, m.actor)
                first.setdefault(person_key(m.text).split()[0], set()).add(m.actor)
    seen_at: dict[str, int] = {}
    for m in mentions:
        if m.actor and m.kind == "name":
            seen_at.setdefault(m.actor, m.start)
    for m in mentions:
        # "Polisario" after "the Polisario Front" (a place, "Arakan", stays a place)
        if m.kind in ("person", "org") and name_key(m.text) in shorts:
            m.actor, m.kind, m.label = shorts[name_key(m.text)], "name", "ORG"
            continue
        if m.kind == "person":
            hit = _named_person(surname(m.text), full, first)
            if hit is None and _apostrophe_in_name(doc, m):
                hit = full.get(surname(m.text) + "s")  # "Burn's" after "William Burns"
            if hit is None and _plural_possessive(doc, m):
                hit = full.get(surname(m.text)[:-1])  # "Ahmeds' office" after "Abiy Ahmed"
            if hit is None:
                known = dictionary.by_surname(surname(m.text))
                hit = next(iter(known)) if len(known) == 1 else None
            if hit is None and len(first.get(surname(m.text), ())) > 1:
                # "Kim" after "Kim Jong Un" and "Kim Kye Gwan": a family name written first,
                # shared: the one the document named first (its main figure)
                hit = min(first[surname(m.text)], key=lambda a: seen_at.get(a, len(doc)))
            if hit is None and len(m.text.split()) == 1:
                kind = _no_person(doc, m, dictionary)
                if kind is not None:  # "in Yala and Narathiwat" (no one), "the Sahrawi people"
                    m.kind, m.label = kind, "GPE" if kind == "skip" else "NORP"
                    continue
            m.actor = hit or dictionary.new_actor(clean_surface(m.text), "person")
            m.kind = "name"
        elif m.kind in ("org", "norp", "gpe"):
            # one word NER took for an organization, a group or a place that is a surname or
            # a given name of a person named in full ("Dawit Haile ... Dawit said")
            words = person_key(m.text).split()
            one = len(words) == 1 and len(m.text.split()) <= 2 and not _is_acronym(m.text)
            hit = None
            # a given name only where NER saw an organization or a place it does not know
            # ("Chatchai Bangchuad ... Chatchai ruled out"; "on Midway" stays a place)
            if one and not (m.kind == "gpe" and dictionary.is_place(m.text)):
                hit = _named_person(words[0], full, {} if m.kind == "norp" else first)
            if hit is None and one and _plural_possessive(doc, m):
                hit = full.get(words[0][:-1])  # "Ramaphosas' spokesman", an organization to NER
            given = hit is not None and words[0] not in full
            if given and seen_at.get(hit, m.start) >= m.start:  # type: ignore[arg-type]
                hit = None  # a given name after the full name: "Dawit Haile ... Dawit said"
            if hit is not None:
                m.actor, m.kind, m.label = hit, "name", "PERSON"
            elif one and m.kind != "norp" and _no_person(doc, m, dictionary, lists=False):
                m.kind = "skip"  # "the Dalkhan displacement camp", "met at Vorkhuta"
            elif m.kind == "org" and travelled_between(doc, m):
                m.kind = "skip"  # "shuttled between Bunia and Beni" (one name to NER)
            elif m.kind == "org":
                m.actor = dictionary.new_actor(clean_surface(m.text), "organization")
                m.kind = "name"
    return full


def _apostrophe_in_name(doc: Doc, m: Mention) -> bool:
    """One word before "'s" whose name ends in "s" where the apostrophe stands: "Burn's
    presence" written for "Burns' presence" (the surname alone of a person named in full)."""
    return (
        len(m.text.split()) == 1
        and m.end < len(doc)
        and doc[m.end].lower_ in ("'s", "’s")
        and not m.text.lower().endswith("s")
    )


def _given_name_cut(doc: Doc, s: int, e: int, in_title: set[int], matchers: Matchers) -> int:
    """Where a person's name starts when NER cut off its first word: a capitalized proper
    noun that is no entity, no title word and no sentence's first word, joined to the
    name in the parse, right after a comma, a bracket or "and" (", Muse Bihi Abdi," where NER
    found "Bihi Abdi", issue 15a)."""
    if s < 2 or e - s < 2:
        return s
    w, before = doc[s - 1], doc[s - 2]
    root = span_root(doc, s, e)
    if (
        w.tag_ == "NNP"
        and w.text[:1].isupper()
        and not w.is_sent_start
        and not w.ent_type_
        and w.dep_ == "compound"
        and w.head.i == root.i
        and w.i not in in_title
        and w.lower_.rstrip(".") not in matchers.honorifics
        and (before.text in (",", "(") or before.lower_ == "and")
    ):
        return s - 1
    return s


def _plural_possessive(doc: Doc, m: Mention) -> bool:
    """One word ending in "s" before a bare apostrophe: "Ahmeds' office" written for
    "Ahmed's office" (issue 15a; the surname alone of a person named in full)."""
    return (
        len(m.text.split()) == 1
        and m.end < len(doc)
        and doc[m.end].text in ("'", "’")
        and m.text.lower().endswith("s")
    )


#: small words inside a person's name, written in lower case in the full name and with a
#: capital at the start of a sentence ("Staffan de Mistura ... De Mistura said", "von der
#: Leyen", "bin Salman")
_NAME_PARTICLES = frozenset(
    {"de", "da", "di", "del", "della", "dos", "das", "du", "van", "von", "der", "den", "ter"}
    | {"bin", "ibn", "bint", "al", "el", "la", "le"}
)


def _surname_with_particle(m: Mention) -> str:
    """The surname with its particle of what looks like a person's full name NER took for an
    organization: capitalized words around a lower-case particle ("Staffan de Mistura" ->
    "de mistura", which the document may write "De Mistura" at a sentence's start, issue
    15a); "" for any other name."""
    words = m.text.split()
    at = next((i for i, w in enumerate(words) if w in _NAME_PARTICLES), None)
    if at is None or at == 0 or at == len(words) - 1:
        return ""
    if not all(w[:1].isupper() and not w.isupper() for j, w in enumerate(words) if j != at):
        return ""
    return person_key(" ".join(words[at:]))


def _particle_name(span: Span, org_heads: frozenset[str], dictionary: ActorDictionary) -> bool:
    """Whether a name the tagger took for an organization is a person's with a lowercase
    particle: a capitalized given name, one or two particles, a capitalized surname that is
    no place and no organization's head word ("Staffan de Mistura"; not "Banco de Mexico")."""
    words = [t.text for t in span]
    if not 3 <= len(words) <= 4 or not all(w.isalpha() for w in words):
        return False
    first, *middle, last = words
    if not first[:1].isupper() or not last[:1].isupper():
        return False
    if not middle or any(w not in _NAME_PARTICLES for w in middle):
        return False
    if {first.lower(), last.lower()} & org_heads:
        return False
    return not any(dictionary.is_place(w) or dictionary.lookup(w) for w in (first, last))


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


def _initials_name(span: Span, org_heads: frozenset[str], dictionary: ActorDictionary) -> bool:
    """Whether a name the tagger took for an organization is a person's with initials in the
    middle: a capitalized given name, one or two initials ("N.L.", "J."), a capitalized surname
    that is no place and no organization's head word ("Ture N.L. Lundh"; not "the U.S. Army",
    whose first word is no name, nor "Bank of N.Y. Mellon"), issue 22A."""
    words = [t.text for t in span]
    if not 3 <= len(words) <= 4:
        return False
    first, *middle, last = words
    if not (_name_word(span[0]) and _name_word(span[-1])):
        return False
    if not all(_INITIALS.fullmatch(w) for w in middle):
        return False
    if {first.lower(), last.lower()} & (org_heads | ORG_WORDS):
        return False
    return not any(dictionary.is_place(w) or dictionary.lookup(w) for w in (first, last))


#: nouns of a people: "the Sahrawi people", "the Rohingya population"
PEOPLE_NOUNS = frozenset(
    {"people", "peoples", "population", "community", "communities", "nation", "minority"}
    | {"diaspora", "tribe", "tribes", "civilians", "villagers", "families", "refugees"}
)


def _no_person(
    doc: Doc, m: Mention, dictionary: ActorDictionary, *, lists: bool = True
) -> str | None:
    """One word NER took for a person the document never names in full, where a person
    cannot stand: a place among places or after a place preposition ("in Pattani, Yala and
    Narathiwat", "the summit at Panmunjom") -> "skip" (no mention); the name of a people
    ("the Sahrawi people") -> "norp"."""
    root = span_root(doc, m.start, m.end)
    head = root.head
    if root.dep_ in ("compound", "amod", "nmod") and (
        head.lemma_.lower() in PEOPLE_NOUNS or head.lower_ in PEOPLE_NOUNS
    ):
        return "norp"
    if root.dep_ in ("compound", "amod", "nmod") and any(
        x.lower_ in PLACE_NOUNS for x in (head, *head.ancestors) if x.i <= head.i + 3
    ):
        return "skip"  # "the Zamzam displacement camp"
    top = root
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    chain = [top, *top.conjuncts] if lists else []
    opening = min([root.i, *(c.i for c in chain)])
    if opening and doc[opening - 1].lower_.endswith("s") and is_title_word(doc[opening - 1].text):
        return None  # "Presidents Kiir and Ruto", "ministers Lavrov, Bayramov and Mirzoyan"
    if any(
        c.i != root.i
        and (c.ent_type_ in ("GPE", "LOC", "FAC") or dictionary.is_place(c.text))
        and c.ent_type_ != "PERSON"
        for c in chain
    ):
        return "skip"
    if top.dep_ == "pobj" and top.head.lower_ in ("in", "at", "near"):
        return "skip"
    if travelled_between(doc, m):
        return "skip"  # "shuttled between Kassala and Kosti"
    return "skip" if lists and _listed_with_places(doc, m.start) else None


def _listed_with_places(doc: Doc, i: int) -> bool:
    """A word after a place in a list: "in Pattani, Yala and Narathiwat" (the parser may
    make the list's second word a subject)."""
    j = i - 1
    for _ in range(4):
        if j < 0 or doc[j].text not in (",", "and", "or"):
            return False
        while j >= 0 and doc[j].text in (",", "and", "or"):
            j -= 1
        if j < 0 or not doc[j].text[:1].isupper():
            return False
        t = doc[j]
        if t.ent_type_ in ("GPE", "LOC", "FAC"):
            return t.ent_iob_ == "B" and (j == 0 or doc[j - 1].lower_ in ("in", "at", ","))
        one_word = t.ent_iob_ == "B" and not (j + 1 < i and doc[j + 1].ent_iob_ == "I")
        if t.ent_type_ != "PERSON" or not one_word:
            return False
        j -= 1  # another one-word "person" in the list: look further left
    return False


def _short_org_names(mentions: list[Mention], dictionary: ActorDictionary) -> dict[str, str]:
    """Organizations named in full with an organization word at the end ("the Polisario
    Front", "the Arakan Army"): the name without it ("Polisario"), which the text uses for
    them and NER may take for a person or a place; and, for a name the dictionary does not
    know, its tails ("Brotherhood Alliance", "the Alliance" after "the Three Brotherhood
    Alliance", issue 15a) where no other organization of the document ends so."""
    out: dict[str, str] = {}
    named: list[tuple[list[str], Mention]] = []
    for m in mentions:
        words = clean_surface(m.text).split()
        if m.kind not in ("name", "org") or len(words) < 2:
            continue
        if words[-1].lower() not in ORG_WORDS or not words[-1][:1].isupper():
            continue
        if m.kind == "org":
            m.actor = dictionary.new_actor(clean_surface(m.text), "organization")
            m.kind = "name"
        if not m.actor or dictionary.type_of_entry(m.actor) == "person":
            continue
        short = name_key(" ".join(words[:-1]))
        if short and short not in ("the",):
            out.setdefault(short, m.actor)
        if m.label != "DICT":
            named.append((words, m))
    for m in mentions:  # "Sant'Egidio", "Community Sant'Egidio" after "the Community of
        # Sant'Egidio" (issue 18a); a state or a place in the tail stays itself
        if m.kind not in ("name", "org") or m.label == "DICT":
            continue
        forms = tail_forms(clean_surface(m.text).split())
        if not forms or known_tail(forms[0], dictionary):
            continue
        if m.kind == "org":
            m.actor = dictionary.new_actor(clean_surface(m.text), "organization")
            m.kind = "name"
        if m.actor and dictionary.type_of_entry(m.actor) == "organization":
            for form in forms:
                out.setdefault(name_key(form), m.actor)
    unique = {t: a for t, a in _name_tails(named).items() if t not in out}
    for m in mentions:  # "the Brotherhood Alliance", made an organization of its own above
        whole = unique.get(name_key(m.text))
        if m.kind == "name" and m.label != "DICT" and whole is not None:
            m.actor = whole
    out.update(unique)
    return out


def _name_tails(named: list[tuple[list[str], Mention]]) -> dict[str, str]:
    """The organization each tail of its name stands for ("brotherhood alliance", "alliance"
    for "the Three Brotherhood Alliance"), where one organization alone ends so; a name that
    is itself a tail of a longer one gives its tails to the longer one's actor."""
    tails: dict[str, set[str]] = {}
    for words, m in sorted(named, key=lambda x: -len(x[0])):  # the longest name first
        whole = tails.get(name_key(" ".join(words)), set())
        actor = next(iter(whole)) if len(whole) == 1 else m.actor
        if not actor:
            continue
        for i in range(1, len(words)):
            if words[i][:1].isupper():
                tails.setdefault(name_key(" ".join(words[i:])), set()).add(actor)
    return {t: next(iter(a)) for t, a in tails.items() if len(a) == 1}


def _longer_names(
    mentions: list[Mention], in_title: set[int], dictionary: ActorDictionary | None = None
) -> dict[int, Mention]:
    """Person mentions of two words or more that are a run of the words of one longer person
    name the document gives before them ("Bagheri Kani" after "Ali Bagheri Kani", "Kuol
    Manyang" after "Kuol Manyang Juuk"): the mention of the longer name, by the id of the
    shorter mention. A longer name with a title in it ("Charlotte Mayor Kerr Putney") or given
    after the short one ("Crooked Hillary Clinton") is no fuller name. A longer name before
    or after with the same first and last words and the shorter one's words in between in
    order is one too ("Thabo Mbeki", "Thabo Mvuyelwa Mbeki"; issue 23A), and so is a curated
    person's full name ("Tamim bin Hamad" after "Tamim bin Hamad Al Thani")."""
    people = [
        m
        for m in mentions
        if (
            m.kind == "person"
            or m.label == "PERSON"
            or (
                dictionary is not None
                and m.label == "DICT"
                and m.actor
                and dictionary.type_of_entry(m.actor) == "person"
            )
        )
        and not any(i in in_title for i in range(m.start, m.end))
    ]
    keys = {id(m): person_key(m.text).split() for m in people}
    out: dict[int, Mention] = {}
    for m in people:
        words = keys[id(m)]
        if len(words) < 2 or m.label == "DICT":
            continue
        hits = {
            " ".join(keys[id(o)]): o
            for o in people
            if _fuller_name(words, keys[id(o)], o.start < m.start)
            or _particle_left_out(words, keys[id(o)], o.text)
        }
        if len(hits) == 1:
            out[id(m)] = next(iter(hits.values()))
    return out


def _fuller_name(words: list[str], longer: list[str], before: bool) -> bool:
    """A longer name that holds the shorter one: a run of it given before, or the same first
    and last words with the shorter one's others in between."""
    if len(longer) <= len(words):
        return False
    return (before and _run_of(words, longer)) or _same_ends(words, longer)


def _particle_left_out(words: list[str], other: list[str], other_text: str) -> bool:
    """The same name with the particle of its surname written in the other only ("Abdel
    Fattah Burhan", "Abdel Fattah al-Burhan"; issue 23A)."""
    if len(words) != len(other) or words[:-1] != other[:-1] or words[-1] == other[-1]:
        return False
    return bare_surname(other_text) == words[-1]


def _same_ends(words: list[str], longer: list[str]) -> bool:
    """The shorter name's first and last words are the longer one's, and its other words are
    among the longer one's in order: middle names left out ("Thabo Mbeki", "Thabo Mvuyelwa
    Mbeki"). Not a given name before a family name ("Mahamat Deby" and "Idriss Deby": two
    first words)."""
    if words[0] != longer[0] or words[-1] != longer[-1]:
        return False
    rest = iter(longer[1:-1])
    return all(w in rest for w in words[1:-1])


def _run_of(words: list[str], longer: list[str]) -> bool:
    """A run of the longer name's words; in a name of four words or more, which carries
    honorifics and a father's name ("Tengku Dato Ab Ghafar Tengku Mohamed"), also its first
    word and others in order ("Tengku Ghafar")."""
    n = len(words)
    if any(longer[i : i + n] == words for i in range(len(longer) - n + 1)):
        return True
    if len(longer) < 4 or words[0] != longer[0]:
        return False
    rest = iter(longer[1:])
    return all(w in rest for w in words[1:])


def _named_person(key: str, full: dict[str, str], first: dict[str, set[str]]) -> str | None:
    """The person the document names in full whose surname is ``key``, else the one whose
    given name it is, where no one has it as a surname."""
    hit = full.get(key)
    if hit is None and key not in full and len(first.get(key, ())) == 1:
        hit = next(iter(first[key]))
    return hit


#: initials inside a person's name: "N.L.", "N.", "J.R."
_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")


def _titled_person(
    doc: Doc, m: Mention, title_end: dict[int, int], title_start: dict[int, int]
) -> bool:
    """A name of two or three capitalized words, none an organization word, next to a role
    title: "chief negotiator Arben Rexhepi", "Kosovo's chief negotiator, Arben Rexhepi",
    "Arben Rexhepi, the chief negotiator"; initials between them are no words of it ("special
    envoy Ture N.L. Lundh")."""
    toks = [t for t in doc[m.start : m.end] if t.text != "-" and not _INITIALS.match(t.text)]
    if not 2 <= len(toks) <= 3 or not all(t.text[:1].isupper() and t.is_alpha for t in toks):
        return False
    if any(t.lower_ in ORG_WORDS for t in toks):
        return False
    before = m.start
    if before > 0 and doc[before - 1].text == ",":
        before -= 1
        # "the AU's high representative for the Horn of Africa, X": past the portfolio
        for p in range(before - 2, max(-1, before - 8), -1):
            if doc[p].is_punct or doc[p].pos_ in ("VERB", "AUX"):
                break
            if doc[p].lower_ in ("for", "on", "of", "to") and p in title_end:
                return True
    if before in title_end:
        return True
    after = m.end
    if after < len(doc) and doc[after].text == ",":
        after += 1
        if after < len(doc) and doc[after].lower_ in ("a", "an", "the"):
            after += 1
        while after < len(doc) and doc[after].pos_ in ("ADJ", "NOUN") and after not in title_start:
            after += 1
        return after in title_start
    return False


#: verbs whose agent is a person who leads ("the junta, led by Mariano Nhongo")
LEADING_VERBS = frozenset({"lead", "head", "chair", "command", "found"})


def _leader_named(doc: Doc, m: Mention) -> bool:
    """A name of two or three capitalized words, none an organization word, after "led by",
    "headed by", "chaired by": a person, whatever NER says."""
    toks = list(doc[m.start : m.end])
    if not 2 <= len(toks) <= 3 or not all(t.text[:1].isupper() and t.is_alpha for t in toks):
        return False
    if any(t.lower_ in ORG_WORDS for t in toks):
        return False
    root = span_root(doc, m.start, m.end)
    return (
        root.dep_ == "pobj"
        and root.head.dep_ == "agent"
        and root.head.head.lemma_.lower() in LEADING_VERBS
    )


#: words that make a name an organization's, whatever NER says
ORG_WORDS = frozenset(
    {"army", "front", "forces", "union", "council", "party", "movement", "ministry", "group"}
    | {"agency", "service", "bank", "court", "committee", "alliance", "coalition", "platform"}
)


#: words before a surname that make it a person's ("Mr. King", "Sen. Warren")
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "gen", "prof", "rev", "sir"}
    | {"amb", "brig", "col", "lt", "maj", "capt", "cmdr", "sgt", "adm", "hon"}
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


def _name_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen that joins two capitalized parts of one name, with no space around it
    ("Maria-Elena", "Jean-Yves")."""
    if not (0 < i < len(doc) - 1) or doc[i].text != "-" or doc[i].whitespace_:
        return False
    before, after = doc[i - 1], doc[i + 1]
    return (
        not before.whitespace_
        and before.is_alpha
        and after.is_alpha
        and before.text[:1].isupper()
        and after.text[:1].isupper()
    )


#: the longest name (in tokens, hyphens counted) a quote's tag gives its speaker
_SPEAKER_NAME_TOKENS = 6


def _person_shaped(
    doc: Doc, s: int, e: int, matchers: Matchers, dictionary: ActorDictionary
) -> bool:
    """Two to six tokens of capitalized proper nouns (hyphens and name particles between
    them), none a word of a text, a process, a body or an outlet, and no place."""
    if e - s > _SPEAKER_NAME_TOKENS or e - s < 2:
        return False
    words = [t for t in doc[s:e] if t.text != "-"]
    if not all(
        (t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not t.is_upper)
        or t.lower_ in _NAME_PARTICLES
        for t in words
    ) or not (doc[s].text[:1].isupper() and doc[e - 1].text[:1].isupper()):
        return False
    if any(doc[i].text == "-" and not _name_hyphen(doc, i) for i in range(s, e)):
        return False
    heads = matchers.org_heads | matchers.text_heads | matchers.outlet_words
    if any(t.lower_ in heads or t.lower_ in matchers.common_heads for t in words):
        return False
    text = doc[s:e].text
    return not dictionary.is_place(text) and name_key(text) not in matchers.not_actors


def _who_named(doc: Doc, s: int, e: int, matchers: Matchers, dictionary: ActorDictionary) -> bool:
    """A name in apposition after a comma that a relative "who" follows ("a lawyer, Twan
    Mrat Naing, who drafted the text"): "who" is said of people (issue 23A). Not "which"."""
    if e + 1 >= len(doc) or doc[e].text != "," or doc[e + 1].lower_ != "who":
        return False
    if s < 1 or doc[s - 1].text != ",":
        return False
    return _person_shaped(doc, s, e, matchers, dictionary) and not _title_cased(
        doc[s].sent, doc[s:e]
    )


def _speaker_named(
    doc: Doc, s: int, e: int, matchers: Matchers, dictionary: ActorDictionary
) -> bool:
    """A name NER gave a label of no actor (a work of art, an event, a building) that is the
    subject of a verb of saying is the person who speaks: the small model reads the words
    right after a quote as a title ('"…," Olena Shevchuk said', '"…," Maria-Elena Cowell, a
    spokeswoman for X, said', 'said Jean-Yves Le Drian'). Its words are proper nouns with a
    capital (hyphens and name particles between them); not a text, a process, a body or an
    outlet ("The Doha Declaration says"), not a place, not a title-case headline."""
    if not _person_shaped(doc, s, e, matchers, dictionary):
        return False
    root = span_root(doc, s, e)
    verb = root.head
    if root.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.i in range(s, e):
        return False
    if verb.lemma_.lower() not in matchers.speech_verbs:
        return False
    return not _title_cased(doc[s].sent, doc[s:e])


def _capitalized_run(doc: Doc, end: int, taken: list[bool]) -> int:
    """Where a run of capitalized name words that ends before ``end`` starts: proper nouns,
    with "and", "of", "for" and "&" between them ("Federal Mediation and Conciliation
    Service"), and the parts of a hyphened name ("Juan-Pablo", issue 23A)."""
    i = end - 1
    start = end
    while i >= 0 and not taken[i]:
        t = doc[i]
        if t.pos_ == "PROPN" and t.text[:1].isupper():
            start = i
            i -= 1
        elif (start == i + 1 and _name_hyphen(doc, i) and not taken[i - 1]) or (
            t.lower_ in ("and", "of", "for", "&")
            and i > 0
            and doc[i - 1].pos_ == "PROPN"
            and doc[i - 1].text[:1].isupper()
            and not taken[i - 1]
        ):
            i -= 1
        else:
            break
    return start


def _organizations_missed(
    doc: Doc,
    mentions: list[Mention],
    taken: list[bool],
    matchers: Matchers,
    dictionary: ActorDictionary,
) -> list[Mention]:
    """Capitalized names that end in an organization word and that NER did not find ("the
    Unitary Platform", "Ukraine's Coordination Headquarters for ..."): organizations."""
    extra: list[Mention] = []
    toks, lows, pos = tokens(doc), lowers(doc), poses(doc)
    owners: dict[int, list[Mention]] | None = None  # dictionary mentions by end, made once
    for i, low in enumerate(lows):
        if low not in matchers.org_heads or taken[i] or pos[i] != "PROPN":
            continue
        t = toks[i]
        if not t.text[:1].isupper() or (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN"):
            continue
        start = _capitalized_run(doc, t.i + 1, taken)
        if t.i - start < 1:
            continue
        if owners is None:
            owners = {}
            for m in mentions:
                if m.label == "DICT":
                    owners.setdefault(m.end, []).append(m)
        owner = _owner_before(doc, owners, start, t.i, dictionary)
        if owner is not None:  # "the NDF Peace Negotiating Panel": the owner starts the name
            mentions = [m for m in mentions if m is not owner]
            owners[owner.end].remove(owner)
            start = owner.start
        span = doc[start : t.i + 1]
        if _title_cased(t.sent, span) or dictionary.is_place(span.text):
            continue
        name = clean_surface(span.text)
        actor = dictionary.lookup(name) or dictionary.new_actor(name, "organization")
        _take(extra, taken, Mention(start, t.i + 1, "name", "ORGNAME", span.text, actor))
    return _merged(mentions, extra)


def _owner_before(
    doc: Doc, owners: dict[int, list[Mention]], start: int, head: int, dictionary: ActorDictionary
) -> Mention | None:
    """A dictionary organization right before a body's name of two words or more, as a
    compound of it ("the NDF Peace Negotiating Panel", "the MILF Peace Implementing Panel"):
    the first word of that body's name, not an actor of its own there (issue 20A; one word
    after it, "the UN Mission", stays the owner's). ``owners``: the dictionary's mentions by
    end, in the order of the mentions."""
    if start < 1:
        return None
    m = next(iter(owners.get(start, ())), None)
    if m is None or dictionary.type_of_entry(m.actor or "") != "organization":
        return None
    root = span_root(doc, m.start, m.end)
    return m if root.dep_ == "compound" and start <= root.head.i <= head else None


#: heads of negotiating bodies a text names loosely, with words left out ("the Bodo
#: Negotiating Team" after "the Bodo Territorial Council Negotiating Team")
_LOOSE_HEADS = frozenset({"panel", "team", "delegation"})


def _elided(mentions: list[Mention], dictionary: ActorDictionary) -> None:
    """An organization named with words left out of a longer name the document gives, the
    same first and last word, is the one named in full ("the GPH Implementing Panel" after
    "the GPH Peace Implementing Panel", issue 17a): one body, named shorter."""
    orgs = [
        (clean_surface(m.text).lower().split(), m)
        for m in mentions
        if m.actor and dictionary.type_of_entry(m.actor) == "organization"
    ]
    if len(orgs) < 2:
        return
    for words, m in orgs:
        if m.label == "DICT" or len(words) < 2:
            continue
        if not _is_acronym(clean_surface(m.text).split()[0]) and words[-1] not in _LOOSE_HEADS:
            continue  # "the Sudan Liberation Movement" is not "the Sudan People's Liberation
            # Movement"; an owner's acronym ("the GPH ... Panel") or a team keeps the name
        for full, longer in orgs:
            if len(full) <= len(words) or full[0] != words[0] or full[-1] != words[-1]:
                continue
            rest = iter(full)
            if all(w in rest for w in words):  # the words in order, some left out
                m.actor = longer.actor
                break


#: lower-case particles inside a body's name in Spanish, Portuguese, Italian or French ("the
#: Clan del Golfo", "the Frente de la Resistencia")
_BODY_PARTICLES = frozenset({"del", "de", "la", "las", "los", "do", "da", "dos", "des", "du", "di"})


def _particle_names_missed(
    doc: Doc, mentions: list[Mention], taken: list[bool], dictionary: ActorDictionary
) -> list[Mention]:
    """A name NER did not find, after "the", of capitalized words with a particle inside
    ("the Clan del Golfo", "the Cartel de los Soles"): an organization (issue 16a; a person's
    name takes no article, and a known place stays a place)."""
    extra: list[Mention] = []
    toks, lows = tokens(doc), lowers(doc)
    n = len(toks)
    for i in range(1, n - 2):
        if lows[i - 1] != "the" or taken[i] or not _cap_word(toks[i]):
            continue
        j = i + 1
        while j < n and not taken[j] and (_cap_word(toks[j]) or lows[j] in _BODY_PARTICLES):
            j += 1
        while j > i and lows[j - 1] in _BODY_PARTICLES:
            j -= 1
        words = lows[i:j]
        if not any(w in _BODY_PARTICLES for w in words) or any(taken[i:j]):
            continue
        span = doc[i:j]
        if _title_cased(toks[i].sent, span) or dictionary.is_place(span.text):
            continue
        name = clean_surface(span.text)
        actor = dictionary.lookup(name) or dictionary.new_actor(name, "organization")
        _take(extra, taken, Mention(i, j, "name", "ORGNAME", span.text, actor))
    return _merged(mentions, extra)


#: lower-case words that join a given name to a father's or forebear's ("Mohammed bin
#: Salman", "Ahmed Ould Abdallah"): a name goes on after them
_PATRONYMICS = frozenset({"bin", "ibn", "bint", "binti", "ould", "wuld"})


def _patronymic_end(doc: Doc, e: int) -> int:
    """Where a person's name ends that NER split at a patronymic, making two people of one
    ("Sheikh Mohammed bin Abdulrahman" + "bin Jassim Al-Thani"): the end of every next
    person entity that starts right at ``e`` with a lower-case patronymic and more after it."""
    while (
        e + 1 < len(doc)
        and doc[e].text in _PATRONYMICS
        and doc[e].ent_iob_ == "B"
        and doc[e].ent_type_ == "PERSON"
        and doc[e + 1].ent_iob_ == "I"
        and not doc[e - 1].is_punct
    ):
        e += 1
        while e < len(doc) and doc[e].ent_iob_ == "I":
            e += 1
    return e


def _particle_before(doc: Doc, s: int) -> int:
    """Where a person's name starts when NER kept only the surname after a particle: "by
    Henrique dos Anjos" (NER: "Anjos"), "Ursula von der Leyen" (NER: "Leyen"), issue 17a."""
    j = s
    while j > 0 and doc[j - 1].text in _NAME_PARTICLES:  # lower case, as inside a name
        j -= 1
    if j == s or j == 0:
        return s
    given = doc[j - 1]
    if given.pos_ == "PROPN" and _cap_word(given) and given.ent_type_ in ("", "ORG", "PERSON"):
        return j - 1  # (NER may take the given name for a body of its own: "Henrique")
    return s


def _particle_people_missed(
    doc: Doc,
    mentions: list[Mention],
    taken: list[bool],
    matchers: Matchers,
    dictionary: ActorDictionary,
) -> list[Mention]:
    """A person's name NER did not find, of a given name, a lower-case particle and a
    surname, with no article before it ("Staffan de Mistura, the Personal Envoy", "Ursula von
    der Leyen said", issue 17a); see :func:`_particle_name`."""
    extra: list[Mention] = []
    toks, lows = tokens(doc), lowers(doc)
    n = len(toks)
    for i in range(n - 2):
        if toks[i + 1].text not in _NAME_PARTICLES or taken[i] or toks[i].ent_type_:
            continue  # (a particle in lower case right after the given name)
        if i and lows[i - 1] in ("the", "a", "an"):
            continue
        for j in (i + 3, i + 4):
            if j > n or any(taken[i:j]) or (j < n and _cap_word(toks[j])):
                continue
            span = doc[i:j]
            if not _particle_name(span, matchers.org_heads, dictionary):
                continue  # (a lower-case particle: no title-case headline's words)
            name = clean_surface(span.text)
            actor = dictionary.variant_of(name) or dictionary.new_actor(name, "person")
            _take(extra, taken, Mention(i, j, "name", "PERSON", span.text, actor))
            break
    tails = {_surname_with_particle(x): x.actor for x in extra}
    for m in mentions:  # "De Mistura said" taken for an organization of its own
        entry = dictionary.entries.get(m.actor or "")
        if entry is not None and entry.origin == "new" and person_key(m.text) in tails:
            m.actor, m.label = tails[person_key(m.text)], "PERSON"
    return _merged(mentions, extra)


def _cap_word(t: Token) -> bool:
    """A capitalized word of a name (no sentence mark, no number)."""
    return t.text[:1].isupper() and t.is_alpha


#: how alike two spellings of one word of a name must be ("Cirilo", "Cirillo")
_SPELLED_LIKE = 0.85


def _spelled_like(name: str, people: list[tuple[list[str], str]]) -> str | None:
    """The one person the document names in full, in more words than ``name``, with the same
    first name and, for each other word of ``name``, a word spelled alike, one at least
    spelled otherwise ("Thomas Cirillo" after "General Thomas Cirilo Swaka"; issue 16a). Two
    names of as many words are two people ("Ahmed Hassan" and "Ahmed Hassani")."""
    words = person_key(name).split()
    hits: set[str] = set()
    for other, actor in people:
        if _given_name_spelled_otherwise(words, other):
            hits.add(actor)  # "Abdoulrahmane Tchiani" after "Abdourahmane Tchiani" (issue 22A)
            continue
        if len(other) <= len(words) or other[0] != words[0]:
            continue
        rest = other[1:]
        if all(any(spelled_alike(w, o, _SPELLED_LIKE) for o in rest) for w in words[1:]) and any(
            w not in rest for w in words[1:]
        ):
            hits.add(actor)
    return hits.pop() if len(hits) == 1 else None


def _given_name_spelled_otherwise(words: list[str], other: list[str]) -> bool:
    """Two names of as many words with the same surname and middle names, whose given names
    of five letters or more are spelled alike ("Abdoulrahmane Tchiani", "Abdourahmane
    Tchiani"; "Mohamed Bazoum", "Mohammed Bazoum"): one person transliterated two ways. Two
    surnames spelled otherwise stay two people ("Ahmed Hassan", "Ahmed Hassani"), and so do
    two given names that differ more ("Mohammed Ali", "Mahmoud Ali")."""
    if len(words) < 2 or len(other) != len(words) or words[0] == other[0]:
        return False
    if words[1:] != other[1:] or min(len(words[0]), len(other[0])) < 5:
        return False
    return spelled_alike(words[0], other[0], _SPELLED_LIKE)


def _take(found: list[Mention], taken: list[bool], mention: Mention) -> None:
    """Keep a mention a later pass found, and mark its tokens as taken."""
    found.append(mention)
    for i in range(mention.start, mention.end):
        taken[i] = True


def _merged(mentions: list[Mention], extra: list[Mention]) -> list[Mention]:
    """``mentions`` with the ones a later pass found, in text order."""
    return sorted([*mentions, *extra], key=lambda m: m.start) if extra else mentions


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
    toks, pos = tokens(doc), poses(doc)
    for i, lemma in enumerate(lemmas(doc)):
        if lemma not in matchers.speech_verbs or pos[i] != "VERB":
            continue
        v = toks[i]
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ != "PROPN" or taken[subj.i] or not subj.text[:1].isupper():
            continue
        if subj.lower_ in matchers.outlet_words:
            continue  # "Sudan TV reported": an outlet (see ``outlets``), no speaker
        if subj.lower_ in matchers.text_heads:
            continue  # "The Joint Statement noted": a text that speaks for its signers
        start = _capitalized_run(doc, subj.i + 1, taken)
        if start > subj.i:
            continue
        if start > 0 and doc[start - 1].lower_.rstrip(".") in HONORIFICS:
            start -= 1
            atype = "person"
        else:
            atype = ""
        span = doc[start : subj.i + 1]
        if subj.lower_ in matchers.common_heads or _title_cased(subj.sent, span):
            continue
        if start == subj.i and subj.lower_ in QUANTIFIERS:
            continue  # "Several said ...": a quantifier with a capital, no one's name
        if dictionary.is_place(span.text) or name_key(span.text) in matchers.not_actors:
            continue  # "Qatar PM says": a title's abbreviation, no one's name
        if not atype:
            acronym = len(subj.text) >= 2 and subj.text.isupper()
            org = acronym or any(t.lower_ in matchers.org_heads for t in span)
            atype = "organization" if org else "person"
        if atype == "person":  # "Foreign Minister Ignazio Cassis said": the title is no name
            while start < subj.i - 1 and (
                is_title_word(doc[start].text) or doc[start].lower_ in matchers.portfolios
            ):
                start += 1
            span = doc[start : subj.i + 1]
        name = clean_surface(span.text)
        actor = dictionary.variant_of(name) if atype == "person" else None
        actor = actor or dictionary.lookup(name, person=atype == "person")
        actor = actor or dictionary.new_actor(name, atype)
        _take(extra, taken, Mention(start, subj.i + 1, "name", "SPEAKER", span.text, actor))
    return _merged(mentions, extra)


def _who_names_missed(
    doc: Doc,
    mentions: list[Mention],
    taken: list[bool],
    matchers: Matchers,
    dictionary: ActorDictionary,
) -> list[Mention]:
    """A name NER did not find, in apposition between commas before a relative "who" ("a
    lawyer, Ng Eng Hen, who drafted the text"), is a person (issue 23A)."""
    extra: list[Mention] = []
    for i in range(3, len(doc)):
        if doc[i].lower_ != "who" or doc[i - 1].text != "," or taken[i - 2]:
            continue
        start = _capitalized_run(doc, i - 1, taken)
        if start >= i - 2 or doc[start - 1].text != ",":
            continue
        if not _who_named(doc, start, i - 1, matchers, dictionary):
            continue
        name = clean_surface(doc[start : i - 1].text)
        actor = dictionary.variant_of(name) or dictionary.new_actor(name, "person")
        _take(extra, taken, Mention(start, i - 1, "name", "PERSON", doc[start : i - 1].text, actor))
    return _merged(mentions, extra)


def _titled_names_missed(
    doc: Doc,
    mentions: list[Mention],
    taken: list[bool],
    titles: list[tuple[int, int]],
    dictionary: ActorDictionary,
    portfolios: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Two or three capitalized words right after a role title (or after it and a comma) that
    NER did not find are a person's name: "Ambassador-at-Large Pavel Orlov", "Its leader, Twan
    Mrat Naing," -- where a comma, a bracket, a verb or the sentence's end follows."""
    extra: list[Mention] = []
    n = len(doc)
    starts = {s for s, _ in titles}
    for _, e in titles:
        e = _portfolio_end(doc, e, taken, portfolios)
        i = e + 1 if e < n and doc[e].text == "," else e
        j = i
        while j < n and j - i < 3 and not taken[j] and _name_word(doc[j]):
            j += 1
        if j - i < 2 or any(doc[x].lower_ in ORG_WORDS for x in range(i, j)):
            continue
        # a preposition after the name too where the title is right before it ("called PM
        # Narendra Modi on Saturday", issue 17t)
        prep_ok = i == e and not starts & set(range(i, j))
        ends = ("VERB", "AUX", "ADP") if prep_ok else ("VERB", "AUX")
        if j < n and not (doc[j].is_punct or doc[j].pos_ in ends):
            continue
        if j < n and _name_word(doc[j]):
            continue
        name = clean_surface(doc[i:j].text)
        actor = dictionary.variant_of(name) or dictionary.new_actor(name, "person")
        _take(extra, taken, Mention(i, j, "name", "PERSON", doc[i:j].text, actor))
    for x in extra:  # "Pandor said" was taken for a person of its own before the full name
        for m in mentions:
            entry = dictionary.entries.get(m.actor or "")
            if (
                entry is not None
                and entry.origin == "new"
                and entry.type == "person"
                and len(person_key(entry.name).split()) == 1
                and person_key(entry.name) == surname(x.text)
            ):
                m.actor = x.actor
    return _merged(mentions, extra)


def _names_before_titles(
    doc: Doc,
    mentions: list[Mention],
    taken: list[bool],
    titles: list[tuple[int, int]],
    dictionary: ActorDictionary,
) -> list[Mention]:
    """Two to four name words NER did not find right before ", the <title>" (or ", a") are a
    person's name, particles inside it too (issue 17t): "NEW YORK - Staffan de Mistura, the
    Personal Envoy of ...". Only where the words open the sentence or follow a punctuation
    mark (a dateline's dash, a quote), so no capitalized phrase of a clause is read as one."""
    extra: list[Mention] = []
    for s, _ in titles:
        comma = s - 2
        if comma < 2 or doc[comma].text != "," or doc[s - 1].lower_ not in ("the", "a", "an"):
            continue
        i = comma
        while i > 0 and comma - i < 4 and not taken[i - 1]:
            t = doc[i - 1]
            if not (_name_word(t) or (t.lower_ in _NAME_PARTICLES and i < comma)):
                break
            i -= 1
        while i < comma and doc[i].lower_ in _NAME_PARTICLES:
            i += 1  # a particle opens no name
        if comma - i < 2 or any(doc[x].lower_ in ORG_WORDS for x in range(i, comma)):
            continue
        if i > 0 and not (doc[i - 1].is_punct or doc[i].is_sent_start):
            continue
        name = clean_surface(doc[i:comma].text)
        if dictionary.lookup(name) or dictionary.is_place(name):
            continue
        actor = dictionary.variant_of(name) or dictionary.new_actor(name, "person")
        _take(extra, taken, Mention(i, comma, "name", "PERSON", doc[i:comma].text, actor))
    return _merged(mentions, extra)


#: titles that take a portfolio after them: "Minister of International Relations"
PORTFOLIO_TITLES = frozenset({"minister", "ministry", "secretary", "commissioner"})
#: their plurals, before a list of portfolios ("the ministers of Foreign Affairs, ...")
PORTFOLIO_PLURALS = frozenset({"ministers", "ministries", "secretaries", "commissioners"})


def _portfolio_after(
    doc: Doc,
    s: int,
    e: int,
    title_ends: set[int],
    matchers: Matchers,
    dictionary: ActorDictionary,
) -> bool:
    """Whether an organization NER found is the portfolio of the title before it: "Minister
    of International Relations", "Secretary for Home Affairs" (no organization word in it),
    also one of a list of portfolios ("the ministers of Foreign Affairs, International
    Cooperation and Francophonie of the DRC", "Minister of Foreign Affairs and International
    Cooperation of the Republic of Rwanda": a state after "of" ends it; issue 24A)."""
    if doc[s - 1].text == "," and not _list_goes_on(doc, e):
        return False  # "Minister of Foreign Affairs, Téte António, said": the holder
    j = s - 1
    while j > s - 12 and j > 0 and _portfolio_word(doc[j]):
        j -= 1  # back over the portfolios listed before it
    if j < 1 or doc[j].lower_ not in ("of", "for"):
        return False
    title = doc[j - 1].lower_
    if not (
        (title in PORTFOLIO_TITLES and (j in title_ends or j < s - 1))
        or title in PORTFOLIO_PLURALS
        or _takes_portfolio(doc, j, title_ends)
    ):
        return False
    k = _state_after_of(doc, s, e, dictionary) if e - s > 2 else 0
    if j < s - 1 and not any(t.lower_ == "of" for t in doc[s + 1 : e - 1]):
        n = e  # a list ends with its state: "... and Francophonie of the DRC"
        while n < min(len(doc), e + 12) and (
            doc[n].text in (",", "&") or doc[n].lower_ == "and" or doc[n].text[:1].isupper()
        ):
            n += 1
        if n >= len(doc) or doc[n].lower_ != "of":
            return False
    return not any(t.lower_ in matchers.org_heads for t in doc[s : (k - 1 if k else e)])


def _list_goes_on(doc: Doc, e: int) -> bool:
    """Whether a list of names goes on after ``e``: "and", or a comma and a capitalized
    word that starts no person's name."""
    if e >= len(doc) - 1:
        return False
    if doc[e].lower_ == "and":
        return True
    nxt = doc[e + 1]
    return doc[e].text == "," and nxt.text[:1].isupper() and nxt.ent_type_ != "PERSON"


def _portfolio_word(t: Token) -> bool:
    """A word of a list of portfolios: a capitalized word no place, "and", a comma."""
    if t.text in (",", "&") or t.lower_ == "and":
        return True
    return (
        t.is_alpha and t.text[:1].isupper() and t.ent_type_ not in ("GPE", "NORP", "LOC", "PERSON")
    )


def _takes_portfolio(doc: Doc, j: int, title_ends: set[int]) -> bool:
    """Whether the "of" or "for" at ``j`` follows a title that takes a portfolio: "Minister
    of", also in the plural, which the title matcher does not list ("the ministers of Foreign
    Affairs and Defence of A and B", issue 24K)."""
    title = doc[j - 1]
    if title.lemma_.lower() not in PORTFOLIO_TITLES and title.lower_ not in PORTFOLIO_TITLES:
        return False
    return j in title_ends or title.tag_ in ("NNS", "NNPS")


def _glued_long_names(doc: Doc, out: list[Mention], dictionary: ActorDictionary) -> list[Mention]:
    """A person NER found glued to the end of a known organization's name, before the
    bracketed short form of that organization, is the rest of its long name (issue 24K):
    "the Barisan Revolusi Nasional Melayu Patani (BRN)" (the dictionary knows the first three
    words, NER read the last two as a person). Not a name after a comma or a word between,
    nor one whose brackets hold another body ("Hamas Ismail Haniyeh (PLO)" keeps its person)."""
    at = {m.start: m for m in out}
    drop: set[int] = set()
    for a in out:
        b = at.get(a.end)
        if b is None or not a.actor or not b.actor or b.end + 2 >= len(doc):
            continue
        if dictionary.type_of_entry(a.actor) != "organization":
            continue
        if b.label != "PERSON" or dictionary.type_of_entry(b.actor) != "person":
            continue
        short = at.get(b.end + 1)
        if doc[b.end].text != "(" or short is None or short.actor != a.actor:
            continue
        if short.end >= len(doc) or doc[short.end].text != ")":
            continue
        a.end, a.text = b.end, span_text(doc, a.start, b.end)
        drop.add(b.start)
    return [m for m in out if m.start not in drop] if drop else out


def _portfolio_listed(doc: Doc, s: int, title_ends: set[int]) -> bool:
    """Whether the name at ``s`` is a later portfolio in a list of them after a title that
    takes one (issue 24K): "Minister of Foreign Affairs and International Cooperation",
    "Minister of Foreign Affairs, Regional Integration and Trade" (capitalized words, commas
    and "and" back to the "of" or "for" after the title); not a name after a title's own
    portfolio and a comma ("the Minister of Defence, Jane Doe": the comma ends the title)."""
    j = s - 1
    if j < 2 or doc[j].lower_ not in ("and", "&", ","):
        return False
    if doc[j].text == "," and (s + 1 >= len(doc) or doc[s + 1].lower_ not in ("and", ",")):
        # the item after a comma must go on with the list, or it names the title's holder
        k = s + 1
        while k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha:
            k += 1
        if k >= len(doc) or doc[k].lower_ not in ("and", "&"):
            return False
    steps = 0
    while j > 0 and steps < 12:
        t = doc[j]
        if t.lower_ in ("of", "for"):
            return _takes_portfolio(doc, j, title_ends)
        listed = t.lower_ in ("and", "&", ",")
        if not (listed or (t.text[:1].isupper() and t.is_alpha)):
            return False
        if t.ent_type_ in ("GPE", "NORP", "PERSON"):
            return False  # "the foreign ministers of Rwanda, Angola and ...": states
        j -= 1
        steps += 1
    return False


def _owner_after_of(doc: Doc, s: int, e: int, dictionary: ActorDictionary) -> int:
    """Where the owner's phrase starts after the first "of" inside a portfolio NER read as
    one name, when a state follows an "of" ("International Cooperation of the Republic of
    Rwanda": "the Republic of Rwanda", whose formal name the dictionary's match takes; "Trade
    of Kenya and Uganda"), the token after that "of"; 0 where no state follows one."""
    ofs = [k for k in range(s + 1, e - 1) if doc[k].lower_ == "of"]
    for k in ofs:
        first = k + 2 if doc[k + 1].lower_ == "the" else k + 1
        for end in range(e, first, -1):  # "of Kenya and Uganda": the first state will do
            hit = dictionary.lookup(doc[first:end].text)
            if hit is not None and dictionary.type_of_entry(hit) == "state":
                return ofs[0] + 1
    return 0


def _portfolio_end(doc: Doc, e: int, taken: list[bool], portfolios: frozenset[str]) -> int:
    """Where a title's portfolio after it ends: "Minister for Reintegration", "special
    adviser on Cyprus", "envoy for Sudan" (portfolio words and names already found after
    "for", "on", "of"); ``e`` itself where none follows."""
    n = len(doc)
    if e >= n or doc[e].lower_ not in ("for", "on", "of"):
        return e
    j = e + 1
    while j < n and (doc[j].lower_ in portfolios or taken[j] or doc[j].lower_ in ("the", "and")):
        j += 1
    return j if j > e + 1 and doc[j - 1].lower_ not in ("the", "and") else e


def _name_word(t: Token) -> bool:
    return t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not t.is_upper


def _noun_surname(t: Token) -> bool:
    """A surname the tagger read as a common noun, first in its sentence ("Sanders supports
    raising the wage", "Sanders" a plural noun): a bare subject (no determiner, modifier or
    anything else of its own) of a verb that is not in the plural ("Jobs were lost", "Banks
    have closed" are plurals, whoever the document names)."""
    if t.dep_ != "nsubj" or t.tag_ not in ("NN", "NNS") or any(True for _ in t.children):
        return False
    v = t.head
    verbs = [v, *(c for c in v.children if c.dep_ in ("aux", "auxpass"))]
    return v.pos_ in ("VERB", "AUX") and not any(
        x.tag_ == "VBP" or x.lower_ == "were" for x in verbs
    )


def _surnames_missed(
    doc: Doc, mentions: list[Mention], full: dict[str, str], taken: list[bool]
) -> list[Mention]:
    """One name, one person in a document: a surname of someone it names in full is that person
    where NER found nothing ("Loretta E. Lynch said ... Lynch said"), alone or after an
    honorific ("Mr. King"), but not inside a longer name ("the Lynch Foundation"); also where
    the tagger read it as a common noun (:func:`_noun_surname`: "Sanders supports ...")."""
    if not full:
        return mentions
    extra: list[Mention] = []
    n = len(doc)
    toks, pos = tokens(doc), poses(doc)
    for i, tpos in enumerate(pos):
        if taken[i] or not (tpos == "PROPN" or (tpos == "NOUN" and _noun_surname(toks[i]))):
            continue
        t = toks[i]
        if not t.text[:1].isupper():
            continue
        key = surname(t.text)  # folded: "Çavuşoğlu" after "Mevlüt Çavuşoğlu"
        actor = full.get(key) if key and key == person_key(t.text) else None
        if actor is None:
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
        _take(
            extra,
            taken,
            Mention(start, t.i + 1, "name", "SURNAME", doc[start : t.i + 1].text, actor),
        )
    return _merged(mentions, extra)
