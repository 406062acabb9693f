"""Demands by verbs (a layer of :class:`.demands.DemandRules`).

Verbs of demanding with the arguments the lexicon says they need ("urged A to press B to
accept C": the first actor demands what the chain ends in; "demands to be recognised": an act
asked of others), and a position on a deal ("X insisted that any deal must include Y", "would
not accept any deal that did not include X").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.demand_owners import (
    BACKERS,
    BACKING,
    DemandOwners,
    in_actor_mention,
    share_actor,
    topic_list,
)
from actorgraph.ingest.extract.records import Resolved
from actorgraph.ingest.extract.stance_rules import absolute_participle, denied_subject, reattached
from actorgraph.ingest.extract.targets import CHAIN_VERBS, HOLDING_VERBS, gives_name, no_det
from actorgraph.ingest.extract.topic_spans import contentless_act

if TYPE_CHECKING:
    from actorgraph.ingest.extract.lexicon import Frame
    from actorgraph.ingest.extract.topics import Topic
    from spacy.tokens import Token

#: attributing verbs that deny what they attribute, whoever says so ("denied it was seeking X")
DENYING = frozenset({"deny", "doubt", "dispute"})

#: the bodies an owner speaks through ("Its delegation, led by X, called on ...")
OWNED_ORGANS = frozenset({"delegation", "team", "panel", "negotiators", "side", "leadership"})

#: what a side needs for itself, not of the other side ("needs more time to study it",
#: "needs the support of its allies")
NEEDED_MEANS = frozenset(
    {"time", "money", "funds", "funding", "resources", "support", "help", "backing"}
    | {"assistance", "patience", "space", "room", "days", "weeks", "months", "hours"}
)

#: words that open the members of a plural subject ("European leaders, including X and Y")
MEMBER_MARKS = frozenset({"including", "among", "notably", "especially"})

#: passives that are how one is seen or named, not what others are asked to do ("wants to
#: be seen as a mediator", "asked not to be named")
NOT_ASKED_PASSIVES = frozenset(
    {"see", "name", "identify", "quote", "regard", "view", "perceive", "consider", "think"}
)


class DemandVerbs(DemandOwners):
    """Demands by verbs of demanding and positions on a deal."""

    def _demand_verb(self, v: Token, frame: Frame) -> None:
        ctx = self.ctx
        if self._misread_backed_call(v):
            return
        matrix = reattached(v)  # "wants X deployed and has called for Y": the wanter's
        if ctx.negated(v) or ctx.irrealis(v if matrix is None else matrix):
            return
        if any(denied_subject(s) for s in ctx.resolve.subjects(v if matrix is None else matrix)):
            return  # "neither Egypt nor Turkey was pressing Hamas to ...", "nobody urged"
        passive = _passive_infinitive(v)
        if not self.t.frame_ok(v, frame) and self._shared_object(v) is None and passive is None:
            return
        if any(
            c.dep_ == "ccomp"
            and any(
                x.lemma_.lower() in ctx.lex.dependence
                for x in (c, *(g for g in c.children if g.dep_ == "acomp"))
            )
            for c in v.children
        ):  # "insisted that peace hinges on X", "that any deal is conditional on X" (21D)
            return  # the condition rule's (X)
        if v.dep_ in ("pcomp", "amod") and not absolute_participle(v):
            return
        if gives_name(v, ctx.men):
            return  # "called Israel's demand for X a red line": a name given, no call made
        if self._other_sense(v) or self._attributed(v):
            return  # "called up reservists"; "claimed Kyiv was seeking X" (issue-20D)
        if v.lemma_.lower() in CHAIN_VERBS and not any(
            x.dep_ == "aux" and x.lower_ == "to" for x in v.subtree
        ):
            return  # "leaning on Israel to accept X", not "leaned on the door"
        sources = ctx.resolve.subject_actors(v if matrix is None else matrix)
        if not sources:
            sources = self._carrier_owner(v if matrix is None else matrix)
        if not sources:
            sources = self._members(v if matrix is None else matrix)
        if not sources and any(c.dep_ in ("ccomp", "xcomp") for c in v.children):
            sources = self._conjoined_speaker(v)
        if not sources:
            sources = self._described_holder(v) or self._adopted_text_owner(v)
        if not sources:
            return
        if v.lemma_.lower() in ctx.lex.addressed_verbs and not self._addressed(v, sources):
            return  # "told reporters to expect a deal": no actor ordered to act
        act = self.t.actor_to_act(v) if "dobj_xcomp" in frame.needs else None
        urged = act or next(
            (c for c in v.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"), None
        )
        if urged is not None and contentless_act(urged, ctx.lex):
            return  # "urged the parties to use these days well": no content asked
        if act is None and _said_act(urged, ctx.lex.said_acts):
            return  # "would like to confirm that ...": a wish to say is saying (24D)
        if act is not None:
            subj = next((c for c in act.children if c.dep_ == "nsubj"), None)
            if subj is not None and share_actor(ctx, sources, ctx.resolve.resolve_np(subj)):
                return  # "Israel wants to ...": no demand on anyone else
            # "urged B to seize the moment and agree to a ceasefire": the ceasefire
            more = self.t.and_conjoined([], act)
            if more and contentless_act(act, ctx.lex, alone=True):
                targets: list[Topic | str] = more
            else:
                targets = self.t.and_conjoined(topic_list(self._act_topic(act)), act)
        else:
            wanted = self._wanted(v, frame)
            if wanted is None:
                return  # "wants Kosovo at the table": an actor is no demand
            # "called on Russia to sign it": the act with what "it" stands for
            targets = wanted or self.t.frame_target(v, frame) or topic_list(self._pronoun_act(v))
            targets = targets or self.t.of_verb(v)
            if not targets and passive is not None:
                # "demands to be recognised as a political party": an act asked of others
                targets = self._passive_act(passive)
        shared = self._shared_object(v) if not targets else None
        if shared is not None:
            # "France has called for and Germany has backed an arms embargo": the object
            # both verbs share, and a demand of the second subject when it backs the call
            second, obj = shared
            targets = self.t.nps(obj) if obj.pos_ != "VERB" else topic_list(ctx.topics.from_vp(obj))
            if second.lemma_.lower() in BACKING and not ctx.negated(second):
                others = [
                    r
                    for r in ctx.resolve.subject_actors(second)
                    if not share_actor(ctx, sources, [r])
                ]
                self._emit("demands", others, targets, second, 0.65)
        fmt = self._format(v) if "xcomp_class:format" in frame.needs else None
        targets = [fmt] if fmt is not None else targets
        broken = self._broken_list(v) if targets else []
        if broken:
            targets = []
            for x in (x for c in broken for x in self.t.nps(c)):
                if x not in targets:
                    targets.append(x)
        self._emit("demands", sources, targets, v, 0.75)

    def _other_sense(self, v: Token) -> bool:
        """A phrasal verb of another sense (`demands.phrasal_senses`: "called up reservists",
        "called off the talks", "pressed ahead with the offensive"), issue-20D."""
        parts = self.ctx.lex.phrasal_senses.get(v.lemma_.lower(), frozenset())
        return any(c.dep_ in ("prt", "advmod") and c.lower_ in parts for c in v.children)

    def _attributed(self, v: Token) -> bool:
        """A demand another says someone holds (`demands.attributing`: "Moscow claimed Kyiv
        was seeking to sabotage the talks", "accused the rebels of wanting X"), or one the
        holder denies ("denied it was seeking a truce"), issue-20D."""
        ctx = self.ctx
        cur = v
        for _ in range(4):
            if cur.dep_ not in ("ccomp", "xcomp", "conj", "pcomp", "pobj", "prep"):
                return False
            cur = cur.head
            lemma = cur.lemma_.lower()
            if cur.pos_ in ("VERB", "AUX") and lemma in ctx.lex.demand_attributing:
                if lemma in DENYING:
                    return True
                said_by = ctx.resolve.subject_actors(cur)
                return not share_actor(ctx, said_by, ctx.resolve.subject_actors(v))
        return False

    def _format(self, v: Token) -> Topic | None:
        """ "wanted to negotiate bilaterally": the talks named with their format (issue-17d)."""
        ctx = self.ctx
        formats = ctx.lex.object_classes.get("format", frozenset())
        for act in (c for c in v.children if c.dep_ == "xcomp"):
            how = [g for g in act.children if g.dep_ == "advmod" and g.lower_ in formats]
            if how and act.lemma_.lower() in ctx.lex.channel_verbs:
                return ctx.topics.from_tokens([*ctx.topics.vp_tokens(act), *how])
        return None

    def _passive_act(self, passive: Token) -> list[Topic | str]:
        """What a subject asks to be done to it ("to be recognised as a political group")."""
        toks = [x for x in passive.subtree if x.dep_ not in ("aux", "auxpass")]
        return topic_list(self.ctx.topics.from_vp(passive) or self.ctx.topics.from_tokens(toks))

    def _broken_list(self, v: Token) -> list[Token]:
        """ "Their proposal calls for a ceasefire, a withdrawal and an exchange" with the items
        after the first broken off by the parser (hung on the subject as its apposition, or
        read as the verb's object after the first item's comma): all the items, the first one
        with them; "called for a ceasefire, a key demand of Y" (a comment read as the object):
        the first item alone (issue-15d)."""
        doc = v.doc
        prep = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        first = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if first is None or subj is None:
            return []
        stray = [
            c
            for c in (*v.children, *subj.children)
            if (c.dep_ == "dobj" or (c.dep_ == "appos" and c.head.i == subj.i))
            and c.i > first.i
            and c.pos_ == "NOUN"
            and doc[c.left_edge.i - 1].lower_ == ","
            and self.ctx.men[c.i] is None
        ]
        lex = self.ctx.lex
        comments = lex.demand_nouns | lex.demand_list_nouns
        items = [c for c in stray if c.lemma_.lower() not in comments]
        return [first, *sorted(items, key=lambda t: t.i)] if stray else []

    def _members(self, v: Token) -> list[Resolved]:
        """ "European leaders, including the EU's foreign policy chief and the foreign
        ministers of Germany and Poland, urged ...": a plural subject no actor stands for
        speaks through the members it lists ("including", "among them"), each with its own
        demand; a plural title over a list of states is one member per state (issue-16d)."""
        ctx = self.ctx
        out: list[Resolved] = []
        for subj in ctx.resolve.subjects(v):
            if subj.tag_ not in ("NNS", "NNPS"):
                continue
            for c in subj.children:
                if c.dep_ not in ("prep", "appos") or c.lower_ not in MEMBER_MARKS:
                    continue
                items = [g for g in c.children if g.dep_ in ("pobj", "dobj", "appos")]
                for item in (x for g in items for x in (g, *g.conjuncts)):
                    found = ctx.resolve.resolve_np(item, pronouns=False)
                    owners = [
                        g
                        for p in item.children
                        if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children
                        if g.dep_ == "pobj"
                    ]
                    if item.tag_ == "NNS" and owners:  # "the foreign ministers of A and B"
                        found = ctx.resolve.resolve_np(owners[0], pronouns=False)
                    out += [r for r in found if all(r.actor != o.actor for o in out)]
        return out

    def _carrier_owner(self, v: Token) -> list[Resolved]:
        """ "The BRN said ... Its statement also urged Bangkok to ...": a statement (letter,
        communique), a delegation ("Its delegation, led by X, called on ...") or a side's own
        plan ("Their proposal calls for X", issue-15d) whose owner is a pronoun demands for
        the actor it stands for."""
        lex = self.ctx.lex
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        owned = lex.carriers | OWNED_ORGANS | lex.demand_plans
        if subj is None or subj.lemma_.lower() not in owned:
            return []
        poss = next((c for c in subj.children if c.dep_ == "poss"), None)
        if poss is None or poss.lower_ not in ("its", "their"):
            return []
        return self._subject_owner(poss) or self._previous_subject(poss)

    def _described_holder(self, v: Token) -> list[Resolved]:
        """ "the Polisario Front, an independence movement advocating for a referendum": a
        participle on a description set beside a name is the named actor's (issue-17d)."""
        head = v.head
        if v.dep_ != "acl" or v.tag_ != "VBG" or head.dep_ != "appos":
            return []
        return self.ctx.resolve.resolve_np(head.head, pronouns=False)

    def _adopted_text_owner(self, v: Token) -> list[Resolved]:
        """ "The Security Council adopted a resolution on Friday. ... The resolution calls on
        the parties to ...": a text named with "the" is the demand of the body that adopted or
        issued it, in that sentence or the two before (issue-17d)."""
        ctx = self.ctx
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
            subj = v.head  # "adopted a resolution that calls on ...": the text itself
            issued = subj.head
            if subj.lemma_.lower() not in ctx.lex.adopted_texts | ctx.lex.demand_plans:
                return []
            if subj.dep_ != "dobj" or issued.lemma_.lower() not in ctx.lex.producers:
                return []
            return [] if ctx.negated(issued) else ctx.resolve.subject_actors(issued)
        if subj is None or subj.lemma_.lower() not in ctx.lex.adopted_texts:
            return []
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in subj.children):
            return []
        k = ctx.sent_of[subj.i]
        for kk in range(k, max(-1, k - 3), -1):
            for t in reversed([t for t in ctx.sents[kk] if t.i < subj.i]):
                issued = t.head
                if t.dep_ != "dobj" or t.lemma_.lower() != subj.lemma_.lower():
                    continue
                if issued.lemma_.lower() not in ctx.lex.producers | ctx.lex.issuing_verbs:
                    continue
                if ctx.negated(issued):
                    return []
                return ctx.resolve.subject_actors(issued)
        return []

    def _addressed(self, v: Token, sources: list[Resolved]) -> bool:
        """Whether the one told to act is another actor ("told Mali's junta to free them",
        "Somalia was told to pay"), not an audience ("told reporters") nor the speaker's own
        body ("told his cabinet to prepare")."""
        ctx = self.ctx
        told = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if told is None or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in told.children):
            return False
        found = ctx.resolve.resolve_np(told, pronouns=False)
        return bool(found) and not share_actor(ctx, sources, found)

    def _previous_subject(self, pron: Token) -> list[Resolved]:
        """The actor of the last subject before a pronoun, in its sentence or the one before."""
        ctx = self.ctx
        k = ctx.sent_of[pron.i]
        for kk in range(k, max(-1, k - 2), -1):
            subs = [t for t in ctx.sents[kk] if t.dep_ in ("nsubj", "nsubjpass") and t.i < pron.i]
            for sub in reversed(subs):  # "the movement said ...": a description counts too
                with ctx.quietly():
                    found = [
                        r
                        for r in ctx.resolve.resolve_np(sub, pronouns=False)
                        if ctx.type_of(r.actor) != "person"
                    ]
                if found:
                    return found
        return []

    def _misread_demand_verb(self, n: Token) -> None:
        """ "Sison says X, and demands that Manila free the detainees": a verb of demanding the
        tagger read as a plural noun, known by the clause it governs (or a passive infinitive:
        "considers itself a political group and demands to be recognised as such"); whoever
        says the clause it is conjoined to demands."""
        ctx = self.ctx
        clause = next(
            (
                c
                for c in n.children
                if c.dep_ == "ccomp"
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            ),
            None,
        )
        passive = _passive_infinitive(n) if clause is None else None
        if clause is None and passive is None:
            return
        if any(c.dep_ in ("det", "poss", "amod") for c in n.children):
            return  # "the demands that ..." is a noun
        sources = self._conjoined_speaker(n)
        if not sources and passive is not None:  # "X considers itself Y and demands to be Z"
            sources = ctx.resolve.subject_actors(n.head.head) if n.head.dep_ == "ccomp" else []
        if sources and passive is not None:
            self._emit("demands", sources, self._passive_act(passive), n, 0.6)
        elif sources:
            self._emit("demands", sources, self.t.of_verb(n), n, 0.6)

    def _shared_object(self, v: Token) -> tuple[Token, Token] | None:
        """ "X has called for and Y has backed Z": a verb left without its object (or with a
        bare preposition) whose conjoined verb, with a subject of its own, has the object."""
        kids = list(v.children)
        if any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in kids):
            return None
        if any(
            c.dep_ == "prep" and any(g.dep_ in ("pobj", "pcomp") for g in c.children) for c in kids
        ):
            return None
        for c in kids:
            if c.dep_ != "conj" or c.pos_ != "VERB" or c.i < v.i:
                continue
            if not any(g.dep_ == "nsubj" for g in c.children):
                continue
            obj = next((g for g in c.children if g.dep_ == "dobj"), None)
            if obj is None:
                obj = next(
                    (
                        o
                        for g in c.children
                        if g.dep_ == "prep"
                        for o in g.children
                        if o.dep_ in ("pobj", "pcomp")
                    ),
                    None,
                )
            if obj is not None:
                return c, obj
        return None

    def _wanted(self, v: Token, frame: Frame) -> list[Topic | str] | None:
        """ "wants unimpeded transit across X" (the object, whatever clause the parser hung
        after it); "wants the observers deployed" (a small clause: the clause with its
        subject); None for an actor wanted ("wants Kosovo at the table")."""
        ctx = self.ctx
        if "dobj" not in frame.needs:
            return []
        dobj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if dobj is not None:
            if v.lemma_.lower() == "need" and dobj.lemma_.lower() in NEEDED_MEANS:
                return None  # "needs more time to study it": a side's own means, no demand
            m = ctx.men[dobj.i]
            return None if m is not None and m.actor else self.t.nps(dobj)
        small = next(
            (c for c in v.children if c.dep_ == "ccomp" and c.tag_ in ("VBN", "VBD")), None
        )  # "wants the troops withdrawn" (a participle the tagger may read as a past tense)
        if small is None or any(g.dep_ in ("aux", "mark", "auxpass") for g in small.children):
            return []
        if any(g.dep_ == "nsubj" and g.pos_ == "PRON" for g in small.children):
            return None  # "we want it finished": what "it" is was said elsewhere
        out: list[Topic | str] = []
        # "wants the guarantees abolished and the troops withdrawn": one demand per clause,
        # also the second clause the parser conjoined to the verb of wanting ("We want the
        # airport reopened and the blockade lifted", issue-20D)
        hung = [
            c
            for c in v.children
            if c.dep_ == "conj"
            and c.i > small.i
            and c.tag_ in ("VBN", "VBD")
            and not any(g.dep_ in ("aux", "auxpass", "mark", "dobj") for g in c.children)
        ]
        for clause in dict.fromkeys((small, *(c for c in small.conjuncts if c.i > small.i), *hung)):
            subj = next((g for g in clause.children if g.dep_ == "nsubj"), None)
            if subj is None or ctx.men[subj.i] is not None or subj.pos_ == "PRON":
                continue
            out += topic_list(ctx.topics.from_vp(clause, agent=subj))
        return out

    def _pronoun_act(self, v: Token) -> Topic | None:
        """The act asked of someone whose object is a pronoun ("called on Russia to sign
        it", "urged both sides to implement them"), named with what the pronoun stands for."""
        for c in v.children:
            cands = [c]
            if c.dep_ == "prep":  # "called on X to sign it": the infinitive hung on X
                cands = [g for o in c.children if o.dep_ == "pobj" for g in o.children]
            for act in cands:
                if (
                    act.dep_ in ("xcomp", "advcl", "acl")
                    and act.pos_ == "VERB"
                    and any(g.dep_ == "aux" and g.lower_ == "to" for g in act.children)
                    and any(g.dep_ == "dobj" and g.lower_ in ("it", "them") for g in act.children)
                ):
                    return self._act_topic(act)
        return None

    def _act_topic(self, act: Token) -> Topic | None:
        """The act another actor is to carry out ("to sign the plan"); with a pronoun for its
        object ("called on Russia to sign it"), the act with the proposal named last (in this
        sentence or the one before), else the verb with its pronoun."""
        ctx = self.ctx
        found = ctx.topics.from_vp(act)
        if found is not None:
            return found
        pron = next(
            (c for c in act.children if c.dep_ == "dobj" and c.lower_ in ("it", "them")), None
        )
        if pron is None:
            return None
        near = ctx.topics.proposal_before(pron)
        while near is not None and near.dep_ in ("compound", "amod") and near.head.i > near.i:
            near = near.head  # "a draft treaty": the treaty
        named = ctx.topics.act_on(act, near) if near is not None else None
        return named or ctx.topics.from_tokens([act, pron])

    def _insist(self, v: Token) -> None:
        """ "X maintained that any agreement is/must be Y": X demands Y."""
        ctx = self.ctx
        if ctx.negated(v) or ctx.irrealis(v):
            return
        ccomp = next((c for c in v.children if c.dep_ == "ccomp"), None)
        subj = self.t.deal_subject(ccomp) if ccomp is not None else None
        if (
            ccomp is None
            or subj is None
            or _described_deal(ccomp, subj, self.ctx.lex.predicate_copulas)
        ):
            return
        obj = self.t.deal_object(ccomp)
        if obj is None or ctx.negated(ccomp) or ctx.negated(obj):
            return  # "stressed that the declaration is not a question of withdrawal" (21D)
        if obj.lemma_.lower() in ctx.lex.dependence:
            return  # "insisted that any deal is conditional on X": the condition rule's (X)
        sources = ctx.resolve.subject_actors(v)
        if sources:
            self._emit("demands", sources, self.t.deal_target(ccomp, obj), v, 0.65)

    def _required_by_refusal(self, v: Token) -> bool:
        """ "would not accept any deal that did not include X", "will not sign an agreement
        without X", "would accept no deal without X": a refusal of every deal that lacks X
        is a demand for X (and no rejection of a deal); whether it was one."""
        ctx = self.ctx
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        lex = ctx.lex
        if obj is None or obj.lemma_.lower() not in lex.proposal_heads | lex.party_nouns:
            return False
        # "would accept no deal without X": the determiner is the negation
        if not (ctx.negated(v) or no_det(obj) is not None) or ctx.irrealis(v):
            return False
        targets: list[Topic | str] = []
        for c in (*obj.children, *v.children):
            if c.dep_ == "relcl" and ctx.negated(c):  # "that did not include X"
                if c.lemma_.lower() in HOLDING_VERBS:
                    inner = next((g for g in c.children if g.dep_ in ("dobj", "attr")), None)
                    targets = self.t.nps(inner) if inner is not None else []
                else:
                    toks = [x for x in ctx.topics.vp_tokens(c) if x.dep_ != "neg"]
                    targets = topic_list(ctx.topics.from_tokens(toks))
            elif c.dep_ == "prep" and c.lower_ == "without":  # "any deal without X"
                inner = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if inner is not None:
                    targets = (
                        topic_list(ctx.topics.from_vp(inner))
                        if inner.pos_ == "VERB"
                        else self.t.nps(inner)
                    )
            if targets:
                break
        if not targets:
            return False
        sources = ctx.resolve.subject_actors(v)
        if sources:
            self._emit("demands", sources, targets, v, 0.65)
        return True

    def _misread_backed_call(self, v: Token) -> bool:
        """ "Norway echoed that call on Tuesday" parsed as a clause ("that" its subject, "call"
        its verb): the call made just before, backed by the subject of the backing verb."""
        ctx = self.ctx
        head = v.head
        if v.dep_ not in ("ccomp", "dobj") or head.lemma_.lower() not in BACKERS:
            return False
        if not any(c.dep_ == "nsubj" and c.lower_ in ("that", "this") for c in v.children):
            return False
        if any(
            c.dep_ in ("dobj", "xcomp", "ccomp")
            or (c.dep_ == "prep" and c.lower_ == "for")
            or (c.dep_ == "prep" and any(in_actor_mention(ctx, g) for g in c.children))
            for c in v.children
        ):
            return False  # "echoed that call for X", "that calls on Y to ..." (not "on Monday")
        if not ctx.asserted(head):
            return True
        last = ctx.topics.recent_demand(ctx.sent_of[v.i])
        backers = ctx.resolve.subject_actors(head)
        if last is not None and backers:
            self._emit("demands", backers, [last], v, 0.6)
        return True


def _passive_infinitive(v: Token) -> Token | None:
    """ "The group demands to be recognised", "asked to be included in the talks": the
    passive infinitive a subject asks for itself is an act asked of others (issue-16d); not
    where the verb of asking is itself passive ("is expected to be signed")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
        return None
    for c in v.children:
        if (
            c.dep_ == "xcomp"
            and c.pos_ == "VERB"
            and any(g.dep_ == "auxpass" for g in c.children)
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            and not any(g.dep_ == "neg" for g in c.children)
            and c.lemma_.lower() not in NOT_ASKED_PASSIVES
        ):
            return c
    return None


def _described_deal(clause: Token, subj: Token, copulas: frozenset[str]) -> bool:
    """ "He emphasized that the agreement establishes a solid foundation": a deal already
    made, told by a verb in the indicative with "the" or "this", is described, not asked for
    (issue-16d); "any deal must include X", "the deal must include X", "that the truce be
    temporary", "the plan was the only basis for talks" stand."""
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in clause.children):
        return False
    if clause.tag_ == "VB" or clause.lemma_.lower() in copulas:
        return False  # a subjunctive ("that the deal be temporary"), a position ("the plan
        # was the only basis for talks")
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subj.children)


def _said_act(act: Token | None, said: frozenset[str]) -> bool:
    """ "would like to confirm that ...", "wants to thank Kazakhstan": the speaker's own act of
    saying after a verb of wanting (issue-24D)."""
    return (
        act is not None
        and act.dep_ == "xcomp"
        and act.lemma_.lower() in said
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in act.children)
    )
