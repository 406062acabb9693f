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

from datetime import date
from typing import TYPE_CHECKING, Any

from actorgraph.ingest.extract.titles import title_score

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.dictionary import Role
    from actorgraph.ingest.extract.mentions import Mention
    from spacy.tokens import Token


class Speakers:
    """The ``speaks_for`` family on one document."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx

    def find_roles(self) -> None:
        """Roles of the people named in the document (before statements and stances)."""
        ctx = self.ctx
        for m in ctx.mentions:
            if not m.actor or ctx.type_of(m.actor) != "person" or m.kind != "name":
                continue
            k = ctx.sent_of[m.start]
            found = self._left_role(m) or self._right_role(m)
            title, orgs, blocked = found if found else ("", [], False)
            if blocked or not orgs:
                tree = self._tree_role(m)
                if tree is not None:
                    title, orgs, blocked = tree[0], [tree[1]], False
            if blocked:
                continue
            if title:
                ctx.register_role(title, m.actor)
            if title and orgs:
                org = orgs[0]
                role = self._dict_role(m.actor, title, org)
                if role is not None and role.of != org:  # a part of the org the text names
                    org = role.of
                ctx.add_speaks(m.actor, org, title, k, 0.85, role)
                ctx.register_role(title, m.actor, org)
                continue
            self._dictionary_roles(m.actor, title, k)

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
            title, blocked = ctx.resolve.title_phrase(head)
            if blocked or title is None:
                continue
            mods = ctx.resolve.modifier_actors(head)
            if mods:
                holder = ctx.resolve.office_holder(head, title, mods[0])
                if holder:
                    ctx.use(holder, s)

    def emit(self) -> None:
        """One ``speaks_for`` relation per (person, actor) found."""
        ctx = self.ctx
        for sf in ctx.speaks.values():
            ctx.use(sf.source, ctx.sents[sf.sent].start)
            ctx.use(sf.target, ctx.sents[sf.sent].start)
            extra: dict[str, Any] = {}
            if sf.role is not None:
                if sf.role.start:
                    extra["valid_from"] = sf.role.start.isoformat()
                if sf.role.end:
                    extra["valid_to"] = sf.role.end.isoformat()
            ctx.out.relation("speaks_for", sf.source, sf.target, sf.sent, sf.confidence, **extra)

    # ------------------------------------------------------------------ owners
    def _tree_role(self, m: Mention) -> tuple[str, str] | None:
        """A role whose actor the parse gives, named or described: "the government's chief
        negotiator, X", "X, a member of the group's political bureau", "union president X",
        "X, who heads the rebel delegation", "the army's delegation, led by X", "his Serbian
        counterpart, X". Returns the title and the actor."""
        ctx = self.ctx
        doc = ctx.doc
        root = doc[m.start : m.end].root
        heads: list[Token] = []
        relcl: list[Token] = []  # "its" there is the phrase's own ("who chairs its committee")
        if root.dep_ == "appos" and (
            self._role_noun(root.head) or root.head.lemma_.lower() in ctx.lex.body_nouns
        ):
            heads.append(root.head)  # "the TPLF delegation, headed by ..., X"
        for c in root.children:
            own = m.start <= c.i < m.end
            if c.dep_ in ("appos", "compound") and not own and self._role_noun(c):
                heads.append(c)
        # "X, who heads the rebel delegation", "X, a former minister who serves as ..."
        for c in [root, *(c for c in root.children if c.dep_ == "appos")]:
            for v in c.children:
                if v.dep_ == "relcl" and v.lemma_.lower() in ctx.lex.heading_verbs:
                    relcl += [n for n in _objects(v) if n.pos_ in ("NOUN", "PROPN")]
        if root.dep_ == "pobj" and root.head.dep_ == "agent":
            verb = root.head.head
            if verb.lemma_.lower() in ctx.lex.heading_verbs and verb.dep_ == "acl":
                heads.append(verb.head)  # "the army's delegation, led by X"
        for h in heads + relcl:
            if any(c.lower_ in ctx.lex.role_blockers for c in h.children):
                continue
            owner = self._owner(h, m, pronouns=h not in relcl)
            if owner is not None:
                title = ctx.resolve.title_phrase(h)[0] or f"head of {h.lower_}"
                return title, owner
        return None

    def _role_noun(self, t: Token) -> bool:
        return self.ctx.title_at[t.i] is not None or t.lemma_.lower() in self.ctx.lex.role_nouns

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
            if mm is not None and mm.actor and not mm.place:
                ctx.new_actor_for(mm)
                if mm.actor and ctx.type_of(mm.actor) != "person":
                    ctx.use(mm.actor, mm.start, mm.text)
                    return mm.actor
        for c in cands:
            if ctx.men[c.i] is not None or (ctx.title_at[c.i] is not None and c.i != h.i):
                continue
            if c.pos_ == "PRON" and not pronouns:
                continue
            found = ctx.resolve.described_owner(c)
            if found is not None:
                return found
        return None

    # ------------------------------------------------------------------ helpers
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

    def _left_role(self, m: Mention) -> tuple[str, list[str], bool] | None:
        ctx = self.ctx
        doc = ctx.doc
        k = ctx.sent_of[m.start]
        i = m.start - 1
        if i > 0 and doc[i].text == "," and ctx.title_at[i - 1] is not None:
            i -= 1  # "Qatar's emir, Sheikh Tamim"
        titles: list[str] = []
        orgs: list[str] = []
        blocked = False
        steps = 0
        while i >= 0 and steps < 10 and ctx.sent_of[i] == k:
            t = doc[i]
            span = ctx.title_at[i]
            mm = ctx.men[i]
            if span is not None and (mm is None or mm.actor is None):
                titles.append(doc[span[0] : span[1]].text)
                i = span[0] - 1
            elif mm is not None:
                ctx.new_actor_for(mm)
                if not mm.actor or ctx.type_of(mm.actor) == "person":
                    break
                orgs.append(mm.actor)
                ctx.use(mm.actor, mm.start, mm.text)
                i = mm.start - 1
            elif t.lower_ in ctx.lex.role_blockers:
                blocked = True
                i -= 1
            elif (
                t.tag_ in ("POS", "HYPH") or t.text in ("'", "’", "-") or t.lower_ in ("of", "for")
            ) or (t.pos_ in ("ADJ", "NOUN") and t.dep_ in ("amod", "compound", "nmod")):
                i -= 1
            else:
                break
            steps += 1
        if not titles:
            return None
        return titles[0], orgs, blocked

    def _right_role(self, m: Mention) -> tuple[str, list[str], bool] | None:
        ctx = self.ctx
        doc = ctx.doc
        j = m.end
        if j >= len(doc) or doc[j].text != ",":
            return None
        k = ctx.sent_of[m.start]
        j += 1
        titles: list[str] = []
        orgs: list[str] = []
        blocked = False
        steps = 0
        while j < len(doc) and steps < 12 and ctx.sent_of[j] == k:
            t = doc[j]
            if t.text in (",", ";", ".", ")", ":") or t.tag_.startswith("VB"):
                break
            span = ctx.title_at[j]
            mm = ctx.men[j]
            if span is not None and (mm is None or mm.actor is None):
                titles.append(doc[span[0] : span[1]].text)
                j = span[1]
            elif mm is not None:
                ctx.new_actor_for(mm)
                if not mm.actor or ctx.type_of(mm.actor) == "person":
                    return None
                orgs.append(mm.actor)
                ctx.use(mm.actor, mm.start, mm.text)
                j = mm.end
            else:
                if t.lower_ in ctx.lex.role_blockers:
                    blocked = True
                j += 1
            steps += 1
        if not titles:
            return None
        return titles[0], orgs, blocked


def _objects(v: Token) -> list[Token]:
    """What a verb of heading heads: "heads the delegation", "presides over the assembly",
    "serves as the bloc's high representative"."""
    out = [c for c in v.children if c.dep_ in ("dobj", "attr")]
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in ("over", "as"):
            out += [p for p in c.children if p.dep_ == "pobj"]
    return out
