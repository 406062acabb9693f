"""What a demand or a rejection is about: an actor, or a topic built from a phrase.

The target is an actor when the object is one, else a topic built from the object phrase
(head, modifiers, first prepositional object), or from the demanded action ("release 40
hostages"). Cue verbs declare in the lexicon what they need around them (``needs``) and, for
some, where their target is (``target``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.topic_spans import (
    RELATIVE_WORDS,
    abstract_head,
    bare,
    clause_content,
    contentless_act,
    hung_relative,
)
from actorgraph.ingest.extract.topics import RIGHT_NOUNS, Topic, stray_noun

if TYPE_CHECKING:
    from collections.abc import Sequence

    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.lexicon import Frame, Lexicon
    from actorgraph.ingest.extract.mentions import Mention
    from spacy.tokens import Token


#: verbs whose subject is a list of demands and whose object its items ("its demands include")
LIST_VERBS = frozenset({"include", "comprise", "be", "remain"})

#: verbs whose subject is a list of demands and whose prepositional object its items ("its
#: demands centre on A and B", "focus on", "revolve around"), even where the parser read the
#: verb as a noun
FOCUS_VERBS = frozenset({"centre", "center", "focus", "revolve", "rest", "hinge", "concentrate"})

#: nouns that hold a list of demands ("a list of demands including A and B")
LIST_HOLDERS = frozenset({"list", "set", "series", "catalogue", "catalog", "raft", "slate"})

#: "one of its demands is X", "another of its conditions is X"
PARTITIVES = frozenset({"one", "another", "first", "chief", "foremost", "top", "main", "key"})

#: what makes a noun a phrase of its own ("an exchange", "full reopening", "a review of X")
ITEM_MODS = frozenset({"det", "amod", "poss", "compound", "prep", "nummod", "nmod"})

#: where the noun a possessive pronoun points back to stands ("the return of prisoners")
ANTECEDENT_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr", "conj", "appos"})


#: verbs that pass a demand on down a chain ("urged Qatar to lean on Hamas to accept X",
#: "asked Egypt to persuade Hamas to release them"): the demand is what the chain ends in
CHAIN_VERBS = frozenset({"lean", "persuade", "convince", "induce", "prevail", "prod", "nudge"})
#: verbs whose object is the one asked, never part of what is asked ("urged the US government
#: to lift the sanctions": "lift the sanctions"), unlike "allow the pipeline to cross"
ADDRESSING_VERBS = frozenset(
    {"urge", "press", "ask", "call", "tell", "order", "appeal", "implore", "pressure", "push",
     "encourage", "beg", "exhort", "instruct", "invite", "request", "demand", "challenge"}
)  # fmt: skip

#: words that coordinate a phrase with one that is not meant ("rather than", "instead of")
CONTRASTS = frozenset({"rather", "instead", "not", "nor", "unlike", "than"})


#: nouns named by their "that" clause ("a suggestion that the talks address X": the talks
#: addressing X), besides the claim and request classes of the lexicon
CONTENT_NOUNS = frozenset(
    {"suggestion", "idea", "notion", "proposition", "condition", "requirement", "insistence"}
)


class Targets:
    """Targets of stance cues in one document."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx

    def np(self, head: Token, keep_no: bool = True) -> Topic | str | None:
        """The target a phrase names; without ``keep_no``, without its "no" ("would respect
        no ceasefire made without it": the ceasefire is what is rejected)."""
        ctx = self.ctx
        m = ctx.men[head.i]
        if m is not None and m.actor and m.salient:
            return m.actor
        if not keep_no:
            no = no_det(head)
            if no is not None and not any(_relative(c) for c in head.children):
                toks = [t for t in ctx.topics.np_tokens(head) if t.i != no.i]
                return ctx.topics.from_tokens(toks)
        lemma = head.lemma_.lower()
        lex = ctx.lex
        abstract = abstract_head(head, lex)
        if abstract and head.dep_ == "appos" and head.head.pos_ in ("NOUN", "PROPN"):
            named = head.head  # "a corridor ..., an idea Yerevan rejected"
            while (m := ctx.men[named.i]) is not None and m.actor and named.dep_ == "pobj":
                named = named.head.head  # "a customs union with X, an idea Y rejected"
            return self.np(named, keep_no) if named.pos_ in ("NOUN", "PROPN") else None
        if (
            lemma in lex.proposal_heads
            or lemma in lex.party_nouns
            or lemma in lex.shell_nouns
            or abstract
        ):
            content = next(
                (c for c in head.children if _relative(c) and not self._stance_clause(c)), None
            )
            if content is not None:  # "a deal that guarantees the reconstruction of Gaza"
                rel = [g for g in content.children if g.dep_ == "nsubj"]
                toks = ctx.topics.np_tokens(head) + rel + ctx.topics.vp_tokens(content)
                have = {t.i for t in toks}
                # the rest of the clause: "that would let the rebels keep X", "in which the
                # Houthis control oil revenues" (a clause the parser made a noun phrase)
                toks += [t for t in clause_content(content) if t.i not in have]
                if not keep_no:
                    toks = [t for t in toks if not (t.dep_ == "det" and t.lower_ == "no")]
                return ctx.topics.from_tokens(toks + self._relative_rest(content, toks))
        if abstract and bare(head, lex):
            return self._pointed(head)
        if head.dep_ == "appos" and lemma in lex.demand_anaphors:  # "X, a demand (that) ..."
            return self.np(head.head)
        claimed = self.claimed_back(head)
        if claimed is not None:  # "Russia demanded X. The claims were rejected by Kyiv"
            return claimed
        if lemma in ctx.lex.demand_nouns | {"demand"}:
            inner = self.clause_of_noun(head)
            if inner is not None:
                return ctx.topics.from_vp(inner)
            for c in demand_preps(head):  # "its demand for a permanent ceasefire"
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    return ctx.topics.from_vp(obj) if obj.pos_ == "VERB" else self.np(obj)
        if lemma not in lex.proposal_heads and (
            lemma in CONTENT_NOUNS
            or lemma in lex.object_classes.get("claim", ())
            or lemma in lex.object_classes.get("request", ())
        ):
            inner = self.clause_of_noun(head)
            mark = (
                next((g for g in inner.children if g.dep_ == "mark" and g.lower_ == "that"), None)
                if inner is not None
                else None
            )
            if inner is not None and mark is not None:
                # "a U.S. suggestion that the talks address the missile programme": the noun
                # with its content
                subj = next((g for g in inner.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                toks = [*ctx.topics.np_tokens(head), mark]
                if subj is not None and subj.pos_ != "PRON":
                    toks += ctx.topics.np_tokens(subj, 1)
                return ctx.topics.from_tokens(toks + ctx.topics.vp_tokens(inner))
        ante = self._patient_antecedent(head)
        if ante is not None:  # "their release": of the prisoners named before
            return ctx.topics.act_on_antecedent(head, ante)
        return ctx.topics.from_np(head)

    def _patient_antecedent(self, head: Token) -> Token | None:
        """What the possessive pronoun of an act noun that says nothing else points back to
        ("... the return of Armenian prisoners still held in Azerbaijan. Their release remains
        one of Yerevan's demands": the prisoners): the last noun before it, in its sentence or
        the one before, that agrees in number ("their": a plural, "its": a singular) and is no
        actor. Nothing where an actor of that number comes first ("its withdrawal" after
        "Israel")."""
        ctx = self.ctx
        if head.pos_ != "NOUN" or head.lemma_.lower() not in ctx.lex.patient_nouns:
            return None
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if poss is None or poss.lower_ not in ("their", "its"):
            return None
        if any(c.dep_ not in ("poss", "amod", "det", "punct") for c in head.children):
            return None  # "their release from prison": the phrase says enough
        k = ctx.sent_of[poss.i]
        start = ctx.sents[max(0, k - 1)].start
        plural = poss.lower_ == "their"
        for t in reversed(poss.doc[start : poss.i]):
            if t.pos_ == "PRON":
                continue
            if (m := ctx.men[t.i]) is not None and m.actor:
                if (t.tag_ in ("NNS", "NNPS")) == plural:
                    return None  # an actor of the same number is the likelier one
                continue
            if t.pos_ != "NOUN" or t.dep_ not in ANTECEDENT_DEPS:
                continue
            if (t.tag_ == "NNS") != plural:
                continue
            if t.lemma_.lower() in ctx.lex.patient_nouns or t.i == head.i:
                continue
            return t
        return None

    def said_to_be(self, head: Token) -> Token | None:
        """What an abstract head is said to be by a copula ("a federation is an idea Ankara
        rejects", "the proposal was one the movement will not accept"): the copula's subject,
        a noun phrase that is no actor."""
        if head.dep_ != "attr" or not abstract_head(head, self.ctx.lex):
            return None
        subj = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ not in ("NOUN", "PROPN") or self.ctx.men[subj.i] is not None:
            return None
        return subj

    def _pointed(self, head: Token) -> Topic | None:
        """What a bare abstract head points back to ("The opposition wants X. Rodríguez
        brushed the idea aside", "Thailand rejects that route"): the demand found in this or
        the two sentences before; "one" and anything farther say nothing."""
        if head.pos_ != "NOUN":
            return None
        pointing = any(c.dep_ == "det" and c.lower_ in POINTING for c in head.children)
        if not pointing and head.lemma_.lower() not in PROPOSED_HEADS:
            return None  # "the whole exercise", "the situation": no proposal pointed at
        return self.ctx.topics.recent_demand(self.ctx.sent_of[head.i])

    def _stance_clause(self, rel: Token) -> bool:
        """A relative clause that takes a stance on its head ("an offer, which was rejected as
        too low by X", "a plan that Hamas demanded"): what is said of the head, not what it
        holds (issue 14r)."""
        lex = self.ctx.lex
        low = rel.lemma_.lower()
        return low in lex.reject_verbs or low in lex.demand_verbs

    def proposed_antecedent(self, head: Token) -> Token:
        """What a relative clause after "a proposal of X, which ..." is about: the proposal
        the parser hung X on ("an offer of two ports, which was rejected": the offer), else
        the noun it hangs on (issue 14r)."""
        proposals = self.ctx.lex.object_classes.get("proposal", frozenset())
        up = head
        while up.dep_ == "pobj" and up.head.lower_ in ("of", "for") and up.head.head.i != up.i:
            up = up.head.head
            if up.lemma_.lower() in proposals:
                return up
        return head

    def claimed_back(self, head: Token) -> Topic | None:
        """What a bare claim noun points back to ("Russia demanded the four regions. The
        claims have been rejected by Kyiv", "these claims"): the demand found in its sentence
        or the two before, unless an accusation comes between ("accused X of stalling": the
        claims are said of X). A claim with its own content ("claims that ...", "claims of
        ...") or no demand near is no demand (issue 14r)."""
        ctx = self.ctx
        if head.pos_ != "NOUN" or head.lower_ not in ctx.lex.claim_anaphors:
            return None
        last = ctx.topics.recent_demand(ctx.sent_of[head.i]) if _bare_pointer(head) else None
        at = ctx.topics.last_demand_sent
        if last is None or at is None:
            return None
        between = range(ctx.sents[at].start, head.i)
        doc = head.doc
        if any(doc[i].lemma_.lower() in ctx.lex.accusing for i in between):
            return None
        return last

    def _relative_rest(self, content: Token, toks: list[Token]) -> list[Token]:
        """What the content of an arrangement says past its verb: "in which the revenues are
        controlled by X" (by X), "in which revenues would flow through La Paz" (through La
        Paz); not the relative word's own preposition ("in which")."""
        have = {t.i for t in toks}
        out: list[Token] = []
        for c in content.children:
            if c.i in have or c.dep_ not in ("agent", "prep") or c.i < content.i:
                continue
            obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if obj is None or obj.lower_ in RELATIVE_WORDS:
                continue
            out += [c, *self.ctx.topics.np_tokens(obj, 1)]
            break
        return out

    def deal_target(self, clause: Token, obj: Token) -> list[Topic | str]:
        """What a deal must be or have: "no deal is possible without X" (X); an adjective goes
        with the deal ("any truce must be temporary": a temporary truce)."""
        ctx = self.ctx
        deal = self.deal_subject(clause)
        without = next(
            (
                g
                for c in (*clause.children, *obj.children)
                if c.dep_ == "prep" and c.lower_ == "without"
                for g in c.children
                if g.dep_ in ("pobj", "pcomp")
            ),
            None,
        )
        if deal is not None and obj.lemma_.lower() in ("basis", "foundation"):
            return self.nps(deal)  # "its autonomy plan is the only basis for negotiations"
        if without is not None:  # "no deal is possible without elected governors"
            if without.pos_ == "VERB":
                return _one(ctx.topics.from_vp(without))
            return self.nps(without)
        if obj.pos_ == "ADJ" and deal is not None:
            return _one(ctx.topics.from_tokens([obj, deal]))
        if obj.dep_ == "dobj" and clause.lemma_.lower() not in HOLDING_VERBS:
            # "any deal must concentrate the fighters in zones": the act, not its object
            return _one(ctx.topics.from_vp(clause))
        return self.nps(obj)

    @staticmethod
    def deal_object(clause: Token) -> Token | None:
        """What a deal clause says the deal is or holds: its object or complement, or what
        it must "come with" ("any deal must come with guarantees")."""
        obj = next((c for c in clause.children if c.dep_ in ("attr", "dobj", "acomp")), None)
        if obj is None and clause.lemma_.lower() in WITH_VERBS:
            prep = next(
                (c for c in clause.children if c.dep_ == "prep" and c.lower_ == "with"), None
            )
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
        return obj

    def clause_of_noun(self, noun: Token) -> Token | None:
        """The content clause of a noun: "a request to release them", "the demand that Hamas
        provide a list" (not a participle: "the ultimatum, which …, expired")."""
        for c in noun.children:
            if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX"):
                marked = any(
                    (g.dep_ == "mark" and g.lower_ == "that")
                    or (g.dep_ == "aux" and g.lower_ == "to")
                    for g in c.children
                )
                if marked or (c.dep_ == "ccomp") or _content_that(c):
                    return c
        return None

    def frame_ok(self, v: Token, frame: Frame) -> bool:
        ctx = self.ctx
        for req in frame.requires:
            kind, _, word = req.partition(":")
            if kind == "aux" and not any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in (word, "'d") for c in v.children
            ):
                return False
            if kind == "bare" and any(c.dep_ == "dobj" for c in v.children):
                return False  # "held out for X", not "held out hope for X"
            if kind == "prt" and not any(  # "held out for X", not "held talks for a week"
                c.dep_ in ("prt", "advmod") and c.lower_ == word for c in v.children
            ):
                return False
        if not frame.needs:
            return (
                any(
                    c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "dative", "nsubjpass")
                    for c in v.children
                )
                or v.dep_ == "acl"
            )
        obj_preps = [
            x for c in v.children if c.dep_ == "dobj" for x in c.subtree if x.dep_ == "prep"
        ]
        for need in frame.needs:
            kind, _, word = need.partition(":")
            if kind == "prep" and any(p.lower_ == word for p in obj_preps):
                return True  # "conditioned any return to the talks on ...": hung on the object
            for c in v.children:
                if _aside(c):
                    continue  # "Baku, for its part, is pressing Yerevan to ..."
                if kind == "prep" and c.dep_ in ("prep", "prt") and c.lower_ == word:
                    return True
                if kind == "prep" and _for_clause(c, word):  # "called for Iran to dismantle X"
                    return True
                if kind == "prt" and c.dep_ in ("prt", "prep", "advmod") and c.lower_ == word:
                    return True
                if kind in ("dobj", "xcomp", "ccomp") and c.dep_ == kind:
                    return True
                if kind == "xcomp" and self.to_clause(v, c):
                    return True
                if (
                    kind == "dobj_class"
                    and c.dep_ in ("dobj", "nsubjpass")
                    and c.lemma_.lower() in ctx.lex.object_classes.get(word, ())
                ):
                    return True
                if kind == "ccomp_modal" and c.dep_ == "ccomp" and ctx.has_modal(c):
                    return True
                if kind == "ccomp_deal" and c.dep_ == "ccomp" and self.deal_subject(c):
                    return True
                if kind == "ccomp_subjunctive" and c.dep_ == "ccomp" and self.subjunctive(c):
                    return True
                if kind == "dobj_xcomp" and self.actor_to_act(v) is not None:
                    return True
                if kind == "xcomp_class" and c.dep_ == "xcomp" and _pursues(c, word, ctx.lex):
                    return True  # "seeks to secure a ceasefire", not "seeks to topple X"
                if kind == "xcomp_see" and c.dep_ == "xcomp" and self.seen(c) is not None:
                    return True  # "wants to see a full withdrawal" (issue-20D)
            if (
                kind == "dobj_class"
                and v.dep_ == "acl"
                and v.head.lemma_.lower() in ctx.lex.object_classes.get(word, ())
            ):
                return True
        return False

    def frame_target(self, v: Token, frame: Frame) -> list[Topic | str]:
        """The target where the lexicon says it is ("conditioned X on Y": Y; "asked X for
        Y": Y), on the verb or, where the parser hung it there, on its object ("conditioned
        any return to the talks on the lifting of sanctions")."""
        ctx = self.ctx
        objs = [c for c in v.children if c.dep_ == "dobj"]
        for spec in frame.target:
            kind, _, word = spec.partition(":")
            for c in [*v.children, *(x for o in objs for x in o.subtree if x.dep_ == "prep")]:
                if kind == "prep" and c.dep_ == "prep" and c.lower_ == word and not _aside(c):
                    found: list[Topic | str] = []
                    also = [  # "for calm in Gaza and for a ceasefire", the second "for"
                        x  # conjoined to "in"
                        for d in v.children
                        if d.dep_ == "prep"
                        for x in d.conjuncts
                        if x.lower_ == word and x.i > c.i
                    ]
                    for p in dict.fromkeys([c, *also]):
                        # "appealed for calm and for a ceasefire": each "for"
                        obj = next((g for g in p.children if g.dep_ in ("pobj", "pcomp")), None)
                        if obj is None or obj.ent_type_ in ("DATE", "TIME"):
                            continue  # "negotiated for weeks": how long, not what for
                        if obj.pos_ == "VERB":
                            found += _one(ctx.topics.from_vp(obj))
                        elif (right := self._right_to(v, obj)) is not None:
                            found.append(right)
                        else:
                            found += self.nps(obj)
                    if found:
                        return found
        return []

    def _right_to(self, v: Token, obj: Token) -> Topic | None:
        """ "insists on the right of the Sahrawi people to self-determination" with "to …"
        hung on the verb: the right with what it is a right to."""
        if obj.lemma_.lower() not in RIGHT_NOUNS or any(x.lower_ == "to" for x in obj.subtree):
            return None
        to = next(
            (c for c in v.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > obj.i), None
        )
        pobj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
        if to is None or pobj is None:
            return None
        topics = self.ctx.topics
        return topics.from_tokens([*topics.np_tokens(obj), to, *topics.np_tokens(pobj)])

    def seen(self, xcomp: Token) -> Token | None:
        """ "wants to see a complete withdrawal": the thing an infinitive of seeing names as
        wanted (issue-20D), not an actor ("wants to see Putin"), a pronoun ("to see it"),
        a clause ("to see how the talks go"), what is to be read ("to see the text";
        ``object_classes.text``) nor a thing that is no act or outcome ("to see more rain":
        ``Lexicon.act_noun``, issue-20mS)."""
        if xcomp.lemma_.lower() != "see" or any(c.dep_ == "ccomp" for c in xcomp.children):
            return None
        obj = next((c for c in xcomp.children if c.dep_ == "dobj"), None)
        if obj is None or obj.pos_ in ("PRON", "PROPN") or self.ctx.men[obj.i] is not None:
            return None
        lex, low = self.ctx.lex, obj.lemma_.lower()
        if low in lex.object_classes.get("text", ()):
            return None
        return obj if lex.act_noun(low, "outcome", "arrangement") else None

    def to_clause(self, v: Token, c: Token) -> bool:
        """ "pressed both sides to show flexibility" with the infinitive parsed as an adverbial
        clause after the object: an infinitive complement all the same."""
        return (
            c.dep_ == "advcl"
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            and any(
                o.i < c.i and (o.dep_ == "dobj" or (o.dep_ == "prep" and o.lower_ == "with"))
                for o in v.children
            )  # "pleaded with Washington to send X" (issue-20D)
            and not any(g.dep_ in ("mark", "nsubj") for g in c.children)
        )

    def subjunctive(self, clause: Token) -> bool:
        """A mandative clause: "(insisted) that the army be allowed", "that Israel withdraw"
        (a subject and a verb in the base form, no modal)."""
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return False
        if any(c.dep_ == "aux" for c in clause.children):
            return False
        if clause.lemma_.lower() == "be" and clause.lower_ != "be":
            return False  # "insisted that both parties are now closer": a finite "be" is an
            # indicative whatever the tense above it, a claim, not a demand (issue-24D)
        if clause.tag_ == "VB":
            return True
        if clause.tag_ == "VBP" and subj.tag_ in ("NN", "NNP"):  # "that Washington lift"
            return True
        if clause.tag_ == "VBP" and clause.head.tag_ in ("VBD", "VBN") and clause.dep_ == "ccomp":
            # "insisted that all forces withdraw": a present tense under a past verb of
            # demanding breaks the sequence of tenses, so the verb is the base form
            return True
        return any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in clause.children)

    def actor_to_act(self, v: Token) -> Token | None:
        """ "wants Sweden to expel the militants": the clause Sweden is to carry out (its
        subject or object is not the wanter)."""
        for c in v.children:
            if c.dep_ in ("ccomp", "xcomp") and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children
            ):
                if c.dep_ == "ccomp" and any(g.dep_ == "nsubj" for g in c.children):
                    return c
                if c.dep_ == "xcomp" and any(g.dep_ == "dobj" and g.i < c.i for g in v.children):
                    return c
        return None

    def deal_subject(self, clause: Token) -> Token | None:
        """The subject of a clause about a deal: "any deal must include ...", "any truce must
        be temporary"."""
        lex = self.ctx.lex
        for c in clause.children:
            lemma = c.lemma_.lower()
            if c.dep_ in ("nsubj", "nsubjpass") and (
                lemma in lex.proposal_heads or lemma in lex.party_nouns
            ):
                return c
        return None

    def nps(self, head: Token) -> list[Topic | str]:
        """A phrase and its conjuncts as targets, one each ("a ceasefire, a withdrawal and
        the return of the displaced")."""
        out: list[Topic | str] = []
        doc = head.doc
        conj = [
            c
            for c in head.conjuncts
            if c.i > head.i
            and c.pos_ != "VERB"
            and not _remark(c)
            # "a permanent cease-fire rather than a cessation": not the second one
            and not any(doc[j].lower_ in CONTRASTS for j in range(head.i + 1, c.i))
        ]
        if head.pos_ == "VERB" and head.dep_ in ("xcomp", "advcl"):
            # an act as an item: "its priority was to preserve X", "is for Russia to withdraw"
            return _one(self.ctx.topics.from_vp(head))
        items = self.list_items(head)
        if items:  # "its conditions, including A and B": the items
            return [x for item in items for x in self.nps(item)]
        conj += [c for c in _hung_list(head) if c not in conj]
        for t in (head, *conj):
            x = self.np(t)
            if x is not None and x not in out:
                out.append(x)
        return self._conjoined_acts(head, out)

    def _conjoined_acts(self, head: Token, out: list[Topic | str]) -> list[Topic | str]:
        """ "calls to send its uranium abroad or discuss its missiles": a call's clause and
        the acts conjoined to it, one target each (issue 17r)."""
        lemma = head.lemma_.lower()
        if lemma not in self.ctx.lex.demand_nouns or len(out) != 1:
            return out
        inner = self.clause_of_noun(head)
        if inner is None or not any(c.dep_ == "conj" for c in inner.children):
            return out
        return self.and_conjoined(out, inner)

    def list_items(self, n: Token) -> list[Token]:
        """The items of a list of demands: "its demands, which include A, B and C", "its
        conditions, including A and B", "the demands, a ceasefire and a withdrawal"."""
        lex = self.ctx.lex
        if n.lemma_.lower() not in lex.demand_list_nouns and n.lower_ not in lex.demand_list_nouns:
            return []
        items: list[Token] = []
        for c in n.children:
            if c.dep_ == "relcl" and c.lemma_.lower() in ("include", "be", "comprise"):
                obj = next((g for g in c.children if g.dep_ in ("dobj", "attr")), None)
                if obj is not None:
                    items.append(obj)
            elif c.dep_ == "prep" and c.lower_ in INCLUDING:
                items += _including(n, c)
            elif (
                c.dep_ == "appos"
                and c.i > n.i
                and not _comment(c)
                # not "called Israel's demand a red line" (issue-15d)
                and not (n.dep_ in ("dobj", "oprd") and gives_name(n.head, self.ctx.men))
            ):
                items.append(c)
        colon = self._colon_items(n)
        if colon:  # "tabled three demands: A, B and C" (however the parser hung them)
            return colon
        head = n.head
        items += self._partitive_items(n)  # "among its demands are A and B"
        if n.dep_ == "attr" and n.lemma_.lower() not in lex.condition_nouns:
            items += self._predicate_items(n)  # "a neutral venue is the group's demand"
        # issue-20D: "including" hung on the object of the list noun's "for" ("set conditions
        # for a treaty, including A") or on the list that holds it ("a list of demands,
        # including A")
        items += [
            x
            for c in n.children
            if c.dep_ == "prep" and c.lower_ == "for"
            for g in c.children
            if g.dep_ == "pobj"
            for x in _including(g)
        ]
        if n.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in LIST_HOLDERS:
            n, head = head.head, head.head.head  # "its list of demands includes A and B"
            items += _including(n)
        dep = n.dep_
        if dep == "appos" and head.dep_ == "nsubj" and n.right_edge.i + 1 == head.head.i:
            # "According to X, Viktor Orlansky, Moscow's terms include A": the parser made the
            # list noun right before the verb an apposition to the name before it
            dep, head = "nsubj", head.head
        if dep == "nsubj" and head.lemma_.lower() not in LIST_VERBS:
            # "the EMC's demands, read out by its negotiator, include A": the parser made the
            # participle the verb and the real one its conjunct
            head = next(
                (
                    c
                    for c in head.children
                    if c.dep_ == "conj"
                    and c.lemma_.lower() in LIST_VERBS
                    and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                ),
                head,
            )
        if dep in ("nsubj", "compound") and head.lemma_.lower() in FOCUS_VERBS:
            items.extend(_focus_items(head))
        if dep == "nsubj" and head.lemma_.lower() in LIST_VERBS:
            # "the government's demands include A and B", "its conditions are A and B"
            obj = next((g for g in head.children if g.dep_ in ("dobj", "attr")), None)
            if obj is None and head.lemma_.lower() == "be":
                # "its priority was to preserve the state institutions": the act
                obj = next(
                    (
                        g
                        for g in head.children
                        if g.dep_ == "xcomp"
                        and g.pos_ == "VERB"
                        and any(x.dep_ == "aux" and x.lower_ == "to" for x in g.children)
                    ),
                    None,
                ) or _for_item(head)
            if obj is not None and not self.ctx.negated(head):
                items.extend(_spread(obj) if obj.pos_ != "VERB" else [obj])
        return items

    def _partitive_items(self, n: Token) -> list[Token]:
        """ "Among its demands are A and B", "one of its demands is A": the phrase the
        copula gives as the item (the one that is not the "among" phrase)."""
        prep = n.head
        if n.dep_ != "pobj" or prep.dep_ != "prep":
            return []
        cop: Token | None = None
        if prep.lower_ == "among":
            cop = prep.head
        elif prep.lower_ == "of" and prep.head.lower_ in PARTITIVES:
            if prep.head.dep_ == "nsubj":
                cop = prep.head.head
            elif prep.head.dep_ == "attr":  # "their release remains one of Yerevan's demands"
                return self._predicate_items(prep.head)
        if cop is None or cop.lemma_.lower() not in ("be", "include") or self.ctx.negated(cop):
            return []
        item = next((c for c in cop.children if c.dep_ in ("attr", "dobj")), None)
        if item is None and prep.lower_ == "among":  # "among its demands, a ceasefire is first"
            item = next((c for c in cop.children if c.dep_ == "nsubj"), None)
        return [item] if item is not None else []

    def _predicate_items(self, pred: Token) -> list[Token]:
        """ "The release of the prisoners remains one of Yerevan's demands", "a neutral
        venue is the group's chief demand": the predicate of a copula names its subject as
        the item (a thing, not an actor nor a pronoun; nothing where it is negated)."""
        cop = pred.head
        if pred.dep_ != "attr" or cop.lemma_.lower() not in self.ctx.lex.predicate_copulas:
            return []
        if self.ctx.negated(cop) or self.ctx.irrealis(cop):
            return []
        subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ not in ("NOUN", "PROPN") or self.ctx.men[subj.i] is not None:
            return []
        return [subj]

    def _colon_items(self, n: Token) -> list[Token]:
        """The items after a colon that follows a list noun: one head per stretch between
        commas (and "and"/"or"), the word of the stretch whose head lies outside it."""
        doc = n.doc
        i = n.i + 1
        if i >= len(doc) or doc[i].text != ":":
            return []
        end = n.sent.end
        items: list[Token] = []
        seg: list[Token] = []
        for t in [*doc[i + 1 : end], None]:
            if t is None or t.text in (",", ";", ".") or (t.dep_ == "cc" and not seg):
                if seg:
                    idx = {x.i for x in seg}
                    root = next((x for x in seg if x.head.i not in idx or x.head is x), None)
                    if root is not None and root.pos_ in ("NOUN", "PROPN", "VERB"):
                        items.append(root)
                seg = []
                continue
            if t.dep_ == "cc" and t.lower_ in ("and", "or") and not seg:
                continue
            seg.append(t)
        return items

    def of_verb(self, v: Token, allow_actor: bool = True) -> list[Topic | str]:
        """What a demand or rejection is about: its clause, object or prepositional object
        (with the conjuncts of an object: one target each)."""
        ctx = self.ctx
        lex = ctx.lex
        kids = list(v.children)
        xcomp = next((c for c in kids if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        dobj = next((c for c in kids if c.dep_ in ("dobj", "dative")), None)
        if xcomp is None and dobj is None:  # "ruled out sending troops"
            xcomp = next(
                (
                    c
                    for c in kids
                    if c.dep_ == "advcl"
                    and c.tag_ == "VBG"
                    and c.i > v.i  # not "Speaking to reporters, X called for ..."
                    and c.lemma_.lower() not in lex.speech_verbs
                    and not any(g.dep_ in ("mark", "nsubj") for g in c.children)
                ),
                None,
            )
        ccomp = next(
            (c for c in kids if c.dep_ == "ccomp" and not stray_noun(c) and not hung_relative(c)),
            None,
        ) or _clause_in_aside(v)
        for_clause = next((c for c in kids if _for_clause(c, "for")), None)
        if xcomp is None and dobj is None and for_clause is not None:
            return _one(ctx.topics.from_vp(for_clause))  # "called for Iran to dismantle X"
        if (
            xcomp is None
            and dobj is not None
            and (
                ctx.men[dobj.i] is not None
                or dobj.pos_ == "PRON"
                or dobj.lemma_.lower() in lex.groups
            )
        ):
            xcomp = next(
                (
                    c
                    for c in dobj.children
                    if c.dep_ in ("xcomp", "acl", "relcl")
                    and any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children)
                ),
                None,
            )
        if v.dep_ == "relcl" and any(
            c.tag_ in ("WDT", "WP") and c.dep_ in ("dobj", "nsubjpass")
            for c in [*kids, *(xcomp.children if xcomp is not None else ())]
        ):  # "the plan, which X rejected" / "which X pressed them to accept"
            return _one(self.np(self.proposed_antecedent(v.head)))
        first = v
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.i != v.i and first.dep_ == "relcl" and dobj is None and xcomp is None:
            # "a proposal that had been softened by Egypt and that Israel would not accept"
            return _one(self.np(first.head))
        if xcomp is None and dobj is not None:
            # "press Peru to free the crew" with the infinitive parsed as an adverbial clause
            xcomp = next((c for c in kids if self.to_clause(v, c)), None)
        if xcomp is not None and xcomp.lemma_.lower() in ("see", "have", "get", "let"):
            # "would like to see Hamas disarmed": what is to be seen done
            seen = next((c for c in xcomp.children if c.dep_ in ("ccomp", "xcomp", "oprd")), None)
            if seen is not None:
                who = next((c for c in seen.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                return _one(ctx.topics.from_vp(seen, agent=who))
            thing = self.seen(xcomp)
            if thing is not None:  # "wants to see a full withdrawal" (issue-20D)
                return self.nps(thing)
        chained = lex.demand_verbs.get(xcomp.lemma_.lower()) if xcomp is not None else None
        if xcomp is not None and (
            (chained is not None and self.frame_ok(xcomp, chained))
            or xcomp.lemma_.lower() in CHAIN_VERBS
        ):
            # a pressure chain, "urged A to press B to accept C": what the chain ends in; not
            # a verb of demanding in another sense ("implored X to hold off on the assault":
            # the holding off, not the assault; issue-24R)
            chain = self.of_verb(xcomp, allow_actor=False)
            if chain:
                return chain
        if xcomp is not None:
            # "will not allow the pipeline to cross": the object is who is to act
            agent = dobj if dobj is not None and ctx.men[dobj.i] is None else None
            if v.lemma_.lower() in ADDRESSING_VERBS:
                agent = None  # the one urged is who is asked, not what is asked (issue 12k)
            if agent is None or agent.pos_ == "PRON" or agent.i > xcomp.i:
                agent = None
            # "urged B to seize the moment and agree to a ceasefire": only the ceasefire (a
            # lone act keeps its name: "refused to cooperate")
            more = self.and_conjoined([], xcomp)
            if more and contentless_act(xcomp, lex, alone=True):
                return more
            return self.and_conjoined(_one(ctx.topics.from_vp(xcomp, agent=agent)), xcomp)
        passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        if passive is not None:  # "the plan was rejected by Hamas"
            return self.nps(passive)
        if v.dep_ == "acl" and (v.tag_ == "VBN" or any(c.dep_ == "agent" for c in kids)):
            # "the deal, so far rejected by Hamas", "the offer, turned down by the union"
            return self.nps(v.head)
        if ccomp is not None and any(c.tag_ == "WP" and c.lower_ == "what" for c in ccomp.children):
            # "rejected what it described as new conditions": what it was called
            named = next(
                (
                    g
                    for c in ccomp.children
                    if c.dep_ == "prep" and c.lower_ == "as"
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            ) or next((c for c in ccomp.children if c.dep_ in ("oprd", "attr")), None)
            if named is not None:
                return self.nps(named)
        if ccomp is not None:
            deal = self.deal_subject(ccomp)
            if deal is not None:
                obj = self.deal_object(ccomp)
                if obj is not None:
                    return self.and_conjoined(self.deal_target(ccomp, obj), ccomp)
            return self.and_conjoined(
                _one(ctx.topics.from_vp(ccomp, agent=self._agent(ccomp))), ccomp
            )
        into = next(
            (
                g
                for c in kids
                if c.dep_ == "prep" and c.lower_ == "into"
                for g in c.children
                if g.dep_ == "pcomp" and g.pos_ == "VERB"
            ),
            None,
        )
        if into is not None and dobj is not None:  # "pressure Kosovo Serbs into accepting X"
            return _one(ctx.topics.from_vp(into))
        addressee: Topic | str | None = None
        if dobj is not None:
            found = self.nps(dobj)
            topics: list[Topic | str] = [t for t in found if not isinstance(t, str)]
            if topics:
                return topics
            addressee = found[0] if found else None  # "asked Israel for guarantees"
        for c in kids:
            if _aside(c):
                continue
            if c.dep_ in ("prep", "prt") and c.lower_ in (
                "for",
                "on",
                "upon",
                "to",
                "against",
                "into",
            ):
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is None or obj.ent_type_ in ("DATE", "TIME"):
                    continue
                # "call on X to do Y": the action, not X
                act = next(
                    (
                        g
                        for g in obj.children
                        if g.dep_ in ("xcomp", "acl", "relcl") and g.pos_ == "VERB"
                    ),
                    None,
                ) or next(
                    (
                        g
                        for g in kids
                        if g.dep_ in ("xcomp", "advcl")
                        and g.pos_ == "VERB"
                        and g.i > c.i  # not "Speaking to reporters, X called on Y to ..."
                        and any(x.lower_ == "to" and x.dep_ == "aux" for x in g.children)
                    ),
                    None,
                )
                if act is not None and (
                    ctx.men[obj.i] is not None
                    or (
                        c.lower_ in ("on", "upon")
                        and v.lemma_.lower() in ADDRESSING_VERBS
                        and act.i > obj.i
                        and obj.pos_ in ("NOUN", "PROPN")
                    )
                ):  # "called on the junta to release them": whoever is called on, named or not
                    patient = c.lower_ == "for" and any(g.dep_ == "auxpass" for g in act.children)
                    # "called for Suu Kyi to be released": who is to be released is asked too
                    return _one(ctx.topics.from_vp(act, agent=obj if patient else None))
                if obj.pos_ == "VERB":
                    return _one(ctx.topics.from_vp(obj))
                found = self.nps(obj)
                # "for the disbanding of the militias that protect Tripoli and the departure
                # of X": an item the parser hung inside the one before
                for extra in _spread(obj)[1:]:
                    if ctx.men[extra.i] is None and any(
                        g.dep_ in ("det", "poss") for g in extra.children
                    ):
                        found += [x for x in self.nps(extra) if x not in found]
                # "appealed for restraint and for a settlement": conjoined prepositions (also
                # when the second is conjoined to another preposition: "for calm in Gaza and
                # for a ceasefire", "for a halt to X and for Y")
                later = [x for d in kids if d.dep_ == "prep" and d.i > c.i for x in d.conjuncts]
                later += [x for x in obj.subtree if x.dep_ == "conj" and x.pos_ == "ADP"]
                for cc in dict.fromkeys(
                    [*c.conjuncts, *(x for x in later if x.lower_ == c.lower_)]
                ):
                    o2 = next((g for g in cc.children if g.dep_ == "pobj"), None)
                    if o2 is not None:
                        found += [x for x in self.nps(o2) if x not in found]
                return found
        return _one(addressee) if allow_actor else []

    def _agent(self, clause: Token) -> Token | None:
        """Who is to act in a demanded clause, when the topic should name them ("the
        government pull its troops"); not a pronoun or an actor named by name."""
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and (subj.pos_ == "PRON" or self.ctx.men[subj.i] is not None):
            return None  # "said it would ...": the clause says enough
        return subj

    def and_conjoined(self, found: list[Topic | str], clause: Token) -> list[Topic | str]:
        """One target per conjoined clause: "demanded that the army pull out of the towns and
        disband the militias", "insisted that any deal must X, and that weapons be handed
        over", "urged Peru to free the crew and (to) return the boats"."""
        topics = self.ctx.topics
        for conj in [*clause.conjuncts, *_stray_infinitives(clause), *_stray_that(clause)]:
            if conj.i < clause.i or conj.pos_ not in ("VERB", "AUX"):
                continue
            if any(c.dep_ == "mark" and c.lower_ != "that" for c in conj.children):
                continue  # "... and if the truce holds": no second demand
            if clause.dep_ == "xcomp" and not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in conj.children
            ):
                own = ("dobj", "prep", "xcomp", "ccomp", "attr", "prt")
                if (
                    not found
                    and conj.head.i == clause.i
                    and not any(c.dep_ in own for c in clause.children)
                ):
                    # "refused to sit or meet with Haftar": a bare verb shares what the next
                    # one names (issue 14r); "to seize the moment and agree to X" has its own
                    cc = [c for c in clause.children if c.dep_ == "cc"]
                    shared = topics.from_tokens([clause, *cc, *topics.vp_tokens(conj)])
                    found = _one(shared)
                    continue
                if any(c.dep_ == "advmod" and c.lower_ in RESTATING for c in conj.children):
                    continue  # "pressed X to abandon A and instead rely on B": one demand
            # "to seize X and agree to Y" (a base form the tagger may read as a present)
            bare_act = clause.dep_ == "xcomp" and (
                conj.tag_ == "VB" or (conj.tag_ == "VBP" and subjectless(conj))
            )
            if (conj.lemma_.lower() in self.ctx.lex.speech_verbs and not bare_act) or (
                clause.tag_ == "VB" and conj.tag_ in ("VBD", "VBZ")
            ):
                continue  # "demanded that X step down and said ...": the speaker's next act
            more = topics.from_vp(conj, agent=self._agent(conj))
            if more is not None and more not in found:
                found = [*found, more]
        return found


#: adverbs that make a second act the first one said again ("drop A and instead rely on B")
RESTATING = frozenset({"instead", "rather", "otherwise"})

#: verbs whose "with" object is what a deal holds ("any deal must come with guarantees")
WITH_VERBS = frozenset({"come", "arrive"})

#: what a deal must hold, where the object alone names the demand ("any deal must include a
#: withdrawal", "must recognise the right of ..."); with other verbs the act is the demand
HOLDING_VERBS = frozenset(
    {"include", "contain", "guarantee", "provide", "ensure", "involve", "have", "mean"}
    | {"entail", "cover", "offer", "give", "bring", "recognise", "recognize", "respect"}
    | {"address", "secure", "deliver", "grant", "allow", "incorporate", "reflect", "honour"}
    | {"honor", "preserve", "protect", "restore", "uphold", "feature", "require", "see"}
)


#: words that open the items of a list ("its conditions, including A and B")
INCLUDING = ("including", "like", "such")


def _including(n: Token, prep: Token | None = None) -> list[Token]:
    """The first item after an "including" (or "like", "such as") hung on ``n``."""
    for c in [prep] if prep is not None else n.children:
        if c.dep_ == "prep" and c.lower_ in INCLUDING:
            obj = next((g for g in c.subtree if g.dep_ == "pobj"), None)
            return [] if obj is None else [obj]
    return []


def _pursues(act: Token, cls: str, lex: Lexicon) -> bool:
    """Whether an infinitive's object is of an object class ("to secure a ceasefire": a step),
    or its manner adverb ("to negotiate bilaterally": a format, issue-17d)."""
    words = lex.object_classes.get(cls, frozenset())
    return any(
        c.dep_ in ("dobj", "advmod") and c.lemma_.lower() in words for c in act.children
    ) and (cls != "format" or act.lemma_.lower() in lex.channel_verbs)


def _for_item(cop: Token) -> Token | None:
    """ "its only demand is for Russia to withdraw" (a clause with "for"), "its demand is for a
    full withdrawal" (a "for" phrase): what the copula gives as the demand (issue-14d)."""
    for c in cop.children:
        if (
            c.dep_ == "advcl"
            and c.pos_ == "VERB"
            and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)
        ):
            return c
        if c.dep_ == "prep" and c.lower_ == "for":
            return next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
    return None


def _stray_that(clause: Token) -> list[Token]:
    """ "demand that the airport be reopened, that the blockade be lifted, and that salaries
    be paid": "that" clauses after the first, which the parser hung on it as adverbial clauses
    or on the verb as clauses of their own (and their conjuncts)."""
    out: list[Token] = []
    sisters = clause.head.children if clause.dep_ == "ccomp" else ()
    for c in [*clause.children, *(x for x in sisters if x.dep_ == "ccomp")]:
        if (
            c.dep_ in ("advcl", "ccomp")
            and c.i > clause.i
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ):
            out += [c, *(x for x in c.conjuncts if x.i > c.i)]
    return out


def stray_conjuncts(clause: Token) -> list[Token]:
    """ "would not disarm until Israel withdraws from the south, ceases airstrikes and releases
    prisoners": the clause's conjoined acts with no subject of their own, also those the
    parser conjoined to a verb above it (finite, in the clause's own tense)."""
    if clause.tag_ not in ("VBZ", "VBD", "VBP"):
        return []
    out = [c for c in clause.conjuncts if c.i > clause.i and subjectless(c)]
    up = clause.head
    for _ in range(3):
        for c in up.conjuncts:
            if c.i > clause.i and c.tag_ == clause.tag_ and subjectless(c):
                out.append(c)
        if up.head.i == up.i:
            break
        up = up.head
    return list(dict.fromkeys(sorted(out, key=lambda t: t.i)))


def subjectless(v: Token) -> bool:
    """A verb with no subject and no marker of its own: one more act of a list."""
    return not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in v.children)


def _stray_infinitives(clause: Token) -> list[Token]:
    """ "wants Moldova to drop cases it has opened and to lift restrictions": a second "to"
    infinitive the parser conjoined to a relative clause inside the first one's object."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return []
    return [
        conj
        for obj in clause.children
        if obj.dep_ == "dobj"
        for rel in obj.children
        if rel.dep_ in ("relcl", "acl") and rel.tag_ != "VB"
        for conj in rel.conjuncts
        if conj.i > rel.i
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in conj.children)
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in conj.children)
    ]


def _content_that(v: Token) -> bool:
    """A content clause the parser read as a relative one: its "that" taken for the object or
    the subject while the verb has another ("the demand that Kosovo set up the association":
    "that" and "the association" both objects; issue-22D)."""
    if v.dep_ != "relcl":
        return False
    that = next((c for c in v.children if c.lower_ == "that" and c.i < v.i), None)
    if that is None or that.dep_ not in ("dobj", "nsubj"):
        return False
    return any(c.dep_ == that.dep_ and c.i != that.i for c in v.children)


def demand_preps(noun: Token) -> list[Token]:
    """The "for" of a demand noun, also where the parser hung it past what stands between:
    "the demand, included in an early draft, for X" (on the participle), "calls by Belarus's
    rulers for X" (on the owner after "by"/"from")."""
    out = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            out.append(c)
        elif (c.dep_ == "acl" and c.tag_ == "VBN") or (
            c.dep_ == "prep" and c.lower_ in ("by", "from")
        ):
            inner = c if c.dep_ == "acl" else next((g for g in c.children if g.dep_ == "pobj"), c)
            out += [g for g in inner.children if g.dep_ == "prep" and g.lower_ == "for"]
    if not out and noun.dep_ == "dobj" and any(c.dep_ in ("acl", "appos") for c in noun.children):
        # "rejected the demand, included in the draft, for X": hung on the verb past the aside
        for c in noun.head.children:
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if (
                c.dep_ == "prep"
                and c.lower_ == "for"
                and c.i > noun.i
                and obj is not None
                and obj.ent_type_ not in ("DATE", "TIME")
                and obj.lemma_.lower() not in ("time", "now", "reason", "moment")
            ):
                out.append(c)
    return out


def _for_clause(c: Token, word: str) -> bool:
    """ "called for Iran to dismantle X": an infinitive clause with its own subject, opened by
    the preposition the verb takes (parsed as its mark)."""
    return (
        c.dep_ == "advcl"
        and any(g.dep_ == "mark" and g.lower_ == word for g in c.children)
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
    )


def _focus_items(verb: Token) -> list[Token]:
    """The items of "its demands centre on A and B": the object of "on"/"around" with its
    conjuncts, and a noun the parser conjoined to the verb it read as a noun."""
    prep = next(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "around")),
        None,
    )
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep else None
    if prep is None or obj is None or verb.dep_ not in ("ROOT", "ccomp", "conj"):
        return []
    out = [*_spread(obj), *(c for c in obj.conjuncts if c.i > obj.i and c.pos_ == "NOUN")]
    if verb.pos_ == "NOUN":  # "center on autonomy and the release": "release" on "center"
        out += [c for c in verb.children if c.dep_ == "conj" and c.i > obj.i and c.pos_ == "NOUN"]
    return list(dict.fromkeys(out))


def _spread(obj: Token) -> list[Token]:
    """The items of a list the parser hung one inside the other ("a halt to offensives in
    Cauca, the release of jailed fighters and guarantees for the caravan": "release" under
    "Cauca"): the object and every noun conjoined below it that opens an item of its own (a
    determiner, or a comma before it), not "oil and banking sanctions"."""
    doc = obj.doc
    out = [obj]
    for c in obj.subtree:
        if c.i <= obj.i or c.pos_ != "NOUN":  # not "from Goma, Bukavu and other towns"
            continue
        if not (c.dep_ == "conj" and c.head.i != obj.i) and c.dep_ != "appos":
            continue
        if c.dep_ == "appos" and _comment(c):
            continue  # "A, a step Washington has declined to take": a comment on A
        if (
            c.dep_ == "appos"
            and c.head.pos_ == "PROPN"
            and not any(g.dep_ == "conj" for g in c.children)
        ):
            continue  # "a ceasefire in Khan Younis, the largest town": it describes the name
        if c.dep_ == "conj" and _remark(c):
            continue  # "A, a point diplomats have called hard to meet", read as a conjunct
        left = c.left_edge.i
        before = [doc[j].text for j in range(max(obj.i, left - 2), left)]
        if (c.dep_ == "appos" and "," in before) or (
            c.dep_ == "conj"
            and (len(out) > 1 or any(g.dep_ in ("det", "poss") for g in c.children))
        ):  # an item after a comma, the last one after "and", one with its own determiner
            out.append(c)
    return out


def _hung_list(head: Token) -> list[Token]:
    """The rest of a list the parser hung inside its first item as an apposition ("wanted
    a ceasefire of 30 days, an exchange of prisoners and the return of children": "exchange"
    apposed to "days", or a second object of the verb): an apposition after a comma that is
    itself a list with "and"/"or"
    (one lone apposition only names what it follows), with its conjuncts."""
    doc = head.doc
    # or a second object of the verb ("demanded a freeze on fishing, a new survey and X")
    seconds = [
        c
        for c in head.head.children
        if head.dep_ == "dobj" and c.i > head.i and c.dep_ in ("dobj", "npadvmod")
    ]
    for c in [*head.subtree, *seconds]:
        if c.i <= head.i or c.pos_ != "NOUN" or _comment(c):
            continue
        if c.dep_ != "appos" and c not in seconds:
            continue
        if c.ent_type_ in ("DATE", "TIME") or not any(g.dep_ in ITEM_MODS for g in c.children):
            continue  # "recognition of Kosovo, today or tomorrow": no item of its own
        if doc[c.left_edge.i - 1].text != ",":
            continue
        rest = [g for g in c.conjuncts if g.i > c.i and g.pos_ == "NOUN"]
        if rest and any(doc[j].dep_ == "cc" for j in range(c.i, rest[-1].i)):
            return [c, *rest]
    return []


def _comment(appos: Token) -> bool:
    """An apposition that comments on what comes before rather than naming it: a head with a
    clause of its own ("X, a position diplomats described as close to the army's", "A, a step
    Washington has declined to take")."""
    return any(g.dep_ == "relcl" for g in appos.children)


def _remark(conj: Token) -> bool:
    """A conjunct after a comma, with no "and"/"or" before it, that is a comment: a relative
    clause with a subject of its own ("A, a point diplomats have called hard to meet"), not a
    list's last item ("A and a ceasefire that holds")."""
    doc = conj.doc
    left = conj.left_edge.i
    if (
        left == 0
        or doc[left - 1].text != ","
        or any(doc[j].dep_ == "cc" for j in range(conj.head.i, left))
    ):
        return False
    return any(
        g.dep_ == "relcl"
        and any(
            x.dep_ in ("nsubj", "nsubjpass") and x.pos_ in ("NOUN", "PROPN") and x.i < g.i
            for x in g.children
        )
        for g in conj.children
    )


def _one(x: Topic | str | None) -> list[Topic | str]:
    return [] if x is None else [x]


#: determiners that point back ("that route", "this idea")
POINTING = frozenset({"that", "this", "these", "those"})
#: abstract heads that stand for something proposed even with "the" ("brushed the idea aside")
PROPOSED_HEADS = frozenset(
    {"idea", "suggestion", "notion", "option", "route", "path", "approach", "concept"}
    | {"possibility", "alternative", "avenue"}
)


def no_det(obj: Token) -> Token | None:
    """ "no ceasefire": the negating determiner of an object."""
    return next((c for c in obj.children if c.dep_ == "det" and c.lower_ == "no"), None)


def _bare_pointer(head: Token) -> bool:
    """A noun with a definite or pointing determiner and nothing else ("the claims", "these
    claims", "such claims"; not "claims that ...", "Russia's claims", "the territorial
    claims")."""
    kids = list(head.children)
    pointed = any(
        c.dep_ in ("det", "amod", "predet") and c.lower_ in ("the", "such", *POINTING) for c in kids
    )
    # not "the claims which Moscow made about shelling": a claim with its own content
    return pointed and all(c.dep_ in ("det", "predet", "punct") or c.lower_ == "such" for c in kids)


def _relative(c: Token) -> bool:
    """A relative clause with its own content: "that would commit it to X", "under which it
    would pay X" (not a bare "that" object: "the deal it signed")."""
    if c.dep_ == "acl" and c.pos_ == "VERB":
        # "a plan that "places X on the same footing"": the parser's participle reading of a
        # relative clause whose "that" it took for a conjunction
        kids = [g for g in c.children if g.i < c.i]
        return any(
            g.dep_ in ("nsubj", "nsubjpass", "mark") and g.lower_ in ("that", "which") for g in kids
        ) and not any(
            g.dep_ in ("nsubj", "nsubjpass") and g.lower_ not in RELATIVE_WORDS for g in kids
        )
    if c.dep_ != "relcl":
        return False
    first = next(iter(c.subtree))
    if _hung_far(c.head, first):
        return False
    if first.lower_ in RELATIVE_WORDS and first.dep_ in ("nsubj", "nsubjpass"):
        return True
    return first.dep_ == "prep" and any(g.lower_ in RELATIVE_WORDS for g in first.children)


def _hung_far(head: Token, first: Token) -> bool:
    """Whether words of another phrase come between a noun and a relative clause the parser
    hung on it ("would block the initiative "with or without Russia", with which Iran has an
    alliance": the clause is about Russia, issue 17r); punctuation does not count."""
    doc = head.doc
    between = (doc[i] for i in range(head.i + 1, first.i))
    return any(not t.is_punct and head not in t.ancestors for t in between)


def _aside(prep: Token) -> bool:
    """ "for its part", "on their part", "for his part": a discourse aside, no argument; so is
    whom one speaks for ("on behalf of the group", issue-21D) and a day ("insisted on Monday
    that ...", issue-24D)."""
    return prep.dep_ == "prep" and any(
        g.dep_ == "pobj"
        and (
            (g.lemma_.lower() == "part" and any(x.dep_ == "poss" for x in g.children))
            or (g.lower_ == "behalf" and prep.lower_ in ("on", "in"))
            or (prep.lower_ == "on" and g.ent_type_ in ("DATE", "TIME"))
        )
        for g in prep.children
    )


def _clause_in_aside(v: Token) -> Token | None:
    """ "demanded on behalf of the group that Saudi Arabia pay the salaries": the "that"
    clause the parser hung as a relative clause inside the aside (a subject of its own, no
    relative pronoun) is the verb's clause (issue-21D)."""
    return next(
        (
            x
            for c in v.children
            if _aside(c)
            for x in c.subtree
            if x.dep_ == "relcl"
            and any(  # "that" as the clause's mark (or read as a dative), not its subject
                g.lower_ == "that" and g.dep_ not in ("nsubj", "nsubjpass") for g in x.children
            )
            and any(g.dep_ == "nsubj" and g.tag_ not in ("WDT", "WP") for g in x.children)
        ),
        None,
    )


def gives_name(v: Token, men: Sequence[Mention | None]) -> bool:
    """Whether a verb gives its object a name or a judgement ("called the proposal
    unacceptable", "called Israel's demand for disarmament a red line") rather than asking
    for something: a predicate after the object (an ``oprd``, or an apposition the parser hung
    on the object with no comma before it, that names no actor: "demanded a pause, an end to
    the siege" is a list) and no preposition or clause of its own after the verb
    (issue-15d)."""
    kids = list(v.children)
    if any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.i > v.i) for c in kids):
        return False
    if any(c.dep_ == "oprd" for c in kids):
        return True
    dobj = next((c for c in kids if c.dep_ == "dobj"), None)
    doc = v.doc
    return dobj is not None and any(
        c.dep_ == "appos"
        and c.i > dobj.i
        and men[c.i] is None
        and doc[c.left_edge.i - 1].lower_ not in (",", ";", ":", "—", "–")  # not a list
        for c in dobj.children
    )
