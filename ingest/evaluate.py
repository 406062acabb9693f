"""Scoring extraction output against gold records and against PLOVER sentences.

Pure functions over lists of exchange-format records:

* :func:`score_gold` — per category (``actors``, ``topics``, ``statements`` and each relation
  type), document by document when both sides name their documents: actors match on name
  or alias; statements on speaker plus overlapping text; relations on type, source and target
  (ends matched through the gold actors' names and aliases, topic targets through the gold
  topic's keywords); topics when the extracted name holds one of the gold keywords. Gold items
  marked ``optional`` count neither toward recall nor, when matched, as false positives.
  Matching is one-to-one (maximum bipartite matching).
* :func:`score_plover` — PLOVER-style sentence records: DEMAND must yield ``demands`` and REJECT
  ``rejects`` from the record's source actor; other events must yield neither.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from actorgraph.ingest.extract.normalize import fold, name_key

logger = logging.getLogger(__name__)

RELATION_TYPES = ("speaks_for", "mediates", "rejects", "demands")
#: PLOVER event -> our relation type
PLOVER_EVENTS = {"DEMAND": "demands", "REJECT": "rejects"}


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int

    @classmethod
    def of(cls, tp: int, fp: int, fn: int) -> PRF:
        p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return cls(round(p, 4), round(r, 4), round(f, 4), tp, fp, fn)

    def to_dict(self) -> dict[str, float | int]:
        return asdict(self)


# ---------------------------------------------------------------------- matching
def _max_matching(n_left: int, n_right: int, ok: Callable[[int, int], bool]) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths): left index -> right index."""
    adj = [[j for j in range(n_right) if ok(i, j)] for i in range(n_left)]
    match_r: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in match_r or augment(match_r[j], seen):
                match_r[j] = i
                return True
        return False

    for i in range(n_left):
        augment(i, set())
    return {i: j for j, i in match_r.items()}


@dataclass
class _Tally:
    """One category's counts summed over documents, and (when asked) what it missed and
    what it found that the gold does not hold."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[dict[str, Any]] = field(default_factory=list)
    false: list[dict[str, Any]] = field(default_factory=list)

    def prf(self) -> PRF:
        return PRF.of(self.tp, self.fp, self.fn)


def _score(
    pred: list[Any],
    gold: list[dict[str, Any]],
    ok: Callable[[Any, dict[str, Any]], bool],
    tally: _Tally | None = None,
) -> PRF:
    """Required gold first, then optional gold soaks up what remains; the rest is FP. With
    ``tally``, the counts are added to it, with the missed gold and the false predictions."""
    required = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    m1 = _max_matching(len(pred), len(required), lambda i, j: ok(pred[i], required[j]))
    rest = [i for i in range(len(pred)) if i not in m1]
    m2 = _max_matching(len(rest), len(optional), lambda i, j: ok(pred[rest[i]], optional[j]))
    tp = len(m1)
    fp = len(rest) - len(m2)
    fn = len(required) - tp
    if tally is not None:
        tally.tp, tally.fp, tally.fn = tally.tp + tp, tally.fp + fp, tally.fn + fn
        hit = set(m1.values())
        tally.missed.extend(g for j, g in enumerate(required) if j not in hit)
        tally.false.extend(pred[rest[i]] for i in range(len(rest)) if i not in m2)
    return PRF.of(tp, fp, fn)


def by_document(records: Iterable[dict[str, Any]]) -> dict[str | None, list[dict[str, Any]]]:
    """Records grouped by the document they belong to: a record's own ``document`` field,
    else the last ``document`` record before it (extraction output and gold files list a
    document's records after it); None for records before any document."""
    groups: dict[str | None, list[dict[str, Any]]] = {}
    current: str | None = None
    for r in records:
        if r.get("kind") == "document":
            current = r.get("id")
            groups.setdefault(current, [])
            continue
        doc = r.get("document") if isinstance(r.get("document"), str) else current
        groups.setdefault(doc, []).append(r)
    return groups


_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text).replace("-", ""))


def _contains_phrase(text: str, phrase: str) -> bool:
    t, p = _words(text), _words(phrase)
    if not p:
        return False
    n = len(p)
    return any(t[i : i + n] == p for i in range(len(t) - n + 1))


def _overlap(a: str, b: str) -> bool:
    """Texts overlap when at least half of the shorter one's words are in the other."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    small, big = (wa, set(wb)) if len(wa) <= len(wb) else (wb, set(wa))
    return sum(1 for w in small if w in big) / len(small) >= 0.5


class _Actors:
    """Names of one side's actors, by id."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.names: dict[str, set[str]] = {}
        self.by_key: dict[str, str] = {}
        for r in records:
            if r.get("kind") != "actor":
                continue
            aid = r.get("id") or name_key(r["name"]).replace(" ", "-")
            names = {name_key(r["name"]), *(name_key(a) for a in r.get("aliases") or [])}
            names.discard("")
            self.names[aid] = names
            for n in names | {name_key(aid.replace("-", " "))}:
                self.by_key.setdefault(n, aid)

    def ref(self, ref: str) -> str:
        """An actor id from an id, a name or an alias (the reference itself when unknown)."""
        if ref in self.names:
            return ref
        return self.by_key.get(name_key(ref), ref)


def score_gold(
    pred: list[dict[str, Any]],
    gold: list[dict[str, Any]],
    failures: list[dict[str, Any]] | None = None,
) -> dict[str, PRF]:
    """Precision, recall and F1 per category of extracted records against gold records.

    When both sides name their documents (``document`` records, as extraction output and
    gold files have them), each document's records are matched only with the same
    document's (a relation found in one article never stands for a gold relation of
    another) and the counts are summed: a document on one side only counts all its items
    as false or missed (and is logged). Records outside any document put everything into
    one pool. With
    ``failures``, every missed gold item and every false prediction is appended to it as
    ``{"category", "error": "missed" | "false", "document", "record"}``."""
    tallies: dict[str, _Tally] = {}
    p_docs, g_docs = by_document(pred), by_document(gold)
    pairs: list[tuple[str | None, list[dict[str, Any]], list[dict[str, Any]]]]
    if None in p_docs or None in g_docs:
        pairs = [(None, pred, gold)]  # records outside any document: one pool
    else:
        only = sorted(str(d) for d in set(p_docs) ^ set(g_docs))
        if only:  # scored all the same: findings without gold are false, gold unfound missed
            logger.warning(
                "documents on one side only (extraction or gold): %s", ", ".join(only[:10])
            )
        pairs = [
            (d, p_docs.get(d, []), g_docs.get(d, [])) for d in dict.fromkeys([*g_docs, *p_docs])
        ]
    for doc, p, g in pairs:
        seen: dict[str, _Tally] = {}
        _score_document(p, g, seen)
        for cat, t in seen.items():
            total = tallies.setdefault(cat, _Tally())
            total.tp, total.fp, total.fn = total.tp + t.tp, total.fp + t.fp, total.fn + t.fn
            if failures is not None:
                for error, items in (("missed", t.missed), ("false", t.false)):
                    failures.extend(
                        {"category": cat, "error": error, "document": doc, "record": r}
                        for r in items
                    )
    return {cat: t.prf() for cat, t in tallies.items()}


def _score_document(
    pred: list[dict[str, Any]], gold: list[dict[str, Any]], out: dict[str, _Tally]
) -> None:
    """One document's (or one pooled set's) counts per category, into ``out``."""
    pa, ga = _Actors(pred), _Actors(gold)

    def same_actor(p_ref: str, g_ref: str) -> bool:
        p_id, g_id = pa.ref(p_ref), ga.ref(g_ref)
        p_names = pa.names.get(p_id, {name_key(p_ref)})
        g_names = ga.names.get(g_id, {name_key(g_ref)})
        return bool(p_names & g_names)

    def score(cat: str, p: list[Any], g: list[dict[str, Any]], ok: Any) -> None:
        _score(p, g, ok, out.setdefault(cat, _Tally()))

    p_act = [r for r in pred if r.get("kind") == "actor"]
    g_act = [r for r in gold if r.get("kind") == "actor"]
    score(
        "actors",
        p_act,
        g_act,
        lambda p, g: same_actor(p.get("id") or p["name"], g.get("id") or g["name"]),
    )

    p_top = [r for r in pred if r.get("kind") == "topic"]
    g_top = [r for r in gold if r.get("kind") == "topic"]
    p_topics = {r.get("id") or name_key(r["name"]).replace(" ", "-"): r for r in p_top}
    g_topics = {r.get("id") or name_key(r["name"]).replace(" ", "-"): r for r in g_top}

    def topic_ok(p: dict[str, Any], g: dict[str, Any]) -> bool:
        keywords = g.get("keywords") or [g["name"]]
        return any(_contains_phrase(p["name"], k) for k in keywords)

    score("topics", p_top, g_top, topic_ok)

    p_st = [r for r in pred if r.get("kind") == "statement"]
    g_st = [r for r in gold if r.get("kind") == "statement"]
    score(
        "statements",
        p_st,
        g_st,
        lambda p, g: same_actor(p["speaker"], g["speaker"]) and _overlap(p["text"], g["text"]),
    )

    def target_ok(p_ref: str, g_ref: str) -> bool:
        g_topic = g_topics.get(g_ref)
        p_topic = p_topics.get(p_ref)
        if g_topic is not None:
            return p_topic is not None and topic_ok(p_topic, g_topic)
        if p_topic is not None:
            return False
        return same_actor(p_ref, g_ref)

    p_rel = [r for r in pred if r.get("kind") == "relation"]
    g_rel = [r for r in gold if r.get("kind") == "relation"]
    types = list(RELATION_TYPES) + sorted(
        {r["type"] for r in p_rel + g_rel if r["type"] not in RELATION_TYPES}
    )
    for rtype in types:
        preds = _dedupe(
            [r for r in p_rel if r["type"] == rtype], lambda r: (pa.ref(r["source"]), r["target"])
        )
        golds = [r for r in g_rel if r["type"] == rtype]
        if not preds and all(g.get("optional") for g in golds):
            continue  # nothing to score: optional gold only
        score(
            rtype,
            preds,
            golds,
            lambda p, g: (
                same_actor(p["source"], g["source"]) and target_ok(p["target"], g["target"])
            ),
        )


def _dedupe(
    items: list[dict[str, Any]], key: Callable[[dict[str, Any]], Any]
) -> list[dict[str, Any]]:
    """One relation per (source, target): several pieces of evidence are one fact."""
    seen: dict[Any, dict[str, Any]] = {}
    for r in items:
        seen.setdefault(key(r), r)
    return list(seen.values())


# ---------------------------------------------------------------------- PLOVER
def _plover_sources(record: dict[str, Any]) -> list[str]:
    src = record.get("source") or []
    if isinstance(src, dict):
        src = [src]
    if isinstance(src, str):
        return [src] if src.strip() else []
    out = []
    for s in src:
        text = s.get("actorText") if isinstance(s, dict) else s
        if isinstance(text, str) and text.strip():
            out.append(text.replace("...", " ").strip())
    return out


def source_matches(names: Iterable[str], actor_texts: Iterable[str]) -> bool:
    """An extracted source matches when one of its names is a phrase of the gold actor text,
    or the gold actor text is a phrase of one of its names."""
    names = [n for n in names if len(_words(n)) and len("".join(_words(n))) >= 2]
    for text in actor_texts:
        for n in names:
            if _contains_phrase(text, n) or _contains_phrase(n, text):
                return True
    return False


def score_plover(extractor: Any, records: Iterable[dict[str, Any]]) -> dict[str, PRF]:
    """Run ``extractor.extract_text`` on each sentence and score ``demands`` and ``rejects``.

    Per sentence and relation type: a sentence of the matching event is a true positive when
    one extracted relation's source matches one of the record's source actor texts, else a
    false negative (and a false positive too when relations of that type came out with the
    wrong source); a sentence of another event yields a false positive when the type comes out.
    """
    counts = {rtype: [0, 0, 0] for rtype in PLOVER_EVENTS.values()}
    for n, rec in enumerate(records):
        text = rec.get("text")
        if not isinstance(text, str) or not text.strip():
            continue
        out = extractor.extract_text(text, doc_id=f"plover-{n}")
        gold_type = PLOVER_EVENTS.get(str(rec.get("event", "")).upper())
        sources = _plover_sources(rec)
        for rtype, c in counts.items():
            rels = [r for r in out if r.get("kind") == "relation" and r["type"] == rtype]
            if rtype != gold_type:
                if rels:
                    c[1] += 1
                continue
            hit = any(source_matches(extractor.actor_names(r["source"]), sources) for r in rels)
            if hit:
                c[0] += 1
            else:
                c[2] += 1
                if rels:
                    c[1] += 1
    return {rtype: PRF.of(*c) for rtype, c in counts.items()}


# ---------------------------------------------------------------------- speech attribution
#: pronouns a source may be; such a source is checked against the nearest named one before it
_PRONOUNS = frozenset(
    ["he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "their", "its"]
)
_WORD_AT = re.compile(r"\w+(?:['’]\w+)?")


@dataclass(frozen=True)
class Attribution:
    """One attribution of an annotated article: character spans of source, cue and content."""

    content: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...] = ()
    cue: tuple[tuple[int, int], ...] = ()


def read_brat_attributions(ann: str) -> list[Attribution]:
    """Attributions from a brat standoff file as PolNeAR writes them (``T`` spans and ``E``
    events linking ``Source``, ``Cue`` and ``Content``)."""
    spans: dict[str, tuple[tuple[int, int], ...]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            _, _, offsets = parts[1].partition(" ")
            frags = []
            for frag in offsets.split(";"):
                a, _, b = frag.strip().partition(" ")
                if a.isdigit() and b.isdigit():
                    frags.append((int(a), int(b)))
            spans[parts[0]] = tuple(frags)
        elif parts[0].startswith("E"):
            roles = dict(x.split(":", 1) for x in parts[1].split() if ":" in x)
            events.append(roles)
    out = []
    for ev in events:
        content = spans.get(ev.get("Content", ""), ())
        if not content:
            continue
        out.append(
            Attribution(
                content=content,
                source=spans.get(ev.get("Source", ""), ()),
                cue=spans.get(ev.get("Cue", ""), ()),
            )
        )
    return out


def _word_spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), fold(m.group())) for m in _WORD_AT.finditer(text)]


def _positions(words: list[tuple[int, int, str]], frags: Iterable[tuple[int, int]]) -> set[int]:
    out: set[int] = set()
    for a, b in frags:
        out.update(i for i, (s, e, _) in enumerate(words) if s >= a and e <= b)
    return out


def _statement_positions(words: list[tuple[int, int, str]], stmt: dict[str, Any]) -> set[int]:
    """Where a statement's text lies in the document: its words aligned, in order, with the
    words of its evidence span."""
    from difflib import SequenceMatcher

    a, b = int(stmt.get("start", 0)), int(stmt.get("end", 0))
    region = [i for i, (s, e, _) in enumerate(words) if s >= a and e <= b]
    said = [fold(m.group()) for m in _WORD_AT.finditer(stmt["text"])]
    matcher = SequenceMatcher(None, [words[i][2] for i in region], said, autojunk=False)
    out: set[int] = set()
    for blk in matcher.get_matching_blocks():
        out.update(region[blk.a + k] for k in range(blk.size))
    return out


def match_contents(p_pos: list[set[int]], g_pos: list[set[int]]) -> dict[int, int]:
    """Statements matched one-to-one to attributions (indices), a pair matching when at least
    half of the words of the shorter content are shared, position by position."""

    def ok(i: int, j: int) -> bool:
        inter = len(p_pos[i] & g_pos[j])
        small = min(len(p_pos[i]), len(g_pos[j]))
        return small > 0 and inter >= 0.5 * small

    return _max_matching(len(p_pos), len(g_pos), ok)


def score_attributions(
    documents: Iterable[
        tuple[str, list[Attribution], list[dict[str, Any]], Callable[[str], set[str]]]
    ],
) -> dict[str, PRF]:
    """Extracted statements against annotated attributions.

    Each document is ``(text, attributions, extracted records, names_of)`` where ``names_of``
    gives the names of an extracted actor. Returns:

    * ``attributions``: a statement matches an attribution when at least half of the words of
      the shorter of the two contents are shared, position by position (one-to-one);
    * ``content_words``: precision and recall over the words of the contents;
    * ``speaker``: of the matched pairs with a source, ``tp`` right and ``fp`` wrong (so
      precision is the share right). Right means one of the speaker's names is a phrase of
      the source or the other way round; a pronoun source is replaced by the nearest source
      before it that is not a pronoun. A description ("the nominee") the extractor resolved
      correctly still counts as wrong unless the document named the speaker that way.
    """
    tp = fp = fn = 0
    wtp = wfp = wfn = 0
    right = wrong = 0
    for text, gold, records, names_of in documents:
        words = _word_spans(text)
        g_pos = [_positions(words, g.content) for g in gold]
        stmts = [r for r in records if r.get("kind") == "statement"]
        p_pos = [_statement_positions(words, s) for s in stmts]
        all_g = set().union(*g_pos) if g_pos else set()
        all_p = set().union(*p_pos) if p_pos else set()
        wtp += len(all_g & all_p)
        wfp += len(all_p - all_g)
        wfn += len(all_g - all_p)

        match = match_contents(p_pos, g_pos)
        tp += len(match)
        fp += len(stmts) - len(match)
        fn += len(gold) - len(match)
        named = [  # (start, source text) of sources that are not pronouns, in text order
            (g.source[0][0], " ".join(text[a:b] for a, b in g.source))
            for g in gold
            if g.source and fold(text[g.source[0][0] : g.source[0][1]]) not in _PRONOUNS
        ]
        named.sort()
        for i, j in match.items():
            g = gold[j]
            if not g.source:
                continue
            src = " ".join(text[a:b] for a, b in g.source)
            if fold(src) in _PRONOUNS:
                before = [t for s, t in named if s < g.source[0][0]]
                if not before:
                    continue
                src = before[-1]
            if source_matches(names_of(stmts[i]["speaker"]), [src]):
                right += 1
            else:
                wrong += 1
    return {
        "attributions": PRF.of(tp, fp, fn),
        "content_words": PRF.of(wtp, wfp, wfn),
        "speaker": PRF.of(right, wrong, 0),
    }


def polnear_documents(
    split_dir: str | Path,
) -> Iterator[tuple[str, str, str | None, list[Attribution]]]:
    """``(id, text, published, attributions)`` for each article of a PolNeAR split directory
    (``data/train`` or ``data/dev``: ``text/*.txt`` and ``attributions/*.ann``). An article
    annotated by several annotators counts once, with the first annotator's file."""
    root = Path(split_dir)
    anns: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    for txt in sorted((root / "text").glob("*.txt")):
        ann_path = anns.get(txt.stem)
        if ann_path is None:
            continue
        m = re.search(r"_(\d{4}-\d{2}-\d{2})_", txt.name)
        gold = read_brat_attributions(ann_path.read_text(encoding="utf-8"))
        yield txt.stem, txt.read_text(encoding="utf-8"), m.group(1) if m else None, gold


def score_polnear(
    extractor: Any, split_dir: str | Path, limit: int | None = None
) -> dict[str, PRF]:
    """Extract each article of a PolNeAR split and score its statements (see
    :func:`score_attributions`)."""
    from actorgraph.ingest.articles import Article

    docs = list(polnear_documents(split_dir))[:limit]
    if not docs:
        raise ValueError(f"no PolNeAR articles under {split_dir} (text/ and attributions/)")
    by_id = {d[0]: d for d in docs}
    arts = [
        Article(id=doc_id, title=text.split("\n", 1)[0][:200], text=text, published=published)
        for doc_id, text, published, _ in docs
    ]
    per_doc: dict[str, list[dict[str, Any]]] = {}
    for rec in extractor.extract(arts):
        if rec["kind"] == "document":
            per_doc[rec["id"]] = current = []
        current.append(rec)

    def scored() -> Iterator[
        tuple[str, list[Attribution], list[dict[str, Any]], Callable[[str], set[str]]]
    ]:
        for doc_id, records in per_doc.items():
            names: dict[str, set[str]] = {}
            for r in records:
                if r["kind"] == "actor":
                    names[r["id"]] = {r["name"], *r.get("aliases", [])}

            def names_of(aid: str, names: dict[str, set[str]] = names) -> set[str]:
                return names.get(aid, set()) | extractor.dictionary.names_of(aid)

            yield by_id[doc_id][1], by_id[doc_id][3], records, names_of

    return score_attributions(scored())


# ---------------------------------------------------------------------- test bank
def score_bank(extractor: Any, families: Iterable[Any]) -> dict[str, dict[str, PRF]]:
    """Run extraction on every case of a test bank (:mod:`ingest.extract.bank`) and score
    each family on its categories: per category, and ``all`` (the sums) per family.

    Each case is a document of its own; in a scored category, what the case lists must come
    out and anything else that comes out is a false positive.
    """
    out: dict[str, dict[str, PRF]] = {}
    for fam in families:
        sums = {c: [0, 0, 0] for c in fam.scores}
        for n, case in enumerate(fam.cases):
            pred = extractor.extract_text(
                case.text, doc_id=f"{fam.family}-{n + 1}", published=case.date
            )
            scores = score_gold(pred, case.gold())
            for c in fam.scores:
                s = scores.get(c)
                if s is None:  # nothing expected and nothing found
                    continue
                sums[c][0] += s.tp
                sums[c][1] += s.fp
                sums[c][2] += s.fn
        fam_scores = {c: PRF.of(*v) for c, v in sums.items()}
        total = [sum(v[i] for v in sums.values()) for i in range(3)]
        fam_scores["all"] = PRF.of(*total)
        out[fam.family] = fam_scores
    return out


def bank_failures(extractor: Any, family: Any) -> list[dict[str, Any]]:
    """The cases of one family that do not come out exactly right, with what came out (for
    reading, not scoring)."""
    failures = []
    for n, case in enumerate(family.cases):
        pred = extractor.extract_text(
            case.text, doc_id=f"{family.family}-{n + 1}", published=case.date
        )
        scores = score_gold(pred, case.gold())
        bad = {
            c: scores[c] for c in family.scores if c in scores and (scores[c].fp or scores[c].fn)
        }
        if bad:
            found = {
                c: [
                    (r["source"], r["target"])
                    if r["kind"] == "relation"
                    else r.get("speaker", r.get("name"))
                    for r in pred
                    if (r["kind"] == "relation" and r["type"] == c)
                    or (c == "statements" and r["kind"] == "statement")
                    or (c == "actors" and r["kind"] == "actor")
                ]
                for c in bad
            }
            failures.append({"case": n + 1, "text": case.text, "found": found})
    return failures
