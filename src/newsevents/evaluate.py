"""Score extracted articles and events against gold files (schema: shared corpus GUIDE.md).

Matching rules (documented in README, "Evaluation"):

* Lines are compared after stripping surrounding white space, as sets of distinct lines per
  article. Gold non-body lines are the gold `boilerplate_lines` plus every non-blank line before
  `body_first_line` or after `body_last_line` (titles, bylines, sidebars). Gold body lines are the
  other non-blank lines. Boilerplate recall = gold non-body lines we removed / gold non-body lines;
  precision = removed lines that are gold non-body / removed lines; body lost = gold body lines we
  removed / gold body lines. All three are pooled over articles. A headline removed as the title
  is kept as the article's title, not lost: it counts only where the gold says it is not body.
* Publication date: exact match of YYYY-MM-DD (null = null counts as right), over all articles and
  over the articles whose date a reader can find in the text or the metadata given to the run.
* Lenient event match (one-to-one per article, greedy, same-type candidates first): the predicted
  evidence span overlaps the gold evidence sentence by at least half of the shorter of the two;
  the two types share PLOVER's quad class; every gold country (source and target) is among the
  predicted source/target countries.
* Main event: the gold main event is "found" when some predicted event matches it; type, dyad
  (unordered set of the countries), date and status are judged on that matched prediction (the
  one flagged `main` if several match); an unmatched gold main event counts as wrong for all.
* Main date on dated articles: the main date judged only on the articles whose publication date
  the run could know (in the text or the metadata given). An undated article's relative dates
  ("on Thursday") stay null by design, so the all-article figure is bounded by the dated share.
* Same-event pairs: gold pairs are articles whose `event_key` is equal; predicted pairs are
  articles whose main events share a `story_id`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from newsevents.errors import GoldError
from newsevents.records import PLOVER_QUAD

_WS = re.compile(r"\s+")


def _norm(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


@dataclass(frozen=True)
class GoldArticle:
    """One gold record with the raw text it annotates."""

    doc_id: str
    gold_set: str
    raw: str
    record: dict[str, Any]

    @property
    def events(self) -> list[dict[str, Any]]:
        return list(self.record.get("events", []))

    @property
    def main_event(self) -> dict[str, Any] | None:
        return next((e for e in self.events if e.get("main")), None)


def load_gold(dirs: Sequence[str | Path]) -> list[GoldArticle]:
    """Every `<id>.json` gold record (with its `<id>.txt`) in the given folders."""
    gold: list[GoldArticle] = []
    for folder in map(Path, dirs):
        if not folder.is_dir():
            raise GoldError(f"gold folder {folder} does not exist")
        for path in sorted(folder.glob("*.json")):
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as exc:
                raise GoldError(f"{path}: not a JSON gold record ({exc})") from exc
            if not isinstance(record, dict) or "events" not in record:
                continue
            txt = path.with_suffix(".txt")
            raw = txt.read_text(encoding="utf-8") if txt.exists() else ""
            gold.append(GoldArticle(record.get("id") or path.stem, folder.name, raw, record))
    if not gold:
        raise GoldError(f"no gold records (*.json with 'events') in {', '.join(map(str, dirs))}")
    return gold


# --------------------------------------------------------------------------- cleaning


def _gold_line_sets(gold: GoldArticle) -> tuple[set[str], set[str]]:
    """(non-body lines, body lines) of a gold article, as stripped distinct lines."""
    lines = [_norm(line) for line in gold.raw.splitlines()]
    lines = [line for line in lines if line]
    first = _norm(gold.record.get("body_first_line"))
    last = _norm(gold.record.get("body_last_line"))
    boiler = {_norm(b) for b in gold.record.get("boilerplate_lines", []) if _norm(b)}
    start = lines.index(first) if first in lines else 0
    end = len(lines) - 1 - lines[::-1].index(last) if last in lines else len(lines) - 1
    outside = {line for i, line in enumerate(lines) if i < start or i > end}
    non_body = boiler | outside
    body = {line for line in lines[start : end + 1] if line not in non_body}
    return non_body, body


@dataclass
class _Ratio:
    hit: int = 0
    total: int = 0

    def add(self, hit: bool | int, total: int = 1) -> None:
        self.hit += int(hit)
        self.total += total

    @property
    def value(self) -> float | None:
        return self.hit / self.total if self.total else None


def _removed_lines(pred: dict[str, Any] | None, non_body: set[str]) -> set[str]:
    """Lines the prediction removed from the body.

    A headline taken out as the article's title is kept (as `title`), not lost: it counts as
    removed only where the gold says it is not body.
    """
    if pred is None or pred.get("status") != "ok":
        return set()
    lines = pred.get("removed_lines", [])
    reasons = pred.get("removed_reasons") or [None] * len(lines)
    return {
        _norm(line) for line, reason in zip(lines, reasons, strict=False)
        if _norm(line) and (reason != "title" or _norm(line) in non_body)
    }


def _cleaning_scores(gold: list[GoldArticle], preds: dict[str, dict[str, Any]]) -> dict[str, Any]:
    recall, precision, lost = _Ratio(), _Ratio(), _Ratio()
    for g in gold:
        pred = preds.get(g.doc_id)
        non_body, body = _gold_line_sets(g)
        removed = _removed_lines(pred, non_body)
        recall.add(len(non_body & removed), len(non_body))
        precision.add(len(removed & non_body), len(removed))
        lost.add(len(body & removed), len(body))
    return {
        "boilerplate_recall": recall.value,
        "boilerplate_precision": precision.value,
        "body_lines_lost": lost.value,
    }


def _pub_date_scores(
    gold: list[GoldArticle], preds: dict[str, dict[str, Any]], given: dict[str, str | None]
) -> dict[str, Any]:
    every, findable = _Ratio(), _Ratio()
    wrong: list[str] = []
    for g in gold:
        want = g.record.get("pub_date")
        got = (preds.get(g.doc_id) or {}).get("pub_date")
        every.add(got == want)
        if _findable(g, given):
            findable.add(got == want)
            if got != want:
                wrong.append(f"{g.doc_id}: {got} != {want}")
    return {
        "pub_date_accuracy": every.value,
        "pub_date_accuracy_findable": findable.value,
        "pub_date_wrong": wrong,
    }


# --------------------------------------------------------------------------- events


def _span_of(raw: str, sentence: str) -> tuple[int, int] | None:
    start = raw.find(sentence)
    if start < 0:
        norm_raw = raw.replace("\n", " ")
        start = norm_raw.find(_norm(sentence))
        if start < 0:
            return None
        return start, start + len(_norm(sentence))
    return start, start + len(sentence)


def _same_sentence(gold_event: dict[str, Any], pred: dict[str, Any], raw: str) -> bool:
    gold_span = _span_of(raw, gold_event.get("evidence") or "")
    start, end = pred.get("evidence_start"), pred.get("evidence_end")
    if gold_span is not None and start is not None and end is not None:
        overlap = min(gold_span[1], end) - max(gold_span[0], start)
        shorter = min(gold_span[1] - gold_span[0], end - start)
        return shorter > 0 and overlap >= 0.5 * shorter
    a = set(_norm(gold_event.get("evidence")).lower().split())
    b = set(_norm(pred.get("evidence")).lower().split())
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= 0.5


def _countries(event: dict[str, Any]) -> set[str]:
    found = set()
    for role in ("source", "target"):
        actor = event.get(role) or {}
        if actor.get("country"):
            found.add(actor["country"])
    return found


def lenient_match(gold_event: dict[str, Any], pred: dict[str, Any], raw: str) -> bool:
    """Same sentence, same quad class, every gold country among the predicted countries."""
    if PLOVER_QUAD.get(gold_event.get("type", "")) != PLOVER_QUAD.get(pred.get("type", "")):
        return False
    if not _countries(gold_event) <= _countries(pred):
        return False
    return _same_sentence(gold_event, pred, raw)


def match_events(
    gold_events: list[dict[str, Any]], preds: list[dict[str, Any]], raw: str
) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs under the lenient match."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, g in enumerate(gold_events):
        candidates = [pi for pi, p in enumerate(preds) if pi not in used and lenient_match(g, p, raw)]
        if not candidates:
            continue
        candidates.sort(key=lambda pi: (preds[pi].get("type") != g.get("type"),
                                        not preds[pi].get("main") if g.get("main") else 0))
        pairs.append((gi, candidates[0]))
        used.add(candidates[0])
    return pairs


@dataclass
class _EventTally:
    matched: int = 0
    n_gold: int = 0
    n_pred: int = 0
    type_ok: _Ratio = field(default_factory=_Ratio)
    date_ok: _Ratio = field(default_factory=_Ratio)
    background_ok: _Ratio = field(default_factory=_Ratio)
    status_ok: _Ratio = field(default_factory=_Ratio)
    pair_ok: _Ratio = field(default_factory=_Ratio)
    main_found: _Ratio = field(default_factory=_Ratio)
    main_type: _Ratio = field(default_factory=_Ratio)
    main_dyad: _Ratio = field(default_factory=_Ratio)
    main_date: _Ratio = field(default_factory=_Ratio)
    main_status: _Ratio = field(default_factory=_Ratio)
    main_date_dated: _Ratio = field(default_factory=_Ratio)
    misses: list[str] = field(default_factory=list)


def _ordered_pair_right(g: dict[str, Any], p: dict[str, Any]) -> bool:
    def country(event: dict[str, Any], role: str) -> str | None:
        return (event.get(role) or {}).get("country")

    return country(g, "source") == country(p, "source") and (
        country(g, "target") is None or country(g, "target") == country(p, "target")
    )


def _tally_article(tally: _EventTally, g: GoldArticle, preds: list[dict[str, Any]],
                   dated: bool = True) -> None:
    gold_events = g.events
    pairs = match_events(gold_events, preds, g.raw)
    tally.n_gold += len(gold_events)
    tally.n_pred += len(preds)
    tally.matched += len(pairs)
    matched_gold = {gi for gi, _ in pairs}
    for gi, pi in pairs:
        ge, pe = gold_events[gi], preds[pi]
        tally.type_ok.add(ge.get("type") == pe.get("type"))
        tally.date_ok.add(ge.get("date") == pe.get("date"))
        tally.background_ok.add(bool(ge.get("background")) == bool(pe.get("background")))
        tally.status_ok.add(ge.get("status") == pe.get("status"))
        tally.pair_ok.add(_ordered_pair_right(ge, pe))
    for gi, ge in enumerate(gold_events):
        if gi not in matched_gold:
            tally.misses.append(f"{g.doc_id}: missed {ge.get('type')} «{_norm(ge.get('evidence'))[:90]}»")
    main_index = next((i for i, e in enumerate(gold_events) if e.get("main")), None)
    if main_index is None:
        return
    gm = gold_events[main_index]
    hit = next((preds[pi] for gi, pi in pairs if gi == main_index), None)
    tally.main_found.add(hit is not None)
    tally.main_type.add(hit is not None and hit.get("type") == gm.get("type"))
    tally.main_dyad.add(hit is not None and _countries(hit) == _countries(gm))
    tally.main_date.add(hit is not None and hit.get("date") == gm.get("date"))
    if dated:
        tally.main_date_dated.add(hit is not None and hit.get("date") == gm.get("date"))
    tally.main_status.add(hit is not None and hit.get("status") == gm.get("status"))


def _findable(g: GoldArticle, given: dict[str, str | None]) -> bool:
    """Whether a reader of the input (text or given metadata) can know the publication date."""
    return bool(g.record.get("pub_date_in_text") or given.get(g.doc_id))


def _event_scores(gold: list[GoldArticle], events: dict[str, list[dict[str, Any]]],
                  given: dict[str, str | None] | None = None) -> dict[str, Any]:
    tally = _EventTally()
    for g in gold:
        _tally_article(tally, g, events.get(g.doc_id, []), _findable(g, given or {}))
    precision = tally.matched / tally.n_pred if tally.n_pred else None
    recall = tally.matched / tally.n_gold if tally.n_gold else None
    f1 = (2 * precision * recall / (precision + recall)) if precision and recall else 0.0
    return {
        "main_event_found": tally.main_found.value,
        "main_type_accuracy": tally.main_type.value,
        "main_dyad_accuracy": tally.main_dyad.value,
        "main_date_accuracy": tally.main_date.value,
        "main_date_accuracy_dated": tally.main_date_dated.value,
        "main_status_accuracy": tally.main_status.value,
        "events_gold": tally.n_gold,
        "events_predicted": tally.n_pred,
        "events_matched": tally.matched,
        "event_precision": precision,
        "event_recall": recall,
        "event_f1": f1,
        "type_accuracy": tally.type_ok.value,
        "date_accuracy": tally.date_ok.value,
        "background_accuracy": tally.background_ok.value,
        "status_accuracy": tally.status_ok.value,
        "actor_pair_accuracy": tally.pair_ok.value,
        "missed_events": tally.misses,
    }


def _pair_scores(gold: list[GoldArticle], events: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    def main_story(doc_id: str) -> str | None:
        doc_events = events.get(doc_id, [])
        main = next((e for e in doc_events if e.get("main")), doc_events[0] if doc_events else None)
        return main.get("story_id") if main else None

    gold_pairs, pred_pairs = set(), set()
    for a, b in combinations(sorted(gold, key=lambda g: g.doc_id), 2):
        key = (a.doc_id, b.doc_id)
        if a.record.get("event_key") and a.record.get("event_key") == b.record.get("event_key"):
            gold_pairs.add(key)
        sa, sb = main_story(a.doc_id), main_story(b.doc_id)
        if sa and sa == sb:
            pred_pairs.add(key)
    hit = len(gold_pairs & pred_pairs)
    return {
        "pairs_gold": len(gold_pairs),
        "pairs_predicted": len(pred_pairs),
        "pair_recall": hit / len(gold_pairs) if gold_pairs else None,
        "pair_precision": hit / len(pred_pairs) if pred_pairs else None,
    }


# --------------------------------------------------------------------------- entry points


def score(
    gold: list[GoldArticle],
    articles: Iterable[dict[str, Any]],
    events: Iterable[dict[str, Any]],
    given_pub_dates: dict[str, str | None] | None = None,
) -> dict[str, Any]:
    """All metrics for predictions (article and event JSON rows) against `gold`."""
    preds = {a["doc_id"]: a for a in articles}
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        by_doc.setdefault(event["doc_id"], []).append(event)
    result: dict[str, Any] = {"articles": len(gold), "articles_predicted": sum(
        1 for g in gold if g.doc_id in preds)}
    result.update(_cleaning_scores(gold, preds))
    result.update(_pub_date_scores(gold, preds, given_pub_dates or {}))
    result.update(_event_scores(gold, by_doc, given_pub_dates))
    result.update(_pair_scores(gold, by_doc))
    return result


def _manifest_dates(manifests: Sequence[str | Path],
                    gold_dirs: Sequence[str | Path] = ()) -> dict[str, str | None]:
    """doc_id -> pub_date the manifests give (read as ingest reads them), to know which
    publication dates were findable. With no manifest named, each gold folder's own manifest is
    the one ingest uses."""
    from newsevents.ingest import MANIFEST_NAMES, load_manifests

    if not manifests:
        manifests = [Path(d) / name for d in gold_dirs for name in MANIFEST_NAMES
                     if (Path(d) / name).is_file()]
    by_path = load_manifests(manifests).by_path
    return {entry.doc_id or Path(path).stem: entry.meta.pub_date
            for path, entry in by_path.items()}


def evaluate_outputs(gold_dirs: Sequence[str | Path], pred_dir: str | Path,
                     manifests: Sequence[str | Path] = ()) -> dict[str, Any]:
    """Score the `articles.jsonl` / `events.jsonl` of an earlier `extract --out` run."""
    from newsevents.output import read_jsonl

    pred = Path(pred_dir)
    gold = load_gold(gold_dirs)
    return score(gold, read_jsonl(pred / "articles.jsonl"), read_jsonl(pred / "events.jsonl"),
                 _manifest_dates(manifests, gold_dirs))


def evaluate_run(gold_dirs: Sequence[str | Path], manifests: Sequence[str | Path] = (),
                 **extract_kwargs: Any) -> dict[str, Any]:
    """Run `extract` on the gold folders' .txt files, then score the result."""
    from newsevents.pipeline import extract
    from newsevents.records import article_json, event_json

    gold = load_gold(gold_dirs)
    inputs = sorted(str(p) for d in gold_dirs for p in Path(d).glob("*.txt"))
    run = extract(inputs, manifest=list(manifests) or None, **extract_kwargs)
    return score(gold, [article_json(a) for a in run.articles],
                 [event_json(e) for e in run.events], _manifest_dates(manifests, gold_dirs))
