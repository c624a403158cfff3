"""Article-extraction benchmark (scrapinghub/article-extraction-benchmark, 181 news pages).

    .venv/bin/python bench/extraction_benchmark.py [--path html|text|both] [--outputs] [--worst N]

Metric, re-implemented from the description in refdata/SOURCES.md: tokens are `\\w+` (unicode);
each text is a multiset of 4-token shingles; per page TP = multiset intersection with the ground
truth, FP = predicted only, FN = truth only; per-page precision TP/(TP+FP) and recall TP/(TP+FN)
(1.0 when both texts are empty), averaged over pages (precision over pages with TP+FP > 0, recall
over pages with TP+FN > 0); F1 = harmonic mean of the two averages.

Paths measured:
  html  our ingest (trafilatura with our options) + our line cleaning on html/*.html.gz
  text  our line cleaning on output/html-text.json (the raw full-page text)
`--outputs` also scores the extractors' stored outputs (checks the metric against the published
figures: trafilatura 0.958, html-text 0.665).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "refdata" / "article-extraction-benchmark"
sys.path.insert(0, str(ROOT / "src"))

from newsevents.clean import build_profile, clean, clean_lines  # noqa: E402
from newsevents.errors import InputError  # noqa: E402
from newsevents.ingest import extract_html  # noqa: E402
from newsevents.knowledge import load_knowledge  # noqa: E402
from newsevents.options import Options  # noqa: E402
from newsevents.records import Article, Metadata, RawArticle  # noqa: E402

TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The multiset of 4-token shingles (a shorter text is one shingle of all its tokens)."""
    tokens = TOKEN.findall(text)
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


@dataclass(frozen=True)
class PageScore:
    item: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score_page(item: str, predicted: str, truth: str) -> PageScore:
    pred, gold = shingles(predicted), shingles(truth)
    tp = sum((pred & gold).values())
    return PageScore(item, tp, sum(pred.values()) - tp, sum(gold.values()) - tp)


@dataclass(frozen=True)
class Summary:
    f1: float
    precision: float
    recall: float
    pages: tuple[PageScore, ...]


def summarise(pages: list[PageScore]) -> Summary:
    with_pred = [p.precision for p in pages if p.tp + p.fp > 0]
    with_gold = [p.recall for p in pages if p.tp + p.fn > 0]
    precision = sum(with_pred) / len(with_pred) if with_pred else 0.0
    recall = sum(with_gold) / len(with_gold) if with_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Summary(f1, precision, recall, tuple(pages))


def evaluate(predictions: Mapping[str, str], truth: Mapping[str, str]) -> Summary:
    return summarise([score_page(item, predictions.get(item, ""), body)
                      for item, body in sorted(truth.items())])


def load_truth() -> dict[str, str]:
    data = json.loads((BENCH / "ground-truth.json").read_text("utf-8"))
    return {item: value["articleBody"] for item, value in data.items()}


def load_output(name: str) -> dict[str, str]:
    data = json.loads((BENCH / "output" / f"{name}.json").read_text("utf-8"))
    data = data.get("output", data)
    return {item: value.get("articleBody") or "" for item, value in data.items()}


def cleaned_bodies(raws: list[RawArticle]) -> dict[str, str]:
    """Our line cleaning's body for each page.

    The benchmark has pages in Korean, Portuguese, Italian...: `clean()` rejects those as not
    English (a product decision, counted and printed here), so the body measured is the one the
    line cleaning (`clean_lines`, the same code `clean()` runs) keeps.
    """
    options, knowledge = Options(), load_knowledge()
    profile = build_profile(raws, options)
    bodies: dict[str, str] = {}
    rejected = 0
    for raw in raws:
        rejected += not isinstance(clean(raw, knowledge, profile, options), Article)
        verdicts = clean_lines(raw.text, knowledge.boilerplate, profile, raw.meta.title,
                               raw.html is not None)
        bodies[raw.doc_id] = "\n".join(
            line.text for line, reason in zip(verdicts.lines, verdicts.reasons, strict=True)
            if reason is None)
    print(f"  ({rejected} of {len(raws)} pages rejected by clean(), mostly not English)")
    return bodies


def html_path(truth: Mapping[str, str]) -> dict[str, str]:
    raws: list[RawArticle] = []
    for item in sorted(truth):
        page = gzip.decompress((BENCH / "html" / f"{item}.html.gz").read_bytes()).decode("utf-8")
        try:
            found = extract_html(page)
        except InputError:
            continue
        raws.append(RawArticle(item, item, "html", found.text, Metadata(title=found.title),
                               html=page))
    return cleaned_bodies(raws)


def text_path(truth: Mapping[str, str]) -> dict[str, str]:
    pages = load_output("html-text")
    raws = [RawArticle(item, item, "txt", pages.get(item, "")) for item in sorted(truth)
            if pages.get(item, "").strip()]
    return cleaned_bodies(raws)


def report(name: str, summary: Summary, worst: int) -> None:
    print(f"{name:28} F1 {summary.f1:.3f}  P {summary.precision:.3f}  R {summary.recall:.3f}")
    ranked = sorted(summary.pages, key=lambda p: min(p.precision, p.recall))
    for page in ranked[:worst]:
        print(f"    {page.item[:16]}  P {page.precision:.2f}  R {page.recall:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", choices=("html", "text", "both"), default="both")
    parser.add_argument("--outputs", action="store_true", help="also score stored outputs")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    args = parser.parse_args()
    truth = load_truth()
    if args.outputs:
        for name in ("trafilatura", "html-text"):
            report(f"stored {name}", evaluate(load_output(name), truth), 0)
    runs: list[tuple[str, Callable[[Mapping[str, str]], dict[str, str]]]] = []
    if args.path in ("html", "both"):
        runs.append(("html: ingest + clean", html_path))
    if args.path in ("text", "both"):
        runs.append(("text: clean html-text.json", text_path))
    for name, run in runs:
        report(name, evaluate(run(truth), truth), args.worst)


if __name__ == "__main__":
    main()
