"""The ``rejects`` fallback: a looser reading of a sentence a flagger marks as a rejection
when the rules (:mod:`.rejections`) read none from it (issue 18r).

The rules key on frames: a verb with the object class it needs, an idiom word for word. Here
any word of a class of refusing in the sentence is read by its construction:

* a verb of refusing, not negated ("shunned the talks", "refused to step down", "declined a
  request to X"): its subject (or passive agent) rejects its object or complement;
* a verb of accepting or of an act given, negated or refused ("will not accept the
  expansion", "did not accept the agreement", "is not ready to sign X", "refused to X"): the
  subject rejects the object, or the act when the object is an actor or absent;
* an adjective of opposition or unwillingness ("is opposed to X", "unwilling to X") and a
  predicate of rejection ("X is unacceptable", held by the "to" object or whoever says so);
* a noun of refusal with its owner or agent ("Hamas's refusal to disarm", "opposition by X
  to Y").

The holder must be an actor the document resolves; with none, nothing is recorded. Nothing is
read from a question, a hypothesis or condition, advice, a negated refusal ("did not rule out
X", "is not opposed to X"), a denial (the rules read those) or a stance inside a denied or
claimed clause (:meth:`StanceRules._disowned`). The word classes are data
(``data/fallback_rejects.yaml``) added to the rules' own; relations are recorded with
:data:`CONFIDENCE`, below the rules'.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING

from actorgraph.ingest.extract import fallbacks
from actorgraph.ingest.extract.lexicon import (
    DATA,
    FUTURE_AUXILIARIES,
    CueSection,
    Words,
    read_cue_file,
)
from actorgraph.ingest.extract.rejections import (
    HEDGES,
    RejectRules,
    addressed_act,
    hypothetical,
)
from actorgraph.ingest.extract.stance_rules import (
    DENIALS,
    condition_clause,
    electoral_object,
    pending,
)
from actorgraph.ingest.extract.tokens import prep_object
from pydantic import Field

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.lexicon import Lexicon
    from actorgraph.ingest.extract.parties import Parties
    from actorgraph.ingest.extract.records import Resolved
    from actorgraph.ingest.extract.topics import Topic
    from spacy.tokens import Span, Token

FALLBACK_REJECTS = DATA / "fallback_rejects.yaml"
#: below the rules' 0.6–0.8: a fallback's reading is a guess with evidence
CONFIDENCE = 0.45
#: modals of a possibility, not a stance ("could reject", "might refuse")
POSSIBLE = frozenset({"could", "might", "may", "can"})
#: the lexicon's object classes of what a side proposes, does or says
STANCE_CLASSES = ("proposal", "step", "course", "claim", "authority", "legal")
#: what a wary adjective is about ("sceptical of X", "cool to X", "wary about X")
WARY_PREPS = ("of", "about", "to", "toward", "towards", "on", "over", "regarding")
#: what a noun of misgiving is about ("concern about X", "scorn on X")
MISGIVING_PREPS = ("about", "over", "at", "regarding", "to", "with", "on", "upon")
#: subjects that leave the stance to whoever says the sentence
FIRST_PERSON = frozenset({"we", "i"})
#: the prepositions a verb's rejected thing may follow ("objected to X", "balked at X")
PREPS = ("to", "at", "from", "of", "on", "by", "with", "in")


class FallbackRejectsFile(CueSection):
    refusing: Words = Field(default_factory=list)
    criticising: Words = Field(default_factory=list)
    particles: dict[str, Words] = Field(default_factory=dict)
    accepting: Words = Field(default_factory=list)
    acts: Words = Field(default_factory=list)
    nouns: Words = Field(default_factory=list)
    misgivings: Words = Field(default_factory=list)
    voicing: Words = Field(default_factory=list)
    stance_objects: Words = Field(default_factory=list)
    proposed: Words = Field(default_factory=list)
    parts: Words = Field(default_factory=list)
    approving: Words = Field(default_factory=list)
    aiming: Words = Field(default_factory=list)
    wary: Words = Field(default_factory=list)
    believing: Words = Field(default_factory=list)
    judging: Words = Field(default_factory=list)
    shares_in: Words = Field(default_factory=list)
    qualities: Words = Field(default_factory=list)
    doubting: Words = Field(default_factory=list)
    ending: Words = Field(default_factory=list)
    shares: Words = Field(default_factory=list)
    up_for: Words = Field(default_factory=list)
    negotiable: Words = Field(default_factory=list)
    judgements: Words = Field(default_factory=list)
    not_rejected: Words = Field(default_factory=list)


@dataclass(frozen=True)
class Classes:
    """The word classes of the fallback (its file's, joined with the rules' at first use)."""

    refusing: frozenset[str]
    criticising: frozenset[str]
    particles: dict[str, frozenset[str]]
    accepting: frozenset[str]
    acts: frozenset[str]
    nouns: frozenset[str]
    misgivings: frozenset[str]
    voicing: frozenset[str]
    stance_objects: frozenset[str]
    proposed: frozenset[str]
    parts: frozenset[str]
    approving: frozenset[str]
    aiming: frozenset[str]
    wary: frozenset[str]
    believing: frozenset[str]
    judging: frozenset[str]
    shares_in: frozenset[str]
    qualities: frozenset[str]
    doubting: frozenset[str]
    ending: frozenset[str]
    shares: frozenset[str]
    up_for: frozenset[str]
    negotiable: frozenset[str]
    judgements: frozenset[str]
    not_rejected: frozenset[str]


def load_classes(path: Path = FALLBACK_REJECTS) -> Classes:
    """The fallback's word classes, validated (one error naming the file and field)."""
    spec = read_cue_file(path, FallbackRejectsFile, "rejects fallback cues")
    words = {
        f.name: frozenset(getattr(spec, f.name)) for f in fields(Classes) if f.name != "particles"
    }
    words["refusing"] -= DENIALS  # a denied claim is the rules' (`rejections`)
    return Classes(particles={k: frozenset(v) for k, v in spec.particles.items()}, **words)


@dataclass(frozen=True)
class Cues:
    """The file's word classes, and those joined with the rules' (the lexicon's) words."""

    cls: Classes
    refusing: frozenset[str]
    criticising: frozenset[str]
    accepting: frozenset[str]
    judging: frozenset[str]
    stance_objects: frozenset[str]


@fallbacks.per_lexicon
def cues_for(lex: Lexicon) -> Cues:
    """The cue file's classes joined with the lexicon's (once a lexicon)."""
    classes = load_classes()
    refusing = classes.refusing - DENIALS
    return Cues(
        cls=classes,
        refusing=refusing,
        # the rules' other reject verbs need the object class their frames name: loosely, a
        # stance object ("blocked the resolution", not "blocked the convoys")
        criticising=(classes.criticising | set(lex.reject_verbs)) - refusing - DENIALS,
        accepting=classes.accepting | lex.negated_acceptance,
        judging=classes.judging | classes.criticising | lex.accusing,
        stance_objects=classes.stance_objects.union(
            *(lex.object_classes.get(c, frozenset()) for c in STANCE_CLASSES)
        ),
    )


class LooseRejects(RejectRules):
    """The loose reading of one flagged sentence (the rules' helpers, looser cues)."""

    def __init__(self, ctx: DocContext, cues: Cues) -> None:
        super().__init__(ctx)
        self.cls = cues.cls
        #: what was read, recorded after the reading (which resolves phrases quietly)
        self.found: list[tuple[list[Resolved], list[Topic | str], Token]] = []
        self.refusing = cues.refusing
        self.criticising = cues.criticising
        self.accepting = cues.accepting
        self.judging = cues.judging
        self.stance_objects = cues.stance_objects

    def read(self, sent: Span) -> None:
        """Read the sentence without making any actor the document's, then record what holds
        an actor the document already has or the dictionary knows."""
        with self.ctx.quietly():
            self._read(sent)
        for sources, targets, cue in self.found:
            sources = [r for r in sources if self._known(r)]
            if sources and targets:
                self._emit("rejects", sources, targets, cue, CONFIDENCE)

    def _read(self, sent: Span) -> None:
        for t in sent:
            if self.ctx.asked(t):
                return  # a question puts the stance to someone
            if t.pos_ == "VERB":
                self._verb(t)
            elif t.pos_ == "ADJ":
                self._adjective(t)
            elif t.lower_ == "up" and t.head.lemma_.lower() in self.ctx.lex.copulas:
                self._predicate_of(t, t.head)  # "was not up for negotiation"
            elif t.pos_ == "NOUN":
                self._noun(t)

    # ------------------------------------------------------------------ verbs
    def _verb(self, v: Token) -> None:
        lemma = v.lemma_.lower()
        self._called(v)
        self._no_part(v)
        if lemma in self.refusing and self._refusal_ok(v, lemma):
            self._refused(v)
        elif (lemma in self.criticising or lemma in self.cls.aiming) and self._refusal_ok(v, lemma):
            obj = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if lemma in self.cls.aiming:  # "hit out at the plan", "took aim at the deal"
                obj = prep_object(v, ("at", "against"))
            if obj is not None and self._stance_object(obj):
                self._record(self._holders(v), self.t.nps(obj), v)  # "slammed the plan"
        elif lemma in self.cls.ending and self._refusal_ok(v, lemma):
            obj = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if obj is not None and self._left_off(obj):
                self._record(self._holders(v), self.t.nps(obj), v)  # "suspended the talks"
        elif lemma in self.cls.doubting and self._refusal_ok(v, lemma):
            self._doubted(v)
        elif lemma in self.accepting and self._refused_act(v):
            self._not_accepted(v)
        if lemma in self.ctx.lex.happening:
            self._never_happens(v)

    def _left_off(self, obj: Token) -> bool:
        """One's part in talks or an act one owes, ended or put off ("suspended its
        participation in the talks", "postponed the disarming"); not the talks or a truce
        themselves (the development gold reads "broke off the talks" as no rejection)."""
        words = (obj.lemma_.lower(), obj.lower_)
        return any(w in self.cls.acts or w in self.cls.shares_in for w in words)

    def _doubted(self, v: Token) -> None:
        """ "questioned the legitimacy of the vote", "doubted the sincerity of the offer": what
        the quality is of (not an actor: "the neutrality of Egypt" judges a mediator)."""
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is None or obj.lemma_.lower() not in self.cls.qualities:
            return
        what = prep_object(obj, ("of",))
        if what is not None and self.ctx.men[what.i] is None:
            self._record(self._holders(v), self.t.nps(what), v)

    def _never_happens(self, v: Token) -> None:
        """ "the partition will never happen", "such a deal will not happen", said by someone:
        the thing ruled out by whoever says so."""
        ctx = self.ctx
        if not ctx.negated(v) or self._unsure(v):
            return
        if not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in v.children):
            return  # "the meeting did not happen": a fact told
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ == "PRON" or not self._stance_object(subj):
            return
        self._record(self._sayers(v), self.t.nps(subj), v)

    def _refusal_ok(self, v: Token, lemma: str) -> bool:
        """A verb of refusing asserted of its subject, with the particle it needs."""
        ctx = self.ctx
        needed = self.cls.particles.get(lemma)
        if needed and not any(
            c.dep_ in ("prt", "prep", "advmod") and c.lower_ in needed for c in v.children
        ):
            return False
        if ctx.negated(v) or self._unsure(v) or self._says_nothing(v) or self._believed(v):
            return False  # "(some) worry that X; the aides reject that": a view answered
        if self._holds_ground(v):
            return False  # "refused to budge on its demand": the demand held (issue 21R)
        return not self._harmful(v)

    def _harmful(self, v: Token) -> bool:
        """What a verb is about is a thing said or a harm ("refused to comment", "condemned
        the attack", "will not engage in conflict"): no proposal rejected."""
        return any(
            g.lemma_.lower() in self.cls.not_rejected
            for c in v.children
            for g in ([c] if c.dep_ in ("dobj", "nsubjpass") else c.children)
            if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "prep" and g.dep_ == "pobj")
        )

    def _refused_act(self, v: Token) -> bool:
        """An accepting verb negated ("will not accept", "never agreed") or governed by a
        refusal ("refused to sign", "is not ready to sign", "has no intention of signing"),
        asserted; an act not done in the past ("did not attend") is no refusal."""
        ctx = self.ctx
        if self._unsure(v):
            return False
        if self._governed_by_refusal(v):
            return True
        if not ctx.negated(v):
            return False
        if v.lemma_.lower() in self.cls.acts:
            return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in v.children)
        return not pending(v)  # "has not (yet) accepted": not done so far

    def _governed_by_refusal(self, v: Token) -> bool:
        head = v.head
        if v.dep_ not in ("xcomp", "acl", "pcomp") or head.i == v.i:
            return False
        lex = self.ctx.lex
        hl = head.lemma_.lower()
        if v.dep_ == "pcomp":  # "has no intention of signing", "does not have any plan to"
            noun = head.head
            return noun.lemma_.lower() in lex.intention_nouns and (
                self.ctx.negated(noun) or (noun.dep_ == "dobj" and self.ctx.negated(noun.head))
            )
        if head.pos_ == "NOUN":
            return False  # "its refusal to disarm": read with the noun
        if hl in self.refusing:
            return False  # "refused to sit with X": read with the verb of refusing
        if hl in lex.unwilling:
            return True
        if hl in lex.willing:  # "is not ready to sign"
            return self.ctx.negated(head)
        return False

    def _refused(self, v: Token) -> None:
        """ "shunned the talks", "refused to step down", "ruled out X"."""
        sources = self._holders(v)
        if not sources:
            return
        targets = self._accepted(v) or self.t.of_verb(v)
        if not targets:
            obj = prep_object(v, PREPS)
            targets = self.t.nps(obj) if obj is not None else []
        self._record(sources, targets, v)

    def _not_accepted(self, v: Token) -> None:
        """ "will not accept the expansion", "refused to disarm": the object, or the act."""
        if addressed_act(v):
            return  # "warned Colombo not to support X": Colombo's act, wanted of it (23Y)
        top = v
        while (
            top.dep_ in ("xcomp", "acl", "pcomp")
            and top.head.i != top.i
            and not (top.head.pos_ in ("VERB", "AUX") and top.head.lemma_.lower() in self.accepting)
        ):
            top = top.head
            if top.pos_ in ("VERB", "AUX"):
                break
        if top.pos_ == "ADP":  # "no intention of signing": whoever has it
            top = top.head.head
        if top.pos_ == "ADJ" and top.head.i != top.i:
            top = top.head  # "is not ready to X": the subject of the copula
        sources = self._holders(top) if top.pos_ in ("VERB", "AUX") else self._owners(top)
        if not sources:
            return
        if self._harmful(v):
            return  # "has no intention of engaging in conflict": a promise, no rejection
        kids = list(v.children)
        if any(c.dep_ == "ccomp" for c in kids):
            return  # "will not accept what X wants", "do not accept that X": the rules'
        if any(c.dep_ == "nsubjpass" for c in kids) and not any(c.dep_ == "agent" for c in kids):
            return  # "the accord was not signed": a failure told, or the rules' passive
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if obj is not None and electoral_object(obj, self.ctx.lex.electoral):
            return  # "did not support his candidacy": a vote
        if v.lemma_.lower() in self.cls.acts and self._unless(v) is not None:
            return  # "would not resume exports unless X": a demand for X (the rules')
        if obj is not None and any(
            (c.dep_ == "relcl" and self.ctx.negated(c))
            or (c.dep_ == "prep" and c.lower_ == "without")
            for c in (*obj.children, *kids)
        ):
            return  # "would not accept any deal that did not include X": a demand for X
        targets = self.t.of_verb(v) if obj is not None else []
        if not targets and obj is None and v.lemma_.lower() in self.ctx.lex.negated_acceptance:
            pobj = prep_object(v, PREPS)
            if pobj is not None and self.ctx.men[pobj.i] is None:
                targets = self.t.nps(pobj)  # "will not abide by the truce"
        actor_only = bool(targets) and all(isinstance(x, str) for x in targets)
        if actor_only or (obj is None and not targets):
            act = self.ctx.topics.from_vp(v, refused=True)  # "refused to step down"
            targets = [act] if act is not None else []
        self._record(sources, targets, v)

    # ------------------------------------------------------------------ adjectives
    def _adjective(self, a: Token) -> None:
        """ "is opposed to X", "unwilling to sign X", "X is unacceptable (to Y)"."""
        ctx = self.ctx
        lex = ctx.lex
        low = a.lower_
        cop = a.head
        if a.dep_ not in ("acomp", "attr") or cop.lemma_.lower() not in self.ctx.lex.copulas:
            return
        if self._unsure(cop) or any(c.lower_ in HEDGES for c in a.children):
            return  # "is nearly impossible": an estimate
        if any(condition_clause(c) for c in [*a.children, *cop.children]):
            return  # "impossible as long as X": a judgement under a condition
        if low in self.cls.wary:  # "is sceptical of the plan", "cool to the idea"
            obj = prep_object(a, WARY_PREPS)
            if not ctx.negated(a) and obj is not None and self._stance_object(obj):
                self._record(ctx.resolve.subject_actors(cop), self.t.nps(obj), a)
        elif low in lex.opposed:
            if ctx.negated(a):
                return  # "is not opposed to X"
            obj = prep_object(a, ("to",))
            if obj is not None:
                self._record(ctx.resolve.subject_actors(cop), self.t.nps(obj), a)
        elif low in lex.unwilling and not ctx.negated(a):
            act = next((c for c in a.children if c.dep_ == "xcomp"), None)
            if act is not None and act.lemma_.lower() not in self.accepting:
                topic = ctx.topics.from_vp(act)  # accepting verbs read themselves
                self._record(ctx.resolve.subject_actors(cop), [topic] if topic else [], a)
        else:
            self._predicate_of(a, cop)

    def _predicate_of(self, a: Token, cop: Token) -> None:
        """ "X is unacceptable (to Y)", "the allegations are baseless", "handing X back is not
        negotiable", "X was not up for negotiation", "for Y, X is out of the question": the
        subject rejected by the "to"/"for" object or whoever says so."""
        ctx = self.ctx
        closed = self._closed(a, cop)
        ruled = a.lemma_.lower() in ctx.lex.reject_predicates
        judged = a.lemma_.lower() in self.cls.judgements or a.lower_ in self.cls.judgements
        negated = ctx.negated(a) or any(c.lower_ == "neither" for c in a.children)
        if a.lower_ in self.cls.approving:  # "was not serious", "neither realistic nor fair"
            judged, negated = negated, False
        if not closed and (negated or not (ruled or judged)):
            return
        subj = next((c for c in cop.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is None or subj.pos_ == "PRON" or ctx.men[subj.i] is not None:
            return
        if subj.pos_ == "VERB":  # "handing Paletwa back is not negotiable": the act
            topic = ctx.topics.from_vp(subj)
            targets: list[Topic | str] = [topic] if topic is not None else []
        elif closed or ruled or self._stance_object(subj):
            targets = self.t.nps(subj)
        else:
            return  # "the situation is dangerous": no stance object judged
        judge = (None if a.lower_ == "up" else prep_object(a, ("to", "for"))) or prep_object(
            cop, ("to", "for")
        )
        sources = ctx.resolve.resolve_np(judge) if judge is not None else self._sayers(cop)
        self._record(sources, targets, a)

    def _closed(self, a: Token, cop: Token) -> bool:
        """ "not negotiable", "non-negotiable", "not up for negotiation": ruled out of talks."""
        doc = a.doc
        if a.lower_ in self.cls.negotiable:
            non = a.i >= 2 and doc[a.i - 1].text == "-" and doc[a.i - 2].lower_ == "non"
            return non or self.ctx.negated(a)
        if a.lower_ != "up" or not self.ctx.negated(cop):
            return False
        what = prep_object(a, ("for",))
        return what is not None and what.lower_ in self.cls.up_for

    def _called(self, v: Token) -> None:
        """ "called the allegations baseless", "labelled the deal an act of aggression": a
        stance object judged by the one who calls it so."""
        ctx = self.ctx
        if v.lemma_.lower() not in ctx.lex.evaluation_verbs or ctx.negated(v) or self._unsure(v):
            return
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is None or not self._stance_object(obj):
            return
        marks = self.cls.judgements | ctx.lex.evaluations | ctx.lex.defeats
        judged = any(
            t.lemma_.lower() in marks or t.lower_ in marks
            for c in v.children
            if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "attr")
            or (c.dep_ == "prep" and c.lower_ == "as")
            for t in c.subtree
        )
        judged = judged or any(  # "called the deal an act of aggression", hung on the deal
            c.dep_ in ("appos", "npadvmod", "oprd")
            and (t.lemma_.lower() in marks or t.lower_ in marks)
            for c in obj.children
            for t in c.subtree
        )
        if judged:
            self._record(self._holders(v), self.t.nps(obj), v)

    def _no_part(self, v: Token) -> None:
        """ "wants no part in any election", "will have no role in the process": what one
        keeps out of."""
        ctx = self.ctx
        share = next(
            (
                c
                for c in v.children
                if c.dep_ == "dobj"
                and c.lemma_.lower() in self.cls.shares
                and any(g.lower_ == "no" for g in c.children)
            ),
            None,
        )
        if share is None or ctx.negated(v) or self._unsure(v):
            return
        what = prep_object(share, ("in",)) or prep_object(v, ("in",))
        if what is not None and ctx.men[what.i] is None:
            self._record(self._holders(v), self.t.nps(what), v)

    # ------------------------------------------------------------------ nouns
    def _noun(self, n: Token) -> None:
        """ "Hamas's refusal to disarm", "opposition by the army to the plan", "announced a
        boycott of the round", "expressed concern about any intervention" (the owner, else
        who voices the noun)."""
        ctx = self.ctx
        words = (n.lemma_.lower(), n.lower_)
        refusal = any(w in self.cls.nouns for w in words)
        if not (refusal or any(w in self.cls.misgivings for w in words)) or ctx.negated(n):
            return  # "raised no objection to X"
        sources = self._owners(n)
        head = n.head
        if (
            not sources
            and n.dep_ == "dobj"
            and head.lemma_.lower() in self.cls.voicing
            and not (ctx.negated(head) or self._unsure(head))
        ):
            sources = self._holders(head)
        if not sources:
            return
        act = next((c for c in n.children if c.dep_ in ("acl", "xcomp") and c.pos_ == "VERB"), None)
        if refusal and act is not None:  # "its refusal to disarm": the act
            if act.lemma_.lower() in ctx.lex.not_stances:
                return  # "its refusal to comment"
            topic = ctx.topics.from_vp(act)
            self._record(sources, [topic] if topic is not None else [], n)
            return
        preps = ("of", "to") if refusal else MISGIVING_PREPS
        obj = prep_object(n, preps)
        if obj is None and n.dep_ == "dobj" and head.lemma_.lower() in self.cls.voicing:
            obj = prep_object(head, preps)  # "poured scorn on X", "on" hung on the verb
        if obj is None or ctx.men[obj.i] is not None:
            return
        if refusal or self._stance_object(obj):
            self._record(sources, self.t.nps(obj), n)

    # ------------------------------------------------------------------ shared
    def _owners(self, n: Token) -> list[Resolved]:
        """Who holds a noun's stance: its possessor, or its "by"/"from" agent."""
        resolve = self.ctx.resolve
        poss = next((c for c in n.children if c.dep_ == "poss"), None)
        if poss is not None:
            return resolve.resolve_np(poss)
        agent = prep_object(n, ("by", "from"))
        return resolve.resolve_np(agent) if agent is not None else []

    def _holders(self, v: Token) -> list[Resolved]:
        """The subject (or passive agent) of the clause, the body a partitive subject is part
        of ("the members of the GNA"); with no subject, or "we" or "I", whoever says it (a
        subject that names no actor is nobody's stance to give the speaker)."""
        judged = self._judged(v)
        if judged is not None:
            return judged
        resolve = self.ctx.resolve
        found = resolve.subject_actors(v)
        if found:
            return found
        subjects = resolve.subjects(v)
        for s in subjects:
            if s.lemma_.lower() in self.cls.parts:
                whole = prep_object(s, ("of",))
                found += resolve.resolve_np(whole) if whole is not None else []
        if found or any(s.lower_ not in FIRST_PERSON for s in subjects):
            return found
        if any(c.dep_ == "nsubjpass" for c in v.children):
            return []  # "the proposal was rejected, X said": by whom, it does not say
        return self._sayers(v)

    def _judged(self, v: Token) -> list[Resolved] | None:
        """The holder of a gerund a side is judged for ("slammed the TPLF for rejecting X",
        "thanked Norway for refusing X"): the side judged, the judging verb's object, else
        nobody ("slammed the plan for rejecting X"); never the one judging. None when ``v`` is
        no such gerund, or the judged side is a passive's subject ("was slammed for refusing
        X"), which the subject already names."""
        prep = v.head
        if v.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in ("for", "of"):
            return None
        judge, judged = prep.head, None
        if judge.dep_ == "dobj":  # "for" hung on the object: "slammed [the TPLF for ...]"
            judge, judged = judge.head, judge
        if judge.pos_ != "VERB" or judge.lemma_.lower() not in self.judging:
            return None
        judged = judged or next((c for c in judge.children if c.dep_ == "dobj"), None)
        if judged is not None:
            return self.ctx.resolve.resolve_np(judged)
        return None if any(c.dep_ == "nsubjpass" for c in judge.children) else []

    def _sayers(self, clause: Token) -> list[Resolved]:
        """Whoever says a clause: the rules' judge, or the one it is "according to"."""
        found = self._judges(clause)
        if found:
            return found
        top = clause
        while top.dep_ in ("conj", "ccomp") and top.head.i != top.i:
            top = top.head
        for c in top.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                who = prep_object(c, ("to",))
                return self.ctx.resolve.resolve_np(who) if who is not None else []
        return []

    def _stance_object(self, obj: Token) -> bool:
        """A thing a side proposes, does or says ("the plan", "any foreign intervention"), or
        one said to be proposed ("the proposed association")."""
        if obj.lemma_.lower() in self.stance_objects or obj.lower_ in self.stance_objects:
            return True
        return any(c.dep_ == "amod" and c.lower_ in self.cls.proposed for c in obj.children)

    def _believed_of(self, v: Token) -> bool:
        """A clause someone thinks, doubts or charges of a side ("diplomats doubt that Peru has
        no intention of X", "accused Bolivia of stalling the talks"): a view of the side, not
        its stance."""
        views = self.cls.believing | self.ctx.lex.accusing
        return any(a.pos_ == "VERB" and a.lemma_.lower() in views for a in list(v.ancestors)[:6])

    def _unsure(self, v: Token) -> bool:
        """A clause not asserted: conditional, hedged, advised or merely possible."""
        ctx = self.ctx
        if ctx.irrealis(v) or ctx.has_modal(v) or (v.dep_ == "xcomp" and ctx.has_modal(v.head)):
            return True
        if hypothetical(v):  # "would reject the deal if X" (issue 20R)
            return True
        if self._believed_of(v):
            return True
        return any(c.dep_ == "aux" and c.lower_ in POSSIBLE for c in v.children) and not (
            ctx.negated(v)  # "cannot accept": a refusal
        )

    def _record(self, sources: list[Resolved], targets: list[Topic | str], cue: Token) -> None:
        if sources and targets:
            self.found.append((sources, targets, cue))

    def _known(self, r: Resolved) -> bool:
        """An actor the dictionary knows, a body of one ("Georgia's parliament"), or one the
        rules already made the document's: a fallback makes no new actor of a name ("Kosovo
        Serbs in the north boycotted the vote": a people, no organization)."""
        ctx = self.ctx
        entry = ctx.dict.entries.get(r.actor)
        return (
            r.actor in ctx.first_seen
            or r.via == "organ"
            or (entry is not None and entry.origin != "new")
        )


@fallbacks.register("rejects")
def read_rejection(ctx: DocContext, parties: Parties, sent: Span, k: int) -> None:
    """Read one flagged sentence the rules found no rejection in (see the module)."""
    resolve = ctx.resolve
    kept = resolve.stance_sources
    resolve.stance_sources = True  # "the government refused": the state's stance
    try:
        LooseRejects(ctx, cues_for(ctx.lex)).read(sent)
    finally:
        resolve.stance_sources = kept
