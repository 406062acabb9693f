"""Extraction speed against plain spaCy, on two processes against one, and memory on a long
stream of articles.

    .venv/bin/python bench/extract_speed.py                   # speed ratio (about a minute)
    .venv/bin/python bench/extract_speed.py --parallel 1000   # 2 processes against 1
    .venv/bin/python bench/extract_speed.py --memory 10000    # RSS after 1k and 10k articles

Speed: words per second of ``Extractor.extract`` against ``nlp.pipe`` with the same model
over the same texts, in the same run (the rules run on top of the pipeline, so the ratio is the
share of time left to spaCy). Rounds alternate between the two and the best round of each
counts; with one process the clock is this process's CPU time, which other load on a shared
machine disturbs least (the wall-clock ratio is printed too).

Parallel: the same ``n`` articles through ``Extractor(n_process=1)`` and ``n_process=2`` in
alternating rounds (the records must be the same). On a machine others share, wall time
measures their load as much as ours, so three figures are given: the wall-clock speedup (best
round of each), the CPU-time speedup (CPU seconds of the one-process run against the busiest
worker's CPU seconds in the two-process run: what two free cores would give, with everything
the parallel run adds counted), and the overhead (all CPU seconds of the two-process run,
parent and workers, against the one-process run). Load averages are printed with each round.

Memory: a generator of synthetic articles streams through ``extract``; the resident set size
is read after 1,000 articles and at the end. Flat means the second is close to the first.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from actorgraph.ingest.articles import Article  # noqa: E402
from actorgraph.ingest.extract import Extractor  # noqa: E402
from machine_info import machine_facts as machine  # noqa: E402

SEED = ROOT.parent / "shared" / "corpus" / "ceasefire-talks-live-updates.txt"

FIRST = [
    "Amir",
    "Dana",
    "Yusuf",
    "Leila",
    "Omar",
    "Noa",
    "Karim",
    "Salma",
    "Idan",
    "Rania",
    "Tariq",
    "Maya",
    "Ziad",
    "Hila",
    "Samir",
]
LAST = [
    "Haddad",
    "Levi",
    "Mansour",
    "Cohen",
    "Nasser",
    "Katz",
    "Saleh",
    "Peretz",
    "Darwish",
    "Mizrahi",
    "Khalil",
    "Biton",
]
ORGS = ["Hamas", "Hezbollah", "the United Nations", "the European Union", "Fatah", "UNRWA"]
STATES = ["Israel", "Egypt", "Qatar", "Jordan", "Turkey", "Iran", "the United States", "France"]
TEMPLATES = [
    "{org} spokesman {person} said on {day}: “Our position on the {thing} is negative.”",
    "“We will not accept a {thing} that ignores our demands,” {person} told reporters.",
    "{state} urged {org} to accept the {thing} before the end of the week.",
    "{state} and {state2} do not talk directly but communicate through officials in {state3}.",
    "Officials in {state} said the {thing} would be discussed again on {day}.",
    "{person}, a senior official of {org}, rejected the {thing} and called for new talks.",
    "According to {state}, more than {n} people were displaced in the last {n2} days.",
    "The talks, mediated by {state3}, resumed on {day} after a pause of {n2} days.",
    "{state} insisted that any {thing} must include the release of {n} prisoners.",
    "Aid groups said {n} trucks had crossed into the territory since {day}.",
]
THINGS = ["proposal", "offer", "negotiating text", "truce plan", "framework", "draft"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def synthetic(n: int, seed: int = 7) -> Iterator[Article]:
    """``n`` articles of 8 to 14 sentences (about 150 to 250 words), made up but news-like."""
    rnd = random.Random(seed)
    for i in range(n):
        sentences = []
        for _ in range(rnd.randint(8, 14)):
            states = rnd.sample(STATES, 3)
            sentences.append(
                rnd.choice(TEMPLATES).format(
                    org=rnd.choice(ORGS),
                    person=f"{rnd.choice(FIRST)} {rnd.choice(LAST)}",
                    state=states[0],
                    state2=states[1],
                    state3=states[2],
                    thing=rnd.choice(THINGS),
                    day=rnd.choice(DAYS),
                    n=rnd.randint(2, 5000),
                    n2=rnd.randint(2, 30),
                )
            )
        paragraphs = [" ".join(sentences[k : k + 3]) for k in range(0, len(sentences), 3)]
        text = f"Ceasefire talks, day {i}\n\n" + "\n\n".join(paragraphs) + "\n"
        yield Article(id=f"synthetic-{i}", title=f"Ceasefire talks, day {i}", text=text)


def rss_mb() -> float:
    """Current resident set size in MB (Linux), else the peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def speed(ex: Extractor, docs: int, rounds: int) -> dict[str, object]:
    texts = [SEED.read_text(encoding="utf-8")] if SEED.exists() else []
    arts = (
        [Article(id=f"seed-{i}", title="seed", text=texts[0]) for i in range(docs // 4)]
        if texts
        else []
    )
    arts += list(synthetic(docs - len(arts), seed=11))
    words = sum(len(a.text.split()) for a in arts)
    nlp, bs = ex.nlp, ex.batch_size
    for _ in ex.extract(arts[:8]):  # warm up both paths
        pass
    # CPU time of this process (with one process) is what other load on the machine disturbs
    # least; wall time is reported too.
    clock = time.process_time if ex.n_process == 1 else time.perf_counter
    best = {"plain": float("inf"), "extract": float("inf")}
    wall = {"plain": float("inf"), "extract": float("inf")}
    for _ in range(rounds):
        for name in ("plain", "extract"):
            t0, w0 = clock(), time.perf_counter()
            if name == "plain":
                for _ in nlp.pipe((a.text for a in arts), batch_size=bs, n_process=ex.n_process):
                    pass
            else:
                for _ in ex.extract(arts):
                    pass
            best[name] = min(best[name], clock() - t0)
            wall[name] = min(wall[name], time.perf_counter() - w0)
    plain_wps, extract_wps = words / best["plain"], words / best["extract"]
    return {
        "documents": len(arts),
        "words": words,
        "rounds": rounds,
        "clock": "cpu" if clock is time.process_time else "wall",
        "plain_words_per_s": round(plain_wps),
        "extract_words_per_s": round(extract_wps),
        "ratio": round(extract_wps / plain_wps, 3),
        "wall_ratio": round(wall["plain"] / wall["extract"], 3),
    }


def parallel(n: int, rounds: int, batch_size: int) -> dict[str, object]:
    """Two processes against one on the same ``n`` articles (see the module docstring)."""
    import os

    from actorgraph.ingest.extract import parallel as par

    arts = list(synthetic(n, seed=13))
    words = sum(len(a.text.split()) for a in arts)
    one = Extractor(batch_size=batch_size, n_process=1)
    two = Extractor(batch_size=batch_size, n_process=2)
    list(one.extract(arts[:8]))  # warm up
    best = {"one": float("inf"), "two": float("inf")}
    cpu_one = float("inf")
    busiest = float("inf")
    total_two = float("inf")
    log = []
    reference: list[dict[str, object]] | None = None
    for r in range(rounds):
        for name, ex in (("one", one), ("two", two)):
            load = os.getloadavg()[0]
            c0, w0 = time.process_time(), time.perf_counter()
            out = list(ex.extract(arts))
            wall, cpu = time.perf_counter() - w0, time.process_time() - c0
            if reference is None:
                reference = out
            elif out != reference:
                raise SystemExit("two processes and one gave different records")
            best[name] = min(best[name], wall)
            if name == "one":
                cpu_one = min(cpu_one, cpu)
                log.append(f"round {r + 1}: 1 process {wall:.1f} s (load {load:.1f})")
            else:
                workers = dict(par.LAST_RUN)
                busiest = min(busiest, max(workers.values()))
                total_two = min(total_two, sum(workers.values()) + cpu)
                log.append(
                    f"round {r + 1}: 2 processes {wall:.1f} s (load {load:.1f}), worker CPU "
                    + ", ".join(f"{v:.1f}" for v in workers.values())
                    + f" s, parent CPU {cpu:.1f} s"
                )
    return {
        "documents": n,
        "words": words,
        "rounds": rounds,
        "wall_one_s": round(best["one"], 2),
        "wall_two_s": round(best["two"], 2),
        "wall_speedup": round(best["one"] / best["two"], 3),
        "cpu_one_s": round(cpu_one, 2),
        "busiest_worker_cpu_s": round(busiest, 2),
        "cpu_speedup": round(cpu_one / busiest, 3),
        "overhead": round(total_two / cpu_one, 3),
        "log": log,
    }


def children_rss_mb() -> float:
    """Resident set size of this process's child processes (the workers), in MB (Linux)."""
    import os

    me, total = os.getpid(), 0.0
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[1]) != me:
                continue
            for line in (d / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except (OSError, ValueError, IndexError):
            continue
    return total


def memory(ex: Extractor, n: int) -> dict[str, object]:
    """RSS of this process (and of the workers, with n_process > 1) along a stream."""
    marks: dict[str, float] = {"start": round(rss_mb(), 1)}
    workers: dict[str, float] = {}
    docs = 0
    t0 = time.perf_counter()
    for rec in ex.extract(synthetic(n, seed=3)):
        if rec["kind"] == "document":
            docs += 1
            if docs == 100 or docs % 1000 == 0:
                marks[f"after_{docs}"] = round(rss_mb(), 1)
                if ex.n_process > 1:
                    workers[f"after_{docs}"] = round(children_rss_mb(), 1)
    marks.setdefault(f"after_{docs}", round(rss_mb(), 1))
    return {
        "documents": docs,
        "n_process": ex.n_process,
        "seconds": round(time.perf_counter() - t0, 1),
        "rss_mb": marks,
        "workers_rss_mb": workers,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=200, help="documents per speed round")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--memory", type=int, default=0, help="stream this many articles for RSS")
    ap.add_argument(
        "--parallel", type=int, default=0, help="two processes against one on this many articles"
    )
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    ex = Extractor(batch_size=args.batch_size, n_process=args.n_process)
    out: dict[str, object] = {"machine": machine(), "model": ex.model}
    if args.memory:
        out["memory"] = memory(ex, args.memory)
    elif args.parallel:
        out["parallel"] = parallel(args.parallel, args.rounds, args.batch_size)
    else:
        out["speed"] = speed(ex, args.docs, args.rounds)
    if args.json:
        print(json.dumps(out, indent=2))
        return
    m = out["machine"]
    print(f"machine: nproc={m['nproc']} cpu={m['cpu']} python={m['python']}")  # type: ignore[index]
    print(f"model: {out['model']}")
    if "speed" in out:
        s = out["speed"]
        print(
            f"{s['documents']} documents, {s['words']:,} words, best of {s['rounds']} rounds "  # type: ignore[index]
            f"({s['clock']} time): "  # type: ignore[index]
            f"nlp.pipe {s['plain_words_per_s']:,} words/s, extract {s['extract_words_per_s']:,} "  # type: ignore[index]
            f"words/s, ratio {s['ratio']} (wall-clock ratio {s['wall_ratio']})"  # type: ignore[index]
        )
    if "parallel" in out:
        p = out["parallel"]
        for line in p["log"]:  # type: ignore[index]
            print(line)
        print(
            f"{p['documents']:,} documents, {p['words']:,} words: wall {p['wall_one_s']} s / "  # type: ignore[index]
            f"{p['wall_two_s']} s, speedup {p['wall_speedup']}; CPU speedup "  # type: ignore[index]
            f"{p['cpu_speedup']} (1 process {p['cpu_one_s']} s CPU, busiest worker "  # type: ignore[index]
            f"{p['busiest_worker_cpu_s']} s); overhead {p['overhead']}"  # type: ignore[index]
        )
    if "memory" in out:
        mm = out["memory"]
        print(f"{mm['documents']:,} documents in {mm['seconds']} s; RSS MB: {mm['rss_mb']}")  # type: ignore[index]
        if mm["workers_rss_mb"]:  # type: ignore[index]
            print(f"workers' RSS MB (together): {mm['workers_rss_mb']}")  # type: ignore[index]


if __name__ == "__main__":
    main()
