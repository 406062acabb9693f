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

from actorgraph.ingest.extract.tokens import lemmas, lowers, poses, tokens

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from spacy.tokens import Token

#: the parts of speech a pair can be stated on (a noun of the talks or the sides, a verb)
_STATED_POS = frozenset({"NOUN", "PROPN", "VERB", "AUX"})

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
        #: while the stated pairs are read, before anyone's role is known: a person named as
        #: a side ("a summit between President X and leader Y") is kept, and stands for the
        #: actor they speak for when the pair is chosen
        self._raw = False
        #: the chosen stated pair is named once, one of its own nowhere else
        self.stated_passing = False
        self._sentences: dict[str, int] | None = None
        #: actors the text names as the sides ("A and B as the two sides"), kept as they are
        self._named_sides: set[str] = set()
        #: the mediators the rules found, and the bodies of those that are people (set by
        #: :meth:`infer`): no side of the document's talks for the fallbacks either
        self.mediators: set[str] = set()
        #: per sentence, the actors a negotiation noun names as its sides there ("talks
        #: between A and B", "the A-B dialogue"): no mediator of that sentence
        self.sides_in: dict[int, set[str]] = {}

    # ------------------------------------------------------------------ stated
    def find_stated(self) -> None:
        """Pairs named with the negotiation's words; the most frequent one is the parties."""
        ctx = self.ctx
        lex = ctx.lex
        self._raw = True
        toks, lows, lems, pos = tokens(ctx.doc), lowers(ctx.doc), lemmas(ctx.doc), poses(ctx.doc)
        for i, tpos in enumerate(pos):
            low = lows[i]
            if tpos not in _STATED_POS and low not in ("between", "as"):
                continue  # what follows needs a noun or a verb, or one of the two words
            t, lemma = toks[i], lems[i]
            if low == "between" and t.dep_ == "prep":
                head = t.head
                if self._negotiation_head(head) and lemma_of(head) not in lex.movement_nouns:
                    with ctx.quietly():  # "talks between Ethiopia and Amhara militias"
                        self._add(self.between(t, resolve=True), t.i, sides=True)
            elif tpos in ("NOUN", "PROPN") and (lemma in lex.party_nouns or low in lex.party_nouns):
                self._add(self._hyphenated(t), t.i, sides=True)
            elif tpos in ("VERB", "AUX"):
                self._add(self._conjoined_subject(t), t.i)
                self._add(self._conjoined_object(t), t.i)
                self._add(self._brought_together(t), t.i)
            if tpos in ("NOUN", "PROPN") and (
                lemma in lex.talk_nouns or lemma in lex.party_nouns or low in lex.talk_nouns
            ):
                self._add(self._talks_with(t), t.i)
            if low == "as" and any(
                c.dep_ == "pobj" and self.is_pair_phrase(c) for c in t.children
            ):  # "brought together Moldova and Transnistria as the two sides"
                names = listed_before(t)
                found = self.actors(names)
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
                self._named_sides.update(found)  # whatever type the tagger guessed
                self._add(found, t.i)
                self._add(found, t.i)  # a pair named as the sides outweighs a passing pair
        self._raw = False
        self._observers()
        self.choose(set())
        self._mediator_hints()

    def _observers(self) -> None:
        """Actors named as observers, guarantors or witnesses ("the AU, the UN, Egypt and the
        UAE as observers", "observer states X and Y", "X, an observer"): never a side."""
        ctx = self.ctx
        nouns = ctx.lex.observer_nouns
        found: list[str] = []
        toks, lows, lems, pos = tokens(ctx.doc), lowers(ctx.doc), lemmas(ctx.doc), poses(ctx.doc)
        for i, tpos in enumerate(pos):
            if tpos not in ("NOUN", "PROPN") or (lows[i] not in nouns and lems[i] not in nouns):
                continue
            t = toks[i]
            n = t.head if t.dep_ == "compound" and t.head.pos_ == "NOUN" else t
            head = n.head
            if head.lower_ == "as" and head.dep_ == "prep":
                found += self.actors(listed_before(head))
                found += self.actors(
                    x for c in head.head.children if c.dep_ == "nsubj" for x in c.subtree
                )
            found += self.actors(
                x
                for c in n.children
                if c.dep_ in ("amod", "compound", "poss", "nmod", "appos", "conj")
                for x in c.subtree
            )
            if n.dep_ == "appos":
                found += self.actors(_head_span(head))
        ctx.observers = set(found)

    def _mediator_hints(self) -> None:
        """States named as mediators ("Qatari mediators", "mediated by Qatar", "Qatar is
        mediating"), so that "the government" is read as a party's, not the mediator's."""
        ctx = self.ctx
        lex = ctx.lex
        hints: list[str] = []
        toks, lows, lems, pos = tokens(ctx.doc), lowers(ctx.doc), lemmas(ctx.doc), poses(ctx.doc)
        cues = lex.mediator_nouns | lex.carry_verbs | lex.host_verbs | lex.mediation_verbs
        for i, lemma in enumerate(lems):
            low = lows[i]
            if lemma not in cues and low not in lex.mediator_nouns:
                continue  # none of the cases below
            t, tpos = toks[i], pos[i]
            if tpos in ("NOUN", "PROPN") and (
                low in lex.mediator_nouns or lemma in lex.mediator_nouns
            ):
                hints += self.actors(
                    x
                    for c in t.children
                    if c.dep_ in ("amod", "compound", "poss", "nmod")
                    or (c.dep_ == "prep" and c.lower_ == "from")
                    for x in c.subtree
                )
            elif (
                lemma in lex.carry_verbs
                and tpos == "VERB"
                and any(
                    c.dep_ == "prep" and c.lower_ == "between"
                    for c in [
                        *t.children,
                        *(g for o in t.children if o.dep_ == "dobj" for g in o.children),
                    ]
                )
            ) or (lemma in lex.host_verbs and tpos == "VERB"):
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
                        hints += self.actors(c.subtree)
            elif lemma in lex.mediation_verbs and tpos in ("VERB", "ADJ"):
                holder = t.head if t.dep_ in ("attr", "acomp", "xcomp") else t  # "is mediating"
                for c in [*t.children, *holder.children]:
                    if c.dep_ == "agent" or (c.dep_ in ("nsubj", "npadvmod") and c.i < t.i):
                        hints += self.actors(x for x in c.subtree if x.dep_ != "conj" or x.i < t.i)
        ctx.mediator_hints = {a for a in hints if a not in ctx.parties}

    def choose(self, mediators: set[str]) -> None:
        """The parties: the pair named most often, without the mediators (a pair of
        mediators is no side of the negotiation)."""
        ctx = self.ctx
        counts: Counter[tuple[str, ...]] = Counter()
        first: dict[tuple[str, ...], int] = {}
        for pair, n in self.pairs.items():
            sides = [a for a in pair if a in self._named_sides] or self.principals(pair)
            rest = tuple(a for a in sides if a not in mediators and a not in ctx.observers)
            if len(rest) >= 2:
                counts[rest] += n
                first[rest] = min(first.get(rest, self.first[pair]), self.first[pair])
        if counts:
            best = max(counts, key=lambda p: (counts[p], -first[p]))
            ctx.parties = list(best)
            ctx.parties_stated = True
            self.stated_passing = counts[best] == 1 and min(self.salience(a) for a in best) <= 1
        else:
            ctx.parties = []
            ctx.parties_stated = False
            self.stated_passing = False

    def salience(self, actor: str) -> int:
        """In how many sentences an actor is named (itself or a person speaking for it)."""
        ctx = self.ctx
        if self._sentences is None:
            seen: dict[str, set[int]] = {}
            for m in ctx.mentions:
                if not m.actor:
                    continue
                sf = ctx.principal.get(m.actor)
                for a in {m.actor, sf.target if sf is not None else m.actor}:
                    seen.setdefault(a, set()).add(ctx.sent_of[m.start])
            self._sentences = {a: len(v) for a, v in seen.items()}
        return self._sentences.get(actor, 0)

    def infer(self, mediators: set[str]) -> None:
        """The parties without the mediators; with no pair stated, the two actors that take
        positions most often: the sources and actor targets of demands and rejections, the
        owners of proposals, responses and messages ("Hamas's response", "the Israeli
        proposal", "a response from Hamas") and the other side of a truce ("a ceasefire with
        Israel")."""
        ctx = self.ctx
        self.choose(mediators)
        # the body a mediating person speaks for is no side either (the UN of its envoy)
        mediators = mediators | {
            sf.target for m in mediators if (sf := ctx.principal.get(m)) is not None
        }
        self.mediators = mediators
        counts: Counter[str] = Counter()
        outside = self._addressing_the_sides()

        def count(actor: str, weight: int = 1, owner: bool = False) -> None:
            if actor in mediators or actor in ctx.observers or actor not in ctx.dict.entries:
                return
            if self.part_of_any(actor, mediators):
                return  # "the United Nations Support Mission in Libya" of a UN mediation
            if actor in outside:
                return
            sf = ctx.principal.get(actor)
            if ctx.type_of(actor) == "person":
                if sf is None and not owner:
                    return
                # a name that owns a side's people ("a Tigray negotiator") is a side even
                # where the tagger took it for a person's
                actor = sf.target if sf is not None else actor
            counts[actor] += weight

        for r in ctx.out.relations:
            if r["type"] in ("demands", "rejects"):
                count(r["source"], 2)
                count(r["target"])
        lex = ctx.lex
        toks, lows, lems, pos = tokens(ctx.doc), lowers(ctx.doc), lemmas(ctx.doc), poses(ctx.doc)
        cues = lex.messages | lex.proposal_heads | lex.side_nouns | lex.party_nouns
        for i, lemma in enumerate(lems):
            if lemma not in cues and lows[i] not in lex.side_nouns:
                continue  # none of the cases below
            t = toks[i]
            if lemma in lex.messages or lemma in lex.proposal_heads:
                owners = owner_heads(t, "from")
                for a in self.actors(x for o in owners for x in o.subtree):
                    count(a)
            elif (lemma in lex.side_nouns or lows[i] in lex.side_nouns) and pos[i] == "NOUN":
                # "the Houthi delegation", "Kyiv's negotiators": the people a side sends
                for o in _owners(t):
                    for a in ctx.resolve.actors_in(o.subtree, use=False):
                        count(a, owner=o.dep_ == "compound")
            elif lemma in lex.party_nouns:  # "a ceasefire with Israel"
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ == "with":
                        for a in self.actors(c.subtree):
                            count(a)
        top = [a for a, n in counts.most_common(2) if n > 1 or len(counts) == 2]
        if len(top) != 2:
            return
        if ctx.parties:
            # a pair named once in passing ("Qatar, which has mediated between Israel and
            # Hamas in Gaza, played no role") loses to the two actors the whole document is
            # about, when one of its own is named nowhere else
            inferred = min(self.salience(a) for a in top)
            if not self.stated_passing or inferred < 2 or set(top) <= set(ctx.parties):
                return
        ctx.parties = top
        ctx.parties_stated = False

    def part_of_any(self, actor: str, bodies: set[str]) -> bool:
        """Whether an actor's name opens with the name or an alias of one of ``bodies`` (a
        mission, panel or office of it: "United Nations Support Mission in Libya" of the
        United Nations, "AU Commission" of the African Union)."""
        entries = self.ctx.dict.entries
        name = entries[actor].name.lower()
        return any(
            b != actor
            and b in entries
            and entries[b].type != "person"
            and any(
                name.startswith(n.lower() + " ") for n in (entries[b].name, *entries[b].aliases)
            )
            for b in bodies
        )

    def _addressing_the_sides(self) -> set[str]:
        """Actors that speak to or act on "both sides" ("urged both sides to ...", "called on
        the warring parties", "met the two delegations"): a third party, not a side."""
        ctx = self.ctx
        out: set[str] = set()
        toks, lows, lems = tokens(ctx.doc), lowers(ctx.doc), lemmas(ctx.doc)
        pairs = ctx.lex.pair_nouns | ctx.lex.counted_pair_nouns
        for i, lemma in enumerate(lems):
            if lemma not in pairs and lows[i] not in pairs:
                continue  # no pair noun (what is_pair_phrase asks first)
            t = toks[i]
            if not self.is_pair_phrase(t):
                continue
            verb = t.head if t.dep_ in ("dobj", "dative") else None
            if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ != "of":
                verb = t.head.head  # "called on both sides", "shuttled between the parties"
            if verb is None or verb.pos_ not in ("VERB", "AUX"):
                continue
            with ctx.quietly():
                subjects = [r.actor for r in ctx.resolve.subject_actors(verb)]
            out.update(self.principals(subjects))
        return out

    # ------------------------------------------------------------------ helpers
    def between(self, prep: Token, resolve: bool = False) -> list[str]:
        """The actors of "between A and B" (two or more); "between the two sides" / "between
        them" are the document's parties or the last pair named before. With ``resolve``, the
        objects are resolved as phrases too ("the rebels of Venezuela" becomes an actor)."""
        objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if not objs:
            return []
        obj = objs[0]
        lex = self.ctx.lex
        joined: list[Token] = []
        if (
            obj.lemma_.lower() in lex.side_nouns | lex.counted_pair_nouns
            or obj.lower_ in lex.side_nouns | lex.counted_pair_nouns
        ) and not any(c.dep_ == "conj" for c in obj.children):
            # "between the Russian and Ukrainian delegations", "between the Greek Cypriot and
            # Turkish Cypriot leaders": the joined modifiers of one side noun name the sides
            joined = _sides_of(obj, lex.side_nouns)
        if not joined and (obj.lower_ in ("them", "the two", "both") or self.is_pair_phrase(obj)):
            return self.pair_before(prep.i)
        if any(c.dep_ == "poss" and self.is_pair_phrase(c) for c in obj.children):
            return self.pair_before(prep.i)  # "between the two delegations' residences"
        # the objects and their modifiers, not a place after them ("delegations in Istanbul");
        # names in apposition rather than the noun they name ("the factions Fatah and Hamas")
        named = [c for c in obj.children if c.dep_ == "appos" and self.ctx.men[c.i] is not None]
        heads = [named[0], *named[0].conjuncts] if named else [obj, *obj.conjuncts]
        if joined:
            heads = joined
        found = self._sides(heads)
        if resolve and len(found) < 2:
            found = self.principals(r.actor for c in heads for r in self.ctx.resolve.resolve_np(c))
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
        doc, i = t.doc, t.i
        lemma, low = lemmas(doc)[i], lowers(doc)[i]
        pairs, counted = lex.pair_nouns, lex.counted_pair_nouns
        if lemma not in pairs and low not in pairs and lemma not in counted and low not in counted:
            return False  # most tokens: no pair noun at all, and no children to read
        kids = {c.lower_ for c in t.children}
        if lemma in counted or low in counted:
            return bool(kids & {"two", "both"}) and t.tag_ in ("NNS", "NNPS")
        return bool(kids & (lex.pair_modifiers | {"two", "both", "the"})) and (
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
            found = self._sides([tok, *conj])
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
        left = joined_before(noun)
        return self.actors(left) if left else []

    def _conjoined_subject(self, v: Token) -> list[str]:
        """ "Israel and Hamas agreed", "Israel and Hamas are close to a truce", "Ethiopian and
        Tigrayan negotiators met for talks", "delegations of Armenia and Azerbaijan met"."""
        ctx = self.ctx
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return []
        heads = _sides_of(subj, ctx.lex.side_nouns)
        if len(heads) < 2:
            return []
        lex = ctx.lex
        if (
            v.lemma_.lower() not in lex.party_verbs
            and not self._negotiation_below(v, subj)
            # "failed to agree", "sought to negotiate"
            and not any(
                c.dep_ == "xcomp" and c.lemma_.lower() in lex.party_verbs for c in v.children
            )
        ):
            return []
        if heads[0].i == subj.i:
            return self._sides(heads, of=True)
        if heads[-1].i == subj.i:  # "The US and Yemen's Houthis": each name alone
            return self.actors(ctx.doc[m.start] for c in heads if (m := ctx.men[c.i]) is not None)
        # the mention a side's name is part of ("Delegations of Armenia" is one mention)
        starts = [m.start for c in heads if (m := ctx.men[c.i]) is not None]
        return self.actors([*(ctx.doc[i] for i in starts), *(x for c in heads for x in c.subtree)])

    def _talks_with(self, noun: Token) -> list[str]:
        """ "Israel held indirect talks with Hamas", "Kyiv's negotiations with Moscow": the
        talks' owner or the subject of the verb that holds them, and the one they are with
        (one actor each side)."""
        withs = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"]
        gov = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
        holder = None  # "the rebel delegation arrived for talks with", "a X team in Y for talks"
        if noun.dep_ == "pobj" and noun.head.lower_ in _PURPOSE and noun.head.dep_ == "prep":
            holder = noun.head.head
            gov = holder if holder.pos_ in ("VERB", "AUX") else None
        if not withs and gov is not None and gov.pos_ == "VERB":
            withs = [c for c in gov.children if c.dep_ == "prep" and c.lower_ == "with"]
        if len(withs) != 1:
            return []
        if gov is None and holder is None:  # "Iran agreed to stop X as part of a deal with
            gov = _framing_verb(noun, self.ctx.lex.frame_nouns)  # Saudi Arabia": the
            # clause's subject is the other side
        # the one named, not what the parser hung on it ("a deal with Saudi Arabia – Wall
        # Street Journal report")
        objs = [c for c in withs[0].children if c.dep_ == "pobj"]
        other = self.actors(x for o in objs for x in _head_span(o, of=True))
        owner = self.actors(
            x for c in noun.children if c.dep_ in ("poss", "compound") for x in c.subtree
        )
        if not owner and holder is not None and gov is None and holder.pos_ in ("NOUN", "PROPN"):
            # the party whose people came for the talks: "a Houthi delegation ... for talks"
            lex = self.ctx.lex
            if holder.lemma_.lower() in lex.side_nouns or holder.lower_ in lex.side_nouns:
                owner = self.actors(_head_span(holder))
        if not owner and gov is not None and gov.pos_ in ("VERB", "AUX"):
            while gov.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in gov.children):
                gov = gov.head  # "agreed to stop arming ... as part of a deal with B"
            subj = next((c for c in gov.children if c.dep_ == "nsubj"), None)
            if subj is not None and not any(c.dep_ == "conj" for c in subj.children):
                owner = self.actors(_head_span(subj))
        if len(owner) != 1 or len(other) != 1 or owner == other:
            return []
        return owner + other

    def _conjoined_object(self, v: Token) -> list[str]:
        """ "urging Israel and Hamas to conclude the deal": the addressees of a call to make
        the deal."""
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is None or not any(c.dep_ == "conj" for c in obj.children):
            return []
        xcomp = next((c for c in v.children if c.dep_ == "xcomp"), None)
        if xcomp is None or not self._negotiation_below(xcomp, obj):
            return []
        return self._sides([obj, *obj.conjuncts])

    def _brought_together(self, v: Token) -> list[str]:
        """ "failed to bring Kibaki and Odinga together", "coaxed A and B back to the table": the
        two that someone brings (or tries to bring) together or to the talks are the sides,
        whether or not it succeeded; a "bring" or a steering verb (`mediation.steering_verbs`)
        with "together", "closer" or a destination of talks. Exactly two sides."""
        lex = self.ctx.lex
        if lemma_of(v) != "bring" and lemma_of(v) not in lex.steering_verbs:
            return []
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is None or not any(c.dep_ == "conj" for c in obj.children):
            return []
        goals = lex.bridging_destinations | lex.talk_nouns | lex.deal_objects
        # "to the table", "into talks", also under "back" ("back to the negotiating table")
        places = [*v.children, *(g for c in v.children if c.lower_ == "back" for g in c.children)]
        steered = any(
            (c.lower_ in ("together", "closer") and c.dep_ in ("advmod", "prt"))
            or (
                c.dep_ == "prep"
                and (c.lower_ == "to" or c.lower_ in lex.steering_preps)
                and any(g.dep_ == "pobj" and lemma_of(g) in goals for g in c.children)
            )
            for c in places
        )
        if not steered:
            return []
        found: list[str] = []
        for h in (obj, *obj.conjuncts):  # "the opposition leader, Raila Odinga": the name
            named = [x for c in h.children if c.dep_ == "appos" for x in c.subtree]
            for a in self.actors(_head_span(h, of=True)) or self.actors(named):
                found += [a] if a not in found else []
        return found if len(found) == 2 else []

    def _negotiation_below(self, v: Token, subj: Token) -> bool:
        """Whether the clause is about the negotiation: one of its nouns below the verb, on
        the path of objects and prepositions ("are close to a truce", "remain far apart on the
        length of the truce"), not in a clause of its own."""
        lex = self.ctx.lex
        frontier = [c for c in v.children if c.i != subj.i and c.dep_ in _PATH]
        for _ in range(_DEPTH):
            nxt: list[Token] = []
            for c in frontier:
                low, lemma = c.lower_, c.lemma_.lower()
                if low in lex.party_nouns or lemma in lex.party_nouns or lemma in lex.talk_nouns:
                    return True
                nxt.extend(g for g in c.children if g.dep_ in _PATH)
            frontier = nxt
        return False

    def _sides(self, heads: Iterable[Token], of: bool = False) -> list[str]:
        """The actor each conjoined side names: the phrase's own ("Yemen's Houthi movement"
        is the Houthis, "Sudan's armed forces" the army where the text names it so), else its
        possessor's ("Israel's government" is Israel)."""
        out: list[str] = []
        for c in heads:
            span = _head_span(c, of)
            owner = {x.i for p in c.children if p.dep_ == "poss" for x in p.subtree}
            found = self.actors(x for x in span if x.i not in owner) if owner else []
            for a in found or self.actors(span):
                out += [a] if a not in out else []
        return out

    def actors(self, tokens: object) -> list[str]:
        """Actors (not people) among tokens; a person counts as the actor it speaks for."""
        return self.principals(self.ctx.resolve.actors_in(tokens, use=False))  # type: ignore[arg-type]

    def principals(self, actors: Iterable[str]) -> list[str]:
        """``actors`` with each person in it replaced by the actor they speak for (left out when
        they speak for none, unless the people are kept)."""
        ctx = self.ctx
        out: list[str] = []
        for a in actors:
            if ctx.type_of(a) == "person":
                sf = ctx.principal.get(a)
                if sf is None and self._raw:
                    out += [a] if a not in out else []
                    continue
                if sf is None:
                    continue
                a = sf.target
            if a not in out:
                out.append(a)
        return out

    def _add(self, found: list[str], at: int, sides: bool = False) -> None:
        if sides:  # one side the dictionary knows is a side still ("Belgrade-X dialogue")
            self.sides_in.setdefault(self.ctx.sent_of[at], set()).update(found)
        if len(found) < 2:
            return
        # one pair whatever the order it is named in ("between A and B", "B and A agreed")
        key = next((p for p in self.pairs if set(p) == set(found)), tuple(found))
        self.pairs[key] += 1
        self.first.setdefault(key, at)


#: prepositions that give the purpose a side came for ("arrived for talks with", "in Geneva to
#: talks with")
_PURPOSE = frozenset({"for", "to", "into"})

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


def listed_after(t: Token, limit: int = 12) -> list[Token]:
    """The list of names right after a word, read as written, whatever the parse: "Qatar, the
    US and Egypt" after "joint mediators" (it stops at the first word that is neither a name nor
    list glue, and drops the glue it ended on)."""
    doc = t.doc
    out: list[Token] = []
    for x in doc[t.i + 1 : min(t.sent.end, t.i + 1 + limit)]:
        if x.pos_ == "PROPN" or x.lower_ in _LIST_GLUE or (x.is_upper and x.is_alpha):
            out.append(x)
            continue
        break
    while out and out[-1].lower_ in _LIST_GLUE:
        out.pop()
    return out


def owner_heads(noun: Token, prep: str) -> list[Token]:
    """Who a noun names as its owner: its possessive, adjective or compound, and the object of
    its ``prep`` phrase ("Hamas's response", "a response from Hamas", "the help of Qatar")."""
    out = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound")]
    out += [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == prep
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return out


def _owners(noun: Token) -> list[Token]:
    """The modifiers that say whose a noun is: "Kyiv's", "the Houthi", "Russian" (not a verb's
    participle: "the Qatar-hosted delegations")."""
    return [
        c
        for c in noun.children
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.tag_ != "VBN"
    ]


def joined_before(noun: Token) -> list[Token]:
    """The words joined by a hyphen or slash before a noun ("the Israel-Hamas war",
    "U.S.-Iran talks"), none without one; not a participle's agent ("US-led talks", "a
    Qatari-brokered deal")."""
    left = [
        x
        for c in noun.lefts
        if c.dep_ in ("compound", "amod", "nmod") and c.tag_ not in ("VBN", "VBG")
        for x in c.subtree
    ]
    doc = noun.doc
    # "UN-facilitated talks", "the US-brokered Israel-Hamas deal": the participle's agent, hung
    # on the noun beside its participle, is no side
    agent = [x.i for x in left if x.text in ("-", "–") and doc[x.i + 1].tag_ in ("VBN", "VBG")]
    if agent:
        left = [x for x in left if x.i > max(agent) + 1]
    return left if any(x.text in ("-", "–", "/") for x in left) else []


def _framing_verb(noun: Token, frame_nouns: frozenset[str]) -> Token | None:
    """The verb whose act a deal or talks frame, through "as part of", "under" or "in" (issue
    16m): "agreed to stop X as part of a deal with B", "released them under a deal with B",
    "withdrew in a deal with B"; none through any other preposition ("despite talks with B")."""
    cur = noun
    for _ in range(2):
        prep = cur.head
        if cur.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _FRAMES:
            return None
        up = prep.head
        if up.pos_ in ("VERB", "AUX"):
            return up if prep.lower_ != "of" else None
        if up.lower_ not in frame_nouns:
            return None
        cur = up
    return None


#: prepositions by which a deal frames an act ("as part of a deal", "under a deal")
_FRAMES = frozenset({"as", "under", "in", "of"})


def lemma_of(t: Token) -> str:
    return t.lemma_.lower()


def _sides_of(subj: Token, side_nouns: frozenset[str]) -> list[Token]:
    """The conjoined sides a subject names: its conjuncts ("Israel and Hamas"), its joined
    modifiers ("Ethiopian and Tigrayan negotiators", "Kosovo's and Serbia's negotiators") or
    the joined objects of "of" on a side noun ("delegations of Armenia and Azerbaijan")."""
    if any(c.dep_ == "conj" for c in subj.children):
        return [subj, *subj.conjuncts]
    for c in subj.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod") and any(
            g.dep_ == "conj" for g in c.children
        ):
            last = c.conjuncts[-1]
            doc = subj.doc
            if subj.pos_ == "PROPN" and last.i + 1 < len(doc) and doc[last.i + 1].tag_ == "POS":
                # "The US and Yemen's Houthis agreed" misread as modifiers of the name: the
                # sides are the first ones and the name the last one owns
                return [c, *c.conjuncts[:-1], subj]
            return [c, *c.conjuncts]
    if subj.lemma_.lower() in side_nouns or subj.lower_ in side_nouns:
        for c in subj.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "from"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and any(g.dep_ == "conj" for g in obj.children):
                    return [obj, *obj.conjuncts]
    return []


def _head_span(t: Token, of: bool = False) -> list[Token]:
    """A conjunct with its own modifiers, not its conjuncts ("Sudan's army" of "Sudan's army
    and the RSF"); with ``of``, its "of" phrase too ("the government of Sudan")."""
    out = [t]
    for c in t.children:
        if of and c.dep_ == "prep" and c.lower_ in ("of", "for", "from"):
            out.extend(c.subtree)  # "the government of Sudan", "negotiators for Colombia"
        if c.dep_ == "amod" and c.tag_ == "VBN":
            continue  # "the Rwanda-backed M23 rebels", "the Saudi-led coalition": not a side
        if c.dep_ in ("compound", "amod", "poss", "det", "nmod", "case"):
            out.extend(c.subtree)
    return sorted(out, key=lambda x: x.i)
