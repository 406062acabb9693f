"""Whose a role is: the actor a role noun belongs to.

A possessive, a modifier, or "of"/"for" and a phrase that has one ("the group's chief
negotiator", "a member of the group's political bureau"); a described possessor ("the
ministry's spokesman": the ministry named last; "its envoy": the body named last before it);
the one actor that sends or sets up a body ("Ethiopia sent a team led by X"). With the small
tests the readers of roles share: a word that cancels a role ("former"), an ordinal that puts
an office in history ("Somalia's first president"), the mentions of a sentence, and whether a
sentence follows one of the same paragraph.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from actorgraph.ingest.extract.layout import breaks_within, hard_wrapped
from actorgraph.ingest.extract.tokens import span_root

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.mentions import Mention
    from spacy.tokens import Token

#: prepositions of place: what follows them locates, it owns nothing
PLACE_PREPS = frozenset({"in", "at", "near", "from", "across", "inside", "outside", "into"})


@lru_cache(maxsize=4)
def _hard_wrapped(text: str) -> bool:
    """:func:`.layout.hard_wrapped`, read once a text (:func:`after_in_paragraph` asks per
    sentence)."""
    return hard_wrapped(text)


def in_sent(ctx: DocContext, k: int) -> list[Mention]:
    """The mentions of sentence ``k`` (none past either end)."""
    return list(ctx.mentions_in(ctx.sents[k])) if 0 <= k < len(ctx.sents) else []


def sender(ctx: DocContext, body: Token) -> str | None:
    """The one actor that sends or sets up a body it names as its object: "Ethiopia sent a
    team led by X", "the African Union appointed a panel led by former president X" (not
    whoever else meets it: "the mediators met a delegation led by X")."""
    verb = body.head
    if body.dep_ != "dobj" or verb.lemma_.lower() not in ctx.lex.sending_verbs:
        return None
    found = {
        r.actor
        for r in ctx.resolve.subject_actors(verb)
        if not r.anonymous and ctx.type_of(r.actor) != "person"
    }
    return found.pop() if len(found) == 1 else None


def role_owner(ctx: DocContext, h: Token, m: Mention, *, pronouns: bool = True) -> str | None:
    """The actor a role noun phrase belongs to: a possessive, a modifier, or "of"/"for"
    and a phrase that has one ("a member of the group's political bureau")."""
    cands: list[Token] = []
    span = ctx.title_at[h.i]
    stack = [h] + ([ctx.doc[i] for i in range(span[0], span[1]) if i != h.i] if span else [])
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < t.i:
                if not (m.start <= c.i < m.end):
                    cands.append(c)
                    stack.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("of", "for") and t.dep_ != "pobj":
                stack += [p for p in c.children if p.dep_ == "pobj"]
                cands += [p for p in c.children if p.dep_ == "pobj"]
    for c in cands:
        mm = ctx.men[c.i]
        if mm is not None and mm.kind == "norp" and mm.actor is None:
            # "the Abkhazian delegation"; "Taliban officials" (a group NER calls a people)
            mm.actor = ctx.demonym_of_named(mm.text) or ctx.dict.lookup(mm.text)
        if mm is not None and (mm.actor or mm.kind == "gpe") and not mm.place:
            ctx.new_actor_for(mm)  # "the head of the self-proclaimed X Republic (ACR)"
            if mm.actor and ctx.type_of(mm.actor) != "person":
                ctx.use(mm.actor, mm.start, mm.text)
                return mm.actor
    for c in cands:
        if ctx.men[c.i] is not None or (ctx.title_at[c.i] is not None and c.i != h.i):
            continue
        if c.pos_ == "PRON" and not pronouns:
            continue
        found = described_owner(ctx, c)
        if found is not None:
            return found
    return None


def described_owner(ctx: DocContext, t: Token) -> str | None:
    """The actor a described possessor of a role stands for: "the ministry's spokesman"
    is the owner of the ministry named last ("Its foreign ministry said ...", "Sudan's
    foreign ministry"), before the coreference's looser guesses; "its chief, X" with no
    antecedent the coreference finds is the body named last in the sentence ("facilitated
    by the UN mission, and in practice by its chief, X")."""
    if t.lower_ in ctx.lex.role_blockers and t.dep_ == "poss":
        return _described_as(ctx, t)  # "the opposition's": only a body called so
    if t.lower_ == "whose":
        return _antecedent(ctx, t)  # "Al-Wefaq, whose leader X was released"
    same = same_noun_owner(ctx, t)
    if same is not None:
        return same
    found = ctx.resolve.described_owner(t)
    if found is None and t.pos_ == "PRON" and t.lower_ in ("its", "their"):
        found = _body_before(ctx, t)
    return found


def _antecedent(ctx: DocContext, t: Token) -> str | None:
    """The body a "whose" before a role stands for: the name its relative clause hangs on
    ("the Front, whose leader X was released", "Bahrain's Al-Wefaq society, whose leader X
    ...": the society's name), never a person ("Y, whose adviser X": Y's office is read
    elsewhere); issue 20F."""
    v = t.head
    for _ in range(4):
        if v.dep_ == "relcl" or v.head.i == v.i:
            break
        v = v.head
    if v.dep_ != "relcl":
        return None
    ante = v.head
    names = [ante, *(c for c in ante.children if c.dep_ == "compound" and c.i < ante.i)]
    for x in names:
        mm = ctx.men[x.i]
        if mm is not None and mm.actor and not mm.place and ctx.type_of(mm.actor) != "person":
            ctx.use(mm.actor, mm.start, mm.text)
            return mm.actor
    return None


def _described_as(ctx: DocContext, t: Token) -> str | None:
    """ "the opposition's chief negotiator": the organization the text described with that
    word before ("the opposition Unitary Platform", "the Platform, the main opposition
    coalition"), the nearest; none where no body was called so."""
    doc = ctx.doc
    for w in reversed(doc[: t.i]):
        if w.lower_ != t.lower_:
            continue
        head = w.head
        m = ctx.men[w.i + 1]  # "the opposition Unitary Platform", however parsed
        if m is None or m.start != w.i + 1:
            if w.dep_ not in ("amod", "compound", "nmod"):
                group = _group_headed(ctx, w)  # "the Venezuelan opposition" (issue 14o)
                if group is not None:
                    return group
                continue
            m = ctx.men[head.i]
        if m is None and head.dep_ == "appos":
            m = ctx.men[head.head.i]  # "the Platform, Venezuela's main opposition coalition"
        actor = ctx.new_actor_for(m) if m is not None and not m.place else None
        if actor is not None and ctx.type_of(actor) == "organization":
            ctx.use(actor, t.i)
            return actor
    return None


def _group_headed(ctx: DocContext, w: Token) -> str | None:
    """The one organization a group phrase headed by ``w`` names ("the Venezuelan
    opposition" before "the opposition's negotiating team")."""
    if w.pos_ != "NOUN" or w.lower_ not in ctx.lex.groups:
        return None
    found = ctx.resolve.resolve_np(w, pronouns=False)
    if len(found) != 1 or ctx.type_of(found[0].actor) != "organization":
        return None
    return found[0].actor


def same_noun_owner(ctx: DocContext, t: Token) -> str | None:
    """ "the ministry's spokesman", "the movement's chief negotiator": the nearest phrase
    before (this sentence and the three before it) with the same head noun that names or
    resolves to one organization or state."""
    doc = ctx.doc
    if t.pos_ != "NOUN" or not any(c.lower_ in ("the", "this") for c in t.children):
        return None
    k = ctx.sent_of[t.i]
    floor = ctx.sents[max(0, k - 3)].start
    lemma = t.lemma_.lower()
    for i in range(t.i - 1, floor - 1, -1):
        a = doc[i]
        if a.lemma_.lower() != lemma or a.pos_ not in ("NOUN", "PROPN"):
            continue
        m = ctx.men[i]
        if m is not None:
            actor = ctx.new_actor_for(m) if not m.place else None
        else:
            poss = next((c for c in a.children if c.dep_ == "poss"), None)
            with ctx.quietly():
                # "Its foreign ministry said", "Sudan's foreign ministry": the owner's
                owner = [poss] if poss is not None else [a]
                found = [
                    r.actor
                    for r in ctx.resolve.resolve_np(owner[0])
                    if ctx.type_of(r.actor) != "person"
                ]
                if not found and (guess := ctx.resolve.described_owner(a)) is not None:
                    found = [guess]
            actor = found[0] if len(found) == 1 else None
        if actor is not None and ctx.type_of(actor) != "person":
            ctx.use(actor, t.i)
            return actor
        return None  # the nearest such phrase decides, named or not
    return None


def _body_before(ctx: DocContext, t: Token) -> str | None:
    """The organization or state a possessive pronoun the coreference left open stands
    for: the one named last before it in its sentence ("facilitated by the African Union,
    and in practice by its envoy, X"), else the owner of the previous sentence's subject
    ("The GNA's demands are simple. Its delegation, headed by X, ...")."""
    doc = ctx.doc
    k = ctx.sent_of[t.i]
    start = ctx.sents[k].start
    for m in reversed(ctx.mentions):
        if m.start >= t.i or m.start < start or m.place or m.kind == "demonym":
            continue
        root = span_root(doc, m.start, m.end)
        while root.dep_ == "appos" and root.head.i < root.i:
            root = root.head  # "the mission in Libya (UNSMIL)": where "Libya" stands
        if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS:
            continue  # a place in a name ("the mission in Libya"), not the owner
        actor = ctx.new_actor_for(m)
        if actor is not None and ctx.type_of(actor) != "person":
            ctx.use(actor, m.start, m.text)
            return actor
        return None  # a person named last: "its" is no one's we know
    if not after_in_paragraph(ctx, k):
        return None
    for i in ctx.resolve.sentence_subjects(k - 1)[:1]:
        poss = next((c for c in doc[i].children if c.dep_ == "poss"), None)
        owner = ctx.men[poss.i] if poss is not None else None
        if owner is None or owner.place or owner.kind == "demonym":
            return None
        actor = ctx.new_actor_for(owner)
        if actor is not None and ctx.type_of(actor) != "person":
            ctx.use(actor, owner.start, owner.text)
            return actor
    return None


def after_in_paragraph(ctx: DocContext, k: int) -> bool:
    """Sentence ``k`` follows one of the same paragraph (no line break between them, no
    heading glued to the one before)."""
    if not 0 < k < len(ctx.sents):
        return False
    prev, here = ctx.sents[k - 1], ctx.sents[k]
    wrapped = _hard_wrapped(ctx.text)
    # a break between them, or a heading glued to the one before; in hard-wrapped text
    # a single line break is only the width
    end = len(prev.text.rstrip()) + prev.start_char
    return not breaks_within(ctx.text, prev.start_char, end, wrapped) and (
        not breaks_within(ctx.text, end, here.start_char, wrapped)
    )


def owned_name(ctx: DocContext, m: Mention) -> str | None:
    """The organization or state whose possessive stands right before a person's name,
    with no title between: "Russia's Sergei Lavrov", "facilitated by Malaysia's Tengku
    Ghafar", "Hamas's Ismail Haniyeh"."""
    mm = _possessor(ctx, m.start)
    if mm is None:
        return None
    ctx.use(mm.actor, mm.start, mm.text)  # type: ignore[arg-type]
    return mm.actor


def _possessor(ctx: DocContext, at: int) -> Mention | None:
    """The mention of an organization or state whose possessive ends right before token
    ``at`` (no person, place or demonym), its actor made if it had none."""
    doc = ctx.doc
    i = at - 1
    if i < 1 or not (doc[i].tag_ == "POS" or doc[i].text in ("'", "’")):
        return None
    mm = ctx.men[i - 1]
    if mm is None or mm.place or mm.kind == "demonym":
        return None
    ctx.new_actor_for(mm)
    if not mm.actor or ctx.type_of(mm.actor) == "person":
        return None
    return mm


def office_seat(ctx: DocContext, mm: Mention) -> bool:
    """A place between a body's possessive or name and a title: the seat or brief of the
    office ("the EU's Brussels spokesman X", "Washington's Sudan envoy X", "UN Yemen envoy
    X", "Hamas Gaza chief X"), not its owner. Only a state, a capital or an unknown place,
    and only after another actor's possessive or name."""
    if mm.kind not in ("metonym", "gpe") and ctx.type_of(mm.actor or "") != "state":
        return False
    owner = _possessor(ctx, mm.start) or _named_before(ctx, mm.start)
    return owner is not None and owner is not mm


def _named_before(ctx: DocContext, at: int) -> Mention | None:
    """The mention of an organization or state whose name ends right before token ``at``
    and modifies what follows ("UN" in "UN Yemen envoy"), its actor made if it had none; no
    person, place or demonym, and no name joined to the next by a hyphen or a slash."""
    i = at - 1
    if i < 0 or ctx.doc[i].dep_ not in ("compound", "nmod", "amod"):
        return None
    mm = ctx.men[i]
    if mm is None or mm.end != at or mm.place or mm.brief or mm.kind == "demonym":
        return None
    ctx.new_actor_for(mm)
    if not mm.actor or ctx.type_of(mm.actor) not in ("organization", "state"):
        return None
    return mm


def described_of(ctx: DocContext, noun: Token) -> str | None:
    """The actor a common noun that only describes it names with its own "of": "the
    president of the self-declared republic of Somaliland, X", "the leader of the
    breakaway region of Transnistria, X" (the noun no mention and no title)."""
    if noun.pos_ != "NOUN" or ctx.men[noun.i] is not None or ctx.title_at[noun.i] is not None:
        return None
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    m = ctx.men[inner.i] if inner is not None else None
    if m is None or not m.actor or ctx.type_of(m.actor) == "person":
        return None
    return m.actor


def historical(ctx: DocContext, t: Token) -> bool:
    """An ordinal right before a title that puts the office in history ("Somalia's first
    president", "the first Renamo commander"; `roles.ordinal_blockers`), not a rank held
    now ("First Vice President", `roles.ordinal_ranks`), issue 18t."""
    lex = ctx.lex
    if t.lower_ not in lex.ordinal_blockers or t.i + 1 >= len(ctx.doc):
        return False
    if t.dep_ != "amod" or ctx.title_at[t.head.i] is None:
        return False
    return ctx.doc[t.i + 1].lower_ not in lex.ordinal_ranks


def blocks(t: Token, blockers: frozenset[str]) -> bool:
    """A word that cancels a role ("former", "opposition"), unless it owns the role: "the
    opposition's chief negotiator" is the opposition's, not a role of no one's."""
    return t.lower_ in blockers and t.dep_ != "poss"
