"""News outlets that only report: no actors of the story.

"told the BBC", "Reuters reported", "according to Al Jazeera", "the state broadcaster EBC
said", "in an interview with CNN", "quoted by Interfax": an outlet named only where news is
reported is the messenger, not an actor, and what it "reports" is no statement of its own. An
outlet is a name the lexicon lists (``speakers.outlets``), a name with a word of the press in
it ("Sudan Tribune", "Press TV"), or a name the text describes with an outlet noun ("the state
broadcaster EBC", "WAM, the official news agency"). Where an outlet acts ("the army raided Al
Jazeera's office", "Israel banned Al Jazeera") or the text gives it an owner ("Al-Manar, a
channel owned by Hezbollah": a party's own voice), it stays an actor.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from actorgraph.ingest.extract.normalize import name_key
from actorgraph.ingest.extract.tokens import span_root

if TYPE_CHECKING:
    from actorgraph.ingest.extract.lexicon import Lexicon
    from actorgraph.ingest.extract.mentions import Mention
    from spacy.tokens import Doc, Token

#: nouns of a report, whose owner or modifier is the outlet that made it
_REPORT_NOUNS = frozenset(
    {"report", "reports", "reporter", "reporters", "correspondent", "journalist", "interview"}
    | {"footage", "broadcast", "tally", "count", "analysis", "survey", "poll", "website"}
    | {"investigation", "story", "article", "editor", "camera", "crew", "team", "reporting"}
)
#: verbs whose agent is the outlet that asked or carried the words ("quoted by X",
#: "interviewed by the station X", issue 14a)
_BY_OUTLET = frozenset({"quote", "cite", "interview", "question", "ask"})
#: verbs of handing words to an outlet ("a communique sent to ENA", "a statement given to
#: AFP", issue 14a)
_SENT_TO = frozenset({"send", "give", "provide", "deliver", "email", "forward", "leak"})
#: prepositions after which a mention is where a statement was made ("told to", "in an
#: interview with", "on state television", "speaking to")
_TO_PREPS = frozenset({"to", "with", "on", "in"})


def reporting_outlets(
    doc: Doc, mentions: list[Mention], lex: Lexicon, own: str | None = None
) -> tuple[set[str], set[int]]:
    """The actors the document names only as outlets that report, and the first tokens of
    the mentions of outlets where they report (an outlet that acts elsewhere still reports
    there: "Hamas told Al Jazeera that it ..." does not make "it" Al Jazeera). ``own`` is the
    name of the outlet that published the document: an outlet wherever it stands."""
    by_actor: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.actor:
            by_actor.setdefault(m.actor, []).append(m)
    only: set[str] = set()
    where: set[int] = set()
    for actor, ms in by_actor.items():
        if any(m.label == "PERSON" for m in ms) and not any(
            name_key(m.text) in lex.outlets  # "told Sputnik", NER's person (issue 17a)
            or _broadcaster(doc, m)
            or _web_name(doc, m)
            or _cites_sources(doc, m, lex)
            or _titled_outlet(doc, m, lex)
            for m in ms
        ):
            continue  # a person, unless a broadcaster or a site ("Akipress.kg" as a person)
        if own and any(name_key(m.text) == name_key(own) for m in ms):
            only.add(actor)  # "spoke to the East Rift Review" in the Review's own article
            where.update(m.start for m in ms)
            continue
        if not any(_outlet_name(doc, m, lex) for m in ms):
            continue
        if any(_owned(span_root(doc, m.start, m.end)) for m in ms) and not all(
            _addressee(span_root(doc, m.start, m.end)) for m in ms
        ):
            continue  # "Al-Manar, a channel owned by Hezbollah": a party's own voice (not
            # where it is only told: "X told the group's Al-Aqsa TV", issue 24A)
        reporting = [m for m in ms if _reporting_mention(doc, m, lex)]
        where.update(m.start for m in reporting)
        if len(reporting) == len(ms):
            only.add(actor)
    for actor, ms in by_actor.items():  # "X and Al Qahera News TV reported": X reports too
        if actor in only or any(m.label == "DICT" for m in ms):
            continue
        if all(_reporting_mention(doc, m, lex) for m in ms) and any(
            _beside_outlet(doc, m, mentions, only, lex) for m in ms
        ):
            only.add(actor)
            where.update(m.start for m in ms)
    for m in mentions:  # a name no actor has yet ("Fana and EBC reported"): no actor there
        if (
            m.actor is None
            and _reporting_mention(doc, m, lex)
            and (_beside_outlet(doc, m, mentions, only, lex) or _outlet_name(doc, m, lex))
        ):  # "Anadolu has reported", "according to Bloomberg" as places (issue 24A)
            where.add(m.start)
    for m in mentions:  # "Sudan TV reported", "Iranian state TV said": the outlet's name
        root = span_root(doc, m.start, m.end)
        if root.dep_ in ("compound", "amod") and reporting_noun(root.head, lex):
            where.add(m.start)
    return only, where


#: verbs whose agent is a broadcaster ("an address broadcast by Tele Sahel", issue 15a)
_BROADCASTING = frozenset({"broadcast", "air", "televise"})


def _broadcaster(doc: Doc, m: Mention) -> bool:
    """The agent of a verb of broadcasting: "a televised address broadcast by X" (an
    outlet, whatever NER took it for)."""
    root = span_root(doc, m.start, m.end)
    head = root.head
    return (
        root.dep_ == "pobj" and head.dep_ == "agent" and head.head.lemma_.lower() in _BROADCASTING
    )


def _reporting_mention(doc: Doc, m: Mention, lex: Lexicon) -> bool:
    """Whether a mention stands where news is reported (:func:`_reporting`), also where
    the parser lost it as the subject of the verb of reporting right after it ("quoting
    officials, the Wall Street Journal (WSJ) reported": a name hung on the officials)."""
    if _reporting(span_root(doc, m.start, m.end), lex) or _broadcaster(doc, m):
        return True
    if _according_before(doc, m, lex) or _credit(doc, m):
        return True
    i = m.end
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        i += 3  # "(WSJ)"
    elif i < len(doc) and doc[i].text == ")" and m.start > 0 and doc[m.start - 1].text == "(":
        i += 1  # the abbreviation itself
    if i >= len(doc):
        return False
    verb = doc[i]
    return (
        verb.tag_ in ("VBD", "VBZ")
        and verb.lemma_.lower() in lex.report_verbs | lex.speech_verbs
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _according_before(doc: Doc, m: Mention, lex: Lexicon) -> bool:
    """ "According to Israeli news website Walla, ...": the source after "according to" and
    its description, however the parser hung the name (the subject of the main clause)."""
    j = m.start - 1
    while j > m.start - 6 and j > 1 and not doc[j].is_punct and doc[j].pos_ != "VERB":
        if doc[j].lower_ == "to":
            return doc[j - 1].lower_ in lex.according
        j -= 1
    return False


#: dashes after a credit
_DASHES = frozenset({"-", "--", "\u2013", "\u2014", "\u2015"})


def _credit(doc: Doc, m: Mention) -> bool:
    """An outlet's credit at the head of a paragraph: "(CNN) — ...", "CAIRO (Reuters) - ..."
    (after a dateline's place at most)."""
    s, e = m.start, m.end
    if s < 1 or e + 1 >= len(doc) or doc[s - 1].text != "(" or doc[e].text != ")":
        return False
    if doc[e + 1].text not in _DASHES:
        return False
    k = s - 1  # the paragraph's start before "(", past a dateline's capitals ("CAIRO")
    while k > 0 and doc[k - 1].is_upper and "\n" not in doc[k - 1].text:
        k -= 1
    return k == 0 or "\n" in doc[k - 1].text or doc[k - 1].is_space


#: verbs whose addressee an outlet is where it is told the news
_TOLD = frozenset({"tell", "inform", "brief", "give", "grant"})
#: verbs whose "to", "with" or "on" an outlet is where one speaks on it
_SPOKEN_ON = frozenset({"speak", "talk", "say", "tell", "appear", "interview", "comment"})


def _addressee(root: Token) -> bool:
    """An outlet that is only told ("told the group's Al-Aqsa TV", "speaking to the
    party's channel"): the messenger, whoever owns it."""
    head = root.head
    if root.dep_ in ("dobj", "dative"):
        return head.lemma_.lower() in _TOLD
    if root.dep_ == "pobj" and head.lower_ in ("to", "with", "on"):
        return head.head.lemma_.lower() in _SPOKEN_ON
    return False


def _titled_outlet(doc: Doc, m: Mention, lex: Lexicon) -> bool:
    """A name the text titles with an outlet noun right before it ("Israeli news website
    Walla", "the newspaper Haaretz"): an outlet, whatever NER took it for."""
    return m.start > 0 and _outlet_noun(doc[m.start - 1], lex)


def _beside_outlet(
    doc: Doc, m: Mention, mentions: list[Mention], outlets: set[str], lex: Lexicon
) -> bool:
    """A name joined by "and" to an outlet's name as the subject of a verb of reporting
    (not of saying): "the State Information Service and Al Qahera News TV reported" (issue
    15a; "Hamas and Al Jazeera said" keeps Hamas)."""
    root = span_root(doc, m.start, m.end)
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ != "nsubj" or first.head.lemma_.lower() not in lex.report_verbs:
        return False
    joined = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        joined.append(root.head)
    if any(_outlet_noun(j, lex) for j in joined):
        return True  # "X and Sudan TV reported", "X and state television reported"
    others = {j.i for j in joined}
    return any(
        o.actor in outlets and any(i in others for i in range(o.start, o.end)) for o in mentions
    )


#: verbs that give an outlet an owner ("a channel owned by Hezbollah", "run by the army")
_OWNING = frozenset({"own", "run", "control", "back", "fund", "affiliate", "operate", "finance"})


def _owned(root: Token) -> bool:
    """An outlet the text gives an owner: "Hezbollah's Al-Manar", "Al-Manar, a channel owned
    by Hezbollah", "the army-run Myawady"."""
    if any(c.dep_ == "poss" for c in root.children):
        return True
    nouns = [root, *(c for c in root.children if c.dep_ == "appos")]
    for n in nouns:
        for c in n.children:
            if c.dep_ == "acl" and c.lemma_.lower() in _OWNING:
                return True
            if c.dep_ == "amod" and any(w in c.lower_ for w in ("-run", "-owned", "-backed")):
                return True
    return False


#: unnamed sources only the press cites ("X said, citing a source within the team",
#: "X reported, quoting people familiar with the talks", issue 17a)
_CITED_SOURCES = frozenset({"source", "sources", "person", "people", "insider", "insiders"})


def _cites_sources(doc: Doc, m: Mention, lex: Lexicon) -> bool:
    """The subject of a verb of saying or reporting that goes on "citing" or "quoting" an
    unnamed source: "Reuter said, citing a source within the Ukrainian team" (an outlet,
    whatever NER took it for or however the text spells it)."""
    root = span_root(doc, m.start, m.end)
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_.lower() not in lex.speech_verbs | lex.report_verbs:
        return False
    if any(
        c.dep_ == "appos" or (c.dep_ == "compound" and c.i < m.start and c.is_lower)
        for c in root.children
    ):
        return False  # a titled person: "Juma Okello, a rebel commander, told reporters,
        # citing ...", "rebel commander Juma Okello said, citing ..."
    return any(
        c.dep_ in ("advcl", "xcomp", "conj")
        and c.tag_ == "VBG"
        and c.lemma_.lower() in ("cite", "quote")
        and any(o.dep_ == "dobj" and o.lower_ in _CITED_SOURCES for o in c.children)
        for c in verb.children
    )


def _outlet_name(doc: Doc, m: Mention, lex: Lexicon) -> bool:
    if name_key(m.text) in lex.outlets or _broadcaster(doc, m) or _cites_sources(doc, m, lex):
        return True
    words = [t for t in doc[m.start : m.end]]
    if m.label == "DICT":
        # an actor the dictionary knows is an outlet only where listed as one, or named as
        # one by its last word ("Al-Aqsa TV", issue 24A)
        return len(words) > 1 and words[-1].lower_ in lex.outlet_words
    if any(t.lower_ in lex.outlet_words and t.text[:1].isupper() for t in words[1:]):
        return True  # "Sudan Tribune", "Press TV" (not a first word: "News Corp" is a company)
    if _web_name(doc, m) or _titled_outlet(doc, m, lex):
        return True
    root = span_root(doc, m.start, m.end)
    near = [c for c in root.children if c.dep_ in ("appos", "compound", "amod")]
    if root.dep_ in ("appos", "compound"):
        near.append(root.head)
    return any(_outlet_noun(t, lex) or _state_run(t) for t in near)


def _web_name(doc: Doc, m: Mention) -> bool:
    """A name written as a site's address ("Orda.kz", "Strana.ua"): a site (issue 16a)."""
    return bool(_WEB_NAME.search(doc[m.end - 1].text))


def _state_run(t: Token) -> bool:
    """ "State-run SUNA", "the government-owned X": a state's medium, no party's voice."""
    if t.lower_ in _STATE_RUN:
        return True
    return t.lemma_.lower() in _OWNING and any(
        g.lower_ in ("state", "government") for g in t.children
    )


#: a name written as a site's address: a word, a dot and a lower-case domain ("Orda.kz")
_WEB_NAME = re.compile(r"[A-Za-z0-9]\.(?:[a-z]{2,3}|info|news|online)$")

_STATE_RUN = frozenset({"state-run", "state-owned", "state-controlled", "government-run"})


def _outlet_noun(t: Token, lex: Lexicon) -> bool:
    if t.lower_ in lex.outlet_nouns:
        return True
    return t.i > 0 and f"{t.doc[t.i - 1].lower_} {t.lower_}" in lex.outlet_nouns


def reporting_noun(t: Token, lex: Lexicon) -> bool:
    """A common noun of the press where news is reported: "Saudi state television reported",
    "the state news agency said", "according to the official broadcaster" (the messenger, no
    actor of the story, whoever owns it)."""
    return _outlet_noun(t, lex) and _reporting(t, lex)


def _reporting(root: Token, lex: Lexicon) -> bool:
    """Whether a mention stands where news is reported: the subject of a verb of saying or
    reporting, its addressee, the source after "according to", "quoted by", the owner of a
    report or a reporter."""
    t = root
    while t.dep_ in ("conj", "appos", "compound") and t.head.i != t.i:
        if t.dep_ == "compound" and t.head.lower_ in _REPORT_NOUNS | lex.outlet_nouns:
            return True  # "a Reuters reporter", "a BBC interview"
        if t.dep_ == "compound" and not _outlet_noun(t.head, lex):
            return False
        t = t.head
    dep, head = t.dep_, t.head
    lemma = head.lemma_.lower()
    reporting = lex.speech_verbs | lex.report_verbs
    if dep in ("nsubj", "nsubjpass") and lemma in reporting:
        return True
    if dep == "nsubj" and lemma in _BY_OUTLET - {"ask"}:
        return True  # "PTI news agency quoted sources as saying" (issue 19A)
    if dep in ("dobj", "dative") and lemma in ("tell", "inform", "brief", "quote", "cite"):
        # "quoted the Interfax news agency as saying", "cited Xinhua": an outlet quoted is
        # one that reports (issue 21S); "quoted officials as saying" are sources
        quoted_outlet = _outlet_noun(t, lex) or name_key(t.text) in lex.outlets
        return lemma in ("tell", "inform", "brief") or quoted_outlet
    if dep == "poss":
        return head.lower_ in _REPORT_NOUNS
    if dep == "pobj":
        prep, gov = head.lower_, head.head
        glemma = gov.lemma_.lower()
        if prep == "to" and gov.lower_ in lex.according:
            return True
        if head.dep_ == "agent" and glemma in reporting | _BY_OUTLET:
            return True
        if prep in _TO_PREPS and (
            glemma in reporting
            or glemma in ("speak", "talk", "interview", "appear", "write")
            or (prep == "to" and glemma in _SENT_TO)
            or gov.lower_ in _REPORT_NOUNS
            or glemma in ("remark", "comment", "statement", "interview", "appearance")
        ):
            return True
    return False
