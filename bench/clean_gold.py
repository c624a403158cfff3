"""Cleaning measured on the gold sets: boilerplate recall/precision, body lines lost, pub dates.

    .venv/bin/python bench/clean_gold.py [--verbose] [SET ...]     (default: seeds dev dev2)

Per line (non-blank lines of each .txt): gold "not body" = the gold `boilerplate_lines` plus every
line before `body_first_line` or after `body_last_line` (title, byline, captions above the body
count as removed); gold body = the other lines. A title line the gold keeps as body
(`body_first_line` is the title) is reported apart: we remove it as metadata ("title").
Publication date: right when equal to the gold `pub_date`, counted over articles whose date is in
the text (`pub_date_in_text`) or in the manifest. Each set is run as its own corpus (the
manifest of the set is used, so the profile sees the set's documents).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT / "src"))

from newsevents.clean import build_profile, clean  # noqa: E402
from newsevents.cleaning.lines import split_lines  # noqa: E402
from newsevents.ingest import iter_inputs  # noqa: E402
from newsevents.knowledge import load_knowledge  # noqa: E402
from newsevents.options import Options  # noqa: E402
from newsevents.records import Article, RawArticle  # noqa: E402


@dataclass
class Tally:
    gold_removed: int = 0
    removed: int = 0
    hit: int = 0
    gold_body: int = 0
    body_lost: int = 0
    title_kept_by_gold: int = 0
    dates_due: int = 0
    dates_right: int = 0
    dates_text_due: int = 0
    dates_text_right: int = 0
    problems: list[str] = field(default_factory=list)


def gold_labels(gold: dict, lines: list[str]) -> list[bool]:
    """For each non-blank line: True when the gold says it is not article body."""
    listed = {x.strip() for x in gold["boilerplate_lines"]}
    first, last = gold["body_first_line"].strip(), gold["body_last_line"].strip()
    start = lines.index(first) if first in lines else 0
    end = len(lines) - 1 - lines[::-1].index(last) if last in lines else len(lines) - 1
    return [line in listed or not (start <= i <= end) for i, line in enumerate(lines)]


def score_article(article: Article, gold: dict, tally: Tally, verbose: bool) -> None:
    lines = split_lines(article.raw)
    labels = gold_labels(gold, [ln.text for ln in lines])
    reason_at = {r.start: r.reason for r in article.removed_lines}
    for line, is_junk in zip(lines, labels, strict=True):
        reason = reason_at.get(line.start)
        title_body = (reason == "title" and not is_junk
                      and line.text == gold["body_first_line"].strip())
        if title_body:
            tally.title_kept_by_gold += 1
            continue
        tally.gold_removed += is_junk
        tally.removed += reason is not None
        tally.hit += is_junk and reason is not None
        tally.gold_body += not is_junk
        tally.body_lost += (not is_junk) and reason is not None
        if verbose and is_junk != (reason is not None):
            kind = "LOST  " if reason else "MISSED"
            tally.problems.append(f"  {kind} {gold['id']}: [{reason}] {line.text[:110]}")


def score_date(article: Article, gold: dict, raw: RawArticle, tally: Tally, verbose: bool) -> None:
    in_meta = raw.meta.pub_date is not None
    if gold["pub_date"] and (gold["pub_date_in_text"] or in_meta):
        tally.dates_due += 1
        right = article.pub_date == gold["pub_date"]
        tally.dates_right += right
        if verbose and not right:
            tally.problems.append(f"  DATE {gold['id']}: {article.pub_date} "
                                  f"({article.pub_date_source}) vs gold {gold['pub_date']}")
    if gold["pub_date_in_text"]:
        tally.dates_text_due += 1


def text_only_date(article: Article, gold: dict, tally: Tally, verbose: bool) -> None:
    """Date found from the text alone (manifest left out)."""
    if gold["pub_date_in_text"]:
        right = article.pub_date == gold["pub_date"]
        tally.dates_text_right += right
        if verbose and not right:
            tally.problems.append(f"  TEXT-DATE {gold['id']}: {article.pub_date} "
                                  f"({article.pub_date_source}) vs gold {gold['pub_date']}")


def run_set(name: str, knowledge, verbose: bool) -> Tally:
    folder = CORPUS / name
    options = Options()
    tally = Tally()
    for use_manifest in (True, False):
        raws = [r for r in iter_inputs([folder], folder / "manifest.jsonl", options)
                if isinstance(r, RawArticle)]
        if not use_manifest:
            raws = [RawArticle(r.doc_id, r.source_path, r.fmt, r.text) for r in raws]
        profile = build_profile(raws, options)
        for raw in raws:
            gold = json.loads(Path(raw.source_path).with_suffix(".json").read_text("utf-8"))
            article = clean(raw, knowledge, profile, options)
            if not isinstance(article, Article):
                tally.problems.append(f"  REJECTED {raw.doc_id}: {article.reason}")
                continue
            if use_manifest:
                score_article(article, gold, tally, verbose)
                score_date(article, gold, raw, tally, verbose)
            else:
                text_only_date(article, gold, tally, verbose)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=["seeds", "dev", "dev2"])
    parser.add_argument("--verbose", action="store_true", help="list every wrong line and date")
    args = parser.parse_args()
    knowledge = load_knowledge()
    print(f"{'set':6} {'bp-recall':>9} {'bp-prec':>8} {'body-lost':>9} {'titles*':>7} "
          f"{'pubdate':>9} {'text-only-date':>14}")
    for name in args.sets:
        t = run_set(name, knowledge, args.verbose)
        recall = t.hit / t.gold_removed if t.gold_removed else 1.0
        precision = t.hit / t.removed if t.removed else 1.0
        lost = t.body_lost / t.gold_body if t.gold_body else 0.0
        print(f"{name:6} {recall:9.3f} {precision:8.3f} {lost:9.3%} {t.title_kept_by_gold:7d} "
              f"{t.dates_right:4d}/{t.dates_due:<4d} {t.dates_text_right:7d}/{t.dates_text_due:<6d}")
        for problem in t.problems:
            print(problem)
    print("* titles: headline lines the gold counts as body and we remove as title (metadata); "
          "not counted above.")


if __name__ == "__main__":
    main()
