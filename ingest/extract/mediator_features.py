"""Features of a candidate mediator: an actor mention in a sentence flagged for mediation.

What the mediates reader (:mod:`.reader_mediates`) scores. Each feature describes the
*construction* the mention sits in, from the spaCy parse and from what the rules already know of
the actor, never its own words: the mention's dependency role and the word it hangs on ("pobj"
of "by" under *broker*, "poss" of *mediation*, "nsubj" of *host*), the path from it to the
sentence's root, the words around its head (the head's object: "hosted *talks*"), whether it is
a party of the talks, a side the sentence names, an observer, a speaker's principal, whether
its clause is negated or modal, its place before or after the root.

A feature is a string of its kind and its parts, hashed by :class:`.reader_features.FeatureBag`
(spaCy's 64-bit string ids, the same in every process, unlike Python's salted ``hash()``),
with the shared reader features of the mention's head against the nearest word of mediating
(:func:`.reader_features.add_candidate`: the dependency path, negation and modality on it).
Words enter as lemmas in hashed contexts only (a dependency and a head lemma together): the
model learns which constructions mediate from many conflicts, and leave-one-set-out measures
whether that carries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from actorgraph.ingest.extract import fallbacks
from actorgraph.ingest.extract.reader_features import (
    READER_FEATURES_VERSION,
    FeatureBag,
    add_candidate,
)

if TYPE_CHECKING:
    import numpy as np
    from actorgraph.ingest.extract.context import DocContext
    from actorgraph.ingest.extract.lexicon import Lexicon
    from actorgraph.ingest.extract.mentions import Mention
    from actorgraph.ingest.extract.parties import Parties
    from spacy.tokens import Span, Token

#: bump when the features change: a model trained on other features is refused on load
FEATURES_VERSION = 100 * READER_FEATURES_VERSION + 6
#: how far up the tree the path to the root is followed
_DEPTH = 5
#: the dependencies of a head's other children worth naming ("hosted *talks*", "brokered by")
_SIBLINGS = frozenset({"dobj", "nsubjpass", "attr", "prep", "agent", "acomp", "xcomp", "dative"})
#: the lexicon's word classes a token is described by (the lexicon's attribute names)
LEXICON_CLASSES = (
    "mediation_verbs",
    "mediation_nouns",
    "mediator_nouns",
    "mediator_role_nouns",
    "host_verbs",
    "talk_nouns",
    "effort_nouns",
    "meeting_verbs",
    "envoy_verbs",
    "leading_verbs",
    "backing_verbs",
    "through_verbs",
    "carry_verbs",
    "bridging_verbs",
    "credit_verbs",
    "role_verbs",
    "onlooker_verbs",
    "mediation_not_asserted",
    "speech_verbs",
    "deal_objects",
    "pursuit_verbs",
    "attendance_nouns",
    "mediation_office_titles",
    "demand_nouns",
    "reject_nouns",
    "refusals",
    "mediation_ending_verbs",
    "mediation_working_verbs",
)
#: the mediates fallback's word classes (:mod:`.fallback_mediates`) a token is described by
CUE_CLASSES = (
    "verbs",
    "talk_verbs",
    "nouns",
    "roles",
    "taking_part",
    "party_nouns",
    "envoys",
    "unsaid_nouns",
    "meetings",
    "third_party",
    "role_heads",
)
#: the classes of verbs, read only on a verb, and of nouns, read only on a noun
VERB_CLASSES = frozenset(
    c for c in LEXICON_CLASSES + CUE_CLASSES if c.endswith("verbs") or c == "refusals"
)
_POS_CLASSES = VERB_CLASSES | frozenset(
    c for c in LEXICON_CLASSES + CUE_CLASSES if c.endswith("nouns") or c in ("roles", "talks")
)
#: the classes that make a token a cue of mediating, whose path to a candidate is a feature
MEDIATING = frozenset(
    {
        "verbs",
        "talk_verbs",
        "nouns",
        "roles",
        "mediation_verbs",
        "mediation_nouns",
        "mediator_nouns",
        "host_verbs",
        "meeting_verbs",
        "envoy_verbs",
        "leading_verbs",
        "backing_verbs",
        "through_verbs",
        "role_heads",
        "effort_nouns",
    }
)


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def mention_root(ctx: DocContext, m: Mention) -> Token:
    """The mention's syntactic head: its token whose head lies outside it."""
    doc = ctx.doc
    for i in range(m.start, m.end):
        h = doc[i].head
        if h.i < m.start or h.i >= m.end or h.i == i:
            return doc[i]
    return doc[m.end - 1]


class WordClasses:
    """The classes of words of one lexicon and the fallback's cue file, by word."""

    def __init__(self, lex: Lexicon) -> None:
        from actorgraph.ingest.extract.fallback_mediates import cues_for

        cues = cues_for(lex)
        sets = {name: getattr(lex, name) for name in LEXICON_CLASSES}
        sets |= {name: getattr(cues, name) for name in CUE_CLASSES}
        self.by_word: dict[str, tuple[str, ...]] = {}
        for name, words in sets.items():
            for w in words:
                if isinstance(w, str):
                    self.by_word[w] = (*self.by_word.get(w, ()), name)

    def of(self, t: Token) -> tuple[str, ...]:
        """The classes of a token's lemma or word, a class of verbs only for a verb and one of
        nouns only for a noun ("pushing for a deal" is no effort noun)."""
        lemma, low = t.lemma_.lower(), t.lower_
        found = self.by_word.get(lemma, ())
        if lemma != low:
            found = tuple(dict.fromkeys(found + self.by_word.get(low, ())))
        verb = t.pos_ in ("VERB", "AUX") or t.tag_ in ("VBN", "VBG")
        return tuple(c for c in found if (c in VERB_CLASSES) == verb or c not in _POS_CLASSES)


@fallbacks.per_lexicon
def classes_for(lex: Lexicon) -> WordClasses:
    """The word classes of a lexicon (built once a lexicon)."""
    return WordClasses(lex)


def _path(a: Token, b: Token) -> tuple[str, int] | None:
    """The dependency path from ``a`` up to the common head and down to ``b``, and its length
    (``None`` when longer than the depth followed)."""
    up: dict[int, int] = {}
    cur, n = a, 0
    chain = [a]
    while True:
        up[cur.i] = n
        if cur.head.i == cur.i or n >= _DEPTH:
            break
        cur, n = cur.head, n + 1
        chain.append(cur)
    down: list[str] = []
    cur = b
    for _ in range(_DEPTH + 1):
        if cur.i in up:
            ups = [t.dep_ for t in chain[: up[cur.i]]]
            path = "^".join(ups) + "|" + "v".join(reversed(down))
            return path, len(ups) + len(down)
        if cur.head.i == cur.i:
            return None
        down.append(cur.dep_)
        cur = cur.head
    return None


#: the classes of what a cue of mediating is about: talks, a deal, a meeting
_TALKS = frozenset({"talk_nouns", "deal_objects", "meetings", "effort_nouns", "talks"})
#: the classes of cues that mediate only talks or a deal they govern ("hosted the talks", not
#: "hosted the concert"), like the loose fallback's ``talk_verbs``
TALKS_ONLY = frozenset(
    {"talk_verbs", "host_verbs", "leading_verbs", "backing_verbs", "meeting_verbs", "envoy_verbs"}
)


def unsaid(strings: list[str]) -> bool:
    """Whether a candidate's features say its nearest cue of mediating says no mediation: a cue
    negated or not asserted ("X, which is not mediating", "X would host"), or one that mediates
    only talks where none hang on it ("the concert was co-hosted by X")."""
    if "cue-negated" in strings or "cue-irrealis" in strings:
        return True
    return any(f"cue-no-talks|{c}" in strings for c in TALKS_ONLY)


def _nearest(wc: WordClasses, e: Token, sent: Span) -> tuple[int, str, str, Token] | None:
    best: tuple[int, str, str, Token] | None = None
    for t in sent:
        cls = [c for c in wc.of(t) if c in MEDIATING]
        if not cls or t.i == e.i:
            continue
        p = _path(e, t)
        if p is not None and (best is None or p[1] < best[0]):
            best = (p[1], p[0], cls[0], t)
    return best


def nearest_cue(wc: WordClasses, e: Token, sent: Span) -> Token | None:
    """The word of mediating nearest to ``e`` along the parse (none within reach: ``None``)."""
    best = _nearest(wc, e, sent)
    return best[3] if best is not None else None


def _cue_features(ctx: DocContext, wc: WordClasses, e: Token, sent: Span) -> list[str]:
    """The path to the nearest word of mediating in the sentence, with the word's class;
    whether that word is negated or not asserted, and whether talks or a deal hang on it."""
    best = _nearest(wc, e, sent)
    if best is None:
        return ["no-cue"]
    n, path, cls, cue = best
    out = [f"cue-path|{path}", f"cue-path-class|{path}|{cls}", f"cue-len|{min(n, 6)}"]
    near = [*cue.children, cue.head]
    if any(c.dep_ == "neg" for c in cue.children) or any(
        c.lower_ in ("without", "no") for c in near
    ):
        out.append("cue-negated")
    if ctx.irrealis(cue):
        out.append("cue-irrealis")
    near += [g for c in cue.children if c.dep_ in ("prep", "agent") for g in c.children]
    if any(set(wc.of(x)) & _TALKS for x in near):
        out.append(f"cue-talks|{cls}")
    else:
        out.append(f"cue-no-talks|{cls}")
    return out


def _effective(t: Token) -> tuple[Token, bool]:
    """The first of a list the token is joined in ("A and B brokered": B stands where A does)."""
    joined = False
    while t.dep_ == "conj" and t.head.i != t.i:
        t, joined = t.head, True
    return t, joined


def candidate_strings(
    ctx: DocContext, parties: Parties, sent: Span, k: int, m: Mention, n_candidates: int
) -> list[str]:
    """The features of mention ``m`` in sentence ``k`` as strings ``kind|part|...`` (hashed by
    :func:`candidate_features`)."""
    r = mention_root(ctx, m)
    e, joined = _effective(r)
    head = e.head
    out = ["bias", f"dep|{e.dep_}", f"dep-head|{e.dep_}|{_lemma(head)}", f"kind|{m.kind}"]
    out += [f"label|{m.label}", f"type|{ctx.type_of(m.actor or '')}"]
    out.append(f"n|{min(n_candidates, 4)}")
    if joined:
        out.append("joined")
    if head.dep_ in ("prep", "agent"):  # "by X", "of X", "between X and Y"
        gov = head.head
        out += [f"prep|{head.lower_}|{_lemma(gov)}", f"prep-pos|{head.lower_}|{gov.pos_}"]
        out.append(f"prep-dep|{head.lower_}|{gov.dep_}")
    out.append(f"head-pos|{e.dep_}|{head.pos_}|{head.tag_}")
    # the path to the root: its dependencies, and the words it passes
    deps, cur = [e.dep_], e
    for depth in range(1, _DEPTH + 1):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        out.append(f"anc|{_lemma(cur)}")
        if depth <= 2:
            out.append(f"anc-d|{depth}|{_lemma(cur)}")
        if any(c.dep_ == "neg" for c in cur.children):
            out.append("neg")
        out += [f"aux|{_lemma(c)}" for c in cur.children if c.dep_ == "aux" and c.tag_ == "MD"]
        if cur.lower_ == "between":
            out.append("in-between")
        deps.append(cur.dep_)
    out.append(f"path|{'/'.join(deps[:3])}")
    out.append(f"root|{_lemma(sent.root)}")
    out.append(f"dep-root|{e.dep_}|{_lemma(sent.root)}")
    out.append("before-root" if r.i < sent.root.i else "after-root")
    for c in head.children:  # the head's other words: "hosted the talks", "brokered by"
        if c.i != e.i and c.dep_ in _SIBLINGS:
            out.append(f"sib|{c.dep_}|{_lemma(c)}")
            out.append(f"sib-head|{_lemma(head)}|{c.dep_}|{_lemma(c)}")
    for c in r.children:  # "X, the mediator,", "X's envoy"
        if (c.i < m.start or c.i >= m.end) and c.dep_ in ("appos", "acl", "relcl", "prep"):
            out.append(f"kid|{c.dep_}|{_lemma(c)}")
    if e.dep_ == "appos":
        out.append(f"appos-of|{_lemma(head)}")
    wc = classes_for(ctx.lex)
    out += [f"head-class|{e.dep_}|{c}" for c in wc.of(head)]
    if head.dep_ in ("prep", "agent"):
        out += [f"prep-class|{head.lower_}|{c}" for c in wc.of(head.head)]
    cur = head
    for depth in range(1, 4):
        out += [f"anc-class|{c}" for c in wc.of(cur)]
        out += [f"anc-class-d|{depth}|{c}" for c in wc.of(cur)]
        if cur.head.i == cur.i:
            break
        cur = cur.head
    for c in head.children:
        if c.i != e.i and c.dep_ in _SIBLINGS:
            out += [f"sib-class|{c.dep_}|{x}" for x in wc.of(c)]
            out += [
                f"sib-class|{c.dep_}|{x}" for g in c.children if g.dep_ == "pobj" for x in wc.of(g)
            ]
    for c in r.children:
        if c.i < m.start or c.i >= m.end:
            out += [f"kid-class|{c.dep_}|{x}" for x in wc.of(c)]
    for i in range(m.start, m.end):  # "mediator X", "the Qatari envoy"
        out += [f"in-class|{x}" for x in wc.of(ctx.doc[i])]
    sf = ctx.principal.get(m.actor or "")
    if sf is not None and sf.title:
        out += [f"title-class|{x}" for w in sf.title.lower().split() for x in wc.by_word.get(w, ())]
    out += _cue_features(ctx, wc, e, sent)
    out += _knowledge(ctx, parties, k, m)
    if ctx.in_quote(r.i) is not None:
        out.append("in-quote")
    if any(t.lower_ == "between" for t in sent):
        out.append("sent-between")
    return out


def _knowledge(ctx: DocContext, parties: Parties, k: int, m: Mention) -> list[str]:
    """What the rules know of the actor: a party, a side named here, an observer, a person who
    speaks for a party."""
    a = m.actor or ""
    out = []
    if a in ctx.parties:
        out.append("party-stated" if ctx.parties_stated else "party-inferred")
    if a in parties.sides_in.get(k, ()):
        out.append("side-here")
    if a in ctx.observers:
        out.append("observer")
    if a in ctx.mediator_hints:
        out.append("mediator-hint")
    sf = ctx.principal.get(a)
    if sf is not None:
        out.append("for-party" if sf.target in ctx.parties else "speaks-for")
    if not ctx.parties:
        out.append("no-parties")
    return out


def candidate_features(
    ctx: DocContext, sent: Span, m: Mention, strings: list[str], n_features: int
) -> np.ndarray:
    """The hashed features of a candidate: its ``strings`` (:func:`candidate_strings`, each
    ``kind|part|...``) and the shared reader features of its head against the nearest cue of
    mediating (else the sentence's root), :func:`.reader_features.add_candidate`."""
    bag = FeatureBag()
    for s in strings:
        kind, *parts = s.split("|")
        bag.add(kind, *parts[:3], *(["|".join(parts[3:])] if len(parts) > 3 else []))
    e, _ = _effective(mention_root(ctx, m))
    cue = nearest_cue(classes_for(ctx.lex), e, sent)
    add_candidate(bag, "mediator", e, cue if cue is not None else sent.root)
    return bag.indices(n_features)
