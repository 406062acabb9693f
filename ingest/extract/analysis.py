"""The rules, applied to one parsed document.

Order of work: mentions (dictionary, NER) -> roles (``speaks_for``) -> quotes and reported speech
(statements, with the speaker resolved through pronouns and titles) -> stances (``demands``,
``rejects``) and mediation (``mediates``). Every cue word comes from the lexicon
(``data/lexicon.yaml``); the code holds the dependency patterns that use them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from actorgraph.ingest.extract.mentions import Mention, find_mentions, find_titles
from actorgraph.ingest.extract.normalize import clean_surface, fold, name_key
from actorgraph.ingest.extract.topics import Topic, TopicTable, phrase_text
from spacy.tokens import Doc, Span, Token

if TYPE_CHECKING:
    from actorgraph.ingest.extract.dictionary import ActorDictionary, Role
    from actorgraph.ingest.extract.lexicon import Frame, Lexicon
    from actorgraph.ingest.extract.mentions import Matchers

PERSON_PRON = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
GROUP_PRON = frozenset({"it", "its", "they", "them", "their", "itself", "themselves"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "pcomp", "relcl", "csubj"})
MOD_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
PAIR_NOUNS = frozenset({"country", "side", "party", "government", "nation", "state", "camp"})
OPENERS = {"“": "”", '"': '"', "``": "''", "‘": "’", "«": "»"}
_OPENER = re.compile('``|[“"‘«]')


@dataclass
class Resolved:
    actor: str
    #: an unnamed individual ("an Israeli official"): fine for stances, not a statement's speaker
    anonymous: bool = False
    via: str = "name"


@dataclass
class Quote:
    start: int  # content tokens [start, end)
    end: int
    char_start: int
    char_end: int
    verb: Token | None = None
    speaker: str | None = None
    principal: str | None = None
    statement: str | None = None


@dataclass
class SpeaksFor:
    source: str
    target: str
    title: str
    sent: int
    confidence: float
    role: Role | None = None


@dataclass
class Result:
    actors: list[str] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    surfaces: dict[str, set[str]] = field(default_factory=dict)


class DocAnalysis:
    def __init__(
        self,
        doc: Doc,
        doc_id: str,
        published: date | None,
        dictionary: ActorDictionary,
        lexicon: Lexicon,
        matchers: Matchers,
        origin: str,
    ) -> None:
        self.doc = doc
        self.text = doc.text  # computed on each access by spaCy: keep it
        self.doc_id = doc_id
        self.published = published
        self.dict = dictionary
        self.lex = lexicon
        self.origin = origin
        n = len(doc)
        self.sents: list[Span] = list(doc.sents)
        self.sent_of = [0] * n
        for k, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = k
        self.titles = find_titles(doc, matchers)
        self.title_at: list[tuple[int, int] | None] = [None] * n
        for s, e in self.titles:
            for i in range(s, e):
                self.title_at[i] = (s, e)
        self.mentions = find_mentions(doc, matchers, dictionary, self.titles, published)
        self.men: list[Mention | None] = [None] * n
        for m in self.mentions:
            for i in range(m.start, m.end):
                self.men[i] = m
        self.first_seen: dict[str, int] = {}
        self.surfaces: dict[str, set[str]] = {}
        for m in self.mentions:
            if m.salient and m.actor:
                self._use(m.actor, m.start, m.text)
        self.quote_of = [-1] * n
        self.quotes: list[Quote] = []
        self.speaks: dict[tuple[str, str], SpeaksFor] = {}
        self.principal: dict[str, SpeaksFor] = {}
        self.role_index: dict[str, str] = {}
        self.topics = TopicTable(lexicon, self._owner_of)
        self.statements: list[dict[str, Any]] = []
        self.stmt_spans: list[tuple[int, int, str]] = []
        self.relations: list[dict[str, Any]] = []
        self._rel_keys: set[tuple[str, str, str, int]] = set()
        self._subjects_cache: dict[int, list[int]] = {}

    # ================================================================== driver
    def run(self) -> Result:
        self._roles()
        self._unnamed_titles()
        self._find_quotes()
        self._attribute_quotes()
        self._reported_speech()
        self._stances()
        self._mediation()
        self._emit_speaks_for()
        actors = sorted(self.first_seen, key=lambda a: self.first_seen[a])
        self.topics.release()  # no reference cycle keeps the Doc alive after this
        return Result(actors, self.topics.used, self.statements, self.relations, self.surfaces)

    # ================================================================== helpers
    def _use(self, actor: str, token_i: int, surface: str | None = None) -> None:
        if actor not in self.first_seen or token_i < self.first_seen[actor]:
            self.first_seen[actor] = token_i
        if surface:
            s = clean_surface(surface)
            if s:
                self.surfaces.setdefault(actor, set()).add(s)

    def _type(self, actor: str) -> str:
        e = self.dict.entries.get(actor)
        return e.type if e else "organization"

    def _sent_span(self, k: int) -> tuple[str, int, int]:
        s = self.sents[k]
        text = self.text
        a, b = s.start_char, s.end_char
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        return text[a:b], a, b

    @staticmethod
    def _negated(v: Token) -> bool:
        return any(c.dep_ == "neg" or c.lower_ in ("never", "no") for c in v.children)

    def _irrealis(self, v: Token) -> bool:
        """A cue that is not asserted: conditional, hedged, or wanted/demanded of someone."""
        if any(c.dep_ == "aux" and c.lower_ in ("may", "might", "could") for c in v.children):
            return True
        cur = v
        for _ in range(8):
            if any(c.dep_ == "mark" and c.lower_ in self.lex.irrealis_marks for c in cur.children):
                return True
            if cur.dep_ == "conj":
                cur = cur.head
                continue
            if cur.dep_ not in CLAUSE_DEPS or cur.head is cur:
                return False
            head = cur.head
            if head.lemma_.lower() in self.lex.irrealis_governors and head.pos_ in ("VERB", "AUX"):
                return True
            cur = head
        return False

    def _owner_of(self, head: Token) -> str | None:
        """The actor a phrase belongs to: "Hamas's proposal", "an Indian proposal"."""
        for c in head.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod"):
                m = self.men[c.i]
                if m is not None and m.actor:
                    return m.actor
        return None

    def _in_quote(self, i: int) -> Quote | None:
        q = self.quote_of[i]
        return self.quotes[q] if q >= 0 else None

    # ================================================================== resolving phrases
    def _subjects(self, v: Token, depth: int = 0) -> list[Token]:
        """The subject tokens of a verb, following conjunctions, control and participles."""
        found = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
        if found:
            return found
        if any(c.dep_ == "nsubjpass" for c in v.children):
            for c in v.children:
                if c.dep_ == "agent":
                    return [g for g in c.children if g.dep_ == "pobj"]
            return []
        if depth > 4 or v.head is v:
            return []
        if v.dep_ == "agent":
            return []
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.pos_ in ("VERB", "AUX"):
            return self._subjects(v.head, depth + 1)
        if v.dep_ == "acl" and v.head.dep_ in ("dobj", "pobj", "attr"):
            # "X issued a declaration demanding ...": only when X produced the carrier
            gov = v.head.head
            if gov.dep_ == "prep":
                gov = gov.head
            if gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in self.lex.producers:
                return self._subjects(gov, depth + 1)
        return []

    def resolve_np(self, tok: Token, *, pronouns: bool = True) -> list[Resolved]:
        both = self._both_sides(tok)
        if both:
            return both
        out: list[Resolved] = []
        for t in [tok, *[c for c in tok.conjuncts if c.i > tok.i]]:
            r = self._resolve_one(t, pronouns)
            if r is not None and all(r.actor != o.actor for o in out):
                out.append(r)
        return out

    def _both_sides(self, t: Token) -> list[Resolved]:
        """ "the two countries", "both sides": the last two actors named before."""
        if t.lemma_.lower() not in PAIR_NOUNS or t.tag_ not in ("NNS", "NNPS"):
            return []
        if not any(c.lower_ in ("two", "both") for c in t.children):
            return []
        found: list[str] = []
        k = self.sent_of[t.i]
        for i in range(t.i - 1, self.sents[max(0, k - 1)].start - 1, -1):
            m = self.men[i]
            if m is None or m.actor is None or i != m.start or m.kind not in ("name", "metonym"):
                continue
            if self._type(m.actor) != "person" and m.actor not in found:
                found.append(m.actor)
            if len(found) == 2:
                return [Resolved(a, via="pair") for a in found]
        return []

    def _resolve_one(self, t: Token, pronouns: bool) -> Resolved | None:
        doc = self.doc
        m = self.men[t.i]
        if m is not None:
            r = self._from_mention(m, t)
            if r is not None:
                return r
        low = t.lower_
        if t.pos_ == "PRON" and low in PERSON_PRON | GROUP_PRON | FIRST_PLURAL | FIRST_SINGULAR:
            return self._coref(t) if pronouns else None
        if t.pos_ == "PRON":
            return None
        lemma = t.lemma_.lower()
        # appositive name: "the main rebel group, Forces for Defence of Democracy"
        for c in t.children:
            if c.dep_ == "appos" and self.men[c.i] is not None:
                r = self._from_mention(self.men[c.i], c)  # type: ignore[arg-type]
                if r is not None:
                    self._use(r.actor, t.i, self._np_name(t, with_prep=False))
                    return r
        phrase2 = f"{doc[t.i - 1].lower_} {low}" if t.i > 0 else low
        # a role title without a name: "the prime minister said"
        span = self.title_at[t.i]
        title = doc[span[0] : span[1]].text.lower() if span else None
        mods = self._modifier_actors(t)
        if title and not mods:
            holder = self.role_index.get(_tkey(title))
            if holder:
                return Resolved(holder, via="role")
        if mods and (lemma in self.lex.suborgs or phrase2 in self.lex.suborgs):
            return self._suborg(t, mods[0])
        if mods and (
            lemma in self.lex.organs
            or low in self.lex.organs
            or phrase2 in self.lex.organs
            or title is not None
        ):
            actor = mods[0]
            if title and not any(c.lower_ in ("a", "an", "one") for c in t.children):
                holder = self._holder(title, actor, t.i)
                if holder:
                    self._use(holder, t.i)
                    return Resolved(holder, via="role")
            anonymous = lemma in self.lex.anonymous or low in self.lex.anonymous
            self._use(actor, t.i, phrase_text(list(t.subtree)) if not anonymous else None)
            return Resolved(actor, anonymous=anonymous, via="organ")
        if low in self.lex.groups or lemma in self.lex.groups:
            return self._group(t)
        return None

    def _from_mention(self, m: Mention, t: Token) -> Resolved | None:
        if m.actor is None:
            if m.kind in ("gpe", "norp"):
                atype = "state" if m.kind == "gpe" else "organization"
                if m.kind == "norp":
                    head = self.doc[m.start : m.end].root
                    if head.i != t.i and t.lower_ not in self.lex.groups:
                        return None
                m.actor = self.dict.new_actor(clean_surface(m.text), atype)
            else:
                return None
        # "Palestinians rejected": a demonym names the state only as the head of the phrase
        if m.kind == "demonym" and t.i != self.doc[m.start : m.end].root.i:
            return None
        self._use(m.actor, m.start, m.text)
        return Resolved(m.actor, via=m.kind)

    def _modifier_actors(self, t: Token) -> list[str]:
        out: list[str] = []
        for c in t.children:
            cand: list[Token] = []
            if c.dep_ in MOD_DEPS or (c.dep_ == "appos" and c.i < t.i):
                cand = [c]
            elif c.dep_ == "prep" and c.lower_ in ("of", "for", "from", "in"):
                cand = [g for g in c.children if g.dep_ == "pobj"]
            for g in cand:
                m = self.men[g.i]
                if m is None:
                    # "the Israeli and Qatari officials", "Hamas' political bureau"
                    m = next((self.men[x.i] for x in g.subtree if self.men[x.i]), None)
                    if m is None or c.dep_ == "prep":
                        continue
                if m.actor is None and m.kind in ("gpe", "norp"):
                    m.actor = self.dict.new_actor(
                        clean_surface(m.text), "state" if m.kind == "gpe" else "organization"
                    )
                if (m.actor and self._type(m.actor) != "person") or (m.actor and c.dep_ == "poss"):
                    if m.actor not in out:
                        out.append(m.actor)
                    self._use(m.actor, m.start, m.text)
        return out

    def _np_name(self, t: Token, with_prep: bool = True) -> str:
        toks = [t]
        for c in t.children:
            if (
                c.dep_ in MOD_DEPS
                or c.dep_ in ("case",)
                or (c.dep_ == "punct" and c.tag_ == "HYPH")
            ):
                toks.extend(c.subtree)
            elif with_prep and c.dep_ == "prep" and c.lower_ in ("in", "of", "from"):
                toks.append(c)
                for g in c.children:
                    if g.dep_ == "pobj":
                        toks.extend(x for x in g.subtree if x.dep_ not in ("relcl", "punct"))
        toks = [x for x in toks if x.dep_ not in ("nummod", "quantmod") and not x.like_num]
        return clean_surface(phrase_text(toks))

    def _group(self, t: Token) -> Resolved | None:
        has_name = any(
            self.men[x.i] is not None or x.pos_ == "PROPN"
            for x in t.subtree
            if x.i != t.i and x.dep_ != "relcl"
        ) or (self.men[t.i] is not None)
        if not has_name:
            return None
        name = self._np_name(t)
        if not name or len(name) > 80:
            return None
        actor = self.dict.new_actor(name, "organization")
        self._use(actor, t.i, name)
        return Resolved(actor, via="group")

    def _suborg(self, t: Token, owner: str) -> Resolved:
        name = self._np_name(t, with_prep=False)
        actor = self.dict.new_actor(name, "organization")
        self._use(actor, t.i, name)
        self._add_speaks(actor, owner, "", self.sent_of[t.i], 0.7)
        return Resolved(actor, via="suborg")

    # ------------------------------------------------------------------ coreference
    def _sentence_subjects(self, k: int) -> list[int]:
        hit = self._subjects_cache.get(k)
        if hit is None:
            s = self.sents[k]
            hit = [
                t.i
                for t in s
                if t.dep_ in ("nsubj", "nsubjpass")
                and self.quote_of[t.i] < 0
                and _main_clause(t.head)
            ]
            self._subjects_cache[k] = hit
        return hit

    def _coref(self, t: Token) -> Resolved | None:
        low = t.lower_
        q = self._in_quote(t.i)
        if low in FIRST_PLURAL | FIRST_SINGULAR:
            if q is None or q.speaker is None:
                return None
            actor = q.principal if (low in FIRST_PLURAL and q.principal) else q.speaker
            return Resolved(actor, via="pronoun")
        k = self.sent_of[t.i]
        if low in PERSON_PRON:
            for kk in range(k, max(-1, k - 4), -1):
                s = self.sents[kk]
                cands = [
                    m
                    for m in self._mentions_in(s)
                    if m.actor
                    and self._type(m.actor) == "person"
                    and (kk < k or m.end <= t.i)
                    and (q is not None or self.quote_of[m.start] < 0)
                ]
                if not cands:
                    continue
                subj = [m for m in cands if self._is_subject(m)]
                m = (subj or cands)[-1] if kk == k else (subj or cands)[0]
                return Resolved(m.actor, via="pronoun")  # type: ignore[arg-type]
            return None
        # it / they: the nearest subject before the pronoun, if it names an actor
        for kk in range(k, max(-1, k - 2), -1):
            subs = [i for i in self._sentence_subjects(kk) if kk < k or i < t.i]
            if not subs:
                continue
            i = subs[-1] if kk == k else subs[0]
            rs = self.resolve_np(self.doc[i], pronouns=False)
            if rs and (
                low in ("they", "them", "their")
                or self._type(rs[0].actor) != "person"
                or rs[0].via == "organ"
            ):
                return Resolved(rs[0].actor, anonymous=rs[0].anonymous, via="pronoun")
            return None
        return None

    def _mentions_in(self, s: Span) -> list[Mention]:
        out, last = [], None
        for i in range(s.start, s.end):
            m = self.men[i]
            if m is not None and m is not last:
                out.append(m)
                last = m
        return out

    def _is_subject(self, m: Mention) -> bool:
        root = self.doc[m.start : m.end].root
        while root.dep_ in ("compound", "appos") and root.head is not root:
            root = root.head
        return root.dep_ in ("nsubj", "nsubjpass")

    def _subject_actors(self, v: Token) -> list[Resolved]:
        out: list[Resolved] = []
        for s in self._subjects(v):
            for r in self.resolve_np(s):
                if all(r.actor != o.actor for o in out):
                    out.append(r)
        return out

    # ================================================================== roles
    def _roles(self) -> None:
        for m in self.mentions:
            if not m.actor or self._type(m.actor) != "person" or m.kind != "name":
                continue
            k = self.sent_of[m.start]
            found = self._left_role(m) or self._right_role(m)
            title, orgs, blocked = found if found else ("", [], False)
            if blocked:
                continue
            if title:
                self._register_role(title, m.actor)
            if title and orgs:
                org = orgs[0]
                role = self._dict_role(m.actor, title, org)
                self._add_speaks(m.actor, org, title, k, 0.85, role)
                self._register_role(title, m.actor, org)
                continue
            # the dictionary: a role whose title the text gives, or that holds on the date
            for role in self.dict.roles_at(m.actor, None):
                dated = self.published is not None and role.valid(self.published)
                timeless = role.start is None and role.end is None
                titled = bool(title) and _title_match(title, role.title)
                if titled and self.published is not None and not role.valid(self.published):
                    continue
                if titled or dated or timeless:
                    conf = 0.85 if titled else 0.6
                    if titled:
                        better = [
                            r
                            for r in self.dict.roles_at(m.actor, self.published)
                            if _title_match(title, r.title) and r.of == role.of
                        ]
                        role = max(better, key=lambda r: r.start or date.min) if better else role
                    self._add_speaks(m.actor, role.of, role.title, k, conf, role)
                    self._register_role(role.title, m.actor, role.of)

    def _unnamed_titles(self) -> None:
        """ "The Qatari prime minister met ...": who holds the office, so that "the prime
        minister said" later finds them."""
        for s, e in self.titles:
            head = self.doc[s:e].root
            if self.men[head.i] is not None or (e < len(self.doc) and self.men[e] is not None):
                continue
            if head.dep_ == "compound" or any(
                c.lower_ in ("a", "an", "one") for c in head.children
            ):
                continue
            mods = self._modifier_actors(head)
            if mods:
                holder = self._holder(self.doc[s:e].text, mods[0], s)
                if holder:
                    self._use(holder, s)

    def _register_role(self, title: str, actor: str, org: str | None = None) -> None:
        """Remember who holds a title here, for "the secretary said" later on."""
        key = _tkey(title)
        words = key.split(" of ")[0].split()
        for k in {key, words[-1]} if words else ():
            self.role_index.setdefault(k, actor)
            if org:
                self.role_index.setdefault(f"{k}@{org}", actor)

    def _holder(self, title: str, org: str, at: int) -> str | None:
        """Who holds a title of an actor: this document first, then the dictionary on the
        document's date ("the Qatari prime minister")."""
        key = _tkey(title)
        hit = self.role_index.get(f"{key}@{org}")
        if hit or self.published is None or key in self.lex.anonymous:
            return hit
        holders = {
            aid
            for aid, role in self.dict.holders(org)
            if role.valid(self.published) and _title_match(title, role.title)
        }
        if len(holders) == 1:
            hit = holders.pop()
            self._register_role(title, hit, org)
            role = next(
                r for a, r in self.dict.holders(org) if a == hit and r.valid(self.published)
            )
            self._add_speaks(hit, org, role.title, self.sent_of[at], 0.7, role)
            return hit
        return None

    def _dict_role(self, actor: str, title: str, org: str) -> Role | None:
        for r in self.dict.roles_at(actor, self.published):
            if r.of == org and _title_match(title, r.title):
                return r
        return None

    def _left_role(self, m: Mention) -> tuple[str, list[str], bool] | None:
        doc = self.doc
        k = self.sent_of[m.start]
        i = m.start - 1
        if i > 0 and doc[i].text == "," and self.title_at[i - 1] is not None:
            i -= 1  # "Qatar's emir, Sheikh Tamim"
        titles: list[str] = []
        orgs: list[str] = []
        blocked = False
        steps = 0
        while i >= 0 and steps < 10 and self.sent_of[i] == k:
            t = doc[i]
            span = self.title_at[i]
            mm = self.men[i]
            if span is not None and (mm is None or mm.actor is None):
                titles.append(doc[span[0] : span[1]].text)
                i = span[0] - 1
            elif mm is not None:
                if mm.actor is None and mm.kind in ("gpe", "norp"):
                    mm.actor = self.dict.new_actor(
                        clean_surface(mm.text), "state" if mm.kind == "gpe" else "organization"
                    )
                if not mm.actor or self._type(mm.actor) == "person":
                    break
                orgs.append(mm.actor)
                self._use(mm.actor, mm.start, mm.text)
                i = mm.start - 1
            elif t.lower_ in self.lex.role_blockers:
                blocked = True
                i -= 1
            elif (
                t.tag_ in ("POS", "HYPH") or t.text in ("'", "’", "-") or t.lower_ in ("of", "for")
            ) or (t.pos_ in ("ADJ", "NOUN") and t.dep_ in ("amod", "compound", "nmod")):
                i -= 1
            else:
                break
            steps += 1
        if not titles:
            return None
        return titles[0], orgs, blocked

    def _right_role(self, m: Mention) -> tuple[str, list[str], bool] | None:
        doc = self.doc
        j = m.end
        if j >= len(doc) or doc[j].text != ",":
            return None
        k = self.sent_of[m.start]
        j += 1
        titles: list[str] = []
        orgs: list[str] = []
        blocked = False
        steps = 0
        while j < len(doc) and steps < 12 and self.sent_of[j] == k:
            t = doc[j]
            if t.text in (",", ";", ".", ")", ":") or t.tag_.startswith("VB"):
                break
            span = self.title_at[j]
            mm = self.men[j]
            if span is not None and (mm is None or mm.actor is None):
                titles.append(doc[span[0] : span[1]].text)
                j = span[1]
            elif mm is not None:
                if mm.actor is None and mm.kind in ("gpe", "norp"):
                    mm.actor = self.dict.new_actor(
                        clean_surface(mm.text), "state" if mm.kind == "gpe" else "organization"
                    )
                if not mm.actor or self._type(mm.actor) == "person":
                    return None
                orgs.append(mm.actor)
                self._use(mm.actor, mm.start, mm.text)
                j = mm.end
            else:
                if t.lower_ in self.lex.role_blockers:
                    blocked = True
                j += 1
            steps += 1
        if not titles:
            return None
        return titles[0], orgs, blocked

    def _add_speaks(
        self,
        source: str,
        target: str,
        title: str,
        sent: int,
        confidence: float,
        role: Role | None = None,
    ) -> None:
        if source == target:
            return
        key = (source, target)
        if key in self.speaks:
            return
        sf = SpeaksFor(source, target, title, sent, confidence, role)
        self.speaks[key] = sf
        self.principal.setdefault(source, sf)

    def _stance_source(self, actor: str) -> str:
        """What a spokesperson rejects, the organization rejects."""
        sf = self.principal.get(actor)
        if sf is not None and (not sf.title or _tkey(sf.title) in self.lex.spokespeople):
            return sf.target
        if sf is not None and self._type(actor) != "person":
            return sf.target
        return actor

    def _emit_speaks_for(self) -> None:
        for sf in self.speaks.values():
            self._use(sf.source, self.sents[sf.sent].start)
            self._use(sf.target, self.sents[sf.sent].start)
            extra: dict[str, Any] = {}
            if sf.role is not None:
                if sf.role.start:
                    extra["valid_from"] = sf.role.start.isoformat()
                if sf.role.end:
                    extra["valid_to"] = sf.role.end.isoformat()
            self._relation("speaks_for", sf.source, sf.target, sf.sent, sf.confidence, **extra)

    # ================================================================== quotes
    def _find_quotes(self) -> None:
        text = self.text
        n = len(text)
        i = 0
        spans: list[tuple[int, int]] = []
        while i < n:
            m = _OPENER.search(text, i)  # jump to the next opening mark
            if m is None:
                break
            i = m.start()
            if text.startswith("``", i):
                close, width = "''", 2
            elif text[i] in OPENERS and text[i] != "‘":
                close, width = OPENERS[text[i]], 1
            elif text[i] == "‘" and (i == 0 or not text[i - 1].isalnum()):
                close, width = "’", 1
            else:
                i += 1
                continue
            start = i + width
            para = text.find("\n\n", start)
            limit = para if para != -1 else n
            j = start
            while True:
                j = text.find(close, j, limit)
                if j == -1 or close != "’" or j + 1 >= n or not text[j + 1].isalpha():
                    break
                j += 1
            if j == -1:
                if close == "’":
                    i += 1
                    continue
                end, nxt = limit, limit
            else:
                end, nxt = j, j + len(close)
            a, b = start, end
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if any(c.isalpha() for c in text[a:b]):
                spans.append((a, b))
            i = nxt
        for a, b in spans:
            span = self.doc.char_span(a, b, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            q = Quote(span.start, span.end, a, b)
            idx = len(self.quotes)
            self.quotes.append(q)
            for t in range(span.start, span.end):
                self.quote_of[t] = idx

    def _speech_verb(self, q: Quote) -> Token | None:
        ks = {self.sent_of[q.start], self.sent_of[q.end - 1]}
        best: tuple[int, Token] | None = None
        for k in ks:
            s = self.sents[k]
            for t in s:
                if self.quote_of[t.i] >= 0 or t.pos_ not in ("VERB", "AUX"):
                    continue
                if t.lemma_.lower() not in self.lex.speech_verbs:
                    continue
                if t.i < q.start:
                    dist = q.start - t.i
                    if k != self.sent_of[q.start]:
                        continue
                else:
                    dist = t.i - q.end + 1
                    if k != self.sent_of[q.end - 1]:
                        continue
                if best is None or dist < best[0]:
                    best = (dist, t)
        return best[1] if best else None

    def _attribute_quotes(self) -> None:
        by_verb: dict[int, list[Quote]] = {}
        prev: Quote | None = None
        for q in self.quotes:
            v = self._speech_verb(q)
            conf = 0.9
            if v is not None:
                q.verb = v
                subj = self._subjects(v)
                rs = [r for s in subj for r in self.resolve_np(s)]
                if rs:
                    r = rs[0]
                    q.speaker = r.actor
                    if r.via == "pronoun":
                        conf = 0.8
                    if r.anonymous:
                        q.principal = r.actor
                        prev = q
                        continue
            elif (
                prev is not None
                and prev.speaker
                and self.sent_of[q.start] - self.sent_of[prev.end - 1] <= 1
                and not self._other_speaker_between(prev, q)
            ):
                q.speaker, q.principal = prev.speaker, prev.principal
                conf = 0.75
                if prev.statement is None:  # the previous one was anonymous
                    prev = q
                    continue
            if q.speaker is None:
                prev = q
                continue
            sf = self.principal.get(q.speaker)
            q.principal = q.principal or (sf.target if sf else None)
            if v is not None and v.i in by_verb and self.sent_of[v.i] == self.sent_of[q.start]:
                first = by_verb[v.i][0]  # split quote: one statement
                self._extend_statement(first, q)
                prev = q
                continue
            if v is not None:
                by_verb.setdefault(v.i, []).append(q)
            text = self.text[q.char_start : q.char_end]
            q.statement = self._statement(q.speaker, text, True, q.principal, q.start, q.end, conf)
            prev = q

    def _other_speaker_between(self, a: Quote, b: Quote) -> bool:
        for i in range(a.end, b.start):
            if self.quote_of[i] < 0 and self.doc[i].lemma_.lower() in self.lex.speech_verbs:
                subj = self._subjects(self.doc[i])
                rs = [r for s in subj for r in self.resolve_np(s)]
                if rs and rs[0].actor != a.speaker:
                    return True
        return False

    def _extend_statement(self, first: Quote, q: Quote) -> None:
        rec = next((s for s in self.statements if s["id"] == first.statement), None)
        q.statement = first.statement
        if rec is None:
            return
        rec["text"] = rec["text"].rstrip() + " " + self.text[q.char_start : q.char_end]
        self.stmt_spans.append((q.start, q.end, rec["id"]))

    # ================================================================== statements
    def _statement(
        self,
        speaker: str,
        text: str,
        quote: bool,
        principal: str | None,
        start_tok: int,
        end_tok: int,
        confidence: float,
    ) -> str:
        sid = (
            self.doc_id + "/" + hashlib.sha1(f"{speaker}\x1f{fold(text)}".encode()).hexdigest()[:12]
        )
        self._use(speaker, start_tok)
        if principal:
            self._use(principal, start_tok)
        k = self.sent_of[start_tok]
        k2 = self.sent_of[max(start_tok, end_tok - 1)]
        ev, a, _ = self._sent_span(k)
        _, _, b = self._sent_span(max(k, k2))
        if k2 > k:
            ev = self.text[a:b]
        rec: dict[str, Any] = {
            "kind": "statement",
            "id": sid,
            "speaker": speaker,
            "text": text.strip(),
            "quote": quote,
        }
        if principal and principal != speaker:
            rec["on_behalf_of"] = principal
        if self.published:
            rec["date"] = self.published.isoformat()
        rec.update(
            {
                "document": self.doc_id,
                "about": [],
                "evidence": ev,
                "start": a,
                "end": b,
                "confidence": round(confidence, 2),
                "origin": self.origin,
            }
        )
        if any(s["id"] == sid for s in self.statements):
            return sid
        self.statements.append(rec)
        self.stmt_spans.append((start_tok, end_tok, sid))
        return sid

    def _statement_at(self, i: int) -> str | None:
        for a, b, sid in self.stmt_spans:
            if a <= i < b:
                return sid
        return None

    def _reported_speech(self) -> None:
        used = {q.verb.i for q in self.quotes if q.verb is not None}
        for t in self.doc:
            low = t.lemma_.lower()
            if t.lower_ in self.lex.according and t.dep_ == "prep":
                self._according(t)
                continue
            if low not in self.lex.speech_verbs or t.pos_ != "VERB" or t.i in used:
                continue
            if low in self.lex.quote_only:
                continue
            if self.quote_of[t.i] >= 0 or self._irrealis(t):
                continue
            comp = next((c for c in t.children if c.dep_ == "ccomp"), None)
            if comp is None:
                continue
            span = list(comp.subtree)
            if any(self.quote_of[x.i] >= 0 for x in span) or len(span) < 3:
                continue
            if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in comp.children):
                continue
            rs = self._subject_actors(t)
            if not rs or rs[0].anonymous:
                continue
            r = rs[0]
            while span and (span[0].dep_ == "mark" or span[0].is_punct):
                span = span[1:]
            text = phrase_text(span)
            sf = self.principal.get(r.actor)
            self._statement(
                r.actor,
                text,
                False,
                sf.target if sf else None,
                span[0].i,
                span[-1].i + 1,
                0.65 if r.via == "pronoun" else 0.7,
            )

    def _according(self, t: Token) -> None:
        to = next((c for c in t.children if c.lower_ == "to"), None)
        obj = next((c for c in (to.children if to else []) if c.dep_ == "pobj"), None)
        if obj is None:
            return
        head = t.head
        if head.pos_ not in ("VERB", "AUX") or head.i == t.i:
            return
        if self.quote_of[head.i] >= 0:
            return
        rs = self.resolve_np(obj)
        if not rs or rs[0].anonymous:
            return
        skip = {x.i for x in t.subtree}
        span = [x for x in head.subtree if x.i not in skip]
        while span and span[0].is_punct:
            span = span[1:]
        while span and span[-1].is_punct:
            span = span[:-1]
        if len(span) < 3:
            return
        r = rs[0]
        sf = self.principal.get(r.actor)
        self._statement(
            r.actor,
            phrase_text(span),
            False,
            sf.target if sf else None,
            span[0].i,
            span[-1].i + 1,
            0.7,
        )

    # ================================================================== relations
    def _relation(
        self,
        rtype: str,
        source: str,
        target: str,
        sent: int,
        confidence: float,
        statement: str | None = None,
        **extra: Any,
    ) -> None:
        if source == target:
            return
        ev, a, b = self._sent_span(sent)
        key = (rtype, source, target, a)
        if key in self._rel_keys:
            return
        self._rel_keys.add(key)
        rec: dict[str, Any] = {
            "kind": "relation",
            "type": rtype,
            "source": source,
            "target": target,
            "evidence": ev,
            "document": self.doc_id,
        }
        if statement:
            rec["statement"] = statement
        if self.published:
            rec["date"] = self.published.isoformat()
        rec.update(extra)
        rec.update(
            {"start": a, "end": b, "confidence": round(confidence, 2), "origin": self.origin}
        )
        self.relations.append(rec)

    def _stance(
        self,
        rtype: str,
        sources: Iterable[Resolved],
        target: Topic | str | None,
        cue: Token,
        confidence: float,
    ) -> None:
        if target is None:
            return
        tid = target.id if isinstance(target, Topic) else target
        sid = self._statement_at(cue.i)
        for r in sources:
            src = self._stance_source(r.actor)
            self._use(src, cue.i)
            if not isinstance(target, Topic):
                self._use(target, cue.i)
            self._relation(rtype, src, tid, self.sent_of[cue.i], confidence, sid)
            if sid is not None and isinstance(target, Topic):
                rec = next(s for s in self.statements if s["id"] == sid)
                if target.id not in rec["about"]:
                    rec["about"].append(target.id)

    # ------------------------------------------------------------------ targets
    def _target_np(self, head: Token) -> Topic | str | None:
        m = self.men[head.i]
        if m is not None and m.actor and m.salient:
            return m.actor
        if head.lemma_.lower() in self.lex.demand_nouns | {"demand"}:
            inner = self._clause_of_noun(head)
            if inner is not None:
                return self.topics.from_vp(inner)
        return self.topics.from_np(head)

    def _clause_of_noun(self, noun: Token) -> Token | None:
        for c in noun.children:
            if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX"):
                if c.dep_ == "relcl" and not any(g.dep_ == "mark" for g in c.children):
                    continue
                return c
        return None

    def _frame_ok(self, v: Token, frame: Frame) -> bool:
        if not frame.needs:
            return (
                any(c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "dative") for c in v.children)
                or v.dep_ == "acl"
            )
        for need in frame.needs:
            kind, _, word = need.partition(":")
            for c in v.children:
                if kind == "prep" and c.dep_ in ("prep", "prt") and c.lower_ == word:
                    return True
                if kind == "prt" and c.dep_ in ("prt", "prep", "advmod") and c.lower_ == word:
                    return True
                if kind in ("dobj", "xcomp", "ccomp") and c.dep_ == kind:
                    return True
                if (
                    kind == "dobj_class"
                    and c.dep_ in ("dobj", "nsubjpass")
                    and c.lemma_.lower() in self.lex.object_classes.get(word, ())
                ):
                    return True
                if kind == "ccomp_modal" and c.dep_ == "ccomp" and self._has_modal(c):
                    return True
                if kind == "ccomp_deal" and c.dep_ == "ccomp" and self._deal_subject(c):
                    return True
            if (
                kind == "dobj_class"
                and v.dep_ == "acl"
                and v.head.lemma_.lower() in self.lex.object_classes.get(word, ())
            ):
                return True
        return False

    def _frame_target(self, v: Token, frame: Frame) -> Topic | str | None:
        """The target where the lexicon says it is ("conditioned X on Y": Y)."""
        for spec in frame.target:
            kind, _, word = spec.partition(":")
            for c in v.children:
                if kind == "prep" and c.dep_ == "prep" and c.lower_ == word:
                    obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                    if obj is not None:
                        if obj.pos_ == "VERB":
                            return self.topics.from_vp(obj)
                        return self._target_np(obj)
        return None

    def _has_modal(self, v: Token) -> bool:
        for c in v.children:
            if c.dep_ == "aux" and c.lower_ in self.lex.modals:
                return True
        return v.lemma_.lower() in self.lex.necessity and any(
            c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children) for c in v.children
        )

    def _deal_subject(self, clause: Token) -> Token | None:
        for c in clause.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in self.lex.proposal_heads:
                return c
        return None

    def _verb_target(self, v: Token, allow_actor: bool = True) -> Topic | str | None:
        """What a demand or rejection is about: its clause, object or prepositional object."""
        kids = list(v.children)
        xcomp = next((c for c in kids if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if xcomp is None:  # "ruled out sending troops"
            xcomp = next(
                (
                    c
                    for c in kids
                    if c.dep_ == "advcl"
                    and c.tag_ == "VBG"
                    and not any(g.dep_ in ("mark", "nsubj") for g in c.children)
                ),
                None,
            )
        ccomp = next((c for c in kids if c.dep_ == "ccomp"), None)
        dobj = next((c for c in kids if c.dep_ in ("dobj", "dative")), None)
        if (
            xcomp is None
            and dobj is not None
            and (
                self.men[dobj.i] is not None
                or dobj.pos_ == "PRON"
                or dobj.lemma_.lower() in self.lex.groups
            )
        ):
            xcomp = next(
                (
                    c
                    for c in dobj.children
                    if c.dep_ in ("xcomp", "acl", "relcl")
                    and any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children)
                ),
                None,
            )
        if v.dep_ == "relcl" and any(
            c.tag_ in ("WDT", "WP") and c.dep_ in ("dobj", "nsubjpass")
            for c in [*kids, *(xcomp.children if xcomp is not None else ())]
        ):  # "the plan, which X rejected" / "which X pressed them to accept"
            return self._target_np(v.head)
        if xcomp is not None:
            return self.topics.from_vp(xcomp)
        passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        if passive is not None:  # "the plan was rejected by Hamas"
            return self._target_np(passive)
        if ccomp is not None:
            deal = self._deal_subject(ccomp)
            if deal is not None:
                obj = next((c for c in ccomp.children if c.dep_ in ("attr", "dobj", "acomp")), None)
                if obj is not None:
                    return self._target_np(obj)
            return self.topics.from_vp(ccomp)
        addressee: Topic | str | None = None
        if dobj is not None:
            t = self._target_np(dobj)
            if not isinstance(t, str):
                return t
            addressee = t  # "asked Israel for guarantees": the guarantees, else Israel
        for c in kids:
            if c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on", "upon", "to", "against"):
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is None or obj.ent_type_ in ("DATE", "TIME"):
                    continue
                # "call on X to do Y": the action, not X
                act = next(
                    (
                        g
                        for g in obj.children
                        if g.dep_ in ("xcomp", "acl", "relcl") and g.pos_ == "VERB"
                    ),
                    None,
                ) or next(
                    (
                        g
                        for g in kids
                        if g.dep_ in ("xcomp", "advcl")
                        and g.pos_ == "VERB"
                        and any(x.lower_ == "to" for x in g.children)
                    ),
                    None,
                )
                if act is not None and self.men[obj.i] is not None:
                    return self.topics.from_vp(act)
                if obj.pos_ == "VERB":
                    return self.topics.from_vp(obj)
                return self._target_np(obj)
        return addressee if allow_actor else None

    # ------------------------------------------------------------------ stances
    def _stances(self) -> None:
        lex = self.lex
        cue_lemmas = lex.cue_lemmas
        for s in self.sents:
            toks = [
                t
                for t in s
                if t.lemma_.lower() in cue_lemmas or t.lower_ in cue_lemmas or t.lower_ == "unless"
            ]
            if not toks:
                continue
            for t in toks:
                lemma = t.lemma_.lower()
                if t.pos_ == "VERB":
                    if lemma in lex.demand_verbs:
                        self._demand_verb(t, lex.demand_verbs[lemma])
                    if lemma in lex.reject_verbs:
                        self._reject_verb(t, lex.reject_verbs[lemma])
                    if lemma in lex.negated_acceptance:
                        self._negated_accept(t)
                    if lemma in lex.insist_verbs:
                        self._insist(t)
                    if lemma in lex.agree_verbs:
                        self._condition(t)
                if (t.dep_ == "aux" and t.lower_ in lex.modals) or (
                    lemma in lex.necessity and t.dep_ != "aux" and self._has_modal(t)
                ):
                    self._deontic(t)
                if t.lower_ == "unless" and t.dep_ == "mark" and t.head.dep_ == "advcl":
                    v = t.head.head
                    if self._negated(v) and v.lemma_.lower() not in lex.negated_acceptance:
                        self._conditional_refusal(v)
                if lemma in lex.demand_nouns and t.pos_ == "NOUN":
                    self._demand_noun(t)
                if lemma in lex.reject_predicates and t.dep_ in ("acomp", "attr"):
                    self._predicate(t, t.head)
            self._phrases(s)

    def _demand_verb(self, v: Token, frame: Frame) -> None:
        if not self._frame_ok(v, frame) or self._negated(v) or self._irrealis(v):
            return
        if v.dep_ == "pcomp" or (v.dep_ == "amod"):
            return
        sources = self._subject_actors(v)
        if not sources:
            return
        target = self._frame_target(v, frame) or self._verb_target(v)
        self._stance("demands", sources, target, v, 0.75)

    def _reject_verb(self, v: Token, frame: Frame) -> None:
        if not self._frame_ok(v, frame) or self._negated(v) or self._irrealis(v):
            return
        if v.dep_ in ("amod", "pcomp") or (v.dep_ == "acl" and v.tag_ == "VBN"):
            return
        sources = self._subject_actors(v)
        if not sources:
            return
        target = self._frame_target(v, frame) or self._verb_target(v)
        self._stance("rejects", sources, target, v, 0.8)

    def _negated_accept(self, v: Token) -> None:
        if not self._negated(v) or self._irrealis(v):
            return
        unless = self._unless(v)
        sources = self._subject_actors(v)
        if not sources:
            return
        if unless is not None:  # "will not agree unless X": a demand for X
            self._stance("demands", sources, self.topics.from_vp(unless), v, 0.65)
            return
        target = self._verb_target(v)
        self._stance("rejects", sources, target, v, 0.7)

    def _unless(self, v: Token) -> Token | None:
        return next(
            (
                c
                for c in v.children
                if c.dep_ == "advcl"
                and any(g.dep_ == "mark" and g.lower_ == "unless" for g in c.children)
            ),
            None,
        )

    def _conditional_refusal(self, v: Token) -> None:
        """ "X will not release the hostages unless Y": X demands Y."""
        unless = self._unless(v)
        if unless is None or self._irrealis(v):
            return
        sources = self._subject_actors(v)
        if sources:
            self._stance("demands", sources, self.topics.from_vp(unless), v, 0.6)

    def _insist(self, v: Token) -> None:
        """ "X maintained that any agreement is/must be Y": X demands Y."""
        if self._negated(v) or self._irrealis(v):
            return
        ccomp = next((c for c in v.children if c.dep_ == "ccomp"), None)
        if ccomp is None or self._deal_subject(ccomp) is None:
            return
        obj = next((c for c in ccomp.children if c.dep_ in ("attr", "dobj", "acomp")), None)
        if obj is None:
            return
        sources = self._subject_actors(v)
        if sources:
            self._stance("demands", sources, self._target_np(obj), v, 0.65)

    def _condition(self, v: Token) -> None:
        """ "for X to agree, Y would have to be made", "X will only accept if Y": X demands Y."""
        kids = list(v.children)
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in kids) and v.dep_ in (
            "advcl",
            "acl",
            "xcomp",
        ):
            subj = [c for c in kids if c.dep_ == "nsubj"]
            if not subj:
                return
            sources = [r for s in subj for r in self.resolve_np(s)]
            cur = v.head
            for _ in range(3):
                if self._has_modal(cur) or any(
                    c.dep_ == "aux" and c.lower_ in self.lex.modals for c in cur.children
                ):
                    break
                if cur.head is cur:
                    return
                cur = cur.head
            else:
                return
            subj2 = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj2 is None:
                return
            target = self._target_np(subj2)
            self._stance("demands", sources, target, v, 0.65)
            return
        if any(c.lower_ == "only" for c in kids):
            cond = next(
                (
                    c
                    for c in kids
                    if c.dep_ == "advcl"
                    and any(
                        g.dep_ == "mark" and g.lower_ in ("if", "once", "when", "after")
                        for g in c.children
                    )
                ),
                None,
            )
            if cond is not None and not self._negated(v):
                sources = self._subject_actors(v)
                self._stance("demands", sources, self.topics.from_vp(cond), v, 0.65)

    def _deontic(self, t: Token) -> None:
        """ "X said Y must withdraw": X demands that Y withdraw (Y is not X)."""
        clause = t.head if t.dep_ == "aux" else t
        if t.dep_ != "aux" and not self._has_modal(t):
            return
        if self._negated(clause) and t.lower_ != "must":
            return
        q = self._in_quote(clause.i)
        speech = clause.head if clause.dep_ == "ccomp" else None
        if speech is not None and speech.lemma_.lower() not in (
            self.lex.speech_verbs | self.lex.insist_verbs | {"conclude", "agree"}
        ):
            speech = None
        if speech is not None and speech.lemma_.lower() == "agree":
            return
        sources: list[Resolved]
        if speech is not None and self.quote_of[speech.i] < 0:
            if self._irrealis(speech):
                return
            sources = self._subject_actors(speech)
        elif (q is not None and q.principal) or (q is not None and q.speaker):
            if clause.dep_ not in ("ROOT", "ccomp", "conj"):
                return
            sources = [Resolved(q.speaker)] if q.speaker else []  # type: ignore[list-item]
        else:
            return
        if not sources:
            return
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return
        if subj.lemma_.lower() in self.lex.proposal_heads:
            obj = next((c for c in clause.children if c.dep_ in ("attr", "dobj", "acomp")), None)
            xc = next((c for c in clause.children if c.dep_ == "xcomp"), None)
            if obj is None and xc is not None:
                obj = next((c for c in xc.children if c.dep_ in ("attr", "dobj", "acomp")), None)
            if obj is not None:
                self._stance("demands", sources, self._target_np(obj), t, 0.6)
            return
        addressees = self.resolve_np(subj)
        if not addressees:
            return
        src = {self._stance_source(r.actor) for r in sources} | {r.actor for r in sources}
        if any(a.actor in src for a in addressees) or (
            subj.pos_ == "PRON" and subj.lower_ in FIRST_PLURAL | FIRST_SINGULAR
        ):
            return
        verb = clause
        if t.dep_ != "aux":
            verb = next((c for c in t.children if c.dep_ == "xcomp"), clause)
        self._stance("demands", sources, self.topics.from_vp(verb), t, 0.6)

    def _demand_noun(self, n: Token) -> None:
        """ "Israel issued a request to Hamas to release 40 hostages"."""
        if n.dep_ not in ("dobj", "pobj"):
            return
        verb = n.head if n.dep_ == "dobj" else None
        if verb is None or verb.lemma_.lower() not in self.lex.light_verbs:
            return
        if self._negated(verb) or self._irrealis(verb):
            return
        sources = self._subject_actors(verb)
        if not sources:
            return
        act = self._clause_of_noun(n)
        if act is not None:
            target: Topic | str | None = self.topics.from_vp(act)
        else:
            pobj = None
            for c in n.children:
                if c.dep_ == "prep" and c.lower_ in ("for", "on"):
                    pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is None:
                return
            target = self._target_np(pobj) if pobj.pos_ != "VERB" else self.topics.from_vp(pobj)
        self._stance("demands", sources, target, n, 0.75)

    def _predicate(self, pred: Token, cop: Token) -> None:
        """ "Our position on the text is negative", "X is out of the question"."""
        if cop.lemma_.lower() not in ("be", "remain") or self._irrealis(cop):
            return
        if self._negated(cop):
            return
        subj = next((c for c in cop.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is None:
            return
        sources: list[Resolved] = []
        target: Topic | str | None = None
        if subj.lemma_.lower() in self.lex.stance_nouns:
            for c in subj.children:
                if c.dep_ == "poss":
                    sources = self.resolve_np(c)
                if c.dep_ == "prep" and c.lower_ in ("on", "to", "toward", "towards", "regarding"):
                    obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if obj is not None:
                        target = self._target_np(obj)
        elif subj.dep_ == "csubj":
            target = self.topics.from_vp(subj)
        else:
            target = self._target_np(subj)
        if not sources:
            if (
                cop.dep_ == "ccomp"
                and cop.head.lemma_.lower() in self.lex.speech_verbs
                and (self.quote_of[cop.head.i] < 0)
            ):
                sources = self._subject_actors(cop.head)
            else:
                q = self._in_quote(cop.i) or self._in_quote(pred.i)
                if q is not None and q.speaker:
                    sources = [Resolved(q.principal or q.speaker)]
        if sources and target is not None:
            self._stance("rejects", sources, target, pred, 0.7)

    def _phrases(self, s: Span) -> None:
        low = [t.lower_ for t in s]
        for phrase in self.lex.reject_phrases:
            words = phrase.split()
            n = len(words)
            for i in range(len(low) - n + 1):
                if low[i : i + n] == words:
                    first = s[i]
                    cop = first.head if first.head.lemma_.lower() in ("be", "remain") else None
                    if cop is None and first.head.head.lemma_.lower() in ("be", "remain"):
                        cop = first.head.head
                    if cop is not None:
                        self._predicate(s[i + n - 1], cop)

    # ================================================================== mediation
    def _mediation(self) -> None:
        lex = self.lex
        for k, s in enumerate(self.sents):
            for t in s:
                lemma = t.lemma_.lower()
                if lemma in lex.channel_verbs and t.pos_ == "VERB":
                    self._channel(t, k)
                elif (t.lower_ in lex.mediator_nouns or lemma in lex.mediator_nouns) and t.pos_ in (
                    "NOUN",
                    "PROPN",
                ):
                    self._mediator_noun(t, k)
                elif lemma in lex.mediation_verbs and t.pos_ == "VERB":
                    self._mediation_verb(t, k)
                elif lemma in lex.mediation_nouns and t.pos_ == "NOUN":
                    self._mediation_noun(t, k)

    def _actors_in(self, tokens: Iterable[Token]) -> list[str]:
        out: list[str] = []
        for x in tokens:
            m = self.men[x.i]
            if m is None or x.i != m.start:
                continue
            r = self._from_mention(m, self.doc[m.start : m.end].root)
            if r is None and m.actor and m.kind == "demonym":
                r = Resolved(m.actor)
                self._use(m.actor, m.start, m.text)
            if r is not None and r.actor not in out:
                out.append(r.actor)
        return out

    def _between(self, t: Token) -> list[str]:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                return self._actors_in(c.subtree)
        return []

    def _emit_mediates(self, mediators: list[str], parties: list[str], k: int, conf: float) -> None:
        for m in mediators:
            for p in parties:
                if p not in mediators:
                    self._use(m, self.sents[k].start)
                    self._use(p, self.sents[k].start)
                    self._relation("mediates", m, p, k, conf)

    def _channel(self, v: Token, k: int) -> None:
        preps = [c for c in v.children if c.dep_ == "prep"]
        preps += [g for c in v.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep"]
        via = [c for c in preps if c.lower_ in self.lex.channel_preps]
        if not via:
            return
        mediators = self._actors_in(x for c in via for x in c.subtree)
        if not mediators:
            return
        parties = [r.actor for r in self._subject_actors(v)]
        related = [v, *v.conjuncts]
        for verb in related:
            for c in verb.children:
                if c.dep_ in ("prep", "dative") and c.lower_ in ("with", "to"):
                    parties.extend(self._actors_in(c.subtree))
                if c.dep_ == "dobj":
                    parties.extend(self._actors_in(c.subtree))
        parties = [p for p in dict.fromkeys(parties) if p not in mediators]
        self._emit_mediates(mediators, parties, k, 0.8)

    def _mediator_noun(self, n: Token, k: int) -> None:
        mods = [c for c in n.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        mods += [
            g
            for c in n.children
            if c.dep_ == "prep" and c.lower_ in ("from", "in", "of")
            for g in c.subtree
        ]
        mediators = self._actors_in(x for c in mods for x in c.subtree)
        for c in n.children:
            if c.dep_ == "appos":
                mediators += self._actors_in(c.subtree)
        parties = self._between(n)
        gov = n.head
        if gov.dep_ == "prep" and gov.lower_ == "as":
            gov = gov.head
        if (not mediators or n.dep_ == "attr" or n.head.lower_ == "as") and gov.pos_ in (
            "VERB",
            "AUX",
        ):  # "Egypt and Qatar served as intermediaries"
            mediators = mediators + [r.actor for r in self._subject_actors(gov)]
        if not parties and gov.pos_ in ("VERB", "AUX"):
            parties = self._between(gov)
            if not parties:
                skip = {x.i for x in n.subtree}
                parties = self._actors_in(
                    x
                    for c in gov.children
                    if c.i not in skip
                    and c.dep_ in ("dobj", "nsubj", "nsubjpass", "prep", "dative", "xcomp", "ccomp")
                    for x in c.subtree
                    if x.i not in skip
                )
        mediators = list(dict.fromkeys(mediators))
        parties = [p for p in parties if p not in mediators]
        self._emit_mediates(mediators, parties, k, 0.7)

    def _mediation_verb(self, v: Token, k: int) -> None:
        if self._negated(v) or self._irrealis(v):
            return
        mediators = [r.actor for r in self._subject_actors(v)]
        parties = self._between(v)
        for c in v.children:
            if c.dep_ == "dobj":
                parties += self._between(c) or []
        if v.dep_ == "acl" and v.head.pos_ == "NOUN":  # "a deal brokered by Egypt"
            parties += self._between(v.head)
        if not parties:
            return
        self._emit_mediates(mediators, parties, k, 0.75)

    def _mediation_noun(self, n: Token, k: int) -> None:
        parties = self._between(n)
        head = n
        if not parties and n.dep_ == "compound":
            head = n.head
            parties = self._between(head)
        if not parties:
            return
        mediators = self._modifier_actors(n) or self._modifier_actors(head)
        if not mediators:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    mediators = self._actors_in(c.subtree)
        if not mediators and head.dep_ == "dobj":
            mediators = [r.actor for r in self._subject_actors(head.head)]
        self._emit_mediates(mediators, parties, k, 0.7)


def _main_clause(v: Token) -> bool:
    """Whether a verb heads the sentence or a clause joined to it (not a subordinate one)."""
    for _ in range(6):
        if v.dep_ == "ROOT" or v.head is v:
            return True
        if v.dep_ not in ("conj", "ccomp"):
            return False
        v = v.head
    return False


def _tkey(title: str) -> str:
    return " ".join(name_key(title).split())


def _title_match(text_title: str, role_title: str) -> bool:
    a, b = _tkey(text_title), _tkey(role_title)
    return bool(a) and (a == b or a in b.split(" ") or b.endswith(a) or a.endswith(b))
