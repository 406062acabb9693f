"""Why demands and rejections are missed, stage by stage (issue 23S).

    .venv/bin/python bench/stance_stages.py SET_DIR [SET_DIR ...] [--detail]

A set is ``SET_DIR/articles/*.txt`` with ``SET_DIR/gold/<stem>.gold.jsonl``. Every article is
extracted with the stance trace on (:mod:`actorgraph.ingest.extract.stance_trace`) and scored
against its gold (``actorgraph eval --gold``'s matching). Each **missed** gold demand or
rejection gets the first stage that failed, in the order of the pipeline:

* ``evidence not found``: no sentence of the article begins the gold's evidence;
* ``no cue``: no cue word in the sentence, and no rule proposed a stance there;
* ``cue, no stance: subject is an actor | a pronoun | a noun, no actor | no subject``: cue
  words reached the rules but none proposed a stance of the family; the cue's subject (or
  that of the verb it hangs on) says whether the holder or the frame is what failed;
* ``proposed, dropped: <reason>``: a rule proposed it and :meth:`StanceRules._emit` dropped
  it (disowned, asked, no holder, no target, general appeal, vacuous, ...);
* ``recorded, gone``: recorded, then gone before the output (a person's stance moved to a
  principal, merged with another, an actor not kept);
* ``holder wrong: person | actor``: a stance of the family in that sentence, held by another
  (a person: one who speaks for no actor found);
* ``topic differs``: the right holder in that sentence, a target the gold's keywords miss.

Each is also marked with where the gold's holder is named: in the sentence, only in the two
before, elsewhere, and whether extraction made it an actor at all. Each **false** stance gets
a kind: ``no gold stance in the sentence``, ``holder wrong``, ``topic differs``, crossed with
its holder (a person with no principal, an actor the gold does not hold, a gold actor) and
whether a fallback found it.

Counts only by default (safe on sets nobody may read); ``--detail`` prints each item with its
sentence and the trace (development sets only).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from actorgraph.ingest.articles import read_article_file
from actorgraph.ingest.evaluate import by_document, score_gold
from actorgraph.ingest.extract import Extractor, stance_trace
from actorgraph.ingest.extract.detector_labels import words
from actorgraph.ingest.extract.lexicon import Lexicon
from actorgraph.ingest.extract.normalize import name_key

FAMILIES = ("demands", "rejects")

#: the lexicon's cue classes, by family, to tell which kind of cue a sentence had and no rule
#: read (the first class that holds the cue's lemma names it)
CUE_CLASSES = {
    "demands": (
        "demand_verbs", "demand_nouns", "demand_list_nouns", "condition_nouns", "need_nouns",
        "insist_verbs", "threat_verbs", "dependence", "modals", "necessity",
    ),
    "rejects": (
        "reject_verbs", "reject_nouns", "negated_acceptance", "reject_predicates", "opposed",
        "unwilling", "evaluation_verbs", "concessions", "departures",
    ),
}  # fmt: skip
_HEAD = 40  # as :mod:`.detector_labels`: characters of words that make two texts one sentence


def _gold(set_dir: Path) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for f in sorted((set_dir / "gold").glob("*.jsonl")):
        out[f.name.split(".")[0]] = [json.loads(x) for x in f.read_text().splitlines() if x]
    return out


def _sentences_of(evidence: str, sents: list[str]) -> set[int]:
    ev = words(evidence)
    if not ev:
        return set()
    return {k for k, s in enumerate(sents) if s and (ev[:_HEAD] in s or s[:_HEAD] in ev)}


class _Doc:
    """One article: its sentences (as words), actors on both sides, the trace's events."""

    def __init__(
        self,
        sents: list[str],
        pred: list[dict[str, Any]],
        gold: list[dict[str, Any]],
        events: list[dict[str, Any]],
    ) -> None:
        self.raw = sents
        self.sents = [words(s) for s in sents]
        self.pred, self.gold, self.events = pred, gold, events
        self.g_names = _names(gold)
        self.p_names = _names(pred)
        self.p_type = {r["id"]: r.get("type") for r in pred if r.get("kind") == "actor"}
        self.g_topics = {r["id"]: r for r in gold if r.get("kind") == "topic"}
        self.p_topics = {r["id"]: r for r in pred if r.get("kind") == "topic"}
        self.principal: dict[str, tuple[str, str]] = {}
        for e in events:
            if e["event"] == "principals":
                self.principal.update(e["of"])

    def where(self, rec: dict[str, Any]) -> set[int]:
        return _sentences_of(str(rec.get("evidence") or ""), self.sents)

    def same(self, p_ref: str, g_ref: str) -> bool:
        return bool(
            self.p_names.get(p_ref, {name_key(p_ref)}) & self.g_names.get(g_ref, {name_key(g_ref)})
        )

    def holder_named(self, g_ref: str, k: set[int]) -> str:
        names = {words(n) for n in self.g_names.get(g_ref, set())} - {""}

        def named(i: int) -> bool:
            return 0 <= i < len(self.sents) and any(f" {n} " in f" {self.sents[i]} " for n in names)

        if any(named(i) for i in k):
            return "in the sentence"
        if any(named(i - d) for i in k for d in (1, 2)):
            return "two before"
        return "elsewhere"

    def is_actor(self, g_ref: str) -> bool:
        return any(self.same(p, g_ref) for p in self.p_names)


#: title words by kind of office, to count a person's stances by the office they hold
_OFFICES = (
    ("spokesperson", ("spokes", "press secretary", "communications")),
    ("head", ("president", "prime minister", "premier", "king", "emir", "chancellor", "leader")),
    ("head", ("chair", "head", "chief", "sultan", "prince", "commander", "general")),
    ("minister", ("minister", "secretary")),
    ("envoy", ("envoy", "negotiat", "representative", "ambassador", "delegat", "mediator")),
)


def _office(title: str | None) -> str:
    t = (title or "").lower()
    if not t:
        return "no title"
    return next((kind for kind, stems in _OFFICES if any(x in t for x in stems)), "other")


def _names(records: list[dict[str, Any]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in records:
        if r.get("kind") == "actor":
            out[r["id"]] = {name_key(r["name"]), *(name_key(a) for a in r.get("aliases") or [])}
            out[r["id"]].add(name_key(r["id"].replace("-", " ")))
    return out


def _missed_stage(d: _Doc, g: dict[str, Any], lex: Lexicon) -> tuple[str, list[dict[str, Any]]]:
    """The first stage that failed for missed gold ``g``, and the trace events it rests on."""
    k = d.where(g)
    if not k:
        return "evidence not found", []
    rtype = g["type"]
    found = [
        r for r in d.pred if r.get("kind") == "relation" and r["type"] == rtype and d.where(r) & k
    ]
    if any(d.same(r["source"], g["source"]) for r in found):
        return "topic differs", found
    here = [e for e in d.events if e["sent"] in k]
    if found:
        person = any(d.p_type.get(r["source"]) == "person" for r in found)
        how = _how(d, found[0], here, g)
        return f"holder wrong: {'person' if person else 'actor'}, {how}", found
    proposed = [e for e in here if e["event"] == "proposed" and e["type"] == rtype]
    if any(e["dropped"] is None for e in proposed):
        return "recorded, gone", proposed
    if proposed:
        return f"proposed, dropped: {proposed[0]['dropped']}", proposed
    cues = [e for e in here if e["event"] == "cue"]
    if not cues:
        return "no cue", []
    classes = sorted(
        {
            next((c for c in CUE_CLASSES[rtype] if e["lemma"] in getattr(lex, c)), "other")
            for e in cues
        }
        - ({"other"} if len(cues) > 1 else set())
    )
    if any(e["subject_actor"] for e in cues):
        kind = "subject is an actor"
    elif any(e["subject_pos"] == "PRON" for e in cues):
        kind = "a pronoun"
    elif any(e["subject"] for e in cues):
        kind = "a noun, no actor"
    else:
        fam = [e for e in cues if any(e["lemma"] in getattr(lex, c) for c in CUE_CLASSES[rtype])]
        deps = sorted({f"{e['dep']}{' quoted' if e['quoted'] else ''}" for e in fam or cues})
        kind = f"no subject ({' '.join(deps)})"
    return f"cue, no stance: {kind} [{' '.join(classes) or 'other'}]", cues


def _convention(d: _Doc, g: dict[str, Any]) -> str:
    """How the gold holds a stance a person states: by the person (with whom they speak for,
    in the gold) or by the body one of whose people the evidence names."""
    types = {r["id"]: r.get("type") for r in d.gold if r.get("kind") == "actor"}
    ties = [
        (r["source"], r["target"])
        for r in d.gold
        if r.get("kind") == "relation" and r["type"] == "speaks_for"
    ]
    ev = f" {words(str(g.get('evidence') or ''))} "
    named = {a for a, names in d.g_names.items() if any(f" {words(n)} " in ev for n in names if n)}

    def office(person: str) -> str:
        return _office(next((t for a, (_, t) in d.principal.items() if d.same(a, person)), None))

    if types.get(g["source"]) == "person":
        if any(a == g["source"] for a, _ in ties):
            return f"held by a person who speaks for a body ({office(g['source'])})"
        return "held by a person of no body"
    people = [a for a, b in ties if b == g["source"] and a in named]
    if people:
        return f"held by the body, one of its people named ({office(people[0])})"
    return "held by a body, none of its people named"


def _false_kind(d: _Doc, p: dict[str, Any]) -> str:
    k = d.where(p)
    golds = [
        g
        for g in d.gold
        if g.get("kind") == "relation" and g["type"] == p["type"] and d.where(g) & k
    ]
    if not golds:
        kind = "no gold stance in the sentence"
    elif any(d.same(p["source"], g["source"]) for g in golds):
        kind = "topic differs"
    else:
        here = [e for e in d.events if e["sent"] in k]
        kind = f"holder wrong, {_how(d, p, here, golds[0])}"
    if d.p_type.get(p["source"]) == "person":
        holder = "a person"
    elif any(d.same(p["source"], g) for g in d.g_names):
        holder = "a gold actor"
    else:
        holder = "no gold actor"
    origin = "fallback" if "fallback" in str(p.get("origin")) else "rules"
    return f"{kind} | held by {holder} | {origin}"


def _how(d: _Doc, p: dict[str, Any], here: list[dict[str, Any]], g: dict[str, Any]) -> str:
    """How a wrong holder came: the resolution the rule used (name, pronoun, role, ...), and
    whether the gold's holder is a person or named in the sentence at all."""
    vias = {
        via
        for e in here
        if e["event"] == "proposed" and e["type"] == p["type"] and e["dropped"] is None
        for actor, principal, via in e["sources"]
        if p["source"] in (actor, principal)
    }
    via = "/".join(sorted(vias)) or "unknown"
    gold_type = next(
        (r.get("type") for r in d.gold if r.get("kind") == "actor" and r["id"] == g["source"]),
        None,
    )
    if gold_type == "person":
        principals = [
            r["target"]
            for r in d.gold
            if r.get("kind") == "relation"
            and r["type"] == "speaks_for"
            and r["source"] == g["source"]
        ]
        office = _office(
            next((t for a, (_, t) in d.principal.items() if d.same(a, g["source"])), None)
        )
        if any(
            r.get("kind") == "relation" and r["type"] == "mediates" and r["source"] == g["source"]
            for r in d.gold
        ):
            office += ", a mediator"
        if not principals:
            tie = "who speaks for no one"
        elif any(d.same(p["source"], x) for x in principals):
            tie = f"who speaks for ours ({office})"
        else:
            tie = "who speaks for another"
        return f"via {via}, gold holder a person {tie}"
    named = d.holder_named(g["source"], d.where(g))
    return f"via {via}, gold holder {named}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument(
        "--detail",
        action="store_true",
        help="print each item with its sentence and trace (development sets only)",
    )
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = ap.parse_args()
    ex = Extractor(n_process=1)
    trace = stance_trace.StanceTrace()
    stance_trace.TRACE = trace
    missed: dict[str, Counter[str]] = {f: Counter() for f in FAMILIES}
    stages: dict[str, Counter[str]] = {f: Counter() for f in FAMILIES}
    holders: dict[str, Counter[str]] = {f: Counter() for f in FAMILIES}
    false: dict[str, Counter[str]] = {f: Counter() for f in FAMILIES}
    totals: dict[str, Counter[str]] = {f: Counter() for f in FAMILIES}
    details: list[str] = []
    persons: Counter[str] = Counter()
    convention: Counter[str] = Counter()
    for set_dir in args.sets:
        gold_by_doc = _gold(set_dir)
        for path in sorted((set_dir / "articles").glob("*.txt")):
            trace.events.clear()
            pred = list(ex.extract([read_article_file(path)]))
            gold = gold_by_doc.get(path.stem, [])
            fails: list[dict[str, Any]] = []
            scores = score_gold(pred, gold, fails)
            doc_id = next((r["id"] for r in pred if r.get("kind") == "document"), path.stem)
            d = _Doc(
                trace.sentences.get(doc_id, []),
                by_document(pred).get(doc_id, []),
                by_document(gold).get(doc_id, gold),
                list(trace.events),
            )
            for f in FAMILIES:
                if f in scores:
                    totals[f].update(tp=scores[f].tp, fp=scores[f].fp, fn=scores[f].fn)
            for g in d.gold:
                if g.get("type") in FAMILIES and not g.get("optional"):
                    convention[f"{g['type']} {_convention(d, g)}"] += 1
            wrong = {id(x["record"]) for x in fails if x["error"] == "false"}
            for r in d.pred:
                if r.get("type") in FAMILIES and d.p_type.get(r["source"]) == "person":
                    office = _office(d.principal.get(r["source"], ("", ""))[1])
                    right = "false" if id(r) in wrong else "right"
                    persons[f"{r['type']} held by a person, {office}: {right}"] += 1
            for fail in fails:
                f, r = fail["category"], fail["record"]
                if f not in FAMILIES:
                    continue
                if fail["error"] == "missed":
                    stage, events = _missed_stage(d, r, ex.lexicon)
                    where = d.holder_named(r["source"], d.where(r))
                    actor = "an actor" if d.is_actor(r["source"]) else "never an actor"
                    missed[f][stage] += 1
                    holders[f][f"holder {where}, {actor}"] += 1
                    stages[f][stage.split(":")[0]] += 1
                    if args.detail:
                        details.append(
                            f"MISSED {f} [{doc_id}] {r['source']} -> {r['target']}: {stage}"
                            f" (holder {where}, {actor})\n   {str(r.get('evidence'))[:220]}"
                            + "".join(f"\n   . {_show(e)}" for e in events[:6])
                        )
                else:
                    kind = _false_kind(d, r)
                    false[f][kind] += 1
                    if args.detail:
                        details.append(
                            f"FALSE  {f} [{doc_id}] {r['source']} -> {r['target']}: {kind}"
                            f"\n   {str(r.get('evidence'))[:220]}"
                        )
    stance_trace.TRACE = None
    if args.json:
        print(
            json.dumps(
                {
                    f: {
                        "scores": dict(totals[f]),
                        "stages": dict(stages[f]),
                        "missed": dict(missed[f]),
                        "holders": dict(holders[f]),
                        "false": dict(false[f]),
                    }
                    for f in FAMILIES
                }
                | {"persons": dict(persons), "convention": dict(convention)},
                indent=1,
            )
        )
        return
    for f in FAMILIES:
        t = totals[f]
        print(f"== {f}: tp {t['tp']} fp {t['fp']} fn {t['fn']}")
        for title, counts in (
            ("missed, stage that failed", stages[f]),
            ("missed, stage in detail", missed[f]),
            ("missed, where the holder is", holders[f]),
            ("false, kind", false[f]),
        ):
            print(f"  {title}:")
            for kind, n in counts.most_common():
                print(f"    {n:3d}  {kind}")
    print("== the gold's required stances: who holds what a person states")
    for kind, n in sorted(convention.items()):
        print(f"    {n:3d}  {kind}")
    print("== stances found held by a person, by office")
    for kind, n in sorted(persons.items()):
        print(f"    {n:3d}  {kind}")
    for line in details:
        print(line)


def _show(e: dict[str, Any]) -> str:
    if e.get("kind") == "relation":
        return f"found {e['type']}: {e['source']} -> {e['target']} [{e.get('origin')}]"
    if e["event"] == "cue":
        return f"cue {e['lemma']} ({e['pos']}), subject {e['subject']!r} -> {e['subject_actor']}"
    return (
        f"proposed {e['type']} by {e['lemma']}: {e['sources']} -> {e['targets']}"
        f"{' [fallback]' if e.get('fallback') else ''} dropped={e['dropped']}"
    )


if __name__ == "__main__":
    main()
