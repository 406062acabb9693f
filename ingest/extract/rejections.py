"""The ``rejects`` rules (mixed into :class:`ingest.extract.stances.Stances`).

Rejecting verbs with the arguments the lexicon says they need, in the active, the passive and
the reduced passive ("a deal, so far rejected by X"); negated acceptance ("will not accept",
"has no intention of accepting", "unwilling to accept", "said no to"); predicates and phrases
of unacceptability ("is negative", "is out of the question", "a red line", "not acceptable to
X"); judgements ("called the demands delusional", "described the proposal as unacceptable");
opposition ("is opposed to X", "is against X", "voiced opposition to X", "X's rejection of
Y"); refusals of a request ("denied the request"); shortfalls ("the terms would not meet the
demands"). Who rejects is the subject, the "to" object of a predicate, or whoever says so.
Declining to comment rejects nothing. A denial of what is said about someone ("denied that it
arms X", "denied arming X", "refuted reports that …", "rejected accusations of X") rejects what
it says (issue 15r; it was no rejection before), a denied stance is none ("denied that it had
rejected X"). A refusal "until"/"unless" rejects what is refused for now, beside the demand
for the condition; what a side calls non-negotiable rejects the demand just before that names it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.ingest.extract.demand_owners import share_actor
from actorgraph.ingest.extract.lexicon import FUTURE_AUXILIARIES
from actorgraph.ingest.extract.records import Resolved
from actorgraph.ingest.extract.stance_rules import (
    DENIALS,
    StanceRules,
    absolute_participle,
    condition_clause,
    denied_clause,
    electoral_object,
    no_longer,
    pending,
    reattached,
)
from actorgraph.ingest.extract.targets import no_det
from actorgraph.ingest.extract.tokens import lowers, prep_object, tokens
from actorgraph.ingest.extract.topics import WHEN_ENTS

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.lexicon import Frame, Lexicon
    from actorgraph.ingest.extract.topics import Topic
    from spacy.tokens import Span, Token

HYPOTHETICAL = frozenset({"would", "could", "might", "may"})
#: "true peace is nearly impossible": a degree that makes a judgement an estimate (issue 15r)
HEDGES = frozenset({"nearly", "almost", "virtually", "practically", "probably", "likely"})
#: "fail to meet the demands": a negation of the verb it governs
FAILING = frozenset({"fail"})
#: "the minimum of its demands", "the least of its demands": the demands themselves
MINIMUM = frozenset({"minimum", "least", "bulk", "core", "heart", "substance", "essence"})


#: what one gives that is words, not a concession ("would not offer an opinion")
WORDS_NOUNS = frozenset(
    {"opinion", "comment", "comments", "detail", "details", "view", "views", "assessment"}
    | {"timeline", "figure", "figures", "estimate", "name", "names", "interview", "answer"}
)

#: claims that may be proposals: "rejected a suggestion that the talks address X" (a proposal),
#: "rejected suggestions that it was stalling" (a claim, told by a clause of what happened)
SUGGESTIONS = frozenset({"suggestion", "suggestions"})

#: "dismissed X as Y": X rejected whatever Y is ("as premature", "as not possible now")
DISMISSING = frozenset({"dismiss"})

#: what someone said, judged ("a remark that Cairo called provocative"): no proposal rejected
REMARKS = frozenset(
    {"remark", "remarks", "comment", "comments", "statement", "statements", "speech", "words"}
    | {"speeches", "tweet", "tweets", "interview", "interviews", "rhetoric"}
)

#: a passive refused, not a failure told: "will not be accepted", "cannot be accepted"
REFUSAL_AUXILIARIES = FUTURE_AUXILIARIES | {"can", "ca", "could"}

#: "agreed that no other country should be involved": modals of what ought to be (issue 14r)
DEONTIC = frozenset({"should", "must", "shall"})

#: "insisted on keeping the right to strike": what the other side is to grant, a demand
GRANTED = frozenset({"right", "rights", "freedom", "permission", "licence", "license"})

#: "insisted on keeping troops in the valley": where a thing is kept, a presence asked for
PLACING = frozenset({"in", "at", "on", "inside", "within", "along", "near", "across", "around"})

#: "walked out over the draft": what a walkout protests against is rejected, whatever it is
PROTEST_PREPS = frozenset({"over"})

#: a negotiation one walks away from ("walked away from the talks"; not a meeting or a room)
NEGOTIATIONS = frozenset({"talk", "talks", "negotiation", "negotiations", "process", "dialogue"})
#: what an idiom may keep away from besides talks ("distanced itself from the meetings", issue
#: 16r); walking out of a meeting is no rejection of it
MEETINGS = frozenset({"meeting", "meetings", "contacts"})


class RejectRules(StanceRules):
    """The rejection rules."""

    # ------------------------------------------------------------------ verbs
    def _reject_verb(self, v: Token, frame: Frame) -> None:
        ctx = self.ctx
        matrix = reattached(v)  # "wants X deployed and has rejected Y": the wanter's
        relative = v.dep_ == "relcl" and bool(self._relativized(v))  # "a demand X opposed"
        if not (relative or self.t.frame_ok(v, frame)) or ctx.negated(v):
            return
        # "wants X, a step Israel has declined to take", parsed as a clause under "wants":
        # the apposition is no part of what is wanted
        apposed = v.dep_ == "ccomp" and bool(self._appositive_relative(v))
        if ctx.irrealis(v if matrix is None else matrix) and not (
            apposed and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in v.children)
        ):
            return
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        if (v.dep_ in ("amod", "pcomp") and not absolute_participle(v)) or (
            v.dep_ == "acl" and v.tag_ in ("VBN", "VBD") and agent is None
        ):
            return  # "the rejected plan": nobody named
        if self._says_nothing(v):
            return  # "declined to comment"
        if self._holds_ground(v):
            return  # "refused to budge on its demand for X": the demand held (issue 21R)
        if hypothetical(v):
            return  # "Hamas would reject the deal if Israel insists on X" (issue 20R)
        if _charged(v, ctx.lex.accusing):
            return  # "accused the US of ignoring international law": a charge, no stance
        if _advised(v, ctx):
            return  # "Ethiopia should reject the preconditions": advice, no stance (yet)
        if matrix is not None:
            v_subj = ctx.resolve.subject_actors(matrix)
            targets = self.t.frame_target(v, frame) or self.t.of_verb(v)
            if v_subj:
                self._emit("rejects", v_subj, targets, v, 0.8)
            return
        if v.lemma_.lower() in DENIALS and self._denied_stance(v):
            return  # "denied that it had rejected the deal": no stance either way
        denial = self._denies_claim(v)
        if denial and self._believed(v):
            return  # "(some) worry that X; Y rejects that": a view answered, no proposal
        sources = (
            ctx.resolve.subject_actors(v) or self._conjoined_speaker(v) or self._prompt_subject(v)
        )
        if denial:  # "denied that it arms the militia", "belied the claims that ..." (15r)
            if sources:
                self._emit("rejects", sources, self._denied(v), v, 0.6)
            return
        judged_by = _agent_after_as(v)
        if not sources and judged_by is not None:  # "rejected as too low by X" (issue 14r)
            sources = ctx.resolve.resolve_np(judged_by)
        subs = [c for c in v.children if c.dep_ == "nsubj" and c.i < v.i]
        if not sources and len(subs) >= 2 and self._relativized(v):
            sources = ctx.resolve.resolve_np(subs[-1])  # "X, a step Israel declined to take"
        if not sources:
            return
        misparsed = _that_noun_and(v)
        if misparsed is not None:
            # "rejected that demand and insists on X", parsed as "rejected [that demand ... and
            # insists on X]": the demonstrative phrase is the object, the clause a conjunct
            noun, clause = misparsed
            last = ctx.topics.last_demand
            bare = noun.lemma_.lower() in ctx.lex.demand_anaphors and last is not None
            self._emit("rejects", sources, [last] if bare else self.t.nps(noun), v, 0.75)  # type: ignore[list-item]
            dframe = ctx.lex.demand_verbs.get(clause.lemma_.lower())
            if dframe is not None and self.t.frame_ok(clause, dframe):
                found = self.t.frame_target(clause, dframe) or self.t.of_verb(clause)
                self._emit("demands", sources, found, clause, 0.7)
            return
        targets = (
            self._relativized(v)
            or self.t.frame_target(v, frame)
            or self._accepted(v)
            or self.t.of_verb(v)
        )
        doing = _actor_doing(v)
        if doing is not None and targets and all(isinstance(x, str) for x in targets):
            # "rejects the US and the EU playing a role in X": the role, not the actors
            targets = _one(ctx.topics.from_vp(doing))
        self._emit("rejects", sources, targets, v, 0.8)
        act = next((c for c in v.children if c.dep_ == "xcomp"), None)
        until = self._unless(act) if act is not None else None
        if until is None and act is not None:  # "refused to pull back until the strikes stop"
            until = next(
                (
                    c
                    for c in act.children
                    if c.dep_ == "advcl"
                    and any(
                        g.dep_ == "mark" and g.lower_ in ("until", "unless") for g in c.children
                    )
                ),
                None,
            )
        if until is not None:
            who = next((c for c in until.children if c.dep_ == "nsubj"), None)
            if who is not None and (who.pos_ == "PRON" or ctx.men[who.i] is not None):
                who = None  # "until Israel agrees": the clause says enough
            self._emit("demands", sources, _one(ctx.topics.from_vp(until, agent=who)), v, 0.6)

    def _unheld(self, rtype: str, sources: list[Resolved], cue: Token) -> str | None:
        """Why a rejection read on ``cue`` is no stance of ``sources`` (issue-24R): one another
        voice says they hold ("an Armenian lawmaker claimed that Baku is rejecting the
        proposals"; said of one's own side it stands), or a rejection avoided or risked ("to
        avoid scuttling the deal", "risks derailing the talks")."""
        if rtype != "rejects":
            return None
        if _avoided(cue, self.ctx.lex):
            return "avoided"
        said = attributor(cue, self.ctx.lex.demand_attributing)
        if said is not None and said.lemma_.lower() not in DENIALS:
            by = self.ctx.resolve.subject_actors(said)
            if not share_actor(self.ctx, by, sources):
                return "attributed"
        return None

    def _prompt_subject(self, v: Token) -> list[Resolved]:
        """ "Israel was quick to reject the plan", "was swift to dismiss X", "Hamas was the
        first to reject it" (issue 21R, `rejects.prompt`): the infinitive on an adjective of
        speed or order is done by the copula's subject; not "was not quick to reject", "would
        be quick to reject"."""
        ctx = self.ctx
        adj = v.head
        if v.dep_ not in ("xcomp", "relcl") or adj.pos_ != "ADJ":
            return []
        if adj.dep_ not in ("acomp", "attr"):
            return []
        if not ({adj.lemma_.lower(), adj.lower_} & ctx.lex.prompt) or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in v.children
        ):
            return []
        cop = adj.head
        if cop.lemma_.lower() not in ctx.lex.copulas or ctx.negated(cop) or ctx.irrealis(cop):
            return []
        if hypothetical(cop):
            return []
        return ctx.resolve.subject_actors(cop)

    def _holds_ground(self, v: Token) -> bool:
        """ "refused to budge on its demand for X", "would not back down from its conditions"
        (issue 21R, `rejects.yielding` on `rejects.held_positions`): yielding refused on the
        refuser's own demand or position holds it; nothing of the other side's is named. One's
        own demand renounced or rescinded (`rejects.giving_up`, issue 22R) is given up, no
        rejection."""
        lex = self.ctx.lex
        if v.lemma_.lower() in lex.giving_up:  # "renounced its demand for X" (issue 22R)
            return any(
                c.dep_ == "dobj"
                and c.lemma_.lower() in lex.held_positions
                and any(g.dep_ == "poss" and g.pos_ == "PRON" for g in c.children)
                for c in v.children
            )
        act = next((c for c in v.children if c.dep_ == "xcomp"), None)
        if act is None or act.lemma_.lower() not in lex.yielding:
            return False
        for p in act.children:
            if p.dep_ != "prep" or p.lower_ not in ("on", "over", "from", "in"):
                continue
            for obj in p.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in lex.held_positions:
                    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)
        return False

    def _misread_reject_verb(self, n: Token) -> None:
        """ "X, a demand Israel rejects", with "Israel rejects" read as a plural noun and its
        actor as a compound (issue 21R): the actor rejects the demand just reported (or the
        proposal named), as in "X, a demand Kyiv rejected"."""
        ctx = self.ctx
        actor = next(
            (c for c in n.children if c.dep_ == "compound" and ctx.men[c.i] is not None), None
        )
        noun = next((c for c in n.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
        if actor is None or noun is None or noun.i > actor.i:
            return
        if any(c.dep_ in ("det", "poss", "amod") and c.i > noun.i for c in n.children):
            return  # "the Israeli rejects" is a noun phrase
        first = noun.left_edge.i
        if first == 0 or ctx.doc[first - 1].text not in (",", "—", "–", "-"):
            return
        lex = ctx.lex
        last = ctx.topics.last_demand
        if noun.lemma_.lower() in lex.demand_anaphors and last is not None:
            targets: list[Topic | str] = [last]
        elif noun.lemma_.lower() in lex.object_classes.get("proposal", ()):
            targets = self.t.nps(noun)
        else:
            return
        sources = ctx.resolve.resolve_np(actor)
        if sources:
            self._emit("rejects", sources, targets, n, 0.7)

    def _accepted(self, v: Token) -> list[Topic | str]:
        """ "refused to accept a final text", "declined to sign the accord": what was not to
        be accepted (its object), not the act of accepting it."""
        lex = self.ctx.lex
        act = next((c for c in v.children if c.dep_ == "xcomp"), None)
        if act is not None and act.lemma_.lower() in lex.acceptance_idioms:
            # "refused to put its name to the text": the text
            for tail in lex.acceptance_idioms[act.lemma_.lower()]:
                obj = idiom_target(act, tail)
                if obj is not None:
                    return self._idiom_targets(obj, False, True)
        if act is None or act.lemma_.lower() not in lex.negated_acceptance:
            return []
        if not any(c.dep_ == "dobj" and c.pos_ != "PRON" for c in act.children):
            return []
        found = self.t.of_verb(act)
        return [] if all(isinstance(x, str) for x in found) else found

    def _relativized(self, v: Token) -> list[Topic | str]:
        """ "a demand Russian negotiators have declined to take up", "the plan, which Israel
        rejected": what the relative clause hangs on, when the verbs leave their object to it."""
        if v.dep_ in ("ROOT", "ccomp"):
            return self._appositive_relative(v)
        if v.dep_ != "relcl":
            return []
        chain = [v, *(c for c in v.children if c.dep_ == "xcomp")]
        if any(g.dep_ in ("dobj", "ccomp") and g.pos_ != "PRON" for c in chain for g in c.children):
            return []
        head = self.t.proposed_antecedent(v.head)  # "a proposal for patrols, which ..."
        lex = self.ctx.lex
        said = self.t.said_to_be(head)
        if said is not None:  # "the disarmament proposal was one the movement has not accepted"
            return self.t.nps(said)
        if head.pos_ not in ("NOUN", "PROPN"):
            return []
        if head.dep_ == "appos" and head.lemma_.lower() not in lex.object_classes.get(
            "proposal", ()
        ):  # "the removal of X, a step Washington has declined to take": the removal
            return self.t.nps(head.head) if head.head.pos_ in ("NOUN", "PROPN") else []
        if head.lemma_.lower() not in lex.object_classes.get("proposal", ()):
            return []
        last = self.ctx.topics.last_demand
        if (
            head.lemma_.lower() in lex.demand_anaphors
            and last is not None
            and _after_mark(head, (",", "—", "–"))
            and not any(c.dep_ in ("prep", "amod", "compound", "poss") for c in head.children)
        ):  # "X called on Y to extend the mandate, a demand Rabat has long opposed"
            return [last]
        return self.t.nps(head)

    def _appositive_relative(self, v: Token) -> list[Topic | str]:
        """ "Russia demanded X, a demand Kyiv rejected", parsed with "a demand" as a second
        subject of "rejected": the noun before the real subject is what is rejected."""
        subs = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < v.i]
        if len(subs) < 2:
            return []
        noun, actor = subs[0], subs[-1]
        before = v.doc[noun.left_edge.i - 1] if noun.left_edge.i > 0 else None
        if (
            before is None
            or before.text not in (",", "—", "–", "-")
            or noun.pos_ != "NOUN"
            or self.ctx.men[actor.i] is None
        ):
            return []
        last = self.ctx.topics.last_demand
        if noun.lemma_.lower() in self.ctx.lex.demand_anaphors and last is not None:
            return [last]  # "a demand Kyiv rejected": the demand just reported
        if noun.lemma_.lower() in self.ctx.lex.object_classes.get("proposal", ()):
            return self.t.nps(noun)
        # "the lifting of the siege, a step Israel has declined to take": the phrase before
        prev = v.doc[before.i - 1] if before.i > 0 else None
        while prev is not None and prev.head.i < before.i and prev.head.pos_ in ("NOUN", "ADP"):
            prev = prev.head
        if prev is None or prev.pos_ != "NOUN" or self.ctx.men[prev.i] is not None:
            return []
        return self.t.nps(prev)

    def _denied_stance(self, v: Token) -> bool:
        """Whether what is denied is itself a stance ("denied that it had rejected X",
        "denied reports that it had accepted X")."""
        clauses = [c for c in v.children if denied_clause(c)]  # "denied having rejected X"
        clauses += [
            g
            for c in v.children
            if c.dep_ in ("dobj", "nsubjpass")
            for g in c.children
            if g.dep_ in ("acl", "ccomp")
        ]
        return any(self._stance_cue(c) for c in clauses)

    def _stance_cue(self, c: Token) -> bool:
        """Whether a verb takes a stance here: a cue whose frame holds ("rejected the plan",
        "demanded X"), or an act of acceptance; "blocked the aid convoys" is an act told, whose
        denial is a denial of a fact (issue 20R)."""
        lex = self.ctx.lex
        lemma = c.lemma_.lower()
        if lemma in lex.negated_acceptance:
            return True
        frame = lex.reject_verbs.get(lemma) or lex.demand_verbs.get(lemma)
        if frame is None:
            return False
        classes = [n.partition(":")[2] for n in frame.needs if n.startswith("dobj_class:")]
        if (
            c.dep_ == "acl"
            and classes
            and len(classes) == len(frame.needs)
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        ):
            # "the claim that it blocked the convoys": the clause's own object, not the noun
            # it tells of (which a reduced passive, "the plan blocked by X", would be)
            return any(
                g.dep_ in ("dobj", "nsubjpass")
                and g.lemma_.lower() in lex.object_classes.get(k, ())
                for g in c.children
                for k in classes
            )
        return self.t.frame_ok(c, frame)

    def _denies_claim(self, v: Token) -> bool:
        """A denial of what is said about someone, not of a proposal: "denied that Yerevan
        was withholding information", "dismissed reports that it was stalling", "rejected
        accusations of ...", "reject that" with the worry it answers parsed as the object
        (since issue 15r a rejection of what it says, see :meth:`_denied`). A suggestion or a
        call with a mandative clause is a proposal ("rejected a suggestion that the talks
        address X"); "denied the request" stays a refusal."""
        lex = self.ctx.lex
        classes = lex.object_classes
        claims = classes.get("claim", frozenset()) | classes.get("fact", frozenset())
        if self._believed(v):
            return True  # "(some) worry that X; Y rejects that"
        for c in v.children:
            if denied_clause(c) and v.lemma_.lower() in DENIALS:
                return True  # "denied that ...", "denied arming X": a fact disputed
            if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in claims:
                if self.t.claimed_back(c) is not None:
                    continue  # "Russia demanded X. Kyiv rejected the claims": the demand
                clause = next((g for g in c.children if g.dep_ in ("acl", "ccomp")), None)
                if c.lemma_.lower() in SUGGESTIONS and (clause is None or not _past_fact(clause)):
                    continue  # "rejected a suggestion that the talks address X"
                return True
        return False

    def _believed(self, v: Token) -> bool:
        """ "(some) worry that X; Y rejects that": the view answered parsed as the object."""
        beliefs = self.ctx.lex.belief_verbs
        return any(c.dep_ == "ccomp" and c.lemma_.lower() in beliefs for c in v.children)

    def _denied(self, v: Token) -> list[Topic | str]:
        """What a denial rejects (issue 15r): the clause denied ("denies that it supplies the
        militia with weapons": supplying the militia with weapons), else the claim with its
        content ("belied the group's claims that ...", "denied the existence of such claims")."""
        for c in v.children:
            if denied_clause(c):
                return _one(self.ctx.topics.from_vp(c))
        obj = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
        return self.t.nps(obj) if obj is not None else []

    def _says_nothing(self, v: Token) -> bool:
        """ "declined to comment", "refused to say whether": a stance on nothing."""
        lex = self.ctx.lex
        return any(
            c.dep_ == "xcomp" and c.lemma_.lower() in lex.not_stances and not _conceded(c, lex)
            for c in v.children
        )

    def _negated_accept(self, v: Token) -> None:
        """ "will not accept X", "has no intention of accepting X", "no plans to sign X"."""
        ctx = self.ctx
        intention = self._no_intention(v)
        longer = _no_longer_now(v)  # "no longer recognises the accord" (issue 17r)
        negated = (
            ctx.negated(v)
            or longer
            or any(c.dep_ == "dobj" and no_det(c) is not None for c in v.children)
            or self._emphatic_refusal(v)
        )
        if addressed_act(v):
            return  # "told Colombo not to support X": Colombo's act, wanted of it (23Y)
        unsure = ctx.irrealis(v) and not self._could_not(v)  # "said it could not accept X"
        if unsure and self._intent_denied(v) is not None:
            unsure = False  # "did not want to accept it": the intention is asserted (23Y)
        if intention is None and (unsure or not negated or pending(v)):
            return
        if intention is None and _advised(v, ctx):
            return  # "Israel should not accept the deal": advice, not Israel's stance
        if intention is None and _disputes_claim(v):
            return  # "we do not accept that they become a substitute": a claim disputed
        if intention is not None:  # who has no intention: the subject of "has"
            sources = ctx.resolve.subject_actors(intention.head)
        else:
            sources = ctx.resolve.subject_actors(v) or self._going_subject(v)
        if not sources and intention is None and _passive(v):
            self._refused_passive(v)
            return
        if not sources:
            return
        unless = self._unless(v)
        if unless is not None:  # "will not agree unless X": a demand for X, and a refusal
            topic = ctx.topics.from_vp(unless)  # for now of what is not agreed (issue 15r)
            self._emit("demands", sources, [topic] if topic else [], v, 0.65)
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is not None and electoral_object(obj, ctx.lex.electoral):
            return  # "did not support his candidacy": a vote, no stance in the talks
        content = self._indefinite_content(obj) if obj is not None else None
        if content is not None:  # "will not sign anything that amounts to a surrender"
            self._emit("rejects", sources, content, v, 0.7, longer_negates=longer)
            return
        if obj is not None and no_det(obj) is not None:
            # "would respect no ceasefire negotiated without it": the ceasefire
            self._emit("rejects", sources, _one(self.t.np(obj, keep_no=False)), v, 0.7)
            return
        wanted = self._what_is_wanted(v)
        if wanted is not None:  # "will not implement what Serbia wants": Serbia's demand
            self._emit("rejects", sources, [wanted], v, 0.65, longer_negates=longer)
            return
        targets = self.t.of_verb(v)
        kept = prep_object(v, ("by", "with"))
        if not targets and kept is not None and ctx.men[kept.i] is None:
            targets = self.t.nps(kept)  # "will not abide by the truce", "comply with X"
        if targets and all(isinstance(x, str) for x in targets):
            # "will never recognise Kosovo": the act refused, not the actor
            targets = _one(ctx.topics.from_vp(v, refused=True))
        self._emit("rejects", sources, targets, v, 0.7, longer_negates=longer)

    def _what_is_wanted(self, v: Token) -> Topic | None:
        """ "will not accept what Serbia wants", "would not implement what Moscow demands":
        the last demand found, when the one named in the free relative made it or is named in
        its sentence (the demand rules read the same words as pointing back to it; issue 15r)."""
        ctx = self.ctx
        clause = next((c for c in v.children if c.dep_ == "ccomp"), None)
        if clause is None or clause.lemma_.lower() not in ctx.lex.demand_verbs:
            return None
        if not any(  # "what" hung on either verb
            c.dep_ == "dobj" and c.lower_ == "what" for c in [*v.children, *clause.children]
        ):
            return None
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        who = {ctx.stance_source(r.actor) for r in ctx.resolve.resolve_np(subj)} if subj else set()
        last = ctx.topics.last_demand  # however far back: the one named made it, or was named
        if not who or last is None:
            return None
        owners = {
            r.get("source")
            for r in ctx.out.relations
            if r.get("type") == "demands" and r.get("target") == last.id
        }
        at = ctx.topics.last_demand_sent
        if at is not None:  # "the EU, coordinating with Serbia's president, pressed for X"
            sent = ctx.sents[at]
            named = (ctx.men[i] for i in range(sent.start, sent.end))
            owners |= {ctx.stance_source(m.actor) for m in named if m is not None and m.actor}
        return last if who & owners else None

    def retained(self, v: Token) -> Token | None:
        """ "insisted on keeping its enrichment capability", "insists upon retaining its
        weapons": the verb of holding on to something (`rejects.retaining`) with an object
        that is no actor; None for any other insistence ("insisted on a ceasefire", "on
        keeping troops in the corridor": a presence, placed)."""
        lex = self.ctx.lex
        if v.lemma_.lower() not in lex.insist_verbs:
            return None
        for p in v.children:
            if p.dep_ != "prep" or p.lower_ not in ("on", "upon"):
                continue
            act = next((g for g in p.children if g.dep_ in ("pcomp", "pobj")), None)
            if act is None or act.tag_ != "VBG" or act.lemma_.lower() not in lex.retaining:
                continue
            if any(g.dep_ == "prep" and g.lower_ in PLACING for g in act.children):
                continue  # "keeping troops in the corridor": a presence asked for
            obj = next((g for g in act.children if g.dep_ == "dobj"), None)
            if obj is None or obj.pos_ == "PRON" or self.ctx.men[obj.i] is not None:
                continue
            if obj.lemma_.lower() not in GRANTED:  # "keeping the right to strike": asked for
                return act
        return None

    def _retention(self, v: Token, act: Token) -> None:
        """Holding on to X refuses to give X up: a rejection of the demand just before that
        names X's head ("The US demanded that Iran dismantle its enrichment programme. Iran
        insisted on keeping its enrichment capability": the dismantling), else of X
        (issue 14r). The insistence is no demand."""
        ctx = self.ctx
        if ctx.negated(v) or ctx.irrealis(v):
            return
        sources = ctx.resolve.subject_actors(v)
        obj = next(g for g in act.children if g.dep_ == "dobj")
        if not sources:
            return
        last = self._demand_on(obj)
        if last is not None:
            self._emit("rejects", sources, [last], v, 0.7)
            return
        kept = [t for t in ctx.topics.vp_tokens(act) if t.i != act.i]  # "its claim to the coast"
        self._emit("rejects", sources, _one(ctx.topics.from_tokens(kept)), v, 0.65)

    def _demand_on(self, thing: Token) -> Topic | None:
        """The demand just before (its sentence or the two before) that names the head of
        ``thing``, what a side holds on to: "Iran must dismantle its uranium-enrichment
        programme" for "its enrichment capability" (hyphened keywords count by their parts)."""
        last = self.ctx.topics.recent_demand(self.ctx.sent_of[thing.i])
        if last is None:
            return None
        words = {t.lower_ for t in thing.subtree if t.pos_ in ("NOUN", "PROPN")}
        keys = {part for k in last.keywords for part in (k, *k.split("-"))}
        return last if words & keys else None

    def _agreed_exclusion(self, v: Token) -> None:
        """ "Armenia and Azerbaijan agreed that no other country should be involved", "agreed
        there would be no foreign troops": each side that agrees rules out what the negated
        clause names (its subject or the "there is" phrase with "no" and a modal; issue 14r).
        An agreement told as a guess or a plan ("may agree", "hope to agree") says nothing."""
        ctx = self.ctx
        if v.lemma_.lower() not in ctx.lex.agreeing or ctx.negated(v) or ctx.irrealis(v):
            return
        for c in v.children:
            modal = next((g for g in c.children if g.dep_ == "aux" and g.tag_ == "MD"), None)
            if c.dep_ != "ccomp" or modal is None:
                continue
            subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            there = next((g for g in c.children if g.dep_ == "expl"), None)
            thing = next((g for g in c.children if g.dep_ == "attr"), None) if there else subj
            no = no_det(thing) if thing is not None else None
            if thing is None or no is None or ctx.men[thing.i] is not None:
                continue
            if thing.lemma_.lower() not in ctx.lex.outsiders and (
                modal.lower_ not in DEONTIC or there is None
            ):
                # "agreed that no deal would be reached this year": a forecast; "agreed that
                # no civilians should be harmed": a shared commitment, no refusal
                continue
            sources = ctx.resolve.subject_actors(v)
            if not sources:
                return
            # "other" stays: "other country involved", not "country involved"
            toks = ctx.topics.np_tokens(thing) + [g for g in thing.children if g.dep_ == "amod"]
            if there is None:  # "no other country should be involved in the talks"
                toks += ctx.topics.vp_tokens(c)
            toks = [t for t in dict.fromkeys(toks) if t.i != no.i]
            self._emit("rejects", sources, _one(ctx.topics.from_tokens(toks)), v, 0.6)
            return

    def _refused_passive(self, v: Token) -> None:
        """ "the proposal will not be accepted", "the decree cannot be accepted as an
        agreement", "such a deal would never be accepted by Moscow": the "by" agent refuses,
        else whoever says so; what is refused is the passive subject (not an actor)."""
        ctx = self.ctx
        thing = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        if thing is None or (thing.pos_ != "PRON" and ctx.men[thing.i] is not None):
            return  # "Kosovo will never be recognised": an actor, read elsewhere
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        by = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
        if by is None and not any(
            c.dep_ == "aux" and c.lower_ in REFUSAL_AUXILIARIES for c in v.children
        ):
            return  # "the truce was not respected, the UN said": a failure told, no refusal
        lemma = thing.lemma_.lower()
        targets = self._idiom_targets(thing, False)  # a proposal, a pronoun, what is demanded
        if not targets and (
            by is not None or lemma in ctx.lex.object_classes.get("authority", frozenset())
        ):  # "the decree cannot be accepted", "would never be accepted by Peru"
            targets = [x for x in self.t.nps(thing) if not isinstance(x, str)]
        if not targets:
            return  # "goods will not be accepted at the border": no proposal, nobody named
        sources = ctx.resolve.resolve_np(by) if by is not None else self._judges(v)
        if sources and targets:
            self._emit("rejects", sources, targets, v, 0.7)

    def _indefinite_content(self, obj: Token) -> list[Topic | str] | None:
        """ "anything that amounts to a surrender", "anything that means partition": the
        phrase a verb of equating gives ("anything that infringes on X" is a condition)."""
        if obj.lower_ not in INDEFINITES:
            return None
        rel = next((c for c in obj.children if c.dep_ in ("relcl", "acl")), None)
        if rel is None:
            return None
        if rel.lemma_.lower() not in EQUATING:
            return None  # "anything that infringes on its sovereignty": a condition, no topic
        said = next(
            (
                g
                for c in rel.children
                if c.dep_ == "prep" and c.lower_ in ("to", "like")
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        ) or next((c for c in rel.children if c.dep_ in ("attr", "dobj", "acomp")), None)
        if said is not None:
            return self.t.nps(said)
        return None

    def _no_intention(self, v: Token) -> Token | None:
        """ "has no intention of accepting", "has no plans to sign": the intention noun."""
        lex = self.ctx.lex
        noun = v.head
        if v.dep_ == "pcomp" and noun.dep_ == "prep":
            noun = noun.head
        elif v.dep_ not in ("acl", "xcomp"):
            return None
        if noun.lemma_.lower() in lex.intention_nouns and any(
            c.lower_ == "no" for c in noun.children
        ):
            return noun
        return None

    def _unwilling(self, adj: Token) -> None:
        """ "unwilling to accept X", "not ready to sign X"."""
        ctx = self.ctx
        lex = ctx.lex
        low = adj.lower_
        cop = adj.head
        if (
            adj.dep_ not in ("acomp", "amod", "attr", "oprd")
            or cop.lemma_.lower() not in self.ctx.lex.copulas
        ):
            return
        longer = low in lex.willing and no_longer(adj)  # "no longer ready to X" (issue 17r)
        if low in lex.willing and not (ctx.negated(cop) or ctx.negated(adj) or longer):
            return
        if low in lex.unwilling and (ctx.negated(cop) or ctx.negated(adj)):
            return
        act = next((c for c in adj.children if c.dep_ == "xcomp"), None)
        if act is None or ctx.irrealis(cop):
            return
        lemma = act.lemma_.lower()
        if lemma in lex.negated_acceptance | lex.agree_verbs:
            targets = self.t.of_verb(act)
        elif lemma in lex.concessions:  # "unwilling to disarm", "not prepared to withdraw"
            targets = _one(ctx.topics.from_vp(act))
        else:
            return
        sources = ctx.resolve.subject_actors(cop)
        if sources:
            self._emit("rejects", sources, targets, adj, 0.7, longer_negates=longer)

    # ------------------------------------------------------------------ predicates
    def _predicate(self, pred: Token, cop: Token, negative: bool = False) -> None:
        """ "Our position on the text is negative", "X is out of the question", "X is not
        acceptable to Israel" (``negative``: the phrase holds the negation), "Egypt said X was
        a red line"."""
        ctx = self.ctx
        if cop.lemma_.lower() not in self.ctx.lex.copulas or ctx.irrealis(cop):
            return
        if ctx.negated(cop) and not negative:
            return
        if any(c.dep_ == "advmod" and c.lower_ in HEDGES for c in pred.children) or any(
            condition_clause(c) for c in [*cop.children, *pred.children]
        ):
            return  # "as long as the junta exists, peace is nearly impossible": an estimate
        subj = next((c for c in cop.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is None:
            return
        sources: list[Resolved] = []
        targets: list[Topic | str] = []
        if subj.lemma_.lower() in ctx.lex.stance_nouns:
            for c in subj.children:
                if c.dep_ == "poss":
                    sources = ctx.resolve.resolve_np(c)
                if c.dep_ == "prep" and c.lower_ in ("on", "to", "toward", "towards", "regarding"):
                    obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if obj is not None:
                        targets = self.t.nps(obj)
        elif subj.dep_ == "csubj":
            topic = ctx.topics.from_vp(subj)
            targets = [topic] if topic else []
        else:
            targets = self.t.nps(subj)
        if not sources:
            sources = self._to_whom(pred) or self._judges(cop)
        if sources and targets:
            self._emit("rejects", sources, targets, pred, 0.7)

    def _to_whom(self, pred: Token) -> list[Resolved]:
        """ "unacceptable to Israel", "unacceptable for Moscow" (issue 17r): who rejects it."""
        for c in pred.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "for"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return self.ctx.resolve.resolve_np(obj)
        return []

    def _phrases(self, s: Span) -> None:
        """The lexicon's phrases after a copula: "X is out of the question" (a rejection of
        X), "X is not a subject for negotiation" (a demand for X)."""
        for words, _first, last, cop in _copula_phrases(
            s, self.ctx.lex.reject_phrases, self.ctx.lex.copulas
        ):
            self._predicate(last, cop, negative=words[0] in ("not", "no"))
        for _, _first, last, cop in _copula_phrases(
            s, self.ctx.lex.held_phrases, self.ctx.lex.copulas
        ):
            self._held(last, cop)

    def _held(self, last: Token, cop: Token) -> None:
        """ "Tehran's right to enrich uranium was not a subject for negotiation", "X is
        non-negotiable": a demand for X by whoever says so (or X's owner); a rejection of
        the other side's demand just before that names X ("A demanded that Iran dismantle
        its enrichment programme. Iran said its enrichment capability was non-negotiable",
        issue 15r: what is held is what that demand would take away)."""
        ctx = self.ctx
        subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
        if subj is None or ctx.irrealis(cop):
            return
        sources = self._judges(cop)
        owner = next((c for c in subj.children if c.dep_ == "poss"), None)
        if not sources and owner is not None:
            sources = ctx.resolve.resolve_np(owner)
        if not sources:
            return
        demand = self._demand_on(subj)
        if demand is not None and not self._own_demand(sources, demand):
            self._emit("rejects", sources, [demand], last, 0.6)
            return
        self._emit("demands", sources, self.t.nps(subj), last, 0.6)

    def _uninterested(self, adj: Token) -> None:
        """ "Bamako is not interested in any new mediation": a rejection of it."""
        ctx = self.ctx
        cop = adj.head
        if adj.dep_ not in ("acomp", "oprd") or cop.lemma_.lower() not in self.ctx.lex.copulas:
            return
        longer = no_longer(adj)  # "is no longer interested in talks" (issue 17r)
        if not (ctx.negated(cop) or ctx.negated(adj) or longer) or ctx.irrealis(cop):
            return
        inn = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ == "in"), None)
        obj = next((g for g in inn.children if g.dep_ in ("pobj", "pcomp")), None) if inn else None
        if obj is None:
            return
        sources = ctx.resolve.subject_actors(cop)
        targets = self.t.nps(obj) if obj.pos_ != "VERB" else _one(ctx.topics.from_vp(obj))
        if sources:
            self._emit("rejects", sources, targets, adj, 0.65, longer_negates=longer)

    def _opposed(self, adj: Token) -> None:
        """ "Egypt is opposed to any displacement", "Hamas is strongly averse to ..."."""
        ctx = self.ctx
        cop = adj.head
        if adj.dep_ not in ("acomp", "amod", "attr", "ROOT") and adj.tag_ != "VBN":
            return
        to = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        if to is None:
            return
        obj = next((g for g in to.children if g.dep_ in ("pobj", "pcomp")), None)
        if obj is None or ctx.negated(cop) or ctx.negated(adj) or ctx.irrealis(cop):
            return
        holder = cop if adj.dep_ not in ("ROOT", "relcl", "ccomp", "conj") else adj
        subj = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        while subj is None and holder.dep_ == "conj" and holder.head.i != holder.i:
            holder = holder.head  # "said the government was open to X but was opposed to Y"
            subj = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.tag_ in ("WDT", "WP") and holder.dep_ == "relcl":
            subj = holder.head  # "Israel, which is opposed to X"
        sources = ctx.resolve.resolve_np(subj) if subj is not None else []
        if not sources and holder.dep_ == "ccomp":  # "He added that the government was opposed"
            sources = self._judges(holder)
        targets = self.t.nps(obj) if obj.pos_ != "VERB" else _one(ctx.topics.from_vp(obj))
        if sources:
            self._emit("rejects", sources, targets, adj, 0.7)

    def _departure(self, v: Token, tails: tuple[tuple[str, ...], ...]) -> None:
        """ "Hamas walked away from the talks", "Israel backed out of the deal", "scrapped the
        agreement": leaving a deal, a proposal or talks rejects them (the words after the verb
        are read as written, so a particle the parser hung elsewhere still counts)."""
        ctx = self.ctx
        if ctx.negated(v) or ctx.irrealis(v):
            return
        if v.dep_ in ("amod", "pcomp", "acl") and not absolute_participle(v):
            return
        doc = v.doc
        obj: Token | None = None
        protest = False
        for tail in tails:
            after = doc[v.i + 1 : v.i + len(tail)]  # all but the last word: next to the verb
            if tuple(x.lower_ for x in after) != tail[:-1]:
                continue
            if tail:  # "walked away from X": the object of the last word, or the next noun
                nxt = v.i + len(tail)
                last = doc[nxt] if nxt < len(doc) and doc[nxt].lower_ == tail[-1] else None
                if last is None:  # "walked out last week over the protocol"
                    last = next(
                        (c for c in v.children if c.dep_ == "prep" and c.lower_ == tail[-1]),
                        None,
                    )
                if last is None or last.i < v.i:
                    continue
                protest = tail[-1] in PROTEST_PREPS
                obj = next((g for g in last.children if g.dep_ == "pobj"), None)
                if obj is None:
                    obj = next(
                        (
                            x
                            for x in doc[last.i + 1 : v.sent.end]
                            if x.pos_ in ("NOUN", "PROPN") and x.dep_ != "compound"
                        ),
                        None,
                    )
            else:  # "scrapped the agreement"
                obj = next((c for c in v.children if c.dep_ == "dobj"), None)
            if obj is not None:
                break
        lex = ctx.lex
        if obj is None or ctx.men[obj.i] is not None:
            return
        if obj.lemma_.lower() in lex.demand_nouns | lex.demand_list_nouns:
            return  # "abandoned its call for X": a demand given up, no proposal left
        if not protest and not (
            obj.lemma_.lower() in lex.object_classes.get("proposal", ())
            or obj.lemma_.lower() in NEGOTIATIONS
        ):
            return  # "walked out of the meeting", "withdrew from Gaza": no stance
        sources = ctx.resolve.subject_actors(v)
        if sources:
            self._emit("rejects", sources, self.t.nps(obj), v, 0.7)

    def _ended(self, n: Token) -> None:
        """ "the EMC announced the termination of the peace negotiations", "declared the
        suspension of the accord": ending talks or a deal, announced by its subject
        (`rejects.ending_nouns` after a verb of saying or ruling; issue 14r). Not an end asked
        for ("called for the suspension of the talks": a demand) or denied."""
        ctx = self.ctx
        lex = ctx.lex
        v = n.head
        if n.dep_ != "dobj" or v.lemma_.lower() not in lex.speech_verbs | lex.ruling_verbs:
            return
        if ctx.negated(v) or ctx.irrealis(v):
            return
        of = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
        if obj is None or ctx.men[obj.i] is not None:
            return
        low = obj.lemma_.lower()
        if low not in NEGOTIATIONS and low not in lex.object_classes.get("proposal", ()):
            return  # "announced the end of the curfew": no talks or deal left
        sources = ctx.resolve.subject_actors(v)
        if sources:
            self._emit("rejects", sources, self.t.nps(obj), n, 0.7)

    # ------------------------------------------------------------------ idioms
    def _idiom(
        self, v: Token, tails: tuple[tuple[str, ...], ...], acceptance: bool = False
    ) -> None:
        """ "brushed the idea aside", "poured cold water on the plan", "has set its face
        against X", "will have nothing to do with X", "campaigned against it"; with
        ``acceptance``, a way of signing that rejects when negated: "would not put his
        signature to it" ("refused to put its name to X" is read by the refusing verb, see
        :meth:`_accepted`)."""
        ctx = self.ctx
        if ctx.irrealis(v) or ctx.asked(v, quoted=True):
            return
        if acceptance and (not ctx.negated(v) or pending(v)):
            return
        if acceptance and v.lemma_.lower() in ctx.lex.attending and not _refusal_aux(v):
            return  # "did not take part in the talks": an absence told, no refusal (issue 14r)
        if not acceptance and (
            (ctx.negated(v) and not _says_no(v, tails))
            or (v.dep_ in ("amod", "pcomp", "acl") and not absolute_participle(v))
        ):
            return
        for tail in tails:
            obj = idiom_target(v, tail)
            if obj is None:
                continue
            sources = ctx.resolve.subject_actors(v)
            targets = self._idiom_targets(obj, not acceptance and "nothing" in tail, acceptance)
            if acceptance and not targets and ctx.men[obj.i] is not None:
                # "will not sit down with the RSF"
                targets = _one(ctx.topics.from_vp(v, refused=True))
            if sources and targets:
                self._emit("rejects", sources, targets, v, 0.7)
            return

    def _idiom_targets(
        self, obj: Token, actors: bool, acceptance: bool = False
    ) -> list[Topic | str]:
        """What an idiom rejects: a proposal, a course of action ("argued against sending
        troops"), what someone here demands, or a pronoun standing for one; an actor only
        where the idiom allows it ("nothing to do with the junta"). Not a plain noun:
        "campaigned against drug trafficking", "waved away the criticism"."""
        ctx = self.ctx
        if men := ctx.men[obj.i]:
            return [men.actor] if actors and men.actor else []
        if obj.pos_ == "VERB":
            return _one(ctx.topics.from_vp(obj))
        found = self.t.nps(obj)
        lemma = obj.lemma_.lower()
        if (
            actors  # "will have nothing to do with the customs union": whatever it is
            or obj.pos_ == "PRON"
            or lemma in ctx.lex.object_classes.get("proposal", ())
            or lemma in ctx.lex.object_classes.get("course", ())  # "warned against intervention"
            or lemma in ctx.lex.proposal_heads
            or lemma in ctx.lex.shell_nouns
            or lemma in NEGOTIATIONS  # "would not take part in the talks"
            or lemma in MEETINGS
            # a claim with what it says: "called out the narrative that he brokered it" (17r)
            or (
                lemma in ctx.lex.object_classes.get("claim", ())
                and self.t.clause_of_noun(obj) is not None
            )
            # "will not submit to pressure from the US", "would not bow to Israel's ultimatum"
            # (issue 17r); not "pressure from abroad", which names nothing proposed
            # and, defied, "thumbed its nose at the court's ruling" (issue 20R)
            or (
                lemma in ctx.lex.object_classes.get("authority", ())
                and any(self._owned(x) for x in (obj, *obj.conjuncts))
            )
        ):
            return [x for x in found if actors or not isinstance(x, str)]
        demanded = {r.get("target") for r in ctx.out.relations if r.get("type") == "demands"}
        return [x for x in found if not isinstance(x, str) and x.id in demanded]

    def _owned(self, noun: Token) -> bool:
        """Whether a named side owns a noun ("Israel's ultimatum", "US pressure", "pressure
        from the United States")."""
        men = self.ctx.men
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "amod") and men[c.i] is not None:
                return True
            if (
                c.dep_ == "prep"
                and c.lower_ in ("from", "by")
                and any(g.dep_ == "pobj" and men[g.i] is not None for g in c.children)
            ):
                return True
        return False

    def _against(self, prep: Token) -> None:
        """ "Hamas is against any disarmament": a copula with "against"."""
        ctx = self.ctx
        cop = prep.head
        if cop.lemma_.lower() not in self.ctx.lex.copulas or prep.dep_ != "prep":
            return
        obj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
        if obj is None or ctx.negated(cop) or ctx.irrealis(cop):
            return
        sources = ctx.resolve.subject_actors(cop)
        if sources:
            self._emit("rejects", sources, self.t.nps(obj), prep, 0.65)

    # ------------------------------------------------------------------ judgements
    def _evaluation(self, v: Token) -> None:
        """ "called the demands delusional", "described the proposal as unacceptable",
        "dismissed the plan as a recipe for occupation"."""
        ctx = self.ctx
        if ctx.negated(v) or ctx.irrealis(v):
            return
        obj = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is None:  # "called Hamas's demands delusional" parsed as one phrase or a clause
            oprd = next((c for c in v.children if c.dep_ in ("oprd", "ccomp")), None)
            obj = next(
                (c for c in (oprd.children if oprd else ()) if c.dep_ in ("compound", "nsubj")),
                None,
            )
        if obj is None:
            return
        if obj.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
            obj = self._judged_antecedent(v)  # "X, which Y dismissed as a ploy" (17r)
            if obj is None:
                return
        if obj.lower_ == "it" and v.dep_ == "advcl" and v.tag_ == "VBG":
            # "dismissed the response, calling it unacceptable" (issue 21R): the "it" is what
            # the verb the participle hangs on took as its object
            held = next((c for c in v.head.children if c.dep_ == "dobj"), None)
            if held is not None and held.pos_ in ("NOUN", "PROPN"):
                obj = held
        judged = [c for c in v.children if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "attr")]
        inner = next((c for c in obj.children if c.dep_ == "compound"), None)
        if inner is not None and obj.lower_ in ctx.lex.evaluations:
            judged.append(obj)  # "declared the accord void" parsed as one noun phrase
            obj = inner
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                judged += [g for g in c.children if g.dep_ in ("pobj", "amod", "acomp")]
        for c in obj.children:  # "called the demands delusional" parsed as a modifier
            if c.dep_ in ("amod", "acomp") and c.i > obj.i:
                judged.append(c)
        if obj.dep_ in ("compound", "nsubj") and obj.head.i != v.i:
            judged.append(obj.head)
        if self._answer_judged(obj, judged, v):
            return  # "described Hamas's response as total rejection" (issue 21R)
        claims = ctx.lex.object_classes.get("claim", frozenset())
        said = v.head if v.dep_ == "relcl" else obj
        if said.lemma_.lower() in claims | REMARKS:
            return  # "a remark that Cairo called provocative": words judged, no proposal
        dismissed = (  # "dismissed a blanket amnesty as not possible": whatever it is called
            v.lemma_.lower() in DISMISSING and bool(judged) and obj.lemma_.lower() not in claims
        )
        if not dismissed and not any(self._is_bad(j) for j in judged):
            return
        if ctx.quote_of[obj.i] >= 0 and ctx.quote_of[v.i] < 0:
            return  # "called the offer “an insult”": the quote is the speaker's own words
        sources = ctx.resolve.subject_actors(v)
        if sources:
            self._emit("rejects", sources, self.t.nps(obj), v, 0.7)

    def _answer_judged(self, answer: Token, judged: list[Token], v: Token) -> bool:
        """ "Israel described Hamas's response to its proposal as total rejection", "called
        the reply a flat refusal" (issue 21R): an answer (`rejects.answer_nouns`) judged a noun
        of rejection is a rejection by the answer's owner of what it answers, as "Hamas's
        answer was no" is; True when it was read so (the judge rejects nothing)."""
        ctx = self.ctx
        if answer.lemma_.lower() not in ctx.lex.answer_nouns:
            return False
        judged = judged + [  # "as" hung on the phrase ("its response to X as total rejection")
            g
            for t in answer.subtree
            if t.dep_ == "prep" and t.lower_ == "as"
            for g in t.children
            if g.dep_ == "pobj"
        ]
        if not any(j.lemma_.lower() in ctx.lex.reject_nouns and no_det(j) is None for j in judged):
            return False
        found = self._answer_topic(answer, v)
        if found is None:
            return False
        sources, targets = found
        if sources and targets:
            self._emit("rejects", sources, targets, v, 0.65)
        return True

    def _answer_topic(
        self, answer: Token, cop: Token
    ) -> tuple[list[Resolved], list[Topic | str]] | None:
        """Who gave an answer (its owner or "from" agent) and what it answers: the "to"
        object, what a fronted "Asked about X" asked, else what was put forward before it;
        None when nobody is named or the question is about no proposal."""
        ctx = self.ctx
        owner = next((c for c in answer.children if c.dep_ == "poss"), None)
        if owner is None:
            owner = prep_object(answer, ("from", "by"))
        sources = ctx.resolve.resolve_np(owner) if owner is not None else []
        if not sources:
            return None
        about = prep_object(answer, ("to", "on", "regarding"))
        asked = next(
            (a for a in cop.children if a.dep_ == "advcl" and a.lemma_.lower() == "ask"), None
        )
        if about is None and asked is not None:  # "Asked about the plan, Russia's response ..."
            about = prep_object(asked, ("about", "on"))
            if about is not None and not ctx.lex.act_noun(about.lemma_.lower(), *ASKED_TOPICS):
                return None  # "... when asked about the weather" (issue-20mS)
        if about is not None:
            return sources, self.t.nps(about)
        return sources, _one(ctx.topics.put_forward_before(answer))

    def _judged_proposal(self, pred: Token) -> None:
        """ "The Houthis said the American offer was a sham", "the plan is a gimmick, Moscow
        said" (issue 20R): a judgement of the lexicon's evaluations as the predicate of a
        proposal, a step or a course rejects it for whoever says so (or "to" whom it is);
        not of anything else ("the war is a disaster"), nor asked, hedged or negated."""
        ctx = self.ctx
        subj = next((c for c in pred.head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return
        classes = ctx.lex.object_classes
        lemma = subj.lemma_.lower()
        if not (
            lemma in classes.get("proposal", ())
            or lemma in classes.get("step", ())
            or lemma in classes.get("course", ())
            or lemma in ctx.lex.proposal_heads
        ):
            return
        self._predicate(pred, pred.head)

    def _judged_antecedent(self, v: Token) -> Token | None:
        """What a relative clause of judging judges: the whole noun phrase it hangs on ("a
        commission on the border, which X dismissed as a ploy": the commission; "the creation
        of a council, which ...": the creation); None for a side itself ("Hamas, which X
        called ...")."""
        head = self.t.proposed_antecedent(v.head)
        while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN":
            head = head.head.head
        return head if self.ctx.men[head.i] is None else None

    def _is_bad(self, t: Token) -> bool:
        lex = self.ctx.lex
        words = {t.lower_, t.lemma_.lower()}
        words |= {c.lower_ for c in t.children if c.dep_ in ("amod", "compound", "attr")}
        if t.i >= 2 and t.doc[t.i - 1].text == "-":  # "a non-starter", split at its hyphen
            words.add(t.doc[t.i - 2 : t.i + 1].text.lower())
        if t.dep_ == "ccomp" or t.pos_ in ("VERB", "AUX"):
            words |= {c.lower_ for c in t.children if c.dep_ in ("acomp", "attr")}
        if {t.lower_, t.lemma_.lower()} & lex.defeats:
            return True  # "called the deal a surrender", not "a surrender agreement"
        return bool(words & lex.evaluations) or bool(words & lex.reject_predicates)

    def _reject_noun(self, n: Token) -> None:
        """ "voiced strong opposition to the resolution", "Egypt's rejection of the plan",
        "its refusal to accept the terms"."""
        ctx = self.ctx
        if no_det(n) is not None:
            return  # "raised no objection to the text", "voiced no opposition" (issue 20R)
        verb = n.head if n.dep_ == "dobj" else None
        if n.dep_ == "pobj" and n.head.lower_ == "with" and n.head.head.pos_ == "VERB":
            verb = n.head.head  # "the plan met with objections from Egypt" (issue 17r)
        target_tok = None
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "of", "against"):
                target_tok = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            elif c.dep_ in ("acl", "relcl") and any(g.lower_ == "to" for g in c.children):
                target_tok = c
        light = ctx.lex.light_verbs | ctx.lex.reject_light_verbs  # "raised objections to X"
        if target_tok is None and verb is not None and verb.lemma_.lower() in light:
            # "raised strong objections to the plan" with "to" hung on the verb (issue 17r)
            target_tok = prep_object(verb, ("to", "against"))
        if target_tok is None and verb is not None and verb.lemma_.lower() in ctx.lex.drawing_verbs:
            self._drew_rejection(n, verb)
            return
        if target_tok is None:
            self._objected_act(n)  # "refused to free them after objections by France" (17r)
            return
        if target_tok.lemma_.lower() in ctx.lex.not_stances and not _conceded(target_tok, ctx.lex):
            return  # "its refusal to comment" (issue 17r)
        if verb is not None and verb.lemma_.lower() in light:
            if ctx.negated(verb) or ctx.irrealis(verb):
                return
            sources = ctx.resolve.subject_actors(verb)
        else:
            sources = self._noun_holders(n)
            gov = n
            while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
                gov = gov.head
            if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in gov.children):
                return  # "a rejection by Hamas would prolong the war"
        if not sources:
            return
        if target_tok.pos_ == "VERB":
            targets = self.t.of_verb(target_tok) if target_tok.dep_ in ("acl", "relcl") else []
            if not targets:
                targets = _one(ctx.topics.from_vp(target_tok))
        else:
            targets = self.t.nps(target_tok)
        self._emit("rejects", sources, targets, n, 0.7)

    def _noun_holders(self, n: Token) -> list[Resolved]:
        """Who holds a noun of rejection: its possessive, or the object of its "by" or "from"
        ("Egypt's rejection", "objections by France and Australia", "opposition from X")."""
        resolve = self.ctx.resolve
        found: list[Resolved] = []
        for c in n.children:
            if c.dep_ == "poss":
                found += resolve.resolve_np(c)
            elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    found += resolve.resolve_np(obj)
        if not found:
            # "the U.S. rejection of Hamas's response", "Israeli opposition to a Palestinian
            # state" (issue 21R): a side named before the noun holds it
            for c in n.children:
                if c.dep_ in ("compound", "amod") and c.i < n.i:
                    found += [r for r in resolve.actors_as_resolved(c) if r not in found]
        if not found:
            # "the rejection of the offer by Hamas": the agent the parser hung on the object
            of = prep_object(n, ("of",))
            agent = prep_object(of, ("by",)) if of is not None and of.pos_ == "NOUN" else None
            if agent is not None and agent.i > of.i:  # type: ignore[union-attr]
                found = resolve.resolve_np(agent)
        return found

    def _objected_act(self, n: Token) -> None:
        """ "refused to free the prisoners after objections by France and Australia", "shelved
        the plan following Egypt's opposition": a noun of rejection with a holder and no object
        of its own, hung as the cause on an act of refusing, rejecting or dropping, rejects
        what that act refuses (issue 17r). Not "despite" (the act goes against the objection)."""
        ctx = self.ctx
        lex = ctx.lex
        prep = n.head
        if n.dep_ != "pobj" or prep.lower_ not in lex.reject_causes:
            return
        act = prep.head
        if act.pos_ == "NOUN" and act.dep_ == "dobj":
            act = act.head  # "postponed the vote over objections by X", hung on the object
        if act.dep_ == "xcomp" and act.head.lemma_.lower() in lex.refusals | set(lex.reject_verbs):
            act = act.head  # "refused to free them after objections by X": the refusal
        if act.pos_ != "VERB" or ctx.irrealis(act) or ctx.asked(act, quoted=True):
            return
        lemma = act.lemma_.lower()
        refusing = lemma in lex.reject_verbs or lemma in lex.refusals or lemma in lex.dropping
        if not refusing and not (ctx.negated(act) and lemma in lex.negated_acceptance):
            return
        if lemma not in lex.refusals and ctx.negated(act) and lemma not in lex.negated_acceptance:
            return  # "did not drop the plan after objections by X"
        sources = self._noun_holders(n)
        if not sources:
            return
        targets = self._accepted(act) or self.t.of_verb(act, allow_actor=False)
        self._emit("rejects", sources, targets, n, 0.6)

    def _drew_rejection(self, n: Token, verb: Token) -> None:
        """ "The plan drew swift rejection from Egypt and Jordan": they reject the plan."""
        ctx = self.ctx
        if ctx.negated(verb) or ctx.irrealis(verb):
            return
        src = next(
            (c for c in n.children if c.dep_ == "prep" and c.lower_ in ("from", "by")), None
        ) or next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "by")), None
        )
        obj = next((g for g in src.children if g.dep_ == "pobj"), None) if src else None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if obj is None or subj is None:
            return
        sources = ctx.resolve.resolve_np(obj)
        if sources:
            self._emit("rejects", sources, self.t.nps(subj), n, 0.65)

    def _emphatic_refusal(self, v: Token) -> bool:
        """A refusal whose negation is not on the verb (issue 20R): "are not going to accept
        X", "is not about to sign X" (`rejects.going`), "under no circumstances will X accept
        Y", "in no way", "by no means", "on no account" and "there is no way X will sign Y"
        (`rejects.no_way`)."""
        ctx = self.ctx
        head = v.head
        if v.dep_ == "xcomp" and head.lemma_.lower() in ctx.lex.going and ctx.negated(head):
            return True
        if self._intent_denied(v) is not None:
            return True  # "did not want to accept it" (issue 23Y)
        no_way = ctx.lex.no_way
        if any(
            c.dep_ == "prep"
            and any(
                g.dep_ == "pobj"
                and (g.lemma_.lower() in no_way or g.lower_ in no_way)
                and no_det(g) is not None
                for g in c.children
            )
            for c in v.children
        ):
            return True
        return (
            v.dep_ in ("relcl", "ccomp", "acl")
            and head.lemma_.lower() in no_way
            and no_det(head) is not None
            and any(c.dep_ == "expl" for c in head.head.children)
            and any(c.dep_ == "aux" and c.lower_ in REFUSAL_AUXILIARIES for c in v.children)
        )

    def _intent_denied(self, v: Token) -> Token | None:
        """The intention denied of an act (`rejects.intending`, issue 23Y): "Kurti did not want
        to accept it", "does not intend to sign the accord", the head of the infinitive,
        negated and itself asserted. Not wanted of someone else ("did not want Kosovo to
        sign": an object between), not asked or conditional ("if they do not want to sign")."""
        ctx = self.ctx
        head = v.head
        if v.dep_ != "xcomp" or head.lemma_.lower() not in ctx.lex.intending:
            return None
        if not ctx.negated(head) or ctx.irrealis(head) or hypothetical(head):
            return None
        if any(c.dep_ in ("dobj", "nsubj") and c.i < v.i for c in v.children):
            return None  # "did not want Kosovo to sign": Kosovo's act
        return head

    def _could_not(self, v: Token) -> bool:
        """ "the Arakan Army said it could not accept a deal that ...", "we couldn't sign
        it" (issue 20R): "cannot" told in the past, a refusal, not a possibility; not under a
        condition ("could not accept it if X") nor in a clause that is itself unsure."""
        ctx = self.ctx
        kids = list(v.children)
        if not any(c.dep_ == "aux" and c.lower_ == "could" for c in kids):
            return False
        if not any(c.dep_ == "neg" or c.lower_ == "never" for c in kids):
            return False
        if hypothetical(v) or any(condition_clause(c) for c in kids):
            return False
        if any(c.dep_ == "mark" and c.lower_ in ctx.lex.irrealis_marks for c in kids):
            return False
        if v.dep_ == "ROOT":
            return True
        # "X said it could not": the sayer's own word; "analysts said Hamas could not": a view
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        if v.dep_ != "ccomp" or subj is None or ctx.irrealis(v.head):
            return False
        # "..., its president said": a side's own word, voiced for it
        sayer = next((c for c in v.head.children if c.dep_ == "nsubj"), None)
        own = sayer is not None and any(
            c.dep_ == "poss" and c.lower_ in ("its", "their") for c in sayer.children
        )
        return subj.pos_ == "PRON" or (v.i < v.head.i and (own or bool(self._judges(v))))

    def _going_subject(self, v: Token) -> list[Resolved]:
        """Who "is not going to" or "not about to" do ``v``: the subject of "going", or of the
        copula "about" hangs on (issue 20R)."""
        head = v.head
        lex = self.ctx.lex
        if v.dep_ != "xcomp" or head.lemma_.lower() not in lex.going | lex.intending:
            return []
        return self.ctx.resolve.subject_actors(head.head if head.dep_ == "acomp" else head)

    def _refused_concession(self, v: Token) -> None:
        """ "Ukraine will never cede territory", "Hamas would not hand over its weapons": a
        refusal stated in the future (a rejection of doing it); "has no intention of giving up
        its arms", "no plans to withdraw" (the holder of the intention refuses)."""
        ctx = self.ctx
        longer = False
        if addressed_act(v):
            return  # "warned Kyiv not to cede territory": Kyiv's act, wanted of it (23Y)
        intention = self._no_intention(v)  # "has no intention of giving up its arms"
        if intention is not None:
            holder = intention.head
            if ctx.negated(holder) or ctx.irrealis(holder):
                return
        else:
            # "will no longer negotiate with X", "no longer recognises the accord" (issue 17r)
            longer = _no_longer_now(v)
            emphatic = self._emphatic_refusal(v)  # "are not going to withdraw" (issue 20R)
            if self._vowed_not(v):
                emphatic = True  # "vowed never to negotiate with X" (issue 22R)
            if not (ctx.negated(v) or longer or emphatic):
                return
            if ctx.irrealis(v) and self._intent_denied(v) is None:
                return
            if not (longer or emphatic) and not any(
                c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in v.children
            ):
                return
            if not emphatic and v.dep_ not in ("ROOT", "ccomp", "conj") and not _that_clause(v):
                return
        if any(c.dep_ == "dobj" and c.lemma_.lower() in WORDS_NOUNS for c in v.children):
            return  # "would not offer an opinion", "will not give details": no stance
        if v.lemma_.lower() in ctx.lex.stopping and any(
            c.dep_ == "dobj" and c.lemma_.lower() in NEGOTIATIONS for c in v.children
        ):
            return  # "will not end the talks": a promise to keep talking, no refusal
        sources = ctx.resolve.subject_actors(v if intention is None else intention.head)
        if not sources and intention is None:
            sources = self._going_subject(v)
        if not sources or any(s.via == "pronoun" and s.anonymous for s in sources):
            return
        topic = ctx.topics.from_vp(v, refused=True)
        if topic is not None:
            self._emit("rejects", sources, [topic], v, 0.6, longer_negates=longer)

    def _vowed_not(self, v: Token) -> bool:
        """ "vowed never to negotiate with the RSF", "pledged not to cede Crimea" (issue 22R,
        `rejects.vowing` over a negated infinitive): the vow is the refusal a future
        auxiliary would make; not a vow negated ("did not vow to"), hypothetical, asked or
        conditional ("vowed not to return the Golan if he is elected")."""
        ctx = self.ctx
        head = v.head
        if v.dep_ != "xcomp" or head.lemma_.lower() not in ctx.lex.vowing:
            return False
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            return False
        if ctx.negated(head) or ctx.irrealis(head) or hypothetical(head):
            return False
        if any(
            c.dep_ == "advcl"
            and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
            for w in (v, head)
            for c in w.children
        ):
            return False  # "vowed not to return the Golan if he is elected": a condition
        return any(c.dep_ == "neg" for c in v.children)

    def _goes_on(self, v: Token) -> None:
        """ "Netanyahu said the war would resume after the truce", "we will continue the war",
        "attacks on Israel will continue": the side rejects an end to it (issue 16r). The one
        who goes on is the subject; the war as the subject is the sayer's. Not negated,
        hypothetical, conditional ("if they attack, we will resume our strikes") or foreseen
        ("warned that the fighting would continue")."""
        ctx = self.ctx
        lex = ctx.lex
        kids = list(v.children)
        if not ctx.asserted(v, quoted=True):
            return
        vowed = v.dep_ == "xcomp" and v.head.lemma_.lower() in lex.vowing
        if vowed and (ctx.negated(v.head) or ctx.irrealis(v.head)):
            return
        if not vowed and not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in kids):
            return  # "the fighting continued on Monday": told, no stance
        if any(
            c.dep_ == "advcl"
            and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
            for c in kids
        ):
            return
        top = v.head if v.dep_ == "ccomp" else v
        if top.lemma_.lower() in lex.forecast_verbs:
            return
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if obj is None:  # "vowed to keep fighting": the gerund as what goes on
            obj = next((c for c in kids if c.dep_ == "xcomp" and c.lower_ in lex.hostilities), None)
        subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
        if obj is not None and (
            obj.lemma_.lower() in lex.hostilities or obj.lower_ in lex.hostilities
        ):
            war, sources = obj, ctx.resolve.subject_actors(v.head if vowed else v)
        elif obj is None and subj is not None and subj.lemma_.lower() in lex.hostilities:
            if any(c.dep_ == "poss" and c.pos_ != "PRON" for c in subj.children):
                return  # "Israel said Hamas's attacks would continue": another's war foreseen
            war, sources = subj, self._judges(v)
        else:
            return
        if not sources or ctx.men[war.i] is not None:
            return
        topic = ctx.topics.end_of(war)
        if topic is not None:
            self._emit("rejects", sources, [topic], v, 0.6)

    def _instead(self, adv: Token) -> None:
        """ "the Afghan delegation demanded that Pakistan accept verbal assurances instead of
        signing a written agreement", "Hamas wants a permanent ceasefire rather than a
        temporary truce": who asks for the one rejects the other (issue 16r). The demanding,
        insisting or preferring verb is the phrase's head or governs it (its object, the clause
        it demands); not negated, hypothetical or asked."""
        ctx = self.ctx
        lex = ctx.lex
        mark = adv.head
        if mark.lower_ not in ("of", "than"):
            return
        alt = next((c for c in mark.children if c.dep_ in ("pobj", "pcomp")), None)
        if alt is None or ctx.men[alt.i] is not None:
            return  # "Kenya rather than Ethiopia": an actor, no course
        verb = mark.head
        for _ in range(4):
            lemma = verb.lemma_.lower()
            if verb.pos_ == "VERB" and (
                lemma in lex.demand_verbs or lemma in lex.insist_verbs or lemma in lex.preferring
            ):
                break
            if verb.dep_ not in ("dobj", "pobj", "prep", "ccomp", "xcomp") or verb.head.i == verb.i:
                return
            verb = verb.head
        else:
            return
        if not ctx.asserted(verb, quoted=True):
            return
        sources = ctx.resolve.subject_actors(verb)
        if not sources:
            return
        if alt.pos_ == "VERB":
            targets = _one(ctx.topics.from_vp(alt))
        else:
            targets = [x for x in self.t.nps(alt) if not isinstance(x, str)]
        if targets:
            self._emit("rejects", sources, targets, adv, 0.6)

    def _shortfall(self, v: Token) -> None:
        """ "Hamas said the new terms would not meet the demands", "fail to meet the minimum
        of its demands", "fell short of its demands": Hamas rejects the terms."""
        ctx = self.ctx
        clause = v
        if v.lemma_.lower() == "fall":  # "fell short of the demands"
            short = next((c for c in v.children if c.lower_ == "short"), None)
            of = next(
                (g for g in (short.children if short else ()) if g.lower_ == "of"), None
            ) or next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of else None
            if short is None or ctx.negated(v):
                return
        else:
            if v.dep_ == "xcomp" and v.head.lemma_.lower() in FAILING:  # "fail to meet"
                clause = v.head
            elif not ctx.negated(v):
                return
            obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ == "PRON":
            return
        lex = ctx.lex
        if ctx.men[subj.i] is not None:  # "Kenya would not meet the gang's demand"
            if obj is None or obj.lemma_.lower() not in lex.demand_list_nouns:
                return
            if v.lemma_.lower() == "fall" or ctx.irrealis(clause):
                return
            sources = ctx.resolve.resolve_np(subj)
            if sources:
                self._emit("rejects", sources, self.t.nps(obj), v, 0.65)
            return
        wanted = lex.demand_list_nouns | {"need", "aspiration", "expectation", "expectations"}
        if obj is not None and obj.lemma_.lower() in MINIMUM:  # "the minimum of its demands"
            obj = next((g for c in obj.children if c.lower_ == "of" for g in c.children), obj)
        if obj is None or (
            obj.lemma_.lower() not in wanted | MINIMUM and obj.lower_ not in wanted
        ):  # ("falls short of the minimum required")
            return
        sources = self._judges(clause)
        if not sources:  # "the offer does not meet Hamas's demands"
            owner = next((c for c in obj.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ != "PRON":
                sources = ctx.resolve.resolve_np(owner)
        if sources and not ctx.irrealis(clause):
            self._emit("rejects", sources, self.t.nps(subj), v, 0.65)

    def _there_will_be_no(self, thing: Token) -> None:
        """ "Israel said there will be no ceasefire", "there would be no Palestinian state,
        Netanyahu said", "no safe zone will happen" (`rejects.happening`, any thing but an
        actor): a future ruled out by whoever says so. Not "there can be no plan
        that ignores X" (a condition, with its clause), "no ... until Y" (a demand for Y), a
        hedge, nor what nobody says."""
        ctx = self.ctx
        be = thing.head
        kids = list(be.children)
        if thing.lemma_.lower() in ctx.lex.no_question and any(c.dep_ == "expl" for c in kids):
            self._no_question(thing, be)
            return
        if thing.lemma_.lower() in ctx.lex.no_place:
            self._no_place(thing, be)  # "there is no place for foreign troops" (issue 21R)
            return
        happening = be.lemma_.lower() in ctx.lex.happening and thing.dep_ == "nsubj"
        if not happening and (be.lemma_.lower() != "be" or not any(c.dep_ == "expl" for c in kids)):
            return
        if any(c.dep_ == "prep" and c.lower_ in EXCEPTING for c in [*kids, *thing.children]):
            return  # "there can (will) be no peace without X": a condition (issue-24R)
        # "there can be no talks with terrorists" (issue 20R)
        can = any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in kids)
        if not can and not any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in kids):
            return  # "there is no plan", "there can be no peace without X"
        if ctx.irrealis(be) or self._unless(be) is not None:
            return
        if any(c.dep_ in ("advcl", "relcl", "acl") for c in [*kids, *thing.children]):
            return  # "no deal until X", "no ceasefire that leaves X": a condition
        if any(_when(c) for c in [*kids, *thing.children]):
            return  # "there would be no talks this week, on Friday": a schedule announced
        if ctx.men[thing.i] is not None or not (
            happening  # "no safe zone will happen": whatever it is (issue 14r)
            or thing.lemma_.lower()
            in (ctx.lex.ruled_out | ctx.lex.object_classes.get("proposal", frozenset()))
        ):
            return  # "there will be no aid deliveries this week": an event announced
        top = be.head if be.dep_ == "ccomp" else be
        if top.lemma_.lower() in ctx.lex.forecast_verbs:
            return  # "warned there would be no peace": foreseen, not ruled out
        sources = self._judges(be)
        if not sources:
            return
        self._emit("rejects", sources, _one(self.t.np(thing, keep_no=False)), be, 0.6)

    def _no_question(self, thing: Token, be: Token) -> None:
        """ "Kyiv said there was no question of giving up Crimea", "there can be no question
        of talks with X" (issue 20R): whoever says so rejects what follows "of"; not under a
        condition, a hedge or a negation ("there is no question of that not happening")."""
        ctx = self.ctx
        if ctx.irrealis(be) or any(condition_clause(c) for c in be.children):
            return
        of = next((c for c in thing.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((g for g in of.children if g.dep_ in ("pobj", "pcomp")), None) if of else None
        if obj is None or ctx.negated(obj):
            return
        sources = self._judges(be)
        if obj.pos_ == "VERB":
            targets = _one(ctx.topics.from_vp(obj))
        elif ctx.men[obj.i] is None:
            targets = self.t.nps(obj)
        else:
            return  # "no question of Hamas": no thing named
        if sources and targets:
            self._emit("rejects", sources, targets, be, 0.6)

    def _not_question_but(self, thing: Token) -> None:
        """ "the declaration is not a question of withdrawal but of mechanisms for X", "it is
        not a question of giving up land but of security" (issue 21R): whoever says so rejects
        what is "not a question", set against what is; not without the "but" ("it is not a
        question of whether"), nor asked or hedged."""
        ctx = self.ctx
        cop = thing.head
        if cop.lemma_.lower() not in ctx.lex.copulas or not any(
            c.dep_ == "neg" for c in cop.children
        ):
            return
        if not any(c.dep_ == "cc" and c.lower_ == "but" for c in (*thing.children, *cop.children)):
            return  # the "but" hangs on the noun or, "but of Y", on the copula
        if ctx.irrealis(cop) or ctx.asked(cop, quoted=True):
            return
        of = next((c for c in thing.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((g for g in of.children if g.dep_ in ("pobj", "pcomp")), None) if of else None
        if obj is None or ctx.men[obj.i] is not None or obj.lower_ in ("whether", "if"):
            return
        if obj.pos_ == "VERB":
            targets = _one(ctx.topics.from_vp(obj))
        elif obj.pos_ in ("NOUN", "PROPN"):
            targets = self.t.nps(obj)
        else:
            return
        sources = self._judges(cop)
        if sources and targets:
            self._emit("rejects", sources, targets, thing, 0.6)

    def _no_place(self, thing: Token, verb: Token) -> None:
        """ "there is no place for foreign troops in Libya", "there can be no room for
        compromise", "foreign troops have no place in Libya" (issue 21R, `rejects.no_place`):
        whoever says so rejects what has no place, a proposal, a step, a course, an outcome,
        an act or one of `rejects.no_place_things`; not an actor, not "no room for the
        delegates at the hotel", not "no place for the talks yet", nor under a condition."""
        ctx = self.ctx
        lex = ctx.lex
        if ctx.irrealis(verb) or any(condition_clause(c) for c in verb.children):
            return
        if any(c.dep_ == "advmod" and c.lower_ in ("yet", "still") for c in verb.children):
            return  # "there is no place for the talks yet": no venue found
        kids = list(verb.children)
        if verb.lemma_.lower() == "be" and thing.dep_ == "attr":
            if not any(c.dep_ == "expl" for c in kids):
                return
            obj = prep_object(thing, ("for",)) or prep_object(verb, ("for",))
        elif verb.lemma_.lower() == "have" and thing.dep_ == "dobj":
            obj = next((c for c in kids if c.dep_ == "nsubj"), None)
        else:
            return
        if obj is None or obj.pos_ == "PRON" or ctx.men[obj.i] is not None:
            return  # "Hamas has no place in Gaza's future": no thing named
        lemma = obj.lemma_.lower()
        if not (
            obj.pos_ == "VERB"
            or lex.act_noun(lemma, *ASKED_TOPICS, "course")
            or lemma in lex.ruled_out
            or lemma in lex.no_place_things
        ):
            return
        sources = self._judges(verb)
        if not sources:
            return
        if obj.pos_ == "VERB":
            targets = _one(ctx.topics.from_vp(obj))
        else:
            targets = _one(self.t.np(obj, keep_no=False))
        if targets:
            self._emit("rejects", sources, targets, verb, 0.6)

    def _belonging(self, n: Token) -> None:
        """ "Hamas would not be a party to any deal that X", "will not be part of the
        agreement", "refused to be a signatory to the accord" (issue 21R, `rejects.belonging`):
        the subject rejects the deal; not "is not a party to the accord" (a fact told), nor a
        share in what is no proposal ("will not be part of the government")."""
        ctx = self.ctx
        cop = n.head
        if n.dep_ != "attr" or cop.lemma_.lower() not in ctx.lex.copulas:
            return
        refused = cop.dep_ == "xcomp" and cop.head.lemma_.lower() in ctx.lex.refusals
        if refused:
            if ctx.negated(cop.head) or ctx.irrealis(cop.head):
                return
        elif not (ctx.negated(cop) and _refusal_aux(cop)) or ctx.irrealis(cop):
            return
        if ctx.asked(cop, quoted=True) or hypothetical(cop):
            return
        obj = prep_object(n, ("to", "of", "in")) or prep_object(cop, ("to", "of", "in"))
        if obj is None:
            return
        sources = ctx.resolve.subject_actors(cop)
        targets = self._idiom_targets(obj, False, True)
        if sources and targets:
            self._emit("rejects", sources, targets, n, 0.7)

    def _bound(self, v: Token) -> None:
        """ "Iran would not be bound by the agreement", "will not be bound by any resolution",
        "refused to be bound by the ruling" (issue 21R, `rejects.bound`): the subject rejects
        what would bind it; not "is not bound by the accord" (a fact told)."""
        ctx = self.ctx
        if not any(c.dep_ == "auxpass" for c in v.children):
            return
        refused = v.dep_ == "xcomp" and v.head.lemma_.lower() in ctx.lex.refusals
        if refused:
            if ctx.negated(v.head) or ctx.irrealis(v.head):
                return
            sources = ctx.resolve.subject_actors(v.head)
        else:
            if not (ctx.negated(v) and _refusal_aux(v)) or ctx.irrealis(v) or hypothetical(v):
                return
            subj = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
            sources = ctx.resolve.resolve_np(subj) if subj is not None else []
        if ctx.asked(v, quoted=True):
            return
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        obj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent else None
        if obj is None:
            return
        targets = self._idiom_targets(obj, False, True)
        if sources and targets:
            self._emit("rejects", sources, targets, v, 0.7)

    def _no_concessions(self, noun: Token) -> None:
        """ "Israel will make no concessions on Jerusalem", "Russia would offer no
        compromise", "vowed to give no concessions" (issue 21R, CAMEO 124): the subject rejects
        conceding; not "made no concessions at the talks" (told), nor hedged or asked."""
        ctx = self.ctx
        v = noun.head
        if noun.dep_ != "dobj" or v.lemma_.lower() not in ctx.lex.conceding_verbs:
            return
        vowed = v.dep_ == "xcomp" and v.head.lemma_.lower() in ctx.lex.vowing
        if not (vowed or _refusal_aux(v)):
            return  # "made no concessions at the talks": a past told
        if ctx.negated(v) or ctx.irrealis(v) or hypothetical(v) or ctx.asked(v, quoted=True):
            return
        sources = ctx.resolve.subject_actors(v)
        if sources:
            self._emit("rejects", sources, _one(self.t.np(noun, keep_no=False)), v, 0.6)

    def _forced(self, v: Token) -> None:
        """ "Iran will not be pressured into talks", "Hamas would not be forced to accept the
        conditions", "Ukraine will not be bullied into signing a bad deal", "no one can force
        us to accept X" (issue 21R, `rejects.forcing`): the one not to be forced rejects the
        act, or what the act would accept; not "was forced to accept" (told), "was not forced
        to" (a past told), nor "no one can force us to leave" said of no act of the talks."""
        ctx = self.ctx
        if ctx.irrealis(v) or ctx.asked(v, quoted=True) or hypothetical(v):
            return
        kids = list(v.children)
        if any(c.dep_ == "auxpass" for c in kids):
            if not (ctx.negated(v) and _refusal_aux(v)):
                return
            subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
            sources = ctx.resolve.resolve_np(subj) if subj is not None else []
        else:
            subj = next((c for c in kids if c.dep_ == "nsubj"), None)
            if subj is None or ctx.negated(v):
                return
            if no_det(subj) is None and subj.lower_ not in ("nobody", "nothing", "noone"):
                return  # "the US is forcing us to accept X": a complaint, not a refusal
            obj = next((c for c in kids if c.dep_ == "dobj"), None)
            if obj is None:
                return
            judges = self._judges(v)
            if obj.lower_ in ("us", "me"):
                sources = ctx.resolve.resolve_np(obj) or judges
            else:  # "nobody can force Ukraine to give up Crimea, Zelensky said": his own side
                own = {ctx.stance_source(j.actor) for j in judges}
                sources = [r for r in ctx.resolve.resolve_np(obj) if r.actor in own]
        if not sources:
            return
        act = next((c for c in kids if c.dep_ == "xcomp"), None)
        if act is None:
            into = next((p for p in kids if p.dep_ == "prep" and p.lower_ == "into"), None)
            act = next(
                (g for g in (into.children if into else ()) if g.dep_ in ("pobj", "pcomp")), None
            )
        if act is None:
            return
        lex = ctx.lex
        targets: list[Topic | str] = []
        if act.pos_ == "VERB":
            if act.lemma_.lower() in lex.negated_acceptance and any(
                c.dep_ == "dobj" and c.pos_ != "PRON" for c in act.children
            ):
                targets = self.t.of_verb(act)  # "forced to accept the conditions": them
            if not targets or all(isinstance(x, str) for x in targets):
                targets = _one(ctx.topics.from_vp(act, refused=True))
        elif act.pos_ in ("NOUN", "PROPN") and ctx.men[act.i] is None:
            targets = self.t.nps(act)  # "pressured into talks"
        if targets:
            self._emit("rejects", sources, targets, v, 0.65)

    def _say_no(self, v: Token) -> None:
        """ "Israel said no to the Egyptian request"."""
        ctx = self.ctx
        to = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        said = [*v.children, *(to.children if to is not None else ())]
        if not any(c.lower_ == "no" and c.dep_ in ("intj", "dobj", "advmod") for c in said):
            return
        obj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
        act = next(  # "said no to disarmament", parsed as an infinitive (issue 20R)
            (
                c
                for c in v.children
                if c.dep_ == "xcomp"
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            ),
            None,
        )
        if ctx.irrealis(v) or any(c.dep_ == "neg" for c in v.children):
            return  # "did not say no to the plan" (the "no" itself is no negation of "say")
        if obj is not None:
            targets = self.t.nps(obj)
        elif act is not None:
            targets = _one(ctx.topics.from_vp(act))
        else:
            return
        sources = ctx.resolve.subject_actors(v)
        if sources and targets:
            self._emit("rejects", sources, targets, v, 0.75)

    def _answer_no(self, no: Token) -> None:
        """ "Hamas's answer was no", "the reply from Khartoum was a firm no" (issue 20R): the
        answer's owner (or its "from" agent) rejects what the answer is to ("its answer to the
        plan"), what the fronted question asked about ("Asked about the plan, X's response was
        a flat no"), else what was put forward before it; not "no longer", "no answer", a
        negated or hedged copula, nor an answer with nobody's name."""
        ctx = self.ctx
        cop = no.head
        if (
            cop.lemma_.lower() not in ctx.lex.copulas
            or ctx.irrealis(cop)
            or any(c.dep_ == "neg" for c in cop.children)  # the "no" itself negates it
        ):
            return
        if any(c.lower_ in ("longer", "more") for c in no.children):
            return  # "was no longer clear"
        subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lemma_.lower() not in ctx.lex.answer_nouns:
            return
        found = self._answer_topic(subj, cop)
        if found is not None and found[1]:
            self._emit("rejects", found[0], found[1], no, 0.65)


#: what a question must be about for a "no" to answer it as a rejection: a proposal, a step
#: or an outcome under negotiation, or a noun made from a verb ("asked about the plan")
ASKED_TOPICS = ("proposal", "step", "outcome", "arrangement")

#: "there can be no peace without X", "... except through Y": a condition, no rejection
EXCEPTING = frozenset({"without", "unless", "until", "except", "but"})

#: a hyphen inside a phrase's word is a token of its own ("non-starter", "no-go")
_HYPHEN = re.compile(r"(-)")

#: "anything that amounts to X": a pronoun that says nothing without its relative clause
INDEFINITES = frozenset({"anything", "something", "everything"})

#: verbs that equate their subject with their object ("amounts to", "means", "is")
EQUATING = frozenset({"amount", "mean", "constitute", "equal", "be", "represent", "look"})


#: dependents that start a clause of their own: an idiom's words are never found there
CLAUSES = frozenset({"ccomp", "advcl", "conj", "parataxis", "csubj", "xcomp"})


def idiom_target(v: Token, tail: tuple[str, ...]) -> Token | None:
    """Where an idiom's words (``tail``, the words after its verb, ``x`` the target) are all
    found on the verb in this order, the target: the object of the preposition before ``x``,
    else the verb's object (or a passive subject); None when the idiom is not there."""
    skip: set[int] = set()
    for c in v.children:
        if c.dep_ in CLAUSES:
            skip.update(x.i for x in c.subtree)
    words = [w for w in tail if w != "x"]
    if not words:
        return None
    # the idiom's words: from the verb's own phrase, in order, within a short reach
    pool = [t for t in v.subtree if t.i > v.i and t.i not in skip and t.i - v.i <= 14]
    found: list[Token] = []
    pos = 0
    for w in words:
        hit = next((t for t in pool[pos:] if w in (t.lower_, t.lemma_.lower())), None)
        if hit is None:
            return None
        found.append(hit)
        pos = pool.index(hit) + 1
    at = tail.index("x")
    if at == len(tail) - 1:  # "pour cold water on X": the last word's object
        last = found[-1]
        obj = next((g for g in last.children if g.dep_ in ("pobj", "pcomp")), None)
        if obj is not None:
            return obj
        if last.dep_ not in ("prt", "advmod"):
            return None
    obj = next((c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None or any(obj.i == f.i for f in found):
        # "brushed aside the idea" may hang "the idea" on the particle
        obj = next((g for f in found for g in f.children if g.dep_ in ("pobj", "dobj")), None)
    return obj


def attributor(v: Token, attributing: frozenset[str]) -> Token | None:
    """The verb of attributing ``v``'s clause is the content of ("claimed that Baku is
    rejecting X", "believes Hamas will turn it down", "alleged that Kyiv had refused to
    ..."), through at most four clause links; None when no such verb governs it."""
    cur = v
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "xcomp", "conj", "pcomp", "pobj", "prep") or cur.head is cur:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and cur.lemma_.lower() in attributing:
            return cur
    return None


def _avoided(v: Token, lex: Lexicon) -> bool:
    """ "to avoid scuttling an emerging deal", "would risk derailing the talks", "to prevent
    it from torpedoing the truce": a rejection someone is to keep from, no stance taken
    (``rejects.avoiding``)."""
    cur = v
    for _ in range(2):
        if cur.dep_ not in ("xcomp", "pcomp", "prep") or cur.head is cur:
            return False
        cur = cur.head
        if cur.pos_ == "VERB" and cur.lemma_.lower() in lex.reject_avoiding:
            return True
    return False


def _says_no(v: Token, tails: tuple[tuple[str, ...], ...]) -> bool:
    """ "voted no on the resolution": the "no" is the idiom's own word, not a negation of
    the verb (issue 20R); "did not vote no" still negates it."""
    return any("no" in tail for tail in tails) and not any(
        c.dep_ == "neg" or c.lower_ == "never" for c in v.children
    )


def _charged(v: Token, accusing: frozenset[str]) -> bool:
    """Whether ``v`` is what someone is accused of ("accused X of violating rights and
    ignoring the law", "blamed Y for flouting the truce"; issue 20R); not a verb conjoined to
    the accusation itself ("accused X of stalling and rejected the plan")."""
    head = v.head
    if (
        v.dep_ == "advcl"
        and v.tag_ == "VBG"
        and head.lemma_.lower() in accusing
        and any(c.dep_ == "prep" and c.lower_ in ("of", "for") for c in head.children)
    ):
        return True  # "accused X of violating rights, ignoring the law": the list, cut off
    cur, through = v, False
    for _ in range(6):
        if cur.dep_ not in ("conj", "pcomp", "pobj", "prep", "xcomp", "ccomp") or cur.head is cur:
            return False
        through = through or cur.dep_ in ("pcomp", "pobj", "ccomp")
        cur = cur.head
        if cur.lemma_.lower() in accusing:
            return through
    return False


def hypothetical(v: Token) -> bool:
    """ "would reject the deal if X", "could veto it if Y": a stance under a condition, not
    taken (issue 20R); "will reject it if X" and "would not accept X if Y" still state one."""
    return any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in v.children) and any(
        c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "if" for g in c.children)
        for c in v.children
    )


def _no_longer_now(v: Token) -> bool:
    """ "will no longer negotiate", "no longer recognises X": a refusal from now on (issue
    17r); not a past told ("no longer negotiated with them after 2022")."""
    if not no_longer(v):
        return False
    return v.tag_ in ("VBZ", "VBP") or (
        v.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in v.children)
    )


def _past_fact(clause: Token) -> bool:
    """ "that it was stalling", "that it had shared nothing": a clause that reports what
    happened (a claim), not what should happen (a proposal)."""
    return clause.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in clause.children
    )


def _disputes_claim(v: Token) -> bool:
    """ "does not accept that X": the verb takes a "that" clause and no object (a claim
    disputed, not a proposal refused)."""
    kids = list(v.children)
    if any(c.dep_ in ("dobj", "xcomp") for c in kids):
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() not in ("do", "have") for c in kids):
        return False  # "will not accept that Israel keeps troops": a refusal
    return any(
        c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        for c in kids
    )


def _that_noun_and(v: Token) -> tuple[Token, Token] | None:
    """ "rejected that demand and insists on X" parsed as a "that" clause whose subject ("that
    demand") is left with a dangling "and": the noun and the clause's verb."""
    for c in v.children:
        if c.dep_ != "ccomp" or not any(
            g.dep_ == "mark" and g.lower_ == "that" for g in c.children
        ):
            continue
        subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ != "NOUN" or subj.i != v.i + 2:
            continue
        kids = list(subj.children)
        if any(g.dep_ == "cc" for g in kids) and not any(g.dep_ == "conj" for g in kids):
            return subj, c
    return None


@lru_cache(maxsize=16)
def _phrase_words(phrases: tuple[str, ...]) -> tuple[list[str], ...]:
    """Each phrase's words as the tokenizer splits them: "a non-starter" is "a", "non", "-",
    "starter" (split once per lexicon, not once per sentence)."""
    return tuple([w for word in p.split() for w in _HYPHEN.split(word) if w] for p in phrases)


def _copula_phrases(
    s: Span, phrases: tuple[str, ...], copulas: frozenset[str]
) -> list[tuple[list[str], Token, Token, Token]]:
    """Each phrase found in a sentence with the copula it hangs on: (words, first, last,
    copula)."""
    doc = s.doc
    toks = tokens(doc)[s.start : s.end]
    low = lowers(doc)[s.start : s.end]
    present = set(low)
    out = []
    for words in _phrase_words(phrases):
        if words[0] not in present:
            continue  # most phrases: their first word is not in the sentence
        n = len(words)
        for i in range(len(low) - n + 1):
            if low[i : i + n] != words:
                continue
            first, last = toks[i], toks[i + n - 1]
            cop = next(
                (
                    x
                    for x in (first.head, first.head.head, last.head, last.head.head)
                    if x.lemma_.lower() in copulas
                ),
                None,
            )
            if cop is not None:
                out.append((words, first, last, cop))
    return out


def _conceded(act: Token, lex: Lexicon) -> bool:
    """A verb of saying that is also one of giving (`rejects.concessions`), used as giving
    ("refused to give up any territory", "declined to give back the islands", "refused to
    provide guarantees"): a particle makes it another verb, and an object that is no word or
    detail a concession ("declined to give details", "to provide a timeline" still say
    nothing; issue 14r)."""
    if act.lemma_.lower() not in lex.concessions:
        return False  # "declined to speak out on the plan": saying, whatever follows
    return any(
        c.dep_ == "prt" or (c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lower_ not in WORDS_NOUNS)
        for c in act.children
    )


def addressed_act(v: Token) -> bool:
    """An infinitive whose doer is the object of its head (issue 23Y): "told Colombo not to
    support X", "warned the government not to sign": the addressee's act, wanted of it by the
    speaker (a demand, `demands.verbs`), no refusal of the speaker's. Not a clause with a
    subject of its own ("told reporters it would not sign": the speaker's)."""
    if v.dep_ != "xcomp" or any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return False
    return any(c.dep_ == "dobj" and c.i < v.i for c in v.head.children)


def _refusal_aux(v: Token) -> bool:
    """A refusal's auxiliary ("will not", "would not", "cannot"), not a past told ("did not")."""
    return any(c.dep_ == "aux" and c.lower_ in REFUSAL_AUXILIARIES for c in v.children)


def _agent_after_as(v: Token) -> Token | None:
    """The agent of a passive that the parser hung inside its "as" phrase ("which was rejected
    as too low by the regional government": "by" under "low")."""
    if not _passive(v) or any(c.dep_ == "agent" for c in v.children):
        return None
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            for t in c.subtree:
                if t.dep_ == "prep" and t.lower_ == "by":
                    return next((g for g in t.children if g.dep_ == "pobj"), None)
    return None


def _advised(v: Token, ctx: DocContext) -> bool:
    """ "should reject", "must not accept", "needs to reject": what the subject ought to do,
    not its stance (a modal on the verb, or the "need"/"have" it is the infinitive of)."""
    return ctx.has_modal(v) or (v.dep_ == "xcomp" and ctx.has_modal(v.head))


def _when(c: Token) -> bool:
    """A date or time said of a clause: "this week", "on Friday"."""
    if c.ent_type_ in WHEN_ENTS:
        return True
    return c.dep_ == "prep" and any(
        g.dep_ == "pobj" and g.ent_type_ in WHEN_ENTS for g in c.children
    )


def _passive(v: Token) -> bool:
    """ "will not be accepted": a passive auxiliary on the verb."""
    return any(c.dep_ == "auxpass" for c in v.children)


def _actor_doing(v: Token) -> Token | None:
    """ "rejects the US and the EU playing a role in the talks", "rejected Qatar hosting the
    round": the gerund right after the object (its last conjunct), which the parser hung on
    the verb; what is rejected is that act (issue 15r)."""
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    return next(
        (
            c
            for c in v.children
            if c.dep_ in ("advcl", "acl", "xcomp")
            and c.tag_ == "VBG"
            and c.left_edge.i == obj.right_edge.i + 1
            and not any(g.dep_ in ("nsubj", "mark") for g in c.children)
        ),
        None,
    )


def _one(x: Topic | str | None) -> list[Topic | str]:
    return [] if x is None else [x]


def _after_mark(head: Token, marks: tuple[str, ...]) -> bool:
    """Whether the phrase of ``head`` comes right after one of ``marks`` ("X, a demand Rabat
    opposed"), the parser having hung the mark on the phrase or not ("... agreement — a
    condition Islamabad rejected", issue 16r)."""
    first = next((t for t in head.subtree if not t.is_punct), head)
    return first.i > 0 and head.doc[first.i - 1].text in marks


def _that_clause(v: Token) -> bool:
    """A "that" clause the parser hung as an adverbial ("made it plain that it would not
    withdraw", issue 16r)."""
    return v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in v.children)
