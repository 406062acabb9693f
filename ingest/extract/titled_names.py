"""A title right beside a person's name, and the actors it names.

Before the name ("Hamas spokesman X", "British Foreign Secretary X", "Qatar's emir, Sheikh
X") or after it ("X, a spokeswoman for the African Union", "X, the envoy of Y", "X, head of
the SSUF"): the title, the actors it belongs to, and whether a word cancels it ("former",
"opposition"). An office that serves another person ("X, an adviser to Zelensky") is
recorded as that person's (``serves``), for :class:`.speakers.Speakers` to settle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract.normalize import clean_surface, name_key
from actorgraph.ingest.extract.role_owners import (
    PLACE_PREPS,
    blocks,
    described_of,
    described_owner,
    historical,
    office_seat,
    owned_name,
    role_owner,
)
from actorgraph.ingest.extract.titles import title_key
from actorgraph.ingest.extract.tokens import span_root

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.mentions import Mention
    from spacy.tokens import Doc, Token

#: words before the person an office serves under ("envoy to Syria under President X"): the
#: principal, not the body the holder speaks for
_SERVING_PREPS = frozenset({"under"})
#: words between an office and the person it serves ("envoy of Y", "adviser to Y")
PRINCIPAL_PREPS = _SERVING_PREPS | {"of", "to"}
#: prepositions after a noun of no office that lead to another's ("a critic of the minister")
_OTHERS_PREPS = frozenset({"of", "to", "with"})


def left_role(ctx: DocContext, m: Mention) -> tuple[str, list[str], bool] | None:
    """The title before a name and the actors it names, and whether a word cancels it:
    "Hamas spokesman X", "Qatar's emir, Sheikh X", "a spokesman for the paramilitary group,
    X", "the head of Russia's delegation, X"; a possessed name ("Hamas's X") is its owner's
    representative."""
    doc = ctx.doc
    k = ctx.sent_of[m.start]
    owner = owned_name(ctx, m)
    if owner is not None:
        return "representative", [owner], False
    i = m.start - 1
    j = title_words_before(doc, i)  # "the Russian mediator, Ambassador-at-Large X"
    if j > 0 and doc[j].text == "," and m.end < len(doc) and doc[m.end].tag_ == "POS":
        return None  # "Its representative, X's office said": X owns the office
    if j > 0 and doc[j].text == "," and ctx.title_at[j - 1] is not None:
        i = j - 1  # "Qatar's emir, Sheikh Tamim"
    elif j > 0 and doc[j].text == "," and _portfolio_title(ctx, j) is not None:
        i = _portfolio_title(ctx, j)  # type: ignore[assignment]  # "envoy for Sudan, X"
        body = _headed_body(ctx, i, j)
        if body is not None:  # "the head of Russia's delegation, X"
            return body
        spoken = _spoken_for(ctx, i, j, m)
        if spoken is not None:  # "a spokesman for the paramilitary group, X"
            return spoken
        closing = _closing_owner(ctx, i, j)
        if closing is not None:  # "the Minister of A and B of the Republic of Rwanda, X"
            return closing
    elif ctx.title_at[i] is None and ctx.men[i] is None:
        # "Minister for Internal Affairs X": the title before its portfolio
        at = next((x for x in range(j + 1, i) if ctx.title_at[x] is not None), None)
        if at is not None and doc[ctx.title_at[at][1]].lower_ in ("for", "of", "on"):  # type: ignore[index]
            i = ctx.title_at[at][1] - 1  # type: ignore[index]
    titles: list[str] = []
    orgs: list[str] = []
    seen: list[Mention] = []
    bare_at: list[Token] = []
    blocked = False
    steps = 0
    while i >= 0 and steps < 10 and ctx.sent_of[i] == k:
        t = doc[i]
        span = ctx.title_at[i]
        mm = ctx.men[i]
        if span is not None and (mm is None or mm.actor is None):
            titles.append(doc[span[0] : span[1]].text)
            i = span[0] - 1
        elif mm is not None and (mm.brief or (titles and office_seat(ctx, mm))):
            # "UN Special Envoy for Libya X": the brief; "the EU's Brussels spokesman X":
            # the office's seat. Neither is the principal: the body before them is.
            i = mm.start - 1
            if mm.brief and i >= 0 and doc[i].lower_ == "to":
                i -= 1  # "Arab League envoy to Sudan X"
        elif mm is not None:
            if titles and mm.actor is None and mm.kind == "norp" and " " in mm.text.strip():
                # "Turkish Cypriot leader X": a community with a leader acts as one
                name = clean_surface(mm.text)
                name += "" if name.endswith("s") else "s"
                mm.actor = ctx.dict.new_actor(name, "organization")
            ctx.new_actor_for(mm)
            if mm.actor and ctx.type_of(mm.actor) == "person" and titles:
                # "Moon's national security adviser, X": the principal's actor
                sf = ctx.principal.get(mm.actor)
                if sf is not None and mm.end < len(doc) and doc[mm.end].tag_ == "POS":
                    orgs.append(sf.target)
                break
            if not mm.actor or ctx.type_of(mm.actor) == "person":
                break
            orgs.append(mm.actor)
            seen.append(mm)
            i = mm.start - 1
        elif not orgs and (opened := _short_form_before(ctx, i)) is not None:
            i = opened - 1  # "Syrian Democratic Forces (SDF) General Commander X"
        elif not titles and (brief := _brief_before(ctx, i)) is not None:
            i = brief  # "US special envoy to the Middle East X": the title's brief
        elif blocks(t, ctx.lex.role_blockers) or historical(ctx, t):
            blocked = True
            i -= 1
        elif titles and not orgs and (bare := bare_body(ctx, t)) is not None:
            orgs.append(bare)  # "Houthi chief negotiator X", "ELN commander X"
            bare_at.append(t)
            i -= 1
        elif titles and t.dep_ == "poss" and t.pos_ in ("NOUN", "PRON") and not orgs:
            owner = described_owner(ctx, t)  # "the bloc's special representative"
            if owner is not None and ctx.type_of(owner) != "person":
                orgs.append(owner)
            break
        elif (
            t.tag_ in ("POS", "HYPH") or t.text in ("'", "’", "-") or t.lower_ in ("of", "for")
        ) or (t.pos_ in ("ADJ", "NOUN") and t.dep_ in ("amod", "compound", "nmod")):
            i -= 1
        else:
            break
        steps += 1
    found = _title_found(ctx, titles, orgs, blocked, seen)
    if found is not None and not blocked:
        for t in bare_at:
            ctx.use(orgs[0], t.i, t.text)
    return found


def _short_form_before(ctx: DocContext, i: int) -> int | None:
    """Where the bracketed short form of the name before it opens, when token ``i`` closes
    it ("Syrian Democratic Forces (SDF)": the "("), so that the name before owns the title
    after it; None when ``i`` closes no such brackets."""
    doc = ctx.doc
    if doc[i].text != ")" or i < 3 or doc[i - 2].text != "(":
        return None
    short, full = ctx.men[i - 1], ctx.men[i - 3]
    if full is None or not full.actor:
        return None
    if short is None:  # an acronym NER left out ("(NUF)")
        text = doc[i - 1].text
        return i - 2 if text.isupper() and text.isalpha() and len(text) >= 2 else None
    return i - 2 if short.actor in (None, full.actor) else None


def _brief_before(ctx: DocContext, i: int) -> int | None:
    """Where the title ends whose brief, a region no mention covers, ends at token ``i``
    ("special envoy to the Middle East X", "envoy for the Sahel X", "special envoy for the
    Horn of Africa X": an "of" between its capitalized words): the title's last token, or
    None."""
    doc = ctx.doc
    p = i
    while (
        p > i - 7
        and p >= 0
        and ctx.men[p] is None
        and (
            doc[p].pos_ == "PROPN"
            or (doc[p].lower_ == "the" and p < i)
            or (doc[p].lower_ == "of" and 0 < p < i and doc[p - 1].pos_ == "PROPN")
        )
    ):
        p -= 1
    if p == i or p < 1 or doc[p].lower_ not in ("for", "to", "on"):
        return None
    return p - 1 if ctx.title_at[p - 1] is not None else None


def bare_body(ctx: DocContext, t: Token) -> str | None:
    """The organization a capitalized word before a title names where no mention covers
    it: a curated group's singular or other name ("Houthi chief negotiator X": the
    Houthis), or an acronym NER missed ("ELN commander X", a new organization); not an
    outlet ("BBC correspondent X"), an abbreviation of no organization ("NGO official X",
    `speech.not_actors`), a place, a state's word (the mentions handle those) or a role
    blocker ("Former")."""
    text = t.text
    if (
        ctx.men[t.i] is not None
        or not text[:1].isupper()
        or t.dep_ not in ("amod", "compound", "nmod")
        or t.lower_ in ctx.lex.role_blockers
        or name_key(text) in ctx.lex.outlets
        or name_key(text) in ctx.lex.not_actors
        or ctx.dict.is_place(text)
    ):
        return None
    hit = ctx.dict.lookup(text) or ctx.dict.lookup_number(text)
    if hit is not None:
        return hit if ctx.type_of(hit) == "organization" else None
    return _acronym_body(ctx, text)


def _acronym_body(ctx: DocContext, text: str) -> str | None:
    """A new organization for an acronym of two to six letters before a title ("ELN
    commander X", "X, UPA spokesperson"), not an abbreviation of no organization."""
    if name_key(text) in ctx.lex.not_actors or name_key(text) in ctx.lex.outlets:
        return None
    acronym = text.isupper() and text.isalnum() and any(c.isalpha() for c in text)
    return ctx.dict.new_actor(text, "organization") if acronym and 2 <= len(text) <= 6 else None


def _headed_body(ctx: DocContext, last: int, comma: int) -> tuple[str, list[str], bool] | None:
    """A title of a body whose owner the body's phrase gives: "the head of Russia's
    delegation, X", "the leader of the government team, X", "the chief of the army's
    negotiating team, X" (the title ends at ``last``, the phrase at ``comma``)."""
    doc = ctx.doc
    head = doc[last]
    if last + 1 >= comma or doc[last + 1].lower_ != "of":
        return None
    if any(c.lower_ in ctx.lex.role_blockers for c in head.children):
        return None  # "the former head of Russia's delegation"
    body = next((c for c in doc[last + 1].children if c.dep_ == "pobj"), None)
    if body is None or body.i >= comma or body.lemma_.lower() not in ctx.lex.body_nouns:
        return None
    span = ctx.title_at[last]
    m = ctx.men[comma + 1]
    if span is None or m is None:
        return None
    owner = role_owner(ctx, body, m)
    if owner is None:
        return None
    return f"{doc[span[0] : span[1]].text} of {body.lower_}", [owner], False


def _spoken_for(
    ctx: DocContext, last: int, comma: int, m: Mention
) -> tuple[str, list[str], bool] | None:
    """A title whose "for" or "of" names the body spoken for, not a brief ("a spokesman
    for the group, X", "the chief negotiator for the rebels, X", "a spokeswoman of the
    Sudanese army, X"; `roles.principal_for`), however the parser hung the name (often on
    the body, as if the name were the group's): the body that phrase names or describes.
    Not after "former" and the like."""
    doc = ctx.doc
    span = ctx.title_at[last]
    if span is None or last + 1 >= comma or doc[last + 1].lower_ not in ("for", "of"):
        return None
    title = doc[span[0] : span[1]].text
    if title_key(title) not in ctx.lex.principal_for and doc[last + 1].lower_ != "of":
        return None  # "the envoy for Sudan, X": a brief; "the leader of the Front, X"
    if any(
        blocks(doc[x], ctx.lex.role_blockers) and not _describes_name(ctx, x)
        for x in range(max(0, span[0] - 3), comma)
    ):
        return None  # "a former spokesman for the group, X"
    body = next((g for g in doc[last + 1].children if g.dep_ == "pobj"), None)
    heads = ctx.lex.type_descriptions.get("organization", frozenset())
    owner: str | None
    if body is not None and body.pos_ == "NOUN" and {body.lower_, body.lemma_.lower()} & heads:
        with ctx.quietly():  # "the Lebanese movement": the movement, not Lebanon
            found = [
                r.actor
                for r in ctx.resolve.resolve_np(body, pronouns=False)
                if ctx.type_of(r.actor) == "organization"
            ]
        owner = found[0] if len(found) == 1 else None
    else:
        owner = None
    if owner is None:
        owner = role_owner(ctx, doc[last], m)
    if owner is None and body is not None:
        owner = described_of(ctx, body)
    if owner is None or ctx.type_of(owner) == "person":
        return None
    return title, [owner], False


def _closing_owner(ctx: DocContext, last: int, comma: int) -> tuple[str, list[str], bool] | None:
    """A state or organization named after a second "of" that closes a title's portfolios
    right before the comma and the name (issue 24K): "the Minister of Foreign Affairs and
    International Cooperation of the Republic of Rwanda, X" (the parser hangs the owner on
    the last portfolio, not on the title); not the title's own "of" ("the envoy of Sudan",
    a brief or a principal the other readers weigh), a place, a person, or after "former"."""
    doc = ctx.doc
    span = ctx.title_at[last]
    mm = ctx.men[comma - 1]
    if span is None or mm is None or mm.end != comma or not mm.actor or mm.brief or mm.place:
        return None
    if ctx.type_of(mm.actor) not in ("state", "organization"):
        return None
    at = mm.start - 1
    if at > 0 and doc[at].lower_ == "the":
        at -= 1
    if at <= last + 1 or doc[at].lower_ != "of" or not _capitalized_run(doc, last + 1, at):
        return None
    if any(blocks(doc[x], ctx.lex.role_blockers) for x in range(max(0, span[0] - 3), comma)):
        return None  # "the former Minister of A of B, X"
    return doc[span[0] : span[1]].text, [mm.actor], False


def _portfolio_title(ctx: DocContext, comma: int) -> int | None:
    """The last word of a title whose portfolio ends at ``comma``: "the US special envoy
    for Sudan, X", "the UN's special adviser on Cyprus, X", "the bloc's special
    representative for the dialogue, X" (up to eight words after for/on/of, a list of
    capitalized words among them: "Commissioner for Political Affairs, Peace and Security,
    X")."""
    doc = ctx.doc
    k = ctx.sent_of[comma]
    for p in range(comma - 2, max(-1, comma - 16), -1):
        if p <= comma - 10 and not _capitalized_run(doc, p + 1, comma):
            return None  # past eight words only a run of capitalized words, as in "Minister
            # of Foreign Affairs and International Cooperation of the Republic of Rwanda, X"
        # "for Political Affairs, Peace and Security, X", "of the self-declared republic"
        listed = doc[p].text == "," and doc[p + 1].text[:1].isupper()
        # "the Houthis' negotiating delegation": an apostrophe tagged as a closing quote
        owned = doc[p].text in ("'", "’") and p > 0 and doc[p - 1].lower_.endswith("s")
        inside = listed or owned or doc[p].tag_ == "HYPH"
        if ctx.sent_of[p] != k or (doc[p].is_punct and not inside):
            return None
        if doc[p].tag_.startswith("VB") and doc[p].tag_ != "VBN" and not _modifier(doc[p]):
            return None  # a verb, not "the Houthis' negotiating delegation" (issue 17t)
        named = ctx.men[p]
        if named is not None and named.actor and ctx.type_of(named.actor) == "person":
            return None  # "with Secretary of State Antony Blinken, Sheikh X": a name between
        portfolio = doc[p].lower_ in ("for", "on", "of", "to")
        if portfolio and p > 0 and ctx.title_at[p - 1] is not None:
            return p - 1
    return None


def _capitalized_run(doc: Doc, a: int, b: int) -> bool:
    """Whether tokens ``a`` to ``b`` are capitalized words and the small words of a long
    title's portfolios and owner ("of", "the", "and", "&", commas; issue 24K)."""
    return all(
        (t.text[:1].isupper() and t.is_alpha) or t.lower_ in ("of", "the", "and", "&", ",")
        for t in doc[a:b]
    )


def right_role(
    ctx: DocContext, m: Mention, serves: dict[int, str]
) -> tuple[str, list[str], bool] | None:
    """The title after a name and the actors it names, and whether a word cancels it:
    "X, a spokeswoman for the African Union", "X, the envoy of Y", "X, head of the SSUF". An
    office that serves a person ("X, an adviser to President Y") records that person in
    ``serves`` by the name's start."""
    doc = ctx.doc
    j = m.end
    if j >= len(doc) or doc[j].text != ",":
        return None
    k = ctx.sent_of[m.start]
    j += 1
    if j < len(doc) and doc[j].lower_ in ("and", "or", "nor"):
        return None  # "X, and the Ethiopian prime minister signed": another person
    titles: list[str] = []
    orgs: list[str] = []
    seen: list[Mention] = []
    blocked = False
    steps = 0
    last_end = -1
    while j < len(doc) and steps < 12 and ctx.sent_of[j] == k:
        t = doc[j]
        if t.text == "," and titles and j + 1 < len(doc):
            nxt = ctx.men[j + 1]
            if nxt is not None and nxt.actor and ctx.type_of(nxt.actor) == "person":
                return None  # "Lind, the leader of the Front, Vega, said": Vega's title
        if t.text in (",", ";", ".", ")", ":") or (t.tag_.startswith("VB") and not _names(ctx, t)):
            break  # not a participle in a body's name: "Burundi's ruling CNDD-FDD"
        if not titles and _others_office(ctx, t):
            return None  # "X, a critic of the Serbian foreign minister": another's office
        if t.lower_ == "and" and titles and blocked:
            # "X, Nigeria's former president and AU's high representative": the office
            # after "and" is held now
            titles, orgs, seen, blocked, last_end = [], [], [], False, -1
            j += 1
            continue
        span = ctx.title_at[j]
        mm = ctx.men[j]
        if span is not None and (mm is None or mm.actor is None):
            titles.append(doc[span[0] : span[1]].text)
            j = span[1]
        elif mm is not None and titles and _after_place_prep(doc, mm.start):
            # "X, the group's representative in Lebanon", "head of the government
            # delegation at the Nairobi talks": where, not whose
            j = mm.end
        elif mm is not None and mm.kind == "demonym" and m.actor in ctx.principal:
            j = mm.end  # "Borrell, the veteran Spanish diplomat": his nationality only
        elif mm is not None and _describes_group(ctx, mm):
            j = mm.end  # "the chief of the Syrian opposition's X": the group's, not Syria's
        elif (
            mm is not None
            and mm.kind in ("demonym", "norp")
            and (described := _demonym_description(ctx, mm)) is not None
        ):
            # "X, a spokesman for the Palestinian militant group": the group named before
            orgs.append(described[0])
            last_end = j = described[1] + 1
        elif (
            mm is not None
            and mm.kind == "norp"
            and ctx.new_actor_for(mm) is None
            and mm.end - mm.start == 1
            and ctx.title_at[mm.end] is not None
            and (acronym := _acronym_body(ctx, mm.text)) is not None
        ):
            mm.actor = acronym  # "X, UPA spokesperson": NER took the acronym for a people
            orgs.append(acronym)
            seen.append(mm)
            last_end = j = mm.end
        elif mm is not None and mm.kind == "norp" and ctx.new_actor_for(mm) is None:
            j = mm.end  # "X, the Greek Cypriot leader and president of Cyprus": the
            # community only describes; the office that follows may name a body
        elif mm is not None:
            ctx.new_actor_for(mm)
            if (
                mm.actor
                and titles
                and not orgs
                and ctx.type_of(mm.actor) == "person"
                and doc[title_words_before(doc, mm.start - 1)].lower_ in ("to", "of", "for")
            ):
                serves[m.start] = mm.actor  # "an adviser to (President) X"
                return titles[0], [], False
            if (
                mm.actor
                and titles
                and ctx.type_of(mm.actor) == "person"
                and doc[title_words_before(doc, mm.start - 1)].lower_ in _SERVING_PREPS
            ):
                break  # "X, US envoy to Syria under President Y": the office's principal
            if mm.actor and _principal_office(ctx, titles, orgs, seen, mm):
                # "X, the personal envoy of UN Secretary-General Y": the UN's
                return titles[0], [orgs[-1]], blocked
            if not mm.actor or ctx.type_of(mm.actor) == "person":
                return None
            owned = last_end + 1 == mm.start and doc[last_end].tag_ == "POS"
            owned = owned or bool(seen and _possessor_of(doc, seen[-1], mm))
            if orgs and (last_end == mm.start or owned):
                # "the Slovak OSCE chairmanship", "President of Bosnia's Republika
                # Srpska": the nearer owner, the farther one only describes it
                orgs[-1] = mm.actor
                if seen:  # a group named before by a demonym has no mention here
                    seen.pop()
            else:
                orgs.append(mm.actor)
            last_end = mm.end
            seen.append(mm)
            j = mm.end
        else:
            if blocks(t, ctx.lex.role_blockers) or historical(ctx, t):
                blocked = True
            j += 1
        steps += 1
    return _title_found(ctx, titles, orgs, blocked, seen)


def _describes_group(ctx: DocContext, mm: Mention) -> bool:
    """Whether a demonym only describes the group noun it stands before, which owns what
    follows ("the chief of the Syrian opposition's High Council", "the Afghan rebels'
    envoy"; `speech.groups`, issue 22S): the state is no owner of the title."""
    if mm.kind != "demonym":
        return False
    head = ctx.doc[mm.end - 1].head
    owner = head.dep_ == "poss" or any(c.tag_ == "POS" for c in head.children)
    return head.i >= mm.end and head.lower_ in ctx.lex.groups and owner and ctx.men[head.i] is None


def _describes_name(ctx: DocContext, x: int) -> bool:
    """Whether the blocker at ``x`` only describes the organization whose name it stands in
    or right before ("a spokeswoman for the opposition Movement for Democratic Change, X":
    the party is in opposition, the spokeswoman's role is current; issue 20F)."""
    for at in (x, x + 1):
        mm = ctx.men[at] if at < len(ctx.doc) else None
        if mm is not None and mm.kind == "name" and mm.actor and mm.end > x + 1:
            return ctx.type_of(mm.actor) == "organization"
    return False


def _names(ctx: DocContext, t: Token) -> bool:
    """Whether the participle ``t`` describes the named organization it hangs on ("Burundi's
    ruling CNDD-FDD"), not a title or a person ("the Ghanaian-born chief of staff")."""
    mm = ctx.men[t.head.i]
    if t.dep_ != "amod" or mm is None or not mm.actor or t.i >= mm.start:
        return False
    return ctx.type_of(mm.actor) == "organization"


def _possessor_of(doc: Doc, owner: Mention, mm: Mention) -> bool:
    """Whether the mention ``owner`` is the possessor of the name ``mm`` past the words that
    describe it ("the spokesperson of Burundi's ruling CNDD-FDD": the party, not Burundi;
    issue 20F)."""
    root = span_root(doc, owner.start, owner.end)
    return root.dep_ == "poss" and mm.start <= root.head.i < mm.end and mm.start - owner.end <= 4


def _title_found(
    ctx: DocContext, titles: list[str], orgs: list[str], blocked: bool, seen: list[Mention]
) -> tuple[str, list[str], bool] | None:
    """The first title read beside a name, with the actors it names; they become the
    document's unless a word cancels the title ("the former German president" makes no actor
    of Germany)."""
    if not titles:
        return None
    if not blocked:
        for mm in seen:
            ctx.use(mm.actor, mm.start, mm.text)  # type: ignore[arg-type]
    return titles[0], orgs, blocked


def _others_office(ctx: DocContext, t: Token) -> bool:
    """Whether ``t`` is the preposition after an apposition's head noun that is no title
    ("a critic of", "the son of", "a close ally of"): a title after it is another
    person's office, not the one named before the comma (issue 18t). A noun of a role
    (`roles.fallback_role_nouns`: "an aide to", "an emissary of") serves that office."""
    if t.lower_ not in _OTHERS_PREPS or t.i == 0:
        return False
    noun = ctx.doc[t.i - 1]
    return (
        noun.pos_ == "NOUN"
        and t.head.i == noun.i
        and ctx.title_at[noun.i] is None
        and ctx.men[noun.i] is None
        and noun.lemma_.lower() not in ctx.lex.role_nouns
        # a noun of serving serves the office ("an aide to the Pakistani prime minister")
        and noun.lemma_.lower() not in ctx.lex.fallback_role_nouns
    )


def _principal_office(
    ctx: DocContext, titles: list[str], orgs: list[str], seen: list[Mention], person: Mention
) -> bool:
    """Whether the person named after a title is the principal whose office's owner the
    title before serves (issue 17t): "X, the personal envoy of UN Secretary-General Y",
    "X, an adviser to US President Y" (the envoy speaks for the UN, the adviser for the
    US): the person's own title comes right after that owner, and a preposition of
    serving ("of", "to") before the owner ties the first title to it."""
    doc = ctx.doc
    if ctx.type_of(person.actor or "") != "person" or len(titles) < 2 or not seen:
        return False
    owner = seen[-1]
    span = ctx.title_at[person.start - 1] if person.start > 0 else None
    if span is None or owner.actor != orgs[-1] or not 0 <= span[0] - owner.end <= 3:
        return False  # "UN Secretary-General Y": the owner, the title, the name
    between = doc[owner.end : span[0]]  # "EU foreign policy chief Y", "Russia's President Y"
    if any((t.is_punct and t.tag_ != "POS") or ctx.men[t.i] is not None for t in between):
        return False
    before = doc[owner.start - 1] if owner.start > 0 else None
    if before is not None and before.lower_ == "the" and owner.start > 1:
        before = doc[owner.start - 2]
    return before is not None and before.lower_ in ("of", "to")


def _demonym_description(ctx: DocContext, mm: Mention) -> tuple[str, int] | None:
    """A demonym that only describes an organization named before: "the Palestinian
    militant group", "the Lebanese movement" (the organization the description stands
    for, and where the description ends); None where the phrase names no organization
    description or none was named."""
    h = ctx.doc[mm.end - 1]
    while h.dep_ in ("amod", "compound") and h.head.i > h.i:
        h = h.head
    heads = ctx.lex.type_descriptions.get("organization", frozenset())
    if h.i < mm.end or h.pos_ != "NOUN" or not {h.lower_, h.lemma_.lower()} & heads:
        return None
    with ctx.quietly():
        found = [
            r.actor
            for r in ctx.resolve.resolve_np(h, pronouns=False)
            if ctx.type_of(r.actor) == "organization"
        ]
    return (found[0], h.i) if len(found) == 1 else None


def _modifier(t: Token) -> bool:
    """A participle that only describes the noun after it ("the negotiating team")."""
    return t.tag_ == "VBG" and t.dep_ in ("amod", "compound") and t.head.i > t.i


def _after_place_prep(doc: Doc, i: int) -> bool:
    """Whether the name at ``i`` follows a preposition of place, past a determiner ("in
    Lebanon", "at the Nairobi talks")."""
    j = i - 1
    if j > 0 and doc[j].lower_ in ("the", "a", "an"):
        j -= 1
    return j >= 0 and doc[j].lower_ in PLACE_PREPS


def title_words_before(doc: Doc, i: int) -> int:
    """The token before the capitalized title words that end at ``i`` ("Ambassador-at-Large",
    "Deputy Prime Minister for Reintegration", "Major General", "High Representative for
    Foreign Affairs and Security Policy"), or ``i`` when there are none.
    """
    j = i
    steps = 0
    while j >= 0 and steps < 9:
        t = doc[j]
        if (
            (t.text[:1].isupper() and t.is_alpha)
            or t.text == "-"
            or (
                t.lower_ in ("at", "for", "of")
                and j > 0
                and (doc[j - 1].text[:1].isupper() or doc[j - 1].text == "-")
            )
            or (  # "for Foreign Affairs and Security Policy": a portfolio of two
                t.lower_ == "and"
                and 0 < j < i
                and doc[j - 1].text[:1].isupper()
                and doc[j + 1].text[:1].isupper()
            )
        ):
            j -= 1
        else:
            break
        steps += 1
    return j if j < i and doc[j + 1].text[:1].isupper() else i
