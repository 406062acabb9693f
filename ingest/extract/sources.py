"""Unnamed sources: speakers a reporter describes instead of naming.

"Israeli officials said …", "a senior diplomat said …", "two people familiar with the talks
said …", "critics argue …", "according to people briefed on the plan, …": the words are
reported speech like any other, but no actor of the story is the speaker. Such a speaker
becomes an *unnamed source*, an actor of this document only:

* its id is ``unnamed-<phrase>-<document hash>`` (never shared with another document, never
  found again by name, so no two articles' "officials" become one actor), its name the phrase
  as the text writes it ("a senior European diplomat"), its description says it is unnamed;
* its statements go on behalf of the actor that modifies an office-like head ("Israeli
  officials", "a Hamas spokesman", "aides to the president": the side they speak for), at a
  low confidence (``data/sources.yaml``); a described person with no such tie ("critics",
  "a Trump supporter", "analysts") speaks for nobody.

The head nouns are declarative (``data/sources.yaml`` and the lexicon's anonymous heads),
validated on load. Whatever the coreference rules resolve (a name, a role title whose holder
is known, "the group") never comes here: this is the fallback for a described speaker.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from actorgraph.graph.exchange import slugify
from actorgraph.ingest.extract.dictionary import UNNAMED_PREFIX
from actorgraph.ingest.extract.lexicon import DATA, CueSection, Words, read_cue_file
from actorgraph.ingest.extract.topics import phrase_text
from pydantic import Field

if TYPE_CHECKING:
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.records import Resolved
    from spacy.tokens import Token

DEFAULT_SOURCES = DATA / "sources.yaml"
#: the longest phrase kept as an unnamed source's name, in words
MAX_WORDS = 10
#: dependencies of the head whose words are no part of the source's name ("officials who
#: spoke with reporters", "a spokesman, who asked not to be named,")
_CUT = frozenset({"relcl", "appos", "punct", "cc", "conj", "advmod", "parataxis"})
DESCRIPTION = "unnamed source, as the document describes them"
#: how far back (in sentences) "the diplomat" finds "a senior diplomat"
RECALL_SENTENCES = 12


class SourcesFile(CueSection):
    """``data/sources.yaml`` as written."""

    version: int = 1
    heads: Words = Field(default_factory=list)
    not_heads: Words = Field(default_factory=list)
    confidence: float = Field(default=0.4, gt=0, le=1)
    bare_plurals: bool = False


@dataclass(frozen=True)
class SourceCues:
    heads: frozenset[str]
    not_heads: frozenset[str]
    confidence: float
    bare_plurals: bool = False

    @classmethod
    def load(cls, path: str | Path = DEFAULT_SOURCES) -> SourceCues:
        spec = read_cue_file(path, SourcesFile, "source cues")
        return cls(
            frozenset(spec.heads), frozenset(spec.not_heads), spec.confidence, spec.bare_plurals
        )


@lru_cache(maxsize=1)
def default_cues() -> SourceCues:
    return SourceCues.load()


@dataclass(frozen=True)
class Source:
    """An unnamed source as a statement's speaker."""

    actor: str
    principal: str | None
    confidence: float


class UnnamedSources:
    """The unnamed sources of one document."""

    def __init__(self, ctx: DocContext, cues: SourceCues | None = None) -> None:
        self.ctx = ctx
        self.cues = cues or default_cues()
        #: the singular sources made so far: (sentence, head lemma, source)
        self._seen: list[tuple[int, str, Source]] = []

    @staticmethod
    def is_unnamed(actor: str | None) -> bool:
        """Whether an actor is an unnamed source of this module's making."""
        return bool(actor) and actor.startswith(UNNAMED_PREFIX)  # type: ignore[union-attr]

    def is_source_head(self, head: Token) -> bool:
        """Whether a noun phrase's head describes a person who can be a source."""
        ctx = self.ctx
        if head.pos_ != "NOUN" or ctx.quote_of[head.i] >= 0:
            return False
        m = ctx.men[head.i]
        if m is not None and m.actor and m.kind in ("name", "metonym"):
            return False  # a name ("the Center for American Progress")
        lemma, low = head.lemma_.lower(), head.lower_
        if lemma in self.cues.not_heads or low in self.cues.not_heads:
            return False
        words = ctx.lex.anonymous | self.cues.heads
        return lemma in words or low in words

    def speaker(self, head: Token, resolved: list[Resolved]) -> Source | None:
        """The unnamed source a phrase headed by ``head`` describes, given what the resolver
        made of it (an anonymous office of an actor, or nothing); ``None`` when the phrase
        names an actor or describes no person."""
        if resolved and not resolved[0].anonymous:
            return None
        if not self.is_source_head(head):
            return None
        if any(c.dep_ == "det" and c.lower_ in ("no", "any", "every") for c in head.children):
            return None  # "no official said", "any diplomat would say"
        if (
            head.tag_ == "NNS"
            and not self.cues.bare_plurals
            and not resolved
            and not any(c.dep_ in ("nummod", "poss") for c in head.children)
        ):
            return None  # "officials said", "critics argue": no one in particular
        again = self._again(head)
        if again is not None:
            return again
        name = self.phrase(head)
        if not name:
            return None
        principal = resolved[0].actor if resolved else None
        if principal is None:  # "his spokesman", "their negotiators": the owner's side
            principal = self._owner(head)
        if principal is not None and self.ctx.type_of(principal) == "person":
            sf = self.ctx.principal.get(principal)  # "aides to the president": his side
            principal = sf.target if sf else principal
        src = Source(self.actor(name, head.i), principal, self.cues.confidence)
        if head.tag_ == "NN":
            self._seen.append((self.ctx.sent_of[head.i], head.lemma_.lower(), src))
        return src

    def _again(self, head: Token) -> Source | None:
        """ "A senior diplomat said … The diplomat said …": a definite singular description
        of a source described before (same head noun, within a few sentences) is that
        source."""
        if head.tag_ != "NN" or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children
        ):
            return None
        k = self.ctx.sent_of[head.i]
        lemma = head.lemma_.lower()
        for kk, seen, src in reversed(self._seen):
            if seen == lemma and 0 <= k - kk <= RECALL_SENTENCES:
                self._seen.append((k, lemma, src))  # spoken again: the latest source
                return src
        return None

    def pronoun(self, t: Token) -> Source | None:
        """ "A member of the delegation said … He added that …": "he"/"she" the resolver
        left unresolved, right after a singular source spoke, is that source."""
        if t.lower_ not in ("he", "she") or not self._seen:
            return None
        kk, lemma, src = self._seen[-1]
        k = self.ctx.sent_of[t.i]
        if not 0 <= k - kk <= 2:
            return None
        self._seen.append((k, lemma, src))
        return src

    def _owner(self, head: Token) -> str | None:
        """The actor a possessive pronoun before an office-like head stands for."""
        ctx = self.ctx
        if head.lemma_.lower() not in ctx.lex.anonymous:
            return None  # "his critics" speak for nobody of his
        poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if poss is None:
            return None
        with ctx.quietly():
            rs = ctx.resolve.resolve_np(poss)
        return rs[0].actor if rs and not rs[0].anonymous else None

    def phrase(self, head: Token) -> str:
        """The phrase as written, without relative clauses, appositions and what follows a
        comma ("a senior official, who asked not to be named," -> "a senior official")."""
        cut: set[int] = set()
        for c in head.children:
            if c.dep_ in _CUT:
                cut.update(x.i for x in c.subtree)
        # "a resident of Lashio reached by phone": the participle clause says how the source
        # was reached, not who they are; kept only where it is all the description there is
        # ("people briefed on the talks")
        kept = [c for c in head.children if c.i not in cut]
        if any(c.dep_ not in ("det", "nummod", "acl") for c in kept):
            for c in kept:
                if c.dep_ == "acl":
                    cut.update(x.i for x in c.subtree)
        toks = [x for x in head.subtree if x.i not in cut]
        run = [x for x in toks if x.i <= head.i]  # the words up to the head, contiguous
        while len(run) > 1 and run[-1].i - run[-2].i > 1:
            run.pop(-2)
        after: list[Token] = []
        for x in toks:  # the words after the head, to the first comma or dash
            if x.i <= head.i:
                continue
            if x.i != (after[-1].i if after else head.i) + 1 or x.is_punct:
                break
            after.append(x)
        words = [*run, *after]
        while words and (words[-1].is_punct or words[-1].dep_ in ("cc", "prep", "case")):
            words.pop()
        if len(words) > MAX_WORDS:
            words = [x for x in words if x.i <= head.i][-MAX_WORDS:]
        return phrase_text(words)

    def actor(self, name: str, token_i: int) -> str:
        """The document's unnamed-source actor for a phrase (one per phrase and document)."""
        ctx = self.ctx
        slug = slugify(name, 50)
        digest = hashlib.sha1(ctx.doc_id.encode()).hexdigest()[:8]
        aid = f"{UNNAMED_PREFIX}{slug}-{digest}"
        ctx.dict.new_unnamed(aid, name, DESCRIPTION)
        return aid
