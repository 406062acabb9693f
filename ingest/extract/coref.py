"""From a phrase to the actors it names, within one document.

A subject or speaker phrase resolves to an actor through: a name (dictionary or NER, with a
surname going to the person named in full); a pronoun (he/she: the nearest person; it/they:
the nearest main-clause subject that names an actor; we/our in a quote: the speaker's side);
a role title ("the prime minister": who holds it here, or on the date); an organ of an actor
("the Israeli government", "Hamas officials"); a group ("Ivory Coast rebels"); a
sub-organization ("Hamas' news agency"); "the two sides" (the last two actors named).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from actorgraph.ingest.extract.common_words import is_common
from actorgraph.ingest.extract.genders import default_genders, honorific_gender
from actorgraph.ingest.extract.lexicon import title_key
from actorgraph.ingest.extract.normalize import clean_surface
from actorgraph.ingest.extract.outlets import reporting_noun
from actorgraph.ingest.extract.records import Resolved
from actorgraph.ingest.extract.tokens import span_root, tokens
from actorgraph.ingest.extract.topics import phrase_text

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.dictionary import ActorDictionary
    from actorgraph.ingest.extract.mentions import Mention
    from spacy.tokens import Token

PERSON_PRON = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
GROUP_PRON = frozenset({"it", "its", "they", "them", "their", "itself", "themselves"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ours", "ourselves"})
FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself"})
MOD_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
PAIR_NOUNS = frozenset({"country", "side", "party", "government", "nation", "state", "camp"})
#: government nouns that, alone, are the government named before ("the authorities", "the
#: junta" after "the Myanmar junta leader")
_RULERS = frozenset({"authorities", "junta"})
#: the words that count a pair ("the two sides", "both leaders")
_COUNTED = frozenset({"two", "both"})
#: a noun's children that are no words of its own phrase: "both the government and the rebels"
_COORDINATION = frozenset({"punct", "cc", "conj", "preconj"})


class Resolver:
    """Resolves phrases of one document to actors (see the module docstring)."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self._subjects_cache: dict[int, list[int]] = {}
        #: the genders the pronouns resolved to a person give them ("m", "f")
        self._genders: dict[str, set[str]] = {}
        #: the gender honorifics, gendered nouns or a given name give a person (fixed)
        self._said_gender: dict[str, str | None] = {}
        self._cues = default_genders()
        #: "he"/"she" resolved through the pronoun subject of a sentence before
        self._chain: dict[int, Resolved | None] = {}
        #: whether "the government" alone is the state of the talks (for whose stance a
        #: clause is; a speaker it does not make, see :meth:`_the_government`)
        self.stance_sources = False
        #: the state bodies named so far ("the army" -> the Sudanese army), issue 14o
        self._bodies: dict[str, str] = {}

    def release(self) -> None:
        """Cut the reference back to the document (see :meth:`DocContext.result`)."""
        self.ctx = None  # type: ignore[assignment]
        self._subjects_cache.clear()
        self._chain.clear()

    # ------------------------------------------------------------------ subjects
    def subjects(self, v: Token, depth: int = 0) -> list[Token]:
        """The subject tokens of a verb, following conjunctions, control and participles."""
        found = [c for c in v.children if c.dep_ in ("nsubj", "csubj")]
        if not found:  # a subject the parser hung on the auxiliary ("France ... are leading")
            found = [
                g
                for c in v.children
                if c.dep_ in ("aux", "auxpass")
                for g in c.children
                if g.dep_ in ("nsubj", "csubj")
            ]
        # "The Red Cross operating in Iraq said": a participle parsed as the subject
        found = [
            next((g for g in c.children if g.dep_ == "nsubj"), c) if c.pos_ == "VERB" else c
            for c in found
        ]
        if len(found) > 1 and not self.ctx.in_quote(v.i):
            # '"... many places: Kherson, Donetsk," Zelensky said': a name the parser hung
            # from inside the quote is none of the tag's subjects when one lies outside
            outside = [c for c in found if not self.ctx.in_quote(c.i)]
            found = outside or found
        if found:
            # "Qatar, which has mediated ...": the relative pronoun stands for its antecedent
            if v.dep_ == "relcl" and found[0].tag_ in ("WDT", "WP") and v.head.pos_ != "VERB":
                return [v.head]
            return found
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        if any(c.dep_ == "nsubjpass" for c in v.children) or (
            agent is not None and v.dep_ in ("acl", "relcl")  # "the deal, rejected by Hamas"
        ):
            return [g for g in agent.children if g.dep_ == "pobj"] if agent is not None else []
        if v.head.i == v.i:  # "Herzog, in a speech, stressed": a name the parser left aside
            fronted = [
                c
                for c in v.children
                if c.i < v.i
                and c.dep_ in ("advcl", "npadvmod", "dep", "nmod", "intj")
                and self.ctx.men[c.i] is not None
                and self.ctx.men[c.i].actor  # type: ignore[union-attr]
            ]
            if fronted:
                return fronted[:1]
        if depth > 4 or v.head.i == v.i:
            return []
        if v.dep_ == "agent":
            return []
        if v.dep_ == "conj" and sayers_tense(v, v.head, self.ctx.lex.speech_verbs):
            # "X asserted that Y lacks the right and vowed to ...": X's act (issue 23S)
            return self.subjects(v.head.head, depth + 1)
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head.pos_ in ("VERB", "AUX"):
            return self.subjects(v.head, depth + 1)
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.pos_ in ("VERB", "AUX"):
            return self.subjects(v.head.head, depth + 1)  # "answered by saying that ..."
        if (
            v.dep_ in ("attr", "acomp") and v.pos_ == "VERB" and v.head.pos_ == "AUX"
        ):  # "is mediating"
            return self.subjects(v.head, depth + 1)
        if finite_on_subject(v):
            return [v.head]
        if v.dep_ == "acl" and v.head.dep_ in ("dobj", "pobj", "attr"):
            # "X issued a declaration demanding ...": only when X produced the carrier
            gov = v.head.head
            if gov.dep_ == "prep":
                gov = gov.head
            if gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in self.ctx.lex.producers:
                return self.subjects(gov, depth + 1)
        return []

    def subject_actors(self, v: Token) -> list[Resolved]:
        out: list[Resolved] = []
        for s in self.subjects(v):
            for r in self.resolve_np(s):
                if all(r.actor != o.actor for o in out):
                    out.append(r)
        return out

    # ------------------------------------------------------------------ phrases
    def resolve_np(self, tok: Token, *, pronouns: bool = True) -> list[Resolved]:
        """The actors a noun phrase (and its conjuncts) names."""
        both = self._both_sides(tok)
        if both:
            return both
        out: list[Resolved] = []
        for t in [tok, *[c for c in tok.conjuncts if c.i > tok.i]]:
            r = self._resolve_one(t, pronouns)
            if r is None:
                continue
            if r.via == "pronoun" and self.stance_sources:
                out += [x for x in self._plural_antecedent(t, r) if x not in out]
                continue
            found = [r]
            if r.via == "organ":  # "Swiss and American diplomats": each modifier's organ
                found += [
                    Resolved(a, anonymous=r.anonymous, via="organ")
                    for a in self.modifier_actors(t)[1:]
                ]
            for x in found:
                if all(x.actor != o.actor for o in out):
                    out.append(x)
        return out

    def actors_in(self, tokens: Iterable[Token], *, use: bool = True) -> list[str]:
        """The actors named (by name, metonym or demonym) among some tokens; with ``use``
        False, they are not counted as the document's actors for that."""
        ctx = self.ctx
        out: list[str] = []
        for x in tokens:
            m = ctx.men[x.i]
            if m is None or x.i != m.start or m.brief:
                continue  # "the US envoy for Sudan": the brief is no one
            if m.kind == "demonym" and self._describes_only(m):
                continue  # "the Slovak OSCE chairmanship", "a former Lebanese minister"
            r = self.from_mention(m, span_root(ctx.doc, m.start, m.end), use=use)
            if r is None and m.actor and m.kind == "demonym":
                r = Resolved(m.actor)
                if use:
                    ctx.use(m.actor, m.start, m.text)
            if r is not None and r.actor not in out:
                out.append(r.actor)
        return out

    def actors_as_resolved(self, t: Token) -> list[Resolved]:
        """The actors named in a modifier ("the Egyptian call", "Qatari and Egyptian")."""
        return [Resolved(a, via="modifier") for a in self.actors_in(t.subtree)]

    def _both_sides(self, t: Token) -> list[Resolved]:
        """ "the two countries", "both sides", "the warring parties", "both leaders": the
        negotiation's parties where the document names them, else the last two actors named
        before (people for a counted noun of people: "both leaders" are the two just named,
        whose stances are their principals'). The other families read it through
        :meth:`resolve_np` (issue 14o)."""
        ctx = self.ctx
        lex = ctx.lex
        lemma, low = t.lemma_.lower(), t.lower_
        counted = lemma in lex.counted_pair_nouns or low in lex.counted_pair_nouns
        if counted or lemma in lex.pair_nouns or low in lex.pair_nouns:
            named = self._apposed_names(t)
            if named:  # "the two downstream nations, Egypt and Sudan,": the two named (22D)
                return named
        if not counted and lemma not in lex.pair_nouns and low not in lex.pair_nouns:
            return []
        if t.tag_ not in ("NNS", "NNPS"):
            return []
        kids = {c.lower_ for c in t.children}
        if not kids & (_COUNTED if counted else _COUNTED | lex.pair_modifiers):
            return []
        people = counted and lemma in lex.people_pair_nouns
        if ctx.parties and ctx.parties_stated and not people:
            return [Resolved(a, via="party") for a in ctx.parties]
        found: list[str] = []
        k = ctx.sent_of[t.i]
        for i in range(t.i - 1, ctx.sents[max(0, k - 1)].start - 1, -1):
            m = ctx.men[i]
            if m is None or m.actor is None or i != m.start or m.kind not in ("name", "metonym"):
                continue
            if (ctx.type_of(m.actor) == "person") == people and m.actor not in found:
                found.append(m.actor)
            if len(found) == 2:
                return [Resolved(a, via="pair") for a in reversed(found)]
        if people and ctx.parties and ctx.parties_stated:
            return [Resolved(a, via="party") for a in ctx.parties]
        return []

    def _plural_antecedent(self, t: Token, r: Resolved) -> list[Resolved]:
        """ "Both Fatah and Hamas underscored X. They highlighted Y": a stance's "they" whose
        antecedent subject joins several actors is each of them (issue-22D); else ``r``."""
        ctx = self.ctx
        if t.lower_ not in ("they", "them", "their"):
            return [r]
        k = ctx.sent_of[t.i]
        for kk in range(k, max(-1, k - 2), -1):
            subs = [i for i in self.sentence_subjects(kk) if kk < k or i < t.i]
            if not subs:
                continue
            subj = ctx.doc[subs[-1] if kk == k else subs[0]]
            if not subj.conjuncts:
                return [r]
            rs = self.resolve_np(subj, pronouns=False)
            if len(rs) > 1 and any(x.actor == r.actor for x in rs):
                return [Resolved(x.actor, anonymous=x.anonymous, via="pronoun") for x in rs]
            return [r]
        return [r]

    def _apposed_names(self, t: Token) -> list[Resolved]:
        """The actors an apposition after a noun names, with its conjuncts ("the two
        countries, Egypt and Sudan,"), or nothing."""
        ctx = self.ctx
        out: list[Resolved] = []
        for c in t.children:
            if c.dep_ != "appos" or ctx.men[c.i] is None:
                continue
            for x in (c, *(g for g in c.conjuncts if g.i > c.i)):
                m = ctx.men[x.i]
                r = self.from_mention(m, x) if m is not None else None
                if r is not None and all(r.actor != o.actor for o in out):
                    out.append(r)
        return out

    def _resolve_one(self, t: Token, pronouns: bool) -> Resolved | None:
        ctx = self.ctx
        lex = ctx.lex
        doc = ctx.doc
        m = ctx.men[t.i]
        if m is not None:
            r = self.from_mention(m, t)
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
            if c.dep_ == "appos" and ctx.men[c.i] is not None:
                r = self.from_mention(ctx.men[c.i], c)  # type: ignore[arg-type]
                if r is not None:  # a person's title is no name of theirs; a group's phrase is
                    person = ctx.type_of(r.actor) == "person"
                    ctx.use(r.actor, t.i, None if person else self.np_name(t, with_prep=False))
                    return r
        phrase2 = f"{doc[t.i - 1].lower_} {low}" if t.i > 0 else low
        if reporting_noun(t, lex):
            return None  # "Saudi state television reported": the messenger, no actor
        # a role title without a name: "the prime minister said", "the top U.S. diplomat"
        title, blocked = self.title_phrase(t)
        definite = not any(c.lower_ in ("a", "an", "one", "another") for c in t.children)
        with ctx.quietly():
            mods = self.modifier_actors(t)
        if title and mods and self._the_subject(t):
            # "The Austrian diplomat said", "The former German president told reporters":
            # the person just named, unless the office is someone else's
            holder = None if blocked else self.office_holder(t, title, mods[0])
            if holder is None:
                before = self._person_before(t, side=mods[0])
                if before is not None:
                    return before
        if blocked and title:  # "a former Lebanese culture minister": no one of Lebanon's
            with ctx.quietly():
                mods = self.modifier_actors(t)
        else:
            mods = self.modifier_actors(t)
        if title and not mods and definite and not blocked:
            holder = ctx.role_index.get(title_key(title))
            if holder:
                return Resolved(holder, via="role")
        if mods and (lemma in lex.suborgs or phrase2 in lex.suborgs):
            return self._suborg(t, mods[0])
        carrier = lemma in lex.carriers or low in lex.carriers  # "the Hamas statement said"
        if not mods and (lemma in lex.organs or low in lex.organs or carrier):
            # "the army's delegation", "the government's negotiators", "the movement's
            # statement": a described owner
            poss = next((c for c in t.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
            owner = self.described_owner(poss) if poss is not None else None
            if owner is not None:
                return Resolved(owner, via="organ")
        if not mods and carrier and self.stance_sources:
            issuer = self._issued_before(t)
            if issuer is not None:  # "Hamas issued a statement. The statement demanded ..."
                ctx.use(issuer, t.i)
                return Resolved(issuer, via="organ")
        if mods and (
            lemma in lex.organs or low in lex.organs or phrase2 in lex.organs or title or carrier
        ):
            if blocked:  # "the former Israeli prime minister": neither the holder nor Israel
                return None
            actor = mods[0]
            holder = self.office_holder(t, title, actor) if title and definite else None
            if holder:
                ctx.use(holder, t.i)
                return Resolved(holder, via="role")
            body = self.institution(t, actor, phrase2 if phrase2 in lex.institutions else lemma)
            if body is not None:
                return body
            anonymous = lemma in lex.anonymous or low in lex.anonymous
            ctx.use(actor, t.i, phrase_text(list(t.subtree)) if not anonymous else None)
            return Resolved(actor, anonymous=anonymous, via="organ")
        if not mods and definite and lemma in self._bodies:  # "the army" after "Sudan's army"
            ctx.use(self._bodies[lemma], t.i)
            return Resolved(self._bodies[lemma], via="organ")
        if not mods and lemma in lex.institutions and _bare_the(t):
            # "the army" after "Sudan's army chief X" or a "Sudanese army" no rule resolved yet
            # (the pair of sides is read before the stances): the state's body named before
            state = self._owner_of_noun(lemma, t.i)
            body = self.institution(t, state, lemma) if state is not None else None
            if body is not None:
                return body
        held = self._held_government(t) or self._the_government(t)
        if held is not None:
            return held
        described = self._described(t)
        if described is not None:
            return described
        if low in lex.groups or lemma in lex.groups:
            return self._group(t)
        return None

    def institution(self, t: Token, state: str, noun: str) -> Resolved | None:
        """ "the Sudanese army", "Sudan's army", "the Lebanese parliament": a body of a state
        that is an actor of its own, named by the state's demonym and the noun (the state
        still counts as named); "the army" later in the document is the same body. So is a
        person's office ("Erdogan's office", "the Office of Prime Minister X"; issue 16a)."""
        ctx = self.ctx
        kind = ctx.type_of(state)
        if not (
            (noun in ctx.lex.institutions and kind == "state")
            or (noun in ctx.lex.person_bodies and kind == "person")
        ):
            return None
        # "the Sudanese military" after "the Sudanese army" is that army (issue 21S)
        body = ctx.dict.new_body(state, noun, ctx.lex.same_institution(noun))
        if body is None:
            return None
        after = any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
        words = [x for x in t.subtree if after or x.i <= t.i]  # "the Office of X": all of it
        surface = clean_surface(phrase_text(words))
        if surface.lower().startswith("the "):
            surface = surface[4:]
        ctx.use(state, t.i)
        ctx.use(body, t.i, surface or None)
        self._bodies[t.lemma_.lower()] = body  # "the army" later: the one named last
        return Resolved(body, via="organ")

    def statement_issuer(self, t: Token) -> str | None:
        """Who speaks through "the statement" (communique, letter) a verb of saying has as
        its subject: the issuer or owner of the nearest same noun before, a person included
        ("He read out a joint statement. “…,” the statement said": the one who read it;
        "According to a statement from the AU Commission, … the statement read": the
        commission). Unlike a stance's source (:meth:`_issued_before`), a person's
        statement is theirs."""
        return self._issued_before(t, persons=True)

    def _issued_before(self, t: Token, *, persons: bool = False) -> str | None:
        """Who issued the statement (letter, response) "the statement" points back to: the
        body that is the subject of the verb whose object the same noun was, or the owner
        named with it, in its sentence or the two before ("Hamas issued a statement on Monday.
        The statement demanded ..."; "the Hamas response ... The response also called for").
        Only "the" before it; a person's statement is no body's, unless ``persons`` (then
        the issuer may be a pronoun's person, and "a statement from X" names X too)."""
        ctx = self.ctx
        if [c.lower_ for c in t.children if c.dep_ in ("det", "poss", "amod", "compound")] != [
            "the"
        ]:
            return None
        lemma = t.lemma_.lower()
        issuing = ctx.lex.issuing_verbs
        k = ctx.sent_of[t.i]
        for kk in range(k, max(-1, k - 3), -1):
            sent = ctx.sents[kk]
            for x in reversed(tokens(ctx.doc)[sent.start : min(sent.end, t.i)]):
                if x.lemma_.lower() != lemma or x.pos_ != "NOUN":
                    continue
                owner = ctx.owner_of(x)
                if owner is None and x.dep_ == "dobj" and x.head.lemma_.lower() in issuing:
                    subj = next((c for c in x.head.children if c.dep_ == "nsubj"), None)
                    if subj is not None:
                        with ctx.quietly():
                            found = self.resolve_np(subj, pronouns=persons)
                        owner = found[0].actor if len(found) == 1 else None
                if owner is None and persons:  # "a statement from the AU Commission"
                    owner = self._issued_by(x)
                if owner is not None and (persons or ctx.type_of(owner) != "person"):
                    return owner
                return None  # the nearest same noun decides
        return None

    def _issued_by(self, x: Token) -> str | None:
        """The one actor named after "from" or "by" with a statement ("a statement from
        Qatar", "a letter by the envoy")."""
        for c in x.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is None:
                    continue
                with self.ctx.quietly():
                    found = self.resolve_np(obj, pronouns=False)
                return found[0].actor if len(found) == 1 else None
        return None

    def _held_government(self, t: Token) -> Resolved | None:
        """ "His government rejected the plan": the state whose office the person the
        pronoun stands for holds (issue 10h); "his movement", "her party" an organization's
        leader or spokesperson speaks for, "his delegation" whichever body he speaks for
        (issue 10aa)."""
        ctx = self.ctx
        lex = ctx.lex
        low, lemma = t.lower_, t.lemma_.lower()
        want: str | None
        if lemma in lex.government_nouns:
            want = "state"
        elif {low, lemma} & (lex.groups | lex.org_heads):
            want = "organization"
        elif lemma in lex.body_nouns:
            want = None  # "his delegation": the body he speaks for, state or organization
        else:
            return None
        its = next(
            (c for c in t.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None
        )
        if its is not None and want is None:
            # "the RSF said its delegation rejected X" (issue 13r): the body's own delegation
            owner = self._coref(its)
            if owner is None or ctx.type_of(owner.actor) == "person":
                return None
            ctx.use(owner.actor, t.i)
            return Resolved(owner.actor, via="organ")
        poss = next(
            (c for c in t.children if c.dep_ == "poss" and c.lower_ in ("his", "her", "whose")),
            None,
        )
        if poss is not None and poss.lower_ == "whose":
            r = self._whose(t)
            if r is not None and ctx.type_of(r.actor) != "person":
                if want is not None and ctx.type_of(r.actor) != want:
                    return None  # "Hamas, whose government ...": no state of Hamas's
                ctx.use(r.actor, t.i)  # "Hamas, whose delegation walked out"
                return Resolved(r.actor, via="organ")
        else:
            r = self._coref(poss) if poss is not None else None
        sf = ctx.principal.get(r.actor) if r is not None else None
        if sf is None or (want is not None and ctx.type_of(sf.target) != want):
            return None
        ctx.use(sf.target, t.i)
        return Resolved(sf.target, via="organ")

    def _whose(self, t: Token) -> Resolved | None:
        """The antecedent of "whose" before ``t`` ("Erdogan, whose country is mediating":
        Erdogan): the name the relative clause of ``t`` hangs on, when it names one actor."""
        ctx = self.ctx
        v = t.head
        while v.dep_ in ("prep", "pobj", "dobj", "attr") and v.head.i != v.i:
            v = v.head  # "whose efforts on behalf of X", "with whose help"
        if v.dep_ != "relcl":
            return None
        ante = v.head
        m = ctx.men[ante.i]
        if m is None or m.actor is None:
            return None
        return self.from_mention(m, ante)

    def _the_government(self, t: Token) -> Resolved | None:
        """ "the government insisted that ...": the state named before with that noun ("the
        Yemeni government", "Mali's government"), else the one state among the parties of
        talks between a state and a group that is none; nobody when two states negotiate."""
        ctx = self.ctx
        lemma = t.lemma_.lower()
        if not self.stance_sources:
            return None  # statements by "the government" are the statement rules' business
        if lemma not in ctx.lex.government_nouns or lemma not in PAIR_NOUNS | _RULERS:
            return None
        if [c.lower_ for c in t.children if c.dep_ not in _COORDINATION] != ["the"]:
            # "the government" alone, not "the government of X" nor "a government"; "both
            # the government and the rebels" is "the government" with a conjunct (issue-22D)
            return None
        named = self._owner_of_noun(lemma, t.i)
        if named is None:
            states = [a for a in ctx.parties if ctx.type_of(a) == "state"]
            named = states[0] if len(states) == 1 and len(ctx.parties) > 1 else None
        if named is None:
            return None
        ctx.use(named, t.i)
        return Resolved(named, via="description")

    def title_phrase(self, t: Token) -> tuple[str | None, bool]:
        """The role title a noun phrase headed by ``t`` gives, with its qualifiers but not its
        actors ("the top U.S. diplomat" -> "top diplomat", "Qatar's foreign ministry
        spokesman" -> "foreign ministry spokesman"), and whether a word like *former* cancels
        it."""
        ctx = self.ctx
        lex = ctx.lex
        span = ctx.title_at[t.i]
        blocked = any(c.lower_ in lex.role_blockers for c in t.children)
        quals = [
            x
            for c in t.lefts
            if c.dep_ in ("amod", "compound", "nmod")
            for x in c.subtree
            if ctx.men[x.i] is None
            and x.pos_ in ("ADJ", "NOUN", "PROPN")
            and x.lower_ not in lex.role_blockers
            and not x.like_num
        ]
        words = [c.lower_ for c in quals] + [t.lower_]
        phrase = " ".join(words)
        key = title_key(phrase)
        if key in lex.role_descriptions or key in lex.role_titles:
            return phrase, blocked
        if span is not None:
            base = ctx.doc[span[0] : span[1]].text.lower()
            # qualifiers before the matched title: "foreign ministry spokesman"
            if quals and span[1] - 1 == t.i and span[0] == t.i:
                return phrase, blocked
            return base, blocked
        return None, blocked

    def office_holder(self, t: Token, title: str, org: str) -> str | None:
        """Who holds the office a title of an actor names ("the Qatari prime minister"):
        this document, the dictionary on the date, or a title that contains the actor's
        name ("the CIA director")."""
        return self.ctx.holder(title, org, t.i) or self._titled_name(t, title, org)

    def _titled_name(self, t: Token, title: str, org: str) -> str | None:
        """ "The CIA director": a role whose title is the organization's name and the title,
        held by one person on the document's date."""
        ctx = self.ctx
        name = next((m.text for c in t.lefts if (m := ctx.men[c.i]) and m.actor == org), None)
        if name is None:
            return None
        return ctx.holder_anywhere(f"{name} {title}", t.i)

    def _described(self, t: Token) -> Resolved | None:
        """ "The militant group said", "the kingdom said": the nearest actor of that type
        named in the last few sentences (a definite description without a name)."""
        ctx = self.ctx
        named = self._named_by_head(t)
        if named is not None:
            ctx.use(named, t.i)
            return Resolved(named, via="description")
        want = next(
            (
                atype
                for atype, heads in ctx.lex.type_descriptions.items()
                if t.lower_ in heads or t.lemma_.lower() in heads
            ),
            None,
        )
        if want is None:
            return None
        det = next((c for c in t.children if c.dep_ == "det"), None)
        if det is None or det.lower_ not in ("the", "this", "that"):
            return None
        placed = {x.i for c in t.children if self._locating(c) for x in c.subtree}
        if any(
            (ctx.men[x.i] is not None and ctx.men[x.i].kind not in ("demonym", "norp"))  # type: ignore[union-attr]
            or (x.pos_ == "PROPN" and ctx.men[x.i] is None)
            for x in t.subtree
            if x.i != t.i and x.i not in placed
        ):
            return None  # "the Islamist movement", "the Palestinian group" only describe
        if any(c.dep_ in ("prep", "relcl", "acl") and c.i not in placed for c in t.children):
            return None  # "the group of seven", "the group that ...": a new referent
        armed = self._armed_party(t)
        if armed is not None:  # "the guerrillas rejected" in talks with one armed group
            ctx.use(armed, t.i)
            return Resolved(armed, via="description")
        if len(ctx.parties) >= 2 and (
            t.lower_ in ctx.lex.armed_groups or t.lemma_.lower() in ctx.lex.armed_groups
        ):
            return None  # talks between states: "the guerrillas" are none of the bodies named
        k = ctx.sent_of[t.i]
        floor = ctx.sents[max(0, k - 4)].start
        for m in reversed(ctx.mentions):
            if m.start >= t.i or m.start < floor:
                continue
            if m.start in ctx.outlet_at or m.actor in ctx.outlets or self._told(m, t):
                continue  # "A Hamas official told Reuters that the group ...": not Reuters
            if m.actor and not m.place and not m.passing and ctx.type_of(m.actor) == want:
                ctx.use(m.actor, t.i)
                return Resolved(m.actor, via="description")
        return None

    def _told(self, m: Mention, t: Token) -> bool:
        """Whether the mention is who was told what ``t`` is part of ("A Hamas official told
        Reuters that the group has rejected ..."): the listener is not the body the speaker
        describes."""
        root = span_root(self.ctx.doc, m.start, m.end)
        verb = root.head
        if root.dep_ not in ("dobj", "dative") or verb.lemma_.lower() not in TELLING:
            return False
        return any(
            c.dep_ == "ccomp" and c.left_edge.i <= t.i <= c.right_edge.i for c in verb.children
        )

    def _locating(self, prep: Token) -> bool:
        """ "in Beirut", "inside Gaza" after a description: where the body is, not a new
        referent ("the movement in Beirut" is the movement named before)."""
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "inside"):
            return False
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if obj is None:
            return False
        m = self.ctx.men[obj.i]
        return obj.ent_type_ in ("GPE", "LOC", "FAC") or (
            m is not None and (m.place or m.kind in ("gpe", "metonym"))
        )

    def described_owner(self, t: Token) -> str | None:
        """ "the government's", "Its", "the party's", "union president": the actor the word
        stands for in this document."""
        ctx = self.ctx
        armed = self._armed_party(t)
        if armed is not None:
            ctx.use(armed, t.i)
            return armed
        with ctx.quietly():
            found = [r for r in self.resolve_np(t) if ctx.type_of(r.actor) != "person"]
        if found:
            ctx.use(found[0].actor, t.i)
            return found[0].actor
        low, lemma = t.lower_, t.lemma_.lower()
        lex = ctx.lex
        if low in lex.government_nouns or lemma in lex.government_nouns:
            want = "state"
        elif low in lex.org_heads or lemma in lex.org_heads or lemma in lex.groups:
            want = "organization"
        else:
            return None
        named = self._named_by_head(t) if t.pos_ == "NOUN" else None
        if named is None and self._unknown_name_modifier(t):
            return None  # "the breakaway Transnistrian administration": a body of its own
        if named is None:
            named = self._named_with(lemma, t.i) if want == "organization" else None
        loose = want == "state" or lemma in lex.groups or low in lex.groups
        if named is None and want == "state":  # "Mali's government" ... "the government"
            named = self._owner_of_noun(lemma, t.i)
        if named is None and want == "state":  # the one state among the talks' parties
            states = [a for a in ctx.parties if ctx.type_of(a) == "state"]
            if len(states) > 1:  # a state the dictionary knows, not a place-like group name
                states = [a for a in states if ctx.dict.entries[a].origin != "new"]
            named = states[0] if len(states) == 1 else None
        if named is None and loose:  # not "a member of parliament": a body of its own
            # "the government" of talks between states is a party's, never the mediator's
            skip = frozenset(ctx.mediator_hints) if lemma == "government" else frozenset()
            named = self._most_named(want, t.i, skip)
        if named is not None:
            ctx.use(named, t.i)
        return named

    def _unknown_name_modifier(self, t: Token) -> bool:
        """Whether a capitalized word that names no actor describes the noun ("the
        Transnistrian administration", "the Donetsk authorities"): the phrase names a body of
        its own, which no looser guess (the talks' one state, the body named most) stands
        for. Not a sentence's first word."""
        ctx = self.ctx
        for c in t.children:
            if c.dep_ not in ("amod", "compound", "nmod") or c.is_sent_start:
                continue
            if not c.text[:1].isupper() or c.lower_ in ctx.lex.role_blockers:
                continue
            m = ctx.men[c.i]
            if m is None or m.actor is None:
                return True
        return False

    def _armed_party(self, t: Token) -> str | None:
        """ "the rebels'", "the militants'" in talks between a government and one armed group
        (the document's parties): that group, whatever body was named last. Only a bare
        description; "the Darfur rebels" names its own."""
        ctx = self.ctx
        if t.lower_ not in ctx.lex.armed_groups and t.lemma_.lower() not in ctx.lex.armed_groups:
            return None
        if ctx.men[t.i] is not None or any(c.dep_ not in ("det", "case") for c in t.children):
            return None
        groups = [a for a in ctx.parties if ctx.type_of(a) == "organization"]
        states = [a for a in ctx.parties if ctx.type_of(a) == "state"]
        return groups[0] if len(groups) == 1 and len(states) == 1 else None

    def _owner_of_noun(self, lemma: str, before: int) -> str | None:
        """The actor named before with the same noun ("Mali's government", "the Colombian
        government"), the nearest."""
        ctx = self.ctx
        doc = ctx.doc
        for mm in reversed(ctx.mentions):
            if mm.start >= before or not mm.actor or ctx.type_of(mm.actor) == "person":
                continue
            j = mm.end
            while j < len(doc) and j < mm.end + 3 and doc[j].tag_ in ("POS", "JJ", "NNP"):
                j += 1
            if j < len(doc) and doc[j].lemma_.lower() == lemma:
                return mm.actor
        return None

    def _named_with(self, word: str, before: int) -> str | None:
        """The organization named before whose name has the word ("the headquarters" after
        "the Coordination Headquarters for ...")."""
        ctx = self.ctx
        for mm in reversed(ctx.mentions):
            if mm.start >= before or not mm.actor or mm.place:
                continue
            if ctx.type_of(mm.actor) == "person":
                continue
            words = {w.lemma_.lower() for w in ctx.doc[mm.start : mm.end]}
            text = ctx.doc[mm.start : mm.end].text.lower()
            if word in words or any(x in text for x in ctx.lex.owner_synonyms.get(word, ())):
                return mm.actor
        return None

    def _most_named(self, want: str, before: int, skip: frozenset[str] = frozenset()) -> str | None:
        """The actor of a type the document names most often as an actor up to here (and in
        the next sentence): "the government" in an article about one state's talks."""
        ctx = self.ctx
        k = ctx.sent_of[before]
        end = ctx.sents[min(len(ctx.sents) - 1, k + 1)].end
        counts: dict[str, int] = {}
        last: dict[str, int] = {}
        for mm in ctx.mentions:
            if mm.start >= end or not mm.actor or mm.place or mm.passing:
                continue
            if mm.kind == "metonym" and _venue(ctx, mm):
                continue  # "the Nairobi talks": where, not whose government (issue 17t)
            if ctx.type_of(mm.actor) == want and mm.actor not in skip:
                counts[mm.actor] = counts.get(mm.actor, 0) + 1
                last[mm.actor] = mm.start
        if not counts:
            return None
        return max(counts, key=lambda a: (counts[a], last[a]))

    def _named_by_head(self, t: Token) -> str | None:
        """ "The union said", "the alliance", "the coalition": the organization the document
        names with that word ("the Atlantic Longshore Workers Union", "the Maritime Employers
        Alliance") or describes so ("the Unitary Platform, Venezuela's main opposition
        coalition"): the nearest before, else the first after in the next sentences."""
        ctx = self.ctx
        if t.pos_ != "NOUN" or t.tag_ in ("NNS", "NNPS"):
            return None
        det = next((c for c in t.children if c.dep_ == "det"), None)
        if det is None or det.lower_ not in ("the", "this", "that"):
            return None
        if any(
            c.dep_ in ("compound", "amod", "nmod", "poss")
            and any(ctx.men[x.i] is not None or x.pos_ == "PROPN" for x in c.subtree)
            for c in t.children
        ):
            return None  # "the Hamas delegation": a modifier names the actor
        head = t.lower_
        heads = ctx.described_heads()
        before: str | None = None
        after: str | None = None
        k = ctx.sent_of[t.i]
        for m in ctx.mentions:
            if not m.actor or m.place or ctx.type_of(m.actor) == "person":
                continue
            last = ctx.doc[m.end - 1].lower_
            # "the Commission on Presidential Debates"
            root = span_root(ctx.doc, m.start, m.end).lower_
            if head not in (last, root) and head not in heads.get(m.actor, ()):
                continue
            if m.start < t.i:
                before = m.actor
            elif after is None and ctx.sent_of[m.start] <= k + 3:
                after = m.actor
        return before or after

    def from_mention(self, m: Mention, t: Token, *, use: bool = True) -> Resolved | None:
        """The actor of a mention, as the phrase headed by ``t`` uses it."""
        ctx = self.ctx
        if m.actor is None:
            if m.kind in ("gpe", "norp"):
                if m.kind == "norp":
                    head = span_root(ctx.doc, m.start, m.end)
                    if head.i != t.i and t.lower_ not in ctx.lex.groups:
                        return None
                if ctx.new_actor_for(m) is None:
                    return None
            else:
                return None
        # "Palestinians rejected": a demonym names the state only as the head of the phrase
        if m.kind == "demonym" and t.i != span_root(ctx.doc, m.start, m.end).i:
            return None
        if use:
            ctx.use(m.actor, m.start, m.text)  # type: ignore[arg-type]
        # an outlet that reports ("Reuters reported") speaks for no one in the story
        return Resolved(m.actor, anonymous=m.actor in ctx.outlets, via=m.kind)  # type: ignore[arg-type]

    def modifier_actors(self, t: Token) -> list[str]:
        """Actors that modify a noun: "Israeli officials", "the officials of Hamas"."""
        ctx = self.ctx
        out: list[str] = []
        for c in t.children:
            cand: list[Token] = []
            if c.dep_ in MOD_DEPS or (c.dep_ == "appos" and c.i < t.i):
                cand = [c, *c.conjuncts]  # "Swiss and American diplomats"
            elif c.dep_ == "prep" and c.lower_ in ("of", "for", "from", "in"):
                cand = [g for g in c.children if g.dep_ == "pobj"]
            for g in cand:
                m = ctx.men[g.i]
                if m is None:
                    if g.lower_ in PLACED:  # "the Geneva-based organisation": a place
                        continue
                    # "the Israeli and Qatari officials", "Hamas' political bureau"
                    m = next((ctx.men[x.i] for x in g.subtree if ctx.men[x.i]), None)
                    if m is None or c.dep_ == "prep":
                        continue
                if c.dep_ == "prep" and _crowd(t, ctx.lex.groups) and self._unknown(m):
                    continue  # "a resident of Lashio" comes from a place
                if m.brief:
                    continue  # "the envoy for the Western Balkans": the title's brief
                if m.kind == "demonym" and self._describes_body(m):
                    continue  # "the Slovak OSCE chairmanship": the OSCE's, Slovakia only holds it
                ctx.new_actor_for(m)
                person_organ = t.lemma_.lower() in ctx.lex.person_organs  # "the Clinton campaign"
                if m.actor and (
                    ctx.type_of(m.actor) != "person" or c.dep_ == "poss" or person_organ
                ):
                    if m.actor not in out:
                        out.append(m.actor)
                    ctx.use(m.actor, m.start, m.text)
        return out

    def _describes_only(self, m: Mention) -> bool:
        """A demonym that names no one: before an organization's name ("the Slovak OSCE
        chairmanship") or in a former office ("a former Lebanese culture minister")."""
        ctx = self.ctx
        head = span_root(ctx.doc, m.start, m.end).head
        former = ctx.title_at[head.i] is not None and any(
            c.lower_ in ctx.lex.role_blockers for c in head.children
        )
        return former or self._describes_body(m)

    def _describes_body(self, m: Mention) -> bool:
        """A demonym right before the name of an organization that is no state: "the Slovak
        OSCE chairmanship", "the Kenyan AU envoy" (the body's, not the demonym's state)."""
        ctx = self.ctx
        nxt = ctx.men[m.end] if m.end < len(ctx.doc) else None
        return (
            nxt is not None
            and nxt.actor is not None
            and nxt.kind == "name"
            and not nxt.place
            and ctx.type_of(nxt.actor) == "organization"
        )

    def _unknown(self, m: Mention) -> bool:
        """A name the dictionary does not know, other than a person's: a place NER took for a
        state or an organization, where nothing says it acts."""
        if m.actor is None:
            return m.kind in ("gpe", "norp")
        e = self.ctx.dict.entries.get(m.actor)
        return e is not None and e.origin == "new" and e.type != "person"

    def np_name(self, t: Token, with_prep: bool = True) -> str:
        """A display name for a phrase: its head with modifiers (and an of/in/from phrase)."""
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
        ctx = self.ctx
        named = self._group_named(t) or self._owning_body(t)
        if named is not None:  # "a faction calling itself the Junta", "the group Deep South"
            return named
        # a name among its modifiers ("Ivory Coast rebels", "rebels from Darfur"), not in a
        # clause about it ("a dissident faction calling itself ...")
        mods = [
            x
            for c in t.children
            if c.dep_ in MOD_DEPS or (c.dep_ == "prep" and c.lower_ in ("in", "of", "from"))
            for x in c.subtree
        ]
        has_name = any(ctx.men[x.i] is not None or _proper(x, ctx.dict) for x in mods) or (
            ctx.men[t.i] is not None
        )
        if not has_name:
            return None
        name = self.np_name(t)
        if not name or len(name) > 80:
            return None
        actor = ctx.dict.new_actor(name, "organization")
        ctx.use(actor, t.i, name)
        return Resolved(actor, via="group")

    def _owning_body(self, t: Token) -> Resolved | None:
        """A group noun right after an organization's name is that organization ("M23
        rebels", "RSF fighters", "the Likud party"; issue 19A); after a state, a place or a
        person it names a group of its own ("Ivory Coast rebels")."""
        ctx = self.ctx
        if t.i == 0:
            return None
        m = ctx.men[t.i - 1]
        if m is None or m.end != t.i or m.actor is None or m.place or m.kind != "name":
            return None
        if m.start <= t.i - 1 < m.end and ctx.doc[m.end - 1].head.i != t.i:
            return None
        if ctx.type_of(m.actor) != "organization":
            return None
        ctx.use(m.actor, m.start, m.text)
        return Resolved(m.actor, via="group")

    def _group_named(self, t: Token) -> Resolved | None:
        """The name a group phrase is given in apposition or by a verb of naming: "the
        independent monitoring group Deep South Watch", "a dissident faction calling itself
        the RENAMO Military Junta", "a coalition known as the Unitary Platform"."""
        ctx = self.ctx
        cands = [c for c in t.children if c.dep_ in ("appos", "oprd") and c.i > t.i]
        for v in t.children:
            if v.dep_ == "acl" and v.lemma_.lower() in ("call", "know", "name", "style"):
                cands += [x for x in v.subtree if x.dep_ in ("oprd", "attr", "dobj", "pobj")]
        if t.i + 1 < len(ctx.doc) and t.dep_ == "compound":
            cands.append(t.head)
        for c in cands:
            m = ctx.men[c.i]
            if m is not None and m.actor and m.kind == "name" and not m.place:
                if ctx.type_of(m.actor) == "person":
                    continue
                ctx.use(m.actor, m.start, m.text)
                return Resolved(m.actor, via="name")
        return None

    def _suborg(self, t: Token, owner: str) -> Resolved:
        ctx = self.ctx
        name = self.np_name(t, with_prep=False)
        actor = ctx.dict.new_actor(name, "organization")
        ctx.use(actor, t.i, name)
        ctx.add_speaks(actor, owner, "", ctx.sent_of[t.i], 0.7)
        return Resolved(actor, via="suborg")

    # ------------------------------------------------------------------ pronouns
    def sentence_subjects(self, k: int) -> list[int]:
        """Token indices of sentence ``k``'s main-clause subjects outside quotes (cached)."""
        ctx = self.ctx
        hit = self._subjects_cache.get(k)
        if hit is None:
            hit = [
                t.i
                for t in ctx.sents[k]
                if t.dep_ in ("nsubj", "nsubjpass")
                and ctx.quote_of[t.i] < 0
                and main_clause(t.head)
            ]
            self._subjects_cache[k] = hit
        return hit

    def _coref(self, t: Token) -> Resolved | None:
        ctx = self.ctx
        low = t.lower_
        q = ctx.in_quote(t.i)
        if low in FIRST_PLURAL | FIRST_SINGULAR:
            if q is None or q.speaker is None:
                return None
            actor = q.principal if (low in FIRST_PLURAL and q.principal) else q.speaker
            return Resolved(actor, via="pronoun")
        k = ctx.sent_of[t.i]
        if low in PERSON_PRON:
            if t.i in self._chain:
                return self._chain[t.i]
            for kk in range(k, max(-1, k - 4), -1):
                if q is None and self._unnamed_speaker(kk, t):
                    return None  # "A member of the delegation said ... Instead, he said"
                if kk < k and q is None:
                    chained = self._pronoun_subject(kk, low)
                    if chained is not None:  # "She has faced ... Bill Clinton ... She said"
                        r = self._coref(chained)
                        self._chain[t.i] = r
                        return r
                if q is None:
                    described = self._described_subject(kk, t)
                    if described is not None:  # "The Iranian minister said ... He added"
                        return described
                reported = self._reported_by(t) if kk == k else frozenset()
                cands = [
                    m
                    for m in ctx.mentions_in(ctx.sents[kk])
                    if m.actor
                    and ctx.type_of(m.actor) == "person"
                    and (kk < k or m.end <= t.i)
                    and (q is not None or ctx.quote_of[m.start] < 0)
                    and m.start not in reported
                    and self._gender_of(m.actor) in (None, _gender(low))
                ]
                if not cands:
                    continue
                subj = [m for m in cands if self._is_subject(m)]
                if kk == k:
                    m = (subj or cands)[-1]
                else:  # a sentence before: who speaks in its own clauses first, then the
                    # subject of its main verb, then of its own clauses ("Asked whether Hale
                    # could leave, Alvarez shrugged. He said": Alvarez, issue 21Q)
                    clausal = [m for m in subj if not self._in_adjunct_clause(m)]
                    says = ctx.lex.speech_verbs
                    spoke = [
                        m for m in clausal if self._subject_root(m).head.lemma_.lower() in says
                    ]
                    top = [m for m in subj if self._heads_sentence(m)]
                    m = (spoke or top or clausal or subj or cands)[0]
                self._genders.setdefault(m.actor, set()).add(_gender(low))  # type: ignore[arg-type]
                return Resolved(m.actor, via="pronoun")  # type: ignore[arg-type]
            return self._last_speaker(t)
        # "told Hamas leaders that they had to ...": the addressee of the verb of saying
        clause = t.head
        if t.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "ccomp":
            said = clause.head
            lemma = clause.lemma_.lower()
            stance = (
                lemma in ctx.lex.reject_verbs
                or lemma in ctx.lex.demand_verbs
                or (lemma in ctx.lex.negated_acceptance and ctx.negated(clause))
                # "told ECOWAS it would not reinstate X": a concession refused (issue 20R)
                or (lemma in ctx.lex.concessions and ctx.negated(clause))
            )
            own = stance and not ctx.has_modal(clause)
            if said.lemma_.lower() in ctx.lex.speech_verbs and not own:
                # ("told Egypt that it rejects X" is the teller's own stance, issue 13r;
                # "told the US it wants X" too, issue 14o)
                to = next((c for c in said.children if c.dep_ in ("dobj", "dative")), None)
                mt = ctx.men[to.i] if to is not None else None
                if mt is not None and mt.start in ctx.outlet_at:
                    to = None  # "told Al Jazeera that it ...": the outlet only listens
                if to is not None and to.pos_ != "PRON":
                    rs = self.resolve_np(to, pronouns=False)
                    if rs:
                        return Resolved(rs[0].actor, anonymous=rs[0].anonymous, via="pronoun")
        # it / they: the nearest subject before the pronoun, if it names an actor
        lead = _leading_subject(t)
        if lead is not None:  # "while the Afghan side agreed ..., they refused to ..."
            rs = self.resolve_np(lead, pronouns=False)
            if rs and (low in ("they", "them", "their") or ctx.type_of(rs[0].actor) != "person"):
                return Resolved(rs[0].actor, anonymous=rs[0].anonymous, via="pronoun")
        for kk in range(k, max(-1, k - 2), -1):
            subs = [
                i
                for i in self.sentence_subjects(kk)
                if (kk < k or i < t.i) and not _expletive(ctx.doc[i])
            ]
            if not subs:
                continue
            i = subs[-1] if kk == k else subs[0]
            rs = self.resolve_np(ctx.doc[i], pronouns=False)
            if rs and low in ("they", "them", "their") and _one_person(ctx, ctx.doc[i], rs):
                return None  # "The PM told him ... they mediated": no "they" (issue 17t)
            if rs and (
                low in ("they", "them", "their")
                or ctx.type_of(rs[0].actor) != "person"
                or rs[0].via == "organ"
            ):
                return Resolved(rs[0].actor, anonymous=rs[0].anonymous, via="pronoun")
            owned = t.dep_ == "poss" and t.head.lemma_.lower() in ctx.lex.body_nouns
            sf = ctx.principal.get(rs[0].actor) if rs and owned and low == "its" else None
            if sf is not None and ctx.type_of(sf.target) != "person":
                # "the Taliban's spokesman Suhail Shaheen said its team would not ...": the
                # team of the body the person speaks for (issue 16r)
                return Resolved(sf.target, anonymous=rs[0].anonymous, via="pronoun")
            return None
        return None

    def _reported_by(self, t: Token) -> frozenset[int]:
        """The tokens of what a pronoun's verb of saying reports ("Also, Hale isn't a
        conservative, he said"): a person named there is what was said about, not the speaker,
        as a person named inside a quote is not the speaker of the quote."""
        lex = self.ctx.lex
        says = lex.speech_verbs | {w.split()[0] for w in lex.speech_clause_verbs}
        v = t.head
        if t.dep_ != "nsubj" or v.lemma_.lower() not in says:
            return frozenset()
        return frozenset(
            x.i
            for c in v.children
            # not a sentence the parser hung under the tag that introduces the quote with a
            # colon ("X put it bluntly: “…,” he said": X is who said it)
            if c.dep_ == "ccomp" and not any(y.text == ":" for y in c.subtree)
            for x in c.subtree
            # not the speaker of a tag the parser hung under it ("Fallon fired back: “…,” he
            # wrote": Fallon is who wrote)
            if not (x.dep_ == "nsubj" and x.head.lemma_.lower() in says)
            and not (x.head.dep_ == "nsubj" and x.head.head.lemma_.lower() in says)
        )

    def _described_subject(self, k: int, t: Token) -> Resolved | None:
        """The person sentence ``k``'s first subject describes without naming, when it comes
        before the pronoun ``t`` and no person is named before it in that sentence: "The
        Iranian foreign minister said ... He added ..." is the minister, not a person named
        sentences before (issue-13s)."""
        ctx = self.ctx
        subs = [i for i in self.sentence_subjects(k) if i < t.i]
        if not subs:
            return None
        first = ctx.doc[subs[0]]
        if first.pos_ not in ("NOUN", "PROPN") or ctx.men[first.i] is not None:
            return None
        for m in ctx.mentions_in(ctx.sents[k]):
            if m.actor and m.start < first.i and ctx.type_of(m.actor) == "person":
                return None  # a person named first: the mention rules decide
        with ctx.quietly():
            found = self.resolve_np(first, pronouns=False)
        if len(found) != 1 or found[0].via != "role":
            return None
        actor = found[0].actor
        if ctx.type_of(actor) != "person":
            return None
        if self._gender_of(actor) not in (None, _gender(t.lower_)):
            return None
        return Resolved(actor, via="pronoun")

    def _pronoun_subject(self, k: int, low: str) -> Token | None:
        """The subject of sentence ``k`` when it is a pronoun of the gender of ``low`` and no
        person named in that sentence is a subject: a run of "she" sentences keeps its person,
        whoever else the sentences name ("She has faced ... her meeting with Bill Clinton ...
        She said")."""
        ctx = self.ctx
        subs = self.sentence_subjects(k)
        if not subs:
            return None
        first = ctx.doc[subs[0]]
        if first.lower_ not in ("he", "she") or _gender(first.lower_) != _gender(low):
            return None
        for m in ctx.mentions_in(ctx.sents[k]):
            if m.actor and m.start < first.i and ctx.type_of(m.actor) == "person":
                return None  # "Lynch said she ...": the named person comes first
        return first

    def _unnamed_speaker(self, k: int, t: Token) -> bool:
        """Whether sentence ``k`` (before ``t``) has a speaker described, not named, as the
        subject of a verb of saying ("A BRN member of the delegation, who asked not to be
        named, said ..."): the nearest "he" is that source, not a person named earlier."""
        ctx = self.ctx
        for x in ctx.sents[k]:
            if x.i >= t.i:
                break
            if (
                x.dep_ == "nsubj"
                and x.pos_ == "NOUN"
                and x.lemma_.lower() in ctx.lex.anonymous
                and x.head.lemma_.lower() in ctx.lex.speech_verbs
                and any(c.lower_ in ("a", "an", "one", "another") for c in x.children)
                and not self._names_person(x)
            ):
                return True
        return False

    def _names_person(self, t: Token) -> bool:
        """Whether the phrase headed by ``t`` names a person ("Ali Said, a member of ...")."""
        ctx = self.ctx
        for y in t.subtree:
            m = ctx.men[y.i]
            if m is not None and m.actor and ctx.type_of(m.actor) == "person":
                return True
        return False

    def _last_speaker(self, t: Token) -> Resolved | None:
        """ "he said" after a run of quotes that name nobody outside them: the person whose
        statement comes last before, within a few sentences (news keeps quoting one speaker
        until it names another)."""
        ctx = self.ctx
        floor = ctx.sents[max(0, ctx.sent_of[t.i] - 8)].start
        best: tuple[int, str] | None = None
        for a, _, sid in ctx.out.stmt_spans:
            if not floor <= a < t.i or (best is not None and a <= best[0]):
                continue
            rec = ctx.out.get_statement(sid)
            if rec is not None:
                best = (a, rec["speaker"])
        if best is None or ctx.type_of(best[1]) != "person":
            return None
        if self._gender_of(best[1]) != _gender(t.lower_):
            return None  # "she said" after Mr. Trump's words: someone else, or not known
        return Resolved(best[1], via="pronoun")

    def _gender_of(self, actor: str) -> str | None:
        """The gender the document gives a person: its honorifics ("Mr. Cruz", "Ms. Warren")
        and gendered nouns beside the name ("X, a spokeswoman"), else a given name of one
        gender ("Loretta Lynch"), else the pronouns that follow the person as subject in the
        same sentence ("Cruz said he ..."); None when they disagree or say nothing."""
        if actor in self._said_gender:
            return self._said_gender[actor]
        seen = set(self._genders.get(actor, ()))
        ctx = self.ctx
        doc = ctx.doc
        said: set[str] = set()  # honorifics and gendered nouns
        named: set[str] = set()  # given names
        for m in ctx.mentions:
            if m.actor != actor:
                continue
            word = doc[m.start - 1].lower_.rstrip(".") if m.start > 0 else ""
            g = honorific_gender(word) or self._cues.of_nouns(doc, m.start, m.end)
            if g:
                said.add(g)
            g = self._cues.of_name(doc, m.start, m.end)
            if g:
                named.add(g)
            if not self._is_subject(m):
                continue
            sent = ctx.sents[ctx.sent_of[m.start]]
            pron = next(
                (
                    x
                    for x in doc[m.end : sent.end]
                    if x.lower_ in PERSON_PRON
                    or x.lower_ in ("i", "we", "they", "it")
                    or ctx.men[x.i] is not None
                ),
                None,
            )
            if pron is not None and pron.lower_ in PERSON_PRON:
                seen.add(_gender(pron.lower_))
        # what the text says outweighs a given name, which outweighs the pronouns after
        for tier in (said, named):
            if len(tier) == 1:
                self._said_gender[actor] = next(iter(tier))
                return self._said_gender[actor]
            if tier:
                return None
        return next(iter(seen)) if len(seen) == 1 else None

    @staticmethod
    def _the_subject(t: Token) -> bool:
        """A definite description that is the subject of its clause ("The diplomat said")."""
        return t.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in t.children
        )

    def _person_before(self, t: Token, side: str | None = None) -> Resolved | None:
        """The person a description of a person stands for: named before it in its sentence
        or the two before it, a subject first, else the first one named there; with the
        description's ``side`` ("the Israeli defence minister"), never a person known to speak
        for others only ("Hamas official X" is no Israeli minister)."""
        ctx = self.ctx
        k = ctx.sent_of[t.i]
        for kk in range(k, max(-1, k - 3), -1):
            cands = [
                m
                for m in ctx.mentions_in(ctx.sents[kk])
                if m.actor
                and m.end <= t.i
                and ctx.type_of(m.actor) == "person"
                and (side is None or not self._serves_others(m.actor, side))
            ]
            if cands:  # the subject, else the first named ("chaired by X, an envoy of Y")
                subj = [m for m in cands if self._is_subject(m)]
                m = subj[-1] if subj else cands[-1 if kk == k else 0]
                return Resolved(m.actor, via="role")  # type: ignore[arg-type]
        return None

    def _serves_others(self, person: str, side: str) -> bool:
        """Whether the person is known, here or in the dictionary on the date, to speak for
        someone and never for ``side``. An envoy's office is no side of theirs: "the Swiss
        diplomat" may still be the UN's personal envoy named before (issue 17t)."""
        ctx = self.ctx
        known = {
            tgt
            for (src, tgt), sf in ctx.speaks.items()
            if src == person and sf.title.lower().split()[-1:] != ["envoy"]
        }
        known |= {r.of for r in ctx.roles_now(person)}
        return bool(known) and side not in known

    def _is_subject(self, m: Mention) -> bool:
        return self._subject_root(m).dep_ in ("nsubj", "nsubjpass")

    def _subject_root(self, m: Mention) -> Token:
        root = span_root(self.ctx.doc, m.start, m.end)
        while root.dep_ in ("compound", "appos") and root.head.i != root.i:
            root = root.head
        return root

    def _heads_sentence(self, m: Mention) -> bool:
        """Whether a subject mention is the subject of its sentence's main verb (or of a verb
        joined to it by "and"), not of a clause under it."""
        v = self._subject_root(m).head
        while v.dep_ == "conj" and v.head.i != v.i:
            v = v.head
        return v.dep_ == "ROOT" or v.head.i == v.i

    def _in_adjunct_clause(self, m: Mention) -> bool:
        """Whether a subject mention is the subject of an adverbial or relative clause, or of a
        clause under one ("Asked whether Hale could walk out, ...", "Although Hale had left,
        ...", "When Hale arrived, ..."), not of the sentence's own clauses."""
        v = self._subject_root(m).head
        for _ in range(12):
            if v.dep_ in ("advcl", "relcl", "acl", "csubj", "pcomp"):
                return True
            if v.head.i == v.i:
                return False
            v = v.head
        return False


#: verbs whose object is the one told: "told Reuters that the group ..."
TELLING = frozenset({"tell", "inform", "assure", "brief", "notify", "advise"})

#: participles that make the name before them a place: "the Geneva-based organisation"
PLACED = frozenset({"based", "headquartered", "born", "bred", "raised"})


def _venue(ctx: DocContext, mm: Mention) -> bool:
    """A capital named before the talks held there ("the Nairobi talks", "the Doha
    process", `speech.process_heads`): a venue."""
    root = ctx.doc[mm.start : mm.end].root
    head = root.head
    heads = ctx.lex.process_heads
    return root.dep_ in ("compound", "nmod", "amod") and (
        head.lower_ in heads or head.lemma_.lower() in heads
    )


def _one_person(ctx: DocContext, subject: Token, found: list[Resolved]) -> bool:
    """Whether a subject is one person ("The PM", "Modi"): no plural, no conjunct."""
    return (
        len(found) == 1
        and ctx.type_of(found[0].actor) == "person"
        and found[0].via != "organ"  # "the Clinton campaign ... they": the campaign
        and subject.tag_ not in ("NNS", "NNPS")
        and not any(c.dep_ == "conj" for c in subject.children)
    )


def _crowd(t: Token, groups: frozenset[str]) -> bool:
    """A noun of people who live somewhere ("a resident", "villagers", "refugees")."""
    low = t.lemma_.lower()
    return low in groups or f"{low}s" in groups or low in ("citizen", "native", "villager")


def _gender(pronoun: str) -> str:
    return "f" if pronoun in ("she", "her", "hers", "herself") else "m"


def main_clause(v: Token) -> bool:
    """Whether a verb heads the sentence or a clause joined to it (not a subordinate one)."""
    for _ in range(6):
        if v.dep_ == "ROOT" or v.head.i == v.i:
            return True
        if v.dep_ not in ("conj", "ccomp"):
            return False
        v = v.head
    return False


def finite_on_subject(v: Token) -> bool:
    """A sentence's finite verb the parser hung on its subject as a modifier: "Moldova's chief
    negotiator, Vasilii Sova, accused Tiraspol of ..." (the noun is the root, the verb its
    ``acl`` in the past tense)."""
    head = v.head
    if head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") or head.i > v.i:
        return False
    if v.dep_ == "acl" and v.tag_ == "VBD":
        return True
    # "Washington, while formally shunning Hamas, has called on it to ...": a finite verb
    # with its auxiliary the parser hung on the name as an adverbial clause (issue-22D)
    return v.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP", "VBD", "MD") for c in v.children
    )


#: entity labels of names: a word NER takes for one is no common word where it stands
NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def _proper(t: Token, dictionary: ActorDictionary | None = None) -> bool:
    """A proper noun by more than its capital: an English common word first in a sentence or
    a line ("Terror group says ...", "Rebel group vows ...") is none, unless NER or the
    dictionary knows it as a name (the lemmatizer's tables hold "israel", "taliban",
    "paris": "Taliban group says ..." is a name); "Ibo traditional elders" is."""
    if t.pos_ != "PROPN":
        return False
    doc = t.doc
    first = t.is_sent_start or t.i == 0 or doc[t.i - 1].is_space or doc[t.i - 1].is_punct
    if not (first and is_common(doc.vocab, t.lower_)):
        return True
    if t.ent_type_ in NAME_ENTS:
        return True
    return dictionary is not None and any(
        f(t.text) is not None
        for f in (dictionary.lookup, dictionary.lookup_metonym, dictionary.lookup_demonym)
    )


def _bare_the(t: Token) -> bool:
    """Whether a noun has "the" and nothing else before it ("the army", not "an army")."""
    return [c.lower_ for c in t.lefts if c.dep_ != "punct"] == ["the"]


def _expletive(t: Token) -> bool:
    """The "it" of a small clause ("Hamas has made it clear that it will not ..."): no
    antecedent for a later pronoun (issue 16r)."""
    return t.lower_ == "it" and t.head.pos_ == "ADJ" and t.head.dep_ in ("ccomp", "oprd")


#: marks of a clause put before its main clause whose subject a pronoun there points back to
_LEADING_MARKS = frozenset({"while", "although", "though", "whereas", "after", "once", "since"})


def _leading_subject(t: Token) -> Token | None:
    """The subject of a clause put before the pronoun subject ``t``'s own ("while the Afghan
    side agreed verbally, they refused to ..."): the antecedent the main-clause subjects miss
    (issue 16r)."""
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for c in t.head.children:
        if (
            c.dep_ == "advcl"
            and c.i < t.i
            and any(g.dep_ == "mark" and g.lower_ in _LEADING_MARKS for g in c.children)
        ):
            return next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
    return None


#: finite verb tags: the past, the present of the third person singular and the rest
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def sayers_tense(v: Token, clause: Token, speech_verbs: frozenset[str]) -> bool:
    """ "Netanyahu asserted that Lapid lacks the right to sign it and vowed to renounce it",
    "Peru says Chile was wrong to sign and demands a new vote": a verb conjoined to a reported
    clause in a tense other than the clause's and the same as the verb of saying above it is
    the sayer's next act, which the parser hung on the clause (issue 23S). Not when the tenses
    agree ("said that Chile lacks the right and wants to ...": Chile's)."""
    say = clause.head
    if clause.dep_ != "ccomp" or say.lemma_.lower() not in speech_verbs:
        return False
    tense, said = _tense(v), _tense(say)
    return tense is not None and tense == said and _tense(clause) not in (None, tense)


def _tense(v: Token) -> str | None:
    """The finite tag of a verb or of its first auxiliary ("is stalling": VBZ)."""
    if v.tag_ in _FINITE:
        return v.tag_
    aux = next((c for c in v.children if c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE), None)
    return aux.tag_ if aux is not None else None
