"""The statements and relations a document yields, as exchange-format records.

Every record carries its evidence (the sentence, with character offsets), the document, the
document's date, a confidence and the extractor's origin. A relation found inside a statement
names it, and the statement lists the relation's topic in ``about``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from actorgraph.ingest.extract import stance_trace
from actorgraph.ingest.extract.normalize import fold
from actorgraph.ingest.extract.topics import Topic

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from spacy.tokens import Token


@dataclass
class Resolved:
    """A phrase resolved to an actor."""

    actor: str
    #: an unnamed individual ("an Israeli official"): fine for stances, not a statement's speaker
    anonymous: bool = False
    #: how: name, metonym, demonym, pronoun, role, organ, group, suborg, pair, party;
    #: "asker" keeps a person's stance their own (they ask the body they speak for)
    via: str = "name"


def _source(ctx: DocContext, r: Resolved) -> str:
    """Whose stance a resolved source's is: its principal's, unless it asks that principal."""
    return r.actor if r.via == "asker" else ctx.stance_source(r.actor)


class Records:
    """Collects a document's statements and relations (one per key)."""

    def __init__(self, ctx: DocContext, origin: str) -> None:
        self.ctx = ctx
        self.origin = origin
        self.statements: list[dict[str, Any]] = []
        self._by_id: dict[str, dict[str, Any]] = {}
        self.stmt_spans: list[tuple[int, int, str]] = []
        self.relations: list[dict[str, Any]] = []
        self._rel_keys: set[tuple[str, str, str, int]] = set()
        #: (type, source, target, start) of stances a person asks of the body they speak for
        self._askers: set[tuple[str, str, str, int]] = set()

    # ------------------------------------------------------------------ statements
    def statement(
        self,
        speaker: str,
        text: str,
        quote: bool,
        principal: str | None,
        start_tok: int,
        end_tok: int,
        confidence: float,
    ) -> str:
        """Record a statement (once per speaker and text); returns its id."""
        ctx = self.ctx
        text = " ".join(text.split())
        digest = hashlib.sha1(f"{speaker}\x1f{fold(text)}".encode()).hexdigest()[:12]
        sid = f"{ctx.doc_id}/{digest}"
        ctx.use(speaker, start_tok, speaker=True)
        if principal:
            ctx.use(principal, start_tok)
        if sid in self._by_id:
            return sid
        k = ctx.sent_of[start_tok]
        k2 = ctx.sent_of[max(start_tok, end_tok - 1)]
        ev, a, _ = ctx.sent_span(k)
        _, _, b = ctx.sent_span(max(k, k2))
        if k2 > k:
            ev = ctx.text[a:b]
        rec: dict[str, Any] = {
            "kind": "statement",
            "id": sid,
            "speaker": speaker,
            "text": " ".join(text.split()),
            "quote": quote,
        }
        if principal and principal != speaker:
            rec["on_behalf_of"] = principal
        if ctx.published:
            rec["date"] = ctx.published.isoformat()
        rec.update(
            {
                "document": ctx.doc_id,
                "about": [],
                "evidence": ev,
                "start": a,
                "end": b,
                "confidence": round(confidence, 2),
                "origin": self.origin,
            }
        )
        self.statements.append(rec)
        self._by_id[sid] = rec
        self.stmt_spans.append((start_tok, end_tok, sid))
        return sid

    def absorb(self, inner: str, outer: str) -> None:
        """Drop statement ``inner``, whose words statement ``outer`` holds (a quote inside
        the reported clause of the same speaker): one statement, not two."""
        rec = self._by_id.pop(inner, None)
        if rec is None or outer not in self._by_id:
            return
        self.statements.remove(rec)
        self.stmt_spans = [(a, b, outer if sid == inner else sid) for a, b, sid in self.stmt_spans]

    def release(self) -> None:
        """Cut the reference back to the document (see :meth:`DocContext.result`)."""
        self.ctx = None  # type: ignore[assignment]

    def get_statement(self, sid: str) -> dict[str, Any] | None:
        return self._by_id.get(sid)

    def statement_at(self, i: int) -> str | None:
        """The statement whose text holds token ``i``."""
        for a, b, sid in self.stmt_spans:
            if a <= i < b:
                return sid
        return None

    # ------------------------------------------------------------------ relations
    def relation(
        self,
        rtype: str,
        source: str,
        target: str,
        sent: int,
        confidence: float,
        statement: str | None = None,
        origin: str | None = None,
        **extra: Any,
    ) -> None:
        """Record a relation with sentence ``sent`` as evidence (once per key), marked with
        ``origin`` when it is not the current one (a fallback's role, emitted later)."""
        if source == target:
            return
        ctx = self.ctx
        ev, a, b = ctx.sent_span(sent)
        key = (rtype, source, target, a)
        if key in self._rel_keys:
            return
        self._rel_keys.add(key)
        rec: dict[str, Any] = {
            "kind": "relation",
            "type": rtype,
            "source": source,
            "target": target,
            "evidence": ev,
            "document": ctx.doc_id,
        }
        if statement:
            rec["statement"] = statement
        if ctx.published:
            rec["date"] = ctx.published.isoformat()
        rec.update(extra)
        rec.update(
            {
                "start": a,
                "end": b,
                "confidence": round(confidence, 2),
                "origin": origin or self.origin,
            }
        )
        self.relations.append(rec)

    def settle_stance_sources(self) -> None:
        """Give a person's stance to the body they speak for once every role is known: roles
        found after the stances (a title tied to the government of the talks, "his
        government" later in the sentence) make "President X refused ..." the state's. A
        stance that then repeats one already recorded goes."""
        ctx = self.ctx
        if stance_trace.TRACE is not None:
            stance_trace.TRACE.principals(ctx)
        kept: list[dict[str, Any]] = []
        for rec in self.relations:
            asker = (rec["type"], rec["source"], rec["target"], rec["start"]) in self._askers
            if (
                rec["type"] in ("demands", "rejects")
                and ctx.type_of(rec["source"]) == "person"
                and not asker
            ):
                src = ctx.stance_source(rec["source"])
                if src != rec["source"]:
                    key = (rec["type"], src, rec["target"], rec["start"])
                    if key in self._rel_keys or src == rec["target"]:
                        continue
                    self._rel_keys.add(key)
                    rec["source"] = src
            kept.append(rec)
        self.relations[:] = kept

    def stance(
        self,
        rtype: str,
        sources: Iterable[Resolved],
        target: Topic | str | None,
        cue: Token,
        confidence: float,
    ) -> None:
        """A ``demands`` or ``rejects`` from each source (a spokesperson's is the
        organization's), linked to the statement the cue is in."""
        if target is None:
            return
        ctx = self.ctx
        tid = target.id if isinstance(target, Topic) else target
        if rtype == "demands" and isinstance(target, Topic):
            ctx.topics.last_demand = target
            ctx.topics.last_demand_sent = ctx.sent_of[cue.i]
            for r in sources:
                ctx.topics.demand_of[_source(ctx, r)] = target
        sid = self.statement_at(cue.i)
        for r in sources:
            src = _source(ctx, r)
            ctx.use(src, cue.i)
            if not isinstance(target, Topic):
                ctx.use(target, cue.i)
            self.relation(rtype, src, tid, ctx.sent_of[cue.i], confidence, sid)
            if r.via == "asker":  # settle_stance_sources leaves it the person's
                self._askers.add((rtype, src, tid, ctx.sent_span(ctx.sent_of[cue.i])[1]))
            if sid is not None and isinstance(target, Topic):
                rec = self._by_id[sid]
                if target.id not in rec["about"]:
                    rec["about"].append(target.id)
