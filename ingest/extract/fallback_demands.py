"""The ``demands`` fallback: a looser reading of a sentence the flagger marks for demands and
in which the rules recorded no demand (see :mod:`.fallbacks`).

The rules ask for exact phrasings; here a construction of wanting will do, read by its grammar,
never by the words of one article (the word classes: ``data/fallback_demands.yaml``):

- a verb of wanting, asking, conditioning or urging ("hopes the deal will secure a halt to X",
  "was waiting for the government to release the prisoners", "requesting to speak without
  mediators"): its holder demands its object or complement, named by the rules' topic
  machinery. The holder is the subject, a passive's agent, the body a nameless role heads
  ("the chair of the opposition's team urged"), the owner of a text ("a declaration adopted by
  the AU calls for"), the subject above a verb the parser conjoined to another clause, or the
  one whose words the clause is;
- a demand noun with an owner ("For Eritrea, X remains a precondition");
- a clause with "must", "should", "have to" or "need to" in someone's words ("X said the junta
  must hand over power"): the speaker demands it of the subject;
- a side's own step on a condition another is to meet ("peace is only possible if Russia
  agrees to A and B").

Nothing when the cue is negated, hedged, a question, attributed by someone else ("accused the
opposition of seeking X") or asks the holder itself ("urged Hamas to ..." is no demand of
Hamas); nothing for no content (a general appeal, an actor alone, a pointer, one's own plan).
The rules' near misses in the bank hold here too (the lexicon's frames, background demand
nouns). A holder must already be one of the document's actors. Relations go through
:meth:`.records.Records.stance` (a spokesperson's stance is the body's) with the fallback's
origin and a confidence below the rules'.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from actorgraph.ingest.extract import fallbacks
from actorgraph.ingest.extract.coref import FIRST_PLURAL, FIRST_SINGULAR
from actorgraph.ingest.extract.demand_verbs import NEEDED_MEANS
from actorgraph.ingest.extract.lexicon import FUTURE_AUXILIARIES, Words, read_cue_file
from actorgraph.ingest.extract.records import Resolved
from actorgraph.ingest.extract.stance_rules import denied_subject
from actorgraph.ingest.extract.stances import Stances
from actorgraph.ingest.extract.tokens import plural_base
from actorgraph.ingest.extract.topic_spans import contentless_act
from actorgraph.ingest.extract.topics import Topic
from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.lexicon import Lexicon
    from actorgraph.ingest.extract.parties import Parties
    from spacy.tokens import Span, Token

DATA = Path(__file__).parent / "data" / "fallback_demands.yaml"

#: the fallback's confidence (the rules give 0.6-0.75)
CONFIDENCE = 0.45

#: how a holder found as the body a role heads is marked (:meth:`LooseDemands._role_owner`)
ROLE_OWNER = "role-owner"

#: what makes a clause name its content: an object, a complement, a prepositional phrase
CONTENT_DEPS = frozenset({"dobj", "prep", "xcomp", "ccomp", "attr", "acomp", "prt", "dative"})
#: objects that point elsewhere and name nothing here ("must stop this")
VACUOUS_OBJECTS = frozenset({"this", "that", "these", "those", "it", "them", "so"})


class Cues(BaseModel):
    """The word classes of ``data/fallback_demands.yaml`` (see the file's comments)."""

    model_config = ConfigDict(extra="forbid")
    verbs: Words
    own_act_verbs: Words = Field(default_factory=list)
    needs: dict[str, Words] = Field(default_factory=dict)
    others_act_only: Words = Field(default_factory=list)
    wishing: Words = Field(default_factory=list)
    nouns: Words
    conditional_predicates: Words = Field(default_factory=list)
    heading_roles: Words = Field(default_factory=list)
    position_nouns: Words = Field(default_factory=list)
    outcome_verbs: Words = Field(default_factory=list)
    attributing: Words = Field(default_factory=list)


def load_cues(path: Path = DATA) -> Cues:
    """The fallback's cue file, validated (one error naming the file and field)."""
    cues = read_cue_file(path, Cues, "the demands fallback's cues")
    stray = sorted(
        (set(cues.own_act_verbs) | set(cues.needs) | set(cues.others_act_only) | set(cues.wishing))
        - set(cues.verbs)
    )
    if stray:
        raise ValueError(f"{path}: restrictions on words that are no cue verbs: {stray}")
    return cues


@fallbacks.per_lexicon
def cues_for(lex: Lexicon) -> Cues:
    """The cue file, read once a lexicon (its words join none of the lexicon's)."""
    return load_cues()


class LooseDemands(Stances):
    """The looser demand reading of one flagged sentence (with the rules' helpers of both
    stance families: a retention is a rejection, not a demand)."""

    def __init__(self, ctx: DocContext, cues: Cues) -> None:
        super().__init__(ctx)
        self.cues = cues
        #: the stances found, recorded once the sentence is read (it is read quietly: an
        #: actor a phrase names counts as the document's only when it holds a stance)
        self._found: list[tuple[list[Resolved], list[Topic | str], Token]] = []

    def read(self, sent: Span) -> None:
        """Read the sentence, then record what it holds."""
        ctx = self.ctx
        if ctx.asked(sent.root, quoted=True):
            return
        ctx.resolve.stance_sources = True  # "the government insisted": the state's stance
        try:
            with ctx.quietly():
                self._read(sent)
            for sources, topics, cue in self._found:
                self._emit("demands", sources, topics, cue, CONFIDENCE)
        finally:
            ctx.resolve.stance_sources = False

    def _read(self, sent: Span) -> None:
        """Each cue of the sentence to its construction."""
        ctx = self.ctx
        for t in sent:
            lemma = t.lemma_.lower()
            if t.pos_ == "VERB" and self._lemma(t) in self.cues.verbs:
                self._verb(t)
            elif t.pos_ == "NOUN" and lemma in self.cues.nouns:
                self._noun(t)
            elif t.dep_ == "advcl" and _marked(t, "if"):
                self._conditional(t)
            elif t.dep_ == "aux" and t.lower_ in ctx.lex.modals:
                self._deontic_clause(t.head)
            elif lemma in ctx.lex.necessity and t.pos_ in ("VERB", "AUX"):
                self._necessity(t)

    def _necessity(self, t: Token) -> None:
        """ "have to" or "need to" with their infinitive ("the rebels have to disarm")."""
        act = next((c for c in t.children if c.dep_ == "xcomp"), None)
        if act is not None and self.ctx.has_modal(t):
            self._deontic_clause(act, modal=t)

    def _lemma(self, v: Token) -> str:
        """A verb's lemma; a cue's third person where the lemmatizer missed it ("hopes" read
        as "hop")."""
        lemma = v.lemma_.lower()
        base = plural_base(v) if v.tag_ == "VBZ" else None
        return base if lemma not in self.cues.verbs and base in self.cues.verbs else lemma

    # ------------------------------------------------------------------ checks
    def _unasserted(self, v: Token) -> bool:
        """Negated, hypothetical, or attributed by someone else ("accused X of seeking")."""
        ctx = self.ctx
        if ctx.negated(v) or ctx.irrealis(v):
            return True
        cur = v
        for _ in range(6):
            if cur.head.i == cur.i:
                return False
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() in self.cues.attributing:
                return True
        return False

    def _holders(self, v: Token) -> list[Resolved]:
        """Who holds what a verb wants: its subject (through conjunctions, control and
        participles), else the one whose words the clause is."""
        ctx = self.ctx
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
            # "was asked by X to ...": the agent, or nobody
            agent = next((c for c in v.children if c.dep_ == "agent"), None)
            objs = [g for g in agent.children if g.dep_ == "pobj"] if agent is not None else []
            return [r for o in objs for r in ctx.resolve.resolve_np(o)]
        found = ctx.resolve.subject_actors(v)
        if found:
            return found
        subjects = ctx.resolve.subjects(v)
        if v.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in v.children):
            # "He said the use of force would fail and called on X to ...": hung on the wrong
            # verb, the nearest subject above that names an actor
            return self._conjoined_holder(v)
        if subjects:
            # "the chair of the opposition's negotiating team urged ...": the owner of a role
            # named in the subject, else nobody (a subject that is no actor, "the talks need
            # X", is not the speaker's)
            return [r for s in subjects for r in self._role_owner(s) or self._text_owner(s)]
        top = v
        while top.dep_ in ("conj", "xcomp", "advcl") and top.head.i != top.i:
            top = top.head
        return self._judges(top)

    def _conjoined_holder(self, v: Token) -> list[Resolved]:
        """The subject actors of the nearest verb above a conjoined verb that has them."""
        ctx = self.ctx
        cur = v
        for _ in range(4):
            if cur.head.i == cur.i or cur.dep_ not in ("conj", "ccomp"):
                return []
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                found = ctx.resolve.subject_actors(cur)
                if found:
                    return [] if ctx.irrealis(cur) or ctx.negated(cur) else found
        return []

    def _role_owner(self, subj: Token) -> list[Resolved]:
        """The body a role without a name heads ("the chair of the opposition's team",
        "the rebels' negotiator")."""
        ctx = self.ctx
        if subj.lemma_.lower() not in self.cues.heading_roles or ctx.men[subj.i] is not None:
            return []
        owner = self._owner_of_role(subj)
        if owner is not None:
            return [Resolved(owner, via=ROLE_OWNER)]
        for c in subj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ != "pobj":
                        continue
                    with ctx.quietly():
                        found = ctx.resolve.resolve_np(g, pronouns=False)
                    if found:
                        return [Resolved(r.actor, via=ROLE_OWNER) for r in found]
                    owner = self._owner_of_role(g)
                    if owner is not None:
                        return [Resolved(owner, via=ROLE_OWNER)]
        return []

    def _text_owner(self, subj: Token) -> list[Resolved]:
        """Whose text a text that asks is ("a resolution adopted by the council demands",
        "the Hamas proposal calls for"): the agent of its participle, or its owner named."""
        ctx = self.ctx
        lex = ctx.lex
        if subj.lemma_.lower() not in lex.adopted_texts | lex.carriers | lex.demand_plans:
            return []
        owner = ctx.owner_of(subj)
        if owner is not None:
            return [Resolved(owner)]
        return [
            r
            for c in subj.children
            if c.dep_ == "acl" and c.tag_ == "VBN"
            for a in c.children
            if a.dep_ == "agent"
            for o in a.children
            if o.dep_ == "pobj"
            for r in ctx.resolve.resolve_np(o)
        ]

    def _record(self, sources: list[Resolved], targets: list[Topic | str], cue: Token) -> None:
        """Keep for recording, without the actors the cue asks (a demand made to X is not
        X's), with holders the document already counts as actors ("Residents of Gaza waited
        for aid" makes no actor of the residents; the body a role heads may be new: "the chair
        of the opposition's team") and with topics only (an actor alone is no demand)."""
        asked = self._addressees(cue)
        ctx = self.ctx
        known = ctx.first_seen  # the document's actors so far: the fallback makes none
        sources = [
            r
            for r in sources
            if r.actor not in asked
            and ctx.stance_source(r.actor) not in asked
            and (r.actor in known or ctx.stance_source(r.actor) in known or r.via == ROLE_OWNER)
        ]
        topics: list[Topic | str] = [x for x in targets if isinstance(x, Topic)]
        if sources and topics:
            self._found.append((sources, topics, cue))

    # ------------------------------------------------------------------ verbs
    def _verb(self, v: Token) -> None:
        ctx = self.ctx
        lemma = self._lemma(v)
        needs = self.cues.needs.get(lemma)
        if needs is not None and not self._has_need(v, needs):
            return
        if self._other_sense(v):
            return  # "called up its reservists for the offensive" (issue-20D)
        if lemma in self.cues.others_act_only:
            if not self._others_act(v):
                return
        elif lemma in ctx.lex.demand_verbs and not self.t.frame_ok(v, ctx.lex.demand_verbs[lemma]):
            return  # what the lexicon says the verb needs ("proposed a joint study": no step)
        if self.retained(v) is not None:
            return  # "insisted on keeping its enrichment capacity": a refusal to give it up
        if self._unasserted(v) or any(denied_subject(s) for s in ctx.resolve.subjects(v)):
            return  # "neither Egypt nor Turkey was pressing Hamas to ..."
        sources = self._holders(v)
        if not sources:
            return
        self._record(sources, self._wanted_of(v, sources), v)

    def _has_need(self, v: Token, needs: list[str]) -> bool:
        """Whether a verb has one of the prepositions it needs (not of a time: "called on
        Monday"), or an infinitive where it takes one ("to")."""
        if "to" in needs and (
            self.t.actor_to_act(v) is not None
            or any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in v.children)
        ):
            return True
        return any(_opened_by(c, needs) for c in v.children)

    def _others_act(self, v: Token) -> bool:
        """Whether a verb asks someone else to act: an object with an infinitive, or a
        clause with a subject of its own."""
        if self.t.actor_to_act(v) is not None:
            return True
        return any(
            c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            for c in v.children
        )

    def _wanted_of(self, v: Token, sources: list[Resolved]) -> list[Topic | str]:
        """What a verb of wanting asks for."""
        ctx = self.ctx
        lemma = self._lemma(v)
        if v.dep_ == "csubj" and any(c.dep_ == "dobj" and c.tag_ == "WP" for c in v.children):
            # "What Moscow wants is recognition of X": what the copula names
            named = next((c for c in v.head.children if c.dep_ in ("attr", "acomp")), None)
            return self._items(named) if named is not None and ctx.men[named.i] is None else []
        clause = next(
            (c for c in v.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None
        )
        if clause is not None:
            return self._hoped_clause(clause, sources)
        own = next(
            (
                c
                for c in v.children
                if c.dep_ == "xcomp"
                and c.pos_ == "VERB"
                and not any(o.dep_ == "dobj" and o.i < c.i for o in v.children)
            ),
            None,
        )
        won = next((c for c in own.children if c.dep_ == "dobj"), None) if own else None
        if (
            own is not None
            and won is not None
            and own.lemma_.lower() in self.cues.outcome_verbs
            and won.lemma_.lower() not in ctx.lex.hostilities  # "to bring the war to X"
        ):
            return self._object_items(own, won)  # "aims to secure the release of X": X
        if own is not None and lemma in self.cues.own_act_verbs:
            return []  # "wants to expand the offensive", "wants to negotiate": its own plan
        urged = self.t.actor_to_act(v) or own
        if urged is not None and contentless_act(urged, ctx.lex):
            return []  # "urged the two sides to keep talking"
        dobj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if dobj is not None and dobj.lemma_.lower() in ctx.lex.general_appeals | NEEDED_MEANS:
            return []  # "urged restraint", "needs more time"
        return self._for_to(v) or self.t.of_verb(v, allow_actor=False)

    def _for_to(self, v: Token) -> list[Topic | str]:
        """ "calls for Sudan's army to reopen the crossing" with the infinitive hung on the
        verb: the act, with who is to do it when that is no actor of its own."""
        ctx = self.ctx
        prep = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        who = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
        act = next(
            (
                c
                for c in v.children
                if c.dep_ in ("advcl", "xcomp")
                and c.pos_ == "VERB"
                and who is not None
                and c.i > who.i
                and not any(g.dep_ in ("nsubj", "mark") for g in c.children)
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            ),
            None,
        )
        if act is None or who is None:
            return []
        agent = who if ctx.men[who.i] is None and who.pos_ != "PRON" else None
        return self.t.and_conjoined(_one(ctx.topics.from_vp(act, agent=agent)), act)

    def _hoped_clause(self, clause: Token, sources: list[Resolved]) -> list[Topic | str]:
        """ "hopes the deal will secure a halt to X and Y": X and Y; "expects that Venezuela
        will respect Z": the act; nothing when the clause's subject is the holder ("hopes it
        will win": its own plan)."""
        ctx = self.ctx
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        lemma = self._lemma(clause.head)
        if subj is None or not (lemma in self.cues.wishing or self._wished(clause)):
            return []  # "insists the talks are indirect": told, not asked
        if _marked(clause, "whether") or _marked(clause, "if"):
            return []  # "asked whether the crossing must be reopened": a question
        if subj.pos_ == "PRON" and subj.lower_ in FIRST_PLURAL | FIRST_SINGULAR:
            return []
        doers = ctx.resolve.resolve_np(subj)
        if subj.pos_ == "PRON" and not doers:
            return []  # "we want it finished": what "it" is was said elsewhere
        ours = {ctx.stance_source(r.actor) for r in sources}
        if any(ctx.stance_source(r.actor) in ours for r in doers):
            return []
        if any({r.actor, ctx.stance_source(r.actor)} & ctx.mediator_hints for r in doers):
            return []  # "hope the envoy will succeed in his mission": no side asked
        obj = next((c for c in clause.children if c.dep_ == "dobj"), None)
        if clause.lemma_.lower() in self.cues.outcome_verbs and obj is not None:
            return self._object_items(clause, obj)
        agent = subj if not doers and subj.pos_ != "PRON" else None
        return self.t.and_conjoined(_one(ctx.topics.from_vp(clause, agent=agent)), clause)

    def _object_items(self, clause: Token, obj: Token) -> list[Topic | str]:
        """The object of a verb of outcome, one target per item; "secure a halt to the
        strikes and the release of X" with "to ..." hung on the verb: the halt with it."""
        topics = self.ctx.topics
        prep = next(
            (c for c in clause.children if c.dep_ == "prep" and c.i == obj.right_edge.i + 1), None
        )
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
        if prep is None or pobj is None or any(c.dep_ == "prep" for c in obj.children):
            return self.t.nps(obj)
        own = [t for t in topics.np_tokens(pobj) if t.i <= pobj.i]  # without its conjuncts
        first = topics.from_tokens([*topics.np_tokens(obj), prep, *own])
        rest = [x for c in pobj.conjuncts if c.i > pobj.i for x in self.t.nps(c)]
        return [*_one(first), *rest]

    def _items(self, obj: Token) -> list[Topic | str]:
        """A phrase as targets, or the items it names ("key steps, including a ceasefire and
        a prisoner swap": the ceasefire and the swap)."""
        listed = [
            g
            for c in obj.children
            if c.dep_ == "prep" and c.lower_ in ("including", "notably")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        return [x for g in listed[:1] for x in self.t.nps(g)] or self.t.nps(obj)

    def _wished(self, clause: Token) -> bool:
        """A clause that asks rather than tells: with a modal or a future, or in the
        subjunctive ("that the army withdraw")."""
        if self.ctx.has_modal(clause) or self.t.subjunctive(clause):
            return True
        return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in clause.children)

    def _has_content(self, clause: Token) -> bool:
        """Whether a clause names what is asked: an object or complement that is no
        pronoun ("stop this" says nothing); a bare act ("the rebels must disarm first") is
        the rules' to read."""
        kids = [c for c in clause.children if c.dep_ in CONTENT_DEPS]
        if any(c.pos_ == "PRON" or c.lower_ in VACUOUS_OBJECTS for c in kids):
            return False
        return bool(kids)

    # ------------------------------------------------------------------ nouns
    def _noun(self, n: Token) -> None:
        """A demand noun with an owner: what it asks for."""
        ctx = self.ctx
        if any(c.dep_ == "det" and c.lower_ == "no" for c in n.children) or ctx.negated(n):
            return
        gov = n.head.head if n.dep_ == "pobj" else n.head
        if gov.pos_ in ("VERB", "AUX") and self._unasserted(gov) and gov.i != n.i:
            return
        if self._background(n) and not self._standing_demand(n):
            return  # "was studying Israel's demand for X", "dropped its demand for X"
        sources = self._noun_owners(n)
        if not sources and n.dep_ == "dobj" and n.head.lemma_.lower() in ctx.lex.light_verbs:
            sources = ctx.resolve.subject_actors(n.head)  # "made a request"
        if not sources and n.dep_ == "attr":
            sources = self._for_whom(n.head)  # "For Eritrea, X remains a precondition"
        if not sources:
            return
        self._record(sources, self._asked_by_noun(n), n)

    def _asked_by_noun(self, n: Token) -> list[Topic | str]:
        """ "demands for A and B", "a request to stop over", "the condition that X", "the
        main demands of X were A": the content, never the noun alone."""
        ctx = self.ctx
        act = self.t.clause_of_noun(n)
        if act is not None:
            return self.t.and_conjoined(_one(ctx.topics.from_vp(act)), act)
        if n.dep_ == "attr" and n.head.lemma_.lower() in self.ctx.lex.copulas:
            subj = next((c for c in n.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and ctx.men[subj.i] is None and subj.pos_ != "PRON":
                return self.t.nps(subj)  # "the demarcation of the border remains a condition"

        for c in n.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "on"):
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                asked = self._asked_act(obj) if obj is not None else None
                if asked is not None:  # "a demand for the government to release X"
                    return _one(ctx.topics.from_vp(asked))
                if obj is not None and ctx.men[obj.i] is None:
                    return self._items(obj) if obj.pos_ != "VERB" else _one(ctx.topics.from_vp(obj))
        if n.dep_ in ("nsubj", "nsubjpass") and n.head.lemma_.lower() in ("be", "include"):
            attr = next((c for c in n.head.children if c.dep_ in ("attr", "dobj")), None)
            if attr is not None and ctx.men[attr.i] is None:
                return self.t.nps(attr)
        return []

    def _for_whom(self, verb: Token) -> list[Resolved]:
        """The actor a fronted "for" names ("For Eritrea, X remains a precondition")."""
        ctx = self.ctx
        return [
            r
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "for" and c.i < verb.i
            for o in c.children
            if o.dep_ == "pobj"
            for r in ctx.resolve.resolve_np(o)
        ]

    # ------------------------------------------------------------------ conditions
    def _conditional(self, cond: Token) -> None:
        """ "we will agree to work with X if it agrees to Y", "peace is only possible if
        Russia agrees to A and B": a side's own step on a condition another is to meet
        demands what the condition asks."""
        ctx = self.ctx
        step = cond.head
        if step.pos_ == "ADJ" and step.dep_ == "acomp":
            step = step.head  # "peace is only possible if ..."
        lex = ctx.lex
        lemma = step.lemma_.lower()
        pred = next(
            (c for c in step.children if c.dep_ == "acomp"),
            step if step.pos_ == "ADJ" else None,
        )
        own = lemma in lex.agree_verbs or (
            pred is not None and pred.lower_ in self.cues.conditional_predicates
        )
        if not own or ctx.negated(step) or ctx.negated(cond) or ctx.asked(step):
            return
        if _counterfactual(step) or _counterfactual(cond):
            return  # "would have withdrawn if Hamas had released them": past, not asked
        if any(x.lemma_.lower() in lex.hostilities for x in step.subtree if x.i < cond.i):
            return  # "will return to war if X": a threat
        if pred is not None and step.lemma_.lower() == "be":
            sources = self._judges(step)
            subj = next((c for c in step.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ != "PRON" and ctx.men[subj.i] is None:
                pass  # "peace is only possible if": the speaker's
            else:
                sources = ctx.resolve.subject_actors(step) or sources
        else:
            top = step  # "is ready to sign the accord if ...": the subject of "is"
            while top.dep_ in ("xcomp", "acomp") and top.head.i != top.i:
                top = top.head
            sources = ctx.resolve.subject_actors(top)
        if not sources or self._unasserted(step):
            return
        who = next((c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if who is None:
            return
        with ctx.quietly():
            doers = ctx.resolve.resolve_np(who)
        ours = {ctx.stance_source(r.actor) for r in sources}
        if not doers or any(ctx.stance_source(r.actor) in ours for r in doers):
            return  # "if it gets X": its own gain; "if things calm down": no one asked
        act = next((c for c in cond.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        obj = next(
            (
                g
                for c in cond.children
                if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("to", "on"))
                for g in (c, *c.children)
                if g.dep_ in ("dobj", "pobj")
            ),
            None,
        )
        agreeing = cond.lemma_.lower() in lex.agree_verbs
        if act is not None and agreeing:
            asked = _one(ctx.topics.from_vp(act))  # "if Israel agrees to withdraw from X"
        elif obj is not None and agreeing and ctx.men[obj.i] is None:
            asked = self._items(obj)  # "agrees to key steps, including A and B": A and B
        else:
            asked = self._asked_by_condition(cond)
        self._record(sources, asked, cond)

    # ------------------------------------------------------------------ deontic
    def _position_owner(self, clause: Token) -> list[Resolved]:
        """ "Armenia's position is that the corridor must stay under its sovereignty": the
        owner of a noun of position whose content the clause is."""
        head = clause.head
        if clause.dep_ != "ccomp" or head.lemma_.lower() != "be":
            return []
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lemma_.lower() not in self.cues.position_nouns:
            return []
        return self._owners(subj)

    def _deontic_clause(self, clause: Token, modal: Token | None = None) -> None:
        """ "X said the junta must hand over power": X demands it of the junta."""
        ctx = self.ctx
        cue = modal if modal is not None else clause
        if clause.pos_ not in ("VERB", "AUX") or ctx.negated(clause) or ctx.irrealis(clause):
            return
        if modal is not None and ctx.negated(modal):
            return
        if any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in clause.children):
            return  # "must have been": an inference
        stative = clause.lemma_.lower() in self.ctx.lex.copulas and any(
            c.dep_ in ("attr", "acomp") for c in clause.children
        )
        if stative or not self._has_content(clause):
            return  # "the Nile must remain a source of life", "they must stop this"
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children):
            return
        top = modal if modal is not None else clause
        sources = self._judges(top) or self._position_owner(top)
        if not sources:
            return
        subj = next((c for c in top.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.dep_ == "expl" or denied_subject(subj):
            return  # "nobody should expect us to ..."
        if subj.pos_ == "PRON" and subj.lower_ in FIRST_PLURAL | FIRST_SINGULAR:
            return  # "we must ...": a commitment
        with ctx.quietly():
            doers = ctx.resolve.resolve_np(subj)
        ours = {ctx.stance_source(r.actor) for r in sources}
        if any(ctx.stance_source(r.actor) in ours for r in doers):
            return
        agent = subj if not doers and subj.pos_ != "PRON" else None
        if (
            clause.lemma_.lower() in self.ctx.lex.copulas
        ):  # "the corridor must remain under its sovereignty"
            where = [x for c in clause.children if c.dep_ == "prep" for x in c.subtree]
            state = [*(ctx.topics.np_tokens(subj) if agent is not None else []), clause, *where]
            self._record(sources, _one(ctx.topics.from_tokens(state)), cue)
            return
        found = self.t.and_conjoined(_one(ctx.topics.from_vp(clause, agent=agent)), clause)
        self._record(sources, found, cue)


def _counterfactual(v: Token) -> bool:
    """A perfect with "would" or a past perfect ("would have withdrawn", "had released")."""
    aux = {c.lower_ for c in v.children if c.dep_ == "aux"}
    return "had" in aux or ("have" in aux and bool(aux & {"would", "'d"}))


def _marked(clause: Token, word: str) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == word for c in clause.children)


def _opened_by(c: Token, preps: list[str]) -> bool:
    """A preposition among ``preps``, or a clause it opens ("waiting for the government to
    release them", the "for" parsed as the clause's mark)."""
    if c.dep_ in ("prep", "prt"):
        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
        when = obj is not None and obj.ent_type_ in ("DATE", "TIME")
        return c.lower_ in preps and not when
    return c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in preps for g in c.children)


def _one(x: Topic | str | None) -> list[Topic | str]:
    return [] if x is None else [x]


@fallbacks.register("demands")
def read_demands(ctx: DocContext, parties: Parties, sent: Span, k: int) -> None:
    """The demands fallback (see the module docstring)."""
    LooseDemands(ctx, cues_for(ctx.lex)).read(sent)
