"""Kinds of the speakers ``actorgraph eval --polnear`` counts wrong (issue 23K).

    .venv/bin/python bench/polnear_speakers.py SPLIT_DIR [--limit N] [--offset K] [--show KIND]

Extracts the articles of a PolNeAR split (``data/train`` or ``data/dev``; never the test
split), matches statements to attributions as :func:`actorgraph.ingest.evaluate.score_attributions`
does, and sorts each matched pair whose speaker the scorer counts wrong into a kind:

* ``scorer: relative source``: the gold source is "who"/"which"/"that", which the scorer takes
  for a name that no speaker's name contains;
* ``scorer: pronoun chained to a relative or a description``: a pronoun source is replaced by
  the nearest source before it that is no pronoun, and that one is "who" or a description;
* ``scorer: description source``: "the governor", "the group" (counted wrong by design even
  where the speaker is the one described);
* ``scorer: pronoun, speaker an earlier source``: the nearest earlier source is someone else,
  but the speaker is a source named earlier in the article (mostly the pronoun's real
  antecedent: "A ... B said ... She says");
* ``pronoun, speaker no earlier source``: likely a wrong antecedent;
* ``named, speaker a place or body``: a person named as the source, a state or organization
  extracted (a dateline, a place in the adjunct, a name in the quote);
* ``named, nested attribution``: the source is the outlet or report of "according to X",
  "X reported", the extracted speaker the one quoted in it;
* ``named, alias missing``: the speaker shares the source's surname, but none of its names is
  the form the article used ("Ms. Roe" for "Jane Roe");
* ``named, another person``: the rest (wrong subject, wrong pairing of two attributions).

Prints the scores, then the counts per kind. ``--show KIND`` prints the cases of one kind
(source, speaker's names, cue, sentence) for reading; never commit what it prints.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from typing import Any

from actorgraph.ingest.articles import Article
from actorgraph.ingest.evaluate import (
    _PRONOUNS,
    _positions,
    _statement_positions,
    _word_spans,
    fold,
    match_contents,
    polnear_documents,
    source_matches,
)
from actorgraph.ingest.service import make_extractor
from actorgraph.settings import Settings

_RELATIVES = frozenset({"who", "which", "that", "whom", "whose"})
_DESCRIPTION = re.compile(
    r"(?i)^(?:the|a|an|one|two|three|some|many|several|another|this|these|those|his|her|"
    r"their|its)\b"
)
_NAMED = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+")
_NESTED = re.compile(r"(?i)according to|report|told|wrote|tweet|poll|survey|study|article")


def _described(text: str) -> bool:
    return bool(_DESCRIPTION.match(text.strip())) and not _NAMED.search(text)


def kind_of(
    gold_src: str,
    resolved: str,
    names: set[str],
    speaker_type: str,
    earlier_sources: list[str],
    cue: str,
) -> str:
    """The kind of one wrong speaker (see the module docstring)."""
    g, res = gold_src.strip(), resolved.strip()
    pronoun = fold(g) in _PRONOUNS
    if fold(g) in _RELATIVES:
        return "scorer: relative source"
    if pronoun and (fold(res) in _RELATIVES or _described(res)):
        return "scorer: pronoun chained to a relative or a description"
    if _described(g):
        return "scorer: description source"
    if pronoun:
        if source_matches(names, earlier_sources):
            return "scorer: pronoun, speaker an earlier source"
        return "pronoun, speaker no earlier source"
    if speaker_type != "person":
        return "named, speaker a place or body"
    if _NESTED.search(cue) or _NESTED.search(g):
        return "named, nested attribution"
    words = set(re.findall(r"\w+", res.lower()))
    if any(n.split()[-1].lower() in words for n in names if n.split()):
        return "named, alias missing"
    return "named, another person"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("split")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--show", default=None, help="print the cases of this kind")
    args = ap.parse_args()
    docs = list(polnear_documents(args.split))[args.offset :]
    docs = docs[: args.limit] if args.limit else docs
    ex = make_extractor(Settings(), n_process=1)
    arts = [
        Article(id=d, title=t.split("\n", 1)[0][:200], text=t, published=p) for d, t, p, _ in docs
    ]
    per: dict[str, list[dict[str, Any]]] = {}
    current: list[dict[str, Any]] = []
    for rec in ex.extract(arts):
        if rec["kind"] == "document":
            per[rec["id"]] = current = []
        current.append(rec)
    kinds: Counter[str] = Counter()
    right = matched = 0
    for doc_id, text, _, gold in docs:
        records = per.get(doc_id, [])
        actors = {r["id"]: r for r in records if r["kind"] == "actor"}

        def names_of(aid: str, actors: dict[str, dict[str, Any]] = actors) -> set[str]:
            r = actors.get(aid)
            own = {r["name"], *r.get("aliases", [])} if r else set()
            return own | ex.dictionary.names_of(aid)

        words = _word_spans(text)
        g_pos = [_positions(words, g.content) for g in gold]
        stmts = [r for r in records if r.get("kind") == "statement"]
        p_pos = [_statement_positions(words, s) for s in stmts]

        sources = sorted(
            (g.source[0][0], " ".join(text[a:b] for a, b in g.source)) for g in gold if g.source
        )
        named = [(s, t) for s, t in sources if fold(t) not in _PRONOUNS]
        for i, j in match_contents(p_pos, g_pos).items():
            g = gold[j]
            if not g.source:
                continue
            at = g.source[0][0]
            src = resolved = " ".join(text[a:b] for a, b in g.source)
            if fold(src) in _PRONOUNS:
                before = [t for s, t in named if s < at]
                if not before:
                    continue
                resolved = before[-1]
            matched += 1
            names = names_of(stmts[i]["speaker"])
            if source_matches(names, [resolved]):
                right += 1
                continue
            speaker = actors.get(stmts[i]["speaker"], {})
            cue = " ".join(text[a:b] for a, b in g.cue)
            earlier = [t for s, t in named if s < at]
            kind = kind_of(src, resolved, names, speaker.get("type", "?"), earlier, cue)
            kinds[kind] += 1
            if args.show and kind.startswith(args.show):
                a, b = int(stmts[i].get("start", 0)), int(stmts[i].get("end", 0))
                said = text[a:b][:200]
                print(f"{src!r} ~ {resolved[:40]!r} | {sorted(names)[:3]} | {cue} | {said!r}")
    wrong = matched - right
    print(
        f"{len(docs)} articles, {matched} matched pairs with a source: {right} right, {wrong} wrong"
    )
    for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:5d}  {kind}")
    artefacts = sum(n for k, n in kinds.items() if k.startswith("scorer:"))
    print(
        f"speaker right {right / max(matched, 1):.3f}; without the scorer's kinds "
        f"{right / max(matched - artefacts, 1):.3f} ({artefacts} of {wrong} wrong are the scorer's)"
    )


if __name__ == "__main__":
    main()
