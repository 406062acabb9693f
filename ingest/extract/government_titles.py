"""Which state a government title without an owner is ("President X", "Prime Minister X").

The state of "whose" before it ("Sweden, whose foreign minister, X"), the one state its
sentence has as a subject ("'Lebanon will not sign,' Prime Minister X said"), the state of the
clause the person says, of the topic or of the offer; in talks between a state and rebels, the
state; in a text that names one state's government ("Mali's government"), that state where the
text ties the person to it. Not the state of someone else in the sentence who already speaks
for it ("US Vice President X called PM Y": Y is X's counterpart, no American).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from actorgraph.ingest.extract.role_owners import after_in_paragraph, in_sent
from actorgraph.ingest.extract.tokens import span_root

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from spacy.tokens import Token


def tie_to_government(ctx: DocContext, actor: str, title: str, k: int, at: int) -> str | None:
    """ "President Filipe Nyusi" in talks between a state and rebels: the state. The person
    at token ``at`` in sentence ``k`` speaks for the state :func:`_government_of` gives the
    title, else (a head of state's office) the state of the clause they say, unless someone
    else there already speaks for it (:func:`_counterpart`). Returns the state where only
    the talks' parties gave it (the caller gives it again once they are settled)."""
    if actor in ctx.principal:
        return None
    parted: list[str] = []
    state = _government_of(ctx, title, k, at, parted)
    if state is None and _head_office(ctx, at):
        state = clause_state(ctx, at, leaders=True)
    if state is not None and not _counterpart(ctx, actor, state, k):
        ctx.add_speaks(actor, state, title, k, 0.6)
        ctx.register_role(title, actor, state)
        return state if parted else None
    return None


def _counterpart(ctx: DocContext, actor: str, state: str, k: int, *, sides: bool = True) -> bool:
    """Whether someone else in sentence ``k`` already speaks for the state an owner-less
    government title would be given: "US Vice President X called PM Y" (Y is X's
    counterpart, no American; issue 17t). Not for a side of the talks ("Netanyahu met
    President Herzog" in talks between Israel and a group: Herzog is Israel's), unless
    ``sides`` is off (the state only named a government in the document)."""
    if sides and state in ctx.parties:
        return False
    for m in ctx.mentions_in(ctx.sents[k]):
        sf = ctx.principal.get(m.actor or "") if m.actor != actor else None
        if sf is not None and sf.target == state and sf.sent == k:
            return True
    return False


def _head_office(ctx: DocContext, at: int) -> bool:
    """Whether the title right before the name at token ``at`` is of a head of state's
    office ("presidential spokeswoman X", `roles.head_offices`)."""
    span = ctx.title_at[at - 1] if at > 0 else None
    if span is None:
        return False
    words = range(max(0, span[0] - 2), span[1])
    return any(ctx.doc[x].lower_ in ctx.lex.head_offices for x in words)


def tie_to_named_government(ctx: DocContext, actor: str, title: str, k: int, at: int) -> None:
    """ "President X said his government would not negotiate", in a text that names one
    state's government ("Mali's government", "the government of Mali", "the Malian
    government") and no state beside the title: that state, at a lower confidence. Only
    where the text ties him to it: "his government" in his sentence or the next, or the
    government named next to his sentence and no other actor in it he could lead; never
    a host or a mediator ("President X, the summit's host, urged the RSF ...")."""
    words = title.lower().replace("-", " ").split()
    if not words or words[-1] not in ctx.lex.government_titles:
        return
    doc = ctx.doc
    if any(doc[i].lower_ in ctx.lex.role_blockers for i in range(max(0, at - 5), at)):
        return  # "former president X"
    governed = _governed_states(ctx)
    if len(governed) != 1:
        return
    state, named_in = next(iter(governed.items()))
    third = ctx.lex.mediator_nouns | ctx.lex.mediation_verbs | ctx.lex.mediator_adjectives
    if any(t.lemma_.lower() in third or t.lemma_.lower() == "host" for t in ctx.sents[k]):
        return  # "the summit's host", "who mediated the talks": a third party
    own = _own_government(ctx, k) or _own_government(ctx, k + 1)
    near = {k - 1, k, k + 1}
    # the state or its government named next to his sentence ("South Africa took over
    # the file. President X convened a summit"), not far from it
    stated = any(m.actor == state and not m.place for j in near - {k + 1} for m in in_sent(ctx, j))
    if not own and not named_in & near and not stated:
        return
    person = ctx.men[at]
    root = ctx.doc[person.start : person.end].root if person is not None else ctx.doc[at]
    tied = {root.i, root.head.i}  # his own phrase and his verb: "urged the RSF"
    for m in ctx.mentions_in(ctx.sents[k]):  # "Norway's summit, hosted by PM X"
        other = m.actor and m.actor != state and not m.place and m.kind != "demonym"
        kind = ctx.type_of(m.actor) if other else None  # type: ignore[arg-type]
        if kind == "state":
            return
        if kind == "organization" and not own and span_root(ctx.doc, m.start, m.end).head.i in tied:
            return  # "President X urged the RSF to withdraw": whose president?
    if _counterpart(ctx, actor, state, k, sides=False):
        return
    ctx.use(state, ctx.sents[k].start)
    ctx.add_speaks(actor, state, title, k, 0.5)
    ctx.register_role(title, actor, state)


def _own_government(ctx: DocContext, k: int) -> bool:
    """Sentence ``k`` speaks of the speaker's own government: "his government", "our
    government", "the government he leads"."""
    if k >= len(ctx.sents):
        return False
    for t in ctx.sents[k]:
        if t.lower_ not in ctx.lex.government_nouns:
            continue
        for c in t.children:
            if c.dep_ == "poss" and c.lower_ in ("his", "her", "our", "my"):
                return True
            heads = c.dep_ == "relcl" and c.lemma_.lower() in ctx.lex.heading_verbs
            if heads and any(g.lower_ in ("he", "she", "i", "we") for g in c.children):
                return True
    return False


def _governed_states(ctx: DocContext) -> dict[str, set[int]]:
    """The states whose government the document names: "Mali's government", "the
    government of Mali", "the Malian government", "the Philippine Government", with the
    sentences that name each."""
    doc = ctx.doc
    # a ministry is not the government ("the Norwegian Ministry of Foreign Affairs" said
    # it would keep working for the parties: a mediator's office)
    gov = ctx.lex.government_nouns - {"state", "country", "ministry", "foreign ministry"}
    out: dict[str, set[int]] = {}
    for m in ctx.mentions:
        if not m.actor or m.place or ctx.type_of(m.actor) != "state":
            continue
        root = span_root(doc, m.start, m.end)
        if root.lower_ in gov and root.i != m.start:
            # a government's own name
            out.setdefault(m.actor, set()).add(ctx.sent_of[m.start])
            continue
        while root.dep_ == "conj" and root.head.i < root.i:  # "of Serbia and Kosovo"
            root = root.head
        head = root.head
        owner = root.dep_ in ("poss", "compound", "amod", "nmod") and head.lower_ in gov
        of = root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in gov
        if owner or of:
            out.setdefault(m.actor, set()).add(ctx.sent_of[m.start])
    return out


def _government_of(
    ctx: DocContext, title: str, k: int, at: int, parted: list[str] | None = None
) -> str | None:
    """The state a government title without an owner belongs to ("President X",
    "Presidential peace adviser X"): the state of "whose" before it ("Sweden, whose
    foreign minister, X"), else the one state its sentence has as a subject
    ("'Lebanon will not sign,' Prime Minister X said"), else -- where it has none -- the one
    state among the parties of the talks the document is about, where the other side is
    no state (a government and its rebels)."""
    words = title.lower().replace("-", " ").split()
    if not words or words[-1] not in ctx.lex.government_titles:
        return None
    doc = ctx.doc
    if any(doc[i].lower_ in ctx.lex.role_blockers for i in range(max(0, at - 5), at)):
        return None  # "Former Socialist prime minister X": no office now
    whose = _whose(ctx, at)
    if whose is not None:
        return whose if ctx.type_of(whose) == "state" else None
    offered = _offered_by(ctx, at)
    if offered is not None:
        return offered
    voiced = clause_state(ctx, at)
    if voiced is not None:
        return voiced
    reported = _reported_by(ctx, at)
    if reported is not None:
        return reported
    listed = _listed_with(ctx, at)
    if listed is not None:
        return listed
    named = {  # a state that acts in the sentence: a subject or an owner
        m.actor
        for m in ctx.mentions_in(ctx.sents[k])
        if m.actor
        and not m.place
        and m.kind != "demonym"
        and ctx.type_of(m.actor) == "state"
        and span_root(ctx.doc, m.start, m.end).dep_ in ("nsubj", "nsubjpass")
        and not _bound(ctx, span_root(ctx.doc, m.start, m.end).head)
        and not _contrasted(span_root(ctx.doc, m.start, m.end).head)
    }
    if named:
        return named.pop() if len(named) == 1 else None
    states = [a for a in ctx.parties if ctx.type_of(a) == "state"]
    if parted is not None:
        parted.append("parties")  # from here on, the talks' parties give the state
    if len(states) == 2 and len(ctx.parties) == 2:
        return _facing(ctx, states, k, at) or _topic_state(ctx, k)
    if len(states) != 1 or len(ctx.parties) < 2:
        return _topic_state(ctx, k)
    for m in ctx.mentions_in(ctx.sents[k]):  # "Berlin's summit, hosted by Chancellor X"
        owner = span_root(ctx.doc, m.start, m.end).dep_ == "poss"
        other = m.actor and not m.place and m.actor not in ctx.parties
        if owner and other and ctx.type_of(m.actor) == "state":  # type: ignore[arg-type]
            return None
    ctx.use(states[0], 0)
    return states[0]


def _reported_by(ctx: DocContext, at: int) -> str | None:
    """The one state whose own people or voice report what the person at token ``at`` says
    or does (issue 21S): "According to Russian diplomatic sources, Presidential Aide X said
    ...", "a senior Armenian lawmaker said Prime Minister X proposed ...", "the Armenian
    Foreign Ministry said Foreign Minister X met ...". The reporter is a state's body or a
    noun of `roles.side_sources` with the state's demonym or name before it; the person is
    the subject of the verb of saying or of the clause it reports."""
    person = ctx.men[at]
    if person is None:
        return None
    root = span_root(ctx.doc, person.start, person.end)
    if root.dep_ != "nsubj":
        return None
    verb = root.head
    verbs = [verb]
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ctx.lex.speech_verbs:
        verbs.append(verb.head)  # "a senior Armenian lawmaker said X proposed ..."
    reporters: list[Token] = []
    for v in verbs:
        for c in v.children:
            if c.dep_ == "nsubj" and v is not verb:
                reporters.append(c)
            elif c.dep_ == "prep" and c.lower_ == "according":  # "according to X"
                reporters += [p for to in c.children for p in to.children if p.dep_ == "pobj"]
    found: set[str] = set()
    for r in reporters:
        mm = ctx.men[r.i]
        if mm is not None and mm.actor and not mm.place:
            body = ctx.dict.body_of(mm.actor)  # "the Armenian Foreign Ministry"
            if body is not None and ctx.type_of(body[0]) == "state":
                found.add(body[0])
            continue
        if r.lemma_.lower() not in ctx.lex.side_sources:
            continue
        for c in r.children:
            own = ctx.men[c.i]
            if c.dep_ not in ("amod", "compound", "nmod", "poss") or own is None or own.place:
                continue
            for x in (c, *c.conjuncts):  # "Armenian and Azerbaijani officials": both
                named = ctx.men[x.i]
                if named is not None and named.actor and ctx.type_of(named.actor) == "state":
                    found.add(named.actor)  # "Russian diplomatic sources"
    if len(found) != 1:
        return None
    state = found.pop()
    ctx.use(state, ctx.sent_of[at])
    return state


def _facing(ctx: DocContext, states: list[str], k: int, at: int) -> str | None:
    """In talks between two states, the one a person with an owner-less government title
    serves where the sentence sets them against someone who speaks for the other (issue
    21S): "Foreign Minister X and his Azerbaijani counterpart Y", "Prime Minister X
    proposed to Azerbaijani President Y", "President X met Y": conjoined with them, or
    them the object of X's verb or of its "to"/"with"."""
    person = ctx.men[at]
    if person is None:
        return None
    mine = span_root(ctx.doc, person.start, person.end)
    found: set[str] = set()
    for m in ctx.mentions_in(ctx.sents[k]):
        if not m.actor or m.actor == person.actor or ctx.type_of(m.actor) != "person":
            continue
        sf = ctx.principal.get(m.actor)
        if sf is None or sf.target not in states:
            continue
        other = span_root(ctx.doc, m.start, m.end)
        # "X and his Azerbaijani counterpart Y": the counterpart; "X and Y" a pair (a list of
        # three or more is one side's, :func:`_listed_with`)
        countered = other.dep_ == "appos" and other.head.lemma_.lower() in ctx.lex.role_nouns
        other = other.head if other.dep_ == "appos" else other
        joined = (countered or len(_listed(mine)) == 2) and (
            (other.dep_ == "conj" and other.head.i == mine.i)
            or (mine.dep_ == "conj" and mine.head.i == other.i)
        )
        verb = mine.head if mine.dep_ == "nsubj" else None
        objected = verb is not None and (
            (other.dep_ == "dobj" and other.head.i == verb.i)
            or (
                other.dep_ == "pobj"
                and other.head.lower_ in ("to", "with")
                and other.head.head.i == verb.i
            )
        )
        if joined or objected:
            found |= set(states) - {sf.target}
    if len(found) != 1:
        return None
    state = found.pop()
    ctx.use(state, ctx.sent_of[at])
    return state


def _listed(mine: Token) -> list[Token]:
    """The members of the list of names ``mine`` stands in (itself alone if none): "President
    A, Prime Minister X, and Speaker Y", also where the parser hung X on A in apposition."""
    first = mine
    while first.dep_ in ("conj", "appos") and first.head.i < first.i:
        first = first.head
    members = [first]
    for t in members:
        members += [c for c in t.children if c.dep_ in ("conj", "appos")]
    return members


def _listed_with(ctx: DocContext, at: int) -> str | None:
    """The one state the people listed with the person at token ``at`` already speak for
    (issue 22S): "President Aoun, Prime Minister X, and Speaker Y are all satisfied"
    (Aoun's state). A list of three or more; not a pair ("President A and Prime Minister X"
    in talks between two states are more often the two sides, :func:`_facing`), not a list
    with a counterpart, not a person listed under a former office."""
    person = ctx.men[at]
    if person is None:
        return None
    mine = span_root(ctx.doc, person.start, person.end)
    members = _listed(mine)
    if len(members) < 3 or any(t.lemma_.lower() in ctx.lex.role_nouns for t in members):
        return None
    found: set[str] = set()
    for t in members:
        m = ctx.men[t.i]
        if t.i == mine.i or m is None or not m.actor or m.actor == person.actor:
            continue
        if any(ctx.doc[i].lower_ in ctx.lex.role_blockers for i in range(t.left_edge.i, m.start)):
            continue  # "former Prime Minister Y": no office now
        sf = ctx.principal.get(m.actor) if ctx.type_of(m.actor) == "person" else None
        if sf is not None and ctx.type_of(sf.target) == "state":
            found.add(sf.target)
    if len(found) != 1:
        return None
    state = found.pop()
    ctx.use(state, ctx.sent_of[at])
    return state


def _offered_by(ctx: DocContext, at: int) -> str | None:
    """The one state that owns a thing the person at token ``at`` offers or makes: "a
    Turkish proposal, either from Foreign Minister X or ...", "an Egyptian plan drafted by
    Foreign Minister X", "Qatar's offer from Prime Minister X" (the state's word on the
    noun whose "from", "by" or "of" names the person)."""
    person = ctx.men[at]
    if person is None:
        return None
    t = span_root(ctx.doc, person.start, person.end)
    while t.dep_ in ("conj", "appos") and t.head.i < t.i:
        t = t.head
    if t.dep_ != "pobj" or t.head.lower_ not in ("from", "by", "of"):
        return None
    noun = t.head.head
    if noun.dep_ == "acl" and noun.pos_ == "VERB":  # "a plan drafted by X"
        noun = noun.head
    if noun.lemma_.lower() not in ctx.lex.demand_plans:
        return None  # "Norway's summit, hosted by Prime Minister X": a host, no owner
    found = set()
    for c in noun.children:
        m = ctx.men[c.i]
        if c.dep_ not in ("amod", "compound", "poss", "nmod") or m is None or m.place:
            continue
        if m.actor and ctx.type_of(m.actor) == "state":
            found.add(m.actor)
    return found.pop() if len(found) == 1 else None


def _topic_state(ctx: DocContext, k: int) -> str | None:
    """ "Rwanda, for its part, insists it is no party. Foreign Minister X has denied ...
    and said his government ...": a government title with no owner in the sentence after
    one whose main subject is one state (the paragraph's topic), where the text ties the
    person back to it ("his government", or that state the subject again in his sentence
    or the next) and his sentence names no other state. Not across a paragraph break.
    """
    if not after_in_paragraph(ctx, k):
        return None  # another paragraph, or a heading glued to the sentence
    found = _subject_states(ctx, k - 1)
    if len(found) != 1:
        return None
    state = found.pop()
    named = {
        m.actor
        for m in in_sent(ctx, k)
        if m.actor and not m.place and m.kind != "demonym" and ctx.type_of(m.actor) == "state"
    }
    if named - {state}:
        return None  # a state of its own in the sentence: the other rules' business
    own = _own_government(ctx, k) or _own_government(ctx, k + 1)
    again = state in _subject_states(ctx, k) | _subject_states(ctx, k + 1)
    if not own and not again:
        return None  # "Israel struck Gaza. President X called for restraint": whose?
    ctx.use(state, ctx.sents[k].start)
    return state


def named_by(ctx: DocContext, t: Token, kind_ok: Callable[[str], bool]) -> set[str]:
    """The named actors (no pronouns, no anonymous ones) the noun phrase at ``t`` resolves
    to whose kind ``kind_ok`` accepts; resolving here records nothing."""
    with ctx.quietly():
        return {
            r.actor
            for r in ctx.resolve.resolve_np(t, pronouns=False)
            if not r.anonymous and kind_ok(ctx.type_of(r.actor))
        }


def _subject_states(ctx: DocContext, k: int) -> set[str]:
    """The states that are subjects (any clause) of sentence ``k``."""
    if not 0 <= k < len(ctx.sents):
        return set()
    found: set[str] = set()
    for t in ctx.sents[k]:
        if t.dep_ not in ("nsubj", "nsubjpass") or ctx.quote_of[t.i] >= 0:
            continue
        found |= named_by(ctx, t, lambda kind: kind == "state")
        # "The governments of Mali and Niger met ...": every state the subject names
        found |= {
            m.actor
            for m in in_sent(ctx, k)
            if m.actor
            and not m.place
            and m.kind != "demonym"
            and t.left_edge.i <= m.start
            and m.end <= t.right_edge.i + 1
            and ctx.type_of(m.actor) == "state"
        }
    return found


def clause_state(ctx: DocContext, at: int, *, leaders: bool = False) -> str | None:
    """The state (named or by its capital) that is the subject of what the person at
    token ``at`` says: "Kosovo will not begin ... until Serbia takes steps, Prime Minister
    X said" (Kosovo, not Serbia of the inner clause), "X said Kyiv insisted on ..."; not a
    state a deontic modal binds ("X said Cambodia must stop firing": a demand on it).
    With ``leaders``, also the state a person subject speaks for ("Y pardoned them,
    presidential spokeswoman X said": Y's state)."""
    first = ctx.men[at]
    if first is None or not first.actor:
        return None
    for m in ctx.mentions:  # the first time the person says so, titled there or later
        if m.actor != first.actor or m.start < first.start:
            continue
        root = span_root(ctx.doc, m.start, m.end)
        verb = root.head
        if root.dep_ != "nsubj" or verb.lemma_.lower() not in ctx.lex.speech_verbs:
            continue
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i:
            clauses.append(verb.head)  # "Kosovo will not begin ..., X said"
        found = set()
        for c in clauses:
            if _bound(ctx, c):
                continue  # "X said Cambodia must stop firing": a demand on another
            for s in c.children:
                mm = ctx.men[s.i]
                if s.dep_ not in ("nsubj", "nsubjpass") or mm is None or not mm.actor:
                    continue
                if not mm.place and mm.kind != "demonym" and ctx.type_of(mm.actor) == "state":
                    found.add(mm.actor)
                led = ctx.principal.get(mm.actor) if leaders else None
                if led is not None and ctx.type_of(led.target) == "state":
                    found.add(led.target)
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def _bound(ctx: DocContext, verb: Token) -> bool:
    """Whether a deontic modal binds the verb's subject ("Cambodia must stop firing"):
    what is asked of a state, which is seldom the speaker's own."""
    return any(a.dep_ == "aux" and a.lower_ in ctx.lex.modals for a in verb.children)


def _whose(ctx: DocContext, at: int) -> str | None:
    """The actor a "whose" a few words before token ``at`` stands for: "hosted by Sweden,
    whose foreign minister, X, welcomed ..." (the head of the relative clause)."""
    doc = ctx.doc
    for i in range(at - 1, max(-1, at - 6), -1):
        if doc[i].lower_ != "whose":
            continue
        t = doc[i]
        for _ in range(4):
            if t.dep_ == "relcl":
                m = ctx.men[t.head.i]
                return m.actor if m is not None and m.actor and not m.place else None
            if t.head.i == t.i:
                break
            t = t.head
        # the parser missed the relative clause: the name right before ", whose"
        m = ctx.men[i - 2] if i >= 2 and doc[i - 1].text == "," else None
        return m.actor if m is not None and m.actor and not m.place else None
    return None


def _contrasted(verb: Token) -> bool:
    """Whether the verb heads a clause set against the sentence's main one ("While the Trump
    administration claims ..., foreign secretary X said"): its subject is the other side's."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("while", "whereas", "although", "though")
        for c in verb.children
    )
