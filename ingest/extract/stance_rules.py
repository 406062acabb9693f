"""What every stance rule shares: the document, the targets, how a stance is recorded, who
asserts a clause, and the "unless" clause of a refusal."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from actorgraph.ingest.extract import stance_trace
from actorgraph.ingest.extract.lexicon import FUTURE_AUXILIARIES
from actorgraph.ingest.extract.records import Resolved
from actorgraph.ingest.extract.targets import Targets

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.topics import Topic
    from spacy.tokens import Token


_APPEAL_WORD = re.compile(r"[a-z][a-z-]*")
_APPEAL_WORD_CASED = re.compile(r"[A-Za-z][A-Za-z-]*")

#: marks of a condition ("impossible unless X", "if X"): the judgement holds only under it
CONDITION_MARKS = frozenset({"unless", "until", "till", "if"})
#: subjects that deny the act of everyone they name ("nobody urged Kyiv to cede land")
NOBODY = frozenset({"nobody", "none", "neither", "no-one"})

#: where an appeal may be made besides named places ("calm on both sides", "along the border")
APPEAL_WHERE = frozenset(
    {"the", "both", "all", "sides", "side", "parties", "border", "borders", "ground", "region"}
    | {"streets", "city", "cities", "country", "front", "line", "lines", "area", "areas"}
    | {"camps", "camp", "north", "south", "east", "west", "frontier", "sites", "holy"}
)

#: what may come before the conduct in a general appeal: who is to show it, and how much
#: ("both sides exercise maximum restraint", "show more flexibility")
APPEAL_FILLERS = frozenset(
    {"show", "exercise", "display", "demonstrate", "maintain", "keep", "remain", "stay", "use"}
    | {"act", "with", "to", "the", "both", "all", "sides", "side", "parties", "party", "each"}
    | {"maximum", "utmost", "more", "greater", "maximal", "some", "further", "continued"}
    | {"for", "a", "return", "restore", "restoration", "of", "everyone", "everybody"}
    | {"engage", "negotiate", "talk", "proceed", "in"}  # "engage in good faith"
)

#: where the conduct is asked ("calm in Gaza", "restraint along the border"): no substance
APPEAL_PLACES = frozenset({"in", "on", "at", "along", "across", "around", "throughout", "over"})

#: a target that says nothing: "wants more", "asked not to be named" (anonymity, no demand)
VACUOUS = frozenset(
    {"more", "less", "something", "anything", "everything", "nothing", "much", "all", "it"}
    | {"named", "identified", "quoted", "name", "identify", "quote"}
    | {"step", "steps", "move", "thing", "things"}  # "a step Peru refused to take"
    | {"that", "this", "these", "those", "one", "ones"}  # "ruled that out" with nothing before
    # issue-15d: "had been pushing for an announcement this week": of what, it does not say
    | {"announcement", "announcements"}
    # issue-17d: "spoke on condition of anonymity": the speaker's own terms, no demand
    | {"anonymity", "confidentiality"}
)

#: when, not what: "pushing for an announcement this week" names nothing more than the
#: announcement (issue-15d)
WHEN_WORDS = frozenset({"day", "days", "week", "weeks", "weekend", "month", "months", "year"})
WHEN_WORDS |= {"today", "tonight", "tomorrow", "soon", "next", "last", "this", "coming"}
#: a day or month named alone is a time, not what is asked ("met on Saturday", issue-17d)
WHEN_WORDS |= {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
WHEN_WORDS |= {"january", "february", "march", "april", "june", "july", "august", "september"}
WHEN_WORDS |= {"october", "november", "december", "morning", "evening", "night"}


def _vacuous(target: Topic | str) -> bool:
    if isinstance(target, str):
        return False
    words = [
        w
        for w in _APPEAL_WORD.findall(target.name.lower())
        if w not in ("not", "be", "to") and w not in WHEN_WORDS
    ]
    if not words:  # only a time: "saturday", "this week"
        return True
    return len(words) == 1 and words[0] in VACUOUS


#: verbs that deny the clause they govern ("denied that it had rejected the deal")
DENIALS = frozenset({"deny", "dispute", "refute", "rebut"})


def denied_clause(c: Token) -> bool:
    """What a verb of denying says did not happen: its "that" clause, or its gerund
    ("denied arming the militia", "denied having rejected the plan"; issue 15r)."""
    return c.dep_ == "ccomp" or (
        c.dep_ == "xcomp" and (c.tag_ == "VBG" or any(g.lower_ == "having" for g in c.children))
    )


#: words that place a reversal after the stance: "rejected it but has since accepted it"
REVERSAL_TIMES = frozenset({"since", "later", "eventually", "now", "finally", "then"})

#: accepting after rejecting reverses the rejection
ACCEPTING = frozenset({"accept", "agree", "sign", "approve", "endorse", "embrace"})

#: words that make a stance in the past perfect a former one: "Israel had previously advocated
#: for testing of returnees" (after "Israel softened its positions"); not "earlier", which news
#: uses of the same day
FORMER_TIMES = frozenset({"previously", "formerly", "once", "initially", "originally"})


def no_longer(cue: Token) -> bool:
    """ "no longer demands X", "is no longer opposed to X": a stance given up (or, on a word
    of willingness, a refusal: "is no longer interested in talks", issue 17r)."""
    words = [cue] if cue.pos_ in ("VERB", "AUX") else [cue, cue.head]
    words += [c for w in words for c in w.children if c.dep_ in ("aux", "auxpass")]
    return any(
        c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
        for w in words
        for c in w.children
    )


def _former(cue: Token) -> bool:
    """ "had previously advocated for X", "had initially demanded X": a stance of the past
    perfect placed before the story's time, a position since left (issue-15d); not "has
    previously stated" (a position that stands)."""
    if cue.pos_ not in ("VERB", "AUX") or cue.tag_ != "VBN":
        return False
    kids = list(cue.children)
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in kids) and any(
        c.dep_ == "advmod" and c.lower_ in FORMER_TIMES for c in kids
    )


def _reversed(cue: Token) -> bool:
    """ "once rejected the plan but has since accepted it": a rejection taken back by the
    acceptance conjoined after it (with a word of later time or the same thing as object)."""
    for c in cue.children:
        if c.dep_ != "conj" or c.lemma_.lower() not in ACCEPTING or c.i < cue.i:
            continue
        if any(g.dep_ == "neg" for g in c.children):
            continue
        later = any(g.dep_ == "advmod" and g.lower_ in REVERSAL_TIMES for g in c.children)
        same = any(g.dep_ == "dobj" and g.lower_ in ("it", "them") for g in c.children)
        if later or same:
            return True
    return False


def _aside(n: Token) -> bool:
    """ "…, a claim the UAE denies", "…—a move Somalia condemned": a noun set off by a comma
    or a dash with a relative clause of its own, the writer's comment on what it follows
    however the parser hung it (issue 22R)."""
    if n.pos_ != "NOUN" or not any(g.dep_ == "relcl" for g in n.children):
        return False
    first = n.left_edge.i
    return first > 0 and n.doc[first - 1].text in (",", "—", "–", "-")


class StanceRules:
    """Base of the demand and rejection rules (:mod:`.demands`, :mod:`.rejections`)."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.t = Targets(ctx)

    def _emit(
        self,
        rtype: str,
        sources: list[Resolved],
        targets: list[Topic | str],
        cue: Token,
        conf: float,
        *,
        longer_negates: bool = False,
    ) -> None:
        """One stance per source and target (a coordinated object gives several); with
        ``longer_negates``, a "no longer" on the cue is its negation, not a stance given up
        ("will no longer negotiate with X", issue 17r)."""
        dropped = self._dropped(cue, longer_negates) or self._unheld(rtype, sources, cue)
        trace = stance_trace.TRACE
        if trace is not None:
            trace.proposed(
                self.ctx, rtype, sources, cue, self._trace_targets(rtype, sources, targets, dropped)
            )
        if dropped is not None:
            return
        if rtype == "demands":
            targets = [x for x in targets if not self._general_appeal(x)]
        targets = [x for x in targets if not _vacuous(x)]
        asked = self._addressees(cue) if rtype == "demands" else set()
        voiced = [self._voiced_for(r, cue) for r in sources]
        # "PKK leader X called on his group to lay down arms": X's, not the PKK's (issue-16d)
        sources = [
            Resolved(r.actor, r.anonymous, "asker")
            if self.ctx.stance_source(v.actor) in asked
            else v
            for r, v in zip(sources, voiced, strict=True)
        ]
        for target in targets:
            if rtype == "rejects" and self._own_demand(sources, target):
                continue  # "We asked for X first. That is unacceptable to us": not X
            self.ctx.out.stance(rtype, sources, target, cue, conf)

    def _unheld(self, rtype: str, sources: list[Resolved], cue: Token) -> str | None:
        """Why the sentence holds no stance of ``sources`` on ``cue`` although a rule read one
        (None: it does); the rejection rules say when (issue-24R)."""
        return None

    def _dropped(self, cue: Token, longer_negates: bool) -> str | None:
        """Why a stance on ``cue`` is not taken (None: it is): the reason's name."""
        if self._disowned(cue):
            return "disowned"
        if self.ctx.asked(cue, quoted=True):
            return "asked"
        if no_longer(cue) and not longer_negates:
            return "no longer"
        if _former(cue):
            return "former"
        if _reversed(cue):
            return "reversed"
        return None

    def _trace_targets(
        self, rtype: str, sources: list[Resolved], targets: list[Topic | str], dropped: str | None
    ) -> list[tuple[Topic | str | None, str | None]]:
        """For the trace: each target with the reason it is dropped (None: kept); one pair
        with no target when the whole stance goes."""
        if dropped is not None or not sources or not targets:
            return [(None, dropped or ("no holder" if not sources else "no target"))]
        appeal = rtype == "demands"
        return [
            (x, "general appeal" if appeal and self._general_appeal(x) else
             "vacuous" if _vacuous(x) else None)
            for x in targets
        ]  # fmt: skip

    def _addressees(self, cue: Token) -> set[str]:
        """The actors a verb of asking asks ("called on his group", "urged Hamas"): the one
        who asks is never the body asked, though the asker speaks for it elsewhere."""
        ctx = self.ctx
        if cue.pos_ != "VERB":
            return set()
        asked = [c for c in cue.children if c.dep_ in ("dobj", "dative")]
        asked += [
            g
            for c in cue.children
            if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        with ctx.quietly():
            return {r.actor for a in asked for r in ctx.resolve.resolve_np(a)}

    def _own_demand(self, sources: list[Resolved], target: Topic | str) -> bool:
        """Whether every source already demands the target (a pronoun that took the last
        topic, which is the speaker's own demand): nobody rejects what they demand."""
        if isinstance(target, str) or not sources:
            return False
        ctx = self.ctx
        demanded = {
            (r.get("source"), r.get("target"))
            for r in ctx.out.relations
            if r.get("type") == "demands"
        }
        return all((ctx.stance_source(r.actor), target.id) in demanded for r in sources)

    # ------------------------------------------------------------------ whose voice
    def _voiced_for(self, r: Resolved, cue: Token) -> Resolved:
        """A person with no known principal voices the stance of the body the text makes
        them speak for, here or where they are introduced: "the junta's spokesman ruled that
        out", "Its spokesman, X", "the Thai panel is led by X", "X, who led the movement".
        With none, the stance stays the person's."""
        ctx = self.ctx
        if ctx.type_of(r.actor) != "person" or r.actor in ctx.principal:
            return r
        owner = self._owner_here(r.actor, cue)
        if owner is None:
            owner = self._owner_where_introduced(r.actor)
        return r if owner is None else Resolved(owner, via="principal")

    def _owner_of_role(self, noun: Token) -> str | None:
        """Whose a role noun is: "the junta's spokesman", "Its spokesman", "the Thai
        negotiator", "the rebels' negotiator" (not a person's: "Moon's aide" stays open)."""
        ctx = self.ctx
        if noun.pos_ not in ("NOUN", "PROPN") or ctx.men[noun.i] is not None:
            return None
        for c in noun.children:
            if c.dep_ == "poss":
                owner = self._whose(c)
                if owner is not None:
                    return owner
        found: list[str] = []
        for c in noun.children:  # "the Thai negotiator", "a TNLA spokeswoman" (not "from Cusco")
            m = ctx.men[c.i] if c.dep_ in ("amod", "compound") else None
            if m is not None and m.actor and not m.place and ctx.type_of(m.actor) != "person":
                found.append(m.actor)
        return found[0] if len(set(found)) == 1 else None

    def _whose(self, poss: Token) -> str | None:
        """The body a possessor stands for: "the junta's", "Its", and a person's principal
        ("Haftar's spokesman": Haftar's; "his government": his)."""
        ctx = self.ctx
        with ctx.quietly():
            found = [x.actor for x in ctx.resolve.resolve_np(poss)]
        people = [a for a in found if ctx.type_of(a) == "person"]
        if people and len(found) == 1:
            principal = ctx.stance_source(people[0])
            return principal if principal != people[0] else None
        with ctx.quietly():
            owner = ctx.resolve.described_owner(poss)
        return owner if owner is not None and ctx.type_of(owner) != "person" else None

    def _owner_here(self, person: str, cue: Token) -> str | None:
        """The owner named in the phrase that makes the person the stance's source."""
        ctx = self.ctx
        for subj in ctx.resolve.subjects(cue):
            with ctx.quietly():
                hit = any(x.actor == person for x in ctx.resolve.resolve_np(subj))
            if hit:
                owner = self._owner_of_role(subj)
                if owner is not None:
                    return owner
        return None

    def _owner_where_introduced(self, person: str) -> str | None:
        """The body a person's introduction ties them to: an apposed role noun with an
        owner ("Its spokesman, X"), a body they are said to lead ("the Thai panel is led by
        X", "X, who led the movement")."""
        ctx = self.ctx
        heading = ctx.lex.heading_verbs
        past = ctx.lex.past_role_adverbs  # "once led", "formerly headed": a role that is over
        for m in ctx.mentions:
            if m.actor != person:
                continue
            root = ctx.doc[m.start : m.end].root
            roles = [c for c in root.children if c.dep_ == "appos" and not m.start <= c.i < m.end]
            if root.dep_ == "appos":
                roles.append(root.head)
            bodies: list[Token] = []
            if root.dep_ == "pobj" and root.head.dep_ == "agent":
                verb = root.head.head
                if verb.lemma_.lower() in heading and not any(
                    c.lower_ in past for c in verb.children
                ):
                    if verb.dep_ == "acl":
                        bodies.append(verb.head)  # "the delegation, led by X"
                    bodies += [c for c in verb.children if c.dep_ == "nsubjpass"]
            for c in root.children:  # "X, who led the movement"
                if (
                    c.dep_ == "relcl"
                    and c.lemma_.lower() in heading
                    and not any(g.lower_ in past for g in c.children)
                ):
                    bodies += [g for g in c.children if g.dep_ == "dobj"]
            verb = root.head
            if (
                root.dep_ == "nsubj"
                and verb.lemma_ == "be"
                and verb.tag_ in ("VBZ", "VBP")
                and not ctx.negated(verb)
            ):
                # "X is Bolivia's president", "X is the leader of the Front"
                roles += [c for c in verb.children if c.dep_ == "attr"]
            if (  # "X leads the Andean Front", "X has headed the delegation since May"
                root.dep_ == "nsubj"
                and verb.lemma_.lower() in heading
                and not ctx.negated(verb)
                and not ctx.irrealis(verb)
                and not any(c.dep_ == "advmod" and c.lower_ in past for c in verb.children)
                and verb.tag_ in ("VBZ", "VBP", "VBN")
            ):
                bodies += [g for g in verb.children if g.dep_ == "dobj"]
            for n in list(roles):
                if n.lower_ in ("one", "some") or n.pos_ == "NUM":
                    # "X, one of the M23 leaders" (issue 21R): the members' noun holds the body
                    roles += [
                        g
                        for p in n.children
                        if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children
                        if g.dep_ == "pobj" and g.lemma_.lower() in ctx.lex.member_nouns
                    ]
            for n in roles:
                owner = self._owner_of_role(n)
                if owner is not None:
                    return owner
            for b in bodies:
                with ctx.quietly():
                    found = [x.actor for x in ctx.resolve.resolve_np(b)]
                found = [a for a in found if ctx.type_of(a) != "person"]
                owner = found[0] if found else self._owner_of_role(b)
                if owner is not None:
                    return owner
        return None

    def _general_appeal(self, target: Topic | str) -> bool:
        """ "appealed for calm", "urged both sides to exercise restraint", "restraint along
        the border": conduct asked of everyone, no stance on the negotiation's substance."""
        if isinstance(target, str):
            return False
        raw = [w for w in _APPEAL_WORD_CASED.findall(target.name) if w != "s"]
        words = [w.lower() for w in raw]
        while words and words[0] in APPEAL_FILLERS:
            raw, words = raw[1:], words[1:]
        cut = next((n for n, w in enumerate(words) if w in APPEAL_PLACES), len(words))
        if any(  # "calm in Gaza", "on both sides"; not "good faith on the release of X"
            not (w[:1].isupper() or w.lower() in APPEAL_WHERE) for w in raw[cut + 1 :]
        ):
            return False
        phrase = " ".join(words[:cut])
        return bool(phrase) and phrase in self.ctx.lex.general_appeals

    def _disowned(self, cue: Token) -> bool:
        """A stance inside a clause that is denied or not said: "denied that it had rejected
        the deal", "never said it was unwilling to accept", "did not say it would demand"."""
        ctx = self.ctx
        lex = ctx.lex
        cur = cue
        for _ in range(8):
            if cur.head.i == cur.i:
                return False
            head = cur.head
            if _aside(cur):
                return False  # "X claim that A arms B, a claim A denies": the writer's aside
            if (
                cur.dep_ in ("acl", "ccomp", "relcl")
                and head.pos_ in ("NOUN", "PROPN")
                and head.lemma_.lower() in lex.object_classes.get("claim", ())
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in cur.children)
            ):
                return True  # "reports that Washington had demanded X": a claim, not a stance
            if denied_clause(cur) and head.pos_ in ("VERB", "AUX"):
                lemma = head.lemma_.lower()
                if lemma in DENIALS:
                    return True
                if cur.dep_ == "ccomp" and lemma in lex.speech_verbs and ctx.negated(head):
                    return True
            cur = head
        return False

    def _judges(self, clause: Token) -> list[Resolved]:
        """Who asserts a clause: the subject of the verb of saying it is the object of (not in
        a quote), else the speaker of the quote it is in (for the clause at its top), else the
        subject of a copula of insisting ("is adamant that ...", :meth:`_adamant`)."""
        ctx = self.ctx
        top = clause
        while top.dep_ == "conj" and top.head.i != top.i:  # "said X and that Y should ..."
            top = top.head
        speech = top.head if top.dep_ == "ccomp" else _misread_complement(top)
        lex = ctx.lex
        if speech is not None and speech.lemma_.lower() not in (
            lex.speech_verbs | lex.insist_verbs | lex.ruling_verbs | {"conclude"}
        ):
            speech = None
        if speech is not None and ctx.quote_of[speech.i] < 0:
            if ctx.irrealis(speech) or ctx.negated(speech):
                return []
            return ctx.resolve.subject_actors(speech)
        if speech is not None and not (ctx.irrealis(speech) or ctx.negated(speech)):
            # "X said: 'General Y has said that the rebels must disarm first'": a sayer named
            # inside the quote asserts the clause, not the one quoted (issue-15d)
            inner = self._named_sayer(speech)
            if inner:
                return inner
        if speech is None and clause.dep_ == "ROOT":
            # "Any agreement, Hamas said, must guarantee ...": a parenthetical verb of saying
            aside = next(
                (
                    c
                    for c in clause.children
                    if c.dep_ == "parataxis"
                    and c.lemma_.lower() in lex.speech_verbs
                    and ctx.quote_of[c.i] < 0
                ),
                None,
            )
            if aside is not None and not ctx.negated(aside) and not ctx.irrealis(aside):
                return ctx.resolve.subject_actors(aside)
            hung = self._hung_speech(clause)
            if hung is not None:
                return ctx.resolve.subject_actors(hung)
        q = ctx.in_quote(clause.i)
        if q is not None and q.speaker and clause.dep_ in ("ROOT", "ccomp", "conj"):
            return [Resolved(q.speaker)]
        return self._adamant(top) if top.dep_ == "ccomp" else []

    def _adamant(self, clause: Token) -> list[Resolved]:
        """Whoever a copula with an adjective of insisting makes assert its clause
        ("Azerbaijan is adamant that Armenia must change its constitution", "Kyiv is insistent
        that any deal must include X"; `demands.insisting_adjectives`, issue-21D)."""
        ctx = self.ctx
        cop = clause.head
        if cop.dep_ == "acomp":  # "is insistent that ...", the clause hung on the adjective
            cop = cop.head
        if cop.lemma_.lower() != "be" or not any(
            c.dep_ == "acomp" and c.lemma_.lower() in ctx.lex.insisting_adjectives
            for c in cop.children
        ):
            return []
        return ctx.resolve.subject_actors(cop) if ctx.asserted(cop) else []

    def _named_sayer(self, speech: Token) -> list[Resolved]:
        """The actors a verb of saying inside a quote has for its subject when that subject
        is named, not a pronoun ("'Min Aung Hlaing has said that ...'", not "'we said'")."""
        subj = self.ctx.resolve.subjects(speech)
        if not subj or any(s.pos_ == "PRON" for s in subj):
            return []
        return self.ctx.resolve.subject_actors(speech)

    def _conjoined_speaker(self, v: Token) -> list[Resolved]:
        """ "Hamas says X is a matter of justice, and demands that ...", parsed with
        the verb conjoined to the reported clause: the subject of the nearest verb above
        that names an actor (nothing when one of them is negated or not asserted)."""
        ctx = self.ctx
        if v.dep_ != "conj":
            return []
        cur = v.head
        for _ in range(4):
            if cur.pos_ in ("VERB", "AUX"):
                if ctx.negated(cur) or ctx.irrealis(cur):
                    return []
                sources = ctx.resolve.subject_actors(cur)
                if sources:
                    return sources
            if cur.head.i == cur.i:
                break
            cur = cur.head
        return []

    def _hung_speech(self, clause: Token) -> Token | None:
        """ "Armenia insisted Azerbaijan must return them", parsed with "insisted" as a
        modifier of "Azerbaijan" and the reported clause as the sentence: the verb of saying
        (with a subject of its own) hung on the clause's subject, right before it."""
        ctx = self.ctx
        lex = ctx.lex
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return None
        verbs = lex.speech_verbs | lex.insist_verbs
        for c in subj.children:
            if (
                c.dep_ in ("amod", "compound", "nmod", "acl")
                and c.i < subj.i
                and c.lemma_.lower() in verbs
                and any(g.dep_ == "nsubj" for g in c.children)
                and ctx.quote_of[c.i] < 0
                and not ctx.negated(c)
            ):
                return c
        return None

    def _unless(self, v: Token) -> Token | None:
        """The condition of a refusal: "will not sign unless Y", and on a negated verb "would
        not discuss X until Y"."""
        lex = self.ctx.lex
        refusal = (
            self.ctx.negated(v)
            and (
                any(  # a refusal, not a past sequence of events
                    c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in v.children
                )
                or (
                    v.lemma_.lower() in lex.intent_verbs
                    and v.tag_ != "VBD"
                    and not any(c.lower_ in ("did", "had") for c in v.children)
                )  # "do not want to resume talks until Y" (issue-14d), not "did not want"
            )
        ) or v.lemma_.lower() in lex.refusals  # "refuses to disarm until Y"
        marks = {"unless"} | ({"until", "till"} if refusal else set())
        # the clause may hang on the refused act's own verbs: "will not begin setting up X
        # until Y", "would not agree to sign unless Y"
        verbs = [v]
        for _ in range(2):  # "the group's refusal to lay down its weapons until Y" on a noun
            verbs += [
                c for c in verbs[-1].children if c.dep_ in ("xcomp", "acl") and c.pos_ == "VERB"
            ]
        return next(
            (
                c
                for w in verbs
                for c in w.children
                if c.dep_ == "advcl"
                and c.pos_ in ("VERB", "AUX")
                and any(g.dep_ == "mark" and g.lower_ in marks for g in c.children)
            ),
            None,
        )


#: verbs that take a small clause ("wants the airport reopened", a participle the tagger may
#: read as a past tense)
SMALL_CLAUSE_VERBS = frozenset({"want", "need", "expect", "like", "prefer", "see", "get"})


def reattached(v: Token) -> Token | None:
    """ "X wants the observers deployed and has called for Y": a finite verb the parser
    conjoined with a small clause (a participle or infinitive with a subject of its own and no
    auxiliary) belongs with the clause above it; that clause's verb, or None."""
    head = v.head
    if v.dep_ != "conj" or head.dep_ not in ("ccomp", "xcomp") or head.head.i == head.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return None
    finite = v.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP", "VBD", "MD") for c in v.children
    )
    small = (
        head.tag_ in ("VBN", "VB", "VBG") or head.head.lemma_.lower() in SMALL_CLAUSE_VERBS
    ) and not any(c.dep_ in ("aux", "auxpass", "mark") for c in head.children)
    if finite and small and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return head.head
    return None


def absolute_participle(v: Token) -> bool:
    """ "with the rebels demanding that ...", "with Hamas rejecting ...": a participle with a
    subject of its own after "with" (not "without": nothing is demanded there)."""
    return (
        v.dep_ == "pcomp" and v.head.lower_ == "with" and any(c.dep_ == "nsubj" for c in v.children)
    )


def _misread_complement(clause: Token) -> Token | None:
    """ "told journalists after the meeting that the proposal is unacceptable", parsed with the
    "that" clause as a relative clause on "meeting": a clause with "that" as its mark and a
    subject of its own is no relative clause; the verb above the phrase it hangs on is the
    one it complements (issue 13r)."""
    if clause.dep_ != "relcl":
        return None
    kids = list(clause.children)
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in kids):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in kids):
        return None
    cur = clause.head
    while cur.dep_ in ("pobj", "prep") and cur.head.i != cur.i:
        cur = cur.head
    return cur if cur.pos_ in ("VERB", "AUX") else None


def condition_clause(c: Token) -> bool:
    """A clause a judgement holds under: "unless X", "if X", "as long as X" (the parser hangs
    that clause on "long")."""
    if c.dep_ == "advcl":
        return any(g.dep_ == "mark" and g.lower_ in CONDITION_MARKS for g in c.children)
    return c.lower_ == "long" and any(g.dep_ == "advcl" for g in c.children)


def pending(v: Token) -> bool:
    """ "has not (yet) accepted", "had not recognised": not done so far, which is no refusal
    ("has never recognised" is)."""
    perfect = v.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in v.children
    )
    return perfect and not any(c.lower_ == "never" for c in v.children)


def electoral_object(obj: Token, electoral: frozenset[str]) -> bool:
    """An object that is a contest for office ("his candidacy", "her bid for re-election",
    "the opposition's candidate"), not a proposal (issue 14r)."""
    heads = [obj, *(g for c in obj.children if c.dep_ == "prep" for g in c.children)]
    return any(h.lemma_.lower() in electoral or h.lower_ in electoral for h in heads)


def denied_subject(subj: Token) -> bool:
    """Whether a subject says that no one did it: "neither A nor B", "nobody", "no one",
    "no state", "none of them" (issue-16d)."""
    if subj.lower_ in NOBODY or (
        subj.lower_ == "one" and subj.i > 0 and subj.nbor(-1).lower_ == "no"
    ):
        return True
    return any(
        (c.dep_ == "preconj" and c.lower_ == "neither") or (c.dep_ == "det" and c.lower_ == "no")
        for c in subj.children
    )
