"""An optional trace of the stance rules (issue 23S): which cue words each sentence sent to
the rules, what each rule put forward (holders, targets) and why :meth:`StanceRules._emit`
dropped it. ``bench/stance_stages.py`` reads it to tell, for each missed gold stance, the stage
that failed. Off by default: the rules test one module global, :data:`TRACE`, and do nothing
more while it is None.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.records import Resolved
    from actorgraph.ingest.extract.topics import Topic
    from spacy.tokens import Token

#: the subject relations of a cue: who the rule would take as the holder
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "agent"})


@dataclass
class StanceTrace:
    """What the stance rules saw and did, one event per cue and per proposed stance."""

    events: list[dict[str, Any]] = field(default_factory=list)
    #: each document's sentences, by document id (to place the gold's evidence)
    sentences: dict[str, list[str]] = field(default_factory=dict)

    def begin(self, ctx: DocContext) -> None:
        """A document's stances are about to be read."""
        self.sentences[ctx.doc_id] = [s.text for s in ctx.sents]

    def principals(self, ctx: DocContext) -> None:
        """Whom each person speaks for, and with what title, once every role is known."""
        self.events.append(
            {
                "event": "principals",
                "doc": ctx.doc_id,
                "sent": -1,
                "of": {a: (sf.target, sf.title) for a, sf in ctx.principal.items()},
            }
        )

    def cue(self, ctx: DocContext, t: Token) -> None:
        """A cue word handed to the rules, with its subject (the holder a rule looks for
        first) and whether that subject is an actor's mention."""
        subj = _subject(t)
        men = ctx.men[subj.i] if subj is not None else None
        self.events.append(
            {
                "event": "cue",
                "doc": ctx.doc_id,
                "sent": ctx.sent_of[t.i],
                "lemma": t.lemma_.lower(),
                "pos": t.pos_,
                "dep": t.dep_,
                "quoted": ctx.in_quote(t.i) is not None,
                "subject": subj.text if subj is not None else None,
                "subject_pos": subj.pos_ if subj is not None else None,
                "subject_actor": men.actor if men is not None else None,
            }
        )

    def proposed(
        self,
        ctx: DocContext,
        rtype: str,
        sources: list[Resolved],
        cue: Token,
        judged: list[tuple[Topic | str | None, str | None]],
    ) -> None:
        """A stance a rule put forward: each target with the reason it was dropped (None:
        recorded)."""
        for target, dropped in judged:
            name = target if isinstance(target, str) or target is None else target.name
            self.events.append(
                {
                    "event": "proposed",
                    "doc": ctx.doc_id,
                    "sent": ctx.sent_of[cue.i],
                    "type": rtype,
                    "lemma": cue.lemma_.lower(),
                    "sources": [(r.actor, ctx.stance_source(r.actor), r.via) for r in sources],
                    "targets": [] if name is None else [name],
                    "dropped": dropped,
                    "fallback": "fallback" in ctx.out.origin,
                }
            )


#: the trace being written; None (the default) leaves the rules untraced
TRACE: StanceTrace | None = None


def _subject(t: Token) -> Token | None:
    """The subject of a cue, or of the verb a cue noun or infinitive hangs on."""
    for w in (t, t.head, t.head.head):
        s = next((c for c in w.children if c.dep_ in _SUBJECTS), None)
        if s is not None:
            if s.dep_ == "agent":
                s = next((g for g in s.children if g.dep_ == "pobj"), s)
            return s
        if w.dep_ not in ("xcomp", "dobj", "pobj", "prep", "ccomp", "acl", "relcl"):
            break
    return None
