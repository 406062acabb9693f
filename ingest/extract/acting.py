"""Which of a document's actors act or speak (the others are only named).

An article names many bodies it is not about: the capital a meeting is held in, a state in a
list of bystanders, a leader named in passing. Only the actors that act or speak are the
document's actors. The evidence is structural, read from the records and the parse, not from
lists of names:

* **records**: the source or target of a relation, the speaker of a statement or the body it
  is spoken for, a party of the negotiation (:mod:`.parties`);
* **agency** of a mention: the subject of a verb that is no copula ("Kuwait flew the
  delegation"), the agent of a passive ("a text brokered by Egypt", "a team led by X"), the
  one asked to act or acted upon by an actor ("invited Algeria to sit at the table", "met X",
  "imposed sanctions on X"), a side of talks or a meeting ("a meeting between Zelensky and
  Putin"), the source in "according to X", the owner of something that is no place and no
  former office ("Egypt's proposal", "Mauritania's delegation"), a name before a noun of its
  people, bodies or proposals ("the Houthi delegation", "a proposal from X"; not "diplomats
  from X"); a phrase in apposition or in a conjunction acts with the phrase it belongs to
  ("the intelligence chief, Suh Hoon, travelled");
* **sides**: an actor named as a name (not as a modifier: "the Libya model") in several
  sentences.

A mention that only locates ("talks in Geneva", "Beirut's suburbs"), a boilerplate line (its
mentions are not found at all) or a quotation's few words (a title, scare quotes) gives no
evidence. The ``every_mention`` setting keeps every actor (see ``ingest/settings.py``).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from actorgraph.ingest.extract.mentions import GEO_NOUNS, Mention, locative, travelled_between
from actorgraph.ingest.extract.tokens import plural_base, span_root

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from spacy.tokens import Doc, Token

#: how many sentences must name an actor, by name, for it to count as a side of the story
SIDE_SENTENCES = 3
#: dependencies by which a phrase stands for the one it belongs to ("the chief, X")
_LINKS = frozenset({"appos", "conj"})
#: entity labels of a place (the owner of a place is no actor through it)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: dependencies of a name that describes the noun after it ("the Houthi delegation")
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def record_actors(ctx: DocContext) -> set[str]:
    """The actors a record uses: the parties, each relation's ends, each statement's speaker
    and the body it is spoken for."""
    out: set[str] = set(ctx.parties)
    for r in ctx.out.relations:
        out.update((r["source"], r["target"]))
    for s in ctx.out.statements:
        out.add(s["speaker"])
        if s.get("on_behalf_of"):
            out.add(s["on_behalf_of"])
    return out


def acting_actors(ctx: DocContext) -> set[str]:
    """The document's actors that act or speak (see the module docstring)."""
    out = record_actors(ctx)
    named: Counter[str] = Counter()
    seen: set[tuple[str, int]] = set()
    for m in ctx.mentions:
        if not m.actor or m.passing or m.brief or _titled(ctx, m):
            continue
        lead = lead_of(span_root(ctx.doc, m.start, m.end))
        if m.kind in ("name", "metonym") and not m.place and lead.dep_ not in _MODIFIER_DEPS:
            key = (m.actor, ctx.sent_of[m.start])
            if key not in seen:
                seen.add(key)
                named[m.actor] += 1
        if m.actor not in out and (acts(ctx, m) or _subject_pair(ctx, m)):
            out.add(m.actor)
        if m.kind == "demonym" and _government_acts(ctx, m, lead):
            ctx.use(m.actor, m.start)  # no rule read it, but it acts: one of the document's
            out.add(m.actor)
        body = _acting_institution(ctx, m, lead)
        if body is not None:  # "Egypt's army welcomed the deal": the army acts (no rule of
            out.add(body)  # speech or stance read it)
    out.update(a for a, n in named.items() if n >= SIDE_SENTENCES)
    for body in sorted(out):  # "the Azerbaijani Foreign Ministry said": Azerbaijan is named
        of = ctx.dict.body_of(body)  # (a voice of its state, issue 15a; an army speaks alone)
        voice = of is not None and (of[1] in ctx.lex.voices or of[1] in ctx.lex.person_bodies)
        if of is not None and voice and body in ctx.first_seen:  # "Erdogan's office": Erdogan
            ctx.use(of[0], ctx.first_seen[body])
            out.add(of[0])
    return out


def _government_acts(ctx: DocContext, m: Mention, lead: Token) -> bool:
    """ "The Colombian government suspended the talks": a state named by its demonym before
    its government's noun acts when that phrase acts (issue 14o)."""
    gov = lead.head
    if lead.dep_ != "amod" or gov.lemma_.lower() not in ctx.lex.government_nouns:
        return False
    phrase = lead_of(gov)  # "invited X and the Ethiopian government to the talks" (issue 20A)
    return phrase.dep_ in _CLAUSE_DEPS and _in_clause(ctx, phrase)


def _acting_institution(ctx: DocContext, m: Mention, lead: Token) -> str | None:
    """A state's body of its own (the lexicon's ``institutions``) named by the state before
    its noun, whose phrase acts: "Egypt's army welcomed the deal", "the Iranian foreign
    ministry expressed concern", "talks with the Lebanese army" (issue 16a; the same body
    the rules of speech make of "Egypt's army said"); a person's office (``person_bodies``)
    only where it is the subject or the agent of the act ("Erdogan's office commented",
    "released by Pashinyan's office"; not "closed X's offices", a place)."""
    noun, owner = lead.head, m.actor
    if owner is None or lead.dep_ not in ("poss", "amod", "compound") or noun.i <= lead.i:
        return None
    if noun.pos_ not in ("NOUN", "PROPN") or ctx.men[noun.i] is not None:
        return None  # a name of its own ("Egypt's Foreign Ministry") is read as one
    kind = ctx.type_of(owner)
    pair = f"{ctx.doc[noun.i - 1].lower_} {noun.lower_}"
    if kind == "state":
        word = pair if pair in ctx.lex.institutions else noun.lemma_.lower()
        found = word in ctx.lex.institutions
    else:
        word = noun.lower_
        found = kind == "person" and word in ctx.lex.person_bodies and _subject_or_agent(noun)
    if not found or not _noun_acts(ctx, noun):
        return None
    body = ctx.resolve.institution(noun, owner, word)
    return body.actor if body is not None else None


def _subject_or_agent(noun: Token) -> bool:
    """The subject of a clause or the agent of a passive ("released by X's office")."""
    return noun.dep_ == "nsubj" or (noun.dep_ == "pobj" and noun.head.dep_ == "agent")


def _subject_pair(ctx: DocContext, m: Mention) -> bool:
    """The first of "A and B <verb>" where the parser left A out of the clause (after a
    headline, "LIVE UPDATES Israel and Hamas agreed"): A acts with B."""
    doc = ctx.doc
    if m.end + 1 >= len(doc) or doc[m.end].lower_ != "and":
        return False
    nxt = ctx.men[m.end + 1]
    if nxt is None or nxt.start != m.end + 1 or not nxt.actor:
        return False
    return doc[nxt.start : nxt.end].root.dep_ == "nsubj" and acts(ctx, nxt)


def _titled(ctx: DocContext, m: Mention) -> bool:
    """A mention inside a quotation of a few words (a title, scare quotes)."""
    q = ctx.in_quote(m.start)
    return q is not None and q.embedded


def acts(ctx: DocContext, m: Mention) -> bool:
    """Whether the mention's phrase is one that acts (subject, agent, side, owner), or takes
    part in what another actor does (met, sanctioned, sent a proposal to, told)."""
    doc = ctx.doc
    if m.place:
        return False
    if _after_agent_by(doc, m.start, m.end):  # "a channel owned by Hamas' ally Hezbollah"
        return True
    head = _out_of_name(ctx, m, lead_of(span_root(doc, m.start, m.end)))
    dep, gov = head.dep_, head.head
    prev = _list_item_before(ctx, m, gov)
    if prev is not None:  # "... of Azerbaijan and Armenia Jeyhun Bayramov": the list's item
        head = lead_of(prev)
        dep, gov = head.dep_, head.head
    elif dep in _MODIFIER_DEPS and _joined(doc, m, gov):
        # the parser hung the first of "between Zelensky and Russian President Putin" on the
        # second: it stands with it
        head = lead_of(gov)
        dep, gov = head.dep_, head.head
    if listed_participant(ctx, head):
        return True  # "Among those at the table were X, Y and Z" (issue 20A)
    if dep in _CLAUSE_DEPS:
        return _in_clause(ctx, head)
    if dep == "nsubjpass" and gov.lemma_.lower() in ctx.lex.part_verbs:
        return True  # "the United States and Egypt were also involved in the talks" (14a)
    if dep == "nsubjpass":
        return _asked_to_act(head)
    if dep == "poss":
        return _owns(ctx, gov, agent_only=False) and _through(ctx, gov)
    if dep in _MODIFIER_DEPS:  # "the Houthi delegation", "Qatari mediators", "a UN proposal"
        return _owns(ctx, gov, agent_only=True) and _through(ctx, gov)
    if dep != "pobj":
        return False
    prep, low = gov, gov.lower_
    if prep.dep_ == "agent":  # "brokered by Egypt", "led by X"
        return True
    if low == "to" and prep.head.lower_ == "according":
        return True  # "according to the United Nations": a source
    owner = prep.head
    if low in ("between", "with") and owner.pos_ == "NOUN":  # "talks between X and Y"
        lex = ctx.lex
        if owner.lemma_.lower() in lex.talk_nouns or owner.lower_ in lex.talk_nouns:
            return not travelled_between(doc, m)
        if owner.lower_ in lex.part_nouns:  # "cooperation between the FSB and the CIA"
            return True
    if low in ("from", "of") and owner.pos_ == "NOUN":  # "a delegation from the Front"
        return _owns(ctx, owner, agent_only=True, people=False)
    if low == "by" and owner.pos_ == "NOUN" and _act_noun(ctx, owner):
        return True  # "after objections by France", "a proposal by Egypt" (issue 17a)
    if low == "of" and owner.lower_ in ctx.lex.generic_bodies:
        return _noun_acts(ctx, owner)  # "the Executive Committee of the SPLM said" (issue 14a)
    if low == "of" and owner.pos_ == "PROPN" and _title_noun(ctx, owner):
        # "talks between the Foreign Ministers of Russia, Azerbaijan and Armenia": the states
        # act through the office holders they send (issue 14a)
        return _noun_acts(ctx, owner)
    if low in ("to", "for") and _speaks_for_owner(ctx, owner):
        return _noun_acts(ctx, owner)  # "an adviser to Zelensky said", "a spokesman for X"
    if low in _TARGET_PREPS and not (locative(doc, m) and low not in ("at", "on")):
        # "imposed sanctions on Iran", "sent a letter to Hamas", "fired at Israel"
        verb = owner.head if owner.dep_ == "dobj" else owner
        return verb.pos_ == "VERB" and _done_by_actor(ctx, verb)
    return False


#: dependencies by which a phrase is a verb's subject or object
_CLAUSE_DEPS = frozenset({"nsubj", "dobj", "dative"})
#: dependencies by which a phrase is listed by "be" or "include"
_LISTED_DEPS = frozenset({"nsubj", "attr", "dobj"})


def listed_participant(ctx: DocContext, head: Token) -> bool:
    """A phrase listed among those who take part (issue 20A): "Among those at the table were
    X, Y and Z", "Among the participants were X", "Also present at the signing were X", "The
    signatories were X and Y", "Those attending the talks included X", "Participants
    included X" (the lexicon's ``participant_nouns``, ``participation_words`` and
    ``participation_settings``). Not where the clause is negated, nor a list of others
    ("Among the dead were X", "Those excluded from the talks included X")."""
    if head.dep_ not in _LISTED_DEPS:
        return False
    verb = head.head
    lemma = verb.lemma_.lower()
    if lemma not in ("be", "include") or ctx.negated(verb):
        return False
    for c in verb.children:
        if c.i == head.i:
            continue
        if lemma == "include":
            if c.dep_ == "nsubj" and head.dep_ == "dobj" and _participants(ctx, c):
                return True
        elif c.dep_ == "prep" and c.lower_ == "among":
            if any(g.dep_ == "pobj" and _participants(ctx, g) for g in c.children):
                return True
        elif c.dep_ == "acomp" and c.lemma_.lower() in ctx.lex.participation_words:
            return True  # "Also present at the signing were X"
        elif c.dep_ in ("nsubj", "attr") and c.i < head.i and _participants(ctx, c):
            return True  # "The participants were X and Y"
    return False


def _participants(ctx: DocContext, noun: Token) -> bool:
    """Whether a noun names those who take part: a participant noun ("the participants",
    "the delegations"), or "those" that attend, are present or sit at the table ("those
    attending the talks", "those present", "those at the table"), not "those not at the
    table"."""
    lex = ctx.lex
    if noun.lemma_.lower() in lex.participant_nouns or noun.lower_ in lex.participant_nouns:
        return True
    if noun.lower_ != "those" or any(c.dep_ == "neg" for c in noun.subtree):
        return False
    settings = lex.participation_settings | lex.talk_nouns
    for c in noun.children:
        if c.dep_ in ("acl", "relcl", "amod") and c.lemma_.lower() in lex.participation_words:
            return True
        if (
            c.dep_ == "acl"
            and c.lemma_.lower() == "take"
            and any(g.lower_ == "part" for g in c.children)
        ):
            return True  # "those taking part"
        if (
            c.dep_ == "prep"
            and c.lower_ in ("at", "around", "in")
            and any(
                g.dep_ == "pobj" and (g.lemma_.lower() in settings or g.lower_ in settings)
                for g in c.children
            )
        ):
            return True
    return False


def _in_clause(ctx: DocContext, head: Token) -> bool:
    """A subject of a verb that is no copula ("Kuwait flew the delegation"; "if Tiraspol were
    to walk away", "Kosovo was ready to implement the plan"), or the object of one an actor
    does or that asks it to act ("invited Algeria to sit", "Hamdan told Al Manar")."""
    gov = head.head
    if head.dep_ == "nsubj":
        if gov.pos_ == "VERB" and gov.lemma_.lower() not in ctx.lex.copulas:
            return True
        preds = [gov, *(c for c in gov.children if c.dep_ in ("acomp", "attr"))]
        return any(c.dep_ == "xcomp" and c.pos_ == "VERB" for p in preds for c in p.children)
    return (
        _done_by_actor(ctx, gov)
        or any(c.dep_ == "xcomp" and c.i > head.i for c in gov.children)
        or (head.dep_ == "dobj" and _brought_to_talks(ctx, gov))
    )


def _brought_to_talks(ctx: DocContext, verb: Token) -> bool:
    """A verb that brings its object to talks ("the organisers invited X, Y and Z to the
    dialogue", "summoned X to the negotiations"): the object takes part, whoever brought it
    (issue 19A). Not where the bringing is denied, refused or only hoped for ("did not invite
    X to the talks", "refused to invite X"), nor where it is for another act ("invited the
    singer to the dialogue to perform a song"; issue 19mA)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in ctx.lex.copulas:
        return False
    talks = ctx.lex.talk_nouns
    to_talks = any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(
            g.dep_ == "pobj" and (g.lemma_.lower() in talks or g.lower_ in talks)
            for g in c.children
        )
        for c in verb.children
    )
    return to_talks and _brought_for_real(ctx, verb) and not _brought_for_another_act(ctx, verb)


def _brought_for_real(ctx: DocContext, verb: Token) -> bool:
    """The bringing is asserted: not negated, hedged or wanted, nor the act a refusal is of
    ("refused to invite X")."""
    if ctx.negated(verb) or ctx.irrealis(verb):
        return False
    return not (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ctx.lex.refusals)


def _brought_for_another_act(ctx: DocContext, verb: Token) -> bool:
    """A purpose clause on the bringing verb whose act is none of the talks' own ("to
    perform a song", not "to negotiate" or "to meet the envoys")."""
    lex = ctx.lex
    own = lex.party_verbs | lex.meeting_verbs | lex.through_verbs
    return any(
        c.dep_ in ("advcl", "xcomp")
        and c.pos_ == "VERB"
        and c.i > verb.i
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and c.lemma_.lower() not in own
        for c in verb.children
    )


def _asked_to_act(head: Token) -> bool:
    """The subject of a passive that asks or expects it to act ("the army is expected to
    present a plan", "Hamas was urged to accept"), as the object of the active verb is
    ("urged Hamas to accept"; issue 16a)."""
    gov = head.head
    return gov.pos_ == "VERB" and any(
        c.dep_ == "xcomp" and c.pos_ == "VERB" and c.i > gov.i for c in gov.children
    )


def _list_item_before(ctx: DocContext, m: Mention, gov: Token) -> Token | None:
    """The item before the last of a list of names that the parser hung on the person's name
    after it ("the Foreign Ministers of Azerbaijan and Armenia Jeyhun Bayramov and ..."):
    the mention is a modifier of a person right after it, after "and" or a comma that follow
    a mention of an actor of the same type (issue 14a)."""
    doc = ctx.doc
    if m.start < 2 or not m.actor or doc[m.start - 1].lower_ not in ("and", ","):
        return None
    person = ctx.men[gov.i]
    if gov.i < m.end or person is None or not person.actor:
        return None
    if ctx.type_of(person.actor) != "person":
        return None
    if span_root(doc, m.start, m.end).dep_ != "compound":
        return None
    prev = ctx.men[m.start - 2]
    if prev is None or not prev.actor or ctx.type_of(prev.actor) != ctx.type_of(m.actor):
        return None
    return span_root(doc, prev.start, prev.end)


def _joined(doc: Doc, m: Mention, gov: Token) -> bool:
    """A name the parser hung as a modifier on a name after "and" ("Zelensky and Russian
    President Vladimir Putin"): the two are a conjunction."""
    return (
        m.end < len(doc)
        and doc[m.end].lower_ == "and"
        and gov.i > m.end
        and gov.pos_ == "PROPN"
        and all(t.pos_ in ("PROPN", "ADJ", "NOUN") for t in doc[m.end + 1 : gov.i])
    )


def _title_noun(ctx: DocContext, noun: Token) -> bool:
    """A capitalized title, singular or plural ("Foreign Minister", "the Foreign Ministers")."""
    if ctx.title_at[noun.i] is not None:
        return True
    base = plural_base(noun)
    if base is None or noun.i == 0:
        return False
    words = {base, f"{ctx.doc[noun.i - 1].lower_} {base}"}
    return bool(words & ctx.lex.role_titles)


def _speaks_for_owner(ctx: DocContext, noun: Token) -> bool:
    """A noun for one who speaks or works for someone: "an adviser to X", "a spokesman for
    X" (a role title or an anonymous person's noun)."""
    if noun.pos_ == "PROPN":  # "EU Special Representative for the dialogue, X," (a capital)
        return ctx.title_at[noun.i] is not None
    if noun.pos_ != "NOUN":
        return False
    return ctx.title_at[noun.i] is not None or noun.lemma_.lower() in ctx.lex.anonymous


def _through(ctx: DocContext, noun: Token, depth: int = 0) -> bool:
    """Whether an owner acts through the thing it owns or describes: through its people and
    its proposals always ("the Hamas official", "Egypt's proposal"); through its bodies only
    where they act in turn ("the Houthi delegation arrived", "talks with the UN mission"; not
    "leaders of the breakaway Karabakh administration, who were arrested", "the UN mission
    was not represented")."""
    return not _body_noun(ctx, noun) or _noun_acts(ctx, noun, depth)


def _act_noun(ctx: DocContext, noun: Token) -> bool:
    """A noun of an act of saying, asking, refusing, proposing or mediating ("objections",
    "a demand", "a proposal", "mediation"), whose "by" names who did it."""
    lex = ctx.lex
    words = {noun.lower_, noun.lemma_.lower()}
    classes = (
        lex.speech_nouns,
        lex.demand_nouns,
        lex.reject_nouns,
        lex.proposal_heads,
        lex.mediation_nouns,
    )
    return any(words & c for c in classes)


def _body_noun(ctx: DocContext, noun: Token) -> bool:
    """A noun for an owner's bodies (not its people, proposals or messages)."""
    lex = ctx.lex
    words = {noun.lower_, noun.lemma_.lower()}
    if words & (lex.messages | lex.proposal_heads | lex.anonymous | lex.side_nouns):
        return False
    classes = (lex.organs, lex.groups, lex.body_nouns, lex.government_nouns)
    return any(words & c for c in classes)


def _noun_acts(ctx: DocContext, noun: Token, depth: int = 0) -> bool:
    """Whether a common noun's phrase acts: the same tests as a name's (subject, agent, side of
    talks, the one an actor acts on), and through what it owns in turn ("the delegation's
    proposal")."""
    doc = ctx.doc
    head = lead_of(noun)
    dep, gov = head.dep_, head.head
    if listed_participant(ctx, head):
        return True  # "Among those at the table were ... China's special envoy" (issue 20A)
    if dep in _CLAUSE_DEPS:
        return _in_clause(ctx, head)
    if dep == "nsubjpass":
        return _asked_to_act(head)
    if dep in ("poss", *_MODIFIER_DEPS) and depth < 2 and gov.pos_ == "NOUN":
        return not _body_noun(ctx, gov) or _noun_acts(ctx, gov, depth + 1)
    if dep != "pobj":
        return dep == "appos" or _after_agent_by(doc, noun.left_edge.i, noun.i + 1)
    if gov.dep_ == "agent" or (gov.lower_ == "to" and gov.head.lower_ == "according"):
        return True
    owner, low = gov.head, gov.lower_
    if low in ("between", "with") and owner.pos_ == "NOUN":
        lex = ctx.lex
        return owner.lemma_.lower() in lex.talk_nouns or owner.lower_ in lex.talk_nouns
    if low in ("from", "of") and owner.pos_ == "NOUN":  # "a proposal from the delegation"
        return _owns(ctx, owner, agent_only=True, people=False)
    if low in _TARGET_PREPS:
        verb = owner.head if owner.dep_ == "dobj" else owner
        return verb.pos_ == "VERB" and _done_by_actor(ctx, verb)
    return False


#: prepositions of what an act is aimed at or comes from
_TARGET_PREPS = frozenset({"on", "against", "at", "to", "from", "with"})
#: pronouns that stand for an actor as a subject ("who met the Houthis", "they met X")
_SUBJECT_PRONOUNS = frozenset({"who", "he", "she", "it", "they", "we", "i", "that", "which"})


def _done_by_actor(ctx: DocContext, verb: Token) -> bool:
    """A verb (no copula) whose subject is an actor named or a pronoun, or a passive (done by
    someone): what it is done to takes part in an actor's act ("Israel sanctioned X", "the
    envoy, who met X", "rockets were fired at X")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in ctx.lex.copulas:
        return False
    if any(c.dep_ == "auxpass" for c in verb.children):  # "rockets were fired at Israel"
        return True
    cur = verb
    passive = False  # "X was criticised for not sanctioning Y": X's act, in a gerund
    for _ in range(4):
        for c in cur.children:
            if c.dep_ != "nsubj" and not (passive and c.dep_ == "nsubjpass"):
                continue
            men = ctx.men[c.i]
            if (men is not None and men.actor) or c.lower_ in _SUBJECT_PRONOUNS:
                return True
            if c.pos_ in ("NOUN", "PROPN") and any(ctx.men[x.i] for x in c.subtree):
                return True  # "a delegation of the Front met X"
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.pos_ == "VERB":
            cur, passive = cur.head.head, True  # "accused of arming X", "praised for hosting X"
            continue
        if cur.dep_ not in ("conj", "xcomp", "advcl") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _after_agent_by(doc: Doc, start: int, end: int) -> bool:
    """The phrase ends a passive's agent phrase, however the parser hung it ("owned by
    Hamas' ally Hezbollah"): "by" of an agent, then only words of one noun phrase, the name
    last ("led by Kenya's former president" is the president's)."""
    if end < len(doc) and (doc[end].pos_ in ("NOUN", "PROPN", "PART") or doc[end].tag_ == "POS"):
        return False
    i = start - 1
    while i >= 0 and start - i <= 6:
        t = doc[i]
        if t.lower_ == "by":
            return t.dep_ == "agent"
        if t.pos_ not in _NP_POS or t.text in ",;:()":
            return False
        i -= 1
    return False


#: parts of speech inside one noun phrase ("Hamas' ally", "Egypt's intelligence chief")
_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PART", "PUNCT", "NUM"})


def _out_of_name(ctx: DocContext, m: Mention, lead: Token) -> Token:
    """The phrase of the name a conjunction hung the mention on, when the parser took it for
    a word of another actor's name ("the Assembly of Elders and Uganda rejected": "Uganda" a
    conjunct of "Elders"); else ``lead``."""
    other = ctx.men[lead.i]
    if lead.i in range(m.start, m.end) or other is None or other is m:
        return lead
    root = span_root(ctx.doc, other.start, other.end)
    return lead if root.i == lead.i else lead_of(root)


def lead_of(t: Token) -> Token:
    """The phrase a name stands with: up through apposition, conjunction and naming ("a
    man who calls himself X")."""
    for _ in range(6):
        if t.dep_ == "oprd" and t.head.dep_ == "relcl":  # "a man who calls himself X"
            t = t.head.head
            continue
        if t.dep_ not in _LINKS or t.head.i == t.i:
            break
        t = t.head
    return t


def _owns(ctx: DocContext, noun: Token, *, agent_only: bool, people: bool = True) -> bool:
    """An owned thing through which its owner acts: not a place ("Beirut's suburbs"), not a
    past office ("Kenya's former president"); with ``agent_only``, only the owner's people,
    bodies and proposals ("the Tiraspol leadership", "Qatari mediators", "a UN proposal");
    without ``people``, not a few of its people ("diplomats from Britain", "members of
    Congress": they act, the body is only where they come from)."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lower_ in GEO_NOUNS:
        return False
    if noun.ent_type_ in _PLACE_LABELS:
        return False
    if any(c.lower_ in ctx.lex.role_blockers for c in noun.children if c.dep_ in _MODIFIER_DEPS):
        return False
    return not agent_only or (noun.pos_ == "NOUN" and _agent_noun(ctx, noun, people))


def _agent_noun(ctx: DocContext, noun: Token, people: bool = True) -> bool:
    """A noun for an actor's people, bodies or proposals (the lexicon's classes of them)."""
    lex = ctx.lex
    words = {noun.lower_, noun.lemma_.lower()}
    if not people and (words & lex.anonymous or ctx.title_at[noun.i] is not None):
        return False  # "members of Congress", "the president of the Assembly"
    classes = (
        lex.anonymous,
        lex.organs,
        lex.groups,
        lex.body_nouns,
        lex.side_nouns,
        lex.messages,
        lex.proposal_heads,
        lex.government_nouns,
        lex.part_nouns,  # "the role of Belarus", "help from Qatar" (issue 16a)
    )
    return any(words & c for c in classes)
