"""The ``mediates`` fallback: who mediates between whom, read loosely in a sentence a flagger
marks as mediation and in which the rules (:mod:`.mediation`) recorded none (issue 18m).

The mediator is found by construction, not by phrasing:

* a verb of mediating (any object) or of hosting, leading or arranging (talks or a deal only):
  its "by" agent, its subject in the active voice, the name hyphened to it ("UN-arranged") or
  right before it ("the Chinese brokered truce");
* a noun of mediating: its owner ("X's mediation", "the mediation of X", "mediation by X",
  "the Qatari mediation", "under the auspices of X", "with the coordination of X" where talks
  or a deal are named);
* a noun of a mediating role: the actor it describes ("X, the mediator,", "X acted as
  facilitator", "mediator X", "Qatari mediators", "mediators from X", "X played a mediating
  role", "in its role as chair of the talks", "the role of X in facilitating the exchange");
* a third party's part in talks between others ("X played a key role in the negotiations",
  "was instrumental in", "has been involved in") where the sentence also says mediating or
  hosting or calls X a third party, or a third party meeting both sides ("met the A and B
  negotiators separately"; "met A and B" only where they are the stated parties, or an envoy's
  inferred ones).

A party never mediates: one of the document's parties, a part or member of one, or an actor
the sentence calls a party ("Ethiopia, a party to the conflict,").

The sides are the ones the sentence names ("between A and B", "A's talks with B", "A and B
met"), else the document's parties (:mod:`.parties`) at a lower confidence; where the rules
found none, the two actors the document names most (lowest confidence). Nothing is read
for a side of the talks itself, an observer, whoever urges or thanks the mediators (only the
cue's own agent, subject or owner is read), a venue ("talks in Doha": no "in" phrase is read),
a cue negated, hoped for, offered, proposed or asked about (:meth:`.Mediation.not_asserted`,
:meth:`.DocContext.irrealis`, and any word above the cue), a deal or talks on another matter
than the negotiation's, a track that is over, or a meeting that is not the talks ("Norway
hosted a summit"). The word classes are ``data/fallback_mediates.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from actorgraph.ingest.extract import fallbacks
from actorgraph.ingest.extract.lexicon import DATA, Words, read_cue_file, title_key
from actorgraph.ingest.extract.mediation import Mediation
from actorgraph.ingest.extract.mediation_efforts import other_matter
from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.lexicon import Lexicon
    from actorgraph.ingest.extract.parties import Parties
    from spacy.tokens import Span, Token

CUES = DATA / "fallback_mediates.yaml"

#: confidence of a link: sides the sentence names, the document's (stated, inferred); below
#: the rules' (:data:`.mediation.IN_SENTENCE` and the rest)
IN_SENTENCE, IN_DOCUMENT, INFERRED = 0.5, 0.4, 0.35
#: confidence of a link to a side guessed from how often the document names it, and the
#: fewest sentences it must be named in
GUESSED, _SALIENT = 0.3, 3

_PASSIVE = ("auxpass", "nsubjpass")
#: clauses that share the subject of the verb they hang on ("X agreed to mediate", "X hosted
#: and chaired the talks", "X, which brokered the truce"): any other clause without a subject
#: of its own names no mediator by its governor's subject
_SHARED_SUBJECT = ("xcomp", "conj", "relcl", "advcl")
#: what a noun of mediating is owned by: "X's mediation", "the Qatari mediation"
_OWNER_DEPS = ("poss", "amod", "compound", "nmod")
#: the prepositions that name a noun's owner ("the mediation of X", "mediation by X", "the
#: mediators from X")
_OWNER_PREPS = frozenset({"of", "by", "from"})


class _Cues(BaseModel):
    model_config = ConfigDict(extra="forbid")

    verbs: Words = Field(default_factory=list)
    talk_verbs: Words = Field(default_factory=list)
    nouns: Words = Field(default_factory=list)
    talk_nouns: Words = Field(default_factory=list)
    roles: Words = Field(default_factory=list)
    talk_roles: Words = Field(default_factory=list)
    role_modifiers: Words = Field(default_factory=list)
    role_heads: Words = Field(default_factory=list)
    unsaid_nouns: Words = Field(default_factory=list)
    talks: Words = Field(default_factory=list)
    not_roles: Words = Field(default_factory=list)
    meeting_verbs: Words = Field(default_factory=list)
    apart: Words = Field(default_factory=list)
    leading: Words = Field(default_factory=list)
    doing_verbs: Words = Field(default_factory=list)
    taking_part: Words = Field(default_factory=list)
    meetings: Words = Field(default_factory=list)
    third_party: Words = Field(default_factory=list)
    party_nouns: Words = Field(default_factory=list)
    envoys: Words = Field(default_factory=list)


@dataclass(frozen=True)
class Cues:
    """The fallback's word classes, each joined with the lexicon's own where it has one."""

    verbs: frozenset[str]
    talk_verbs: frozenset[str]
    nouns: frozenset[str]
    talk_nouns: frozenset[str]
    roles: frozenset[str]
    talk_roles: frozenset[str]
    role_modifiers: frozenset[str]
    role_heads: frozenset[str]
    unsaid_nouns: frozenset[str]
    talks: frozenset[str]
    meeting_verbs: frozenset[str]
    apart: frozenset[str]
    leading: frozenset[str]
    doing_verbs: frozenset[str]
    taking_part: frozenset[str]
    meetings: frozenset[str]
    third_party: frozenset[str]
    party_nouns: frozenset[str]
    envoys: frozenset[str]


def load_cues(path: Path = CUES) -> _Cues:
    """The cue file, validated (an unknown key or a list that is not words is an error)."""
    return read_cue_file(path, _Cues, "the mediates fallback's cues")


@fallbacks.per_lexicon
def cues_for(lex: Lexicon) -> Cues:
    """The cue file's classes joined with the lexicon's mediation words (once a lexicon)."""
    c = load_cues()
    fs = frozenset
    return Cues(
        verbs=fs(c.verbs) | lex.mediation_verbs,
        talk_verbs=fs(c.talk_verbs) | lex.host_verbs | lex.leading_verbs,
        nouns=fs(c.nouns) | lex.mediation_nouns,
        talk_nouns=fs(c.talk_nouns),
        roles=(fs(c.roles) | lex.mediator_nouns) - fs(c.not_roles) - lex.guarantor_nouns,
        talk_roles=fs(c.talk_roles),
        role_modifiers=fs(c.role_modifiers),
        role_heads=fs(c.role_heads),
        unsaid_nouns=fs(c.unsaid_nouns),
        talks=fs(c.talks) | lex.talk_nouns | lex.deal_objects | lex.mandate_objects,
        meeting_verbs=fs(c.meeting_verbs),
        apart=fs(c.apart),
        leading=fs(c.leading) | lex.leading_verbs,
        doing_verbs=fs(c.doing_verbs) | lex.leading_verbs,
        taking_part=fs(c.taking_part),
        meetings=fs(c.meetings),
        third_party=fs(c.third_party),
        party_nouns=fs(c.party_nouns),
        envoys=fs(c.envoys),
    )


@fallbacks.register("mediates")
def read(ctx: DocContext, parties: Parties, sent: Span, k: int) -> None:
    """Records the mediation a flagged sentence expresses (see the module docstring)."""
    if ctx.asked(sent[0], turns=False):
        return
    reader = Reader(ctx, parties, cues_for(ctx.lex), k)
    for t in sent:
        reader.token(t)
    reader.emit()


class Reader:
    """One sentence's cues, their mediators and the sides."""

    def __init__(self, ctx: DocContext, parties: Parties, cues: Cues, k: int) -> None:
        self.ctx = ctx
        self.parties = parties
        self.cues = cues
        self.k = k
        self.m = Mediation(ctx, parties)  # the rules' helpers, not their run
        self.sent = ctx.sents[k]
        self.found: list[tuple[list[str], Token]] = []
        self.has_talks = any(self._talk_word(x) for x in self.sent)
        #: the sides a mediator was said to meet (see :meth:`_meets`)
        self.met_sides: list[str] = []

    # ------------------------------------------------------------------ cues
    def token(self, t: Token) -> None:
        c = self.cues
        lemma, low = t.lemma_.lower(), t.lower_
        if t.pos_ in ("VERB", "AUX") or t.tag_ == "VBN":
            if lemma in c.verbs or _participle(low, c.verbs):
                self._verb(t, talks_only=False)
            elif lemma in c.talk_verbs or _participle(low, c.talk_verbs):
                self._verb(t, talks_only=True)
            elif lemma in c.meeting_verbs:
                self._meets(t)
            return
        if t.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "behind") and self._talk_word(t):
            self._part_in(t.head)
        two = f"{t.doc[t.i - 1].lower_} {low}" if t.i > 0 else low
        words = {lemma, low, two}
        if words & c.nouns or (words & c.talk_nouns and self.has_talks):
            self._noun(t)
        elif words & c.roles and (not words & c.talk_roles or self._of_talks(t)):
            self._role(t)
        elif (
            low in c.role_modifiers
            and t.dep_ in ("amod", "compound")
            and t.head.lemma_.lower() in c.role_heads
        ):
            self._role(t.head)  # "played a mediating role"

    def _verb(self, v: Token, talks_only: bool) -> None:
        """ "X mediated", "a truce brokered by X", "talks arranged by X", "UN-led talks"."""
        ctx = self.ctx
        if self.unsaid(v):
            return
        governed = self.governed(v)
        if talks_only and not any(self._their_talks(g) for g in governed):
            return
        if any(self.other_matter(g) for g in governed) or self.m.past_rounds(v, governed):
            return  # "a summit on trade", "hosted the former rounds", "in 2020" (a track over)
        mediators: list[str] = []
        for c in v.children:
            if c.dep_ == "agent":
                mediators += [
                    r.actor
                    for o in c.children
                    if o.dep_ == "pobj"
                    for r in ctx.resolve.resolve_np(o)
                ]
        own = any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)
        if not mediators and not own:  # "the Chinese brokered truce", "UN-arranged talks"
            mediators = self.m.hyphened_actors(v) or self._named_before(v)
        if not mediators and not own and v.dep_ == "pcomp":
            mediators = self._role_in(v)  # "the role of X in brokering the truce"
        passive = any(c.dep_ in _PASSIVE for c in v.children) or v.dep_ in ("amod", "acl")
        if not mediators and not passive and (own or v.dep_ in _SHARED_SUBJECT):
            mediators = self.m.subject_actors(v)
        self._found(mediators, v)

    def _noun(self, n: Token) -> None:
        """ "X's mediation", "the mediation of X", "under the auspices of X"."""
        if self.unsaid(n):
            return
        owners = self._owners(n)
        head = n.head
        if not owners and n.dep_ == "dobj" and head.lemma_.lower() in self.cues.doing_verbs:
            owners = self.m.subject_actors(head)  # "X is leading the mediation"
        if not owners and n.dep_ in ("compound", "amod") and head.pos_ in ("NOUN", "PROPN"):
            # "the SADC facilitation team, led by X": the head's owner and who leads it
            owners = self._owners(head) + self._leaders(head)
        self._found(owners, n)

    def _role_in(self, v: Token) -> list[str]:
        """Who a gerund's role or effort noun is of: "the role of X in brokering the deal",
        "Qatar's efforts in facilitating the exchange", "X played a key role in hosting the
        talks" (the subject of a verb of holding a role)."""
        prep = v.head
        noun = prep.head
        if prep.dep_ != "prep":
            return []
        heads = self.cues.role_heads | self.ctx.lex.effort_nouns
        if noun.pos_ in ("VERB", "AUX"):  # "acknowledged the role of X in brokering", with
            # "in" hung on the verb
            noun = next(
                (c for c in noun.children if c.dep_ == "dobj" and c.lemma_.lower() in heads), noun
            )
        of = noun.head
        if noun.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in heads:
            # "the role of X in brokering", with "in" hung on X
            return [r.actor for r in self.ctx.resolve.resolve_np(noun)]
        return self._role_holders(noun) if noun.lemma_.lower() in heads else []

    def _role_holders(self, noun: Token) -> list[str]:
        """Whose role or effort a noun is: its owner ("the role of X", "Qatar's efforts"), else
        the subject of the verb that holds it ("X played a key role")."""
        owners = self._owners(noun)
        verb = noun.head
        if owners or noun.dep_ != "dobj" or verb.lemma_.lower() not in self.ctx.lex.role_verbs:
            return owners
        return [] if self.unsaid(verb) else self.m.subject_actors(verb)

    def _part_in(self, prep: Token) -> None:
        """A third party's part in talks: "X played a key role in the negotiations between A
        and B", "X was instrumental in the talks", "X has been involved in the negotiations"
        (the sides being others: a side of the talks is dropped where links are made)."""
        head = prep.head
        lemma = head.lemma_.lower()
        talks = [o for o in prep.children if o.dep_ == "pobj"]
        if any(c.dep_ == "prep" and c.lower_ == "with" for t in talks for c in t.children):
            return  # "X was engaged in talks with B": X is a side
        if not self._third_party():
            return  # "X played a key role in the talks": a side's part as much as a mediator's
        if head.pos_ in ("NOUN", "PROPN"):
            if lemma in self.cues.role_heads and not self.unsaid(head):
                self._found(self._role_holders(head), head)
        elif lemma in self.cues.taking_part and not self.unsaid(head):
            pred = head.head if head.dep_ in ("acomp", "attr") else head  # "was instrumental"
            subjects = [c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")]
            found = [r.actor for c in subjects for r in self.ctx.resolve.resolve_np(c)]
            self._found(found or self.m.subject_actors(pred), head)

    def _third_party(self) -> bool:
        """Whether the sentence says a third party is at work, besides taking part: a word of
        mediating or hosting, a mediating role, or "a third party" ("X was involved in the
        talks" alone is said of a side as much as of a mediator)."""
        c = self.cues
        words = c.verbs | c.talk_verbs | c.nouns | c.roles | c.third_party
        for t in self.sent:
            two = f"{t.doc[t.i - 1].lower_} {t.lower_}" if t.i > 0 else t.lower_
            if {t.lemma_.lower(), t.lower_, two} & words:
                return True
        return False

    def _leaders(self, n: Token) -> list[str]:
        """Who leads a team a participle on it names: "a team led by X", "headed by X"."""
        return [
            r.actor
            for v in n.children
            if v.dep_ == "acl" and v.lemma_.lower() in self.cues.leading
            for a in v.children
            if a.dep_ == "agent"
            for o in a.children
            if o.dep_ == "pobj"
            for r in self.ctx.resolve.resolve_np(o)
        ]

    def _meets(self, v: Token) -> None:
        """A third party meeting the two sides: "X met the A and B negotiators separately",
        "X received both delegations", "X met A and B" where they are the document's stated
        parties (or X is an envoy: inferred ones will do); not one side meeting the other, nor a
        party's man meeting others, nor a meeting of others."""
        ctx = self.ctx
        if self.unsaid(v):
            return
        met = [c for c in v.children if c.dep_ == "dobj"]
        met += [
            g
            for c in v.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        sides: list[str] = []
        for o in met:
            if self.parties.is_pair_phrase(o):
                sides = list(ctx.parties)
                break
            sides = self.parties.actors(x for h in (o, *o.conjuncts) for x in h.subtree)
            if len(sides) >= 2:
                break
        apart = any(c.lower_ in self.cues.apart for c in v.children)
        # without "separately" or "both", two parties met say nothing of who met them only if
        # the parties were stated: ones inferred may come from this very sentence
        # an envoy's office vouches for parties inferred
        parties = set(sides) <= set(ctx.parties)
        said = parties and (ctx.parties_stated or self._envoy_meets(v))
        if len(sides) < 2 or not (apart or said):
            return
        mediators = [
            a
            for a in self.m.principals(self.m.subject_actors(v))
            if a not in sides and not self._a_party(a)
        ]
        if mediators:
            self.met_sides = sides
            self._found(mediators, v)

    def _envoy_meets(self, v: Token) -> bool:
        """Whether who meets is described as an envoy or a mediator ("the UN envoy X met A and
        B officials"): one whose office is between sides, unlike a party's leader."""
        words = self.cues.envoys | self.cues.roles
        if any(
            x.lemma_.lower() in words or x.lower_ in words
            for c in v.children
            if c.dep_ == "nsubj"
            for x in c.subtree
        ):
            return True
        titles = (  # "he met ...", the document having called him the envoy
            sf.title for a in self.m.subject_actors(v) if (sf := self.ctx.principal.get(a))
        )
        return any(set(title_key(t).split()) & words for t in titles if t)

    def _owners(self, n: Token) -> list[str]:
        """Who a noun is of: its possessor, demonym or name modifier, and the actor named by
        its "of", "by" or "from" phrase ("the mediation of X"; not "the facilitator of the
        process between A and B", whose object names no one but the talks)."""
        ctx = self.ctx
        res = ctx.resolve
        out = res.actors_in(x for c in n.children if c.dep_ in _OWNER_DEPS for x in c.subtree)
        for c in n.children:
            if c.dep_ not in ("prep", "agent") or c.lower_ not in _OWNER_PREPS:
                continue
            for o in c.children:
                if o.dep_ == "pobj" and ctx.men[o.i] is not None:
                    out += [r.actor for r in res.resolve_np(o) if r.actor not in out]
        return out

    def _role(self, n: Token) -> None:
        """ "X, the mediator,", "X acted as facilitator", "mediator X", "Qatari mediators",
        "X played a mediating role"."""
        if self.unsaid(n):
            return
        res = self.ctx.resolve
        holders = self._owners(n)  # "Qatari mediators", "the mediators from X", "its role"
        for c in n.children:
            if c.dep_ == "appos":  # "the mediator, X,"
                holders += [r.actor for r in res.resolve_np(c)]
        if n.dep_ == "appos":  # "X, the mediator,"
            holders += [r.actor for r in res.resolve_np(n.head)]
        if n.dep_ == "compound" and n.head.pos_ == "PROPN":  # "mediator X"
            holders += [r.actor for r in res.resolve_np(n.head)]
        if not holders:
            holders = self._role_subject(n)
        self._found(holders, n)

    def _role_subject(self, n: Token) -> list[str]:
        """Who holds a role said of them: "X is the mediator", "X acted as facilitator",
        "X played a mediating role", "accepted a mandate to act as facilitator" (the subject
        of the verb the infinitive belongs to), "in its role as host" (the role's owner)."""
        lex = self.ctx.lex
        gov = n.head
        as_role = gov.dep_ == "prep" and gov.lower_ == "as"
        if as_role:
            gov = gov.head
        elif n.dep_ == "dobj" and gov.lemma_.lower() in lex.role_verbs:
            pass  # "played a mediating role"
        elif n.dep_ not in ("attr", "oprd"):
            return []
        if gov.pos_ in ("NOUN", "PROPN"):  # "in its role as chair": the role's owner
            return self._owners(gov) if gov.lemma_.lower() in self.cues.role_heads else []
        for _ in range(3):
            found = self.m.subject_actors(gov)
            if found:
                return found
            up = gov.head  # "a mandate to act as": the verb whose object the clause is on
            if gov.dep_ in ("relcl", "acl") and up.dep_ in ("dobj", "attr"):
                up = up.head
            if gov.dep_ not in ("xcomp", "relcl", "acl", "advcl", "conj") or up.i == gov.i:
                return []
            gov = up
        return []

    # ------------------------------------------------------------------ guards
    def unsaid(self, t: Token) -> bool:
        """Negated, offered, hoped for, asked of someone, proposed, refused, or a past attempt:
        on the cue or on any word above it ("Ethiopia rejects the AU playing a role in
        overseeing the talks", "at no point was there any proposal for mediation")."""
        ctx = self.ctx
        if ctx.negated(t) or ctx.irrealis(t):
            return True
        if not _reported_future(t, ctx.lex.speech_verbs) and self.m.not_asserted(t):
            return True
        words = ctx.lex.mediation_not_asserted
        cur = t
        while cur.head.i != cur.i:
            cur = cur.head
            lemma = cur.lemma_.lower()
            if cur.pos_ in ("VERB", "AUX") and lemma in words:
                return True
            if cur.pos_ == "NOUN" and lemma in self.cues.unsaid_nouns:
                return True
            if ctx.negated(cur) or any(_no_phrase(c) for c in cur.children):
                return True
        return False

    def governed(self, v: Token) -> list[Token]:
        """What a verb acts on: its object, its passive subject, the noun it modifies."""
        out = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
        if v.dep_ in ("amod", "acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN"):
            out.append(v.head)
        out += [  # "hosted a round of talks", "led the second phase of negotiations"
            g
            for o in list(out)
            for c in o.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        return out

    def _talk_word(self, t: Token) -> bool:
        return t.pos_ in ("NOUN", "PROPN") and (
            t.lemma_.lower() in self.cues.talks or t.lower_ in self.cues.talks
        )

    def _their_talks(self, t: Token) -> bool:
        """Talks or a deal; a meeting of any kind (`meetings`) only where it names its sides
        or is a definite one ("hosted the signing between A and B", "hosted the meeting"; not
        "Norway hosted a summit")."""
        if not self._talk_word(t):
            return False
        if t.lemma_.lower() not in self.cues.meetings and t.lower_ not in self.cues.meetings:
            return True
        return any(
            (c.dep_ == "prep" and c.lower_ in ("between", "with"))
            or (c.dep_ == "det" and c.lower_ in ("the", "this", "these", "their"))
            or c.dep_ == "poss"
            for c in t.children
        )

    def _of_talks(self, role: Token) -> bool:
        """A role of talks only ("host"): in a sentence that names talks, and not the role of
        something else ("Ghana, host of the football cup,")."""
        objects = [
            o
            for c in role.children
            if c.dep_ == "prep" and c.lower_ in ("of", "to", "for")
            for o in c.children
            if o.dep_ == "pobj"
        ]
        return self.has_talks and all(self._talk_word(o) for o in objects)

    def other_matter(self, g: Token) -> bool:
        """A deal or talks on another matter than the negotiation's: "a trade deal", "an
        agreement on grain exports", "a summit on trade"."""
        lex = self.ctx.lex
        if g.lemma_.lower() in lex.deal_objects or g.lower_ in lex.deal_objects:
            return other_matter(self.m, g)
        return any(
            x.lemma_.lower() in lex.deal_matters
            for c in g.children
            if c.dep_ in ("compound", "amod")
            or (c.dep_ == "prep" and c.lower_ in ("on", "about", "over"))
            for x in c.subtree
        )

    def _named_before(self, v: Token) -> list[str]:
        """ "the Chinese brokered truce": the demonym or name right before a participle."""
        if v.tag_ not in ("VBN", "VBD") or v.i == 0:
            return []
        m = self.ctx.men[v.i - 1]
        if m is None or m.end != v.i or not m.actor:
            return []
        return [m.actor]  # a demonym too: it names the doer, not a description

    # ------------------------------------------------------------------ sides
    def _sides_here(self) -> list[str]:
        """The sides the sentence names: "between A and B", "A's talks with B", "A and B met"."""
        for x in self.sent:
            if x.dep_ == "prep" and x.lower_ == "between":
                # also as the parser hung the list: "between the government of A and B"
                found = self.parties.between(x, resolve=True) or self.parties.actors(
                    t for t in x.subtree if t.i > x.i and not _placed(t, x)
                )
                if len(found) >= 2:
                    return found
        for x in self.sent:
            if self._talk_word(x):
                found = self._talks_with(x)
                if len(found) >= 2:
                    return found
        for x in self.sent:  # "A and B met", "A and B signed the truce"
            if x.pos_ in ("VERB", "AUX") and x.lemma_.lower() in self._party_verbs:
                found = self._joined_subject(x)
                if len(found) >= 2:
                    return found
        # the sides the stated pairs were read from ("the A-B talks")
        found = list(self.parties.sides_in.get(self.k, ()))
        return sorted(found) if len(found) >= 2 else []

    @property
    def _party_verbs(self) -> frozenset[str]:
        lex = self.ctx.lex
        return lex.party_verbs | lex.meeting_verbs | lex.through_verbs

    def _joined_subject(self, v: Token) -> list[str]:
        """The actors of a verb's subject of two or more joined names ("A and B")."""
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.conjuncts:
                heads = [c, *c.conjuncts]
                return self.parties.actors(
                    x for h in heads for x in h.subtree if not _placed(x, h) and x.dep_ != "conj"
                )
        return []

    def _talks_with(self, noun: Token) -> list[str]:
        """ "A's talks with B", "the A-B talks", "talks with B" (one side)."""
        ctx = self.ctx
        owners = ctx.resolve.actors_in(
            x for c in noun.children if c.dep_ in ("poss", "compound", "amod") for x in c.subtree
        )
        others = ctx.resolve.actors_in(
            x
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for o in c.children
            if o.dep_ == "pobj"
            for h in (o, *o.conjuncts)
            for x in h.subtree
        )
        return self.parties.principals(dict.fromkeys([*owners, *others]))

    def _found(self, mediators: list[str], cue: Token) -> None:
        mediators = self.m.off_the_dateline(self.m.principals(mediators), self.k)
        if mediators:
            self.found.append((mediators, cue))

    def _a_party(self, actor: str) -> bool:
        """Whether an actor is one of the document's parties (stated or inferred), belongs to
        one (a party's leader, a party's wing), or is described as a party in the sentence
        ("Ethiopia, a party to the conflict,", "X, a signatory of the deal,")."""
        ctx = self.ctx
        if actor in ctx.parties:
            return True
        sf = ctx.principal.get(actor)
        if sf is not None and sf.target in ctx.parties:
            return True
        return any(
            t.dep_ == "appos"
            and t.lemma_.lower() in self.cues.party_nouns
            and not self._third(t)
            and actor in {r.actor for r in ctx.resolve.resolve_np(t.head)}
            for t in self.sent
        )

    def _third(self, noun: Token) -> bool:
        """ "a third party", "a neutral party": a party noun that names an outsider."""
        third = self.cues.third_party
        return any(
            c.lower_ in third or f"{c.lower_} {noun.lower_}" in third
            for c in noun.children
            if c.dep_ in ("amod", "compound", "nummod")
        )

    # ------------------------------------------------------------------ links
    def emit(self) -> None:
        if not self.found:
            return
        ctx = self.ctx
        mediators = {m for found, _ in self.found for m in found}
        # whom the rules found mediating in the document is no side here either ("Cairo and
        # Doha will coordinate with the US in their efforts": the US's co-mediators; issue-21M)
        named = [
            p
            for p in self.met_sides or self._sides_here()
            if p not in self.parties.mediators or p in self.ctx.parties
        ]
        links = [(p, IN_SENTENCE) for p in named]
        if len(named) < 2:
            # the document's sides, but no organ of a mediator's own body ("the UN Security
            # Council" when the UN's envoy mediates; issue-20M)
            bodies = mediators | {sf.target for m in mediators if (sf := ctx.principal.get(m))}
            links += [
                (p, c)
                for p, c in self._document_sides(mediators)
                if p not in named and not self.parties.part_of_any(p, bodies)
            ]
        start = self.sent.start
        for found, _cue in self.found:
            for m in found:
                if m in named or m in ctx.observers or self._a_party(m):
                    continue  # a side of the talks, or one who only watches them
                for p, conf in links:
                    if p in found:
                        continue
                    ctx.use(m, start)
                    ctx.use(p, start)
                    ctx.out.relation("mediates", m, p, self.k, conf)

    def _document_sides(self, mediators: set[str]) -> list[tuple[str, float]]:
        """The document's parties; where the rules found none, the two actors it names in the
        most sentences (not people, mediators or observers), at the lowest confidence."""
        ctx = self.ctx
        if ctx.parties:
            conf = IN_DOCUMENT if ctx.parties_stated else INFERRED
            return [(p, conf) for p in ctx.parties]
        senders = {sf.target for m in mediators if (sf := ctx.principal.get(m)) is not None}
        # nor whom the rules found mediating elsewhere in the document, nor their parts
        # ("talks mediated by the AU" ... "its envoy X": the AU is no side; issue-21M)
        known = self.parties.mediators | senders
        seen = dict.fromkeys(m.actor for m in ctx.mentions if m.actor)
        ranked = sorted(
            (
                a
                for a in seen
                if a not in mediators
                and a not in known
                and not self.parties.part_of_any(a, known)
                and a not in ctx.observers
                and ctx.type_of(a) != "person"
            ),
            key=lambda a: -self.parties.salience(a),
        )
        return [(p, GUESSED) for p in ranked[:2] if self.parties.salience(p) >= _SALIENT]


def _reported_future(t: Token, speech: frozenset[str]) -> bool:
    """A future told in the past: "announced that his country would host the talks" (the
    clause's "would" is the announcement's tense, not a hedge)."""
    return (
        t.dep_ == "ccomp"
        and t.head.lemma_.lower() in speech
        and t.head.tag_ in ("VBD", "VBN")
        and any(c.dep_ == "aux" and c.lower_ == "would" for c in t.children)
    )


def _placed(t: Token, top: Token) -> bool:
    """Whether ``t`` sits in a phrase below ``top`` other than an "of" phrase ("between A
    and B in Doha": Doha only locates)."""
    cur = t
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ != "of":
            return True
        cur = cur.head
    return False


def _no_phrase(c: Token) -> bool:
    """ "at no point", "in no way": a phrase that negates the clause it is on."""
    return c.dep_ == "prep" and any(
        g.dep_ == "pobj" and any(d.lower_ == "no" for d in g.children) for g in c.children
    )


def _participle(low: str, verbs: frozenset[str]) -> bool:
    """ "brokered", "mediated", "hosting" (tagged as adjectives or nouns)."""
    if low.endswith("ing"):
        return low[:-3] in verbs or low[:-3] + "e" in verbs
    return low.endswith("ed") and (low[:-1] in verbs or low[:-2] in verbs)
