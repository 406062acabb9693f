"""Who speaks for whom: titles next to names, and the dictionary's dated roles.

"Hamas spokesman Osama Hamdan", "British Foreign Secretary Jack Straw", "Qatar's emir, Sheikh
Tamim", "Marta Vale, a spokeswoman for the African Union": a title with an actor next to a
person makes the person speak for the actor. Words like *former* and *opposition* cancel it.
A title without an actor is matched against the person's dictionary roles; dictionary roles
also hold without a title when the document's date falls inside them, or when they carry no
dates. "The Qatari prime minister" (a title of an actor, no name) registers the office holder,
so "the prime minister said" later finds them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from actorgraph.ingest.extract.layout import breaks_within, hard_wrapped
from actorgraph.ingest.extract.normalize import clean_surface, name_key
from actorgraph.ingest.extract.represented import represented_sides
from actorgraph.ingest.extract.titles import title_key, title_score
from actorgraph.ingest.extract.tokens import plural_base, span_root

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.dictionary import Role
    from actorgraph.ingest.extract.mentions import Mention
    from spacy.tokens import Doc, Token


class Speakers:
    """The ``speaks_for`` family on one document."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        #: people with a title and no actor beside it: (person, title, sentence)
        self._untied: list[tuple[str, str, int, int]] = []
        #: people whose title ties them to another person ("X, an adviser to Zelensky"):
        #: mention start -> that person; and (person, title, the other person, sentence)
        self._serves: dict[int, str] = {}
        self._served: list[tuple[str, str, str, int, int]] = []
        #: whether the text is hard-wrapped (read once, when a rule first asks)
        self._wrapped: bool | None = None
        #: the actors of the offices of people named only as another's principal: still the
        #: document's actors, though no speaks_for of theirs is emitted (see :meth:`emit`)
        self.idle: set[str] = set()
        #: the dictionary's holders of offices named without a name as a clause's subject
        self._acting_offices: set[str] = set()

    def _tie_to_government(self, actor: str, title: str, k: int, at: int) -> None:
        """ "President Filipe Nyusi" in talks between a state and rebels: the state."""
        ctx = self.ctx
        if actor in ctx.principal:
            return
        state = self._government_of(title, k, at)
        if state is None and self._head_office(at):
            state = self._clause_state(at, leaders=True)
        if state is not None and not self._counterpart(actor, state, k):
            ctx.add_speaks(actor, state, title, k, 0.6)
            ctx.register_role(title, actor, state)

    def _counterpart(self, actor: str, state: str, k: int, *, sides: bool = True) -> bool:
        """Whether someone else in sentence ``k`` already speaks for the state an owner-less
        government title would be given: "US Vice President X called PM Y" (Y is X's
        counterpart, no American; issue 17t). Not for a side of the talks ("Netanyahu met
        President Herzog" in talks between Israel and a group: Herzog is Israel's), unless
        ``sides`` is off (the state only named a government in the document)."""
        ctx = self.ctx
        if sides and state in ctx.parties:
            return False
        for m in ctx.mentions_in(ctx.sents[k]):
            sf = ctx.principal.get(m.actor or "") if m.actor != actor else None
            if sf is not None and sf.target == state and sf.sent == k:
                return True
        return False

    def _head_office(self, at: int) -> bool:
        """Whether the title right before the name at token ``at`` is of a head of state's
        office ("presidential spokeswoman X", `roles.head_offices`)."""
        ctx = self.ctx
        span = ctx.title_at[at - 1] if at > 0 else None
        if span is None:
            return False
        words = range(max(0, span[0] - 2), span[1])
        return any(ctx.doc[x].lower_ in ctx.lex.head_offices for x in words)

    def _possessed_bodies(self) -> None:
        """ "Khalifa Haftar's Libyan National Army", "Muqtada al-Sadr's Mahdi Army": a person
        whose possessive owns a named organization leads it."""
        ctx = self.ctx
        doc = ctx.doc
        for m in ctx.mentions:
            if not m.actor or ctx.type_of(m.actor) != "person" or m.kind != "name":
                continue
            if m.end + 1 >= len(doc) or doc[m.end].tag_ != "POS":
                continue
            body = ctx.men[m.end + 1]
            if body is None or body.place or body.kind != "name" or not body.actor:
                continue
            if ctx.type_of(body.actor) != "organization":
                continue
            if span_root(doc, m.start, m.end).head.i != doc[body.start : body.end].root.i:
                continue
            ctx.use(body.actor, body.start, body.text)
            ctx.add_speaks(m.actor, body.actor, "leader", ctx.sent_of[m.start], 0.7)
        for m in ctx.mentions:  # "the South Sudan United Front (SSUF) of Paul Malong"
            if not m.actor or ctx.type_of(m.actor) != "person" or m.kind != "name":
                continue
            body = self._of_body(m)
            if body is not None and body.actor:
                ctx.use(body.actor, body.start, body.text)
                ctx.add_speaks(m.actor, body.actor, "leader", ctx.sent_of[m.start], 0.7)

    def _of_body(self, m: Mention) -> Mention | None:
        """The named organization whose "of" a person's name is ("the Sudan Liberation
        Movement of Abdel Wahid al-Nur", "the SSUF of former army chief X": his faction);
        not a state ("the Qatar of Sheikh Tamim" is no phrase of leadership)."""
        ctx = self.ctx
        doc = ctx.doc
        root = span_root(doc, m.start, m.end)
        if root.dep_ != "pobj" or root.head.lower_ != "of":
            return None
        head = root.head.head
        body = ctx.men[head.i]
        if body is None or body.place or body.kind != "name" or not body.actor:
            return None
        if head.i < body.start or head.i >= body.end or ctx.type_of(body.actor) != "organization":
            return None
        if head.dep_ == "pobj" and head.head.lower_ in ("by", "against", "from", "at"):
            return None  # "the investigation by the ICC of X": the ICC's object, no leader
        if head.i + 1 < root.head.i:
            return None  # "the court's ruling of X": the name's own "of", right after it
        return body

    def find_roles(self) -> None:
        """Roles of the people named in the document (before statements and stances)."""
        ctx = self.ctx
        self._possessed_bodies()
        self._respective_roles()
        represented_sides(ctx)  # "Russia was represented by Deputy Foreign Minister X"
        for m in ctx.mentions:
            if not m.actor or ctx.type_of(m.actor) != "person" or m.kind != "name":
                continue
            k = ctx.sent_of[m.start]
            left = self._left_role(m)
            found = left or self._right_role(m)
            title, orgs, blocked = found if found else ("", [], False)
            led = self._tree_role(m, led_only=True)
            if led is not None:  # the delegation one leads outweighs one's office
                title, orgs, blocked = led[0], [led[1]], False
            # a description without an owner beside a name whose principal is known says
            # no more ("Borrell, the veteran Spanish diplomat": his nationality)
            known = found is not None and not orgs and m.actor in ctx.principal
            if (blocked or not orgs) and not known:
                tree = self._tree_role(m)
                if tree is not None:
                    title, orgs, blocked = tree[0], [tree[1]], False
            if blocked or self._reporter(m, title):
                continue  # "DW's chief political editor X" reports, speaks for no one
            if not orgs:
                org = self._affiliation(m)
                if org is not None:
                    role = self._dict_role(m.actor, title, org) if title else None
                    ctx.add_speaks(m.actor, org, title or "representative", k, 0.75, role)
                    continue
            if title:
                ctx.register_role(title, m.actor)
            if title and orgs:
                org = orgs[0]
                role = self._dict_role(m.actor, title, org)
                if role is not None and role.of != org:  # a part of the org the text names
                    org = role.of
                elif role is None:  # "Sudan's army chief X": the army's, a body of its own
                    body = self._titled_institution(m, org)
                    if body is not None:  # "Sudan's army chief" still names X, not Sudan
                        ctx.register_role(title, m.actor, org)
                        org = body
                ctx.add_speaks(m.actor, org, title, k, 0.85, role)
                ctx.register_role(title, m.actor, org)
                if left is not None:  # "Congolese President X, the current president of
                    self._second_role(m, org, k)  # the African Union": both
                continue
            self._dictionary_roles(m.actor, title, k)
            voice = self._voice_of(m, title) if title and m.actor not in ctx.principal else None
            if voice is not None:  # "The White House confirmed it. A spokeswoman, X, said"
                ctx.add_speaks(m.actor, voice, title, k, 0.6)
                ctx.register_role(title, m.actor, voice)
                continue
            if title and m.start in self._serves and m.actor not in ctx.principal:
                self._served.append((m.actor, title, self._serves[m.start], k, m.start))
                continue
            if title and m.actor not in ctx.principal:
                shared = self._coordinated_principal(m)
                if shared is not None:  # "German Chancellor X and Foreign Minister Y"
                    ctx.add_speaks(m.actor, shared, title, k, 0.75)
                    ctx.register_role(title, m.actor, shared)
                    continue
                self._untied.append((m.actor, title, k, m.start))
                self._tie_to_government(m.actor, title, k, m.start)
        self._office_holders()
        self._listed_members()

    def _reporter(self, m: Mention, title: str) -> bool:
        """A title of someone who reports the news ("DW's chief political editor X", "X, a
        correspondent for"; `speech.journalists`, the title or the noun right before the
        name): no principal, as outlets are no actors."""
        ctx = self.ctx
        words = title.lower().split()
        before = ctx.doc[m.start - 1].lower_ if m.start > 0 else ""
        return bool(words) and (words[-1] in ctx.lex.journalists or before in ctx.lex.journalists)

    def _second_role(self, m: Mention, first: str, k: int) -> None:
        """A second office in apposition after a titled name ("Congolese President X, the
        current president of the African Union", "Foreign Minister X, also the bloc's
        chair"): the person speaks for that body too. Not a former office."""
        ctx = self.ctx
        second = self._right_role(m)
        if second is None or second[2] or not second[1] or second[1][0] == first:
            return
        org = second[1][0]
        at = next((mm.start for mm in self._in_sent(k) if mm.start > m.end and mm.actor == org), 0)
        before = {t.lower_ for t in ctx.doc[max(0, at - 2) : at]}
        if "to" in before:  # "a member of the Kenyan mission to the United Nations": a brief
            return
        ctx.add_speaks(m.actor or "", org, second[0], k, 0.8)

    def _listed_members(self) -> None:
        """ "Hamas leaders A and B", "senior Hamas officials A, B and C", "the group's
        commanders, including A and B", "a Hamas delegation ..., including other leaders such
        as A and B": people listed after a plural noun of members (`roles.member_nouns`)
        speak for its owner, or for the owner of the body the list is part of. Not after
        "former" and the like; not for anyone another rule gave a principal."""
        ctx = self.ctx
        doc = ctx.doc
        for t in doc:
            if t.tag_ != "NNS" or t.lemma_.lower() not in ctx.lex.member_nouns:
                continue
            start = max(t.sent.start, t.i - 3)
            if any(_blocks(x, ctx.lex.role_blockers) for x in [*t.children, *doc[start : t.i]]):
                continue  # "former Hamas leaders A and B"
            people = self._members_after(t.i + 1)
            if not people:
                continue
            owner = (
                self._owner(t, people[0])
                # "Houthi officials A and B", "ELN commanders A and B": a word no mention covers
                or next((b for c in t.lefts if (b := self._bare_body(c)) is not None), None)
                or self._part_of_body(t, people[0])
            )
            if owner is None or ctx.type_of(owner) == "person":
                continue
            for person in people:
                if person.actor and person.actor not in ctx.principal:
                    ctx.add_speaks(person.actor, owner, t.lemma_.lower(), ctx.sent_of[t.i], 0.75)

    def _members_after(self, i: int) -> list[Mention]:
        """The people listed from token ``i`` on, after a comma and "including", "such as"
        or "like" ("leaders A and B", "officials, including A", "leaders such as A, B"); a
        name in the list that NER left out or took for a place is passed over, any other
        word or a mention of a body ends the list."""
        ctx = self.ctx
        doc = ctx.doc
        comma = i < len(doc) and doc[i].text == ","
        if comma:
            i += 1
        marked = True  # after "including" or "such as" the list is surely of people
        if i < len(doc) and doc[i].lower_ in ("including", "like"):
            i += 1
        elif i + 1 < len(doc) and doc[i].lower_ == "such" and doc[i + 1].lower_ == "as":
            i += 2
        else:
            marked = False
        out: list[Mention] = []
        while i < len(doc):
            t, m = doc[i], ctx.men[i]
            if m is not None and m.actor and ctx.type_of(m.actor) == "person" and not m.brief:
                root = span_root(doc, m.start, m.end)
                if comma and not marked and not out and root.dep_ in ("nsubj", "nsubjpass"):
                    break  # "... with Hamas leaders, Tomas Kellerberg said": the speaker
                out.append(m)
                i = m.end
            elif (m is None or not m.actor) and t.pos_ == "PROPN" and (out or marked):
                i += 1  # "A, Zaher Jabarin and B": a name NER missed between two
            elif t.lower_ == "and" or (t.text == "," and out):
                i += 1
            else:
                break
        return out

    def _part_of_body(self, t: Token, m: Mention) -> str | None:
        """The owner of the body a list of members is part of: "a Hamas delegation led by X,
        including other leaders such as A" (however the parser hung "including": on the
        delegation or on its leader; the body is the nearest of a few heads up), "the
        delegation includes other leaders such as A" (the Hamas delegation named before)."""
        ctx = self.ctx
        if t.dep_ == "dobj" and t.head.lemma_.lower() in ("include", "comprise"):
            # "The delegation, headed by X, includes other key leaders such as A and B"
            body = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            if body is not None and body.lemma_.lower() in ctx.lex.body_nouns:
                return self._owner(body, m) or self._same_noun_owner(body)
            return None
        if t.dep_ != "pobj" or t.head.lower_ not in ("including", "among"):
            return None
        h = t.head
        for _ in range(5):
            if h.head.i == h.i:
                return None
            h = h.head
            if h.lemma_.lower() in ctx.lex.body_nouns:
                return self._owner(h, m)
        return None

    def _coordinated_principal(self, m: Mention) -> str | None:
        """The principal of the titled person a titled name is coordinated with, where its
        own title names none: "German Chancellor X and Foreign Minister Y" (Y speaks for
        Germany too), "US President X and Secretary of State Y". Only a government title."""
        ctx = self.ctx
        root = span_root(ctx.doc, m.start, m.end)
        if root.dep_ != "conj" and m.start > 0:
            root = ctx.doc[m.start - 1]  # the model often makes the title the conjunct
        if root.dep_ != "conj":
            return None
        first = ctx.men[root.head.i]
        if first is None or not first.actor or first.actor == m.actor:
            return None
        sf = ctx.principal.get(first.actor)
        if sf is None or sf.sent != ctx.sent_of[m.start] or ctx.type_of(sf.target) != "state":
            return None
        return sf.target

    def _respective_roles(self) -> None:
        """ "the foreign ministers of Russia, Azerbaijan and Armenia, X, Y and Z", "the
        presidents of Armenia and Azerbaijan, X and Y": a plural title over a list of bodies,
        then as many names, pair by pair in order. Nothing where the counts differ."""
        ctx = self.ctx
        doc = ctx.doc
        plural_titles = ctx.lex.government_titles | ctx.lex.mandate_titles
        for t in doc:
            base = plural_base(t)
            if base is None or base not in plural_titles:
                continue
            if t.i + 1 >= len(doc) or doc[t.i + 1].lower_ != "of":
                continue
            bodies, i = self._listed(t.i + 2, person=False)
            if len(bodies) < 2:
                continue
            if i < len(doc) and doc[i].text == ",":
                i += 1
            people, _ = self._listed(i, person=True)
            if len(people) != len(bodies) or self._listed_out_of_order(bodies, people):
                continue
            k = ctx.sent_of[t.i]
            for body, person in zip(bodies, people, strict=True):
                assert body.actor is not None and person.actor is not None
                ctx.use(body.actor, body.start, body.text)
                ctx.add_speaks(person.actor, body.actor, base, k, 0.8)

    def _listed_out_of_order(self, bodies: list[Mention], people: list[Mention]) -> bool:
        """Whether the dictionary gives a listed person a role in another of the listed bodies
        than the one in their place ("the foreign ministers of Armenia and Azerbaijan, X and
        Y" with X Azerbaijan's minister): the lists are not in the same order."""
        listed = {b.actor for b in bodies}
        for body, person in zip(bodies, people, strict=True):
            held = {r.of for r in self.ctx.roles_now(person.actor or "")} & listed
            if held and body.actor not in held:
                return True
        return False

    def _listed(self, i: int, *, person: bool) -> tuple[list[Mention], int]:
        """The mentions of a list from token ``i`` ("A, B and C"): people, or states and
        organizations; and where the list ends."""
        ctx = self.ctx
        doc = ctx.doc
        out: list[Mention] = []
        while i < len(doc):
            if doc[i].lower_ == "the" and not person:
                i += 1  # "Rwanda and the Democratic Republic of Congo"
            m = ctx.men[i] if i < len(doc) else None
            if m is None or m.start != i:
                break
            if not person:
                ctx.new_actor_for(m)
            is_person = m.label == "PERSON" or ctx.type_of(m.actor or "") == "person"
            if not m.actor or m.brief or is_person != person:
                break
            out.append(m)
            i = m.end
            if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "and":
                i += 2
            elif (i < len(doc) and doc[i].lower_ == "and") or (
                i + 1 < len(doc) and doc[i].text == "," and ctx.men[i + 1] is not None
            ):
                i += 1
            else:
                break
        return out, i

    def _dictionary_roles(self, actor: str, title: str, k: int) -> None:
        """The dictionary: a role whose title the text gives, or that holds on the date (with
        no date, the newest roles, with a lower confidence)."""
        ctx = self.ctx
        factor = ctx.role_confidence
        current = ctx.roles_now(actor)
        for role in ctx.dict.roles_at(actor, None):
            timeless = role.start is None and role.end is None
            titled = bool(title) and title_score(title, role.title, ctx.lex) > 0
            if titled and role not in current and ctx.when is not None:
                continue
            if titled or role in current or timeless:
                conf = 0.85 if titled else 0.6
                if titled:
                    better = [
                        r
                        for r in current
                        if title_score(title, r.title, ctx.lex) > 0 and r.of == role.of
                    ]
                    role = max(better, key=lambda r: r.start or date.min) if better else role
                ctx.add_speaks(actor, role.of, role.title, k, conf * factor, role)
                ctx.register_role(role.title, actor, role.of)

    def unnamed_titles(self) -> None:
        """ "The Qatari prime minister met ...": who holds the office, so that "the prime
        minister said" later finds them."""
        ctx = self.ctx
        for s, e in ctx.titles:
            head = ctx.doc[s:e].root
            if ctx.men[head.i] is not None or (e < len(ctx.doc) and ctx.men[e] is not None):
                continue
            if head.dep_ == "compound" or any(
                c.lower_ in ("a", "an", "one") for c in head.children
            ):
                continue
            if self._named_in_apposition(head) or self._owns_organ(head):
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
                        self._acting_offices.add(holder)  # travelled to Doha": he acts
                elif self._named_next(head, title, mods[0]):
                    ctx.resolve.modifier_actors(head)
            else:  # "the group's chief negotiator has announced. X told ..."
                poss = next((c for c in head.children if c.dep_ == "poss"), None)
                with ctx.quietly():
                    owner = self._described_owner(poss) if poss is not None else None
                if owner is not None and ctx.type_of(owner) == "organization":
                    self._named_next(head, title, owner)

    def _named_next(self, head: Token, title: str, owner: str) -> bool:
        """ "..., the group's chief negotiator has announced. X told Reuters that ...": an
        owned title that says something, and a named person with no title and no principal
        who opens the next sentence saying something too: X holds the title (and speaks for
        its owner). Not a person's office ("Trump's envoy"), not a title with a verb of no
        saying, not a name after a title of its own."""
        ctx = self.ctx
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

    def _voice_of(self, m: Mention, title: str) -> str | None:
        """ "The White House confirmed the arrangement. A spokeswoman, X, said ...": an
        indefinite spokesperson's title with a name in apposition and no owner, right after a
        sentence of the same paragraph whose one speaking subject is a state or organization
        (what it said, its spokesperson goes on to say); so too a bare title that opens the
        sentence after it, also across a paragraph break ("Spokesman X said ...", issue 16t)."""
        ctx = self.ctx
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
            if not self._after_in_paragraph(k):
                return None
        found: set[str] = set()
        for i in ctx.resolve.sentence_subjects(k - 1):
            if doc[i].head.lemma_.lower() in ctx.lex.speech_verbs:
                found |= self._named_by(doc[i], lambda kind: kind != "person")
        if len(found) != 1:
            return None
        body = found.pop()
        ctx.use(body, ctx.sents[k].start)
        return body

    def _named_in_apposition(self, head: Token) -> bool:
        """ "Iran's foreign minister, X, said": the text names who holds the title here, so
        the dictionary's holder of the office is not the one meant (the name's own rules
        link X)."""
        ctx = self.ctx
        for c in head.children:
            m = ctx.men[c.i]
            if c.dep_ == "appos" and m is not None and m.actor and ctx.type_of(m.actor) == "person":
                return True
        return False

    def _owns_organ(self, head: Token) -> bool:
        """ "The prime minister's office said", "the president's cabinet": the organ speaks,
        not the office holder, whom the text never names; nor "the UN Secretary-General's
        personal envoy" (another title: its holder speaks for the body)."""
        ctx = self.ctx
        if head.dep_ != "poss":
            return False
        owned = head.head
        return owned.lemma_.lower() in ctx.lex.state_organs or ctx.title_at[owned.i] is not None

    def emit(self) -> None:
        """One ``speaks_for`` relation per (person, actor) found (and, now that the
        parties are known where the text did not state them, the government titles)."""
        ctx = self.ctx
        for actor, title, boss, k, at in self._served:  # "X, an adviser to Zelensky"
            sf = ctx.principal.get(boss)
            if sf is not None and actor not in ctx.principal:
                ctx.add_speaks(actor, sf.target, title, k, 0.7)
            elif actor not in ctx.principal:  # "X, an adviser to Y, said Kyiv insisted ..."
                voiced = self._clause_state(at)
                if voiced is not None:
                    ctx.add_speaks(actor, voiced, title, k, 0.6)
        for actor, title, k, at in self._untied:
            self._tie_to_government(actor, title, k, at)
            if actor not in ctx.principal:
                self._tie_to_named_government(actor, title, k, at)
        for sf in list(ctx.speaks.values()):
            # a state's voice (its foreign ministry) is the state's: its spokesperson speaks
            # for both, the state at a lower confidence (goldens keep one or the other)
            body = ctx.dict.body_of(sf.target)
            if (
                body is not None
                and body[1] in ctx.lex.voices
                and ctx.type_of(sf.source) == "person"
            ):
                ctx.add_speaks(
                    sf.source, body[0], sf.title, sf.sent, 0.8 * sf.confidence, origin=sf.origin
                )
        idle, unnamed = self._idle_principals()
        for sf in ctx.speaks.values():
            if sf.source in unnamed:
                continue  # "at the invitation of the Russian President": no one named acts
            ctx.use(sf.source, ctx.sents[sf.sent].start)
            ctx.use(sf.target, ctx.sents[sf.sent].start)
            if sf.source in idle:
                self.idle |= {sf.source, sf.target}
                continue  # named, not acting for the body here
            extra: dict[str, Any] = {}
            if sf.role is not None:
                if sf.role.start:
                    extra["valid_from"] = sf.role.start.isoformat()
                if sf.role.end:
                    extra["valid_to"] = sf.role.end.isoformat()
            ctx.out.relation(
                "speaks_for",
                sf.source,
                sf.target,
                sf.sent,
                sf.confidence,
                origin=sf.origin,
                **extra,
            )

    def _idle_principals(self) -> tuple[set[str], set[str]]:
        """People who neither speak nor act here, so that their office is no finding of this
        text: those named only as the principal of another's office ("Trump's special envoy
        X", "X, US envoy to Syria under President Y", "X, the envoy to Mozambique of UN
        Secretary-General Y"), and the dictionary's holders of an office the text names
        without a name and never as a subject ("at the invitation of the Russian President",
        "referred by the UN Secretary-General"). Not one who says something, is the source of
        another relation, or is named once anywhere else ("X thanked Y")."""
        ctx = self.ctx
        only: dict[str, bool] = {}
        for m in ctx.mentions:
            if m.actor and ctx.type_of(m.actor) == "person":
                only[m.actor] = only.get(m.actor, True) and self._principal_at(m)
        acting = {s["speaker"] for s in ctx.out.statements}
        acting |= {r["source"] for r in ctx.out.relations}
        idle = {a for a, yes in only.items() if yes and a not in acting}
        unnamed = {
            sf.source
            for sf in ctx.speaks.values()
            if sf.source not in only
            and sf.source not in acting | self._acting_offices
            and ctx.type_of(sf.source) == "person"
        }
        return idle, unnamed

    def _principal_at(self, m: Mention) -> bool:
        """Whether the person's mention ``m`` only names whom another's title serves: the
        owner of that title ("Trump's envoy", "Trump envoy") or the object of its "of",
        "under" or "to" ("the envoy ... of Secretary-General Y"), not the person's own title
        before the name ("President of Russia Y")."""
        ctx = self.ctx
        doc = ctx.doc
        root = span_root(doc, m.start, m.end)
        if self._tenure(root):
            return True
        if root.dep_ in ("poss", "compound"):
            return ctx.title_at[root.head.i] is not None and root.head.i >= m.end
        own = _title_words_before(doc, m.start - 1) + 1
        t = root
        for _ in range(4):
            if t.dep_ != "pobj" or t.head.lower_ not in _PRINCIPAL_PREPS:
                return False
            t = t.head.head
            if t.i < own and ctx.title_at[t.i] is not None:
                return True
        return False

    def _tenure(self, root: Token) -> bool:
        """Whether a person's name (its root ``root``) only dates something by their time in
        office: "as it did under President X", "under the administration of President X",
        "during X's presidency" (issue 18t)."""
        lex = self.ctx.lex
        t = root
        if t.dep_ == "poss" or (t.dep_ == "pobj" and t.head.lower_ == "of"):
            noun = t.head if t.dep_ == "poss" else t.head.head
            if noun.lemma_.lower() not in lex.tenure_nouns:
                return False
            t = noun
        return t.dep_ == "pobj" and t.head.lower_ in lex.tenure_prepositions

    # ------------------------------------------------------------------ owners
    def _tree_role(self, m: Mention, *, led_only: bool = False) -> tuple[str, str] | None:
        """A role whose actor the parse gives, named or described: "the government's chief
        negotiator, X", "X, a member of the group's political bureau", "union president X",
        "X, who heads the rebel delegation", "the army's delegation, led by X", "his Serbian
        counterpart, X". Returns the title and the actor."""
        ctx = self.ctx
        doc = ctx.doc
        root = span_root(doc, m.start, m.end)
        heads: list[Token] = []
        relcl: list[Token] = []  # "its" there is the phrase's own ("who chairs its committee")
        if root.dep_ == "appos" and (
            self._role_noun(root.head) or root.head.lemma_.lower() in ctx.lex.body_nouns
        ):
            heads.append(root.head)  # "the TPLF delegation, headed by ..., X"
        negated = any(c.dep_ == "neg" for c in root.children)  # "X, not an American official"
        # "former Nigerian President X": the parser hangs "former" on the name, not the title
        past = any(c.i < m.start and _blocks(c, ctx.lex.role_blockers) for c in root.children)
        for c in root.children:
            own = m.start <= c.i < m.end
            if c.dep_ == "compound" and past and c.i < m.start:
                continue
            if c.dep_ in ("appos", "compound") and not own and self._role_noun(c) and not negated:
                if c.dep_ == "appos" and self._holder_after(c, m):
                    continue  # "... by Biden, the leader of Hamas Ismail Haniyeh": Haniyeh's
                heads.append(c)
        # "X, who heads the rebel delegation", "X, a former minister who serves as ..."
        appos = [c for c in root.children if c.dep_ == "appos"]
        for c in [root, *appos]:
            for v in c.children:
                heads_now = v.lemma_.lower() in ctx.lex.heading_verbs and not self._past_role(v)
                if v.dep_ == "relcl" and heads_now:  # not "X, who once led the Front"
                    relcl += [n for n in _objects(v) if n.pos_ in ("NOUN", "PROPN")]
                elif v.dep_ == "relcl" and self._holds_now(v):
                    # "X, who has spent three years as the UN chief's envoy" (issue 17t)
                    heads += [n for n in _as_objects(v) if self._role_noun(n)]
        for v in (v for c in appos for v in c.subtree if v.dep_ == "relcl"):
            # "X, a former secretary-general of the party who now leads the Real SPLM":
            # the parser hung "who" on the party; not "who once led" (a past role)
            if v.lemma_.lower() not in ctx.lex.heading_verbs or v.head.i in (c.i for c in appos):
                continue
            who = any(c.dep_ == "nsubj" and c.lower_ == "who" for c in v.children)
            past = self._past_role(v, blockers=True)
            owner = ctx.men[v.head.i]
            if who and not past and (owner is None or ctx.type_of(owner.actor or "") != "person"):
                relcl += [n for n in _objects(v) if n.pos_ in ("NOUN", "PROPN")]
        verb = root.head
        if root.dep_ == "nsubj" and verb.lemma_.lower() in ctx.lex.heading_verbs:
            # "X led the government panel", "X heads the rebel delegation"
            relcl += [
                n
                for n in _objects(verb)
                if n.pos_ == "NOUN" and n.lemma_.lower() in ctx.lex.body_nouns
            ]
        if (
            root.dep_ == "nsubj"
            and verb.lemma_ == "be"
            and verb.tag_ in ("VBZ", "VBP")
            and not any(c.dep_ == "neg" for c in verb.children)
        ):
            # "X is the executive director of the aid group Y" (not "was": a past role; not
            # "X is not Bolivia's president")
            heads += [c for c in verb.children if c.dep_ == "attr" and self._role_noun(c)]
        if led_only:  # only a body the person leads: "the Thai panel is led by X"
            return self._led_body(m, root, [], relcl)
        return self._led_body(m, root, heads, relcl)

    def _led_body(
        self, m: Mention, root: Token, heads: list[Token], relcl: list[Token] | None = None
    ) -> tuple[str, str] | None:
        """The owner of a role noun among ``heads`` or of a body the person is the agent of
        leading ("the army's delegation, led by X", "The Thai panel is led by X", "the Junta,
        led by X")."""
        ctx = self.ctx
        relcl = relcl or []
        body: Token | None = None
        if root.dep_ == "pobj" and root.head.dep_ == "agent":
            verb = root.head.head
            lemma = verb.lemma_.lower()
            if self._past_role(verb):  # "the Front, once led by X": a role that is over
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
                elif body.lemma_.lower() in ctx.lex.body_nouns or self._role_noun(body):
                    heads.append(body)
        for h in heads + relcl:
            # "the opposition's negotiator" is none of the state's; but the body a person
            # leads is theirs whatever describes it ("who leads the opposition X party")
            if h not in relcl and any(
                _blocks(c, ctx.lex.role_blockers) or self._historical(c) for c in h.children
            ):
                continue
            owner = self._owner(h, m, pronouns=h not in relcl)
            if owner is None and body is not None and h.i == body.i:
                # "Ethiopia sent a team led by X"; "The delegation, headed by X" after "A
                # Hamas delegation arrived"
                owner = self._sender(h) or self._same_noun_owner(h)
            if owner is not None:
                title = ctx.resolve.title_phrase(h)[0] or f"head of {h.lower_}"
                return title, owner
        return None

    def _tie_to_named_government(self, actor: str, title: str, k: int, at: int) -> None:
        """ "President X said his government would not negotiate", in a text that names one
        state's government ("Mali's government", "the government of Mali", "the Malian
        government") and no state beside the title: that state, at a lower confidence. Only
        where the text ties him to it: "his government" in his sentence or the next, or the
        government named next to his sentence and no other actor in it he could lead; never
        a host or a mediator ("President X, the summit's host, urged the RSF ...")."""
        ctx = self.ctx
        words = title.lower().replace("-", " ").split()
        if not words or words[-1] not in ctx.lex.government_titles:
            return
        doc = ctx.doc
        if any(doc[i].lower_ in ctx.lex.role_blockers for i in range(max(0, at - 5), at)):
            return  # "former president X"
        governed = self._governed_states()
        if len(governed) != 1:
            return
        state, named_in = next(iter(governed.items()))
        third = ctx.lex.mediator_nouns | ctx.lex.mediation_verbs | ctx.lex.mediator_adjectives
        if any(t.lemma_.lower() in third or t.lemma_.lower() == "host" for t in ctx.sents[k]):
            return  # "the summit's host", "who mediated the talks": a third party
        own = self._own_government(k) or self._own_government(k + 1)
        near = {k - 1, k, k + 1}
        # the state or its government named next to his sentence ("South Africa took over
        # the file. President X convened a summit"), not far from it
        stated = any(
            m.actor == state and not m.place for j in near - {k + 1} for m in self._in_sent(j)
        )
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
            if (
                kind == "organization"
                and not own
                and span_root(ctx.doc, m.start, m.end).head.i in tied
            ):
                return  # "President X urged the RSF to withdraw": whose president?
        if self._counterpart(actor, state, k, sides=False):
            return
        ctx.use(state, ctx.sents[k].start)
        ctx.add_speaks(actor, state, title, k, 0.5)
        ctx.register_role(title, actor, state)

    def _office_holders(self) -> None:
        """ "Ethiopia's prime minister said ... Prime Minister X thanked ...": a person with an
        owner-less government title holds the office the document gave one state, unless
        someone else named holds that state's office of that title ("the President of the
        Central African Republic ... President Bashir ... the Central African President X")."""
        ctx = self.ctx
        for actor, title, k, at in self._untied:
            state = self._office_owner(title, at) if actor not in ctx.principal else None
            if state is None:
                continue
            held = any(
                sf.target == state and sf.source != actor and title_score(title, sf.title, ctx.lex)
                for sf in ctx.speaks.values()
            )
            if not held:
                ctx.add_speaks(actor, state, title, k, 0.6)
                ctx.register_role(title, actor, state)

    def _office_owner(self, title: str, at: int) -> str | None:
        """The one state the document gives an owner-less government title to where it
        names the office without a name ("Ethiopia's prime minister said ..." and later
        "Prime Minister X expressed ..."): X holds that office; not an office named with its
        holder ("the Central African President X"), nor one named in X's sentence or after it
        ("Foreign Minister X would engage with Thailand's foreign minister": another). None
        where two states' offices of that title are named, or none, or the title was
        cancelled ("the former ...")."""
        ctx = self.ctx
        words = title.lower().replace("-", " ").split()
        if not words or words[-1] not in ctx.lex.government_titles:
            return None
        key = title_key(title)
        found: set[str] = set()
        for s, e in ctx.titles:
            head = ctx.doc[s:e].root
            if title_key(ctx.doc[s:e].text) != key or ctx.men[head.i] is not None:
                continue
            if ctx.sent_of[s] >= ctx.sent_of[at] and not self._speaks_back(head, at):
                continue
            if (e < len(ctx.doc) and ctx.men[e] is not None) or self._named_in_apposition(head):
                continue  # "the Central African President X": X's office, named
            with ctx.quietly():
                phrase, blocked = ctx.resolve.title_phrase(head)
                mods = ctx.resolve.modifier_actors(head) if phrase and not blocked else []
            found |= {a for a in mods if ctx.type_of(a) == "state"}
        return found.pop() if len(found) == 1 else None

    def _speaks_back(self, head: Token, at: int) -> bool:
        """Whether an office named without a name after the person at token ``at`` is the
        speaker of the words that follow them in the same paragraph ("President X announced
        ... 'We want dialogue ...,' said the Mexican president": X, issue 17t): the title is
        the subject of a verb of saying in a later sentence of X's paragraph, at most four
        on, and no other person is named between them."""
        ctx = self.ctx
        ka, ks = ctx.sent_of[at], ctx.sent_of[head.i]
        if not 0 < ks - ka <= 4 or not all(
            self._after_in_paragraph(j) for j in range(ka + 1, ks + 1)
        ):
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

    def _in_sent(self, k: int) -> list[Mention]:
        """The mentions of sentence ``k`` (none past either end)."""
        ctx = self.ctx
        return list(ctx.mentions_in(ctx.sents[k])) if 0 <= k < len(ctx.sents) else []

    def _own_government(self, k: int) -> bool:
        """Sentence ``k`` speaks of the speaker's own government: "his government", "our
        government", "the government he leads"."""
        ctx = self.ctx
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

    def _governed_states(self) -> dict[str, set[int]]:
        """The states whose government the document names: "Mali's government", "the
        government of Mali", "the Malian government", "the Philippine Government", with the
        sentences that name each."""
        ctx = self.ctx
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

    def _sender(self, body: Token) -> str | None:
        """The one actor that sends or sets up a body it names as its object: "Ethiopia sent a
        team led by X", "the African Union appointed a panel led by former president X" (not
        whoever else meets it: "the mediators met a delegation led by X")."""
        ctx = self.ctx
        verb = body.head
        if body.dep_ != "dobj" or verb.lemma_.lower() not in ctx.lex.sending_verbs:
            return None
        found = {
            r.actor
            for r in ctx.resolve.subject_actors(verb)
            if not r.anonymous and ctx.type_of(r.actor) != "person"
        }
        return found.pop() if len(found) == 1 else None

    def _government_of(self, title: str, k: int, at: int) -> str | None:
        """The state a government title without an owner belongs to ("President X",
        "Presidential peace adviser X"): the state of "whose" before it ("Sweden, whose
        foreign minister, X"), else the one state its sentence has as a subject
        ("'Lebanon will not sign,' Prime Minister X said"), else -- where it has none -- the one
        state among the parties of the talks the document is about, where the other side is
        no state (a government and its rebels)."""
        ctx = self.ctx
        words = title.lower().replace("-", " ").split()
        if not words or words[-1] not in ctx.lex.government_titles:
            return None
        doc = ctx.doc
        if any(doc[i].lower_ in ctx.lex.role_blockers for i in range(max(0, at - 5), at)):
            return None  # "Former Socialist prime minister X": no office now
        whose = self._whose(at)
        if whose is not None:
            return whose if ctx.type_of(whose) == "state" else None
        offered = self._offered_by(at)
        if offered is not None:
            return offered
        voiced = self._clause_state(at)
        if voiced is not None:
            return voiced
        named = {  # a state that acts in the sentence: a subject or an owner
            m.actor
            for m in ctx.mentions_in(ctx.sents[k])
            if m.actor
            and not m.place
            and m.kind != "demonym"
            and ctx.type_of(m.actor) == "state"
            and span_root(ctx.doc, m.start, m.end).dep_ in ("nsubj", "nsubjpass")
            and not self._bound(span_root(ctx.doc, m.start, m.end).head)
            and not _contrasted(span_root(ctx.doc, m.start, m.end).head)
        }
        if named:
            return named.pop() if len(named) == 1 else None
        states = [a for a in ctx.parties if ctx.type_of(a) == "state"]
        if len(states) != 1 or len(ctx.parties) < 2:
            return self._topic_state(k)
        for m in ctx.mentions_in(ctx.sents[k]):  # "Berlin's summit, hosted by Chancellor X"
            owner = span_root(ctx.doc, m.start, m.end).dep_ == "poss"
            other = m.actor and not m.place and m.actor not in ctx.parties
            if owner and other and ctx.type_of(m.actor) == "state":  # type: ignore[arg-type]
                return None
        ctx.use(states[0], 0)
        return states[0]

    def _offered_by(self, at: int) -> str | None:
        """The one state that owns a thing the person at token ``at`` offers or makes: "a
        Turkish proposal, either from Foreign Minister X or ...", "an Egyptian plan drafted by
        Foreign Minister X", "Qatar's offer from Prime Minister X" (the state's word on the
        noun whose "from", "by" or "of" names the person)."""
        ctx = self.ctx
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

    def _topic_state(self, k: int) -> str | None:
        """ "Rwanda, for its part, insists it is no party. Foreign Minister X has denied ...
        and said his government ...": a government title with no owner in the sentence after
        one whose main subject is one state (the paragraph's topic), where the text ties the
        person back to it ("his government", or that state the subject again in his sentence
        or the next) and his sentence names no other state. Not across a paragraph break.
        """
        ctx = self.ctx
        if not self._after_in_paragraph(k):
            return None  # another paragraph, or a heading glued to the sentence
        found = self._subject_states(k - 1)
        if len(found) != 1:
            return None
        state = found.pop()
        named = {
            m.actor
            for m in self._in_sent(k)
            if m.actor and not m.place and m.kind != "demonym" and ctx.type_of(m.actor) == "state"
        }
        if named - {state}:
            return None  # a state of its own in the sentence: the other rules' business
        own = self._own_government(k) or self._own_government(k + 1)
        again = state in self._subject_states(k) | self._subject_states(k + 1)
        if not own and not again:
            return None  # "Israel struck Gaza. President X called for restraint": whose?
        ctx.use(state, ctx.sents[k].start)
        return state

    def _named_by(self, t: Token, kind_ok: Callable[[str], bool]) -> set[str]:
        """The named actors (no pronouns, no anonymous ones) the noun phrase at ``t`` resolves
        to whose kind ``kind_ok`` accepts; resolving here records nothing."""
        ctx = self.ctx
        with ctx.quietly():
            return {
                r.actor
                for r in ctx.resolve.resolve_np(t, pronouns=False)
                if not r.anonymous and kind_ok(ctx.type_of(r.actor))
            }

    def _subject_states(self, k: int) -> set[str]:
        """The states that are subjects (any clause) of sentence ``k``."""
        ctx = self.ctx
        if not 0 <= k < len(ctx.sents):
            return set()
        found: set[str] = set()
        for t in ctx.sents[k]:
            if t.dep_ not in ("nsubj", "nsubjpass") or ctx.quote_of[t.i] >= 0:
                continue
            found |= self._named_by(t, lambda kind: kind == "state")
            # "The governments of Mali and Niger met ...": every state the subject names
            found |= {
                m.actor
                for m in self._in_sent(k)
                if m.actor
                and not m.place
                and m.kind != "demonym"
                and t.left_edge.i <= m.start
                and m.end <= t.right_edge.i + 1
                and ctx.type_of(m.actor) == "state"
            }
        return found

    def _clause_state(self, at: int, *, leaders: bool = False) -> str | None:
        """The state (named or by its capital) that is the subject of what the person at
        token ``at`` says: "Kosovo will not begin ... until Serbia takes steps, Prime Minister
        X said" (Kosovo, not Serbia of the inner clause), "X said Kyiv insisted on ..."; not a
        state a deontic modal binds ("X said Cambodia must stop firing": a demand on it).
        With ``leaders``, also the state a person subject speaks for ("Y pardoned them,
        presidential spokeswoman X said": Y's state)."""
        ctx = self.ctx
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
                if self._bound(c):
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

    def _bound(self, verb: Token) -> bool:
        """Whether a deontic modal binds the verb's subject ("Cambodia must stop firing"):
        what is asked of a state, which is seldom the speaker's own."""
        return any(a.dep_ == "aux" and a.lower_ in self.ctx.lex.modals for a in verb.children)

    def _whose(self, at: int) -> str | None:
        """The actor a "whose" a few words before token ``at`` stands for: "hosted by Sweden,
        whose foreign minister, X, welcomed ..." (the head of the relative clause)."""
        ctx = self.ctx
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

    def _affiliation(self, m: Mention) -> str | None:
        """An actor the person is tied to without a title: "X of the Justice and Equality
        Movement", "X (Justice and Equality Movement)", "X, representing Poland", "speaking on
        behalf of the African Union, X said", "X, who speaks for the group". Not a place, not a
        person ("Sheikh Tamim of Qatar" is Qatar's)."""
        ctx = self.ctx
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
            if mm is not None and (mm.label == "DICT" or self._org_name(mm)):
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

    def _org_name(self, mm: Mention) -> bool:
        """A name that says it is an organization's: it ends in an organization word or is
        an acronym ("the Justice and Equality Movement", "JEM"), not a town NER took for one."""
        words = self.ctx.doc[mm.start : mm.end]
        last = words[-1].lower_
        return last in self.ctx.lex.org_heads or (len(words) == 1 and words[0].text.isupper())

    def _past_role(self, verb: Token, *, blockers: bool = False) -> bool:
        """A verb of heading put in the past ("who once led", "formerly headed by"), or with
        ``blockers`` cancelled by a role blocker among its dependents."""
        lex = self.ctx.lex
        words = lex.past_role_adverbs | lex.role_blockers if blockers else lex.past_role_adverbs
        return any(c.lower_ in words for c in verb.children)

    def _holds_now(self, verb: Token) -> bool:
        """A verb whose "as" gives a role held now: not the simple past ("who spent years
        as"), not negated, not put in the past by an adverb or a blocker."""
        lex = self.ctx.lex
        if verb.lemma_.lower() in lex.speech_as_verbs:
            return False  # "who was described as a Hamas official": another's words
        past = any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
        if verb.tag_ == "VBD" or past or any(c.dep_ == "neg" for c in verb.children):
            return False
        return not self._past_role(verb, blockers=True)

    def _role_noun(self, t: Token) -> bool:
        return self.ctx.title_at[t.i] is not None or t.lemma_.lower() in self.ctx.lex.role_nouns

    def _holder_after(self, title: Token, m: Mention) -> bool:
        """Whether a role phrase in apposition names its own holder after the title ("Biden,
        the leader of Hamas Ismail Haniyeh": the parser hung Haniyeh inside the phrase), so
        the role is that person's, not the one the phrase is apposed to."""
        ctx = self.ctx
        sub = list(title.subtree)
        after = sub[-1].i + 1  # or right after the phrase, however the parser hung the name
        for i in [x.i for x in sub] + ([after] if after < len(ctx.doc) else []):
            if i <= title.i or m.start <= i < m.end:
                continue
            named = ctx.men[i]
            if named is not None and named.actor and ctx.type_of(named.actor) == "person":
                return True
        return False

    def _owner(self, h: Token, m: Mention, *, pronouns: bool = True) -> str | None:
        """The actor a role noun phrase belongs to: a possessive, a modifier, or "of"/"for"
        and a phrase that has one ("a member of the group's political bureau")."""
        ctx = self.ctx
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
            found = self._described_owner(c)
            if found is not None:
                return found
        return None

    def _described_owner(self, t: Token) -> str | None:
        """The actor a described possessor of a role stands for: "the ministry's spokesman"
        is the owner of the ministry named last ("Its foreign ministry said ...", "Sudan's
        foreign ministry"), before the coreference's looser guesses; "its chief, X" with no
        antecedent the coreference finds is the body named last in the sentence ("facilitated
        by the UN mission, and in practice by its chief, X")."""
        ctx = self.ctx
        if t.lower_ in ctx.lex.role_blockers and t.dep_ == "poss":
            return self._described_as(t)  # "the opposition's": only a body called so
        same = self._same_noun_owner(t)
        if same is not None:
            return same
        found = ctx.resolve.described_owner(t)
        if found is None and t.pos_ == "PRON" and t.lower_ in ("its", "their"):
            found = self._body_before(t)
        return found

    def _described_as(self, t: Token) -> str | None:
        """ "the opposition's chief negotiator": the organization the text described with that
        word before ("the opposition Unitary Platform", "the Platform, the main opposition
        coalition"), the nearest; none where no body was called so."""
        ctx = self.ctx
        doc = ctx.doc
        for w in reversed(doc[: t.i]):
            if w.lower_ != t.lower_:
                continue
            head = w.head
            m = ctx.men[w.i + 1]  # "the opposition Unitary Platform", however parsed
            if m is None or m.start != w.i + 1:
                if w.dep_ not in ("amod", "compound", "nmod"):
                    group = self._group_headed(w)  # "the Venezuelan opposition" (issue 14o)
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

    def _group_headed(self, w: Token) -> str | None:
        """The one organization a group phrase headed by ``w`` names ("the Venezuelan
        opposition" before "the opposition's negotiating team")."""
        ctx = self.ctx
        if w.pos_ != "NOUN" or w.lower_ not in ctx.lex.groups:
            return None
        found = ctx.resolve.resolve_np(w, pronouns=False)
        if len(found) != 1 or ctx.type_of(found[0].actor) != "organization":
            return None
        return found[0].actor

    def _same_noun_owner(self, t: Token) -> str | None:
        """ "the ministry's spokesman", "the movement's chief negotiator": the nearest phrase
        before (this sentence and the three before it) with the same head noun that names or
        resolves to one organization or state."""
        ctx = self.ctx
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

    def _body_before(self, t: Token) -> str | None:
        """The organization or state a possessive pronoun the coreference left open stands
        for: the one named last before it in its sentence ("facilitated by the African Union,
        and in practice by its envoy, X"), else the owner of the previous sentence's subject
        ("The GNA's demands are simple. Its delegation, headed by X, ...")."""
        ctx = self.ctx
        doc = ctx.doc
        k = ctx.sent_of[t.i]
        start = ctx.sents[k].start
        for m in reversed(ctx.mentions):
            if m.start >= t.i or m.start < start or m.place or m.kind == "demonym":
                continue
            root = span_root(doc, m.start, m.end)
            while root.dep_ == "appos" and root.head.i < root.i:
                root = root.head  # "the mission in Libya (UNSMIL)": where "Libya" stands
            if root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS:
                continue  # a place in a name ("the mission in Libya"), not the owner
            actor = ctx.new_actor_for(m)
            if actor is not None and ctx.type_of(actor) != "person":
                ctx.use(actor, m.start, m.text)
                return actor
            return None  # a person named last: "its" is no one's we know
        if not self._after_in_paragraph(k):
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

    def _after_in_paragraph(self, k: int) -> bool:
        """Sentence ``k`` follows one of the same paragraph (no line break between them, no
        heading glued to the one before)."""
        ctx = self.ctx
        if not 0 < k < len(ctx.sents):
            return False
        prev, here = ctx.sents[k - 1], ctx.sents[k]
        if self._wrapped is None:
            self._wrapped = hard_wrapped(ctx.text)
        # a break between them, or a heading glued to the one before; in hard-wrapped text
        # a single line break is only the width
        end = len(prev.text.rstrip()) + prev.start_char
        return not breaks_within(ctx.text, prev.start_char, end, self._wrapped) and (
            not breaks_within(ctx.text, end, here.start_char, self._wrapped)
        )

    # ------------------------------------------------------------------ helpers
    def _titled_institution(self, m: Mention, state: str) -> str | None:
        """The body of its own a title of a state names between the state and the person
        (`speech.institutions`, issue 14o's convention): "Sudan's army chief X", "Lebanese
        Parliament speaker X", "X, Pakistan's army chief", "the speaker of the Iraqi
        parliament, X", or right before the state ("the speaker of the parliament of Iraq,
        X"). None where the state's mention is not within a few words of the name or those
        words name no institution."""
        ctx = self.ctx
        doc = ctx.doc
        if ctx.type_of(state) != "state":
            return None
        k = ctx.sent_of[m.start]
        near = [
            mm
            for mm in ctx.mentions_in(ctx.sents[k])
            if mm.actor == state and (0 < m.start - mm.end <= 8 or 0 < mm.start - m.end <= 3)
        ]
        if not near:
            return None
        owner = min(near, key=lambda mm: abs(mm.start - m.start))
        if owner.end <= m.start:
            words = range(owner.end, m.start)
        else:  # "X, Pakistan's army chief": the title after the state
            words = range(owner.end, min(owner.end + 5, ctx.sents[k].end))
        for i in words:
            if doc[i].is_punct or doc[i].tag_.startswith("VB") or ctx.men[i] is not None:
                break
            found = self._institution_at(i, state)
            if found is not None:
                return found
        at = owner.start - 1  # "the parliament of Iraq", "the army in Sudan"
        if at > 0 and doc[at].lower_ in ("of", "in") and ctx.men[at - 1] is None:
            return self._institution_at(at - 1, state)
        return None

    def _institution_at(self, i: int, state: str) -> str | None:
        """The state's institution the word at ``i`` names ("army", "armed forces"), made
        an actor of its own; None for any other word."""
        ctx = self.ctx
        doc = ctx.doc
        t = doc[i]
        lemma = t.lemma_.lower()
        noun = lemma if lemma in ctx.lex.institutions else t.lower_
        pair = f"{doc[i - 1].lower_} {noun}" if i > 0 else noun
        noun = pair if pair in ctx.lex.institutions else noun
        if noun not in ctx.lex.institutions or t.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return None
        found = ctx.resolve.institution(t, state, noun)
        return found.actor if found is not None else None

    def _dict_role(self, actor: str, title: str, org: str) -> Role | None:
        """The dictionary role a title of the text names: in ``org``, or in a part of it
        ("Israel's army chief" holds a role in the army, which is Israel's)."""
        ctx = self.ctx
        best: tuple[int, Role] | None = None
        for r in ctx.roles_now(actor):
            score = title_score(title, r.title, ctx.lex)
            if score == 0:
                continue
            if r.of != org and not any(p.of == org for p in ctx.dict.roles_at(r.of, None)):
                continue
            if best is None or score > best[0]:
                best = (score, r)
        return best[1] if best else None

    def _owned_name(self, m: Mention) -> str | None:
        """The organization or state whose possessive stands right before a person's name,
        with no title between: "Russia's Sergei Lavrov", "facilitated by Malaysia's Tengku
        Ghafar", "Hamas's Ismail Haniyeh"."""
        mm = self._possessor(m.start)
        if mm is None:
            return None
        self.ctx.use(mm.actor, mm.start, mm.text)  # type: ignore[arg-type]
        return mm.actor

    def _possessor(self, at: int) -> Mention | None:
        """The mention of an organization or state whose possessive ends right before token
        ``at`` (no person, place or demonym), its actor made if it had none."""
        ctx = self.ctx
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

    def _left_role(self, m: Mention) -> tuple[str, list[str], bool] | None:
        ctx = self.ctx
        doc = ctx.doc
        k = ctx.sent_of[m.start]
        owner = self._owned_name(m)
        if owner is not None:
            return "representative", [owner], False
        i = m.start - 1
        j = _title_words_before(doc, i)  # "the Russian mediator, Ambassador-at-Large X"
        if j > 0 and doc[j].text == "," and m.end < len(doc) and doc[m.end].tag_ == "POS":
            return None  # "Its representative, X's office said": X owns the office
        if j > 0 and doc[j].text == "," and ctx.title_at[j - 1] is not None:
            i = j - 1  # "Qatar's emir, Sheikh Tamim"
        elif j > 0 and doc[j].text == "," and self._portfolio_title(j) is not None:
            i = self._portfolio_title(j)  # type: ignore[assignment]  # "envoy for Sudan, X"
            body = self._headed_body(i, j)
            if body is not None:  # "the head of Russia's delegation, X"
                return body
            spoken = self._spoken_for(i, j, m)
            if spoken is not None:  # "a spokesman for the paramilitary group, X"
                return spoken
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
            elif mm is not None and (mm.brief or (titles and self._office_seat(mm))):
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
            elif not orgs and (opened := self._short_form_before(i)) is not None:
                i = opened - 1  # "Syrian Democratic Forces (SDF) General Commander X"
            elif not titles and (brief := self._brief_before(i)) is not None:
                i = brief  # "US special envoy to the Middle East X": the title's brief
            elif _blocks(t, ctx.lex.role_blockers) or self._historical(t):
                blocked = True
                i -= 1
            elif titles and not orgs and (bare := self._bare_body(t)) is not None:
                orgs.append(bare)  # "Houthi chief negotiator X", "ELN commander X"
                bare_at.append(t)
                i -= 1
            elif titles and t.dep_ == "poss" and t.pos_ in ("NOUN", "PRON") and not orgs:
                owner = self._described_owner(t)  # "the bloc's special representative"
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
        if not titles:
            return None
        if not blocked:  # "the former German president" makes no actor of Germany
            for mm in seen:
                ctx.use(mm.actor, mm.start, mm.text)  # type: ignore[arg-type]
            for t in bare_at:
                ctx.use(orgs[0], t.i, t.text)
        return titles[0], orgs, blocked

    def _short_form_before(self, i: int) -> int | None:
        """Where the bracketed short form of the name before it opens, when token ``i`` closes
        it ("Syrian Democratic Forces (SDF)": the "("), so that the name before owns the title
        after it; None when ``i`` closes no such brackets."""
        ctx = self.ctx
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

    def _brief_before(self, i: int) -> int | None:
        """Where the title ends whose brief, a region no mention covers, ends at token ``i``
        ("special envoy to the Middle East X", "envoy for the Sahel X"): the title's last
        token, or None."""
        ctx = self.ctx
        doc = ctx.doc
        p = i
        while (
            p > i - 5
            and p >= 0
            and ctx.men[p] is None
            and (doc[p].pos_ == "PROPN" or (doc[p].lower_ == "the" and p < i))
        ):
            p -= 1
        if p == i or p < 1 or doc[p].lower_ not in ("for", "to", "on"):
            return None
        return p - 1 if ctx.title_at[p - 1] is not None else None

    def _office_seat(self, mm: Mention) -> bool:
        """A place between a body's possessive and a title: the seat or brief of the office
        ("the EU's Brussels spokesman X", "Washington's Sudan envoy X"), not its owner. Only
        a state, a capital or an unknown place, and only after another actor's possessive."""
        if mm.kind not in ("metonym", "gpe") and self.ctx.type_of(mm.actor or "") != "state":
            return False
        owner = self._possessor(mm.start)
        return owner is not None and owner is not mm

    def _bare_body(self, t: Token) -> str | None:
        """The organization a capitalized word before a title names where no mention covers
        it: a curated group's singular or other name ("Houthi chief negotiator X": the
        Houthis), or an acronym NER missed ("ELN commander X", a new organization); not an
        outlet ("BBC correspondent X"), an abbreviation of no organization ("NGO official X",
        `speech.not_actors`), a place, a state's word (the mentions handle those) or a role
        blocker ("Former")."""
        ctx = self.ctx
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
        return self._acronym_body(text)

    def _acronym_body(self, text: str) -> str | None:
        """A new organization for an acronym of two to six letters before a title ("ELN
        commander X", "X, UPA spokesperson"), not an abbreviation of no organization."""
        ctx = self.ctx
        if name_key(text) in ctx.lex.not_actors or name_key(text) in ctx.lex.outlets:
            return None
        acronym = text.isupper() and text.isalnum() and any(c.isalpha() for c in text)
        return ctx.dict.new_actor(text, "organization") if acronym and 2 <= len(text) <= 6 else None

    def _headed_body(self, last: int, comma: int) -> tuple[str, list[str], bool] | None:
        """A title of a body whose owner the body's phrase gives: "the head of Russia's
        delegation, X", "the leader of the government team, X", "the chief of the army's
        negotiating team, X" (the title ends at ``last``, the phrase at ``comma``)."""
        ctx = self.ctx
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
        owner = self._owner(body, m)
        if owner is None:
            return None
        return f"{doc[span[0] : span[1]].text} of {body.lower_}", [owner], False

    def _spoken_for(self, last: int, comma: int, m: Mention) -> tuple[str, list[str], bool] | None:
        """A title whose "for" or "of" names the body spoken for, not a brief ("a spokesman
        for the group, X", "the chief negotiator for the rebels, X", "a spokeswoman of the
        Sudanese army, X"; `roles.principal_for`), however the parser hung the name (often on
        the body, as if the name were the group's): the body that phrase names or describes.
        Not after "former" and the like."""
        ctx = self.ctx
        doc = ctx.doc
        span = ctx.title_at[last]
        if span is None or last + 1 >= comma or doc[last + 1].lower_ not in ("for", "of"):
            return None
        title = doc[span[0] : span[1]].text
        if title_key(title) not in ctx.lex.principal_for and doc[last + 1].lower_ != "of":
            return None  # "the envoy for Sudan, X": a brief; "the leader of the Front, X"
        if any(_blocks(doc[x], ctx.lex.role_blockers) for x in range(max(0, span[0] - 3), comma)):
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
            owner = self._owner(doc[last], m)
        if owner is None and body is not None:
            owner = self._described_of(body)
        if owner is None or ctx.type_of(owner) == "person":
            return None
        return title, [owner], False

    def _described_of(self, noun: Token) -> str | None:
        """The actor a common noun that only describes it names with its own "of": "the
        president of the self-declared republic of Somaliland, X", "the leader of the
        breakaway region of Transnistria, X" (the noun no mention and no title)."""
        ctx = self.ctx
        if noun.pos_ != "NOUN" or ctx.men[noun.i] is not None or ctx.title_at[noun.i] is not None:
            return None
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        m = ctx.men[inner.i] if inner is not None else None
        if m is None or not m.actor or ctx.type_of(m.actor) == "person":
            return None
        return m.actor

    def _portfolio_title(self, comma: int) -> int | None:
        """The last word of a title whose portfolio ends at ``comma``: "the US special envoy
        for Sudan, X", "the UN's special adviser on Cyprus, X", "the bloc's special
        representative for the dialogue, X" (up to eight words after for/on/of, a list of
        capitalized words among them: "Commissioner for Political Affairs, Peace and Security,
        X")."""
        ctx = self.ctx
        doc = ctx.doc
        k = ctx.sent_of[comma]
        for p in range(comma - 2, max(-1, comma - 10), -1):
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

    def _right_role(self, m: Mention) -> tuple[str, list[str], bool] | None:
        ctx = self.ctx
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
            if t.text in (",", ";", ".", ")", ":") or t.tag_.startswith("VB"):
                break
            if not titles and self._others_office(t):
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
            elif (
                mm is not None
                and mm.kind in ("demonym", "norp")
                and (described := self._demonym_description(mm)) is not None
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
                and (acronym := self._acronym_body(mm.text)) is not None
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
                    and doc[_title_words_before(doc, mm.start - 1)].lower_ in ("to", "of", "for")
                ):
                    self._serves[m.start] = mm.actor  # "an adviser to (President) X"
                    return titles[0], [], False
                if (
                    mm.actor
                    and titles
                    and ctx.type_of(mm.actor) == "person"
                    and doc[_title_words_before(doc, mm.start - 1)].lower_ in _SERVING_PREPS
                ):
                    break  # "X, US envoy to Syria under President Y": the office's principal
                if mm.actor and self._principal_office(titles, orgs, seen, mm):
                    # "X, the personal envoy of UN Secretary-General Y": the UN's
                    return titles[0], [orgs[-1]], blocked
                if not mm.actor or ctx.type_of(mm.actor) == "person":
                    return None
                owned = last_end + 1 == mm.start and doc[last_end].tag_ == "POS"
                if orgs and (last_end == mm.start or owned):
                    # "the Slovak OSCE chairmanship", "President of Bosnia's Republika
                    # Srpska": the nearer owner, the farther one only describes it
                    orgs[-1] = mm.actor
                    seen.pop()
                else:
                    orgs.append(mm.actor)
                last_end = mm.end
                seen.append(mm)
                j = mm.end
            else:
                if _blocks(t, ctx.lex.role_blockers) or self._historical(t):
                    blocked = True
                j += 1
            steps += 1
        if not titles:
            return None
        if not blocked:  # "the former German president" makes no actor of Germany
            for mm in seen:
                ctx.use(mm.actor, mm.start, mm.text)  # type: ignore[arg-type]
        return titles[0], orgs, blocked

    def _historical(self, t: Token) -> bool:
        """An ordinal right before a title that puts the office in history ("Somalia's first
        president", "the first Renamo commander"; `roles.ordinal_blockers`), not a rank held
        now ("First Vice President", `roles.ordinal_ranks`), issue 18t."""
        ctx = self.ctx
        lex = ctx.lex
        if t.lower_ not in lex.ordinal_blockers or t.i + 1 >= len(ctx.doc):
            return False
        if t.dep_ != "amod" or ctx.title_at[t.head.i] is None:
            return False
        return ctx.doc[t.i + 1].lower_ not in lex.ordinal_ranks

    def _others_office(self, t: Token) -> bool:
        """Whether ``t`` is the preposition after an apposition's head noun that is no title
        ("a critic of", "the son of", "a close ally of"): a title after it is another
        person's office, not the one named before the comma (issue 18t). A noun of a role
        (`roles.fallback_role_nouns`: "an aide to", "an emissary of") serves that office."""
        ctx = self.ctx
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
        self, titles: list[str], orgs: list[str], seen: list[Mention], person: Mention
    ) -> bool:
        """Whether the person named after a title is the principal whose office's owner the
        title before serves (issue 17t): "X, the personal envoy of UN Secretary-General Y",
        "X, an adviser to US President Y" (the envoy speaks for the UN, the adviser for the
        US): the person's own title comes right after that owner, and a preposition of
        serving ("of", "to") before the owner ties the first title to it."""
        ctx = self.ctx
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

    def _demonym_description(self, mm: Mention) -> tuple[str, int] | None:
        """A demonym that only describes an organization named before: "the Palestinian
        militant group", "the Lebanese movement" (the organization the description stands
        for, and where the description ends); None where the phrase names no organization
        description or none was named."""
        ctx = self.ctx
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


def _contrasted(verb: Token) -> bool:
    """Whether the verb heads a clause set against the sentence's main one ("While the Trump
    administration claims ..., foreign secretary X said"): its subject is the other side's."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("while", "whereas", "although", "though")
        for c in verb.children
    )


def _blocks(t: Token, blockers: frozenset[str]) -> bool:
    """A word that cancels a role ("former", "opposition"), unless it owns the role: "the
    opposition's chief negotiator" is the opposition's, not a role of no one's."""
    return t.lower_ in blockers and t.dep_ != "poss"


def _objects(v: Token) -> list[Token]:
    """What a verb of heading heads: "heads the delegation", "presides over the assembly",
    "serves as the bloc's high representative"."""
    out = [c for c in v.children if c.dep_ in ("dobj", "attr")]
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in ("over", "as"):
            out += [p for p in c.children if p.dep_ == "pobj"]
    return out


def _as_objects(v: Token) -> list[Token]:
    """What a verb's "as" names: "has spent three years as the envoy", "took office as"."""
    return [p for c in v.children if c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]


#: prepositions of place: what follows them locates, it owns nothing
_PLACE_PREPS = frozenset({"in", "at", "near", "from", "across", "inside", "outside", "into"})
#: words before the person an office serves under ("envoy to Syria under President X"): the
#: principal, not the body the holder speaks for
_SERVING_PREPS = frozenset({"under"})
#: words between an office and the person it serves ("envoy of Y", "adviser to Y")
_PRINCIPAL_PREPS = _SERVING_PREPS | {"of", "to"}
#: prepositions after a noun of no office that lead to another's ("a critic of the minister")
_OTHERS_PREPS = frozenset({"of", "to", "with"})

#: verbs whose "for" names the side the subject acts for: "speaks for the group", "signed
#: for Moscow", "negotiated for the rebels"
FOR_VERBS = frozenset({"speak", "talk", "sign", "negotiate", "initial", "countersign"})


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


def _modifier(t: Token) -> bool:
    """A participle that only describes the noun after it ("the negotiating team")."""
    return t.tag_ == "VBG" and t.dep_ in ("amod", "compound") and t.head.i > t.i


def _after_place_prep(doc: Doc, i: int) -> bool:
    """Whether the name at ``i`` follows a preposition of place, past a determiner ("in
    Lebanon", "at the Nairobi talks")."""
    j = i - 1
    if j > 0 and doc[j].lower_ in ("the", "a", "an"):
        j -= 1
    return j >= 0 and doc[j].lower_ in _PLACE_PREPS


def _title_words_before(doc: Doc, i: int) -> int:
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
