"""Mediating bodies the tagger did not name (issue-17m).

Facilitating organizations are often names no dictionary holds and the tagger misses
("Swisspeace has facilitated a dialogue between A and B", "the Crisis Management Initiative
hosted talks between A and B"). Where a mediation or hosting verb has a subject, or an agent,
that is a run of capitalized proper nouns no mention covers, that run names an organization:
the mediator. Not a pronoun, a title ("the Special Envoy"), a place or a person the tagger
labelled, nor a single word that opens the sentence unless the tagger read it as a proper noun.

Issue-23M: the same for the agent of a mediation noun ("after mediation by the Normandy
Quartet"), including the "by" the parser hung on the verb above the noun (``stray_agent``), and
for a verb of mediating whose object is the talks or a deal even when the sentence names no
sides ("the talks were mediated by X"). A name the tagger read as a building is a body where
it mediates or brokers, a venue where it only hosts ("talks hosted by the Serena Hotel").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.mentions import Mention

if TYPE_CHECKING:
    from actorgraph.ingest.extract.mediation import Mediation
    from spacy.tokens import Token

#: entity labels that are no organization ("Helsinki hosted", "Mr Smith mediated")
_NOT_BODIES = frozenset({"GPE", "LOC", "PERSON", "DATE", "TIME", "NORP", "CARDINAL"})
#: labels of a venue: no body where the verb is hosting ("talks hosted by the Serena Hotel")
_VENUES = frozenset({"FAC"})
#: words that join the parts of a body's name ("the Community of Sant'Egidio")
_JOINERS = frozenset({"of", "for"})


def unnamed_body(m: Mediation, v: Token, hosting: bool = False) -> list[str]:
    """The organization the subject (or agent) of mediation verb ``v`` names where no mention
    covers it, registered as an actor of the document; none otherwise. Only a host may be a
    name the tagger read as a building ("talks hosted by the Serena Hotel" is a venue); one
    that mediates or brokers is a body whatever the tagger said ("the Normandy Quartet")."""
    head = _doer(v)
    return [] if head is None else _body_at(m, head, hosting)


def unnamed_body_in(m: Mediation, prep: Token) -> list[str]:
    """The organization a mediation noun's "by"/"of" phrase names where no mention covers it
    ("after mediation by the Sahel Peace Circle", "under the auspices of the X Forum")."""
    head = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return [] if head is None else _body_at(m, head, hosting=False)


def stray_agent(n: Token) -> Token | None:
    """The "by" right after a mediation noun's phrase that the parser hung on a word above
    the noun: "signed a truce after mediation by Switzerland" ("by" on "signed"), "resumed
    talks following mediation by the Ghanaian government". Only where nothing comes between
    (no comma, no other phrase) and the word it hangs on governs the noun."""
    doc = n.doc
    j = n.right_edge.i + 1
    if j >= len(doc):
        return None
    by = doc[j]
    if by.lower_ != "by" or by.dep_ not in ("prep", "agent") or by.head.i == n.i:
        return None
    if not any(a.i == by.head.i for a in n.ancestors):
        return None
    return by


def _body_at(m: Mediation, head: Token, hosting: bool) -> list[str]:
    """The organization named by the run of capitalized words around ``head`` where no
    mention covers it, registered as an actor of the document; none otherwise."""
    span = _name_span(head)
    ctx = m.ctx
    if not span or any(ctx.men[t.i] is not None or ctx.title_at[t.i] for t in span):
        return []
    not_bodies = _NOT_BODIES | _VENUES if hosting else _NOT_BODIES
    if any(t.ent_type_ in not_bodies for t in span):
        return []
    text = " ".join(t.text for t in span)
    actor = ctx.dict.new_actor(text, "organization")
    mention = Mention(span[0].i, span[-1].i + 1, "name", "ORG", text, actor)
    ctx.mentions.append(mention)
    for t in span:
        ctx.men[t.i] = mention
    ctx.use(actor, span[0].i, text)
    return [actor]


def _doer(v: Token) -> Token | None:
    """The head noun of a verb's subject, or of its passive agent ("hosted by X")."""
    for c in v.children:
        if c.dep_ == "nsubj":
            return c
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _name_span(head: Token) -> list[Token]:
    """The run of capitalized words around a proper-noun head, inside its phrase, joined by
    "of"/"for" ("Crisis Management Initiative", "Community of Sant'Egidio"); empty when the
    head is no capitalized proper noun."""
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return []
    doc = head.doc
    inside = {t.i for t in head.subtree}
    i = j = head.i
    while i - 1 in inside and _name_word(doc[i - 1]):
        i -= 1
    while j + 1 in inside and _name_word(doc[j + 1]):
        j += 1
    while i < j and doc[i].lower_ in _JOINERS:
        i += 1
    while j > i and doc[j].lower_ in _JOINERS:
        j -= 1
    return list(doc[i : j + 1])


def _name_word(t: Token) -> bool:
    """A word of a body's name: capitalized, or a joiner."""
    return t.lower_ in _JOINERS or (t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ"))
