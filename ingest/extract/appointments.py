"""Roles given by appointment: the body that names a person to an office.

"The Front named X as its chief negotiator", "The AU appointed X as its high representative",
"X was appointed the Arab League's envoy to Libya", "X, who was named ECOWAS special envoy",
"Kenya appointed X ambassador to Sudan", "The ELN designated X to lead its delegation": a verb
of ``roles.appointing_verbs`` gives its object (or its passive subject) the role named after it
("as" a role noun, a predicate noun, a role noun in apposition, or a body the person is to
lead), and the person speaks for that role's owner: its possessor, modifier or "of"/"for"
phrase (:func:`.role_owners.role_owner`; "its" is the appointer), else the body named right
before the role noun, else the one body that appoints (the subject, or the passive's "by").

Nothing where the appointment is negated, hedged, wanted or only planned ("is expected to
appoint X", "did not name X as its envoy"), the role is cancelled ("named X as its former
envoy") or no role noun follows ("named X as a suspect").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.role_owners import blocks, historical, role_owner
from actorgraph.ingest.extract.tokens import span_root

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.mentions import Mention
    from spacy.tokens import Token

#: how a role noun hangs on the verb of appointing: "named X its envoy" (oprd/dobj), "was
#: appointed the envoy" (oprd/attr), "was named X, its envoy" (appos)
ROLE_DEPS = frozenset({"oprd", "attr", "dobj", "appos", "xcomp"})
#: auxiliaries of an appointment not yet made
UNDONE = frozenset({"will", "would", "could", "may", "might", "shall"})
#: actor types a person can be appointed to speak for
BODIES = frozenset({"organization", "state"})


def appointed_role(ctx: DocContext, m: Mention) -> tuple[str, str] | None:
    """The title and the body of the role a verb of appointing gives the person of ``m``,
    or None (see the module's docstring)."""
    doc = ctx.doc
    root = span_root(doc, m.start, m.end)
    verb = _appointing_verb(ctx, root)
    if verb is None or not _asserted(ctx, verb):
        return None
    for role in _role_nouns(ctx, verb, root, m):
        if any(blocks(c, ctx.lex.role_blockers) or historical(ctx, c) for c in role.children):
            return None  # "named X as its former envoy"
        owner = role_owner(ctx, role, m) or _named_before(ctx, role) or _appointer(ctx, verb)
        if owner is not None:
            title = ctx.resolve.title_phrase(role)[0] or role.lower_
            return title, owner
    return None


def _appointing_verb(ctx: DocContext, root: Token) -> Token | None:
    """The verb of appointing whose object or passive subject the person is: "named X as",
    "X was appointed", "X, who was named ..." (the relative clause on the name)."""
    verbs = ctx.lex.appointing_verbs
    if root.dep_ in ("dobj", "oprd", "nsubjpass") and root.head.lemma_.lower() in verbs:
        return root.head
    if root.dep_ == "compound" and _role(ctx, root.head) and root.head.dep_ in ("dobj", "oprd"):
        # "Kenya appointed X ambassador to Sudan": the parser made the name the title's
        verb = root.head.head
        return verb if verb.lemma_.lower() in verbs else None
    for v in root.children:  # "X, who was named ECOWAS special envoy"
        passive = any(c.dep_ == "nsubjpass" and c.lower_ in ("who", "that") for c in v.children)
        if v.dep_ == "relcl" and v.lemma_.lower() in verbs and passive:
            return v
    return None


def _asserted(ctx: DocContext, verb: Token) -> bool:
    """Whether the appointment is told as done: not negated, hedged, wanted, planned ("is
    expected to appoint", "plans to name": the verb an infinitive of another), nor asked."""
    if not ctx.asserted(verb) or ctx.has_modal(verb):
        return False
    if any(c.dep_ == "aux" and c.lower_ in UNDONE for c in verb.children):
        return False  # "will appoint", "may name"
    return verb.dep_ != "xcomp"


def _role_nouns(ctx: DocContext, verb: Token, root: Token, m: Mention) -> list[Token]:
    """The role nouns the verb gives the person, in word order: its "as" object, a predicate
    noun, a noun in apposition to the name, a role noun an infinitive of heading names
    ("designated X to lead its delegation": the delegation)."""
    found: list[Token] = []
    places = [*verb.children, *(c for c in root.children if c.dep_ == "appos")]
    if root.dep_ == "compound" and root.head.head.i == verb.i:
        places.append(root.head)  # "appointed X ambassador": the name inside the title's
    for c in verb.children:  # a misparse hangs the role under an xcomp ("named ECOWAS envoy")
        if c.dep_ == "xcomp":
            places += [g for g in c.children if g.dep_ in ("dobj", "oprd", "attr")]
    for c in places:
        if m.start <= c.i < m.end:
            continue
        if c.dep_ == "prep" and c.lower_ == "as":
            found += [p for p in c.children if p.dep_ == "pobj" and _role(ctx, p)]
        elif c.dep_ == "xcomp" and c.lemma_.lower() in ctx.lex.heading_verbs:
            found += [
                o for o in c.children if o.dep_ == "dobj" and o.lemma_.lower() in ctx.lex.body_nouns
            ]
        elif c.dep_ in ROLE_DEPS and _role(ctx, c):
            found.append(c)
    return sorted(found, key=lambda t: t.i)


def _role(ctx: DocContext, t: Token) -> bool:
    """A title's word or a noun of a role ("envoy", "chief negotiator", "counterpart")."""
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = t.lemma_.lower()
    return (
        ctx.title_at[t.i] is not None
        or lemma in ctx.lex.role_nouns
        or lemma in ctx.lex.fallback_role_nouns
    )


def _named_before(ctx: DocContext, role: Token) -> str | None:
    """The body whose name ends right before the role noun's phrase, however the parser
    hung it ("was named ECOWAS special envoy": ECOWAS)."""
    at = role.left_edge.i - 1
    mm = ctx.men[at] if at >= 0 else None
    if mm is None or mm.place or not mm.actor or mm.end != at + 1:
        return None
    if ctx.type_of(mm.actor) not in BODIES:
        return None
    ctx.use(mm.actor, mm.start, mm.text)
    return mm.actor


def _appointer(ctx: DocContext, verb: Token) -> str | None:
    """The one body that appoints: the active subject ("Kenya appointed X ambassador") or
    the passive's "by" ("X was appointed envoy by the AU")."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        agents = [
            p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
        ]
        found = {r.actor for a in agents for r in ctx.resolve.resolve_np(a, pronouns=False)}
    else:
        found = {r.actor for r in ctx.resolve.subject_actors(verb) if not r.anonymous}
    found = {a for a in found if ctx.type_of(a) in BODIES}
    return found.pop() if len(found) == 1 else None
