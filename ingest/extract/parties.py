"""The parties of the negotiation a document is about.

A news article about talks names their sides somewhere: "talks between Israel and Hamas",
"the Israel-Hamas war", "Israel and Hamas are close to a truce", "Israel and Hamas agreed
...". Every such pair counts; the pair named most often is the document's parties (stated).
With none stated, the two actors that take positions most often in the document (the sources
of its demands and rejections) are the parties (inferred, with a lower confidence where they
are used). Mediators link to each party; "the two sides" names them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from spacy.tokens import Token

#: how far below a clause's verb a negotiation noun may be ("are close to a truce")
_DEPTH = 5
#: the dependencies that path may take
_PATH = frozenset(
    {"dobj", "attr", "acomp", "oprd", "prep", "pobj", "pcomp", "advmod", "npadvmod", "xcomp"}
    | {"compound", "amod"}
)


class Parties:
    """Finds the negotiation's parties in one document (see the module docstring)."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.pairs: Counter[tuple[str, ...]] = Counter()
        self.first: dict[tuple[str, ...], int] = {}

    # ------------------------------------------------------------------ stated
    def find_stated(self) -> None:
        """Pairs named with the negotiation's words; the most frequent one is the parties."""
        ctx = self.ctx
        lex = ctx.lex
        for t in ctx.doc:
            low, lemma = t.lower_, t.lemma_.lower()
            if low == "between" and t.dep_ == "prep":
                head = t.head
                if self._negotiation_head(head):
                    with ctx.quietly():  # "talks between Ethiopia and Amhara militias"
                        self._add(self.between(t, resolve=True), t.i)
            elif t.pos_ in ("NOUN", "PROPN") and (
                lemma in lex.party_nouns or low in lex.party_nouns
            ):
                self._add(self._hyphenated(t), t.i)
            elif t.pos_ in ("VERB", "AUX"):
                self._add(self._conjoined_subject(t), t.i)
                self._add(self._conjoined_object(t), t.i)
            if low == "as" and any(
                c.dep_ == "pobj" and self.is_pair_phrase(c) for c in t.children
            ):  # "brought together Moldova and Transnistria as the two sides"
                names = listed_before(t)
                found = self._actors(names)
                if len(found) < 2:  # a name the dictionary lacks ("Transnistria"; a side,
                    # whatever type the tagger guessed for it)
                    found = []
                    for x in names:
                        if x.pos_ != "PROPN" or x.dep_ == "compound":
                            continue
                        for r in ctx.resolve.resolve_np(x, pronouns=False):
                            sf = ctx.principal.get(r.actor)
                            a = sf.target if sf is not None else r.actor
                            found += [a] if a not in found else []
                self._add(found, t.i)
                self._add(found, t.i)  # a pair named as the sides outweighs a passing pair
        self.choose(set())
        self._mediator_hints()

    def _mediator_hints(self) -> None:
        """States named as mediators ("Qatari mediators", "mediated by Qatar", "Qatar is
        mediating"), so that "the government" is read as a party's, not the mediator's."""
        ctx = self.ctx
        lex = ctx.lex
        hints: list[str] = []
        for t in ctx.doc:
            low, lemma = t.lower_, t.lemma_.lower()
            if t.pos_ in ("NOUN", "PROPN") and (
                low in lex.mediator_nouns or lemma in lex.mediator_nouns
            ):
                hints += self._actors(
                    x
                    for c in t.children
                    if c.dep_ in ("amod", "compound", "poss", "nmod")
                    or (c.dep_ == "prep" and c.lower_ == "from")
                    for x in c.subtree
                )
            elif (
                lemma in lex.carry_verbs
                and t.pos_ == "VERB"
                and any(
                    c.dep_ == "prep" and c.lower_ == "between"
                    for c in [
                        *t.children,
                        *(g for o in t.children if o.dep_ == "dobj" for g in o.children),
                    ]
                )
            ) or (lemma in lex.host_verbs and t.pos_ == "VERB"):
                # "Qatari officials carried messages between the delegations", "hosted talks"
                objs = [c for c in t.children if c.dep_ == "dobj"]
                if t.dep_ == "acl" and t.tag_ == "VBN":  # "the talks, hosted by Kenya"
                    objs.append(t.head)
                if lemma in lex.host_verbs and not any(
                    o.lemma_.lower() in lex.talk_nouns or o.lower_ in lex.talk_nouns for o in objs
                ):
                    continue
                for c in t.children:
                    if c.dep_ in ("nsubj", "agent"):
                        hints += self._actors(c.subtree)
            elif lemma in lex.mediation_verbs and t.pos_ in ("VERB", "ADJ"):
                holder = t.head if t.dep_ in ("attr", "acomp", "xcomp") else t  # "is mediating"
                for c in [*t.children, *holder.children]:
                    if c.dep_ == "agent" or (c.dep_ in ("nsubj", "npadvmod") and c.i < t.i):
                        hints += self._actors(x for x in c.subtree if x.dep_ != "conj" or x.i < t.i)
        ctx.mediator_hints = {a for a in hints if a not in ctx.parties}

    def choose(self, mediators: set[str]) -> None:
        """The parties: the pair named most often, without the mediators (a pair of
        mediators is no side of the negotiation)."""
        ctx = self.ctx
        counts: Counter[tuple[str, ...]] = Counter()
        first: dict[tuple[str, ...], int] = {}
        for pair, n in self.pairs.items():
            rest = tuple(a for a in pair if a not in mediators)
            if len(rest) >= 2:
                counts[rest] += n
                first[rest] = min(first.get(rest, self.first[pair]), self.first[pair])
        if counts:
            best = max(counts, key=lambda p: (counts[p], -first[p]))
            ctx.parties = list(best)
            ctx.parties_stated = True
        else:
            ctx.parties = []
            ctx.parties_stated = False

    def infer(self, mediators: set[str]) -> None:
        """The parties without the mediators; with no pair stated, the two actors that take
        positions most often: the sources and actor targets of demands and rejections, the
        owners of proposals, responses and messages ("Hamas's response", "the Israeli
        proposal", "a response from Hamas") and the other side of a truce ("a ceasefire with
        Israel")."""
        ctx = self.ctx
        self.choose(mediators)
        if ctx.parties:
            return
        counts: Counter[str] = Counter()

        def count(actor: str, weight: int = 1) -> None:
            if actor in mediators or actor not in ctx.dict.entries:
                return
            sf = ctx.principal.get(actor)
            if ctx.type_of(actor) == "person":
                if sf is None:
                    return
                actor = sf.target
            counts[actor] += weight

        for r in ctx.out.relations:
            if r["type"] in ("demands", "rejects"):
                count(r["source"], 2)
                count(r["target"])
        lex = ctx.lex
        for t in ctx.doc:
            lemma = t.lemma_.lower()
            if lemma in lex.messages or lemma in lex.proposal_heads:
                owners = [c for c in t.children if c.dep_ in ("poss", "amod", "compound")]
                owners += [
                    g
                    for c in t.children
                    if c.dep_ == "prep" and c.lower_ == "from"
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
                for a in self._actors(x for o in owners for x in o.subtree):
                    count(a)
            elif lemma in lex.party_nouns:  # "a ceasefire with Israel"
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ == "with":
                        for a in self._actors(c.subtree):
                            count(a)
        top = [a for a, n in counts.most_common(2) if n > 1 or len(counts) == 2]
        if len(top) == 2:
            ctx.parties = top
            ctx.parties_stated = False

    # ------------------------------------------------------------------ helpers
    def between(self, prep: Token, resolve: bool = False) -> list[str]:
        """The actors of "between A and B" (two or more); "between the two sides" / "between
        them" are the document's parties or the last pair named before. With ``resolve``, the
        objects are resolved as phrases too ("the rebels of Venezuela" becomes an actor)."""
        objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if not objs:
            return []
        obj = objs[0]
        if obj.lower_ in ("them", "the two", "both") or self.is_pair_phrase(obj):
            return self.pair_before(prep.i)
        # the objects and their modifiers, not a place after them ("delegations in Istanbul");
        # names in apposition rather than the noun they name ("the factions Fatah and Hamas")
        named = [c for c in obj.children if c.dep_ == "appos" and self.ctx.men[c.i] is not None]
        heads = [named[0], *named[0].conjuncts] if named else [obj, *obj.conjuncts]
        found = self._actors(x for c in heads for x in _head_span(c))
        if resolve and len(found) < 2:
            found = self._principals(r.actor for c in heads for r in self.ctx.resolve.resolve_np(c))
            if len(found) == 1 and len(heads) == 2:  # "the government delegation and the EMC"
                gov = next(
                    (
                        x
                        for c in heads
                        for x in _head_span(c)
                        if x.lemma_.lower() in self.ctx.lex.government_nouns
                    ),
                    None,
                )
                owner = self.ctx.resolve.described_owner(gov) if gov is not None else None
                if owner is not None and owner not in found:
                    found.append(owner)
        return found if len(found) >= 2 else []  # "between Sudan's generals": no pair

    def is_pair_phrase(self, t: Token) -> bool:
        """ "the two sides", "both parties", "the warring parties", "the sides"."""
        lex = self.ctx.lex
        if t.lemma_.lower() not in lex.pair_nouns and t.lower_ not in lex.pair_nouns:
            return False
        kids = {c.lower_ for c in t.children}
        return bool(kids & {"two", "both", "warring", "the", "rival", "opposing"}) and (
            t.tag_ in ("NNS", "NNPS") or "both" in kids
        )

    def pair_before(self, i: int) -> list[str]:
        """The parties: the document's, else the last conjoined pair named before token i."""
        ctx = self.ctx
        if ctx.parties:
            return list(ctx.parties)
        k = ctx.sent_of[i]
        floor = ctx.sents[max(0, k - 2)].start
        for j in range(i - 1, floor - 1, -1):
            tok = ctx.doc[j]
            if tok.dep_ == "conj":
                continue
            conj = [c for c in tok.conjuncts if c.i > tok.i]
            if not conj:
                continue
            found = self._actors(x for c in (tok, *conj) for x in _head_span(c))
            if len(found) >= 2:
                return found
        return []

    def _negotiation_head(self, head: Token) -> bool:
        lex = self.ctx.lex
        lemma = head.lemma_.lower()
        return (
            lemma in lex.party_nouns
            or head.lower_ in lex.party_nouns
            or lemma in lex.talk_nouns
            or lemma in lex.party_verbs
            or lemma in lex.mediation_verbs
            or lemma in lex.mediator_nouns
            or lemma in lex.mediation_nouns
        )

    def _hyphenated(self, noun: Token) -> list[str]:
        """ "the Israel-Hamas war", "U.S.-Iran talks"."""
        left = [x for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod") for x in c.subtree]
        if not any(x.text in ("-", "–", "/") for x in left):
            return []
        return self._actors(left)

    def _conjoined_subject(self, v: Token) -> list[str]:
        """ "Israel and Hamas agreed", "Israel and Hamas are close to a truce"."""
        ctx = self.ctx
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or not any(c.dep_ == "conj" for c in subj.children):
            return []
        lex = ctx.lex
        if v.lemma_.lower() not in lex.party_verbs and not self._negotiation_below(v, subj):
            return []
        return self._actors(x for c in (subj, *subj.conjuncts) for x in _head_span(c))

    def _conjoined_object(self, v: Token) -> list[str]:
        """ "urging Israel and Hamas to conclude the deal": the addressees of a call to make
        the deal."""
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is None or not any(c.dep_ == "conj" for c in obj.children):
            return []
        xcomp = next((c for c in v.children if c.dep_ == "xcomp"), None)
        if xcomp is None or not self._negotiation_below(xcomp, obj):
            return []
        return self._actors(x for c in (obj, *obj.conjuncts) for x in _head_span(c))

    def _negotiation_below(self, v: Token, subj: Token) -> bool:
        """Whether the clause is about the negotiation: one of its nouns below the verb, on
        the path of objects and prepositions ("are close to a truce", "remain far apart on the
        length of the truce"), not in a clause of its own."""
        lex = self.ctx.lex
        frontier = [c for c in v.children if c.i != subj.i and c.dep_ in _PATH]
        for _ in range(_DEPTH):
            nxt: list[Token] = []
            for c in frontier:
                if c.lemma_.lower() in lex.party_nouns or c.lower_ in lex.party_nouns:
                    return True
                nxt.extend(g for g in c.children if g.dep_ in _PATH)
            frontier = nxt
        return False

    def _actors(self, tokens: object) -> list[str]:
        """Actors (not people) among tokens; a person counts as the actor it speaks for."""
        return self._principals(self.ctx.resolve.actors_in(tokens, use=False))  # type: ignore[arg-type]

    def _principals(self, actors: Iterable[str]) -> list[str]:
        ctx = self.ctx
        out: list[str] = []
        for a in actors:
            if ctx.type_of(a) == "person":
                sf = ctx.principal.get(a)
                if sf is None:
                    continue
                a = sf.target
            if a not in out:
                out.append(a)
        return out

    def _add(self, found: list[str], at: int) -> None:
        if len(found) < 2:
            return
        key = tuple(found)
        self.pairs[key] += 1
        self.first.setdefault(key, at)


#: what may stand between the names of a list ("the OSCE, Russia and Ukraine")
_LIST_GLUE = frozenset({",", "and", "the", "&"})


def listed_before(t: Token, limit: int = 12) -> list[Token]:
    """The list of names right before a word, read as written, whatever the parse: "the OSCE,
    Russia and Ukraine" before "as mediators", "Moldova and Transnistria" before "as the two
    sides" (it stops at the first word that is neither a name nor list glue)."""
    doc = t.doc
    out: list[Token] = []
    i = t.i - 1
    while i >= max(t.sent.start, t.i - limit):
        x = doc[i]
        if x.pos_ == "PROPN" or x.lower_ in _LIST_GLUE or (x.is_upper and x.is_alpha):
            out.append(x)
            i -= 1
            continue
        break
    return sorted(out, key=lambda x: x.i)


def _head_span(t: Token) -> list[Token]:
    """A conjunct with its own modifiers, not its conjuncts ("Sudan's army" of "Sudan's army
    and the RSF")."""
    out = [t]
    for c in t.children:
        if c.dep_ == "amod" and c.tag_ == "VBN":
            continue  # "the Rwanda-backed M23 rebels", "the Saudi-led coalition": not a side
        if c.dep_ in ("compound", "amod", "poss", "det", "nmod", "case"):
            out.extend(c.subtree)
    return sorted(out, key=lambda x: x.i)
