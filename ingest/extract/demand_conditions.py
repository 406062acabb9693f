"""Demands as conditions (a layer of :class:`.demands.DemandRules`).

"For X to agree, Y would have to happen", "X will free them only as part of a deal that ends
the war", "X will not release them unless Y", "on condition that", "as long as", "provided
that", "any deal hinges on Y", "made the opening conditional on Y", "made an end to the war a
condition", "a full withdrawal is a precondition", an offer or a threat on a condition ("will
release them if", "threatened to expand the offensive if Hamas did not agree").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.demand_owners import DemandOwners, share_actor, topic_list
from actorgraph.ingest.extract.met_demands import met_demands
from actorgraph.ingest.extract.records import Resolved
from actorgraph.ingest.extract.targets import no_det, stray_conjuncts

if TYPE_CHECKING:
    from actorgraph.ingest.extract.targets import Targets
    from actorgraph.ingest.extract.topics import Topic
    from spacy.tokens import Token


class DemandConditions(DemandOwners):
    """Demands stated as conditions."""

    def _condition(self, v: Token) -> None:
        """ "for X to agree, Y would have to be made": X demands Y."""
        ctx = self.ctx
        kids = list(v.children)
        if not any(c.dep_ == "mark" and c.lower_ == "for" for c in kids) or v.dep_ not in (
            "advcl",
            "acl",
            "xcomp",
        ):
            return
        subj = [c for c in kids if c.dep_ == "nsubj"]
        if not subj:
            return
        sources = [r for s in subj for r in ctx.resolve.resolve_np(s)]
        cur = v.head
        for _ in range(3):
            if ctx.has_modal(cur) or any(
                c.dep_ == "aux" and c.lower_ in ctx.lex.modals for c in cur.children
            ):
                break
            if cur.head.i == cur.i:
                return
            cur = cur.head
        else:
            return
        subj2 = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj2 is not None:
            self._emit("demands", sources, self.t.nps(subj2), v, 0.65)

    def _conditional_offer(self, cond: Token, act: Token | None = None) -> None:
        """ "Iran could consider halting attacks if Israel stopped its aggression", "Hamas will
        release the hostages if Israel ends the war": a side's own concession offered on a
        condition another side is to meet demands the condition (issue-17d). Not a negated
        condition (the threat rule's), not "unless", not a past counterfactual, not the
        side's own act as the condition, not a concession refused."""
        ctx = self.ctx
        lex = ctx.lex
        mark = next((g for g in cond.children if g.dep_ == "mark"), None)
        offer = act if act is not None else cond.head  # the act offered
        if mark is None or mark.lower_ != "if" or offer.pos_ != "VERB":
            return
        if any(x.lower_ == "only" for v in (cond, offer) for x in v.children):
            return  # "only if": the rule for "only"
        lemma = offer.lemma_.lower()
        conceded = lemma in lex.offered_acts or (
            lemma == "consider"  # "could consider halting attacks" (the gerund read as a noun)
            and any(
                x.lemma_.lower() in lex.stopping or x.lower_.removesuffix("ing") in lex.stopping
                for c in offer.children
                if c.dep_ in ("dobj", "xcomp")
                for x in c.subtree
            )
        )
        if not conceded or ctx.negated(offer) or ctx.negated(cond) or ctx.asked(offer):
            return
        if offer.head.lemma_.lower() in lex.threat_verbs - lex.vowing:
            return  # "threatened to stop the talks if the US goes ahead": a threat (a pledge
            # or vow may offer: "pledged to release the hostages if Israel ends the war")
        what = [x for c in offer.children if c.dep_ in ("dobj", "xcomp", "prep") for x in c.subtree]
        fighting = any({x.lemma_.lower(), x.lower_} & lex.hostilities for x in what)
        if (lemma in lex.stopping or lemma == "consider") != fighting:
            return  # a threat: "will stop the talks if X", "will return to war if X"
        if any(  # "will withdraw from the talks if X": leaving, a threat
            c.dep_ == "prep" and c.lower_ in ("from", "out") for c in offer.children
        ) and any({x.lemma_.lower(), x.lower_} & lex.talk_nouns for x in what):
            return
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in cond.children):
            return  # "would have released them if Israel had ...": a past that did not happen
        subj = next((c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        sources = ctx.resolve.subject_actors(offer)
        up = offer.head
        if offer.dep_ == "xcomp" and up.dep_ == "acomp" and up.pos_ == "ADJ":
            if ctx.negated(up.head) or up.lemma_.lower() not in lex.willing:
                return  # "is not ready (is reluctant) to return if Y"
            sources = sources or ctx.resolve.subject_actors(up.head)  # "is ready to return"
        if subj is None or not sources:
            return
        asked = ctx.resolve.resolve_np(subj)
        if not asked or share_actor(ctx, sources, asked):
            return  # the condition is the side's own act, or no actor's
        self._emit("demands", sources, self._asked_by_condition(cond), cond, 0.55)

    def _only(self, only: Token) -> None:
        """ "X will accept only if Y", "will free them only as part of a deal that ends the
        war", "only in exchange for Y": X demands Y."""
        ctx = self.ctx
        v = only.head
        while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
            v = v.head  # "only" on the condition itself
        cond: Topic | str | list[Topic | str] | None = None
        if v.dep_ == "advcl" and any(
            g.lower_ in ("if", "when", "once", "after") and g.dep_ in ("mark", "advmod")
            for g in v.children
        ):  # "would stop firing only when the war ends": "only" on the condition
            cond = _condition_named(v, self.t)
            v = v.head
        if v.pos_ not in ("VERB", "AUX") or ctx.negated(v) or ctx.irrealis(v):
            return
        for c in v.children:
            if cond is not None:
                break
            if c.dep_ == "advcl" and any(
                g.dep_ == "mark" and g.lower_ in ("if", "once", "when", "after") for g in c.children
            ):
                cond = _condition_named(c, self.t)
            elif c.dep_ == "prep" and c.i > only.i:
                # "would only return to talks under international supervision": the
                # condition may hang on the object of the verb's own preposition
                nested = [
                    g
                    for o in c.children
                    if o.dep_ == "pobj"
                    for g in o.children
                    if g.dep_ == "prep"
                ]
                prep = next((p for p in (c, *nested) if self._only_prep(p)), None)
                obj = self._innermost_object(prep) if prep is not None else None
                if obj is not None:
                    cond = ctx.topics.from_vp(obj) if obj.pos_ == "VERB" else self.t.np(obj)
            elif (
                c.dep_ == "dobj"
                and v.lemma_.lower() in ctx.lex.agree_verbs | ctx.lex.negated_acceptance
                and only.i < c.i
            ):  # "will only accept a deal that guarantees X"
                cond = self.t.np(c)
            if cond is not None:
                break
        conds = cond if isinstance(cond, list) else topic_list(cond)
        if not conds:
            return
        sources = self._holders(v)
        if sources:
            self._emit("demands", sources, conds, v, 0.65)

    def _holders(self, v: Token) -> list[Resolved]:
        """Who holds a condition on a verb: its subject's actors; for a subject that names no
        actor ("a maritime ceasefire would start only if it received X, the Kremlin said",
        "'Military operations will not cease until the militia withdraws,' the army said"),
        whoever says the clause (issue-15d)."""
        ctx = self.ctx
        found = ctx.resolve.subject_actors(v)
        if found:
            return found
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ == "PRON" or ctx.men[subj.i] is not None:
            return []
        if v.tag_ == "VBD":
            return []  # "the talks resumed only after X, the ELN said": what happened
        return self._judges(v)

    def _only_prep(self, prep: Token) -> bool:
        after = [x.lower_ for x in prep.subtree if x.i > prep.i and x.dep_ in ("pobj", "prep")]
        words = [prep.lower_, *after[:2]]
        return any(tuple(words[: len(p)]) == p for p in self.ctx.lex.only_preps)

    @staticmethod
    def _innermost_object(prep: Token) -> Token | None:
        """The innermost object of "as part of X", "in exchange for X", "after X"."""
        obj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
        for _ in range(2):
            if obj is None:
                return None
            inner = next((g for g in obj.children if g.dep_ == "prep"), None)
            if obj.lower_ in ("part", "exchange", "return") and inner is not None:
                obj = next((g for g in inner.children if g.dep_ in ("pobj", "pcomp")), None)
            else:
                break
        return obj

    def _ruled_out_unless(self, cond: Token, mark: Token) -> None:
        """ "there would be no truce unless the RSF leaves civilian homes, X said", "a treaty
        is impossible unless Armenia changes its constitution", "there can be no peace without
        a withdrawal": what is ruled out until the condition holds, in someone's words, is a
        demand of the speaker for the condition."""
        ctx = self.ctx
        cop = cond.head if mark.dep_ == "mark" else cond
        if mark.dep_ == "prep" and cop.dep_ == "attr":  # "no peace without X" on the noun
            cop = cop.head
        if not self._ruled_out(cop) or ctx.irrealis(cop) or cop.tag_ == "VBD":
            return  # "there was no access without a permit, the UN said": a past told
        if mark.dep_ == "mark":
            targets = topic_list(ctx.topics.from_vp(cond))
        else:
            inner = next((g for g in mark.children if g.dep_ in ("pobj", "pcomp")), None)
            if inner is None:
                return
            targets = (
                topic_list(ctx.topics.from_vp(inner)) if inner.pos_ == "VERB" else self.t.nps(inner)
            )
        sources = self._judges(cop)
        if sources and targets:
            self._emit("demands", sources, targets, cop, 0.6)

    def _ruled_out(self, cop: Token) -> bool:
        """Whether a copula says that something will not be: "there will be no truce", "a
        deal is impossible" (the lexicon's ``impossible``)."""
        if cop.lemma_.lower() != "be":
            return False
        kids = list(cop.children)
        if any(c.dep_ == "acomp" and c.lemma_.lower() in self.ctx.lex.impossible for c in kids):
            return any(c.dep_ in ("nsubj", "nsubjpass") for c in kids)
        return any(c.dep_ == "expl" for c in kids) and any(
            c.dep_ == "attr" and (no_det(c) is not None or self.ctx.negated(cop)) for c in kids
        )

    def _conditional_refusal(self, v: Token) -> None:
        """ "X will not release the hostages unless Y", "X refuses to disarm until Y", "X's
        refusal to disarm until Y": X demands Y (and each act conjoined to Y, also where the
        parser hung it higher up: "until Israel withdraws, ceases airstrikes and ...")."""
        ctx = self.ctx
        unless = self._unless(v)
        if unless is None or ctx.irrealis(v):
            return
        sources = self._owners(v) if v.pos_ == "NOUN" else self._holders(v)
        if not sources:
            return
        targets = topic_list(ctx.topics.from_vp(unless))
        for x in stray_conjuncts(unless):
            more = ctx.topics.from_vp(x)
            if more is not None and more not in targets:
                targets.append(more)
        self._emit("demands", sources, targets, v, 0.6)

    def _proviso(self, verb: Token, clause: Token, cue: Token) -> None:
        """ "X agreed to the truce on condition that Y releases them", "X will join the talks
        as long as Y drops the tariffs": X demands what the condition says."""
        ctx = self.ctx
        if verb.pos_ not in ("VERB", "AUX") or ctx.negated(verb) or ctx.irrealis(verb):
            return
        sources = ctx.resolve.subject_actors(verb)
        if sources:
            self._emit("demands", sources, topic_list(ctx.topics.from_vp(clause)), cue, 0.6)

    def _condition_of(self, n: Token, verb: Token) -> None:
        """ "Iran has expressed willingness to limit enrichment under the condition of strong
        guarantees", "agreed to a truce on condition of a full withdrawal": the one who would
        act demands what the condition names (issue-17d)."""
        ctx = self.ctx
        of = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
        if obj is None or ctx.men[obj.i] is not None or verb.pos_ not in ("VERB", "AUX"):
            return
        # "willingness (readiness) to limit X under the condition": the one who is willing
        acting = verb.head.head if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" else verb
        if any(ctx.negated(x) or ctx.irrealis(x) for x in (verb, acting)):
            return
        sources = ctx.resolve.subject_actors(acting)
        if sources:
            self._emit("demands", sources, self.t.nps(obj), n, 0.6)

    def _as_long_as(self, long: Token) -> None:
        """ "will join the talks as long as Kosovo drops the tariffs"."""
        clause = next(
            (
                c
                for c in long.children
                if c.dep_ == "advcl"
                and any(g.dep_ == "mark" and g.lower_ == "as" for g in c.children)
            ),
            None,
        )
        if long.dep_ == "advmod" and clause is not None:
            self._proviso(long.head, clause, long)

    def _condition_copula(self, n: Token, verb: Token) -> None:
        """ "a full withdrawal is a precondition for any talks, Kyiv said", "the release of
        the prisoners remains its condition": the subject is demanded, by the noun's owner
        or whoever says so."""
        ctx = self.ctx
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ == "PRON" or ctx.negated(verb) or ctx.irrealis(verb):
            return
        if self.t.list_items(subj) or ctx.men[subj.i] is not None:
            return  # "its conditions are X": the list rule; an actor is no demand
        lex = ctx.lex
        goal = next(
            (g for c in n.children if c.lower_ == "for" for g in c.children if g.dep_ == "pobj"),
            None,
        )
        talks = lex.party_nouns | lex.talk_nouns | lex.proposal_heads
        if (
            goal is not None
            and goal.pos_ != "VERB"
            and not {goal.lemma_.lower(), goal.lower_} & talks
        ):
            return  # "a precondition for disaster": not one of the negotiation
        sources = self._owners(n) or self._judges(verb)
        if sources:
            self._emit("demands", sources, self.t.nps(subj), n, 0.6)

    def _provided(self, w: Token) -> None:
        """ "will sign the deal provided that Russia withdraws its troops", "would accept
        neutrality providing that X": X demands what the condition says (only with "that":
        without it the parser reads the clause as anything)."""
        doc = w.doc
        that = doc[w.i + 1] if w.i + 1 < len(doc) else None
        if that is None or that.lower_ != "that" or that.dep_ != "mark":
            return
        clause = that.head
        verb = w.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head  # "release the hostages providing that ...": on the object
        if clause.i > w.i and verb.i < w.i:
            self._proviso(verb, clause, w)

    def _hinges_on(self, w: Token) -> None:
        """ "any deal hinges on Ukraine dropping its bid, the Kremlin said", "Kinshasa has made
        clear that signing is conditional on a withdrawal", "its approval is contingent on
        guarantees": whoever holds the condition (the owner of what depends on it, else
        whoever says so) demands what it depends on (issue-14d)."""
        ctx = self.ctx
        if self._made_conditional(w):
            return
        anchor = w  # "is first and foremost conditional on Y": the first conjunct's place
        while anchor.dep_ == "conj" and anchor.pos_ in ("ADJ", "ADV") and anchor.i != anchor.head.i:
            anchor = anchor.head
        on = next((c for c in w.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
        if on is None and anchor.dep_ == "acomp":  # "is conditional on Y", "on" on the copula
            on = next(
                (
                    c
                    for c in anchor.head.children
                    if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                ),
                None,
            )
        obj = next((g for g in on.children if g.dep_ in ("pobj", "pcomp")), None) if on else None
        clause = anchor.head if anchor.dep_ in ("acomp", "amod") else w
        saying = ctx.lex.speech_verbs | ctx.lex.insist_verbs
        # "insisted that peace hinges on X": asserted by the one who insists, so the clause's
        # own assertion is read on the verb of saying
        said = clause.head if clause.dep_ in ("ccomp", "dobj") else None
        said = said if said is not None and said.lemma_.lower() in saying else None
        top = said if said is not None else clause
        if obj is None or ctx.negated(clause) or ctx.negated(top) or ctx.irrealis(top):
            return
        if ctx.asked(clause):
            return
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
        if w.pos_ == "NOUN":  # "said any deal hinges on X", the verb tagged as a plural noun
            subj = next((c for c in w.children if c.dep_ in ("compound", "nsubj")), None)
            if said is None:
                return
        if subj is None or not self._dependent(subj):
            return  # "Hamas depends on Iran": reliance; "the harvest depends on the rain"
        poss = next((c for c in subj.children if c.dep_ == "poss"), None)
        sources = self._owners(subj) if poss is not None else []
        if said is not None and not sources:
            sources = [] if ctx.negated(said) else ctx.resolve.subject_actors(said)
        sources = sources or self._judges(clause) or self._made_clear(clause)
        if not sources:
            return
        act = next(
            (g for x in (obj, w) for g in x.children if g.dep_ == "acl" and g.pos_ == "VERB"),
            None,
        )
        if obj.pos_ == "VERB":  # "depends on Armenia changing its constitution"
            targets = topic_list(ctx.topics.from_vp(obj))
        elif act is not None and act.i > obj.i:  # "on Ukraine (the rebels) dropping X"
            agent = obj if ctx.men[obj.i] is None else None
            targets = topic_list(ctx.topics.from_vp(act, agent=agent))
        elif ctx.men[obj.i] is not None:
            return  # an actor alone is no demand
        else:
            targets = self.t.nps(obj)
        self._emit("demands", sources, targets, w, 0.6)

    def _made_conditional(self, w: Token) -> bool:
        """ "Ankara has made the opening of the border conditional on a settlement", "made a
        ceasefire conditional on Kyiv dropping its bid": the subject of "make" demands the
        condition, whatever it made depend on it (issue-17d). True when the rule applied."""
        ctx = self.ctx
        if w.pos_ != "ADJ":
            return False
        # the parser hangs the adjective on the object, makes it a clause with the object as
        # its subject, or buries it in the object's last noun ("relations with Yerevan
        # conditional"): the nearest "make" above it, with no other verb between
        make = w.head
        while make.pos_ != "VERB" and make.head.i != make.i:
            make = make.head
        if make.tag_ == "VBG" and make.dep_ == "ccomp" and make.i > w.i:
            make = make.head  # "made any truce conditional on Kyiv dropping": one clause
        if (
            make.lemma_.lower() != "make"
            or make.i > w.i
            or not any(c.dep_ in ("dobj", "ccomp", "oprd") for c in make.children)
        ):
            return False
        objs = [c for c in make.children if c.dep_ == "dobj"]
        on = next(
            (
                c
                for x in (w, *objs, make)
                for c in x.children
                if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i > w.i
            ),
            None,
        )
        cond = next((g for g in on.children if g.dep_ in ("pobj", "pcomp")), None) if on else None
        if cond is None or not ctx.asserted(make):
            return cond is not None
        sources = ctx.resolve.subject_actors(make)
        act = next(  # "on Kyiv dropping its bid": the act the parser hung elsewhere
            (
                g
                for x in (cond, make)
                for g in x.children
                if g.dep_ in ("acl", "advcl", "ccomp") and g.tag_ == "VBG" and g.i > cond.i
            ),
            None,
        )
        if cond.pos_ == "VERB":
            targets = topic_list(ctx.topics.from_vp(cond))
        elif act is not None:
            agent = cond if ctx.men[cond.i] is None else None
            targets = topic_list(ctx.topics.from_vp(act, agent=agent))
        elif ctx.men[cond.i] is not None:
            return True  # an actor alone is no demand
        else:
            targets = self.t.nps(cond)
        self._emit("demands", sources, targets, w, 0.6)
        return True

    def _dependent(self, subj: Token) -> bool:
        """Whether what depends on a condition is a step of the talks: a deal, the talks, a
        side's act ("its approval", "signing"), not an actor or a thing of no talks."""
        ctx = self.ctx
        lex = ctx.lex
        if ctx.men[subj.i] is not None or subj.pos_ == "PRON":
            return False
        words = (
            lex.talk_nouns
            | lex.proposal_heads
            | lex.agree_verbs
            | lex.dependent_subjects
            | lex.object_classes.get("step", frozenset())
            | lex.object_classes.get("proposal", frozenset())
        )
        return bool({subj.lemma_.lower(), subj.lower_} & words)

    def _made_clear(self, clause: Token) -> list[Resolved]:
        """ "X has made (it) clear that Y ...": X asserts Y."""
        up = clause.head
        if clause.dep_ in ("ccomp", "csubj") and any(c.lower_ == "clear" for c in up.children):
            up = next(c for c in up.children if c.lower_ == "clear")  # the clause on "made"
        if clause.dep_ not in ("ccomp", "csubj") or up.lower_ != "clear":
            return []
        make = up.head if up.dep_ in ("ccomp", "oprd", "acomp", "xcomp") else up
        if make.lemma_.lower() != "make" or self.ctx.negated(make) or self.ctx.irrealis(make):
            return []
        return self.ctx.resolve.subject_actors(make)

    def _threat(self, v: Token) -> None:
        """ "Israel threatened to expand the offensive if Hamas did not agree to the exchange",
        "threatened sanctions if Russia does not accept a ceasefire": the one who threatens
        demands what the negated condition asks of another (issue-14d; not "unless", which
        PLOVER codes as a threat only)."""
        ctx = self.ctx
        if not ctx.asserted(v):
            return
        sources = ctx.resolve.subject_actors(v)
        if not sources:
            return
        acts = [v, *(c for c in v.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB")]
        conds = [c for a in acts for c in a.children if c.dep_ == "advcl"]
        # "if production does not stop, and if their demands are not met": each condition
        conds += [g for c in conds for g in c.conjuncts if g.i > c.i and g.pos_ in ("VERB", "AUX")]
        conds += [c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]  # hung on v
        for cond in conds:
            mark = next((g.lower_ for g in cond.children if g.dep_ == "mark"), None)
            if mark != "if" or not ctx.negated(cond):
                continue  # "threatened to leave if the talks fail": no demand
            subj = next((g for g in cond.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or share_actor(ctx, sources, ctx.resolve.resolve_np(subj)):
                continue  # "... unless it gets X" asks nothing of another
            if subj.lemma_.lower() in ctx.lex.demand_nouns | ctx.lex.demand_list_nouns:
                # "if their demands to pay the salaries are not met": what the demand asks
                # (issue-17d); a demand named without its content gives nothing here
                self._emit("demands", sources, self._demand_content(subj), v, 0.6)
            elif ctx.men[subj.i] is None and not any(
                c.dep_ in ("dobj", "prep", "attr", "acomp") for c in cond.children
            ):
                # "if crude oil production does not stop": the act on the thing (issue-17d)
                act = ctx.topics.from_tokens([*ctx.topics.np_tokens(subj), cond])
                self._emit("demands", sources, topic_list(act), v, 0.6)
            else:
                self._emit("demands", sources, self._asked_by_condition(cond), v, 0.6)

    def _demand_content(self, n: Token) -> list[Topic | str]:
        """What a demand noun asks ("demands to pay the salaries", "demands for a truce")."""
        for c in n.children:
            if c.dep_ in ("acl", "relcl") and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children
            ):
                return topic_list(self.ctx.topics.from_vp(c))
            if c.dep_ == "prep" and c.lower_ == "for":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and self.ctx.men[obj.i] is None:
                    return self.t.nps(obj)
        return []

    def _asked_by_condition(self, cond: Token) -> list[Topic | str]:
        """What a condition asks: the thing to accept ("did not agree to the exchange": the
        exchange), else the act ("unless Russia withdraws its troops")."""
        ctx = self.ctx
        if cond.lemma_.lower() in ctx.lex.agree_verbs | ctx.lex.negated_acceptance:
            obj = next((c for c in cond.children if c.dep_ == "dobj"), None) or next(
                (
                    g
                    for c in cond.children
                    if c.dep_ == "prep" and c.lower_ in ("to", "on")
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            if obj is not None and ctx.men[obj.i] is None:
                return self.t.nps(obj)
        # "if Hamas does not release all the hostages": the act, without its negation
        toks = [x for x in ctx.topics.vp_tokens(cond) if x.dep_ != "neg"]
        return topic_list(ctx.topics.from_tokens(toks))

    def _made_condition(self, n: Token) -> None:
        """ "The Houthis made an end to the war a condition for halting their attacks"."""
        ctx = self.ctx
        verb = n.head
        if n.dep_ == "pobj" and verb.lower_ in ("on", "upon", "under", "with"):
            clause = self.t.clause_of_noun(n)  # "on condition that Y"
            if clause is not None and verb.lower_ in ("on", "upon"):
                self._proviso(verb.head, clause, n)
            elif clause is None:
                self._condition_of(n, verb.head)
            return
        if n.dep_ == "attr" and verb.lemma_.lower() in self.ctx.lex.predicate_copulas:
            self._condition_copula(n, verb)
            return
        if n.dep_ == "pobj" and verb.lower_ == "as":  # "set X as its price for Y"
            verb = verb.head
        elif n.dep_ not in ("oprd", "attr", "xcomp", "ccomp", "dobj"):
            return
        if verb.lemma_.lower() not in ("make", "set", "name", "declare"):
            return
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i != n.i), None)
        if obj is None:  # "made an end to the war a condition": a parse with a clause
            obj = next((c for c in n.children if c.dep_ == "nsubj"), None)
        if obj is None or ctx.negated(verb) or ctx.irrealis(verb):
            return
        sources = ctx.resolve.subject_actors(verb)
        if sources:
            self._emit("demands", sources, self.t.nps(obj), n, 0.65)


def _condition_named(clause: Token, t: Targets) -> Topic | str | list[Topic | str] | None:
    """What a condition clause names: the demands it says must be met (issue 12k), else
    the clause."""
    met = met_demands(clause, t)
    return met if met is not None else t.ctx.topics.from_vp(clause)
