"""Mediators named by what they do for a deal between others, or by an office held for the talks
(issue 12j), without a mediation verb:

* working for a deal: "the US, Qatar and Egypt have been trying to reach an agreement between
  Israel and Hamas", "Turkey is pushing to clinch a swap", "Kenya helped seal a truce",
  "Egypt's efforts to secure a ceasefire", "the US push for a deal";
* an office for the talks: "the EU Special Representative for the Belgrade-Pristina dialogue,
  X", "the UN envoy for the peace talks, X".

The sides are the sentence's ("between A and B", "the A-B dialogue"), else the document's; then
only a third party mediates (``not_a_party``). A side's own deal ("to secure a deal with B"), a
deal hoped for or offered, and a side's own representative ("Serbia's representative for the
dialogue with Kosovo") give nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.parties import joined_before, lemma_of

if TYPE_CHECKING:
    from actorgraph.ingest.extract.mediation import Mediation
    from spacy.tokens import Token

#: a clause that governs the deal's verb: "trying to reach", "helped seal", "pushing to clinch"
_GOVERNED = frozenset({"xcomp", "ccomp", "advcl"})
#: offices no longer held
FORMER = frozenset({"former", "ex", "outgoing", "previous", "erstwhile", "late"})


#: determiners that make talks the document's own ("restart the talks", "revive their dialogue")
_THE_TALKS = frozenset({"the", "their", "these", "those"})


def _with(*heads: Token) -> bool:
    """A "with" phrase on any of the heads: "a deal with Hamas" is a side's own."""
    return any(c.dep_ == "prep" and c.lower_ == "with" for h in heads for c in h.children)


#: prepositions whose object says what a deal is about: "an agreement on grain exports"
_MATTER_PREPS = frozenset({"on", "over", "about", "in", "for", "regarding", "concerning"})


def other_matter(m: Mediation, deal: Token) -> bool:
    """A deal that names another matter than the talks': "a trade deal", "a gas deal", "an
    agreement on grain exports", "peace in the region" (then a document's sides are not its
    sides). A modifier naming the talks' kind of deal ("a ceasefire deal", "a hostage
    agreement", "a peace treaty") or a side ("a truce in Gaza" when Gaza is one) does not."""
    ctx = m.ctx
    lex = ctx.lex

    def kind(t: Token) -> bool:
        if lemma_of(t) in lex.deal_kinds or t.lower_ in lex.deal_kinds:
            return True
        if t.ent_type_ in ("DATE", "TIME") or any(c.dep_ == "nummod" for c in t.children):
            return True  # a length, not a matter: "a four-day truce" (issue-21M)
        return any(a in ctx.parties for a in ctx.resolve.actors_in(t.subtree))

    def elsewhere(p: Token) -> bool:
        """ "on grain exports", "in the region"; not "in Doha" (a venue), "in the coming days"."""
        for g in p.children:
            if g.dep_ != "pobj" or kind(g) or g.ent_type_ in ("DATE", "TIME"):
                continue
            if p.lower_ == "in" and (g.pos_ == "PROPN" or g.ent_type_):
                continue
            return True
        return False

    for c in deal.children:
        if c.dep_ in ("compound", "nmod") and not kind(c):
            return True
        if c.dep_ == "amod" and (lemma_of(c) in lex.deal_matters or c.lower_ in lex.deal_matters):
            return True
        if c.dep_ == "prep" and c.lower_ in _MATTER_PREPS and elsewhere(c):
            return True
    # "to achieve peace in the region": the parser hangs the phrase on the deal's verb
    verb = deal.head if deal.dep_ == "dobj" else None
    return verb is not None and any(
        c.dep_ == "prep" and c.lower_ in ("on", "over", "about", "in") and elsewhere(c)
        for c in verb.children
    )


def pursuit(m: Mediation, v: Token, k: int) -> None:
    """ "have been trying to reach an agreement between A and B", "is working to secure a truce",
    "Egypt's efforts to secure a ceasefire": whoever works for a deal between others."""
    ctx = m.ctx
    lex = ctx.lex
    if v.pos_ != "VERB" or ctx.negated(v) or m.not_asserted(v):
        return
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    if obj is None or _with(v, obj):
        return
    effort = _effort_governor(m, v)
    parties = m.between_near(obj) or m.between_near(v)
    pursued = lemma_of(v) in lex.pursuit_verbs and lemma_of(obj) in lex.deal_objects
    revived = effort is not None and _revived_talks(m, v, obj, parties)
    if not pursued and not revived:
        return  # a deal, or the talks themselves under an effort ("efforts to revive talks")
    if not parties and effort is None:
        return  # "the US secured a deal": whose, the sentence does not say
    if not parties and not revived and other_matter(m, obj):
        return  # the document's sides, and "a trade deal": not their talks
    if effort is not None and effort.pos_ in ("NOUN", "PROPN"):
        found = m.effort_owner(v)
    else:
        found = m.subject_actors(v)
    mediators = [a for a in m.principals(found) if a not in parties]
    if mediators:
        m.link(mediators, parties, k, not_a_party=True)


def _revived_talks(m: Mediation, v: Token, obj: Token, parties: list[str]) -> bool:
    """ "working to restart the talks between A and B", "efforts to revive the negotiations":
    the talks themselves as the aim, named with their sides or as the document's own ("the",
    "their"); not bare talks ("to jumpstart peace talks" may be another track's)."""
    lex = m.ctx.lex
    if lemma_of(v) not in lex.revival_verbs:
        return False
    if lemma_of(obj) not in lex.mandate_objects and obj.lower_ not in lex.mandate_objects:
        return False
    return bool(parties) or any(
        c.dep_ in ("det", "poss") and c.lower_ in _THE_TALKS for c in obj.children
    )


def _effort_governor(m: Mediation, v: Token) -> Token | None:
    """The effort verb or noun a deal's verb is the aim of: "trying to reach", "helped seal",
    "efforts to secure" (through a conjoined verb: "working to draft and sign")."""
    lex = m.ctx.lex
    cur = v
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            return None
        if cur.dep_ in ("acl", "relcl") and lemma_of(head) in lex.effort_nouns:
            return head
        if cur.dep_ in _GOVERNED and head.pos_ == "VERB" and lemma_of(head) in lex.effort_verbs:
            return head
        if cur.dep_ not in ("conj", *_GOVERNED):
            return None
        cur = head
    return None


def effort_for(m: Mediation, n: Token, k: int) -> None:
    """ "Qatar's push for a deal", "US efforts toward a truce between A and B": the efforts'
    owner, or the subject of the verb that makes them ("Egypt renewed a push for a truce")."""
    ctx = m.ctx
    lex = ctx.lex
    deal = next(
        (
            g
            for c in n.children
            if c.dep_ == "prep" and c.lower_ in ("for", "toward", "towards")
            for g in c.children
            if g.dep_ == "pobj" and lemma_of(g) in lex.deal_objects
        ),
        None,
    )
    if deal is None or _with(deal) or m.not_asserted(n):
        return
    found = ctx.resolve.actors_in(
        x for c in n.children if c.dep_ in ("poss", "amod", "compound") for x in c.subtree
    )
    if not found and n.dep_ == "dobj" and not ctx.negated(n.head):
        found = m.subject_actors(n.head)
    parties = m.between_near(deal)
    if not parties and other_matter(m, deal):
        return  # the document's sides, and "a push for a trade deal": not their talks
    mediators = [a for a in m.principals(found) if a not in parties]
    if mediators:
        m.link(mediators, parties, k, not_a_party=True)


def mandate(m: Mediation, n: Token, k: int) -> None:
    """ "the EU Special Representative for the Belgrade-Pristina dialogue, X": the name beside
    an office held for the talks mediates, with the office's owner (the office alone, with no
    holder named, asserts no mediation)."""
    ctx = m.ctx
    talks = next(
        (
            g
            for c in n.children
            if c.dep_ == "prep" and c.lower_ in ("for", "to", "on")
            for g in c.children
            if g.dep_ == "pobj" and _mandate_object(m, g)
        ),
        None,
    )
    if talks is None or _with(talks):
        return  # no talks, or a side's own ("for the dialogue with Kosovo")
    before = [x for c in n.lefts for x in c.subtree]
    if any(x.lower_ in FORMER for x in before):
        return
    sides = _hyphenated_sides(m, talks) or m.between_near(talks)
    owners = m.parties.actors(before)
    if any(o in sides or o in ctx.parties for o in owners):
        return  # "Serbia's representative for the dialogue": a side's own
    # the holder: in apposition to the title, or to the talks where the parser hung it there
    # ("for the A-B dialogue, X,"), or the name the title stands in apposition to
    names = [c for h in (n, talks) for c in h.children if c.dep_ == "appos" and c.i > talks.i]
    if n.dep_ == "appos" or (n.dep_ == "compound" and n.head.pos_ == "PROPN"):
        names.append(n.head)  # "X, the EU envoy for the talks"; "Envoy for the talks X"
    title = range(n.left_edge.i, talks.i + 1)
    people = [
        a
        for h in names
        for a in ctx.resolve.actors_in(x for x in _name(h) if x.i not in title)
        if a not in owners and a not in sides
    ]
    if not people:
        return  # the office without its holder ("the UN envoy for the A-B talks said the
        # weather was fine"): no mediation asserted
    # the holder mediates in person, and for the office's owner; not for a title the tagger
    # took for a name ("The EU Special Representative" as an organization of its own)
    title_name = men.actor if (men := ctx.men[n.i]) is not None else None
    mediators = [a for a in m.principals([*owners, *people]) if a not in sides and a != title_name]
    mediators += [a for a in people if a not in mediators]
    if mediators:  # one side named: the document's other side too
        m.link(mediators, sides, k, with_document=len(sides) == 1, not_a_party=True)


def _hyphenated_sides(m: Mediation, talks: Token) -> list[str]:
    """The sides a title's talks name: "for the Armenia-Azerbaijan dialogue" (the names a
    title's brief would otherwise leave out: "the envoy for Armenia" is no one, but two names
    joined before the talks are their sides)."""
    ctx = m.ctx
    found: list[str] = []
    for x in joined_before(talks):  # not "the Doha-hosted talks"
        men = ctx.men[x.i]
        if men is not None and men.actor and x.i == men.start:
            found.append(men.actor)
        elif men is None and x.pos_ == "PROPN" and x.dep_ in ("compound", "nmod", "amod"):
            # a capital the tagger left unlabelled ("Belgrade-Pristina"): its state
            hit = ctx.dict.lookup_metonym(x.text) or ctx.dict.lookup(x.text)
            found += [hit] if hit else []
    return m.parties.principals(dict.fromkeys(found))


def _name(h: Token) -> list[Token]:
    """A name with its own words, not its clauses: "Carlos Ruiz Massieu"."""
    return [h, *(x for c in h.children if c.dep_ in ("compound", "flat") for x in c.subtree)]


def _mandate_object(m: Mediation, g: Token) -> bool:
    """Talks an office can be held for: "the dialogue", "the peace talks", "the peace process"
    (a "process" only with "peace" or the sides before it)."""
    words = m.ctx.lex.mandate_objects
    if g.lower_ not in words and lemma_of(g) not in words:
        return False
    return g.lower_ != "process" or any(
        c.lower_ == "peace" or c.text in ("-", "–") for x in g.lefts for c in x.subtree
    )
