"""Who speaks for whom: titles next to names, and the dictionary's dated roles.

"Hamas spokesman Osama Hamdan", "British Foreign Secretary Jack Straw", "Qatar's emir, Sheikh
Tamim", "Marta Vale, a spokeswoman for the African Union": a title with an actor next to a
person makes the person speak for the actor. Words like *former* and *opposition* cancel it.
A title without an actor is matched against the person's dictionary roles; dictionary roles
also hold without a title when the document's date falls inside them, or when they carry no
dates. "The Qatari prime minister" (a title of an actor, no name) registers the office holder,
so "the prime minister said" later finds them.

:class:`Speakers` runs the readers of roles and settles what they found; they live beside it:
:mod:`.titled_names` (a title right beside a name), :mod:`.role_clauses` (a role the clause
tells: "X, who heads the delegation", "X, representing Poland"), :mod:`.listed_roles` (one title
over several people), :mod:`.office_holders` (offices named without a name),
:mod:`.government_titles` (which state a government title without an owner is) and
:mod:`.role_owners` (whose a role noun is).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from actorgraph.ingest.extract.appointments import appointed_role
from actorgraph.ingest.extract.government_titles import (
    clause_state,
    tie_to_government,
    tie_to_named_government,
)
from actorgraph.ingest.extract.listed_roles import (
    coordinated_principal,
    listed_members,
    paired_for,
    respective_roles,
)
from actorgraph.ingest.extract.nationalities import mediating, nationality_only
from actorgraph.ingest.extract.office_holders import (
    unnamed_offices,
    untied_office_holders,
    voice_of,
)
from actorgraph.ingest.extract.represented import represented_sides
from actorgraph.ingest.extract.role_clauses import affiliation, tree_role
from actorgraph.ingest.extract.role_owners import in_sent
from actorgraph.ingest.extract.titled_names import (
    PRINCIPAL_PREPS,
    left_role,
    right_role,
    title_words_before,
)
from actorgraph.ingest.extract.titles import title_score
from actorgraph.ingest.extract.tokens import span_root

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext, SpeaksFor
    from actorgraph.ingest.extract.dictionary import Role
    from actorgraph.ingest.extract.mentions import Mention
    from spacy.tokens import Token


class Speakers:
    """The ``speaks_for`` family on one document."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        #: people with a title and no actor beside it: (person, title, sentence)
        self._untied: list[tuple[str, str, int, int]] = []
        #: owner-less titles the talks' parties gave a state before they were settled
        self._by_parties: dict[str, str] = {}
        #: people whose title ties them to another person ("X, an adviser to Zelensky"):
        #: mention start -> that person; and (person, title, the other person, sentence)
        self._serves: dict[int, str] = {}
        self._served: list[tuple[str, str, str, int, int]] = []
        #: the actors of the offices of people named only as another's principal: still the
        #: document's actors, though no speaks_for of theirs is emitted (see :meth:`emit`)
        self.idle: set[str] = set()
        #: mediators whose only tie to a state is their nationality ("the Norwegian diplomat
        #: X, who mediated"): no principal of the fallback's or the reader's either
        self.home_only: set[str] = set()
        #: the dictionary's holders of offices named without a name as a clause's subject
        self._acting_offices: set[str] = set()

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
        respective_roles(ctx)
        represented_sides(ctx)  # "Russia was represented by Deputy Foreign Minister X"
        for m in ctx.mentions:
            if not m.actor or ctx.type_of(m.actor) != "person" or m.kind != "name":
                continue
            k = ctx.sent_of[m.start]
            left = left_role(ctx, m)
            found = left or right_role(ctx, m, self._serves)
            title, orgs, blocked = found if found else ("", [], False)
            if orgs and not blocked and nationality_only(ctx, title):
                office = tree_role(ctx, m)  # "the EU's envoy, the Swedish diplomat X"
                if office is not None and not nationality_only(ctx, office[0]):
                    title, orgs = office[0], [office[1]]
                elif mediating(ctx, m):  # "the Norwegian diplomat X, who mediated ...": a
                    self.home_only.add(m.actor)  # nationality is no mandate (issue 20F);
                    self._dictionary_roles(m.actor, "", k)  # an office they hold is
                    continue
            led = tree_role(ctx, m, led_only=True)
            if led is not None:  # the delegation one leads outweighs one's office
                title, orgs, blocked = led[0], [led[1]], False
            # a description without an owner beside a name whose principal is known says
            # no more ("Borrell, the veteran Spanish diplomat": his nationality)
            known = found is not None and not orgs and m.actor in ctx.principal
            if (blocked or not orgs) and not known:
                tree = tree_role(ctx, m) or appointed_role(ctx, m)
                if tree is not None:
                    title, orgs, blocked = tree[0], [tree[1]], False
            if blocked or self._reporter(m, title):
                continue  # "DW's chief political editor X" reports, speaks for no one
            if not orgs:
                org = affiliation(ctx, m)
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
            voice = voice_of(ctx, m, title) if title and m.actor not in ctx.principal else None
            if voice is not None:  # "The White House confirmed it. A spokeswoman, X, said"
                ctx.add_speaks(m.actor, voice, title, k, 0.6)
                ctx.register_role(title, m.actor, voice)
                continue
            if title and m.start in self._serves and m.actor not in ctx.principal:
                self._served.append((m.actor, title, self._serves[m.start], k, m.start))
                continue
            if title and m.actor not in ctx.principal:
                shared = coordinated_principal(ctx, m)
                if shared is not None:  # "German Chancellor X and Foreign Minister Y"
                    ctx.add_speaks(m.actor, shared, title, k, 0.75)
                    ctx.register_role(title, m.actor, shared)
                    continue
                self._untied.append((m.actor, title, k, m.start))
                parted = tie_to_government(ctx, m.actor, title, k, m.start)
                if parted is not None:
                    self._by_parties[m.actor] = parted
        untied_office_holders(ctx, self._untied)
        listed_members(ctx)
        paired_for(ctx)  # "the chief negotiators, A for the government and B for the ELN"

    def _unsettle(self, actor: str) -> SpeaksFor | None:
        """Drop (and return) the state the talks' parties gave an owner-less title before
        they were settled, where the settled parties no longer hold it and it is the
        person's only principal (issue 22S: "Istanbul (TDI): Pakistan agreed to resume talks
        with the Taliban in Istanbul" first made the venue a side, and "Defense Minister X"
        its minister)."""
        ctx = self.ctx
        state = self._by_parties.pop(actor, None)
        sf = ctx.speaks.get((actor, state or ""))
        if state is None or state in ctx.parties or sf is None:
            return None
        if ctx.principal.get(actor) is not sf:
            return None
        if any(x.source == actor and x is not sf for x in ctx.speaks.values()):
            return None
        del ctx.speaks[(actor, state)]
        del ctx.principal[actor]
        return sf

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
        second = right_role(ctx, m, self._serves)
        if second is None or second[2] or not second[1] or second[1][0] == first:
            return
        org = second[1][0]
        at = next((mm.start for mm in in_sent(ctx, k) if mm.start > m.end and mm.actor == org), 0)
        before = {t.lower_ for t in ctx.doc[max(0, at - 2) : at]}
        if "to" in before:  # "a member of the Kenyan mission to the United Nations": a brief
            return
        ctx.add_speaks(m.actor or "", org, second[0], k, 0.8)

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
        """ "The Qatari prime minister met ...": who holds the office (see
        :func:`.office_holders.unnamed_offices`)."""
        unnamed_offices(self.ctx, self._acting_offices)

    def emit(self) -> None:
        """One ``speaks_for`` relation per (person, actor) found (and, now that the
        parties are known where the text did not state them, the government titles)."""
        ctx = self.ctx
        for key, guess in list(ctx.speaks.items()):  # a later stage's guess at a mediator's
            if guess.source in self.home_only and guess.origin is not None:  # home state
                del ctx.speaks[key]
                if ctx.principal.get(guess.source) is guess:
                    del ctx.principal[guess.source]
        for actor, title, boss, k, at in self._served:  # "X, an adviser to Zelensky"
            sf = ctx.principal.get(boss)
            if sf is not None and actor not in ctx.principal:
                ctx.add_speaks(actor, sf.target, title, k, 0.7)
            elif actor not in ctx.principal:  # "X, an adviser to Y, said Kyiv insisted ..."
                voiced = clause_state(ctx, at)
                if voiced is not None:
                    ctx.add_speaks(actor, voiced, title, k, 0.6)
        for actor, title, k, at in self._untied:
            stale = self._unsettle(actor)
            tie_to_government(ctx, actor, title, k, at)
            if stale is not None and actor not in ctx.principal:  # no better state now
                ctx.speaks[(actor, stale.target)] = stale
                ctx.principal[actor] = stale
            if actor not in ctx.principal:
                tie_to_named_government(ctx, actor, title, k, at)
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
            title = root.head
            appointed = title.head.lemma_.lower() in ctx.lex.appointing_verbs
            if title.dep_ in ("dobj", "oprd") and appointed:
                return False  # "Kenya appointed X ambassador": the parser's compound is X's
            return ctx.title_at[title.i] is not None and title.i >= m.end
        own = title_words_before(doc, m.start - 1) + 1
        t = root
        for _ in range(4):
            if t.dep_ != "pobj" or t.head.lower_ not in PRINCIPAL_PREPS:
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

    def _titled_institution(self, m: Mention, state: str) -> str | None:
        """The body of its own a title of a state names between the state and the person
        (`speech.institutions`, issue 14o's convention): "Sudan's army chief X", "Lebanese
        Parliament speaker X", "X, Pakistan's army chief", "the speaker of the Iraqi
        parliament, X", or right before the state ("the speaker of the parliament of Iraq,
        X"), also after the name in the title's phrase ("X, a spokesman for the Sudanese
        army", issue 20F). None where the state's mention is not within a few words of the
        name or those words name no institution."""
        ctx = self.ctx
        doc = ctx.doc
        if ctx.type_of(state) != "state":
            return None
        k = ctx.sent_of[m.start]
        near = [
            mm
            for mm in ctx.mentions_in(ctx.sents[k])
            if mm.actor == state and (0 < m.start - mm.end <= 8 or 0 < mm.start - m.end <= 8)
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
