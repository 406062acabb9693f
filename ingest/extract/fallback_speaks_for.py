"""The ``speaks_for`` fallback: a person and the body a role noun ties them to, read from the
sentence's structure where the rules found no ``speaks_for`` in a flagged sentence.

A person speaks for a body when the sentence gives them a role noun (the head word of a title
of ``roles.titles`` or ``roles.synonyms``, a member noun of ``roles.member_nouns``, or one of
``roles.fallback_role_nouns``: spokesperson, minister, negotiator, envoy, chief, head, leader,
representative, commander, official, member, adviser, emissary, liaison) and that role noun
names its body:

* the link between person and role noun: apposition ("X, a spokesperson for Y"; "Y's chief
  negotiator, X"), a title before the name ("the Thai negotiator X"), a coordinated title
  ("Y's chief negotiator and spokesman X"), a copula or "serve/act as" in the present ("X is
  the executive director of Y", "X serves as Y's envoy"), or a relative clause of heading or
  representing in the present ("X, who leads/heads/represents Y");
* the body: the role noun's possessor ("Hamas's negotiator", "its spokeswoman"), a name or
  demonym before it ("the IGAD envoy", "the Thai negotiator"), or its "of"/"for" phrase ("head
  of the TRNC", "a spokesperson for the militia"), through the rules' own resolver
  (:meth:`.coref.Resolver.modifier_actors`, :meth:`.coref.Resolver.resolve_np`).

Not when a word of ``roles.blockers`` ("former", "opposition") or an ordinal of history
(``roles.ordinal_blockers``: "Somalia's first president") cancels the role, the apposition or
clause is negated, hedged or asked, the role's phrase names another person or a name follows it
at once ("praised by X, the leader of the Front Y"), the body is a person ("an adviser to
Zelensky": the rules' own case) or more than one body fits, nor for a person the rules already
gave a principal. What it finds
goes into ``ctx.speaks`` like the rules' roles (so that the person's stances become the body's)
with :data:`CONFIDENCE` and the fallback origin, which :meth:`.speakers.Speakers.emit` writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract import fallbacks
from actorgraph.ingest.extract.tokens import span_root

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.lexicon import Lexicon
    from actorgraph.ingest.extract.mentions import Mention
    from actorgraph.ingest.extract.parties import Parties
    from spacy.tokens import Span, Token

#: below the rules' lowest speaks_for confidence (0.6)
CONFIDENCE = 0.45
#: the actor types a person can speak for
BODIES = frozenset({"organization", "state"})
#: present-tense verb tags: "X, who leads Y" (not "who led Y until 2019"), see :func:`present`
PRESENT = frozenset({"VBZ", "VBP"})
#: prepositions whose object, a description of a body, is the role's body ("a spokesman for
#: the federal government", "an official at the foreign ministry")
BODY_PREPS = frozenset({"of", "for", "at"})
#: how a name hangs on a word of origin: "Ghanaian-born", "of Somali origin", "born in Ghana"
ORIGIN_DEPS = frozenset({"npadvmod", "amod", "compound", "advmod", "nmod", "pobj", "prep"})
#: pronoun possessors that stand for a body, not a person ("its spokeswoman")
BODY_PRONOUNS = frozenset({"its", "their"})


@fallbacks.per_lexicon
def role_heads(lex: Lexicon) -> frozenset[str]:
    """The head words of the lexicon's titles, their synonyms, member nouns and the
    fallback's own role nouns ("chief negotiator" -> "negotiator"), but for the heads of no
    role (`roles.fallback_not_roles`); once a lexicon."""
    synonyms = frozenset(w for group in lex.title_synonyms for w in group)
    groups = (lex.role_titles, synonyms, lex.member_nouns, lex.fallback_role_nouns)
    heads = {t.split()[-1] for group in groups for t in group}
    return frozenset(heads - lex.fallback_not_roles)


def present(v: Token) -> bool:
    """Present or present perfect: "X leads Y", "X has led Y since 2019" (the role holds)."""
    if v.tag_ in PRESENT:
        return True
    return v.tag_ == "VBN" and any(c.dep_ == "aux" and c.tag_ in PRESENT for c in v.children)


def of_origin(bt: Token, words: frozenset[str]) -> bool:
    """Whether the body's word says where the person comes from, not whom they serve: it hangs
    on a word of origin (`roles.origin_words`) within three steps: "Ghanaian-born mediator X",
    "Kenyan-raised envoy X", "a judge of Somali origin", "born in Ghana"."""
    t = bt
    for _ in range(3):
        if t.head.i == t.i or t.dep_ not in ORIGIN_DEPS:
            return False
        t = t.head
        if t.lower_ in words or t.lemma_.lower() in words:
            return True
    return False


class _Reader:
    """One flagged sentence read for its people's bodies."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.heads = role_heads(ctx.lex)

    def role(self, t: Token) -> bool:
        """Whether ``t`` is a role noun that no blocker cancels."""
        noun = t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in self.heads
        if not noun and t.lower_ not in self.heads:
            return False
        return not self.blocked(t) and not any(c.dep_ == "neg" for c in t.children)

    def blocked(self, t: Token) -> bool:
        """Whether a blocker ("former", "opposition") or an ordinal of history ("first", not
        "First Vice President") stands among the words before ``t`` in its phrase ("former
        Nigerian President X": the name's, not the title's)."""
        lex = self.ctx.lex
        doc = self.ctx.doc
        for x in (x for c in t.lefts for x in c.subtree):
            if x.lower_ in lex.role_blockers:
                return True
            if x.lower_ in lex.ordinal_blockers and doc[x.i + 1].lower_ not in lex.ordinal_ranks:
                return True  # "Somalia's first president, X": an office in history
        return False

    def roles_of(self, p: Token) -> list[Token]:
        """The role nouns the sentence gives the person whose name's root is ``p``."""
        if self.blocked(p) or any(c.dep_ == "neg" for c in p.children):
            return []  # "X, not a Japanese official, ..."
        found = [c for c in p.children if c.dep_ == "appos" and self.role(c)]
        if p.dep_ == "appos" and self.role(p.head):
            found.append(p.head)  # "Hamas's negotiator, X"
        elif p.dep_ == "appos" and p.head.dep_ == "pobj" and p.head.head.lower_ in BODY_PREPS:
            r = p.head.head.head  # "the spokesman for the Front, X" (X hung on the Front)
            if self.role(r):
                found.append(r)
        found += [c for c in p.lefts if c.dep_ == "compound" and self.role(c)]
        if p.dep_ == "conj" and self.role(p.head) and found:
            found.append(p.head)  # "the TPLF's chief negotiator and spokesman X"
        if p.dep_ == "nsubj":
            found += self._predicated(p.head)
        found += self._relative(p)
        return found

    def _predicated(self, v: Token) -> list[Token]:
        """ "X is the executive director of Y", "X serves as Y's envoy": present, asserted."""
        ctx = self.ctx
        if not present(v) or ctx.negated(v) or ctx.has_modal(v):
            return []
        lemma = v.lemma_.lower()
        if lemma == "be":
            return [c for c in v.children if c.dep_ == "attr" and self.role(c)]
        if lemma in ctx.lex.as_verbs:
            return [
                g
                for c in v.children
                if c.dep_ == "prep" and c.lower_ == "as"
                for g in c.children
                if g.dep_ == "pobj" and self.role(g)
            ]
        return []

    def _relative(self, p: Token) -> list[Token]:
        """ "X, who leads Y": the relative clause's object, as the role noun's stand-in."""
        lex = self.ctx.lex
        verbs = lex.heading_verbs | lex.representing_verbs
        out: list[Token] = []
        for v in p.children:
            if v.dep_ != "relcl" or not present(v) or self.ctx.negated(v):
                continue
            if any(c.lower_ in lex.past_role_adverbs for c in v.children):
                continue
            if v.lemma_.lower() in lex.as_verbs:
                out += self._predicated(v)
            elif v.lemma_.lower() in verbs:
                out += [c for c in v.children if c.dep_ == "dobj"]
        return out

    def bodies(self, r: Token) -> list[str]:
        """The bodies a role noun (or a heading verb's object) names."""
        ctx = self.ctx
        found = [a for a in ctx.resolve.modifier_actors(r) if ctx.type_of(a) in BODIES]
        origin = {  # "the Ghanaian-born mediator": where they come from, not whom they serve
            m.actor
            for x in r.subtree
            if (m := ctx.men[x.i]) is not None and m.actor and of_origin(x, ctx.lex.origin_words)
        }
        found = [a for a in found if a not in origin]
        placed = self._placed(r)  # "the negotiator for the ELN in Caracas": not Venezuela
        if set(found) - placed:
            found = [a for a in found if a not in placed]
        phrase = self._phrase_actors(r)
        if phrase is not None:  # "the Nepali chief of the UN mission": the UN's, not Nepal's
            found = [a for a in found if a in phrase]
        if r.dep_ == "dobj":  # "who leads the rebel movement Y"
            found += [x.actor for x in ctx.resolve.resolve_np(r, pronouns=False)]
        elif not found:
            for c in r.children:
                if c.dep_ == "poss" and (c.pos_ != "PRON" or c.lower_ in BODY_PRONOUNS):
                    # "its spokeswoman", "the government's interlocutor"
                    found += [x.actor for x in ctx.resolve.resolve_np(c)]
                elif c.dep_ == "prep" and c.lower_ in BODY_PREPS:  # "for the Somali government"
                    for g in c.children:
                        if g.dep_ == "pobj" and ctx.men[g.i] is None:
                            found += [x.actor for x in ctx.resolve.resolve_np(g, pronouns=False)]
        return [a for a in dict.fromkeys(found) if ctx.type_of(a) in BODIES]

    def _phrase_actors(self, r: Token) -> set[str] | None:
        """The actors named in the role noun's of/for/at phrases, or None when it has none: a
        role noun with such a phrase serves the phrase's body only, not a demonym or another
        modifier before it ("the Nepali chief of the observer mission": no body)."""
        ctx = self.ctx
        preps = [c for c in r.children if c.dep_ == "prep" and c.lower_ in BODY_PREPS]
        if not any(g.dep_ == "pobj" for c in preps for g in c.children):
            return None
        return {
            m.actor
            for c in preps
            for x in c.subtree
            if (m := ctx.men[x.i]) is not None and m.actor is not None
        }

    def _held_by_another(self, r: Token, m: Mention) -> bool:
        """Whether the role noun's own phrase names another person, its holder, in it or
        right after it ("praised by X, the leader of the Front Y": Y leads the Front)."""
        ctx = self.ctx
        end = r.right_edge.i + 1
        for x in [*r.subtree, *ctx.doc[end : end + 1]]:
            other = ctx.men[x.i]
            if (
                other is not None
                and other.actor not in (None, m.actor)
                and ctx.type_of(other.actor or "") == "person"
            ):
                return True
        return False

    def _placed(self, r: Token) -> set[str]:
        """The actors named in the role noun's "in"/"from" phrases: where, not whom for."""
        ctx = self.ctx
        return {
            m.actor
            for c in r.children
            if c.dep_ == "prep" and c.lower_ in ("in", "from")
            for x in c.subtree
            if (m := ctx.men[x.i]) is not None and m.actor
        }

    def pairs(self, sent: Span) -> list[tuple[Mention, str, str]]:
        """(person's mention, body, the role noun) for each person tied to one body."""
        ctx = self.ctx
        out: list[tuple[Mention, str, str]] = []
        for m in ctx.mentions_in(sent):
            if not m.actor or m.kind != "name" or ctx.type_of(m.actor) != "person":
                continue
            if m.actor in ctx.principal:
                continue  # the rules gave them a principal: theirs stands
            p = span_root(ctx.doc, m.start, m.end)
            bodies: dict[str, str] = {}
            for r in self.roles_of(p):
                if self._held_by_another(r, m):
                    continue
                for body in self.bodies(r):
                    bodies.setdefault(body, r.lemma_.lower())
            if len(bodies) == 1:
                body, title = next(iter(bodies.items()))
                if body not in ctx.outlets:
                    out.append((m, body, title))
        return out


@fallbacks.register("speaks_for")
def speaks_for(ctx: DocContext, parties: Parties, sent: Span, k: int) -> None:
    """Read sentence ``k`` (flagged ``speaks_for``, none found there by the rules)."""
    if ctx.asked(sent.root):
        return
    with ctx.quietly():  # what it reads and does not pair is no actor of the document's
        pairs = _Reader(ctx).pairs(sent)
    for m, body, title in pairs:
        ctx.add_speaks(m.actor or "", body, title, k, CONFIDENCE, origin=ctx.out.origin)
