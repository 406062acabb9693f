"""Topics: what is demanded or rejected, built from the object phrase of a stance.

A topic's name is the phrase's head with its modifiers and first prepositional object, without
articles and words like "current" or "latest"; its id is the slug of the name. In one document,
phrases headed by a proposal word ("the proposal", "the offer", "the negotiating text") with the
same owner become one topic, named after the fullest such phrase in the document; phrases with
the same name key become one topic; "this position" is the topic of the previous stance.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from actorgraph.graph.exchange import slugify
from actorgraph.ingest.extract.normalize import fold, name_key
from actorgraph.ingest.extract.tokens import doc_text, tokens
from actorgraph.ingest.extract.topic_spans import RELATIVE_PRONOUNS
from spacy.tokens import Span, Token

if TYPE_CHECKING:
    from actorgraph.ingest.extract.lexicon import Lexicon

#: the label of an interviewer's turn in a transcript ("Q:", "Question:", "Interviewer:")
INTERVIEWER = re.compile(r"[ \t]*(?:Q|Question|Interviewer)[ \t]*[:.-]", re.IGNORECASE)

MOD_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "poss", "quantmod", "npadvmod"})

#: determiners that negate what the phrase names ("no foreign troops", "no executive powers")
NEGATIVE_DETS = frozenset({"no", "neither"})
#: a noun's complement that says what it is; "about" since issue-24R ("discussions about
#: retractions from the July terms", not "discussions")
NP_PREPS = frozenset({"for", "on", "of", "to", "over", "from", "with", "against", "in", "about"})
MAX_TOKENS = 12
#: prepositions of a demanded act's aim ("move toward a peace declaration")
VP_PREPS = NP_PREPS | {"into", "out", "toward", "towards"}
#: the deadline of a demanded act is part of what is demanded
DEADLINE_PREPS = frozenset({"before", "by", "until", "within"})
PARTICLES = frozenset({"back", "out", "off", "down", "away", "up"})
#: adverbs of where a thing goes, part of the act ("send its uranium abroad", issue 17r)
PARTICLES |= {"abroad", "overseas", "home", "offshore"}
#: entity types of a day or time: "on Monday", "in March" say when, not what
WHEN_ENTS = frozenset({"DATE", "TIME"})


@dataclass
class Topic:
    id: str
    name: str
    keywords: list[str] = field(default_factory=list)

    def record(self) -> dict[str, object]:
        return {"kind": "topic", "id": self.id, "name": self.name, "keywords": self.keywords}


def phrase_text(tokens: list[Token]) -> str:
    """Tokens as text, keeping the document's spacing between neighbours (a word the
    tokenizer split at a hyphen, "de-escalate", whole)."""
    tokens = sorted(set(tokens) | set(_hyphen_rest(tokens)), key=lambda t: t.i)
    out = []
    for n, t in enumerate(tokens):
        out.append(t.text)
        if n + 1 < len(tokens):
            nxt = tokens[n + 1]
            out.append(t.whitespace_ if nxt.i == t.i + 1 else " ")
    return "".join(out).strip(" ,;:-")


def _hyphen_rest(tokens: list[Token]) -> list[Token]:
    """The rest of hyphenated words the tokens begin: "de" in "de-escalate"."""
    out: list[Token] = []
    for t in tokens:
        doc = t.doc
        k = t.i
        while (
            k + 2 < len(doc)
            and not doc[k].whitespace_
            and doc[k + 1].text == "-"
            and not doc[k + 1].whitespace_
            and doc[k + 2].is_alpha
        ):
            out += [doc[k + 1], doc[k + 2]]
            k += 2
    return out


QUOTES = frozenset({'"', "“", "”"})


def _quoted(sub: list[Token]) -> bool:
    """A modifier in quotation marks of its own ("an “all for all” exchange")."""
    if len(sub) < 3:
        return False
    doc = sub[0].doc
    before = doc[sub[0].i - 1] if sub[0].i > 0 else None
    return sub[0].text in QUOTES or (before is not None and before.text in QUOTES)


#: participles that say what a proposal is ("a settlement based on two states", "a truce
#: limited to Cauca", "a deal tied to the release of X")
FRAMING_PARTICIPLES = frozenset(
    {"base", "limit", "tie", "link", "restrict", "confine", "modell", "model"}
)

#: nouns that say nothing without their infinitive ("the right to strike", "the freedom to
#: move"), kept with it even inside a verb phrase
RIGHT_NOUNS = frozenset({"right", "freedom", "ability", "authority", "power", "permission"})

#: adjectives that leave a demand noun pointing back ("the last item", "the latest demand")
ANAPHORIC_ADJECTIVES = frozenset({"last", "latest", "final", "same", "main", "key", "central"})


def _bare_demand(head: Token, nouns: frozenset[str]) -> bool:
    """ "the demand", "that condition": a demand noun with a definite determiner and nothing
    that says what is demanded."""
    if head.lemma_.lower() not in nouns and head.lower_ not in nouns:
        return False
    kids = list(head.children)
    if not any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
        or (c.dep_ == "poss" and c.pos_ != "PRON")
        for c in kids
    ):
        return False
    return not any(
        c.dep_ in ("prep", "acl", "relcl", "amod", "compound", "appos", "ccomp")
        and c.lower_ not in ("as", "out")  # "dismissed the demand as one-sided"
        and c.lower_ not in ANAPHORIC_ADJECTIVES  # "the last item", "that latest demand"
        and not (c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children))
        for c in kids  # (nor "the last item, so far rebuffed by X": a passive says no content)
    )


#: objects that are people ("free them", "hand him over"): the act says what is demanded
PEOPLE_PRONOUNS = frozenset({"them", "him", "her", "us", "me"})


def _says_what(head: Token) -> bool:
    """A proposal word with its content: "a proposal, floated by X, to require Y", "Egypt's
    proposal to take the dispute to the Security Council" (an infinitive of its own)."""
    return any(
        c.dep_ == "acl"
        and c.pos_ == "VERB"
        and (
            any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            # issue-24R: who drew it up ("an agreement allegedly drawn up by X with Y's help")
            or (c.tag_ == "VBN" and any(g.dep_ == "agent" for g in c.children))
        )
        for c in head.children
    )


#: "take steps (measures, action) to X": the means named, X the content
_MEANS_VERBS = frozenset({"take", "adopt"})
_MEANS_NOUNS = frozenset({"step", "measure", "action"})


def _means_purpose(verb: Token) -> Token | None:
    """The purpose of "take steps to X" ("urged the sides to take steps to reopen the
    crossings": "reopen the crossings"), on the noun or hung on the verb."""
    if verb.lemma_.lower() not in _MEANS_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in _MEANS_NOUNS:
        return None
    for c in [*obj.children, *verb.children]:
        if (
            c.dep_ in ("acl", "relcl", "advcl", "xcomp")
            and c.i > obj.i
            and c.pos_ == "VERB"
            and any(g.dep_ == "aux" and g.tag_ == "TO" for g in c.children)
        ):
            return c
    return None


def _bare_verb(verb: Token, toks: list[Token], lex: Lexicon) -> bool:
    """ "refused to take", "would not reopen it", "must follow": a verb whose object is a
    pronoun, a gap or a clause left behind names no topic; a verb that is a whole act by
    itself ("resign", "withdraw", "step down") does."""
    rest = [t for t in toks if t.i != verb.i and t.dep_ not in ("neg", "aux")]
    if rest or verb.pos_ != "VERB" or any(c.dep_ == "ccomp" for c in verb.children):
        return False  # "guarantees that weapons are no longer smuggled": the clause says it
    if any(c.dep_ == "dobj" and c.lower_ in PEOPLE_PRONOUNS for c in verb.children):
        return False  # "demands that Peru free them": people freed, handed over, returned
    return verb.lemma_.lower() not in lex.topic_acts


def _fragment_subject(verb: Token, toks: list[Token]) -> Token | None:
    """The subject a verb needs to name anything ("until a political agreement addressed
    ...": "addressed" alone is a fragment): a common noun subject of a verb whose phrase has
    no other content word; not a pronoun or a name (an actor is no content: "until Israel
    agrees")."""
    if verb.pos_ not in ("VERB", "AUX") or any(
        t.i != verb.i and t.is_alpha and t.dep_ not in ("neg", "aux", "auxpass", "prt")
        for t in toks
    ):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "NOUN" or subj.lower_ in RELATIVE_PRONOUNS:
        return None
    return subj


def _small_clause_subject(clause: Token) -> Token | None:
    """The noun subject of a clause with no conjunction, auxiliary or object of its own ("the
    treaty" in "making the treaty conditional"): a small clause the parser hung as a clause.
    Not a clause whose subject is set off by a comma ("unless Israel makes a commitment to X,
    the minister said"): that is the report's tag, which the parser hung under the clause
    before it."""
    if any(c.dep_ in ("mark", "aux", "auxpass", "dobj", "ccomp") for c in clause.children):
        return None
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or subj.i > clause.i or _after_comma(subj):
        return None  # "..., the minister said": the tag of a report set off by a comma
    return subj


def _report_tag(said: Token) -> bool:
    """ "..., a senior official said on Tuesday": a verb of saying with nothing said after it
    and a comma before it in its own phrase (not "check whether anyone disclosed the data")."""
    return not any(g.dep_ in ("dobj", "ccomp", "xcomp") for g in said.children) and any(
        t.text == "," for t in said.doc[said.left_edge.i : said.i]
    )


def _after_comma(t: Token) -> bool:
    """Whether a phrase is set off by a comma before it."""
    start = t.left_edge.i
    return start > 0 and t.doc[start - 1].text == ","


def _stray_object(prep: Token) -> Token | None:
    """The object of a preposition the parser left without one and hung elsewhere as a noun
    clause with no subject ("an end to arms flows into Sudan" with "flows" a clause of the
    verb): the noun phrase that starts right after the preposition."""
    doc = prep.doc
    if any(True for _ in prep.children) or prep.i + 1 >= len(doc):
        return None
    t = doc[prep.i + 1]
    while t.head.i != t.i and t.head.i > prep.i and t.head.left_edge.i == prep.i + 1:
        t = t.head
    return t if t.dep_ == "ccomp" and stray_noun(t) else None


def stray_noun(c: Token) -> bool:
    """A noun the parser made a clause with no subject or conjunction of its own ("called for
    a ceasefire, access and an end to arms flows into Sudan": "flows", tagged a noun or a verb
    in the third person that has no subject): a piece of the phrase before it, not a clause
    that says what is asked."""
    return (c.pos_ in ("NOUN", "PROPN") or c.tag_ == "VBZ") and not any(
        g.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for g in c.children
    )  # "demanded that the minister resign" with "resign" a noun is a clause all the same


def _key(tokens: list[Token]) -> str:
    """The key a topic is found again by: its name without articles and possessive marks, so
    "the release of the hostages" and "release of hostages" are one topic."""
    return name_key(phrase_text([t for t in tokens if t.dep_ != "det" and t.tag_ != "POS"]))


def _no_owner(_: Token) -> None:
    return None


class TopicTable:
    def __init__(self, lexicon: Lexicon, owner_of: Callable[[Token], str | None]) -> None:
        self.lex = lexicon
        self._owner_of = owner_of
        self.by_key: dict[str, Topic] = {}
        self.by_id: dict[str, Topic] = {}
        self.used: list[Topic] = []
        self.last: Topic | None = None
        #: where the last topic's phrase ends (a token index)
        self.last_at: int | None = None
        #: the topic of the last demand found ("rejected the demand": that one)
        self.last_demand: Topic | None = None
        #: the sentence of the last demand's cue
        self.last_demand_sent: int | None = None
        #: the last demand of each actor ("dismissed the government's call": the government's)
        self.demand_of: dict[str, Topic] = {}

    def release(self) -> None:
        self._owner_of = _no_owner

    def recent_demand(self, sent: int) -> Topic | None:
        """The last demand found, when its cue is in sentence ``sent`` or the two before: what
        a bare pointing noun or a held-on-to thing there can point back to."""
        at = self.last_demand_sent
        return self.last_demand if at is not None and 0 <= sent - at <= 2 else None

    # ------------------------------------------------------------------ phrases
    def np_tokens(self, head: Token, depth: int = 0) -> list[Token]:
        drop = self.lex.topic_drop
        toks = [head]
        prep_done = False
        for c in head.children:
            if c.dep_ in MOD_DEPS:
                if c.lower_ in drop or (c.dep_ == "poss" and c.pos_ == "PRON"):
                    continue
                sub = list(c.subtree)
                if _quoted(sub):  # an “all for all” exchange: the quoted words as they are
                    toks.extend(t for t in sub if not t.is_punct or t.tag_ == "HYPH")
                    continue
                toks.extend(
                    t
                    for t in sub
                    if t.dep_ not in ("det", "punct", "case")
                    or t.tag_ in ("HYPH", "POS")  # "Israel's withdrawal", as the text says it
                    if t.lower_ not in drop
                )
            elif c.dep_ == "punct" and c.tag_ == "HYPH":
                toks.append(c)
            elif c.dep_ == "det" and depth > 0 and c.lower_ == "the":
                toks.append(c)  # "withdrawal from the corridor", as the text says it
            elif c.dep_ == "det" and c.lower_ in NEGATIVE_DETS:
                toks.append(c)  # "no foreign troops": the negation is the content
            elif (
                c.dep_ == "prep"
                and c.lower_ == "to"
                and prep_done
                and depth < 2
                and head.lemma_.lower() in RIGHT_NOUNS
            ):  # "the right of the Sahrawi people to self-determination"
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    toks.append(c)
                    toks.extend(self.np_tokens(obj, depth + 1))
            elif c.dep_ == "prep" and c.lower_ in NP_PREPS and not prep_done and depth < 2:
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                obj = obj if obj is not None else _stray_object(c)
                if obj is not None and c.lower_ in ("on", "in") and obj.ent_type_ in WHEN_ENTS:
                    continue  # "demanded a ceasefire on Monday": when it was said (issue 12k)
                if obj is not None and c.lower_ == "in" and obj.lower_ == "order":
                    continue  # "regain access in order to resume the deal": an aim
                if obj is not None:
                    prep_done = True
                    inner = (
                        self.vp_tokens(obj, depth + 1)
                        if obj.pos_ in ("VERB", "AUX")
                        else self.np_tokens(obj, depth + 1)
                    )
                    toks.append(c)
                    toks.extend(inner)
            elif (
                c.dep_ == "acl"
                and depth < 2
                and any(g.dep_ == "aux" for g in c.children)
                and (depth == 0 or head.lemma_.lower() in RIGHT_NOUNS)
            ):  # "the right to strike" inside "keeping the right to strike"
                toks.extend(self.vp_tokens(c, depth + 1))
            elif (
                c.dep_ == "acl"
                and c.tag_ == "VBG"
                and depth < 1
                and not prep_done
                and not any(g.dep_ in ("nsubj", "mark", "aux") for g in c.children)
                and c.i == max(t.i for t in toks) + 1
            ):  # "the region's law regulating the industry": what the law is (issue 15r)
                toks.extend(self.vp_tokens(c, depth))
            elif (
                c.dep_ == "acl"
                and c.tag_ == "VBN"
                and depth < 1
                and c.lemma_.lower() in FRAMING_PARTICIPLES
                and not prep_done
            ):  # "a settlement based on two separate states", "a truce limited to Cauca"
                prep = next((g for g in c.children if g.dep_ == "prep"), None)
                obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
                if prep is not None and obj is not None:
                    prep_done = True
                    toks.extend([c, prep, *self.np_tokens(obj, depth + 1)])
        return toks[:MAX_TOKENS] if len(toks) > MAX_TOKENS else toks

    def vp_tokens(self, verb: Token, depth: int = 0) -> list[Token]:
        toks = [verb]
        for c in verb.children:
            if (
                c.dep_ in ("neg", "prt")
                or (c.dep_ == "aux" and c.lower_ == "to" and depth > 0)
                or (c.dep_ == "advmod" and c.lower_ in PARTICLES)
            ):
                toks.append(c)
            elif c.dep_ == "nsubjpass" and depth == 0 and c.pos_ != "PRON":
                toks.extend(self.np_tokens(c, depth + 1))  # "Hezbollah (must be) pushed back"
            elif c.dep_ in ("dobj", "attr", "oprd", "acomp", "dative") and depth < 2:
                if c.pos_ != "PRON":  # "implement it": the verb says enough
                    # the object keeps its own phrase ("take the dispute to the Council")
                    toks.extend(self.np_tokens(c, min(depth + 1, 1)))
                if c.dep_ == "acomp" and depth < 1:  # "be able to strike X": the act (16d)
                    for x in c.children:
                        if x.dep_ == "xcomp" and x.pos_ == "VERB":
                            toks.extend(self.vp_tokens(x, depth + 1))
            elif (
                c.dep_ == "ccomp"
                and depth < 2
                and c.lemma_.lower() in self.lex.speech_verbs
                and _report_tag(c)
            ):
                # "makes a commitment to X, a senior official said": the report's tag, with
                # the verb's own object read as the subject of "said"
                toks.extend(
                    t
                    for s in c.children
                    if s.dep_ == "nsubj" and s.i < c.i and not _after_comma(s)
                    for t in self.np_tokens(s, depth + 1)
                )
            elif c.dep_ == "ccomp" and depth < 2 and (subj := _small_clause_subject(c)):
                # "making the treaty conditional", "addressed "the root causes"": a clause
                # with no conjunction or auxiliary of its own is the verb's object and its
                # predicate
                toks.extend([*self.np_tokens(subj, depth + 1), c])
            elif c.dep_ == "xcomp" and (depth < 1 or (depth < 2 and verb.dep_ == "acl")):
                # "a proposal to require the MILF to surrender arms": the act required
                toks.extend(self.vp_tokens(c, depth + 1))
            elif c.dep_ == "prep" and c.lower_ in DEADLINE_PREPS and depth == 0:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if c.lower_ == "by" and obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                    obj = None  # "by the end of the year", not "by boat"
                if obj is not None:  # "complete the handover before the October election"
                    toks.append(c)
                    toks.extend(self.np_tokens(obj, depth + 1))
            elif c.dep_ == "prep" and c.lower_ in VP_PREPS and depth < 1:
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if c.i < verb.i or (obj is not None and obj.lower_ == "order"):
                    continue  # "In order to agree, Israel must commit ...": an aim, fronted
                # after a short object the preposition says what is meant ("drop the group
                # from the list", "hold the army to its commitments")
                if obj is not None and not any(
                    t.dep_ == "dobj" and len(list(t.subtree)) > 2 for t in verb.children
                ):
                    toks.append(c)  # "move first on creating an association"
                    toks.extend(
                        self.vp_tokens(obj, depth + 1)
                        if obj.dep_ == "pcomp"
                        else self.np_tokens(obj, depth + 1)
                    )
        return toks

    # ------------------------------------------------------------------ topics
    def _keywords(self, tokens: list[Token]) -> list[str]:
        out: list[str] = []
        stop = self.lex.topic_stopwords
        for t in sorted(tokens, key=lambda t: t.i):
            if t.is_punct or t.lower_ in stop or t.pos_ in ("DET", "ADP", "PRON", "CCONJ", "AUX"):
                continue
            for w in (fold(t.text), t.lemma_.lower()):
                if w and w not in out and w not in stop:
                    out.append(w)
        return out

    def _add(
        self, key: str, name: str, keywords: list[str], at: list[Token] | None = None
    ) -> Topic:
        topic = self.by_key.get(key)
        if topic is None:
            tid = slugify(name)
            other = self.by_id.get(tid)
            if other is not None:  # one name, one topic
                topic = other
            else:
                topic = Topic(tid, name, [])
                self.by_id[tid] = topic
            self.by_key[key] = topic
        for k in keywords:
            if k not in topic.keywords and len(topic.keywords) < 24:
                topic.keywords.append(k)
        if topic not in self.used:
            self.used.append(topic)
        self.last = topic
        if at:
            self.last_at = max(t.i for t in at)
        return topic

    def from_np(self, head: Token) -> Topic | None:
        low = head.lemma_.lower()
        owner = self._owner_of(head) if low in self.lex.demand_anaphors else None
        if (
            owner in self.demand_of
            and head.dep_ != "appos"
            and not any(c.dep_ in ("prep", "acl", "relcl", "ccomp", "appos") for c in head.children)
        ):
            return self.demand_of[owner]  # type: ignore[index]  # "the Ethiopian demand"
        if self.last_demand is not None and _bare_demand(head, self.lex.demand_anaphors):
            # "Armenia rejected the demand", "dismissed that condition", "the last item",
            # "the government's call" (that owner's last demand, when known)
            owner = self._owner_of(head)
            return self.demand_of.get(owner, self.last_demand) if owner else self.last_demand
        pointing = head.lower_ in ("that", "this") and head.pos_ in ("PRON", "SCONJ", "DET")
        if pointing and self.proposal_before(head) is None:
            back = self._said_before(head)
            if back is not None:  # "Q: They say X must go ahead. A: We reject that."
                return back
        if (
            low in self.lex.anaphors
            and head.pos_ == "NOUN"
            and any(c.dep_ == "det" and c.lower_ in ("this", "that") for c in head.children)
            and not any(c.dep_ in ("prep", "acl", "compound", "amod") for c in head.children)
            and not any(  # "that offer, which ...": it says its own content
                c.dep_ == "relcl" and next(iter(c.subtree)).tag_ in ("WDT", "WP", "IN")
                for c in head.children
            )
        ):
            back = self._said_before(head)
            if back is not None:  # "Peru offered X. That offer we have turned down."
                return back
        if (
            head.lower_ in ("that", "this")
            and head.dep_ in ("dobj", "nsubjpass")
            and self.last_demand is not None
        ):
            return self.last_demand  # "Iran ruled that out"
        if head.pos_ == "PRON" and head.lower_ in ("it", "this", "that"):
            near = self.proposal_before(head)
            if near is not None:  # "Hamas accepted the proposal, but Israel rejected it"
                return self.from_np(near)
            back = self._said_before(head)
            if back is not None:  # "Peru proposed X. We reject this."
                return back
        if head.pos_ == "PRON" or (
            low in self.lex.anaphors
            and low not in self.lex.proposal_heads
            and any(c.lower_ in ("this", "that", "these", "those", "such") for c in head.children)
        ):
            return self.last
        if low in self.lex.proposal_heads and not _says_what(head) and not self._own_content(head):
            return self._proposal(head)  # "the proposal": the one under negotiation
        toks = self.np_tokens(head)
        name = phrase_text(toks)
        if not name or not any(t.is_alpha for t in toks):
            return None
        return self._add(_key(toks), name, self._keywords(toks), toks)

    def _own_content(self, head: Token) -> bool:
        """A proposal word whose modifiers say what it is ("a zero-troops, zero-guarantees
        formula", "the disarmament proposal"): a common noun or adjective before it that is no
        name, no owner's word ("the Egyptian proposal") and no word the topic drops ("the
        revised plan"). Such a phrase names its own topic, not the document's proposal."""
        drop = self.lex.topic_drop
        for c in head.children:
            if c.dep_ not in ("compound", "amod", "nmod") or c.i > head.i:
                continue
            if c.lower_ in drop or c.ent_type_ or c.tag_ in ("VBN", "VBD", "VBG"):
                continue
            if (
                c.pos_ in ("NOUN", "ADJ")
                and c.is_alpha
                and c.lower_ not in self.lex.topic_stopwords
            ):
                return True
        return False

    def proposal_before(self, pron: Token) -> Token | None:
        """The nearest proposal word before a pronoun in its sentence ("accepted the proposal,
        but Israel rejected it"), else in the sentence before when no topic is known yet or
        the last one was found before that sentence (the nearer antecedent: "X insisted on
        Y. Z accepted a compromise offer. X did not want to accept it", issue 23Y)."""
        sent = pron.sent
        start = sent.start
        if start > 0:
            before = pron.doc[start - 1].sent.start
            if self.last is None or (self.last_at is not None and self.last_at < before):
                start = before
        for t in reversed(pron.doc[start : pron.i]):
            if t.pos_ == "NOUN" and t.lemma_.lower() in self.lex.proposal_heads:
                return t
        return None

    def put_forward_before(self, t: Token) -> Topic | None:
        """What the sentences before ``t``'s put forward, for a stance that names nothing
        ("Egypt offered a truce. Hamas's answer was no."; see :meth:`_said_before`), else the
        topic of a stance found in the sentence just before ("Egypt proposed a truce.": the
        demand's topic)."""
        found = self._said_before(t)
        sent = t.sent
        if found is None and self.last_at is not None and sent.start > 0:
            before = t.doc[sent.start - 1].sent
            if before.start <= self.last_at < sent.start:
                return self.last
        return found

    def _said_before(self, pron: Token) -> Topic | None:
        """What a pronoun with nothing before it in its sentence points back to, in the
        sentences before (nearest first, up to the last topic found): the object of a verb
        that puts something forward ("Peru proposed a joint commission. We reject this."), or
        what an interviewer's turn reports ("Q: The government says elections must go ahead.
        A: We reject that.")."""
        doc = pron.doc
        sent = pron.sent
        for _ in range(3):
            if sent.start == 0:
                return None
            sent = doc[sent.start - 1].sent
            text = doc_text(doc)
            line = text.rfind("\n", 0, sent[0].idx) + 1
            if INTERVIEWER.match(text, line) is not None:  # a question takes no stance
                found = self._reported(sent)
                if found is not None:
                    return found
            if self.last_at is not None and self.last_at >= sent.start:
                return None  # a stance was found there: "this" is its topic
            found = self._put_forward(sent)
            if found is not None:
                return found
        return None

    def _put_forward(self, sent: Span) -> Topic | None:
        """ "Peru proposed a joint commission": the object of the last offering verb."""
        for v in reversed(list(sent)):
            if v.pos_ != "VERB" or v.lemma_.lower() not in self.lex.offer_verbs:
                continue
            obj = next((c for c in v.children if c.dep_ == "dobj" and c.pos_ != "PRON"), None)
            if obj is None:
                obj = next(
                    (
                        g
                        for c in v.children
                        if c.dep_ == "prep" and c.lower_ in ("on", "for")
                        for g in c.children
                        if g.dep_ == "pobj" and g.pos_ != "PRON"
                    ),
                    None,
                )
            if obj is not None:
                return self.from_np(obj)
        return None

    def _offered_before(self, head: Token) -> Topic | None:
        """What a bare proposal word with no owner names when the document has no fuller
        proposal phrase: the object of the nearest verb that puts something forward, before it
        in its sentence or in the three before ("Israel offered a two-month pause in fighting.
        Hamas turned down the offer": the pause). Not a proposal word itself (that phrase is
        the proposal), not a pronoun, not an actor's name."""
        doc = head.doc
        sent = head.sent
        end = head.i
        for _ in range(4):
            for v in reversed(tokens(doc)[sent.start : end]):
                if v.pos_ != "VERB":
                    continue
                if v.lemma_.lower() not in self.lex.proposing_verbs and not any(
                    c.dep_ == "prt" and c.lower_ == "forward" for c in v.children
                ):
                    continue
                obj = next((c for c in v.children if c.dep_ == "dobj"), None)
                if obj is None or obj.pos_ != "NOUN":
                    continue
                if obj.lemma_.lower() in self.lex.proposal_heads:
                    continue
                return self.from_np(obj)
            if sent.start == 0:
                return None
            end = sent.start
            sent = doc[sent.start - 1].sent
        return None

    def _reported(self, sent: Span) -> Topic | None:
        """What a reported clause says: "The government says it is ready to include you"
        (include you), "... said elections must go ahead" (elections go ahead)."""
        root = sent.root
        clause = next((c for c in root.children if c.dep_ == "ccomp"), None)
        if clause is None:
            return None
        ready = next((c for c in clause.children if c.dep_ in ("acomp", "attr")), None)
        act = next((c for c in ready.children if c.dep_ == "xcomp"), None) if ready else None
        if act is not None:  # "is ready to include you": the act offered
            return self.from_vp(act)
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        agent = subj if subj is not None and subj.pos_ != "PRON" else None
        return self.from_vp(clause, agent=agent)

    def from_vp(
        self, verb: Token, agent: Token | None = None, *, refused: bool = False
    ) -> Topic | None:
        """A topic from a verb phrase ("release 40 hostages"); with ``agent``, the phrase of
        who is to act comes first ("pipeline cross territory"); with ``refused``, the verb's
        own negation is the relation's, not the topic's ("will not join the talks": a
        rejection of "join the talks")."""
        purpose = _means_purpose(verb)
        if purpose is not None:  # "to take steps to reopen the crossings" (issue-22D)
            return self.from_vp(purpose, agent, refused=refused)
        toks = self.vp_tokens(verb)
        if refused:
            toks = [x for x in toks if not (x.dep_ == "neg" and x.head.i == verb.i)]
        if agent is None and not _bare_verb(verb, toks, self.lex):
            agent = _fragment_subject(verb, toks)
        if agent is not None:
            toks = self.np_tokens(agent) + toks
        if len(toks) == 1 and verb.pos_ not in ("VERB", "NOUN"):
            return None
        if _bare_verb(verb, toks, self.lex):
            return None
        name = phrase_text(toks)
        if not name:
            return None
        return self._add(_key(toks), name, self._keywords(toks), toks)

    def act_on_antecedent(self, head: Token, ante: Token) -> Topic:
        """ "their release" where "their" points back to "the prisoners": the act named with
        what it is done to ("release of Armenian prisoners")."""
        toks = self.np_tokens(ante)
        name = f"{head.text} of {phrase_text(toks)}"
        key = f"{head.lemma_.lower()} of {_key(toks)}"
        return self._add(key, name, self._keywords([head, *toks]), [head])

    def end_of(self, head: Token) -> Topic | None:
        """An end to what a phrase names ("the war against Hamas would resume": "an end to
        the war against Hamas", issue 16r); one per head noun in a document ("we will continue
        the war" after it is the same end)."""
        toks = [t for t in self.np_tokens(head) if t.dep_ != "poss" or t.head.i != head.i]
        if not phrase_text(toks):
            return None
        name = f"an end to {phrase_text(toks)}"
        return self._add(f"end of {head.lemma_.lower()}", name, self._keywords(toks), toks)

    def from_tokens(self, tokens: list[Token]) -> Topic | None:
        """A topic named by some tokens in text order ("temporary truce")."""
        toks = sorted(tokens, key=lambda t: t.i)
        name = phrase_text(toks)
        if not name:
            return None
        return self._add(_key(toks), name, self._keywords(toks), toks)

    def act_on(self, verb: Token, obj: Token) -> Topic | None:
        """An act on a thing named elsewhere ("sign it" with "it" the plan named before:
        "sign the new plan"), the verb first whatever the text order."""
        vt = [verb, *(c for c in verb.children if c.dep_ in ("neg", "prt"))]
        ot = self.np_tokens(obj)
        name = f"{phrase_text(vt)} {phrase_text(ot)}".strip()
        if not phrase_text(ot):
            return None
        return self._add(_key(vt + ot), name, self._keywords(vt + ot))

    def _proposal(self, head: Token) -> Topic:
        owner = self._owner_of(head) or ""
        key = f"proposal:{owner}"
        if key not in self.by_key:
            # the fullest phrase headed by a proposal word, with this owner, names the topic
            best: tuple[int, int, list[Token]] | None = None
            all_toks: list[Token] = []
            for t in tokens(head.doc):
                if t.lemma_.lower() in self.lex.proposal_heads and t.pos_ in ("NOUN", "PROPN"):
                    if (self._owner_of(t) or "") != owner:
                        continue
                    toks = self.np_tokens(t)
                    all_toks.extend(toks)
                    content = sum(
                        1 for x in toks if x.is_alpha and x.lower_ not in self.lex.topic_stopwords
                    )
                    score = (content, -t.i)
                    if best is None or score > best[:2]:
                        best = (content, -t.i, toks)
            toks = best[2] if best else self.np_tokens(head)
            if not owner and not any(
                x.is_alpha
                and x.lower_ not in self.lex.topic_stopwords
                and x.lemma_.lower() not in self.lex.proposal_heads
                for x in toks
            ):
                offered = self._offered_before(head)
                if offered is not None:  # "Israel offered a pause. Hamas turned down the offer."
                    self.by_key[key] = offered
                    return offered
            name = phrase_text(toks)
            return self._add(key, name, self._keywords(toks) + self._keywords(all_toks), [head])
        return self._add(key, self.by_key[key].name, self._keywords(self.np_tokens(head)), [head])
