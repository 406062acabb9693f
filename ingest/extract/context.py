"""What one document knows about itself, shared by every rule family.

A :class:`DocContext` holds the parsed document with its indexes (sentence of each token,
mentions, role titles, quotes), the actors seen so far with how they were named, the roles
found (``speaks_for``, who holds which title here), the topics, and the records the families
produce (:class:`Records`). Resolving a phrase to actors (names, pronouns, role descriptions,
organs, groups) lives in :mod:`.coref`; the negotiation's parties in :mod:`.parties`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from actorgraph.ingest.extract.boilerplate import boilerplate_spans
from actorgraph.ingest.extract.coref import Resolver
from actorgraph.ingest.extract.dates import infer_date
from actorgraph.ingest.extract.lexicon import FUTURE_AUXILIARIES, title_key
from actorgraph.ingest.extract.mentions import (
    Mention,
    find_mentions,
    find_titles,
    locative,
    travelled_between,
)
from actorgraph.ingest.extract.normalize import clean_surface
from actorgraph.ingest.extract.outlets import reporting_outlets
from actorgraph.ingest.extract.records import Records
from actorgraph.ingest.extract.titles import title_score
from actorgraph.ingest.extract.tokens import doc_text, span_root
from actorgraph.ingest.extract.topics import INTERVIEWER, TopicTable
from spacy.tokens import Doc, Span, Token

if TYPE_CHECKING:
    from actorgraph.ingest.extract.dictionary import ActorDictionary, Role
    from actorgraph.ingest.extract.lexicon import Lexicon
    from actorgraph.ingest.extract.mentions import Matchers

CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "acl", "pcomp", "relcl", "csubj"})
HEDGES = frozenset({"may", "might", "could"})
#: dependencies of a word that describes its head ("Tigrayan forces", "a European diplomat")
ADJECTIVE_DEPS = frozenset({"amod", "compound", "nmod"})


@dataclass
class Quote:
    """A span in quotation marks: content tokens ``[start, end)`` and characters."""

    start: int
    end: int
    char_start: int
    char_end: int
    verb: Token | None = None
    speaker: str | None = None
    principal: str | None = None
    statement: str | None = None
    #: a few quoted words inside a clause (scare quotes, titles, a quoted phrase)
    embedded: bool = False


@dataclass
class SpeaksFor:
    source: str
    target: str
    title: str
    sent: int
    confidence: float
    role: Role | None = None
    #: the origin its relation carries when not the rules' (a fallback's, :mod:`.fallbacks`)
    origin: str | None = None


@dataclass
class Result:
    """What a document yields: its actors in order of appearance, topics, records."""

    actors: list[str] = field(default_factory=list)
    topics: list[Any] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    surfaces: dict[str, set[str]] = field(default_factory=dict)


class DocContext:
    """One parsed document and everything the rules learn about it."""

    def __init__(
        self,
        doc: Doc,
        doc_id: str,
        published: date | None,
        dictionary: ActorDictionary,
        lexicon: Lexicon,
        matchers: Matchers,
        origin: str,
        outlet: str | None = None,
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)  # computed on each access by spaCy: keep it
        self.doc_id = doc_id
        #: the date the input gives (records carry it)
        self.published = published
        #: the date roles are read on: the given one, else one the text states (``dates``)
        self.when = published or infer_date(self.text)
        self.date_inferred = published is None and self.when is not None
        self.dict = dictionary
        self.lex = lexicon
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
        self.boilerplate = boilerplate_spans(self.text)
        self.mentions = find_mentions(
            doc, matchers, dictionary, self.titles, self.when, self.boilerplate
        )
        self.men: list[Mention | None] = [None] * n
        for m in self.mentions:
            for i in range(m.start, m.end):
                self.men[i] = m
        self.journalists: set[str] = set()
        self.outlets: set[str] = set()
        self.outlet_at: set[int] = set()
        self.first_seen: dict[str, int] = {}
        self.surfaces: dict[str, set[str]] = {}
        self._quiet = 0
        self._described: dict[str, set[str]] | None = None
        self.journalists = self._journalists()
        #: outlets named only as reporting the news: no actors, no speakers
        self.outlets, self.outlet_at = reporting_outlets(doc, self.mentions, lexicon, outlet)
        for m in self.mentions:  # the reporter is no actor of the story (see ``use``)
            if m.salient and m.actor and m.start not in self.outlet_at:
                self.use(m.actor, m.start, m.text)
        self.quote_of = [-1] * n
        self.quotes: list[Quote] = []
        self.speaks: dict[tuple[str, str], SpeaksFor] = {}
        self.principal: dict[str, SpeaksFor] = {}
        self.role_index: dict[str, str] = {}
        self.topics = TopicTable(lexicon, self.owner_of)
        self.out = Records(self, origin)
        #: the parties of the negotiation the document is about (see :mod:`.parties`)
        self.parties: list[str] = []
        self.parties_stated = False
        #: actors named as mediators (a first look, before mediation runs): "the
        #: government" is none of them
        self.mediator_hints: set[str] = set()
        #: actors named as observers or guarantors: never a side (see :mod:`.parties`)
        self.observers: set[str] = set()
        self.resolve = Resolver(self)

    # ------------------------------------------------------------------ actors
    @contextmanager
    def quietly(self) -> Iterator[None]:
        """Resolve phrases without counting their actors as the document's (to look ahead)."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def use(
        self, actor: str, token_i: int, surface: str | None = None, *, speaker: bool = False
    ) -> None:
        """Count an actor as one of the document's, first seen at ``token_i`` (a reporter of
        the story only as the ``speaker`` of a statement: "columnist X wrote that ...")."""
        if self._quiet or (actor in self.journalists and not speaker) or actor in self.outlets:
            return
        if actor not in self.first_seen or token_i < self.first_seen[actor]:
            self.first_seen[actor] = token_i
        if surface:
            s = clean_surface(surface)
            if s:
                self.surfaces.setdefault(actor, set()).add(s)

    def _journalists(self) -> set[str]:
        """The people the document describes as its reporters ("our correspondent X", "X, the
        presenter", "PRESENTER (X)", "reporter X"): no actors, and their lines no statements."""
        doc = self.doc
        out: set[str] = set()
        for m in self.mentions:
            if not m.actor or self.type_of(m.actor) != "person" or m.start == 0:
                continue
            root = span_root(doc, m.start, m.end)
            before = doc[m.start - 1]
            if before.text == "(" and m.start > 1:  # "PRESENTER (Hannah Cole)"
                before = doc[m.start - 2]
            near = [before]
            near += [c for c in root.children if c.dep_ in ("appos", "compound")]
            if root.dep_ == "appos":
                near.append(root.head)
            if any(x.lower_ in self.lex.journalists for x in near):
                out.add(m.actor)
        return out

    def described_heads(self) -> dict[str, set[str]]:
        """The nouns the document describes each actor with in apposition ("the Unitary
        Platform, Venezuela's main opposition coalition" -> coalition)."""
        if self._described is None:
            self._described = {}
            for m in self.mentions:
                if not m.actor:
                    continue
                root = span_root(self.doc, m.start, m.end)
                nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
                if root.dep_ == "appos" and root.head.pos_ == "NOUN":
                    nouns.append(root.head)
                for n in nouns:
                    self._described.setdefault(m.actor, set()).add(n.lower_)
        return self._described

    def type_of(self, actor: str) -> str:
        e = self.dict.entries.get(actor)
        return e.type if e else "organization"

    def new_actor_for(self, m: Mention) -> str | None:
        """The actor of an unknown GPE or NORP mention (created on first use); none for an
        outlet where it reports ("Fana and EBC reported", issue 15a)."""
        if m.actor is None and m.start in self.outlet_at:
            return None
        if m.actor is None and m.kind == "norp":
            # "the Renamo spokesperson" after "Renamo, the main opposition party": a name the
            # document gave an organization is that organization, not a people (issue 14o)
            m.actor = (
                self._named_alike(m)
                or self.demonym_of_named(m.text)
                or self.dict.lookup(clean_surface(m.text))
            )
            root = span_root(self.doc, m.start, m.end)
            if m.actor is None and root.dep_ in ADJECTIVE_DEPS:
                governed = self._regional_government(root)
                if governed is None:
                    return None  # "Tigrayan forces": a demonym that describes is no actor
                m.actor = self.dict.new_actor(governed, "organization")
                return m.actor
        if (
            m.actor is None
            and m.kind == "gpe"
            and (locative(self.doc, m) or travelled_between(self.doc, m))
        ):
            return None  # "talks in Jeddah", "shuttled between Port Sudan and Jeddah": places
        if m.actor is None and m.kind in ("gpe", "norp"):
            m.actor = self.dict.new_actor(
                clean_surface(m.text), "state" if m.kind == "gpe" else "organization"
            )
        return m.actor

    def _regional_government(self, t: Token) -> str | None:
        """The name of the government a demonym no state has describes, where "the" and a
        noun of `speech.regional_governments` follow it ("the Tigrayan government", "the
        Transnistrian authorities": a body of its own, issue 21S); None for "Tigrayan
        forces", "Western governments" (no singular government), "a Kurdish official"."""
        head = t.head
        if head.i <= t.i or head.lower_ not in self.lex.regional_governments:
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        if any(self.men[c.i] is not None for c in head.children if c.i != t.i):
            return None  # "the Tigrayan regional Amhara government": not one body
        return clean_surface(f"{t.text} {head.text}")

    def _named_alike(self, m: Mention) -> str | None:
        """The organization another mention of the same words names ("Renamo" that the model
        read as a name in one sentence and as a nationality in another)."""
        key = clean_surface(m.text).lower()
        for mm in self.mentions:
            if mm is m or not mm.actor or mm.place or mm.kind not in ("name", "org"):
                continue
            if clean_surface(mm.text).lower() == key and self.type_of(mm.actor) == "organization":
                return mm.actor
        return None

    def demonym_of_named(self, word: str) -> str | None:
        """The actor the document names whose name an unknown demonym is made from
        ("Transnistrian" after "Transnistria", "Kenyan" after "Kenya")."""
        w = clean_surface(word).lower()
        if " " in w or len(w) < 5:
            return None
        for mm in self.mentions:
            if mm.kind in ("gpe", "norp"):
                name = clean_surface(mm.text).lower()  # a place the dictionary does not know
            elif mm.actor and mm.kind in ("name", "metonym") and not mm.place:
                entry = self.dict.entries[mm.actor]
                name = entry.name.lower()
                if entry.type == "person" and (entry.origin != "new" or " " in name):
                    continue
            else:
                continue
            if w.endswith("s") or " " in name or not 4 <= len(name) < len(w):
                continue  # "Democrats" is no demonym of "Democrat"
            if w.startswith(name[:-1]):
                named = self.dict.entries.get(mm.actor or "")
                if named is not None and named.type == "person":
                    # "Transnistria ... the Transnistrian side": NER's one-word "person"
                    named.type = "organization"
                if mm.actor is None:
                    kind = "state" if mm.kind == "gpe" else "organization"
                    mm.actor = self.dict.new_actor(clean_surface(mm.text), kind)
                return mm.actor
        return None

    def keep_actors(self, keep: set[str]) -> None:
        """Count only these actors as the document's (see :mod:`.acting`)."""
        self.first_seen = {a: i for a, i in self.first_seen.items() if a in keep}

    def result(self) -> Result:
        """What the document yields; the context is done with after this. The references
        back to it are cut, so that no reference cycle keeps the Doc (large, and outside what
        the garbage collector counts) alive until a full collection."""
        actors = sorted(self.first_seen, key=lambda a: self.first_seen[a])
        self._government_forms()
        self.topics.release()
        out = self.out
        # a topic is yielded only as the target of a relation: one whose stance was dropped
        # (vacuous, disowned, a general appeal) names nothing anyone demanded or rejected
        targets = {r.get("target") for r in out.relations}
        topics = [t for t in self.topics.used if t.id in targets]
        result = Result(actors, topics, out.statements, out.relations, self.surfaces)
        out.release()
        self.resolve.release()
        return result

    def _government_forms(self) -> None:
        """The document's names of a state's government are forms of the state ("the Sudanese
        government", "Yemen's government", "the government of Eritrea"): its surfaces, so its
        aliases (issue 14o; a state's bodies of their own, see ``institutions``, are not)."""
        doc, words = self.doc, self.lex.government_nouns
        for m in self.mentions:
            if m.actor not in self.first_seen or self.type_of(m.actor) != "state":
                continue
            root = span_root(doc, m.start, m.end)
            head, start = root.head, m.start
            if root.dep_ == "pobj" and head.lower_ == "of" and head.head.i < root.i:
                head, start = head.head, head.head.i  # "the government of Eritrea"
            elif root.dep_ not in ADJECTIVE_DEPS | {"poss"} or head.i < root.i:
                continue
            nxt = doc[m.end] if m.end < len(doc) else None
            if (  # "the Myanmar junta leader": the form before the noun it describes
                nxt is not None
                and nxt.dep_ == "compound"
                and nxt.head.i == head.i
                and nxt.lemma_.lower() in words
            ):
                head = nxt
            if head.lemma_.lower() not in words or head.tag_ not in ("NN", "NNP"):
                continue
            if head.i > 0 and f"{doc[head.i - 1].lower_} {head.lower_}" in self.lex.institutions:
                continue  # "Egypt's foreign ministry": a body of its own (issue 15a)
            if self.men[head.i] is not None:
                continue  # "Libya's Government of National Accord": a name of its own
            end = max(head.i, m.end - 1) + 1
            self.surfaces.setdefault(m.actor, set()).add(clean_surface(doc[start:end].text))

    # ------------------------------------------------------------------ text
    def sent_span(self, k: int) -> tuple[str, int, int]:
        """Sentence ``k`` without surrounding space: text, start and end characters."""
        s = self.sents[k]
        text = self.text
        a, b = s.start_char, s.end_char
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        return text[a:b], a, b

    def in_quote(self, i: int) -> Quote | None:
        q = self.quote_of[i]
        return self.quotes[q] if q >= 0 else None

    def mentions_in(self, s: Span) -> list[Mention]:
        out, last = [], None
        for i in range(s.start, s.end):
            m = self.men[i]
            if m is not None and m is not last:
                out.append(m)
                last = m
        return out

    def owner_of(self, head: Token) -> str | None:
        """The actor a phrase belongs to: "Hamas's proposal", "an Indian proposal"."""
        for c in head.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod"):
                m = self.men[c.i]
                if m is not None and m.actor:
                    return m.actor
        return None

    # ------------------------------------------------------------------ assertion
    def asked(self, t: Token, turns: bool = True, quoted: bool = False) -> bool:
        """A question ("Did Qatar say that the talks would resume?", "Is Egypt still brokering
        the talks?") or, with ``turns``, an interviewer's turn ("Q: The minister told reporters
        that ..."): what the sentence of ``t`` says is put to someone, not asserted. A question
        mark inside a quotation ends a question someone is quoted asking, not the sentence's,
        unless ``quoted`` (a stance inside a quoted question is asked, not taken)."""
        sent = self.sents[self.sent_of[t.i]]
        last = next((x for x in reversed(sent) if not x.is_space), None)
        if last is not None and last.text == "?" and (quoted or self.quote_of[last.i] < 0):
            return True
        if not turns:
            return False
        return INTERVIEWER.match(self.text, self.text.rfind("\n", 0, t.idx) + 1) is not None

    def asserted(self, v: Token, quoted: bool = False) -> bool:
        """The word is told as so: not negated, not hedged or conditional (:meth:`irrealis`)
        and not put as a question (:meth:`asked`, ``quoted`` as there)."""
        return not (self.negated(v) or self.irrealis(v) or self.asked(v, quoted=quoted))

    @staticmethod
    def negated(v: Token) -> bool:
        """A negation on the word, or on the copula of a predicate ("is not opposed")."""
        if any(c.dep_ == "neg" or c.lower_ in ("never", "no") for c in v.children):
            return True
        return v.dep_ in ("acomp", "attr") and any(
            c.dep_ == "neg" or c.lower_ == "never" for c in v.head.children
        )

    def irrealis(self, v: Token) -> bool:
        """A cue that is not asserted: conditional, hedged, or wanted/demanded of someone."""
        if any(c.dep_ == "aux" and c.lower_ in HEDGES for c in v.children):
            return True
        cur = v
        for _ in range(8):
            if any(c.dep_ == "mark" and c.lower_ in self.lex.irrealis_marks for c in cur.children):
                return True
            if cur.dep_ == "conj":
                cur = cur.head
                continue
            if cur.dep_ not in CLAUSE_DEPS or cur.head.i == cur.i:
                return False
            if cur.dep_ == "advcl" and _contrasted(cur):
                return False  # "X wanted to talk, while Y had called for Z": Y's own clause
            head = cur.head
            lemma = head.lemma_.lower()
            if (
                lemma in self.lex.irrealis_governors
                and head.pos_ in ("VERB", "AUX")
                and not (cur.dep_ == "advcl" and cur.tag_ == "VBG")
                and not _own_commitment(cur, head, self.lex.insist_verbs)
            ):  # not the speaker's own aside: "urged Israel to stop, warning that ..."
                return True
            if cur.dep_ == "advcl" and lemma in self.lex.protests:  # "marched to demand"
                return True
            if cur.dep_ == "advcl" and any(  # "held a sit-in to demand", "organised a rally"
                c.dep_ == "dobj"
                and (c.lemma_.lower() in self.lex.protests or c.lower_ in self.lex.protest_nouns)
                for c in head.children
            ):
                return True
            cur = head
        return False

    def has_modal(self, v: Token) -> bool:
        """must/should/ought on the verb, or "have to"/"need to"."""
        for c in v.children:
            if c.dep_ == "aux" and c.lower_ in self.lex.modals:
                return True
        return v.lemma_.lower() in self.lex.necessity and any(
            c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children) for c in v.children
        )

    # ------------------------------------------------------------------ roles
    def register_role(self, title: str, actor: str, org: str | None = None) -> None:
        """Remember who holds a title here, for "the secretary said" later on."""
        key = title_key(title)
        words = key.split(" of ")[0].split()
        keys = [key, words[-1]] if words else []
        # descriptions that stand for this title: "the general" for a chief of staff
        keys += [d for d, titles in self.lex.role_descriptions.items() if key in titles]
        for k in keys:
            self.role_index.setdefault(k, actor)
            if org:
                self.role_index.setdefault(f"{k}@{org}", actor)

    def add_speaks(
        self,
        source: str,
        target: str,
        title: str,
        sent: int,
        confidence: float,
        role: Role | None = None,
        origin: str | None = None,
    ) -> None:
        if source == target or (source, target) in self.speaks:
            return
        sf = SpeaksFor(source, target, title, sent, confidence, role, origin)
        self.speaks[(source, target)] = sf
        self.principal.setdefault(source, sf)

    @property
    def role_confidence(self) -> float:
        """How much a role read from the dictionary is worth on this document's date: less on
        a date read from the text, least with no date (the newest roles)."""
        if self.published is not None:
            return 1.0
        return 0.85 if self.when is not None else 0.7

    def roles_now(self, actor: str) -> list[Role]:
        """The actor's dictionary roles on the document's date; with no date, the newest role
        in each actor it holds roles in."""
        if self.when is not None:
            return self.dict.roles_at(actor, self.when)
        newest: dict[str, Role] = {}
        for r in self.dict.roles_at(actor, None):
            have = newest.get(r.of)
            if have is None or (r.start or date.min) > (have.start or date.min):
                newest[r.of] = r
        return list(newest.values())

    def holder(self, title: str, org: str, at: int) -> str | None:
        """Who holds a title of an actor: this document first, then the dictionary on the
        document's date ("the Qatari prime minister"); with no date, the newest holder."""
        key = title_key(title)
        hit = self.role_index.get(f"{key}@{org}")
        if hit or key in self.lex.anonymous:
            return hit
        best: dict[str, tuple[int, date, Role]] = {}
        # the actor's own offices, and those of its parts ("the Palestinian prime minister"
        # holds an office of the Palestinian Authority, which governs Palestine)
        parts = [a for a, _ in self.dict.holders(org) if self.type_of(a) != "person"]
        pairs = [*self.dict.holders(org), *(p for part in parts for p in self.dict.holders(part))]
        for aid, role in pairs:
            if self.type_of(aid) != "person":
                continue
            if self.when is not None and not role.valid(self.when):
                continue
            score = title_score(title, role.title, self.lex)
            if score == 0 or (score == 1 and not self._posting_named(role.title)):
                continue
            rank = (score, role.start or date.min)
            have = best.get(aid)
            if have is None or rank > have[:2]:
                best[aid] = (score, role.start or date.min, role)
        if not best:
            return None
        top = max(v[0] for v in best.values())
        cands = {a: v for a, v in best.items() if v[0] == top}
        if len(cands) > 1 and self.when is None:  # undated: the newest of the holders
            newest = max(v[1] for v in cands.values())
            cands = {a: v for a, v in cands.items() if v[1] == newest}
        if len(cands) != 1:
            return None
        hit, (_, _, role) = next(iter(cands.items()))
        self.register_role(title, hit, org)
        self.add_speaks(
            hit, role.of, role.title, self.sent_of[at], 0.7 * self.role_confidence, role
        )
        return hit

    def _posting_named(self, role_title: str) -> bool:
        """Whether the posting a role's title names ("Ambassador to the United Nations",
        "Special Envoy for Sudan") is named in this document, or the title names none: a bare
        "the US ambassador" is one of the state's many ambassadors, the one to the UN only
        where the text names the UN (issue 24K)."""
        words = role_title.split()
        at = next((i for i, w in enumerate(words) if w.lower() in ("to", "for", "at")), None)
        if at is None or at + 1 >= len(words):
            return True
        posting = " ".join(w for w in words[at + 1 :] if w.lower() != "the")
        if posting.lower() in self.text.lower():
            return True
        actor = self.dict.lookup(posting)
        return actor is not None and any(m.actor == actor for m in self.mentions)

    def holder_anywhere(self, title: str, at: int) -> str | None:
        """The one person whose role title is exactly ``title`` ("CIA director") on the
        document's date, in whatever actor the role is."""
        hits: dict[str, Role] = {}
        for entry in self.dict.entries.values():
            for role in entry.roles:
                if self.when is not None and not role.valid(self.when):
                    continue
                if title_score(title, role.title, None) == 4:
                    hits[entry.id] = role
        if len(hits) != 1:
            return None
        hit, role = next(iter(hits.items()))
        conf = 0.7 * self.role_confidence
        self.add_speaks(hit, role.of, role.title, self.sent_of[at], conf, role)
        return hit

    def stance_source(self, actor: str, _seen: frozenset[str] = frozenset()) -> str:
        """What an office holder (a president, a spokesperson, a negotiator) demands or
        rejects, the state or organization they speak for does; a title in the lexicon's
        ``own_voice`` keeps the stance personal (none by default). A state's voice (the
        lexicon's ``voices``: its foreign ministry) speaks for its state."""
        sf = self.principal.get(actor)
        if sf is None:
            return self._voiced_state(actor, _seen)  # "Egypt's foreign ministry demanded": Egypt
        if sf.title and title_key(sf.title) in self.lex.own_voice:
            return actor
        return self._voiced_state(sf.target, _seen)  # its spokesman's too

    def _voiced_state(self, actor: str, seen: frozenset[str] = frozenset()) -> str:
        """The state a body is the voice of (its foreign ministry), else the actor itself. A
        person's office holds what its person would; ``seen`` stops a ring of offices and
        principals (a person whose principal is their own office) at the actor itself."""
        body = self.dict.body_of(actor)
        if body is not None and body[1] in self.lex.person_bodies:
            if actor in seen:
                return actor
            # "Erdogan's office": what Erdogan's would be
            return self.stance_source(body[0], seen | {actor})
        return body[0] if body is not None and body[1] in self.lex.voices else actor


#: the future of a clause one commits oneself to ("insisted it would never disarm")
#: subjects that stand for whoever insists (a pronoun, not another actor named anew)
_SELF_PRONOUNS = frozenset({"it", "we", "i", "he", "she", "they"})


def _own_commitment(clause: Token, head: Token, insisting: frozenset[str]) -> bool:
    """ "Hamas insisted it would never disarm": a clause under a verb of insisting whose
    subject is a pronoun and whose verb is in the future is the insister's own commitment,
    asserted (not "insisted that Israel withdraw", a demand of someone else)."""
    if head.lemma_.lower() not in insisting or clause.dep_ != "ccomp":
        return False
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subj is not None
        and subj.lower_ in _SELF_PRONOUNS
        and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in clause.children)
    )


#: marks of a clause set against another with a subject of its own (issue-17d)
CONTRAST_MARKS = frozenset({"while", "whereas"})


def _contrasted(clause: Token) -> bool:
    """ "Thailand wanted to negotiate bilaterally, while Cambodia had called for X": a clause
    of contrast with its own subject is asserted on its own, not wanted by the clause above."""
    return any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in clause.children) and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in clause.children
    )
