"""Event-date accuracy of the `dates` stage against the gold sets in ../shared/corpus.

For every gold event: find its evidence sentence in the parsed article, take the sentence's main
verb as the event word (the verb of the reported clause when the main verb is "said"/"told"...),
ask `dates.event_date` for the time expression that dates it and its resolved date, with the
publication date from the set's manifest.jsonl. Events whose sentence has no cue for the word are
counted apart; for them the coder's rule applies (current news: the publication date; background:
no date), which the "effective" column scores.

    .venv/bin/python bench/dates_gold.py [--verbose] [--corpus ../shared/corpus]

The cleaner is not used: every non-blank line of the raw text that the gold file does not list as
boilerplate is a body line (a perfect cleaner); `--keep-boilerplate` keeps every line.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsevents import dates  # noqa: E402
from newsevents.nlp import load_pipeline, parse  # noqa: E402
from newsevents.options import Options  # noqa: E402
from newsevents.records import Article, Line, Parsed  # noqa: E402

SETS = ("seeds", "dev", "dev2")
FIND_SECONDS: list[float] = []
REPORTING = frozenset({"say", "tell", "add", "report", "state", "claim", "note", "quote", "confirm"})


@dataclass
class Tally:
    n: int = 0
    cue: int = 0
    cue_right: int = 0
    effective_right: int = 0
    newsday_right: int = 0
    any_word_right: int = 0
    misses: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        cue_acc = self.cue_right / self.cue if self.cue else float("nan")
        eff = self.effective_right / self.n if self.n else float("nan")
        nd = self.newsday_right / self.n if self.n else float("nan")
        anyw = self.any_word_right / self.n if self.n else float("nan")
        return (f"{name:<26} n={self.n:<4} cue={self.cue:<4} cue-acc={cue_acc:.3f}  "
                f"no-cue={self.n - self.cue:<4} effective(pub)={eff:.3f}  "
                f"effective(news-day)={nd:.3f}  any-word={anyw:.3f}")


def body_lines(raw: str, boilerplate: frozenset[str] = frozenset()) -> tuple[Line, ...]:
    lines, pos = [], 0
    for text in raw.split("\n"):
        stripped = text.rstrip("\r")
        if stripped.strip() and stripped.strip() not in boilerplate:
            lines.append(Line(pos, pos + len(stripped), stripped))
        pos += len(text) + 1
    return tuple(lines)


def event_token(parsed: Parsed, start: int, end: int):
    """The main verb of the sentence that best covers raw span [start, end)."""
    best, overlap = None, 0
    for sent in parsed.sentences:
        o = min(end, sent.end) - max(start, sent.start)
        if o > overlap:
            best, overlap = sent, o
    if best is None:
        return None
    span = parsed.doc.char_span(best.body_start, best.body_end, alignment_mode="expand")
    root = span.root
    if root.lemma_.lower() in REPORTING:
        for child in root.children:
            if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
                return child
    return root


def words_dates(parsed: Parsed, refs, start: int, end: int) -> set[str | None]:
    """Dates given to any verb or noun of the evidence (how good the best word choice could be)."""
    out: set[str | None] = set()
    for sent in parsed.sentences:
        if min(end, sent.end) - max(start, sent.start) <= 0:
            continue
        span = parsed.doc.char_span(sent.body_start, sent.body_end, alignment_mode="expand")
        for tok in span:
            if tok.pos_ in ("VERB", "NOUN", "AUX"):
                ref, got = dates.event_date(parsed, refs, tok)
                if ref is not None:
                    out.add(got)
    return out


def score_set(nlp, folder: Path, tallies: dict[str, Tally], verbose: bool, clean: bool) -> None:
    manifest = {}
    for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            manifest[row["doc_id"]] = row.get("pub_date")
    for gold_path in sorted(folder.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_id = gold_path.stem
        raw = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        pub = manifest.get(doc_id)
        boilerplate = frozenset(b.strip() for b in gold.get("boilerplate_lines", ())) if clean else frozenset()
        lines = body_lines(raw, boilerplate)
        article = Article(doc_id, str(gold_path), raw=raw, body_lines=lines, pub_date=pub)
        parsed = parse(article, nlp)
        began = time.perf_counter()
        refs = dates.find_timerefs(parsed)
        FIND_SECONDS.append(time.perf_counter() - began)
        _, day = dates.news_day(parsed, refs)
        for event in gold["events"]:
            start = raw.find(event["evidence"])
            token = event_token(parsed, start, start + len(event["evidence"])) if start >= 0 else None
            ref, got = dates.event_date(parsed, refs, token) if token is not None else (None, None)
            want = event.get("date")
            effective = got if ref else (None if event["background"] else pub)
            by_news_day = got if ref else (None if event["background"] else day)
            any_word = want in words_dates(parsed, refs, start, start + len(event["evidence"]))
            keys = ["all", "main" if event["main"] else ("background" if event["background"]
                                                         else "other current")]
            keys.append("articles with pub date" if pub else "articles without pub date")
            if event["main"]:
                keys.append("main, dated articles" if pub else "main, undated articles")
            for key in keys:
                t = tallies.setdefault(key, Tally())
                t.n += 1
                t.cue += ref is not None
                t.cue_right += ref is not None and got == want
                t.effective_right += effective == want
                t.newsday_right += by_news_day == want
                t.any_word_right += any_word
            if verbose and by_news_day != want:
                word = token.text if token is not None else "?"
                print(f"  {doc_id} [{'M' if event['main'] else 'B' if event['background'] else '-'}]"
                      f" pub={pub} gold={want} got={by_news_day} ref={ref.text if ref else None!r}"
                      f" word={word!r} | {event['evidence'][:110]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--verbose", action="store_true", help="print every wrong date")
    parser.add_argument("--keep-boilerplate", action="store_true",
                        help="parse every line, not only the gold body lines")
    args = parser.parse_args()
    nlp = load_pipeline(Options().model)
    tallies: dict[str, Tally] = {}
    began = time.perf_counter()
    for name in SETS:
        score_set(nlp, Path(args.corpus) / name, tallies, args.verbose, not args.keep_boilerplate)
    for key in ("main", "main, dated articles", "main, undated articles", "background", "other current", "all", "articles with pub date",
                "articles without pub date"):
        if key in tallies:
            print(tallies[key].line(key))
    print(f"seconds: {time.perf_counter() - began:.1f} (parsing included); find_timerefs: "
          f"{1000 * sum(FIND_SECONDS) / len(FIND_SECONDS):.2f} ms per article over "
          f"{len(FIND_SECONDS)} articles")


if __name__ == "__main__":
    main()
