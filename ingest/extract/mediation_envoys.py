"""Mediators by what they do in person (issue 14m), without a mediation verb or noun:

* meeting the sides as a third party: "X and Y held talks with the heads of the warring sides
  separately", "met both delegations", "is racing to persuade the warring parties to accept";
* a mediator's own people at work: once a body mediates in the document, its envoy, minister or
  head acting for the talks is a mediator in person ("Oman is mediating. Its foreign minister,
  X, was coordinating the exchange between the two sides"; "X announced that the sides agreed
  under the mediation of Malaysia", said by Malaysia's foreign minister), and so is the one a
  body appointed or sent to mediate ("the AU appointed X to mediate ...; X is holding talks");
* a deal made through someone: "the deal agreed via the United Nations", "reached through
  Egypt".

Only a third party mediates so (``not_a_party``), between the sides the sentence names, else the
document's. What is negated, only offered or hoped for gives nothing (``not_asserted``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.lexicon import title_key
from actorgraph.ingest.extract.parties import lemma_of
from actorgraph.ingest.extract.tokens import lemmas, tokens

if TYPE_CHECKING:
    from actorgraph.ingest.extract.mediation import Mediation
    from spacy.tokens import Span, Token

#: words that count a pair noun as both sides ("the two sides", "the warring parties"); not a
#: bare "the" ("the governments of X and Y")
_BOTH = frozenset({"two", "both", "warring", "rival", "opposing", "each", "either"})
#: where a meeting verb names whom it meets
_MET = frozenset({"dobj", "dative"})
_MET_PREPS = frozenset({"with", "to"})
#: the confidence of a link to the pair named last before (no parties stated or inferred)
_BEFORE = 0.65


def meets_the_sides(m: Mediation, v: Token, k: int) -> None:
    """ "X held talks with the heads of Libya's warring sides separately", "met both
    delegations", "racing to persuade the warring parties": a third party with both sides."""
    ctx = m.ctx
    met = [c for c in v.children if c.dep_ in _MET]
    talks = [c for c in met if lemma_of(c) in ctx.lex.talk_nouns or c.lower_ in ctx.lex.talk_nouns]
    if lemma_of(v) in ctx.lex.envoy_light_verbs:  # "held talks with": the talks' "with"
        if not talks:
            return
        met = []
        heads = talks
    else:
        heads = [v, *talks]
    for h in heads:
        met += [
            g
            for c in h.children
            if c.dep_ == "prep" and c.lower_ in _MET_PREPS
            for g in c.children
            if g.dep_ == "pobj"
        ]
    if ctx.negated(v) or m.not_asserted(v) or _meets_two_named(m, v, met, k):
        return
    if _met_apart(m, v, talks, met, k) or _hosts_two_named(m, v, met, k):
        return
    hosts = lemma_of(v) in ctx.lex.host_verbs
    if not any(_both_sides(m, o, counted=hosts) for o in met):
        return
    mediators = m.principals(m.subject_actors(v))
    if mediators:  # the sides: the document's, else the pair named last before
        sides = [] if ctx.parties else m.parties.pair_before(v.i)
        conf = _BEFORE if sides else 0.0
        m.link(mediators, [a for a in sides if a not in mediators], k, conf, not_a_party=True)


def _meets_two_named(m: Mediation, v: Token, met: list[Token], k: int) -> bool:
    """ "UN special envoy X has met both the Myanmar military and the Arakan Army", "the
    envoy met Morocco's and the Polisario's negotiators": an envoy or mediator (by title)
    meeting two sides it names in one list mediates between them (issue-17m); not a leader
    meeting two others ("the president met both A and B"), nor two of one side, nor two
    mediators ("the US envoy met Qatar's and Egypt's ministers" where they mediate)."""
    ctx = m.ctx
    found = m.subject_actors(v)
    if not any(_envoy(m, a) for a in found):
        return False
    mediators = m.principals(found)
    for o in met:
        if not o.conjuncts:
            continue  # one list of two: "both A and B", "A's and B's negotiators"
        sides = m.parties.principals(ctx.resolve.actors_in(o.subtree))
        if len(sides) == 2 and not set(sides) & (set(mediators) | ctx.mediator_hints):
            m.link(mediators, sides, k, not_a_party=True)
            return True
    return False


def _met_apart(m: Mediation, v: Token, talks: list[Token], met: list[Token], k: int) -> bool:
    """ "Indonesia held separate meetings with the leaders of Thailand and Cambodia": talks
    with each side in turn (`mediation.apart_modifiers` on the talks) by a third party with
    the two sides named in one list mediate between them (issue-20M); not one side meeting
    the other, nor meetings with two of one side."""
    ctx = m.ctx
    apart = ctx.lex.apart_modifiers
    if not any(c.dep_ == "amod" and c.lower_ in apart for t in talks for c in t.children):
        return False
    return _met_stated_pair(m, m.principals(m.subject_actors(v)), met, k)


def _met_stated_pair(m: Mediation, found: list[str], met: list[Token], k: int) -> bool:
    """Links ``found`` to the two sides one of ``met`` names in one list, where they are the
    document's parties or a pair it states, and none of them is ``found``."""
    ctx = m.ctx
    for o in met:
        sides = m.parties.principals(ctx.resolve.actors_in(o.subtree))
        stated = set(sides) <= set(ctx.parties) or any(
            set(p) == set(sides) for p in m.parties.pairs
        )
        if len(sides) == 2 and found and stated and not set(sides) & set(found):
            m.link(found, sides, k, not_a_party=True)
            return True
    return False


def _hosts_two_named(m: Mediation, v: Token, met: list[Token], k: int) -> bool:
    """ "Putin hosted the leaders of Armenia and Azerbaijan in Moscow", "Egypt hosted Israeli
    and Hamas negotiators": a third party hosting the people of two sides it names in one
    list, where they are the document's sides, hosts their talks (issue-21M); not a host of
    two of one side, nor of a pair the document does not negotiate between (a summit's
    guests)."""
    ctx = m.ctx
    if lemma_of(v) not in ctx.lex.host_verbs:
        return False
    talks = ctx.lex.talk_nouns
    people = [o for o in met if lemma_of(o) not in talks and o.lower_ not in talks]
    if not people:  # (hosted talks: `Mediation._host`)
        return False
    return _met_stated_pair(m, m.principals(m.subject_actors(v)), people, k)


def _envoy(m: Mediation, actor: str) -> bool:
    """Whether an actor is a person whose title here is an envoy's or a mediator's."""
    lex = m.ctx.lex
    sf = m.ctx.principal.get(actor)
    if sf is None or not sf.title or m.ctx.type_of(actor) != "person":
        return False
    words = title_key(sf.title).split(" of ")[0].split()
    return bool(words) and (words[-1] in lex.mandate_titles or words[-1] in lex.mediator_nouns)


def _both_sides(m: Mediation, t: Token, counted: bool = False) -> bool:
    """ "both sides", "the warring parties", "each side", also as the owner's people: "the
    heads of the two sides", "leaders of both delegations"; with ``counted``, the pair nouns
    that name the sides only when counted too ("hosted the two leaders", issue-21M)."""
    lex = m.ctx.lex
    nouns = lex.pair_nouns | lex.counted_pair_nouns if counted else lex.pair_nouns
    for x in (t, *(g for c in t.children if c.lower_ == "of" for g in c.children)):
        pair = lemma_of(x) in nouns or x.lower_ in nouns
        if pair and counted and _owned(m, x):
            continue  # "the two Hamas leaders": two of one side
        kids = {c.lower_ for c in x.children}
        if pair and kids & _BOTH and (x.tag_ in ("NNS", "NNPS") or kids & {"each", "either"}):
            return True
        if pair and m.parties.is_pair_phrase(x) and kids & _BOTH:
            return True
    return False


def _owned(m: Mediation, x: Token) -> bool:
    """A noun a modifier gives to an actor: "the two Hamas leaders", "Israel's two envoys"."""
    return any(
        m.ctx.resolve.actors_in(c.subtree)
        for c in x.children
        if c.dep_ in ("compound", "amod", "poss", "nmod")
    )


def through_someone(m: Mediation, v: Token, k: int) -> None:
    """ "the deal agreed via the United Nations", "a truce reached through Egypt": who a deal
    is made through mediates it (an actor, not a place or a means: "via video link")."""
    ctx = m.ctx
    via = [c for c in v.children if c.dep_ == "prep" and c.lower_ in ctx.lex.channel_preps]
    if not via or ctx.negated(v) or m.not_asserted(v):
        return
    mediators = m.principals(
        a
        for p in via
        for g in p.children
        if g.dep_ == "pobj" and g.ent_type_ not in ("GPE", "LOC", "FAC") and not _cue(m, g)
        for a in ctx.resolve.actors_in(g.subtree)
    )
    if not mediators:
        return
    parties: list[str] = []
    if v.dep_ not in ("acl", "relcl"):  # "A and B agreed via Z": the clause's sides
        parties = m.parties.principals(r.actor for r in ctx.resolve.subject_actors(v))
    m.link(mediators, parties if len(parties) >= 2 else [], k, not_a_party=True)


def _cue(m: Mediation, t: Token) -> bool:
    """A mediation word of its own ("through the mediation of X", "via mediators"): its rule's."""
    lex = m.ctx.lex
    return any(w in lex.mediation_nouns or w in lex.mediator_nouns for w in (lemma_of(t), t.lower_))


def appointed(m: Mediation, v: Token) -> list[str]:
    """Whom a body appointed or sent to mediate: "the AU appointed X to mediate between ..."
    (the object of the sending verb the mediation verb completes); and who was given the task
    (:func:`assigned`)."""
    head = v.head
    if v.dep_ != "xcomp" or lemma_of(head) not in m.ctx.lex.sending_verbs:
        return assigned(m, v)
    sent = [
        a for c in head.children if c.dep_ == "dobj" for a in m.ctx.resolve.actors_in(c.subtree)
    ]
    return sent or assigned(m, v)


def assigned(m: Mediation, v: Token) -> list[str]:
    """The passive subject of a verb that gives the task (`mediation.assigning_verbs`): "X was
    appointed to mediate", "X was enlisted to help broker a deal", "X has been tasked with
    mediating". Not a request ("was asked to mediate"), nor an assignment negated, hedged or
    only expected ("is expected to be named to mediate")."""
    ctx = m.ctx
    cur = v
    if cur.dep_ == "xcomp" and lemma_of(cur.head) in _HELPING:
        cur = cur.head  # "enlisted to help broker"
    if cur.dep_ == "xcomp" or (  # "was sent to mediate" parsed as a purpose
        cur.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
    ):
        assigner = cur.head
    elif cur.dep_ in ("pcomp", "pobj") and cur.head.lower_ == "with" and cur.head.dep_ == "prep":
        assigner = cur.head.head  # "tasked with mediating"
    else:
        return []
    verbs = ctx.lex.assigning_verbs
    low = assigner.lower_  # "enlisted" is sometimes its own lemma
    participle = low.endswith("ed") and (low[:-1] in verbs or low[:-2] in verbs)
    if (lemma_of(assigner) not in verbs and not participle) or assigner.dep_ == "xcomp":
        return []
    if ctx.negated(assigner) or m.not_asserted(assigner):
        return []
    if not any(c.dep_ == "auxpass" for c in assigner.children):
        return []  # "the AU appointed X to mediate" is the sender's (see :func:`appointed`)
    # the subject, also where the parser hung it on the auxiliary ("X, ..., was enlisted")
    holders = [assigner, *(c for c in assigner.children if c.dep_ in ("aux", "auxpass"))]
    subjects = [c for h in holders for c in h.children if c.dep_ in ("nsubjpass", "nsubj")]
    return [r.actor for s in subjects for r in ctx.resolve.resolve_np(s, pronouns=True)]


#: verbs whose infinitive is the task itself ("enlisted to help broker a deal")
_HELPING = frozenset({"help", "assist"})


def in_person(m: Mediation) -> None:
    """The people of a body that mediates in the document, acting for the talks: its envoy,
    minister or head as the subject of a verb of the talks' work (`mediation.envoy_verbs`) in a
    sentence about the negotiation; a person found mediating anywhere in the document counts
    too ("the AU appointed X to mediate. X is holding talks in Nairobi")."""
    ctx = m.ctx
    lex = ctx.lex
    found = {a for f in m.found for a in f.mediators}
    bodies = {a for a in found if ctx.type_of(a) != "person"} - set(ctx.parties)
    people = {a for a in found if ctx.type_of(a) == "person"}
    named = {x.actor for x in ctx.mentions if x.kind == "name"}
    people |= {  # named: not "Qatar's prime minister" (that is the state's mediation)
        a
        for a, sf in ctx.principal.items()
        if sf.target in bodies
        and a in named
        and ctx.type_of(a) == "person"
        and m.holds_office(sf.title)
    }
    if not people:
        return
    seen = {(a, f.sent) for f in m.found for a in f.mediators}
    lems, toks = lemmas(ctx.doc), tokens(ctx.doc)
    for k, s in enumerate(ctx.sents):
        verbs = [
            toks[i]
            for i in range(s.start, s.end)
            if lems[i] in lex.envoy_verbs and toks[i].pos_ in ("VERB", "AUX")
        ]
        if not verbs or not _about_the_talks(m, s):
            continue
        for v in verbs:
            if ctx.negated(v) or m.not_asserted(v) or not _works_for_talks(m, v):
                continue
            who = [r.actor for r in ctx.resolve.subject_actors(v)]
            mine = [a for a in who if a in people and (a, k) not in seen]
            if mine:
                seen.update((a, k) for a in mine)
                m.link(mine, [], k, not_a_party=True)


def _about_the_talks(m: Mediation, s: Span) -> bool:
    """A sentence that speaks of the negotiation: a talk noun, a deal, a mediation cue, "both
    sides", or one of the document's parties named."""
    ctx = m.ctx
    lex = ctx.lex
    words = lex.talk_nouns | lex.deal_objects | lex.mediation_cues | lex.pair_nouns
    if any(lemma_of(t) in words or t.lower_ in words for t in s):
        return True
    return any(a in ctx.parties for a in ctx.resolve.actors_in(s, use=False))


def _works_for_talks(m: Mediation, v: Token) -> bool:
    """A verb of saying counts only with a deal or the talks in what it says ("announced
    that the sides agreed to a truce"); a light verb only with the talks as its object ("is
    holding talks", not "holding a rally")."""
    lex = m.ctx.lex
    lemma = lemma_of(v)
    if lemma in lex.envoy_light_verbs:
        return any(
            c.dep_ == "dobj" and (lemma_of(c) in lex.talk_nouns or c.lower_ in lex.talk_nouns)
            for c in v.children
        )
    if lemma in lex.envoy_saying_verbs:
        words = lex.deal_objects | lex.talk_nouns | lex.party_verbs
        return any(
            lemma_of(x) in words
            for c in v.children
            if c.dep_ in ("ccomp", "dobj")
            for x in c.subtree
        )
    return True
