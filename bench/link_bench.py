"""Benchmark of the link stage on synthetic events: wall time and peak memory.

    .venv/bin/python bench/link_bench.py              # 10k and 100k events
    .venv/bin/python bench/link_bench.py --sizes 1000 20000

Each size runs in a fresh process, so its peak RSS (resource.getrusage) is its own. Linking
runs as `newsevents extract` runs it, in one process; `--parallel` adds the forked helper that
uses the second core (its memory is not counted). link_cpu_seconds is the main process's CPU time. The corpus is
synthetic but shaped like news: happenings between country pairs drawn from a skewed (Zipf-like)
distribution, a third of them domestic; PLOVER types with news-like frequencies; dates over
three years, most to the day, some to the month or year, some unknown; a source unresolved in
5% of mentions, a target in 12%; 300 outlets; each
happening reported by one to several articles with paraphrased sentences sharing some names and
figures; articles of five events on average; 3% of articles are syndicated copies of another.
Prints one line per size: events, articles, stories, duplicate groups, wall and CPU seconds of
`link.link`, peak RSS in MB, RSS growth over the inputs, and the pairwise precision and recall
of story_id against the synthetic happenings (pairs of mentions in different articles).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from datetime import date

import numpy as np

from newsevents.records import ActorRef, Article, ArticleResult, Event, Line

TYPES = ("CONSULT", "AGREE", "SUPPORT", "REQUEST", "ACCUSE", "COERCE", "ASSAULT", "SANCTION",
         "COOPERATE", "AID", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "CONCEDE", "RETREAT")
TYPE_SHARE = np.array([20, 8, 6, 9, 12, 9, 12, 4, 4, 3, 3, 3, 3, 2, 1, 1], dtype=float)
SECTORS = ("GOV", "MIL", "JUD", "LEG", "OPP", "CVL", "BUS", "REB")
WORDS = ("talks", "border", "troops", "ceasefire", "sanctions", "election", "court", "ruling",
         "protesters", "minister", "visit", "agreement", "trade", "missile", "village", "police",
         "arrested", "summit", "aid", "convoy", "strike", "warned", "demanded", "opposition",
         "parliament", "vote", "embassy", "ambassador", "exports", "tariff", "drills", "navy")
START = date(2021, 1, 1).toordinal()
DAYS = 3 * 365


def _names(rng: np.random.Generator, n: int) -> list[str]:
    syllables = ("ka", "lo", "mi", "ran", "tez", "vo", "shi", "dan", "el", "mur", "ba", "qui")
    return ["".join(rng.choice(syllables, size=rng.integers(2, 4))).capitalize()
            for _ in range(n)]


def _sentence(rng, src, tgt, names, figure, words) -> str:
    filler = " ".join(rng.choice(WORDS, size=6))
    picked = " ".join(rng.choice(names, size=2))
    return (f"Officials of {src} and {tgt} {words} {filler} after {picked} said {figure} "
            f"people were involved.")


def _happenings(rng: np.random.Generator, n: int) -> list[dict]:
    countries = [f"C{i:02d}" for i in range(80)]
    zipf = 1.0 / np.arange(1, 81) ** 1.1
    zipf /= zipf.sum()
    people = _names(rng, 5000)
    out = []
    for number in range(n):
        src = countries[rng.choice(80, p=zipf)]
        tgt = src if rng.random() < 0.33 else countries[rng.choice(80, p=zipf)]
        precision = rng.choice(["day", "month", "year", None], p=[0.8, 0.08, 0.05, 0.07])
        out.append({
            "id": number, "src": src, "tgt": tgt, "type": TYPES[rng.choice(16, p=TYPE_SHARE / TYPE_SHARE.sum())],
            "day": START + int(rng.integers(0, DAYS)), "precision": precision,
            "names": list(rng.choice(people, size=4)), "figure": str(int(rng.integers(2, 500))),
            "sectors": (SECTORS[rng.integers(0, 8)], SECTORS[rng.integers(0, 8)]),
        })
    return out


def _date_of(h: dict) -> str | None:
    day = date.fromordinal(h["day"])
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year),
            None: None}[h["precision"]]


def synthetic_results(n_events: int, seed: int = 7) -> list[ArticleResult]:
    """ArticleResults holding about `n_events` events (see the module docstring).

    Each event's trigger holds the id of the synthetic happening it reports (the truth).
    """
    rng = np.random.default_rng(seed)
    happenings = _happenings(rng, max(1, n_events // 2))
    mentions = [(h, k) for h in happenings for k in range(int(rng.geometric(0.45)))]
    rng.shuffle(mentions)
    results: list[ArticleResult] = []
    pos = n_done = 0
    while pos < len(mentions) and n_done < n_events:
        size = int(rng.integers(2, 9))
        results.append(_article(rng, len(results), mentions[pos:pos + size]))
        pos += size
        n_done += len(results[-1].events)
    return results + _copies(rng, results)


def _article(rng, number: int, chunk) -> ArticleResult:
    doc_id = f"doc{number:06d}"
    first = chunk[0][0]
    pub = date.fromordinal(first["day"] + int(rng.integers(0, 2)))
    sentences, events = [], []
    offset = 0
    for i, (h, k) in enumerate(chunk):
        text = _sentence(rng, h["src"], h["tgt"], h["names"][k % 2:k % 2 + 3], h["figure"],
                         h["type"].lower())
        events.append(Event(
            event_id=f"{doc_id}#{i}", doc_id=doc_id, type=h["type"], mode=None, context=(),
            source=_actor(rng, h["src"], h["sectors"][0], 0.05),
            target=_actor(rng, h["tgt"], h["sectors"][1], 0.12),
            date=_date_of(h), date_text=None, status="occurred",
            background=h["precision"] == "year", attributed_to=None, evidence=text,
            evidence_start=offset, evidence_end=offset + len(text), quad_class=0,
            goldstein=None, main=i == 0, trigger=f"h{h['id']}"))
        sentences.append(Line(offset, offset + len(text), text))
        offset += len(text) + 2
    raw = "\n\n".join(s.text for s in sentences)
    article = Article(doc_id=doc_id, source_path=f"{doc_id}.txt", raw=raw,
                      body_lines=tuple(sentences), outlet=f"Outlet {rng.integers(0, 300)}",
                      pub_date=pub.isoformat())
    return ArticleResult(doc_id, article.source_path, article, tuple(events))


def _actor(rng, country: str, sector: str, missing: float) -> ActorRef | None:
    """An actor as upstream stages give it: sometimes unresolved (None)."""
    if rng.random() < missing:
        return None
    return ActorRef(text=country, country=country, sector=sector)


def _copies(rng, results: list[ArticleResult]) -> list[ArticleResult]:
    from dataclasses import replace

    copies = []
    for r in rng.choice(len(results), size=len(results) * 3 // 100, replace=False):
        original = results[int(r)]
        doc_id = original.doc_id + "-copy"
        article = replace(original.article, doc_id=doc_id, outlet="Syndicator")
        events = tuple(replace(e, doc_id=doc_id, event_id=e.event_id.replace("#", "c#"))
                       for e in original.events)
        copies.append(ArticleResult(doc_id, article.source_path, article, events))
    return copies


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(n_events: int, parallel: bool = False) -> dict:
    """Build the inputs, link them, and report time and memory (run in its own process)."""
    from newsevents import link

    results = synthetic_results(n_events)
    before = _rss_mb()
    started, cpu_started = time.perf_counter(), time.process_time()
    run = link.link(results, parallel=parallel)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    precision, recall = pair_quality(run)
    return {
        "events": len(run.events), "articles": len(run.articles), "stories": len(run.stories),
        "multi_article_stories": sum(1 for s in run.stories if len(s.doc_ids) > 1),
        "duplicate_groups": len(run.duplicates), "link_seconds": round(seconds, 2),
        "link_cpu_seconds": round(cpu, 2),
        "peak_rss_mb": round(_rss_mb(), 1), "rss_growth_mb": round(_rss_mb() - before, 1),
        "pair_precision": precision, "pair_recall": recall,
    }


def _cross_pairs(groups) -> set[tuple[str, str]]:
    """Pairs of event ids from different articles that share a group."""
    pairs = set()
    for members in groups:
        for i, (doc_a, a) in enumerate(members):
            for doc_b, b in members[i + 1:]:
                if doc_a != doc_b:
                    pairs.add((a, b) if a < b else (b, a))
    return pairs


def pair_quality(run) -> tuple[float, float]:
    """Pairwise precision and recall of story_id against the synthetic happenings.

    Copies of an article are left out: their events pair trivially with the original.
    """
    events = [e for e in run.events if "c#" not in e.event_id]
    truth: dict[str, list] = {}
    found: dict[str, list] = {}
    for e in events:
        truth.setdefault(e.trigger, []).append((e.doc_id, e.event_id))
        found.setdefault(e.story_id, []).append((e.doc_id, e.event_id))
    true_pairs, predicted = _cross_pairs(truth.values()), _cross_pairs(found.values())
    hit = len(true_pairs & predicted)
    return (round(hit / len(predicted), 3) if predicted else 1.0,
            round(hit / len(true_pairs), 3) if true_pairs else 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--parallel", action="store_true",
                        help="score half the pairs in a forked helper (link_views(parallel=True))")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.parallel)))
        return
    print(f"load average before: {os.getloadavg()[0]:.1f} (wall time grows with other work on "
          "the machine; link_cpu_seconds does not)")
    for size in args.sizes:
        command = [sys.executable, __file__, "--one", str(size)]
        done = subprocess.run(command + (["--parallel"] if args.parallel else []), check=True,
                              capture_output=True, text=True)
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{size:>7} events requested: " + ", ".join(f"{k} {v}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
