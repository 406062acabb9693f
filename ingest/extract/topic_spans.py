"""What a stance is about when the object's head says nothing by itself.

Shared by the demand and rejection rules (through :class:`.targets.Targets`):

- an urged act with no content ("urged the parties to use these days well", "pressed both
  governments to keep talking", "to show courage and realism"): :func:`contentless_act`;
- a head that names no content of its own ("brushed the idea aside", "rejects that route",
  "a corridor ..., an idea Yerevan rejected"): :func:`abstract_head` says whether the head
  is one, :func:`bare` whether nothing in its phrase says what it is;
- the content of a relative clause after a shell noun ("any arrangement that would let the
  rebels keep their own administration"): :func:`clause_content`;
- a relative clause the parser hung on the verb as its complement ("demanded the release of
  hundreds of prisoners, some of whom were accused of X"): :func:`hung_relative`, no part of
  what is asked.

The word lists are the lexicon's (``demands.contentless_acts``, ``demands.contentless_nouns``,
``topics.abstract_heads``); the tests here are structural (dependency roles, parts of speech).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from actorgraph.ingest.extract.lexicon import Lexicon
    from spacy.tokens import Token

#: subjects that only link a clause to what it modifies ("a plan that places ...")
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
#: words of a relative clause that only link it to its head ("in which", "that", "whereby")
RELATIVE_WORDS = RELATIVE_PRONOUNS | {"where", "whereby"}
#: parts of a clause that carry no content of their own
NO_CONTENT_DEPS = frozenset({"aux", "auxpass", "punct", "det", "mark", "neg", "cc", "case"})


def _subjects(act: Token) -> set[int]:
    """Tokens of the act's own subject ("the parties" in "urged the parties use ..."): the
    addressees, who are no content."""
    out: set[int] = set()
    for c in act.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            out.update(t.i for t in c.subtree)
    return out


def contentless_act(act: Token, lex: Lexicon, alone: bool = False) -> bool:
    """Whether an urged act asks for nothing of substance: its verbs are all generic verbs of
    conduct or talking ("keep talking", "use these days well", "show courage", "keep open lines
    of communication") and its nouns all name time, talk, conduct or the parties; a named actor,
    a number or any other noun is content ("keep talking to Hamas", "release the hostages").
    ``alone``: the act without the acts conjoined to it ("seize the moment" of "seize the
    moment and agree to a ceasefire")."""
    if act.lemma_.lower() not in lex.contentless_acts:
        return False
    skip = _subjects(act)
    if alone:
        skip |= {t.i for c in act.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    nouns = lex.contentless_nouns | lex.general_appeals
    for t in act.subtree:
        if t.i in skip or t.dep_ in NO_CONTENT_DEPS:
            continue
        low, lemma = t.lower_, t.lemma_.lower()
        if t.pos_ in ("PROPN", "NUM"):
            return False
        if t.pos_ == "VERB" and lemma not in lex.contentless_acts:
            return False
        if t.pos_ == "NOUN" and low not in nouns and lemma not in nouns:
            return False
    return True


def abstract_head(head: Token, lex: Lexicon) -> bool:
    """Whether a phrase's head names no content of its own ("the idea", "that route", "the
    whole exercise", "one")."""
    return head.pos_ in ("NOUN", "PRON", "NUM") and head.lemma_.lower() in lex.abstract_heads


def bare(head: Token, lex: Lexicon) -> bool:
    """Whether nothing in the phrase says what the abstract head is: only determiners and
    words the topic drops ("the whole exercise", "that route"), no preposition, modifier or
    clause of its own ("the idea of a federation", "the two-state route" say it)."""
    for c in head.children:
        if c.dep_ in ("det", "punct", "predet"):
            continue
        if c.dep_ in ("amod", "advmod") and c.lower_ in lex.topic_drop:
            continue
        if c.dep_ == "relcl" and not _linked(c):
            continue  # "the idea Yerevan rejected": the stance's own clause
        return False
    return True


def _linked(rel: Token) -> bool:
    """A relative clause opened by a relative word ("in which ...", "that would ...")."""
    first = next(iter(rel.subtree))
    return first.lower_ in RELATIVE_WORDS or (
        first.dep_ == "prep" and any(g.lower_ in RELATIVE_WORDS for g in first.children)
    )


def clause_content(rel: Token, limit: int = 12) -> list[Token]:
    """The words of a relative clause that say what its head is, in text order: the clause
    without its linking words and auxiliaries ("that would let the rebels keep their own
    administration" -> let rebels keep own administration; "in which the Houthis control oil
    revenues alone" -> Houthis control oil revenues alone)."""
    out: list[Token] = []
    for t in rel.subtree:
        if t.dep_ in NO_CONTENT_DEPS or t.lower_ in RELATIVE_WORDS:
            continue
        if t.dep_ == "prep" and any(g.lower_ in RELATIVE_WORDS for g in t.children):
            continue  # the "in" of "in which"
        if t.pos_ == "PRON" and t.dep_ == "poss":
            continue
        out.append(t)
        if len(out) >= limit:
            break
    return out


def hung_relative(clause: Token) -> bool:
    """Whether a clause the parser made the verb's complement is a relative clause on the
    phrase before it: its subject opens with a relative word, alone or after a quantity ("...,
    some of whom were accused of X", "..., most of which ...", "..., who ..."), and a comma
    comes between it and the verb."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i > clause.i:
        return False
    first = next(iter(subj.subtree))
    before = first.nbor(-1) if first.i > 0 else None
    if before is None or before.lower_ != "," or before.i <= clause.head.i:
        return False
    if first.lower_ in RELATIVE_PRONOUNS:
        return True  # "..., who were detained last year"
    return any(  # "..., some of whom", "..., most of which"
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(g.lower_ in RELATIVE_PRONOUNS for g in c.children)
        for c in subj.children
    )
