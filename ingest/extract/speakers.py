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
