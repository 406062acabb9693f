"""Mediation: who mediates between whom.

A mediator is found by one of these cues, and each mediator is linked to each party:

* a mediator noun and the actors that modify it or that it describes: "Qatari, Egyptian and
  US mediators", "mediators from Egypt and Qatar", "the United States, Egypt and Qatar, the
  three mediators", "Egypt acting as an intermediary", "the mediators' proposal";
* a mediation verb with its subject or agent: "Washington, Cairo and Doha are mediating",
  "a deal brokered by the US, Egypt and Qatar", "a Saudi-brokered truce", "efforts to broker
  a truce" (the subject of "led efforts", or "Qatar's efforts"), "messages relayed by Qatari
  officials", "Egypt has been shuttling ideas between the two sides";
* a channel: "A and B communicate through officials in Z", "passed messages between A and B";
* hosting a negotiation: "Turkey hosted talks between Russian and Ukrainian delegations",
  "talks under the auspices of Z", "with mediation by Z", "Qatar's mediation".

Parties come from the sentence where it names them ("between A and B", the subject of the
clause whose deal was brokered, the other side of a channel), else from the document
(:mod:`.parties`), with a lower confidence, lower still where the parties were inferred. An
actor that asks or urges the mediators is not one, and no mediator is its own party. A cue
that is negated or only offered, refused or hoped for ("offered to mediate") gives nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from actorgraph.ingest.extract.lexicon import title_key
from actorgraph.ingest.extract.mediation_announced import announced
from actorgraph.ingest.extract.mediation_bodies import stray_agent, unnamed_body, unnamed_body_in
from actorgraph.ingest.extract.mediation_efforts import FORMER, effort_for, mandate, pursuit
from actorgraph.ingest.extract.mediation_envoys import (
    appointed,
    in_person,
    meets_the_sides,
    through_someone,
)
from actorgraph.ingest.extract.parties import (
    Parties,
    lemma_of,
    listed_after,
    listed_before,
    owner_heads,
)
from actorgraph.ingest.extract.tokens import lemmas, lowers, plural_base, span_root, tokens

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from spacy.tokens import Span, Token

#: confidence of a link: parties named in the sentence, in the document, inferred
IN_SENTENCE, IN_DOCUMENT, INFERRED = 0.75, 0.65, 0.5


@dataclass
class Finding:
    mediators: list[str]
    parties: list[str]  # empty: the document's parties
    sent: int
    confidence: float
    #: the sentence names only one side ("Israel met the mediators"): add the document's
    with_document: bool = False
    #: mediators only if they are none of the document's parties ("a truce drafted by X")
    not_a_party: bool = False
    #: the parties are places gone between: the document's parties instead, where it has
    #: some and these are not among them
    places: bool = False
    #: the one side the clause names ("the 1996 agreement his group signed under the auspices
    #: of Z"): the mediation is the document's only if that side is one of its parties
    sides: list[str] | None = None
    #: the parties are the ones the mediators work on ("helping Hamas draft a reply"): only
    #: the document's parties where it has some ("helped the Red Cross deliver" is no side)
    worked_on: bool = False


class Mediation:
    """The ``mediates`` family on one document.

    The rules of :mod:`.mediation_efforts` use this public part: ``ctx`` and ``parties``;
    :meth:`subject_actors`, :meth:`effort_owner`, :meth:`principals` (who acts),
    :meth:`between_near` (the sides named), :meth:`not_asserted` (a cue only offered or
    hoped for), :meth:`past_rounds` (a track that is over) and :meth:`link` (a finding);
    :mod:`.mediation_envoys` also reads ``found``,
    :meth:`subject_actors` and :meth:`holds_office`."""

    def __init__(self, ctx: DocContext, parties: Parties) -> None:
        self.ctx = ctx
        self.parties = parties
        self.found: list[Finding] = []

    def run(self) -> None:
        ctx = self.ctx
        lex = ctx.lex
        cues = lex.mediation_cues
        # the stated pairs again, now that who speaks for whom is known ("a summit between
        # President X and leader Y"), so that "the two sides" names them
        self.parties.choose(set())
        toks, lows, lems = tokens(ctx.doc), lowers(ctx.doc), lemmas(ctx.doc)
        for k, s in enumerate(ctx.sents):
            for i in range(s.start, s.end):
                lemma, low = lems[i], lows[i]
                if lemma not in cues and low not in cues and not _participle_of(low, cues):
                    continue
                t = toks[i]
                if t.pos_ in ("NOUN", "PROPN") and self._is_mediator_noun(t):
                    self._mediator_noun(t, k)
                elif self._mediating_modifier(t):
                    self._mediator_noun(t, k)  # "the three mediating countries, A, B and C"
                elif t.pos_ in ("NOUN", "PROPN") and (
                    lemma in lex.mediation_nouns
                    or low in lex.mediation_nouns
                    or _two_words(t) in lex.mediation_nouns
                ):
                    self._action_noun(t, k)
                elif t.pos_ == "NOUN" and lemma in lex.invitation_nouns:
                    self._invitation(t, k)
                elif t.tag_ == "NNS" and t.dep_ == "ROOT" and plural_base(t) in lex.mediation_verbs:
                    self._mediation_verb(t, k)  # "Norway mediates between ..." read as a noun
                elif _gerund_object(t) and _participle_of(low, lex.mediation_verbs):
                    self._mediation_verb(t, k)  # "thanked Z for mediating" read as a noun
                elif _predicate_ing(t) and _participle_of(low, lex.mediation_verbs):
                    self._mediation_verb(t, k)  # "X is mediating between ..." read as a noun
                elif _progressive_noun(t) and _participle_of(low, lex.mediation_verbs):
                    self._mediation_verb(t, k)  # "Kenya, which is mediating ..." read as a noun
                elif t.pos_ in ("NOUN", "PROPN"):
                    if lemma in lex.helping_nouns:
                        self._helped_by(t, k)
                    if lemma in lex.effort_nouns or low in lex.effort_nouns:
                        effort_for(self, t, k)
                    if lemma in lex.mandate_titles or low in lex.mandate_titles:
                        mandate(self, t, k)
                if low in lex.bridging_modifiers and t.dep_ in ("amod", "compound"):
                    self._bridging_proposal(t.head, k)
                if t.pos_ in ("VERB", "ADJ") or t.tag_ == "VBN" or _of_role(t):
                    if lemma in lex.mediation_verbs or _participle_of(low, lex.mediation_verbs):
                        self._mediation_verb(t, k)
                    elif (
                        lemma in lex.host_verbs
                        or lemma in lex.leading_verbs
                        or lemma in lex.opening_verbs
                    ):
                        self._host(t, k)
                    elif lemma in lex.backing_verbs and (_hyphened(t) or _by_agent(t)):
                        # "a Qatari-backed dialogue", "the talks, backed by Norway and Cuba,":
                        # only talks (see _host)
                        self._host(t, k)
                    elif lemma in lex.deal_verbs:
                        self._deal_made(t, k)
                    if lemma in lex.bridging_verbs or lemma in lex.steering_verbs:
                        self._bridging(t, k)
                    if lemma in lex.invite_verbs:
                        self._invited(t, k)
                    if lemma in lex.channel_verbs:
                        self._channel(t, k)
                    if lemma in lex.carry_verbs:
                        self._carry(t, k)
                    if lemma in lex.movement_verbs:
                        self._movement(t, k)
                    if lemma in lex.pursuit_verbs or lemma in lex.revival_verbs:
                        pursuit(self, t, k)
                    if lemma in lex.meeting_verbs or lemma in lex.host_verbs:
                        meets_the_sides(self, t, k)
                    if lemma in lex.through_verbs:
                        through_someone(self, t, k)
                    if lemma in lex.announcing_verbs:
                        announced(self, t, k)
        self._drop_named_sides()
        self.parties.infer({m for f in self.found for m in f.mediators})
        in_person(self)
        self._emit()

    def _drop_named_sides(self) -> None:
        """A side the sentence's negotiation noun names is no mediator there: "facilitated by
        the EU's envoy for the Belgrade-Pristina dialogue" (Serbia is a side, not a mediator)."""
        kept: list[Finding] = []
        for f in self.found:
            sides = self.parties.sides_in.get(f.sent, set())
            f.mediators = [m for m in f.mediators if m not in sides or m in f.parties]
            kept += [f] if f.mediators else []
        self.found = kept

    # ------------------------------------------------------------------ cues
    def _is_mediator_noun(self, t: Token) -> bool:
        lex = self.ctx.lex
        nouns = lex.mediator_nouns
        if t.lower_ in nouns or t.lemma_.lower() in nouns:
            return True
        if t.lower_ in lex.host_nouns or t.lemma_.lower() in lex.host_nouns:
            return self._host_named(t)
        if t.lemma_.lower() in lex.mediator_role_nouns:  # "acting as a channel between A and B"
            return _as_role(t) or any(
                c.dep_ == "prep" and c.lower_ == "between" for c in t.children
            )
        # "go-betweens", "co-chairs" are three tokens
        return t.i >= 2 and _two_words(t, 2).replace(" - ", "-") in nouns

    def _mediating_modifier(self, t: Token) -> bool:
        """ "the mediating countries", "the two mediating states, A and B" (issue-21M): a
        mediator adjective, however tagged, on a noun of those who act (not "a mediating role",
        "mediating efforts", "the mediating talks": the rules of roles and efforts read them)."""
        lex = self.ctx.lex
        head = t.head
        words = lex.effort_nouns | lex.talk_nouns | lex.mediation_nouns | lex.help_nouns
        return (
            t.lower_ in lex.mediator_adjectives
            and t.lower_ not in lex.mediator_nouns
            and t.dep_ in ("amod", "compound")
            and head.pos_ == "NOUN"
            and head.i > t.i
            and head.lemma_.lower() not in words
            and head.lower_ not in words
        )

    def _host_named(self, t: Token) -> bool:
        """A host noun that names a host of the talks: in apposition ("Kazakhstan, the host,";
        "the hosts, Qatar and Egypt,") or as a role ("Oman, acting as host"), not the host of
        something that is no talk ("host of the World Cup") nor a modifier ("the host city")."""
        lex = self.ctx.lex
        of = [
            g
            for c in t.children
            if c.dep_ == "prep" and c.lower_ in ("of", "to", "for")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        talks = lex.talk_nouns
        if any(g.lemma_.lower() not in talks and g.lower_ not in talks for g in of):
            return False
        return _as_role(t) or t.dep_ == "appos" or any(c.dep_ == "appos" for c in t.children)

    def _mediator_noun(self, n: Token, k: int) -> None:
        """ "Qatari and Egyptian mediators", "Egypt acting as an intermediary"."""
        ctx = self.ctx
        res = ctx.resolve
        if self.not_asserted(n) or self._accompanies(n) or self._vouches_only(n):
            return
        mediators = self._modifiers(n) + self._plural_for(n)
        head = n
        while (
            head.dep_ == "conj"
            and ctx.men[head.head.i] is not None
            and (head.i == n.i or _demonym(head.head))
        ):
            # "Egyptian, Qatari, and US mediators" parsed as a list of the words, also chained
            # ("Qatari <- Egyptian <- mediators"): every demonym of the chain
            head = head.head
            mediators += ctx.resolve.actors_in(
                [
                    head,
                    *(
                        x
                        for c in head.children
                        if c.dep_ in ("nmod", "amod", "compound")
                        for x in c.subtree
                    ),
                ]
            )
        if n.dep_ == "compound" and n.head.pos_ == "PROPN" and n.text[:1].islower():
            # "mediator Qatar", "mediators Egypt and Qatar": the noun as a title of the names
            named = self._np_actors(n.head)
            verb = n.head
            while verb.dep_ in ("conj", "appos") and verb.head.i != verb.i:
                verb = verb.head
            if verb.dep_ in ("nsubj", "nsubjpass") and ctx.negated(verb.head):
                named = []  # "Veteran mediator X was not involved"
            if len(named) < 2 and n.head.dep_ == "conj" and n.tag_ in ("NNS", "NNPS"):
                named = []  # "Hamas and mediators Qatar": a plural title of one name is a list
            mediators += named
        # the names beside the noun read as written, whatever the parse (issue-23X): "Joint
        # mediators Qatar, the US and Egypt will ...", "A, B and C -- the three co-chairs --"
        titled, said = _titled_list(n)
        if said is not None and ctx.negated(said):
            titled = []  # "Veteran mediator X was not involved"
        mediators += ctx.resolve.actors_in(titled + _dashed_list(n))
        if n.dep_ in ("compound", "amod") and n.head.pos_ in ("NOUN", "PROPN"):
            n = n.head  # "the guarantor countries": the phrase the mediator word qualifies
            mediators += self._modifiers(n)
        if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.dep_ == "appos":
            # "Norway and Ireland, two of the guarantor countries, ..."
            mediators += self._np_actors(n.head.head.head)
        if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.pos_ == "NUM":
            # "spoke to one of the main interlocutors, Qatar's prime minister X," however the
            # parser hung the name (issue-21M)
            mediators += ctx.resolve.actors_in(_named_after(n))
        if n.tag_ in ("NNS", "NNPS"):  # "the co-chairs from the UN, the EU and the OSCE"
            nxt = n.doc[n.i + 1] if n.i + 1 < len(n.doc) else None  # (a list hung elsewhere)
            if nxt is not None and nxt.lower_ == "from" and nxt.dep_ == "prep":
                span = []
                for x in n.doc[nxt.i + 1 : n.sent.end]:
                    if x.pos_ in ("VERB", "AUX") or x.text in (";", ".", ":"):
                        break
                    span.append(x)
                mediators += ctx.resolve.actors_in(span)
        for c in n.children:  # "regional mediators, including Egypt and Turkey"
            if c.dep_ == "prep" and (c.lower_ in _INCLUDING or _two_words(c) in _INCLUDING):
                mediators += ctx.resolve.actors_in(
                    x
                    for o in c.children
                    if o.dep_ == "pobj"
                    for h in (o, *o.conjuncts)
                    for x in _without(h, _CLAUSES)
                )
        head = n.head
        if n.dep_ == "appos":  # "the United States, Egypt and Qatar, the three mediators"
            mediators += self._np_actors(head)
        if n.dep_ in ("nsubj", "nsubjpass"):  # "Malaysia, the facilitator, set ...": the name
            mediators += self._np_actors_split_off(n)  # the parser hung beside the subject
        for c in n.children:
            if c.dep_ == "appos" and c.i < n.i:
                mediators += self._np_actors(c)
            elif (
                c.dep_ == "conj"
                and c.pos_ == "PROPN"
                and n.tag_ in ("NNS", "NNPS")
                and n.i + 1 < len(n.doc)
                and n.doc[n.i + 1].text == ","
                and c.i == n.i + 2
            ):  # the same list, parsed as conjuncts of the noun
                mediators += ctx.resolve.actors_in(
                    x for h in (c, *c.conjuncts) if h.i > n.i for x in _without(h, _CLAUSES)
                )
            elif c.dep_ == "appos":  # "the two guarantor countries, Cuba and Norway, ...",
                # "the EU facilitator, X, said": the names the mediator noun is given
                mediators += ctx.resolve.actors_in(
                    x for h in (c, *c.conjuncts) for x in _without(h, _CLAUSES)
                )
        gov = head.head if head.dep_ == "prep" and head.lower_ == "as" else head
        as_role = _as_role(n)
        if as_role and head.lower_ == "as" and head.i > 0 and n.doc[head.i - 1].text != ",":
            # "brought together A and B as the two sides, the OSCE, Russia and Ukraine as
            # mediators": the list right before "as", however the parser hung it
            mediators += ctx.resolve.actors_in(listed_before(head))
        if as_role and gov.pos_ in ("VERB", "AUX") and not mediators:
            # "Qatar is a mediator", "Egypt acting as an intermediary", "served as mediator";
            # "they asked me to be a mediator": the one asked
            asked = _controlled_object(gov, ctx.lex.object_control)
            mediators += (
                self._np_actors(asked)
                if asked is not None
                else [r.actor for r in res.subject_actors(gov)]
            )
        if not mediators and head.lower_ == "as" and gov.lemma_.lower() == "role":
            mediators = self._role_holders(gov)  # "Oman played its role as a mediator"
        elif not mediators and n.lemma_.lower() == "role":
            mediators = self._role_holders(n)  # "Turkey took on a mediator role"
        mediators = self.principals(mediators)
        if not mediators:
            return
        parties = self.between_near(n) or self.between_near(gov) or self._pair_of(gov, skip=n)
        modifier_only = not any(c.dep_ == "appos" for c in n.children) and n.dep_ != "appos"
        if not parties and n.dep_ == "appos" and gov.pos_ in ("NOUN", "PROPN"):
            parties = self._object_between(gov.head)  # "Norway, the guarantor, attended the
            # talks between A and B"
        if not parties and n.tag_ not in ("NNS", "NNPS"):
            parties = self._between_for(n)  # "an intermediary for Iran and the United States"
        if not parties and n.lemma_.lower() in ctx.lex.mediator_role_nouns:
            # "served as a messenger for Ocalan": the one whose words are carried is a side
            sides = self._carried_for(n)
            if sides:
                self.link(mediators, sides, k, with_document=True, not_a_party=modifier_only)
                return
        if not parties and n.dep_ in ("dobj", "pobj", "dative") and gov.pos_ in ("VERB", "AUX"):
            # "the Israeli delegation met the mediators": whoever meets or urges them is a
            # side, and so is whoever's reply or proposal they discuss
            sides = self.parties.actors(
                x for s in ctx.resolve.subjects(gov) for c in (s, *s.conjuncts) for x in _np(c)
            )
            if sides:
                sides += [a for a in self._message_owners(gov) if a not in sides]
                self.link(mediators, sides, k, with_document=True, not_a_party=modifier_only)
                return
        if not parties and n.dep_ == "nsubj":
            # "regional mediators are helping Hamas draft a reply": the one worked on is a side
            sides = self._worked_on(gov)
            if sides:
                self.link(
                    mediators, sides, k, with_document=True, not_a_party=modifier_only, worked=True
                )
                return
        # "Hamas mediators reach out to ...": a side's negotiators are no mediators
        self.link(mediators, parties, k, not_a_party=modifier_only)

    def _plural_for(self, n: Token) -> list[str]:
        """Whom plural mediators work for: "mediators for Qatar and Egypt plan to engage
        Hamas" (issue-21M), as "negotiators for the government" are its people; a singular
        go-between's "for" names the two sides instead (:meth:`_between_for`)."""
        if n.tag_ not in ("NNS", "NNPS") or n.lower_ not in self.ctx.lex.mediator_nouns:
            return []
        found = [
            a
            for c in n.children
            if c.dep_ == "prep" and c.lower_ == "for"
            for a in self.ctx.resolve.actors_in(c.subtree)
        ]
        stated = set(self.ctx.parties).union(*(set(p) for p in self.parties.pairs))
        return [] if stated & set(found) else found  # "mediators for A and B": the sides

    def _between_for(self, n: Token) -> list[str]:
        """The two sides a mediator noun's "for" names together (issue-20M): "acted as an
        intermediary for Iran and the United States", "a go-between for Moscow and Kyiv"; not
        one ("a messenger for X" carries one side's words, see :meth:`_carried_for`), nor
        mediators ("the envoy for the UN and the AU" names his senders)."""
        ctx = self.ctx
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ == "for":
                sides = self.parties.principals(ctx.resolve.actors_in(c.subtree))
                if len(sides) == 2 and not set(sides) & ctx.mediator_hints:
                    return sides
        return []

    def _carried_for(self, role: Token) -> list[str]:
        """The one a channel works for ("a messenger for the jailed leader X", "a conduit for
        Washington"): a side, in person and through whom a person speaks for (issue 16m)."""
        ctx = self.ctx
        out: list[str] = []
        for c in role.children:
            if c.dep_ != "prep" or c.lower_ != "for":
                continue
            for a in ctx.resolve.actors_in(c.subtree):
                sf = ctx.principal.get(a)
                out += [x for x in (a, sf.target if sf else a) if x not in out]
        return out

    def _worked_on(self, verb: Token) -> list[str]:
        """The sides a verb of working on someone names, its subject being mediators (issue
        16m, ``mediation.working_verbs``): "are helping Hamas (to) draft a reply", "pressed
        the RSF to sign", "met the M23 delegation"; none where the work is negated."""
        ctx = self.ctx
        if verb.lemma_.lower() not in ctx.lex.mediation_working_verbs or ctx.negated(verb):
            return []
        worked_on = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        worked_on += [  # "helping Hamas to draft", parsed as the complement's subject
            s
            for c in verb.children
            if c.dep_ in ("ccomp", "xcomp")
            for s in c.children
            if s.dep_ == "nsubj"
        ]
        return self.parties.actors(x for c in worked_on for h in (c, *c.conjuncts) for x in _np(h))

    def _np_actors_split_off(self, n: Token) -> list[str]:
        """The actors of a name the parser hung on the verb beside a subject it stands in
        apposition to: "Malaysia, the facilitator, set the agenda" parsed with "Malaysia" as a
        modifier of "set" (the name right before the comma that opens the subject)."""
        before = n.left_edge.i - 1
        if before < 1 or n.doc[before].text != ",":
            return []
        for c in n.head.children:
            if c.dep_ in ("npadvmod", "nmod", "dep") and c.right_edge.i == before - 1:
                return self._np_actors(c)
        return []

    def _accompanies(self, n: Token) -> bool:
        """A mediator noun that only accompanies another's mediation: "under the auspices of
        the UN with the three guarantor powers in the room"."""
        lex = self.ctx.lex
        if n.dep_ == "compound":
            n = n.head
        prep = n.head
        if n.dep_ != "pobj" or prep.lower_ not in ("with", "alongside"):
            return False
        gov = prep.head
        return gov.lemma_.lower() in lex.mediation_nouns or gov.lower_ in lex.mediation_nouns

    def _vouches_only(self, n: Token) -> bool:
        """A guarantor that only stands behind an agreement: "the US and Qatar acted as
        guarantors", "signed as guarantors", "the guarantors of the accord", "with participation
        from the guarantor countries" (not "the
        guarantor countries urged both delegations to ...", who act in the talks; one that
        hosted or brokered them is found by that cue)."""
        lex = self.ctx.lex
        if n.lower_ not in lex.guarantor_nouns and n.lemma_.lower() not in lex.guarantor_nouns:
            return False
        if n.dep_ in ("compound", "amod") and n.head.pos_ in ("NOUN", "PROPN"):
            n = n.head  # "the guarantor powers"
        head = n.head
        if n.dep_ in ("attr", "oprd") or (head.dep_ == "prep" and head.lower_ == "as"):
            return True
        if head.dep_ == "prep" and lemma_of(head.head) in lex.attendance_nouns:
            return True  # "with participation from the three guarantor countries"
        deals = lex.party_nouns | lex.proposal_heads
        return any(
            c.dep_ == "prep"
            and c.lower_ in ("of", "to", "for")
            and any(g.dep_ == "pobj" and g.lemma_.lower() in deals for g in c.children)
            for c in n.children
        )

    def _mediation_verb(self, v: Token, k: int) -> None:
        """ "Z mediated between A and B", "a deal brokered by Z", "a Saudi-brokered truce"."""
        ctx = self.ctx
        if ctx.negated(v) or self.not_asserted(v):
            return
        mediators: list[str] = []
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        if agent is not None:
            mediators = self._agent_actors(agent)
        elif _of_role(v):
            mediators = self._role_holders(v.head)  # "Turkey played a central mediating role"
        elif (
            (v.i > 0 and v.doc[v.i - 1].text in ("-", "–")) or v.dep_ == "amod" or v.pos_ == "NOUN"
        ):
            # "Saudi-brokered", "U.S.-mediated"; and "Malaysia mediated talks between A and B"
            # where the parser read the finite verb as a modifier of "talks" with the subject
            # hung on it (the same actors either way), or "Norway mediates" read as a noun
            mediators = (
                ctx.resolve.actors_in(
                    x
                    for c in v.children
                    if c.dep_ in ("npadvmod", "compound", "nmod", "nsubj") and c.i < v.i
                    for x in c.subtree
                )
                or self.hyphened_actors(v)
                or self._named_before(v)
            )
        if not mediators:
            mediators = self._credited_doer(v)  # "thanked Qatar for mediating"
        if not mediators and _predicate_ing(v):
            # "Oman is mediating" read as a predicate of "is": the subject is the copula's
            mediators = [r.actor for r in ctx.resolve.subject_actors(v.head)]
        if not mediators:
            mediators = self._relative_list(v, [r.actor for r in ctx.resolve.subject_actors(v)])
            mediators += self._subjects_senders(v, mediators)
            mediators += [a for a in self._subject_bodies(v) if a not in mediators]
            if not mediators:
                mediators = self._lost_subject_actors(v)
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if mediators and subj is not None:  # "Washington, Cairo and Doha" parsed apart
                mediators = (
                    ctx.resolve.actors_in(
                        x for c in v.children if c.dep_ == "npadvmod" and c.i < subj.i for x in [c]
                    )
                    + mediators
                )
        if not mediators:
            mediators = self.effort_owner(v) or self._reduced_relative(v)
        if not mediators:
            mediators = self._sent_to_mediate(v)
        mediators += [a for a in appointed(self, v) if a not in mediators]
        mediators = self.principals(mediators + self._companions(v))
        if not mediators and (self._between_talks(v) or self._talks_named(v)):
            # "Swisspeace facilitated talks between A and B", "the talks were mediated by the
            # Normandy Quartet" (a name NER missed)
            mediators = unnamed_body(self, v)
        if not mediators:
            return
        noun = v.head if v.dep_ in ("acl", "amod", "relcl") and v.head.pos_ == "NOUN" else None
        # rounds of talks mediated in an earlier year are over; a deal brokered then may hold
        rounds = [
            x
            for x in [*(c for c in v.children if c.dep_ in ("dobj", "nsubjpass")), noun]
            if x is not None and x.lower_ in _NEGOTIATION
        ]
        if rounds and self.past_rounds(v, rounds):
            return
        if self._other_dispute(v, noun):
            return  # "Brazil mediated a trade dispute between Ecuador and Peru" (issue-20M)
        parties = self.between_near(v)
        if not parties and noun is None:
            parties = self._pair_of(v)
        if not parties:
            for c in v.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    parties = self.between_near(c)
        if not parties and noun is not None:
            parties = self.between_near(noun) or self._clause_parties(noun)
        if not parties and v.dep_ in ("acl", "relcl"):
            # "an accord between A and B, brokered by Z" with the participle hung on B
            obj = v.head.head if v.head.dep_ == "conj" else v.head
            if obj.dep_ == "pobj" and obj.head.lower_ == "between":
                parties = self.parties.between(obj.head, resolve=True)
        if not parties:  # "Thailand praised Malaysia for facilitating the talks with the BRN"
            parties = self._thanker_and_other(v, [c for c in v.children if c.dep_ == "dobj"])
        self.link(mediators, parties, k)

    def _other_dispute(self, v: Token, noun: Token | None) -> bool:
        """Whether a mediation verb settles a dispute on another matter than a conflict's ("a
        trade dispute", "a commercial row": `mediation.deal_matters` on a dispute noun), which a
        trade body or a court mediates too; a deal on such a matter may still be the talks' own
        ("the Turkish-brokered grain deal")."""
        lex = self.ctx.lex
        objects = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        return any(
            lemma_of(o) in _DISPUTES
            and any(
                c.dep_ in ("amod", "compound") and lemma_of(c) in lex.deal_matters
                for c in o.children
            )
            for o in [*objects, *([noun] if noun is not None else [])]
        )

    def _between_talks(self, v: Token) -> bool:
        """Whether a mediation verb goes "between" two sides itself ("mediated between A and
        B") or through its talks or deal ("facilitated talks between A and B"), not through
        anything else ("fighting between A and B was facilitated by ...")."""
        deals = self.ctx.lex.deal_objects
        return any(c.dep_ == "prep" and c.lower_ == "between" for c in v.children) or any(
            (self._is_talks(c) or lemma_of(c) in deals) and bool(self.between_near(c))
            for c in v.children
            if c.dep_ in ("dobj", "nsubjpass")
        )

    def _talks_named(self, v: Token) -> bool:
        """Whether what a mediation verb acts on, or a participle's noun, is the talks or a
        deal ("the talks were mediated by X", "X has facilitated the negotiations", "a truce
        brokered by X"): not "fighting" or a trade dispute."""
        deals = self.ctx.lex.deal_objects
        nouns = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        if v.dep_ in ("acl", "amod") and v.head.pos_ in ("NOUN", "PROPN"):
            nouns.append(v.head)
        return any(self._is_talks(c) or lemma_of(c) in deals for c in nouns)

    def _subject_bodies(self, v: Token) -> list[str]:
        """A body as the subject, with its owner and the one who leads it: "The AU panel led by
        X, a former president of Nigeria, brokered the deal" (the AU and X, not Nigeria); and
        a person listed after the subject's apposition ("X, the AU envoy, and Y facilitated")."""
        ctx = self.ctx
        lex = ctx.lex
        out: list[str] = []
        for subj in ctx.resolve.subjects(v):
            for c in subj.children:
                if c.dep_ == "appos":  # "X, the AU envoy, and Y": Y hung on the apposition
                    out += ctx.resolve.actors_in(
                        x for g in c.conjuncts if g.pos_ == "PROPN" for x in _np(g)
                    )
            if lemma_of(subj) not in lex.body_nouns:
                continue
            out += ctx.resolve.actors_in(
                x for c in subj.children if c.dep_ in ("compound", "poss") for x in c.subtree
            )
            for c in subj.children:
                if c.dep_ == "acl" and lemma_of(c) in lex.heading_verbs:
                    out += [
                        a
                        for g in c.children
                        if g.dep_ == "agent"
                        for a in self._agent_actors(g)
                        if ctx.type_of(a) == "person"
                    ]
        return [a for a in dict.fromkeys(out) if a not in ctx.parties]

    def _reduced_relative(self, v: Token) -> list[str]:
        """The name right before a subjectless "-ing" mediation verb the parser hung elsewhere
        ("the international Contact Group facilitating the dialogue between A and B" read as a
        clause of the sentence's first verb), and the person whose office that body is ("X,
        chairperson of the Contact Group facilitating ...")."""
        ctx = self.ctx
        if v.tag_ != "VBG" or v.i == 0 or v.dep_ not in ("advcl", "acl", "xcomp", "conj"):
            return []
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
            return []
        before = v.doc[v.i - 1]
        m = ctx.men[before.i]
        if m is None or m.end != v.i or not m.actor:
            return []
        found = ctx.resolve.actors_in([v.doc[m.start]])
        head = span_root(v.doc, m.start, m.end)
        if (
            head.dep_ == "pobj"
            and head.head.lower_ == "of"
            and self.holds_office(head.head.head.lemma_)
        ):
            cur = head.head.head  # the office; the person it is said of, up its apposition
            while cur.dep_ in ("conj", "appos") and cur.head.i != cur.i:
                cur = cur.head
                who = ctx.men[cur.i]
                if who is not None and who.actor and ctx.type_of(who.actor) == "person":
                    found += [who.actor] if who.actor not in found else []
                    break
        return found

    def _host(self, v: Token, k: int) -> None:
        """ "Turkey hosted talks between A and B", "talks hosted by Oman"."""
        ctx = self.ctx
        lex = ctx.lex
        if ctx.negated(v) or self.not_asserted(v):
            return
        talks = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        if v.dep_ in ("acl", "amod"):  # "talks hosted by Oman", "Turkish-hosted talks"
            talks.append(v.head)
            held = _between_holder(v.head) if v.dep_ == "acl" else None
            if held is not None:  # "the talks between A and B, sponsored by Norway,": the
                talks.append(held)  # parser hung the participle on the last side
        venue = self._venue_of_talks(v)
        if venue is not None:  # "talks in the Cuban capital that was hosted by Cuba"
            talks.append(venue)
        if not talks and v.dep_ == "advcl" and v.tag_ == "VBN":  # "Talks between A and B
            # opened in Doha on Monday, hosted by Qatar": the talks are the clause's subject
            talks = [c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not talks and v.dep_ == "conj" and v.tag_ == "VBN":  # "the talks are convened by
            # the UN envoy and hosted by Sweden": the first verb's subject
            talks = [c for c in v.head.children if c.dep_ == "nsubjpass"]
            if v.head.dep_ == "acl":
                talks.append(v.head.head)
        if not talks:  # "the talks were co-organised by X", parsed "co - organised"
            talks = _prefix_subjects(v)
        talks = [t for t in talks if self._is_talks(t)]
        if not talks or self.past_rounds(v, talks):
            return
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        if agent is not None:
            mediators = self._agent_actors(agent)
        elif v.dep_ == "amod":  # "US-led talks", "Turkish-hosted talks"
            mediators = ctx.resolve.actors_in(
                x
                for c in v.children
                if c.dep_ in ("npadvmod", "compound", "nmod", "amod") and c.i < v.i
                for x in c.subtree
            ) or self.hyphened_actors(v)
        else:
            mediators = self._credited_doer(v) or [r.actor for r in ctx.resolve.subject_actors(v)]
            mediators += self._subjects_senders(v, mediators)
            mediators += [a for a in self._subject_bodies(v) if a not in mediators]
        if not mediators and agent is None:
            mediators = self._lost_subject_actors(v) or self._charged(v)
        if not mediators and any(self.between_near(t) for t in talks):
            # "the Crisis Management Initiative hosted ..."
            mediators = unnamed_body(self, v, hosting=True)
        mediators = self.principals(mediators)
        parties: list[str] = []
        addressed = _addressed(v) if agent is None and mediators else None
        if addressed is not None:
            # "Hannah, Beijing is hosting ...", "Well, John, ...": the name addressed is no host
            subj = next(
                (c for c in v.children if c.dep_ == "nsubj" and c.i > addressed.i + 1),
                _unlisted(addressed),
            )
            mediators = self.principals(
                [r.actor for r in ctx.resolve.resolve_np(subj)] if subj is not None else []
            )
        for t in talks:
            parties = parties or self.between_near(t) or self._with_parties(t)
        if not parties and mediators:  # "Colombia thanked Cuba for hosting the talks with
            parties = self._thanker_and_other(v, talks)  # the ELN": Colombia and the ELN
        if (
            not parties
            and not any(
                t.lower_ in _NEGOTIATION or _part_of_talks(t) or self._their_meeting(t)
                for t in talks
            )
            and not self._names_the_sides(v.sent)
        ):
            return  # "hosted a summit": mediation only between parties it names
        if mediators:  # a side may lead or open its own talks ("Israeli-led negotiations")
            leads = v.lemma_.lower() in lex.leading_verbs | lex.opening_verbs
            self.link(mediators, parties, k, not_a_party=leads)

    @staticmethod
    def _venue_of_talks(v: Token) -> Token | None:
        """The talk noun of "a round of talks in the Cuban capital that was hosted by Cuba",
        "talks at a resort hosted by Barbados": the parser hangs the clause on the nearest noun,
        the place; what was hosted there is the talks the place is the venue of."""
        if v.dep_ not in ("acl", "relcl") or v.tag_ != "VBN":
            return None
        place = v.head
        prep = place.head
        if place.dep_ != "pobj" or prep.lower_ not in _PLACE_PREPS or prep.head.i == prep.i:
            return None
        talks = prep.head
        return talks if talks.pos_ in ("NOUN", "PROPN") else None

    def past_rounds(self, v: Token, nouns: list[Token]) -> bool:
        """ "Brazil, which hosted former rounds", "the UN hosted earlier rounds in 2020 and
        2021" (in a 2024 article), "a truce brokered by Egypt in 2019": a track that is over.
        Only a year the verb or its talk noun is dated to ("in"/"during" it) counts, not one
        the clause mentions ("to revive the 2020 agreement"), nor "since 2021"."""
        words = self.ctx.lex.past_rounds
        if any(c.lower_ in words for n in nouns for c in n.children if c.dep_ == "amod"):
            return True
        when = self.ctx.when
        if when is None:
            return False
        # "rounds of talks in 2022": the date may hang on the noun after "of"
        nouns = nouns + [
            x for n in nouns for c in n.children if c.lower_ == "of" for x in c.children
        ]
        anchors = {v.i, *(n.i for n in nouns)}
        years = []
        for prep in (c for a in (v, *nouns) for c in a.children if c.dep_ == "prep"):
            if prep.lower_ not in ("in", "during") or prep.head.i not in anchors:
                continue
            for x in prep.subtree:
                if x.ent_type_ == "DATE" and len(x.text) == 4 and x.text.isdigit():
                    years.append(int(x.text))
        return bool(years) and max(years) < when.year

    def _their_meeting(self, t: Token) -> bool:
        """ "The meeting was hosted by X" after the sides were named meeting: the definite
        meeting is theirs (not "the summit of the AU bureau", not "a summit")."""
        return (
            self.ctx.parties_stated
            and any(c.lower_ in _THEIRS for c in t.children)
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
        )

    def _is_talks(self, t: Token) -> bool:
        """A talk noun, a part of the talks ("the second cycle of talks"), or "it"/"they"
        after a sentence about the talks ("The meeting lasted three hours. It was hosted by
        Turkey")."""
        lex = self.ctx.lex
        if t.lemma_.lower() in lex.talk_nouns or t.lower_ in lex.talk_nouns:
            return True
        if _part_of_talks(t):
            return True
        if t.lower_ not in ("it", "they") or t.sent.start == 0:
            return False
        prev = self.ctx.doc[t.sent.start - 1].sent
        return any(
            c.dep_ in ("nsubj", "nsubjpass")
            and (c.lemma_.lower() in lex.talk_nouns or c.lower_ in lex.talk_nouns)
            for c in prev.root.children
        )

    def _names_the_sides(self, sent: Span) -> bool:
        """Whether a sentence names the negotiation's sides as such: "alongside the two main
        parties", "both sides" ("the meeting, convened by X, ... the two parties")."""
        return any(t.pos_ in ("NOUN", "PROPN") and self.parties.is_pair_phrase(t) for t in sent)

    def _with_companions(self, n: Token) -> list[str]:
        """ "their joint mediation efforts with the United States": the US mediates too; not
        "under the auspices of the UN with the guarantor powers in the room" (present, no
        co-mediator: a bare "with" counts only for a joint effort)."""
        joint = any(c.lower_ in _JOINT for c in n.children)
        return [
            a
            for c in n.children
            if c.dep_ == "prep" and (c.lower_ == "alongside" or (c.lower_ == "with" and joint))
            for a in self.ctx.resolve.actors_in(c.subtree)
        ]

    def _action_noun(self, n: Token, k: int) -> None:
        """ "under the auspices of Z", "with mediation by Z", "Qatar's mediation", "led the
        mediation"."""
        ctx = self.ctx
        if self.not_asserted(n) or self._asked_for(n):
            return
        mediators = self._credited(n) or self._modifiers(n)
        bys = [c for c in n.children if c.dep_ == "prep" and c.lower_ in ("of", "by", "from")]
        stray = stray_agent(n)
        if stray is not None:  # "signed a truce after mediation by X" with "by" on "signed"
            bys.append(stray)
        for c in bys:
            mediators += ctx.resolve.actors_in(c.subtree)
        if not mediators:  # "after mediation by the Sahel Peace Circle", a name NER missed
            mediators = [a for c in bys for a in unnamed_body_in(self, c)]
        gov = n.head
        if n.dep_ == "compound":  # "Egypt is leading a mediation effort"
            mediators += self._modifiers(gov) + self._with_companions(gov)
            n, gov = gov, gov.head
        else:
            mediators += self._with_companions(n)
        if not mediators:  # "mediation efforts led by the US", "the US-led mediation"
            mediators = self._leaders(n)
        if not mediators and n.dep_ == "dobj" and gov.pos_ == "VERB":  # "led the mediation"
            mediators = [r.actor for r in ctx.resolve.subject_actors(gov)]
        if not mediators and n.dep_ == "pobj" and gov.lower_ in ("in", "to") and gov.dep_ == "prep":
            # "has spent weeks in shuttle diplomacy between A and B", "engaged in mediation"
            verb = gov.head
            if verb.pos_ in ("VERB", "AUX") and not self.not_asserted(verb):
                mediators = [r.actor for r in ctx.resolve.subject_actors(verb)]
        mediators = self.principals(mediators)
        if not mediators:
            return
        parties = self.between_near(n)
        if parties and n.lemma_.lower() in ctx.lex.movement_nouns:
            # "shuttle diplomacy between Port Sudan, Jeddah and Cairo": places visited, the
            # sides only where they are the document's parties (checked when those are known)
            self.link(mediators, parties, k, places=True)
            return
        sides: list[str] = []
        if not parties and gov.dep_ == "prep":  # "held talks ... under the auspices of Z"
            verb = gov.head
            parties = self._clause_parties(verb) if verb.pos_ in ("VERB", "AUX") else []
            if not parties and verb.pos_ == "NOUN":
                parties = self.between_near(verb) or self._clause_parties(verb)
            if not parties and verb.pos_ in ("VERB", "AUX"):
                sides = self.parties.principals(
                    r.actor for sj in ctx.resolve.subjects(verb) for r in ctx.resolve.resolve_np(sj)
                )
        self.link(mediators, parties, k, sides=sides)

    def _asked_for(self, n: Token) -> bool:
        """A mediation noun that is the object of a request ("called for mediation by Ghana",
        "requested the mediation of Ghana", "asked for mediation by X"): only asked for."""
        gov = n.head.head if n.dep_ == "pobj" and n.head.dep_ == "prep" else n.head
        if n.dep_ not in ("dobj", "pobj") or gov.pos_ not in ("VERB", "AUX"):
            return False
        return gov.lemma_.lower() in self.ctx.lex.irrealis_governors

    def _invitation(self, n: Token, k: int) -> None:
        """ "Delegations from A and B met in Almaty at the invitation of Kazakhstan", "the talks
        opened at Qatar's invitation": whoever invites the sides to meet hosts them."""
        ctx = self.ctx
        prep = n.head
        if n.dep_ != "pobj" or prep.lower_ not in ("at", "on", "upon") or prep.dep_ != "prep":
            return
        verb = prep.head
        held: list[Token] = []
        if self._is_talks(verb):  # "held talks in Almaty on the invitation of X"
            held, verb = [verb], verb.head
            if verb.dep_ == "prep" and verb.lower_ in _PURPOSE:  # "arrived for consultations
                verb = verb.head  # at the invitation of X"
        if verb.pos_ not in ("VERB", "AUX") or ctx.negated(verb) or self.not_asserted(verb):
            return
        mediators = self.principals(
            ctx.resolve.actors_in(
                x
                for c in n.children
                if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "from"))
                for x in c.subtree
            )
        )
        if not mediators:
            return
        subjects = ctx.resolve.subjects(verb)
        # "talks were held at the invitation of X": the passive's subject is the talks too
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        talks = held + [sj for sj in [*subjects, *passive] if self._is_talks(sj)]
        parties = self._clause_parties(verb)
        for sj in talks:
            parties = parties or self.between_near(sj) or self._with_parties(sj)
        if parties or talks:
            self.link(mediators, parties, k, not_a_party=True)
            return
        sides = self.parties.principals(
            r.actor for sj in subjects for r in ctx.resolve.resolve_np(sj)
        )
        if sides:  # "Hamas's delegation came to Cairo at the invitation of Egypt": one side
            self.link(mediators, sides, k, with_document=True, not_a_party=True)

    def _bridging_proposal(self, n: Token, k: int) -> None:
        """ "after a bridging proposal from the EU", "the US bridging proposal", "a compromise
        text by Egypt": who offers a proposal meant to join the sides' positions mediates,
        unless it is a side ("Hamas's compromise offer")."""
        ctx = self.ctx
        lex = ctx.lex
        lemma = n.lemma_.lower()
        if n.pos_ not in ("NOUN", "PROPN") or (
            lemma not in lex.proposal_heads and lemma not in lex.messages
        ):
            return
        if self.not_asserted(n):
            return
        mediators = ctx.resolve.actors_in(
            x
            for c in n.children
            if c.dep_ in ("poss", "compound", "nmod")
            or (c.dep_ == "amod" and c.lower_ not in lex.bridging_modifiers)
            or (c.dep_ == "prep" and c.lower_ in ("from", "by"))
            for x in c.subtree
        )
        mediators = self.principals(mediators)
        if mediators:
            self.link(mediators, self.between_near(n), k, not_a_party=True)

    def _channel(self, v: Token, k: int) -> None:
        """ "A and B communicate through officials in Z": Z mediates A, B and the other side
        of the clause ("do not speak directly to C, but communicate through Z")."""
        ctx = self.ctx
        lex = ctx.lex
        preps = [c for c in v.children if c.dep_ == "prep"]
        preps += [g for c in v.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep"]
        via = [c for c in preps if c.lower_ in lex.channel_preps]
        if not via or ctx.negated(v):
            return
        if v.lemma_.lower() in lex.carry_verbs and not self._carries_words(v):
            return  # "sent aid through Egypt"
        mediators = self.principals(ctx.resolve.actors_in(x for c in via for x in c.subtree))
        if not mediators:
            return
        parties = [r.actor for r in ctx.resolve.subject_actors(v)]
        for verb in (v, *v.conjuncts):
            for c in verb.children:
                if c.dep_ in ("prep", "dative") and c.lower_ in ("with", "to", "between"):
                    parties.extend(ctx.resolve.actors_in(c.subtree))
                if c.dep_ == "dobj":
                    parties.extend(ctx.resolve.actors_in(c.subtree))
        parties = [p for p in dict.fromkeys(self.principals(parties)) if p not in mediators]
        self.link(mediators, parties, k, IN_SENTENCE + 0.05)

    def _carry(self, v: Token, k: int) -> None:
        """ "Oman passed messages between Tehran and Washington", "presented the framework to
        Hamas and Israel"."""
        ctx = self.ctx
        if ctx.negated(v) or self.not_asserted(v) or not self._carries_words(v):
            return
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        if agent is not None:  # "their messages are relayed by Qatari officials"
            mediators = self.principals(self._agent_actors(agent))
            parties = self.between_near(v)
            if mediators and not parties:  # "the draft was transmitted by Ghana to Niger":
                # whom it went to is one side (issue-24M), with the document's other
                parties = [a for a in self._recipients(v) if a not in mediators]
                if parties:
                    self.link(mediators, parties, k, with_document=True)
                    return
            if mediators:
                self.link(mediators, parties, k)
            return
        parties = self.between_near(v)
        for c in v.children:
            if not parties and c.dep_ == "dobj":  # "passed messages between A and B"
                parties = self.between_near(c)
        with_document = False
        if not parties:
            # "relayed Israel's proposal to Hamas": "to" on the verb or on what it carries
            objs = [c for c in v.children if c.dep_ == "dobj"]
            for c in [*v.children, *(g for o in objs for g in o.children if g.dep_ == "prep")]:
                if c.dep_ in ("prep", "dative") and c.lower_ == "to":
                    found = self.parties.actors(c.subtree)
                    if len(found) == 1:  # "carrying a Saudi proposal to the Houthis"
                        found = list(dict.fromkeys(self._message_owners(v) + found))
                    if len(found) >= 2:
                        parties = found
        if not parties and any(  # "carried messages between (the) delegations": the talks'
            c.dep_ == "prep" and c.lower_ == "between" for c in v.children
        ):
            with_document = True
        if not parties and _one_to_the_other(v):  # "carrying proposals from one delegation's
            with_document = True  # room to the other"
        if not parties and self._from_to(v):  # "conveyed proposals from Addis Ababa to Asmara"
            with_document = True
        if not parties and self._sides_words(v):  # "met both delegations and relayed their
            with_document = True  # positions", "carried each side's replies"
        if not parties and any(  # "carried drafts on the separation of forces between the
            # two sides": the sides named as such, wherever the parser hung them
            x.lower_ == "between"
            and any(g.dep_ == "pobj" and self.parties.is_pair_phrase(g) for g in x.children)
            for x in _without(v, ("relcl", "ccomp", "advcl", "conj"))
        ):
            with_document = True
        if not parties and not with_document:
            return
        mediators = self.principals(self.subject_actors(v))
        if mediators:
            self.link(mediators, parties, k, with_document=with_document, not_a_party=True)

    def _recipients(self, v: Token) -> list[str]:
        """The actors a carrying verb's "to" names, on the verb or on what it carries: "handed
        to Niger", "delivered to the rebels' negotiators"; not a person, whose principal may
        be no side ("presented to X, the speaker of a parliament allied to one side")."""
        objs = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        out: list[str] = []
        for c in [*v.children, *(g for o in objs for g in o.children if g.dep_ == "prep")]:
            if c.dep_ in ("prep", "dative") and c.lower_ == "to":
                out += [
                    a
                    for g in c.children
                    if g.dep_ == "pobj"
                    for a in self.ctx.resolve.actors_in(_without(g, _CLAUSES), use=False)
                    if a not in out and self.ctx.type_of(a) != "person"
                ]
        return out

    def _from_to(self, v: Token) -> bool:
        """Words carried from one place or actor to another: "conveyed proposals from Addis
        Ababa to Asmara" (both "from" and "to", on the verb or its object)."""
        preps = {c.lower_ for c in v.children if c.dep_ in ("prep", "dative")}
        preps |= {
            g.lower_ for c in v.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep"
        }
        return {"from", "to"} <= preps

    def _sides_words(self, v: Token) -> bool:
        """The words carried are the sides' own: "relayed their positions" (the sides the
        sentence or the document names), "each side's replies", "both sides' proposals"."""
        lex = self.ctx.lex
        for c in v.children:
            if c.dep_ != "dobj" or c.lemma_.lower() not in lex.messages:
                continue
            for g in c.children:
                if g.dep_ != "poss":
                    continue
                if g.lower_ == "their" and self.ctx.parties_stated:
                    return True
                if self.parties.is_pair_phrase(g) or any(
                    x.lower_ in ("each", "either") for x in g.children
                ):
                    return True
        return False

    def _movement(self, v: Token, k: int) -> None:
        """ "Manzoni travelled repeatedly between Maputo and the RENAMO leader's hideout":
        going between the negotiation's own parties (or "the two sides") is mediating."""
        ctx = self.ctx
        if ctx.negated(v) or self.not_asserted(v):
            return
        prep = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        if prep is None:
            return
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        pair = obj is not None and self.parties.is_pair_phrase(obj)
        parties = self.parties.between(prep, resolve=True)
        if not pair and not (
            ctx.parties_stated and len(parties) >= 2 and set(parties) <= set(ctx.parties)
        ):
            elsewhere = ctx.parties_stated and not set(parties) & set(ctx.parties)
            if len(parties) < 2 or elsewhere or not self._carrying(v):
                return  # "travelled between Cairo and Doha": visits, no mediation
            # "travelled between Maputo and the RENAMO base carrying drafts": going between
            # two actors with their words is mediating between them
        mediators = self.principals(self.subject_actors(v))
        if mediators:
            self.link(mediators, parties, k, not_a_party=True)

    def _carrying(self, v: Token) -> bool:
        """Whether a verb of going comes with words carried: "travelled between A and B
        carrying drafts", "shuttled between them with messages", "and relayed proposals"."""
        lex = self.ctx.lex
        # "travelled between A and B carrying drafts": the parser may hang the participle on B
        places = [
            x
            for c in v.children
            if c.dep_ == "prep" and c.lower_ == "between"
            for g in c.children
            if g.dep_ == "pobj"
            for x in (g, *g.conjuncts)
        ]
        hung = [c for p in places for c in p.children if c.dep_ == "acl" and c.tag_ == "VBG"]
        for c in [*v.children, *hung]:
            carried = c.dep_ in ("advcl", "xcomp", "conj", "acl") and c.lemma_.lower() in (
                lex.carry_verbs
            )
            if carried and self._carries_words(c):
                return True
            if (
                c.dep_ == "prep"
                and c.lower_ == "with"
                and any(g.dep_ == "pobj" and g.lemma_.lower() in lex.messages for g in c.children)
            ):
                return True
        return False

    # ------------------------------------------------------------------ helpers
    def _modifiers(self, n: Token) -> list[str]:
        """Actors that modify a noun: "Qatari mediators", "Qatar's mediation", "mediators from
        Egypt"."""
        ctx = self.ctx
        out = ctx.resolve.actors_in(
            x
            for c in n.children
            if c.dep_ in ("amod", "compound", "poss", "nmod")
            for x in c.subtree
        )
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "of"):
                out += ctx.resolve.actors_in(c.subtree)
        return out

    def subject_actors(self, v: Token) -> list[str]:
        """The actors of a verb's subject, and a person named beside a role ("The UN's special
        adviser, Espen Barth Eide, has spent the morning moving between ...": the UN and Eide;
        "Ghassan Salamé, a former minister who has spent February carrying proposals")."""
        ctx = self.ctx
        out = [r.actor for r in ctx.resolve.subject_actors(v)]
        subjects = ctx.resolve.subjects(v)
        top = v  # "X, a former minister who has spent weeks carrying proposals": the verb
        while top.dep_ in ("xcomp", "conj", "advcl") and top.head.pos_ in ("VERB", "AUX"):
            top = top.head  # whose relative clause the carrying verb belongs to
        if top.dep_ == "relcl" and top.head.dep_ == "appos":  # "X, the businessman who carried"
            subjects = [*subjects, top.head.head]
        out = self._relative_list(top, out)
        out += self._subjects_senders(v, out)
        if not out:
            out = self._lost_subject_actors(v)
        for subj in subjects:
            for c in (subj, *(c for c in subj.children if c.dep_ == "appos")):
                for a in ctx.resolve.actors_in(_without(c, _CLAUSES)):
                    if ctx.type_of(a) == "person" and a not in out:
                        out.append(a)
        return out

    def _relative_list(self, v: Token, found: list[str]) -> list[str]:
        """The subjects of a relative clause on a list of names, by the verb's number where the
        parser hung it on one name (issue-21M): "Qatar and Egypt, which have mediated" (on
        Egypt) is both, "Jordan and Egypt, which has mediated" (on Jordan) only Egypt."""
        if v.dep_ != "relcl" or not any(c.lower_ in ("which", "who") for c in v.children):
            return found
        head = v.head
        names = [head, *head.conjuncts]
        if len(names) < 2 or any(n.tag_ != "NNP" for n in names):
            return found
        last = max(names, key=lambda n: n.i)
        if last.i + 1 >= len(v.doc) or v.doc[last.i + 1].text != "," or v.i < last.i:
            return found
        verbs = [v, *(c for c in v.children if c.dep_ in ("aux", "auxpass"))]
        first_verb = min(verbs, key=lambda x: x.i)
        resolve = self.ctx.resolve
        if first_verb.tag_ == "VBP" and head.i == last.i:  # on the last name, plural verb
            return [
                *found,
                *(
                    a
                    for n in names
                    for a in resolve.actors_in(_without(n, _CLAUSES))
                    if a not in found
                ),
            ]
        if first_verb.tag_ == "VBZ" and head.i != last.i:  # on the first, singular verb
            own = resolve.actors_in(_without(last, _CLAUSES))
            return [a for a in found if a in own] or found
        return found

    def _lost_subject_actors(self, v: Token) -> list[str]:
        """The subject of a verb the parser cut from it (see :func:`_lost_subject`), and who
        sent it; and the name a description in apposition stands for ("CMI, the foundation
        hosting the talks", "Qatar, the Gulf state mediating between them", issue-22M)."""
        subj = _lost_subject(v)
        if subj is None and v.dep_ == "acl" and v.head.dep_ == "appos":
            subj = v.head.head if self.ctx.men[v.head.head.i] is not None else None
        if subj is None:
            return []
        found = [r.actor for r in self.ctx.resolve.resolve_np(subj)]
        return found + [a for a in self._senders(subj) if a not in found]

    def _charged(self, v: Token) -> list[str]:
        """The subject of the clause that charges someone with a gerund ("X was in charge of
        inaugurating the talks", "Y is responsible for hosting them"): through prepositions
        and a charge word (`mediation.charge_words`) up to the verb."""
        if v.tag_ != "VBG" or v.dep_ != "pcomp":
            return []
        cur, charged = v.head, False
        for _ in range(4):
            charged = charged or cur.lemma_.lower() in self.ctx.lex.charge_words
            if cur.pos_ in ("VERB", "AUX"):
                break
            cur = cur.head
        if not charged or cur.pos_ not in ("VERB", "AUX"):
            return []
        return [r.actor for r in self.ctx.resolve.subject_actors(cur)]

    def _sent_to_mediate(self, v: Token) -> list[str]:
        """ "South Africa dispatched an envoy to mediate between Russia and Ukraine", "the AU
        named a panel to facilitate the talks": an office or body no name gives, sent to do it
        (an infinitive on the object of `roles.sending_verbs`), is its sender's (issue-20M)."""
        ctx = self.ctx
        obj = v.head
        if v.dep_ not in ("relcl", "acl") or not any(c.lower_ == "to" for c in v.children):
            return []
        if obj.dep_ != "dobj" or ctx.men[obj.i] is not None:
            return []  # a named envoy mediates in person (see :func:`.appointed`)
        if not self.holds_office(obj.lemma_.lower()) and obj.lemma_.lower() not in _SENT_BODIES:
            return []
        sender = obj.head
        if lemma_of(sender) not in ctx.lex.sending_verbs or ctx.negated(sender):
            return []
        if self.not_asserted(sender):  # "offered to send an envoy to mediate"
            return []
        return [r.actor for r in ctx.resolve.subject_actors(sender)]

    def _subjects_senders(self, v: Token, found: list[str]) -> list[str]:
        """Who sent the envoys a verb's subjects name (see :meth:`_senders`), not yet found."""
        out = [a for s in self.ctx.resolve.subjects(v) for a in self._senders(s)]
        return [a for a in dict.fromkeys(out) if a not in found]

    def _senders(self, subj: Token) -> list[str]:
        """Who sent the envoy a subject names: "The envoy, appointed by the EU in March,"
        (the agent of a participle of sending on the subject), "The diplomat, appointed
        personal envoy of the UN Secretary-General," (the office's owner), also where the
        parser made the participle a clause beside the verb."""
        ctx = self.ctx
        lex = ctx.lex
        clauses = [c for c in subj.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        if (
            subj.dep_ == "nsubj"
            and subj.head.dep_ == "parataxis"
            and subj.head.tag_ in ("VBN", "VBD")
        ):
            clauses.append(subj.head)  # also "appointed" read as a past tense
        out: list[str] = []
        for cl in clauses:
            if cl.lemma_.lower() not in lex.sending_verbs or ctx.negated(cl):
                continue
            for c in cl.children:
                if c.dep_ == "agent":
                    out += self._agent_actors(c)
                elif c.dep_ in ("dobj", "oprd", "attr") and self.holds_office(c.lemma_):
                    out += ctx.resolve.actors_in(
                        x
                        for g in c.children
                        if g.dep_ == "poss" or (g.dep_ == "prep" and g.lower_ == "of")
                        for x in g.subtree
                    )
        return [a for a in dict.fromkeys(out) if a not in self.ctx.parties]

    def _agent_actors(self, agent: Token) -> list[str]:
        """The actors of a "by" phrase, not those of its clauses ("convened by X, who invited
        Algeria and Mauritania") nor of a named person's description ("by X, the envoy of the
        Secretary-General Y": X, and through X's office the UN)."""
        ctx = self.ctx
        out: list[str] = []
        heads = [h for o in agent.children if o.dep_ == "pobj" for h in (o, *o.conjuncts)]
        # "by X, and Kenya's former president Y" with the last one hung on the verb as its
        # conjunct (a noun, after the agent)
        heads += [
            c
            for c in agent.head.children
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i > agent.i
        ]
        for h in heads:
            # "Kenya's former president, X": the person, not the state of a former office
            former = any(c.dep_ == "amod" and c.lower_ in FORMER for c in h.children)
            own = [] if former else ctx.resolve.actors_in(_without(h, _CLAUSES, _PLACE_PREPS))
            if not own or ctx.type_of(own[0]) != "person":  # "Kenya's chief mediator,
                # Lazarus Sumbeiywo, the retired general who ...": the name, not its clauses
                own += ctx.resolve.actors_in(
                    x
                    for c in h.children
                    if c.dep_ == "appos"
                    for x in _without(c, _CLAUSES, _PLACE_PREPS)
                )
            out += [a for a in own if a not in out]
        return out or ctx.resolve.actors_in(agent.subtree)

    def _named_before(self, v: Token) -> list[str]:
        """The name or demonym right before a participle that modifies the noun after it,
        however the parser hung it: "the Chinese brokered ceasefire" (with "Chinese" read as
        the verb's object), "the Turkish mediated talks" (a sibling modifier)."""
        if v.dep_ != "amod" or v.tag_ != "VBN" or v.head.i < v.i or v.i == 0:
            return []
        m = self.ctx.men[v.i - 1]
        if m is None or m.end != v.i or not m.actor:
            return []
        return self.ctx.resolve.actors_in([v.doc[m.start]])

    def hyphened_actors(self, v: Token) -> list[str]:
        """The actor named right before the hyphen of a participle, however the parser hung
        it: "UN-facilitated talks" (with "UN" a sibling of the participle), "a Norway-backed
        dialogue"."""
        if not _hyphened(v):
            return []
        m = self.ctx.men[v.i - 2]
        return self.ctx.resolve.actors_in([v.doc[m.start]]) if m is not None else []

    def _np_actors(self, t: Token) -> list[str]:
        return [r.actor for r in self.ctx.resolve.resolve_np(t)]

    def principals(self, actors: Iterable[str]) -> list[str]:
        """A person who holds an office mediates for the actor they speak for, and in person
        (the envoy who convenes or carries messages is named as the mediator too); a part of an
        actor ("Egypt's intelligence service") mediates for the actor."""
        ctx = self.ctx
        out: list[str] = []
        for a in actors:
            sf = ctx.principal.get(a)
            found = [a]
            if sf is not None and ctx.type_of(a) == "person":
                named = any(m.actor == a and m.kind == "name" for m in ctx.mentions)
                office = self.holds_office(sf.title)
                if not office:  # "the Swiss diplomat X": X mediates, Switzerland does not
                    found = [a] if named else []
                else:
                    found = [sf.target, a] if named else [sf.target]  # not "Qatar's PM"
            elif sf is not None and not sf.title:
                found = [sf.target]
            out += [x for x in found if x not in out]
        return out

    def holds_office(self, title: str) -> bool:
        """Whether a title is an office held for its principal ("special envoy", "foreign
        minister", "envoy of the secretary-general"), not a nationality or rank ("diplomat")."""
        offices = self.ctx.lex.mediation_office_titles
        key = title_key(title)
        words = key.split(" of ")[0].split()
        return key in offices or (
            bool(words) and (words[-1] in offices or " ".join(words) in offices)
        )

    def _companions(self, v: Token) -> list[str]:
        """ "mediated alongside Egypt", "along with Qatar", "together with Egypt"."""
        ctx = self.ctx
        out: list[str] = []
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in ctx.lex.companions and c.lower_ != "with":
                out += ctx.resolve.actors_in(c.subtree)
            if c.dep_ == "advmod" and c.lower_ in ("along", "together"):
                for g in c.children:
                    if g.dep_ == "prep" and g.lower_ == "with":
                        out += ctx.resolve.actors_in(g.subtree)
            if (
                c.dep_ == "prep"
                and c.lower_ == "with"
                and any(g.lower_ in ("along", "together") for g in c.lefts)
            ):
                out += ctx.resolve.actors_in(c.subtree)
        return out

    def _credited(self, n: Token) -> list[str]:
        """Whom a verb credits with its own mediation: "Cambodia and Thailand thanked Malaysia
        for its mediation", "praised Qatar for its efforts" (the object of the verb whose "for"
        holds the noun, when no name owns the noun: "for Egypt's mediation" is Egypt's)."""
        prep = n.head
        if n.dep_ != "pobj" or prep.lower_ != "for" or prep.head.pos_ != "VERB":
            return []
        if prep.head.lemma_.lower() not in self.ctx.lex.credit_verbs:
            return []  # "asked Turkey for its mediation": asked, not done
        if any(c.dep_ == "poss" and c.tag_ != "PRP$" for c in n.children):
            return []
        return self._credit_object(prep.head)

    def _thanker_and_other(self, v: Token, talks: list[Token]) -> list[str]:
        """The sides of talks a gerund names after a verb of crediting: the one who thanks and
        the one the talks are "with" ("Colombia thanked Cuba for hosting the talks with the
        ELN"), when the one thanked is neither."""
        if not self._credited_doer(v):
            return []
        gov = v.head.head
        if gov.pos_ == "NOUN" and gov.dep_ == "pobj":
            gov = gov.head.head  # "for his support in hosting"
        thankers = self.parties.actors(x for c in gov.children if c.dep_ == "nsubj" for x in _np(c))
        others = [
            a
            for t in talks
            for c in t.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for a in self.parties.actors(c.subtree)
        ]
        sides = list(dict.fromkeys([*thankers[:1], *others[:1]]))
        return sides if len(sides) == 2 else []

    def _credit_object(self, verb: Token) -> list[str]:
        """The actors a verb of crediting credits: its object ("thanked Malaysia")."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return self._np_actors(obj) if obj is not None else []

    def _credited_doer(self, v: Token) -> list[str]:
        """Whom a verb of crediting or a word of thanks credits with the mediation a gerund
        names: "thanked Qatar for mediating", "praised Egypt for brokering the truce", "expressed
        his gratitude to X for his support in facilitating a resolution" (X, not the one who
        thanks, however the parser hung the gerund)."""
        lex = self.ctx.lex
        prep = v.head
        owned = lemma_of(prep) in lex.help_nouns or lemma_of(prep) in lex.effort_nouns
        if v.dep_ == "acl" and owned and prep.dep_ == "pobj":
            prep = prep.head  # "for the initiative to host the negotiations" (issue-24M)
        elif v.dep_ != "pcomp" and not _gerund_object(v):
            return []  # "for mediating", also read as the preposition's object
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "in", "with"):
            return []
        gov = prep.head
        if prep.lower_ == "with" and lemma_of(gov) != "credit":
            return []  # "credited Kazakhstan with bringing ...", not "with" anything else
        if gov.pos_ == "NOUN" and gov.dep_ == "pobj" and lemma_of(gov) in lex.help_nouns:
            gov = gov.head.head  # "for his support in facilitating": credited further up
        if gov.pos_ == "VERB" and lemma_of(gov) in lex.credit_verbs:
            return self._credit_object(gov)
        thanks = [gov] if lemma_of(gov) in lex.gratitude_nouns else []
        thanks += [
            c for c in gov.children if c.dep_ == "dobj" and lemma_of(c) in lex.gratitude_nouns
        ]
        for n in thanks:
            # "expressed gratitude to X": "to" on the noun, or on the verb whose object it is
            for c in [*n.children, *(n.head.children if n.dep_ == "dobj" else ())]:
                if c.dep_ == "prep" and c.lower_ == "to":
                    return self.ctx.resolve.actors_in(
                        x for o in c.children if o.dep_ == "pobj" for x in _np(o)
                    )
        return []

    def _leaders(self, n: Token) -> list[str]:
        """Who leads a mediation noun's effort: the agent of a participle of leading after it
        ("mediation efforts led by the US and Saudi Arabia") or the name hyphened before it
        ("the US-led mediation")."""
        lex = self.ctx.lex
        for c in n.children:
            if c.dep_ not in ("acl", "amod") or not (
                c.lemma_.lower() in lex.leading_verbs or _participle_of(c.lower_, lex.leading_verbs)
            ):
                continue
            agent = next((a for a in c.children if a.dep_ == "agent"), None)
            if agent is not None:
                return self._agent_actors(agent)
            if c.i < n.i and c.i > 0 and c.doc[c.i - 1].text in ("-", "–"):
                return self.ctx.resolve.actors_in(
                    x for m in c.children if m.i < c.i for x in m.subtree
                )
        return []

    def _role_holders(self, role: Token) -> list[str]:
        """Who holds a mediator's role: the subject of the verb that has or plays it ("Turkey
        played a central mediating role", "with Turkey playing ...", "Oman has been playing its
        traditional role as a mediator"), else the role's owner ("the UAE's growing role as
        mediator"; not "a role" with neither)."""
        ctx = self.ctx
        verb = role.head
        if role.dep_ == "dobj" and verb.lemma_.lower() in ctx.lex.role_verbs:
            found = [r.actor for r in ctx.resolve.subject_actors(verb)]
            if found:
                return found
        found = ctx.resolve.actors_in(
            x for c in role.children if c.dep_ == "poss" for x in c.subtree
        )
        if not found:  # "Ghana has ended its role as mediator" (issue-24M): whom "its" is
            found = [
                r.actor
                for c in role.children
                if c.dep_ == "poss" and c.tag_ == "PRP$"
                for r in ctx.resolve.resolve_np(c)
            ]
        return found

    def effort_owner(self, v: Token) -> list[str]:
        """ "France and the US are leading efforts to broker ...", "Qatar's bid to mediate"."""
        ctx = self.ctx
        noun = v.head
        if v.dep_ not in ("acl", "relcl") or noun.lemma_.lower() not in ctx.lex.effort_nouns:
            return []
        owners = ctx.resolve.actors_in(
            x for c in noun.children if c.dep_ in ("poss", "amod", "compound") for x in c.subtree
        )
        if owners:
            return owners
        gov = noun.head
        if noun.dep_ in ("dobj", "pobj") and gov.dep_ == "prep":
            gov = gov.head
        if gov.pos_ in ("VERB", "AUX") and not self.not_asserted(gov):
            return [r.actor for r in ctx.resolve.subject_actors(gov)]
        return []

    def between_near(self, t: Token) -> list[str]:
        """The sides of a "between" phrase on ``t``: "a truce between A and B"; or on the
        noun of its "of" phrase, where the parser hung it ("the exchange of prisoners between
        A and B", issue 16m)."""
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                return self.parties.between(c, resolve=True)
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    if o.dep_ == "pobj" and o.pos_ == "NOUN":
                        for g in o.children:
                            if g.dep_ == "prep" and g.lower_ == "between":
                                return self.parties.between(g, resolve=True)
        return []

    def _deal_made(self, v: Token, k: int) -> None:
        """ "a prisoner swap between Russia and Ukraine, negotiated by the UAE": the agent of a
        verb that made a deal between two named parties mediated it."""
        ctx = self.ctx
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        noun = v.head
        if v.dep_ not in ("acl", "relcl"):  # "The deal was negotiated by a US envoy"
            noun = next((c for c in v.children if c.dep_ == "nsubjpass"), v)
        if agent is None or noun.i == v.i or noun.pos_ not in ("NOUN", "PROPN"):
            return
        if ctx.negated(v) or self.not_asserted(v):
            return
        parties = self.between_near(noun)
        side = noun.head if noun.dep_ == "conj" else noun
        if not parties and side.dep_ == "pobj" and side.head.lower_ == "between":
            # "the exchange between Russia and the US, which was coordinated by Turkey": the
            # clause hung on the last side
            parties = self.parties.between(side.head, resolve=True)
        lemma = noun.lemma_.lower()
        if not parties and lemma not in ctx.lex.party_nouns | ctx.lex.proposal_heads:
            return
        mediators = self.principals(self._agent_actors(agent))
        mediators = [m for m in mediators if m not in parties]
        if mediators:  # without "between": the document's parties, if it is none of them
            self.link(mediators, parties, k, not_a_party=not parties)

    def _bridging(self, v: Token, k: int) -> None:
        """ "Kenyan envoys are trying to bring the two sides closer", "Egypt is working to
        narrow the gaps": whoever does it mediates, unless they are a side."""
        ctx = self.ctx
        lex = ctx.lex
        if ctx.negated(v) or self.not_asserted(v):
            return
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is None:
            return
        objects = lex.bridging_objects
        if obj.lemma_.lower() not in objects and obj.lower_ not in objects:
            self._brought_together(v, obj, k)
            return
        if v.lemma_.lower() in lex.steering_verbs and not self._steered(v):
            return  # "pushed both sides to show restraint": urging, no destination
        if v.lemma_.lower() == "bring" and not any(
            c.lower_ in lex.bridging_adverbs or _to_the_table(c, lex.bridging_destinations)
            for c in v.children
        ):
            return  # "brought the sides" alone is no bridging; "to the table" is
        # "thanked the US for bringing the sides to the table": the one thanked
        mediators = self.principals(self._credited_doer(v) or self.subject_actors(v))
        if mediators:
            self.link(mediators, self.between_near(obj), k, not_a_party=True)

    def _brought_together(self, v: Token, obj: Token, k: int) -> None:
        """Bringing two sides' people together mediates between them: "Oman has been bringing
        together representatives of the Houthi movement and US officials" (exactly two actors in
        the object; a gathering of many, or a subject that names nobody, is no mediation)."""
        lex = self.ctx.lex
        if v.lemma_.lower() in lex.steering_verbs:
            if not self._steered(v):
                return  # "coaxed A and B back to the table", "pushing A and B toward a deal"
        elif v.lemma_.lower() != "bring" or not any(
            (c.lower_ == "together" and c.lower_ in lex.bridging_adverbs)
            or _to_the_table(c, lex.bridging_destinations)
            or (
                c.lower_ == "back"
                and any(_to_the_table(g, lex.bridging_destinations) for g in c.children)
            )
            for c in v.children
        ):
            return  # "brought A and B together", "to the table", "back to the table"
        sides = list(dict.fromkeys(self.parties.actors(obj.subtree)))
        if len(sides) != 2:
            return
        stated = any(set(p) == set(sides) for p in self.parties.pairs)
        if not stated and not self._negotiation_words(v.sent, v):
            return  # "brought together Egyptian and Jordanian officials to discuss trade"
        found = self._credited_doer(v) or self.subject_actors(v)
        mediators = [m for m in self.principals(found) if m not in sides]
        if mediators:
            self.link(mediators, sides, k, not_a_party=True)

    def _helped_by(self, n: Token, k: int) -> None:
        """ "With the help of Turkey, Russia and Ukraine agreed on a prisoner exchange", "the
        deal between Israel and Lebanon was negotiated with the help of the US and France",
        "with Qatar's assistance" (CAMEO's "help negotiate", issue-20M): whoever helps the
        sides make their deal mediates it. Only on a verb of the sides' dealing (`parties.verbs`,
        `parties.deal_verbs`) whose sides the clause names (two joined subjects, "the two
        sides", a deal "between A and B"); not "with the support of the US, Ukraine attacked"."""
        ctx = self.ctx
        lex = ctx.lex
        prep = n.head
        if n.dep_ != "pobj" or prep.lower_ != "with":
            return
        v = prep.head
        if v.dep_ == "dobj" and v.pos_ == "NOUN":
            v = v.head  # "reached a ceasefire with the support of X", hung on the deal
        if v.pos_ not in ("VERB", "AUX"):
            return
        if lemma_of(v) not in lex.party_verbs and lemma_of(v) not in lex.deal_verbs:
            return
        if ctx.negated(v) or self.not_asserted(v):
            return
        # "the help of Qatar", "help from Qatar"
        owners = owner_heads(n, "of") + [
            g
            for c in n.children
            if c.dep_ == "prep" and c.lower_ == "from"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        helpers = self.principals(ctx.resolve.actors_in(x for o in owners for x in o.subtree))
        if not helpers:
            return
        sides: list[str] = []
        for c in v.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj"):
                sides = self.between_near(c)
                if not sides and c.dep_ != "dobj" and self.parties.is_pair_phrase(c):
                    sides = list(ctx.parties)
                if not sides and c.dep_ != "dobj" and c.conjuncts:
                    sides = self.parties.actors(x for h in (c, *c.conjuncts) for x in _np(h))
            if len(sides) >= 2:
                break
        mediators = [h for h in helpers if h not in sides]
        if len(sides) >= 2 and mediators:
            self.link(mediators, sides, k, not_a_party=True)

    def _steered(self, v: Token) -> bool:
        """Whether a steering verb (`mediation.steering_verbs`) takes its object somewhere a
        negotiation is (issue-20M): "back to the negotiating table", "together", "closer",
        "toward a ceasefire", "into talks"; not "pushed both sides to show restraint"."""
        lex = self.ctx.lex
        goals = lex.bridging_destinations | lex.talk_nouns | lex.deal_objects
        for c in v.children:
            adverb = c.lower_ in lex.bridging_adverbs and c.dep_ in ("advmod", "prt", "advcl")
            if adverb and (
                c.lower_ != "back"
                or any(_to_the_table(g, lex.bridging_destinations) for g in c.children)
            ):
                return True  # "closer", "together", "back to the table"
            if _to_the_table(c, lex.bridging_destinations):
                return True
            if (
                c.dep_ == "prep"
                and c.lower_ in lex.steering_preps
                and any(
                    g.dep_ == "pobj" and (lemma_of(g) in goals or g.lower_ in goals)
                    for g in c.children
                )
            ):
                return True
        return False

    def _invited(self, v: Token, k: int) -> None:
        """ "Egypt invited Israeli and Hamas negotiators to Cairo for a new round of talks",
        "Turkey summoned the two sides to Istanbul for talks": a third party that invites the
        two sides to talks hosts them (issue-20M; `mediation.invite_verbs`). The object names
        the two sides (or is "both sides"), talks follow "to" or "for"; not one side inviting
        the other, nor an invitation to anything but talks."""
        ctx = self.ctx
        lex = ctx.lex
        if ctx.negated(v) or self.not_asserted(v):
            return
        talks = lex.talk_nouns | lex.bridging_destinations
        if not any(
            c.dep_ == "prep"
            and c.lower_ in _PURPOSE
            and any(
                g.dep_ == "pobj"
                and (lemma_of(g) in talks or g.lower_ in talks or _part_of_talks(g))
                for g in c.children
            )
            for c in (*v.children, *_objects_of_preps(v))
        ):
            return  # to talks, or to a place for talks
        for obj in (c for c in v.children if c.dep_ == "dobj"):
            if self.parties.is_pair_phrase(obj):
                sides = list(ctx.parties)
            else:
                sides = list(dict.fromkeys(self.parties.actors(obj.subtree)))
            if len(sides) != 2:
                continue
            mediators = [a for a in self.principals(self.subject_actors(v)) if a not in sides]
            if mediators:
                self.link(mediators, sides, k, not_a_party=True)
            return

    def _negotiation_words(self, sent: Span, skip: Token) -> bool:
        """Whether a sentence speaks of a negotiation or a mediation with words of its own
        (besides ``skip``): a talk noun, a deal, a mediation cue."""
        lex = self.ctx.lex
        words = lex.talk_nouns | lex.deal_objects | lex.mediation_cues
        return any(t.i != skip.i and (t.lemma_.lower() in words or t.lower_ in words) for t in sent)

    def _object_between(self, verb: Token) -> list[str]:
        """The parties of "between A and B" on a verb's object ("attended the talks between
        A and B")."""
        if verb.pos_ not in ("VERB", "AUX"):
            return []
        for c in verb.children:
            if c.dep_ in ("dobj", "pobj"):
                found = self.between_near(c)
                if found:
                    return found
            if c.dep_ == "prep":
                for g in c.children:
                    found = self.between_near(g) if g.dep_ == "pobj" else []
                    if found:
                        return found
        return []

    def _message_owners(self, v: Token) -> list[str]:
        """Actors whose message is in the clause: "to go over Hamas's response"."""
        lex = self.ctx.lex
        owners = [
            x
            for x in v.subtree
            if x.dep_ in ("poss", "amod", "compound")
            and (
                x.head.lemma_.lower() in lex.messages or x.head.lemma_.lower() in lex.proposal_heads
            )
        ]
        return self.parties.actors(x for o in owners for x in o.subtree)

    def _pair_of(self, v: Token, skip: Token | None = None) -> list[str]:
        """Two or more actors a verb names as its addressees: "presented the framework to
        Hamas and Israel", "met Israeli and Hamas delegations"."""
        for c in v.children:
            if skip is not None and c.i == skip.i:
                continue
            if any(self._is_mediator_noun(x) for x in c.subtree):
                continue  # "reach out to the Egyptian and Qatari mediators": no sides
            if (c.dep_ in ("prep", "dative") and c.lower_ in ("to", "with")) or c.dep_ in (
                "dobj",
                "dative",
            ):
                found = self.parties.actors(_outside_places(c))
                if len(found) >= 2:
                    return found
        return []

    def _with_parties(self, t: Token) -> list[str]:
        """ "talks with A and B" (at least two actors)."""
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                found = self.parties.actors(c.subtree)
                if len(found) >= 2:
                    return found
        return []

    def _clause_parties(self, t: Token) -> list[str]:
        """The actors of the clause a deal belongs to: "Israel and Hamas are close to a truce
        brokered by Z", "Sudan's army and the RSF held talks under the auspices of Z" (two or
        more; one actor alone is no pair)."""
        cur = t
        for _ in range(4):
            if cur.pos_ in ("VERB", "AUX"):
                subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is None or subj.left_edge.i <= t.i <= subj.right_edge.i:
                    return []  # "the process brokered by X and Y includes ...": the deal itself
                ctx = self.ctx
                if cur.lemma_.lower() in ctx.lex.onlooker_verbs:
                    return []  # "A, B and C welcome the progress in the UN-facilitated talks"
                found = self.parties.actors(
                    x
                    for c in (subj, *subj.conjuncts)
                    # "Haiti's Transitional Presidential Council": the council, not Haiti
                    for x in (_mention_tokens(ctx, c) or c.subtree)
                )
                if len(found) == 1:  # "X agreed to contacts with Y, in talks facilitated by Z"
                    found += [
                        a
                        for x in cur.subtree
                        if x.dep_ == "prep" and x.lower_ == "with" and x.head.i != t.i
                        for a in self.parties.actors(x.subtree)
                        if a not in found
                    ][:1]
                return found if len(found) >= 2 else []
            if cur.head.i == cur.i:
                return []
            cur = cur.head
        return []

    def _carries_words(self, v: Token) -> bool:
        """Whether what a verb moves is words: messages, proposals, replies."""
        lex = self.ctx.lex
        return any(
            c.dep_ in ("dobj", "nsubjpass")
            and (c.lemma_.lower() in lex.messages or c.lemma_.lower() in lex.proposal_heads)
            for c in v.children
        )

    def not_asserted(self, t: Token) -> bool:
        """ "offered to mediate", "refused to act as a mediator", "may mediate", "suspended its
        role as a mediator", "if Qatar mediates"."""
        ctx = self.ctx
        words = ctx.lex.mediation_not_asserted
        # "ended weeks of Qatari-led talks": what a participle says was brokered took place
        brokered = t.tag_ == "VBN" and t.dep_ in ("amod", "acl")
        # "Ghana suspended its mediation efforts", "ended its role as mediator": ending one's
        # own mediation says that it was going on (issue-24M; not "Mali halted the mediation")
        owned = False
        cur = t
        for _ in range(5):
            owned = owned or (
                cur.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" for c in cur.children)
            )
            if any(c.dep_ == "aux" and c.lower_ in words for c in cur.children):
                return True
            if any(c.dep_ == "mark" and c.lower_ in ctx.lex.irrealis_marks for c in cur.children):
                return True
            if (
                cur.pos_ in ("VERB", "AUX")
                and cur.lemma_.lower() in words
                and cur.i != t.i
                and not (
                    (brokered or owned) and cur.lemma_.lower() in ctx.lex.mediation_ending_verbs
                )
            ):
                return True
            if cur.i != t.i and cur.pos_ == "ADJ" and cur.lower_ in ctx.lex.mediation_readiness:
                return True  # "Kenya is ready to mediate": only offered (issue-20M)
            if (
                cur.i != t.i
                and cur.lemma_.lower() in ctx.lex.past_attempts
                and (cur.tag_ == "VBD" or any(c.lower_ == "had" for c in cur.children))
            ):
                return True  # "who tried his own mediation", "once competed to broker"
            if cur.head.i == cur.i or cur.dep_ in ("ROOT", "ccomp", "advcl", "conj", "relcl"):
                verb = cur.pos_ in ("VERB", "AUX") and cur.i != t.i
                return verb and (ctx.negated(cur) or _none_subject(cur))
            if cur.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return False  # "EU-facilitated talks ended": what the talks did, not the EU
            if cur.dep_ in ("prep", "xcomp") and cur.lower_ in ctx.lex.settled_adjuncts:
                # "the war ended after a Saudi-brokered truce": it took place ("following" is
                # sometimes parsed as a verb)
                return False
            cur = cur.head
        return False

    # ------------------------------------------------------------------ links
    def link(
        self,
        mediators: list[str],
        parties: list[str],
        k: int,
        conf: float = 0.0,
        with_document: bool = False,
        not_a_party: bool = False,
        places: bool = False,
        sides: list[str] | None = None,
        worked: bool = False,
    ) -> None:
        """Records that ``mediators`` mediate between ``parties`` in sentence ``k`` (none: the
        document's parties; see :class:`Finding` for the options)."""
        if self.ctx.asked(self.ctx.sents[k][0], turns=False):
            return  # "Would you accept Egypt joining as a mediator?", "Is Oman still hosting?"
        mediators = self.off_the_dateline(mediators, k)
        if not mediators:
            return
        mediators = [*mediators, *self._fellows(mediators, parties, k)]
        parties = [p for p in parties if p not in mediators]
        self.found.append(
            Finding(
                mediators,
                parties,
                k,
                conf or IN_SENTENCE,
                with_document,
                not_a_party,
                places,
                [a for a in sides or [] if a not in mediators],
                worked,
            )
        )

    def off_the_dateline(self, mediators: list[str], k: int) -> list[str]:
        """``mediators`` without a place the sentence's dateline names ("Addis Abeba– Ghana
        plans to meet both sides": the parser made the city the subject and Ghana its
        apposition; issue-24M): the name after the dash instead, unless the sentence names the
        place again after it."""
        ctx = self.ctx
        sent = ctx.sents[k]
        dash = next(  # a spaced dash ("Addis Abeba– X", "LUANDA - X"), not "Ghanaian-led"
            (t for t in sent[:6] if (t.text in _DASHES or t.text == "-") and t.whitespace_),
            None,
        )
        if dash is None or dash.i == sent.start:
            return mediators
        before = list(sent.doc[sent.start : dash.i])
        if not all(t.pos_ == "PROPN" or t.is_punct for t in before):
            return mediators
        placed = ctx.resolve.actors_in(before, use=False)
        after = ctx.resolve.actors_in(sent.doc[dash.i + 1 : sent.end], use=False)
        out = [m for m in mediators if m not in placed or m in after]
        if len(out) == len(mediators):
            return mediators
        instead = ctx.resolve.actors_in(
            x for t in before for c in t.children if c.dep_ == "appos" for x in _np(c)
        )
        return out + [a for a in self.principals(instead) if a not in out]

    def _fellows(self, mediators: list[str], parties: list[str], k: int) -> list[str]:
        """Who mediates beside a mediator, named in its own phrase: "Ghana, along with Togo
        and the AU, has led mediation efforts", "Norway, together with Cuba,
        hosted the talks", "Kenya, alongside the AU, brokered the truce" (the phrase on the
        mediator's name, or fronted before the verb whose subject it is); not a side of the
        finding, nor a phrase after the verb ("met Malian officials along with the Nigerien
        delegation": whom they met)."""
        ctx = self.ctx
        out: list[str] = []
        for t in ctx.sents[k]:
            if t.dep_ not in ("prep", "advmod"):
                continue
            if t.lower_ == "alongside" or (
                t.lower_ == "with" and any(c.lower_ in _ALONG for c in t.lefts)
            ):  # "alongside the AU", "together with Cuba" (the adverb on "with")
                objects = [t]
            elif t.lower_ in _ALONG:  # "along with Egypt" (the "with" on the adverb)
                objects = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "with"]
            else:
                continue
            h = t.head
            if h.pos_ in ("NOUN", "PROPN"):
                owners = [r.actor for r in ctx.resolve.resolve_np(h, pronouns=False)]
            elif h.pos_ in ("VERB", "AUX") and t.i < h.i:
                owners = [r.actor for r in ctx.resolve.subject_actors(h)]
            else:
                continue
            if not any(o in mediators for o in owners):
                continue
            for o in objects:
                found = self.principals(
                    a
                    for c in o.children
                    if c.dep_ == "pobj"
                    for a in ctx.resolve.actors_in(c.subtree)
                )
                out += [
                    a for a in found if a not in mediators and a not in parties and a not in out
                ]
        return out

    def _for_metonyms(self, f: Finding) -> list[str]:
        """A side the sentence names only by a city ("messages between Washington and Sanaa")
        is the document's party that the sentence leaves out, when the city's own state is none
        of the document's parties (Sanaa's side is the Houthis, not Yemen)."""
        ctx = self.ctx
        outside = [p for p in f.parties if p not in ctx.parties]
        missing = [p for p in ctx.parties if p not in f.parties and p not in f.mediators]
        if len(outside) != 1 or len(missing) != 1 or len(f.parties) < 2:
            return f.parties
        kinds = {
            m.kind for m in ctx.mentions if m.actor == outside[0] and ctx.sent_of[m.start] == f.sent
        }
        if kinds != {"metonym"}:  # named by its own name somewhere in the sentence: itself
            return f.parties
        return [missing[0] if p == outside[0] else p for p in f.parties]

    def _people_as_sides(self, parties: list[str]) -> list[str]:
        """Two sides named by the people who speak for them are those actors ("talks between
        Iranian Foreign Minister X and U.S. envoy Y through Omani mediation": Iran and the
        United States, not the two negotiators); one person whose words are carried stays a
        side in person ("a messenger for X, the jailed PKK leader")."""
        ctx = self.ctx
        people = {
            p: sf.target
            for p in parties
            if (sf := ctx.principal.get(p)) is not None and ctx.type_of(p) == "person"
        }
        if len(set(people.values())) < 2:
            return parties
        return list(dict.fromkeys(people.get(p, p) for p in parties))

    def _emit(self) -> None:
        ctx = self.ctx
        doc_conf = IN_DOCUMENT if ctx.parties_stated else INFERRED
        # with no parties stated or inferred, the sides the mediators are said to work on
        # ("mediators are helping Hamas ...") are the document's (issue 16m)
        doc_parties = ctx.parties or list(
            dict.fromkeys(p for f in self.found if f.with_document for p in f.parties)
        )
        for f in self.found:
            if f.worked_on and ctx.parties:
                f.parties = [p for p in f.parties if p in ctx.parties]
            if f.places and ctx.parties and not set(f.parties) <= set(ctx.parties):
                f.parties = []
            f.parties = self._people_as_sides(f.parties)
            named = set(f.parties)
            f.parties = self._for_metonyms(f)
            if f.sides and ctx.parties and not set(f.sides) & set(ctx.parties):
                continue  # another negotiation: "the 1996 deal his group signed under .."
            links = [(p, f.confidence if p in named else doc_conf) for p in f.parties]
            if not f.parties or f.with_document:
                links += [(p, doc_conf) for p in doc_parties if p not in f.parties]
            start = ctx.sents[f.sent].start
            for m in f.mediators:
                if f.not_a_party and (m in ctx.parties or m in f.parties):
                    continue
                for p, conf in links:
                    if p in f.mediators:
                        continue
                    ctx.use(m, start)
                    ctx.use(p, start)
                    ctx.out.relation("mediates", m, p, f.sent, conf)


#: talk nouns that name a negotiation (hosting them is mediation even without "between")
_NEGOTIATION = frozenset(
    {"talks", "negotiation", "negotiations", "round", "rounds", "dialogue", "consultations"}
)
#: determiners that make a meeting the talks' own once the sides are named ("the meeting",
#: "chaired every session"; not "a summit")
_THEIRS = frozenset({"the", "every", "each", "all"})
#: prepositions of place in a mediator's phrase ("the UN Support Mission in Libya")
_PLACE_PREPS = frozenset({"in", "at", "near", "on"})
#: prepositions of a purpose talks are held for ("arrived for talks", "came to consultations")
_PURPOSE = frozenset({"for", "to"})
#: what makes a bare "with" a co-mediator ("joint mediation efforts with the US")
#: adverbs that make a "with" a companion's ("along with", "together with")
_ALONG = frozenset({"along", "together"})

_JOINT = frozenset({"joint", "shared", "common", "combined", "parallel"})
#: what opens a list of the members of a plural ("mediators, including Egypt and Qatar")
_INCLUDING = frozenset({"including", "among", "like", "such as"})
#: auxiliaries, where a split verb's subject may hang
_AUX = ("aux", "auxpass")
#: what a named person's phrase carries that is not the person ("X, who invited Algeria")
_CLAUSES = ("relcl", "acl", "appos", "conj", "cc")

#: a dash between spaces that sets a description off ("A and B -- the two co-chairs --")
_DASHES = frozenset({"--", "—", "–"})
#: the words that may stand between such a dash and the mediator noun it describes
_DESCRIBING = frozenset({"DET", "ADJ", "NUM", "PROPN", "CCONJ", "PUNCT", "NOUN"})


def _mention_tokens(ctx: DocContext, t: Token) -> list[Token]:
    """The tokens of the actor mention a phrase's head is part of (none if it is none)."""
    m = ctx.men[t.i]
    if m is None or not m.actor:
        return []
    return list(t.doc[m.start : m.end])


def _to_the_table(c: Token, destinations: frozenset[str]) -> bool:
    """ "to the negotiating table", "to the talks": where bringing the sides is mediating."""
    return (
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(g.dep_ == "pobj" and g.lemma_.lower() in destinations for g in c.children)
    )


def _controlled_object(v: Token, verbs: frozenset[str]) -> Token | None:
    """The object of the verb whose infinitive ``v`` is, when that verb's object does what the
    infinitive says ("asked me to be a mediator": "me")."""
    if v.dep_ != "xcomp" or v.head.lemma_.lower() not in verbs:
        return None
    return next((c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i), None)


def _gerund_object(t: Token) -> bool:
    """An "-ing" word the parser read as a preposition's object noun ("for mediating")."""
    return t.dep_ == "pobj" and t.lower_.endswith("ing") and t.pos_ in ("NOUN", "VERB")


def _predicate_ing(t: Token) -> bool:
    """An "-ing" form the parser read as the predicate of "be" ("Oman is mediating", tagged
    an adjective or a noun): a progressive, whose subject is the copula's."""
    return t.dep_ in ("acomp", "attr") and t.lower_.endswith("ing") and t.head.lemma_ == "be"


def _progressive_noun(t: Token) -> bool:
    """An "-ing" form the tagger read as a noun that keeps the auxiliary of a progressive
    ("Kenya, which is mediating between A and B": "is" hangs on "mediating"): a verb."""
    return (
        t.pos_ == "NOUN"
        and t.lower_.endswith("ing")
        and any(c.dep_ == "aux" and c.lemma_ == "be" for c in t.children)
    )


#: nouns of a dispute, which a matter modifier may make no conflict's ("a trade dispute")
_DISPUTES = frozenset({"dispute", "row", "spat", "quarrel", "disagreement", "feud", "case"})

#: bodies sent to mediate, besides offices ("named a panel to facilitate the talks")
_SENT_BODIES = frozenset({"panel", "team", "delegation", "mission", "committee", "envoy"})


def _objects_of_preps(v: Token) -> list[Token]:
    """The children of a verb's prepositional objects ("to Cairo for talks": "for")."""
    return [g for o in v.children if o.dep_ == "prep" for p in o.children for g in p.children]


def _part_of_talks(t: Token) -> bool:
    """A part of a negotiation: "the second cycle of talks", "a new phase of negotiations"."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and g.dep_ == "pobj" and g.lower_ in _NEGOTIATION
        for c in t.children
        for g in c.children
    )


def _prefix_subjects(v: Token) -> list[Token]:
    """The subject of a hyphened verb the parser split at its prefix ("the talks were
    co-organised by X" read as "co", "-", "organised", with the subject hung on "co", on an
    auxiliary of it, or on "were" with the participle as its complement): the subjects of
    the prefix's words, the verb, the copula it completes and their auxiliaries."""
    if v.i < 2 or v.doc[v.i - 1].text not in ("-", "–"):
        return []
    words = [v.doc[v.i - 2], v.doc[v.i - 1], v]
    if v.dep_ in ("acomp", "attr", "ccomp"):
        words.append(v.head)
    for _ in range(2):  # the auxiliaries, and theirs ("were" hung on "co" hung on the verb)
        words += [c for w in words for c in w.children if c.dep_ in _AUX and c not in words]
    return [c for w in words for c in w.children if c.dep_ in ("nsubj", "nsubjpass")]


def _none_subject(v: Token) -> bool:
    """A clause whose subject is none: "no safe zone will happen under Turkish auspices"."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)
        for c in v.children
    )


def _hyphened(v: Token) -> bool:
    """A participle joined by a hyphen to the word before it ("Qatari-backed")."""
    return (
        v.i >= 2
        and v.doc[v.i - 1].text in ("-", "–")
        and v.doc[v.i - 2].pos_ in ("PROPN", "NOUN", "ADJ")
    )


def _named_after(n: Token) -> list[Token]:
    """The phrase after a comma that follows ``n``, up to the next comma or verb: the name a
    description is given ("one of the mediators, Qatar's prime minister X, ...")."""
    doc, end = n.doc, n.sent.end
    if n.i + 2 >= end or doc[n.i + 1].text != ",":
        return []
    out: list[Token] = []
    for x in doc[n.i + 2 : end]:
        if x.text in (",", ";", ":", ".") or x.pos_ in ("VERB", "AUX"):
            break
        out.append(x)
    return out


def _titled_list(n: Token) -> tuple[list[Token], Token | None]:
    """The names a mediator noun is the title of, right after it: "Mediator Qatar said",
    "joint mediators Qatar, the US and Egypt will monitor" (not the subject of a clause that
    describes the noun: "the mediators Hamas trusts", "the mediator Israel rejected"), with the
    verb right after them, if any."""
    doc = n.doc
    if n.i + 1 >= n.sent.end or doc[n.i + 1].pos_ != "PROPN" or not n.whitespace_:
        return [], None
    names = listed_after(n)
    nxt = names[-1].i + 1 if names else n.i + 1
    if nxt >= n.sent.end or doc[nxt].pos_ not in ("VERB", "AUX"):
        return names, None
    verb = doc[nxt]
    while verb.dep_ in ("aux", "auxpass") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ in ("relcl", "acl") or verb.head.i == n.i:
        return [], None
    return names, verb


def _dashed_list(n: Token) -> list[Token]:
    """The names a mediator noun describes after a dash: "Igor Popov, Stephane Visconti, and
    Andrew Schofer -- the Russian, French and U.S. co-chairs of the Minsk Group --" (the words
    between the dash and the noun only describe it: no verb, no preposition)."""
    doc = n.doc
    i = n.i - 1
    while i > n.sent.start and n.i - i <= 10:
        x = doc[i]
        if x.text in _DASHES and doc[i - 1].whitespace_ and x.whitespace_:
            # "A and B -- and the mediators -- welcomed it": a list goes on, no description
            return listed_before(x) if doc[i + 1].pos_ != "CCONJ" else []
        if x.pos_ not in _DESCRIBING or (x.pos_ == "NOUN" and not _describes(x)):
            return []  # "A and B -- the sides the mediators brought together --"
        i -= 1
    return []


def _describes(x: Token) -> bool:
    """A noun that only qualifies a noun after it: "the guarantor countries", the "co" of
    "co-chairs" (split by the tokenizer)."""
    nxt = x.doc[x.i + 1]
    hyphen = x.text == "-" or nxt.text == "-"
    return x.dep_ in ("compound", "amod", "nmod") or (hyphen and not x.whitespace_)


def _by_agent(v: Token) -> bool:
    """A passive participle with its "by" phrase: "backed by Norway"."""
    return v.tag_ == "VBN" and any(c.dep_ == "agent" for c in v.children)


def _between_holder(t: Token) -> Token | None:
    """The noun whose "between" phrase ``t`` is a side in ("talks between A and B": the talks
    for B), else None."""
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    prep = t.head
    if t.dep_ != "pobj" or prep.lower_ != "between" or prep.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return prep.head


def _demonym(t: Token) -> bool:
    """A word that names a people or state only as a modifier ("Qatari", "Egyptian")."""
    return t.ent_type_ == "NORP" or t.pos_ == "ADJ"


def _of_role(t: Token) -> bool:
    """A word that makes a role a mediator's: "a mediating role", "a mediation role"."""
    return t.dep_ in ("amod", "compound") and t.head.lemma_.lower() == "role"


def _as_role(t: Token) -> bool:
    """A noun said as a role: "is the host", "named him envoy", "acting as a channel"."""
    return t.dep_ in ("attr", "oprd") or (t.head.dep_ == "prep" and t.head.lower_ == "as")


def _lost_subject(v: Token) -> Token | None:
    """The subject of a verb the parser cut off from it, by structure:

    * a perfect read as a participle modifying its object: "Qatar has since facilitated
      talks between A and B" parsed as "has (since (facilitated talks))": the subject of the
      "have" right before the participle (only adverbs, or "since", between them);
    * a subject whose reduced relative clause the parser took for the main verb: "The envoy,
      appointed in January, has shuttled between ..." ("appointed" as a clause beside the
      verb, with "The envoy" as its subject): the subject of a participle clause before the
      verb, set off by a comma.
    """
    if v.tag_ == "VBN" and v.dep_ in ("amod", "acl") and v.i > v.sent.start:
        i = v.i - 1  # never before the sentence: "Facilitated talks ..." has no "have" to read
        while i > v.sent.start and (
            v.doc[i].tag_ in ("RB", "RBR", "RBS") or v.doc[i].lower_ == "since"
        ):
            i -= 1
        have = v.doc[i]
        perfect = have.lemma_.lower() == "have" and have.tag_ in ("VBZ", "VBP", "VBD")
        if perfect and (i < v.i - 1 or v.dep_ == "amod"):
            # the subject on "have", or on the word it was made an auxiliary of
            holder = have.head if have.dep_ == "aux" else have
            subj = next((c for c in holder.children if c.dep_ == "nsubj" and c.i < have.i), None)
            if subj is not None:
                return subj
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in v.children):
        return None
    for c in v.children:
        if (
            c.dep_ == "parataxis"
            and c.i < v.i
            and c.tag_ in ("VBN", "VBD")
            and c.i > 0
            and v.doc[c.i - 1].text == ","
        ):
            subj = next((g for g in c.children if g.dep_ == "nsubj" and g.i < c.i), None)
            if subj is not None:
                return subj
    return None


def _addressed(v: Token) -> Token | None:
    """The name a clause opens by addressing ("Hannah, Beijing is hosting ...", also after a
    discourse opener: "Well, John, ...", "Yes, Hannah, ..."), or None."""
    sent = v.sent
    i = sent.start
    # a transcript's speaker label before the turn: "Hannah Cole: Well, John, ..."
    colon = next((t.i for t in sent[:6] if t.text == ":"), None)
    if colon is not None and colon + 1 < sent.end:
        i = colon + 1
    # discourse openers before the name: "Well,", "Yes,", "So,", "And"
    while i < sent.end - 1 and (
        (v.doc[i].dep_ in ("intj", "cc") or v.doc[i].lower_ in _OPENERS) and v.doc[i].head.i == v.i
    ):
        i += 1
        if v.doc[i].text == ",":
            i += 1
    first = v.doc[i] if i < sent.end else sent[0]
    later = any(c.dep_ == "nsubj" and c.i > first.i + 1 for c in v.children)
    later = later or _unlisted(first) is not None
    if (
        (first.dep_ in ("npadvmod", "intj", "vocative", "dep") or (first.dep_ == "nsubj" and later))
        and first.head.i == v.i
        and first.pos_ == "PROPN"
        and first.i + 1 < len(v.doc)
        and v.doc[first.i + 1].text == ","
    ):
        return first
    return None


def _unlisted(t: Token) -> Token | None:
    """The parser's conjunct of ``t`` when no "and"/"or" joins them: "John, Beijing is
    hosting" is a name addressed and the subject, not a list of two."""
    if any(c.dep_ == "cc" for c in t.children):
        return None
    conj = next((c for c in t.children if c.dep_ == "conj" and c.i == t.i + 2), None)
    if conj is None or any(c.dep_ in ("cc", "conj") for c in conj.children):
        return None  # "Qatar, Egypt and the US are hosting": a list
    return conj


#: Words that open a spoken turn before a name is addressed ("Well, John, ...").
_OPENERS = frozenset({"well", "yes", "no", "so", "now", "and", "but", "thanks", "right", "look"})


def _outside_places(c: Token) -> list[Token]:
    """A phrase's words without the places in it: "talks in Rome, Italy" addresses no Italy
    (issue 16m)."""
    out = []
    for x in c.subtree:
        cur = x
        while cur.i != c.i and not (cur.dep_ == "prep" and cur.lower_ in _PLACE_PREPS):
            cur = cur.head
        if cur.i == c.i:
            out.append(x)
    return out


def _np(t: Token) -> list[Token]:
    """A noun with its modifiers, without its conjuncts and clauses."""
    out = [t]
    for c in t.children:
        if c.dep_ in ("compound", "amod", "poss", "nmod", "det"):
            out.extend(c.subtree)
    return out


def _without(t: Token, deps: tuple[str, ...], preps: frozenset[str] = frozenset()) -> list[Token]:
    """A phrase without the subtrees of its children of the given dependencies (and of its
    prepositions among ``preps``: "the UN mission in Libya" names no Libya)."""
    skip = {
        x.i
        for c in t.children
        if c.dep_ in deps or (c.dep_ == "prep" and c.lower_ in preps)
        for x in c.subtree
    }
    return [x for x in t.subtree if x.i not in skip]


def _one_to_the_other(v: Token) -> bool:
    """ "from one side to the other", "from one delegation's room to the other": going
    between the sides without naming them."""
    preps = [x for x in _without(v, ("relcl", "ccomp", "advcl", "conj")) if x.dep_ == "prep"]
    return any(
        p.lower_ == "from" and any(x.lower_ == "one" for x in p.subtree) for p in preps
    ) and any(p.lower_ == "to" and any(x.lower_ == "other" for x in p.subtree) for p in preps)


def _two_words(t: Token, back: int = 1) -> str:
    """The token with the ``back`` tokens before it, lower-case ("good offices")."""
    start = max(0, t.i - back)
    return " ".join(x.lower_ for x in t.doc[start : t.i + 1])


def _participle_of(low: str, verbs: frozenset[str]) -> bool:
    """ "facilitated", "brokered", "mediated" (tagged as adjectives, lemma unchanged), and
    "mediating" tagged as a noun ("a mediating role")."""
    if low.endswith("ing"):
        return low[:-3] in verbs or low[:-3] + "e" in verbs
    return low in verbs or (low.endswith("ed") and (low[:-1] in verbs or low[:-2] in verbs))
