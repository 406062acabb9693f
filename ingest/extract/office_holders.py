"""Offices named without a name, and who holds them.

"The Qatari prime minister met ..." registers the office holder, so that "the prime minister
said" later finds them; "Ethiopia's prime minister said ... Prime Minister X thanked ...": X
holds the office the document gave one state; "The White House confirmed it. A spokeswoman,
X, said": X is the White House's voice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.government_titles import named_by
from actorgraph.ingest.extract.role_owners import after_in_paragraph, described_owner
from actorgraph.ingest.extract.titles import title_key, title_score
from actorgraph.ingest.extract.tokens import span_root

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.mentions import Mention
    from spacy.tokens import Token


def unnamed_offices(ctx: DocContext, acting_offices: set[str]) -> None:
    """ "The Qatari prime minister met ...": who holds the office, so that "the prime
    minister said" later finds them."""
    for s, e in ctx.titles:
        head = ctx.doc[s:e].root
        if ctx.men[head.i] is not None or (e < len(ctx.doc) and ctx.men[e] is not None):
            continue
        if head.dep_ == "compound" or any(c.lower_ in ("a", "an", "one") for c in head.children):
            continue
        if _named_in_apposition(ctx, head) or _owns_organ(ctx, head):
            continue
        title, blocked = ctx.resolve.title_phrase(head)
        if blocked or title is None:
            continue
        with ctx.quietly():  # "the Austrian diplomat" may be no office of Austria's
            mods = ctx.resolve.modifier_actors(head)
        if mods:
            holder = ctx.resolve.office_holder(head, title, mods[0])
            if holder:
                ctx.resolve.modifier_actors(head)
                ctx.use(holder, s)
                if head.dep_ in ("nsubj", "nsubjpass"):  # "Egypt's intelligence chief
                    acting_offices.add(holder)  # travelled to Doha": he acts
            elif _named_next(ctx, head, title, mods[0]):
                ctx.resolve.modifier_actors(head)
        else:  # "the group's chief negotiator has announced. X told ..."
            poss = next((c for c in head.children if c.dep_ == "poss"), None)
            with ctx.quietly():
                owner = described_owner(ctx, poss) if poss is not None else None
            if owner is not None and ctx.type_of(owner) == "organization":
                _named_next(ctx, head, title, owner)


def _named_next(ctx: DocContext, head: Token, title: str, owner: str) -> bool:
    """ "..., the group's chief negotiator has announced. X told Reuters that ...": an
    owned title that says something, and a named person with no title and no principal
    who opens the next sentence saying something too: X holds the title (and speaks for
    its owner). Not a person's office ("Trump's envoy"), not a title with a verb of no
    saying, not a name after a title of its own."""
    if head.dep_ != "nsubj" or head.head.lemma_.lower() not in ctx.lex.speech_verbs:
        return False
    if ctx.type_of(owner) == "person":
        return False
    k = ctx.sent_of[head.i] + 1
    if k >= len(ctx.sents):
        return False
    sent = ctx.sents[k]
    if sent.root.lemma_.lower() not in ctx.lex.speech_verbs:
        return False
    subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
    m = ctx.men[subj.i] if subj is not None else None
    if m is None or m.start != sent.start or not m.actor:
        return False
    if m.end < len(ctx.doc) and ctx.doc[m.end].text == ",":
        return False  # "X, a farmer in Hodeidah, told reporters": someone described
    if ctx.type_of(m.actor) != "person" or m.actor in ctx.principal:
        return False
    ctx.add_speaks(m.actor, owner, title, k, 0.6)
    ctx.register_role(title, m.actor, owner)
    return True


def voice_of(ctx: DocContext, m: Mention, title: str) -> str | None:
    """ "The White House confirmed the arrangement. A spokeswoman, X, said ...": an
    indefinite spokesperson's title with a name in apposition and no owner, right after a
    sentence of the same paragraph whose one speaking subject is a state or organization
    (what it said, its spokesperson goes on to say); so too a bare title that opens the
    sentence after it, also across a paragraph break ("Spokesman X said ...", issue 16t)."""
    doc = ctx.doc
    if title_key(title) not in ctx.lex.spokespeople:
        return None
    k = ctx.sent_of[m.start]
    span = ctx.title_at[m.start - 1] if m.start > 0 else None
    # "... Egypt's foreign ministry said. || Spokesman X said": a bare title that opens the
    # sentence, also in the next paragraph; else "X, a spokesman, said" right after it
    opens = span is not None and span[0] == ctx.sents[k].start and k > 0
    if not opens:
        root = span_root(doc, m.start, m.end)
        head = root.head if root.dep_ == "appos" else None
        if head is None or ctx.title_at[head.i] is None:
            return None
        if not any(c.lower_ in ("a", "an") for c in head.children):
            return None  # "the spokeswoman" is someone's the other rules know
        if not after_in_paragraph(ctx, k):
            return None
    found: set[str] = set()
    for i in ctx.resolve.sentence_subjects(k - 1):
        if doc[i].head.lemma_.lower() in ctx.lex.speech_verbs:
            found |= named_by(ctx, doc[i], lambda kind: kind != "person")
    if len(found) != 1:
        return None
    body = found.pop()
    ctx.use(body, ctx.sents[k].start)
    return body


def _named_in_apposition(ctx: DocContext, head: Token) -> bool:
    """ "Iran's foreign minister, X, said": the text names who holds the title here, so
    the dictionary's holder of the office is not the one meant (the name's own rules
    link X)."""
    for c in head.children:
        m = ctx.men[c.i]
        if c.dep_ == "appos" and m is not None and m.actor and ctx.type_of(m.actor) == "person":
            return True
    return False


def _owns_organ(ctx: DocContext, head: Token) -> bool:
    """ "The prime minister's office said", "the president's cabinet": the organ speaks,
    not the office holder, whom the text never names; nor "the UN Secretary-General's
    personal envoy" (another title: its holder speaks for the body)."""
    if head.dep_ != "poss":
        return False
    owned = head.head
    return owned.lemma_.lower() in ctx.lex.state_organs or ctx.title_at[owned.i] is not None


def untied_office_holders(ctx: DocContext, untied: list[tuple[str, str, int, int]]) -> None:
    """ "Ethiopia's prime minister said ... Prime Minister X thanked ...": a person with an
    owner-less government title holds the office the document gave one state, unless
    someone else named holds that state's office of that title ("the President of the
    Central African Republic ... President Bashir ... the Central African President X")."""
    for actor, title, k, at in untied:
        state = _office_owner(ctx, title, at) if actor not in ctx.principal else None
        if state is None:
            continue
        held = any(
            sf.target == state and sf.source != actor and title_score(title, sf.title, ctx.lex)
            for sf in ctx.speaks.values()
        )
        if not held:
            ctx.add_speaks(actor, state, title, k, 0.6)
            ctx.register_role(title, actor, state)


def _office_owner(ctx: DocContext, title: str, at: int) -> str | None:
    """The one state the document gives an owner-less government title to where it
    names the office without a name ("Ethiopia's prime minister said ..." and later
    "Prime Minister X expressed ..."): X holds that office; not an office named with its
    holder ("the Central African President X"), nor one named in X's sentence or after it
    ("Foreign Minister X would engage with Thailand's foreign minister": another). None
    where two states' offices of that title are named, or none, or the title was
    cancelled ("the former ...")."""
    words = title.lower().replace("-", " ").split()
    if not words or words[-1] not in ctx.lex.government_titles:
        return None
    key = title_key(title)
    found: set[str] = set()
    for s, e in ctx.titles:
        head = ctx.doc[s:e].root
        if title_key(ctx.doc[s:e].text) != key or ctx.men[head.i] is not None:
            continue
        if ctx.sent_of[s] >= ctx.sent_of[at] and not _speaks_back(ctx, head, at):
            continue
        if (e < len(ctx.doc) and ctx.men[e] is not None) or _named_in_apposition(ctx, head):
            continue  # "the Central African President X": X's office, named
        with ctx.quietly():
            phrase, blocked = ctx.resolve.title_phrase(head)
            mods = ctx.resolve.modifier_actors(head) if phrase and not blocked else []
        found |= {a for a in mods if ctx.type_of(a) == "state"}
    return found.pop() if len(found) == 1 else None


def _speaks_back(ctx: DocContext, head: Token, at: int) -> bool:
    """Whether an office named without a name after the person at token ``at`` is the
    speaker of the words that follow them in the same paragraph ("President X announced
    ... 'We want dialogue ...,' said the Mexican president": X, issue 17t): the title is
    the subject of a verb of saying in a later sentence of X's paragraph, at most four
    on, and no other person is named between them."""
    ka, ks = ctx.sent_of[at], ctx.sent_of[head.i]
    if not 0 < ks - ka <= 4 or not all(after_in_paragraph(ctx, j) for j in range(ka + 1, ks + 1)):
        return False
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_.lower() not in ctx.lex.speech_verbs:
        return False
    person = ctx.men[at]
    if person is None:
        return False
    return not any(
        m.actor and m.actor != person.actor and ctx.type_of(m.actor) == "person"
        for m in ctx.mentions
        if person.end <= m.start < head.i
    )
