"""Roles the clause tells, not a title beside the name.

"X, who heads the rebel delegation", "the army's delegation, led by X", "X has spent three
years as the envoy", "his Serbian counterpart, X"; and ties without a title: "X of the Justice
and Equality Movement", "X, representing Poland", "speaking on behalf of the African Union, X
said". Words of a past office ("X, who led the group until 2019") give nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.role_owners import (
    blocks,
    historical,
    role_owner,
    same_noun_owner,
    sender,
)
from actorgraph.ingest.extract.tokens import span_root

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.mentions import Mention
    from spacy.tokens import Token

#: verbs whose "for" names the side the subject acts for: "speaks for the group", "signed
#: for Moscow", "negotiated for the rebels"
FOR_VERBS = frozenset({"speak", "talk", "sign", "negotiate", "initial", "countersign"})


def tree_role(ctx: DocContext, m: Mention, *, led_only: bool = False) -> tuple[str, str] | None:
    """A role whose actor the parse gives, named or described: "the government's chief
    negotiator, X", "X, a member of the group's political bureau", "union president X",
    "X, who heads the rebel delegation", "the army's delegation, led by X", "his Serbian
    counterpart, X". Returns the title and the actor."""
    doc = ctx.doc
    root = span_root(doc, m.start, m.end)
    heads: list[Token] = []
    relcl: list[Token] = []  # "its" there is the phrase's own ("who chairs its committee")
    if root.dep_ == "appos" and (
        _role_noun(ctx, root.head) or root.head.lemma_.lower() in ctx.lex.body_nouns
    ):
        heads.append(root.head)  # "the TPLF delegation, headed by ..., X"
    negated = any(c.dep_ == "neg" for c in root.children)  # "X, not an American official"
    # "former Nigerian President X": the parser hangs "former" on the name, not the title
    past = any(c.i < m.start and blocks(c, ctx.lex.role_blockers) for c in root.children)
    for c in root.children:
        own = m.start <= c.i < m.end
        if c.dep_ == "compound" and past and c.i < m.start:
            continue
        if c.dep_ in ("appos", "compound") and not own and _role_noun(ctx, c) and not negated:
            if c.dep_ == "appos" and _holder_after(ctx, c, m):
                continue  # "... by Biden, the leader of Hamas Ismail Haniyeh": Haniyeh's
            heads.append(c)
    # "X, who heads the rebel delegation", "X, a former minister who serves as ..."
    appos = [c for c in root.children if c.dep_ == "appos"]
    for c in [root, *appos]:
        for v in c.children:
            heads_now = v.lemma_.lower() in ctx.lex.heading_verbs and not _past_role(ctx, v)
            if v.dep_ == "relcl" and heads_now:  # not "X, who once led the Front"
                relcl += [n for n in _objects(v) if n.pos_ in ("NOUN", "PROPN")]
            elif v.dep_ == "relcl" and _commands_now(ctx, v):
                # "X, who controls the Sudanese military" (issue 21S): a body, no place
                relcl += [n for n in _objects(v) if _commanded(ctx, n)]
            elif v.dep_ == "relcl" and _holds_now(ctx, v):
                # "X, who has spent three years as the UN chief's envoy" (issue 17t)
                heads += [n for n in _as_objects(v) if _role_noun(ctx, n)]
    for v in (v for c in appos for v in c.subtree if v.dep_ == "relcl"):
        # "X, a former secretary-general of the party who now leads the Real SPLM":
        # the parser hung "who" on the party; not "who once led" (a past role)
        if v.lemma_.lower() not in ctx.lex.heading_verbs or v.head.i in (c.i for c in appos):
            continue
        who = any(c.dep_ == "nsubj" and c.lower_ == "who" for c in v.children)
        past = _past_role(ctx, v, blockers=True)
        owner = ctx.men[v.head.i]
        if who and not past and (owner is None or ctx.type_of(owner.actor or "") != "person"):
            relcl += [n for n in _objects(v) if n.pos_ in ("NOUN", "PROPN")]
    verb = root.head
    if root.dep_ == "nsubj" and verb.lemma_.lower() in ctx.lex.heading_verbs:
        # "X led the government panel", "X heads the rebel delegation"
        relcl += [
            n for n in _objects(verb) if n.pos_ == "NOUN" and n.lemma_.lower() in ctx.lex.body_nouns
        ]
    # "X is the executive director of the aid group Y" (not "was": a past role; not "X is
    # not Bolivia's president")
    heads += [c for c in _present_attrs(root) if _role_noun(ctx, c)]
    if led_only:  # only a body the person leads: "the Thai panel is led by X"
        return _led_body(ctx, m, root, [], relcl)
    return _led_body(ctx, m, root, heads, relcl) or _one_of_role(ctx, m, root)


def _one_of_role(ctx: DocContext, m: Mention, root: Token) -> tuple[str, str] | None:
    """A person counted among a body's people (issue 21S): "X, one of the M23 leaders",
    "One of the group's negotiators, X, said", "X is one of Hamas's representatives in
    Cairo". The plural noun is one of `roles.member_nouns`; its owner is read as a title's
    ("the M23", "the group's", "of the Front"). Not "one of the former leaders", not
    negated, not where the phrase names its own holder or the noun is no member's ("one of
    the critics of Hamas")."""
    cands: list[Token] = []
    if root.dep_ == "appos":
        cands.append(root.head)  # "One of the M23 leaders, X, said"
    cands += [c for c in root.children if c.dep_ == "appos"]
    cands += _present_attrs(root)  # "X is one of ..."
    for c in cands:
        noun = members_counted(ctx, c)
        if noun is None or any(d.dep_ == "neg" for d in c.children):
            continue
        if any(blocks(d, ctx.lex.role_blockers) or historical(ctx, d) for d in noun.children):
            continue  # "one of the former M23 leaders"
        if _holder_after(ctx, noun, m):
            continue  # "..., one of the leaders of Hamas Ismail Haniyeh": Haniyeh's
        owner = role_owner(ctx, noun, m) or _of_owner(ctx, noun)
        if owner is not None:
            return noun.lemma_.lower(), owner
    return None


def _of_owner(ctx: DocContext, noun: Token) -> str | None:
    """The body a counted noun's own "of"/"for" names ("one of the leaders of the Polisario
    Front"), which :func:`.role_owners.role_owner` does not read on a noun that is itself
    the object of a preposition; not a place, not a person."""
    for c in noun.children:
        if c.dep_ != "prep" or c.lower_ not in ("of", "for"):
            continue
        for p in c.children:
            mm = ctx.men[p.i] if p.dep_ == "pobj" else None
            if mm is None or mm.place or not mm.actor or ctx.type_of(mm.actor) == "person":
                continue
            ctx.use(mm.actor, mm.start, mm.text)
            return mm.actor
    return None


def _present_attrs(root: Token) -> list[Token]:
    """What a present, unnegated copula says its subject ``root`` is: "X is the leader of
    the Front", "X is one of the leaders" (not "was", not "is not")."""
    verb = root.head
    if (
        root.dep_ != "nsubj"
        or verb.lemma_ != "be"
        or verb.tag_ not in ("VBZ", "VBP")
        or any(c.dep_ == "neg" for c in verb.children)
    ):
        return []
    return [c for c in verb.children if c.dep_ == "attr"]


def members_counted(ctx: DocContext, t: Token) -> Token | None:
    """The plural noun of a body's people that "one of" counts a person among ("one of the
    M23 leaders", "one of the group's chief negotiators"; `roles.member_nouns`), or None."""
    if t.lower_ != "one":
        return None
    for c in t.children:
        if c.dep_ != "prep" or c.lower_ != "of":
            continue
        for n in c.children:
            if n.dep_ == "pobj" and n.tag_ == "NNS" and n.lemma_.lower() in ctx.lex.member_nouns:
                return n
    return None


def _led_body(
    ctx: DocContext, m: Mention, root: Token, heads: list[Token], relcl: list[Token] | None = None
) -> tuple[str, str] | None:
    """The owner of a role noun among ``heads`` or of a body the person is the agent of
    leading ("the army's delegation, led by X", "The Thai panel is led by X", "the Junta,
    led by X")."""
    relcl = relcl or []
    body: Token | None = None
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        verb = root.head.head
        lemma = verb.lemma_.lower()
        if _past_role(ctx, verb):  # "the Front, once led by X": a role that is over
            return None
        if verb.dep_ == "acl" and (
            lemma in ctx.lex.heading_verbs or lemma in ctx.lex.sending_verbs
        ):
            body = verb.head  # "the army's delegation, led by X", "..., sent by X"
        elif lemma in ctx.lex.heading_verbs or lemma in ctx.lex.sending_verbs:
            # "The government panel is led by X", "The Thai delegation is headed by X"
            body = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if body is not None:
            led = ctx.men[body.i]
            if led is not None and led.kind == "name" and led.actor:
                if ctx.type_of(led.actor) != "person":  # "the Junta, led by X"
                    ctx.use(led.actor, led.start, led.text)
                    return "leader", led.actor
            elif body.lemma_.lower() in ctx.lex.body_nouns or _role_noun(ctx, body):
                heads.append(body)
    for h in heads + relcl:
        # "the opposition's negotiator" is none of the state's; but the body a person
        # leads is theirs whatever describes it ("who leads the opposition X party")
        if h not in relcl and any(
            blocks(c, ctx.lex.role_blockers) or historical(ctx, c) for c in h.children
        ):
            continue
        owner = role_owner(ctx, h, m, pronouns=h not in relcl)
        if owner is None and body is not None and h.i == body.i:
            # "Ethiopia sent a team led by X"; "The delegation, headed by X" after "A
            # Hamas delegation arrived"
            owner = sender(ctx, h) or same_noun_owner(ctx, h)
        if owner is None and h in relcl:
            owner = _named_body(ctx, h)  # "X, who leads the RSF" (issue 21S)
        if owner is not None:
            title = ctx.resolve.title_phrase(h)[0] or f"head of {h.lower_}"
            return title, owner
    return None


def affiliation(ctx: DocContext, m: Mention) -> str | None:
    """An actor the person is tied to without a title: "X of the Justice and Equality
    Movement", "X (Justice and Equality Movement)", "X, representing Poland", "speaking on
    behalf of the African Union, X said", "X, who speaks for the group". Not a place, not a
    person ("Sheikh Tamim of Qatar" is Qatar's)."""
    doc = ctx.doc
    root = span_root(doc, m.start, m.end)
    owners: list[Token] = []
    named: list[Token] = []  # "of"/bracket: a name that is an organization's, no town
    j = m.end
    if j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j].head.i == root.i:
        named += [p for p in doc[j].children if p.dep_ == "pobj"]
    if j + 1 < len(doc) and doc[j].text == "(":
        named += [c for c in root.children if c.dep_ == "appos" and c.i > j]
    for o in named:
        mm = ctx.men[o.i]
        if mm is not None and (mm.label == "DICT" or _org_name(ctx, mm)):
            owners.append(o)
    clauses = [c for c in root.children if c.dep_ in ("acl", "relcl", "advcl")]
    if root.dep_ == "nsubj":
        verb = root.head
        clauses.append(verb)
        clauses += [
            c
            for c in verb.children
            if c.dep_ == "advcl" and not any(g.dep_.startswith("nsubj") for g in c.children)
        ]
    for v in clauses:
        owners += _represented(v, ctx.lex.representing_verbs)
    for o in owners:
        mm = ctx.men[o.i]
        if mm is None or mm.place or mm.kind in ("gpe", "norp", "demonym"):
            continue  # an unknown place name is no one's principal here
        ctx.new_actor_for(mm)
        if mm.actor and ctx.type_of(mm.actor) != "person":
            ctx.use(mm.actor, mm.start, mm.text)
            return mm.actor
    return None


def _org_name(ctx: DocContext, mm: Mention) -> bool:
    """A name that says it is an organization's: it ends in an organization word or is
    an acronym ("the Justice and Equality Movement", "JEM"), not a town NER took for one."""
    words = ctx.doc[mm.start : mm.end]
    last = words[-1].lower_
    return last in ctx.lex.org_heads or (len(words) == 1 and words[0].text.isupper())


def _past_role(ctx: DocContext, verb: Token, *, blockers: bool = False) -> bool:
    """A verb of heading put in the past ("who once led", "formerly headed by"), or with
    ``blockers`` cancelled by a role blocker among its dependents."""
    lex = ctx.lex
    words = lex.past_role_adverbs | lex.role_blockers if blockers else lex.past_role_adverbs
    return any(c.lower_ in words for c in verb.children)


def _named_body(ctx: DocContext, h: Token) -> str | None:
    """The organization a word of a clause's object names itself, with nothing before it
    that would own it ("who leads the RSF", "who commands the M23"); not a place, a state
    or a person."""
    mm = ctx.men[h.i]
    if mm is None or mm.place or mm.kind != "name" or mm.end - 1 != h.i:
        return None
    ctx.new_actor_for(mm)
    if not mm.actor or ctx.type_of(mm.actor) != "organization":
        return None
    ctx.use(mm.actor, mm.start, mm.text)
    return mm.actor


def _commands_now(ctx: DocContext, verb: Token) -> bool:
    """A verb of commanding (`roles.commanding_verbs`) in the present, not negated, not
    put in the past ("who once controlled the army")."""
    if verb.lemma_.lower() not in ctx.lex.commanding_verbs or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ == "neg" or c.lower_ == "longer" for c in verb.children):
        return False  # "who no longer commands the RSF"
    return not _past_role(ctx, verb, blockers=True)


def _commanded(ctx: DocContext, n: Token) -> bool:
    """Whether what a verb of commanding has as its object is a body: an organization's name
    ("the RSF") or a state's institution ("the Sudanese military"), never a place, a state
    or a person ("who controls Gaza", "who controls the city")."""
    mm = ctx.men[n.i]
    if mm is not None:
        if mm.place or mm.kind in ("gpe", "norp", "demonym"):
            return False
        ctx.new_actor_for(mm)
        return bool(mm.actor) and ctx.type_of(mm.actor or "") == "organization"
    return n.pos_ == "NOUN" and n.lemma_.lower() in ctx.lex.institutions


def _holds_now(ctx: DocContext, verb: Token) -> bool:
    """A verb whose "as" gives a role held now: not the simple past ("who spent years
    as"), not negated, not put in the past by an adverb or a blocker."""
    lex = ctx.lex
    if verb.lemma_.lower() in lex.speech_as_verbs:
        return False  # "who was described as a Hamas official": another's words
    past = any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
    if verb.tag_ == "VBD" or past or any(c.dep_ == "neg" for c in verb.children):
        return False
    return not _past_role(ctx, verb, blockers=True)


def _role_noun(ctx: DocContext, t: Token) -> bool:
    return ctx.title_at[t.i] is not None or t.lemma_.lower() in ctx.lex.role_nouns


def _holder_after(ctx: DocContext, title: Token, m: Mention) -> bool:
    """Whether a role phrase in apposition names its own holder after the title ("Biden,
    the leader of Hamas Ismail Haniyeh": the parser hung Haniyeh inside the phrase), so
    the role is that person's, not the one the phrase is apposed to."""
    sub = list(title.subtree)
    after = sub[-1].i + 1  # or right after the phrase, however the parser hung the name
    for i in [x.i for x in sub] + ([after] if after < len(ctx.doc) else []):
        if i <= title.i or m.start <= i < m.end:
            continue
        named = ctx.men[i]
        if named is not None and named.actor and ctx.type_of(named.actor) == "person":
            return True
    return False


def _objects(v: Token) -> list[Token]:
    """What a verb of heading heads: "heads the delegation", "presides over the assembly",
    "serves as the bloc's high representative"; a name the parser hung in apposition on an
    adjective it took for the object ("leads the paramilitary Rapid Support Forces": the
    Forces; issue 21S)."""
    out = [c for c in v.children if c.dep_ in ("dobj", "attr")]
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in ("over", "as"):
            out += [p for p in c.children if p.dep_ == "pobj"]
    out += [a for c in out if c.pos_ == "ADJ" for a in c.children if a.dep_ == "appos"]
    return out


def _as_objects(v: Token) -> list[Token]:
    """What a verb's "as" names: "has spent three years as the envoy", "took office as"."""
    return [p for c in v.children if c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]


def _represented(v: Token, verbs: frozenset[str]) -> list[Token]:
    """Whom a verb says its subject represents: "representing Poland", "on behalf of the
    African Union", "speaks for the group", "signed for Moscow"."""
    lemma = v.lemma_.lower()
    out: list[Token] = []
    if lemma in verbs:
        out += [c for c in v.children if c.dep_ == "dobj"]
    for c in v.children:
        if c.dep_ != "prep":
            continue
        for p in c.children:
            if c.lower_ == "on" and p.dep_ == "pobj" and p.lower_ == "behalf":
                out += [x for g in p.children if g.lower_ == "of" for x in g.children]
            elif c.lower_ == "for" and p.dep_ == "pobj" and lemma in FOR_VERBS:
                out.append(p)
    return [t for t in out if t.dep_ in ("pobj", "dobj")]
