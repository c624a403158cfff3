"""Score the event coder against the gold sets (corpus/GUIDE.md) without the rest of the pipeline.

    .venv/bin/python bench/coding_gold.py [SET ...] [--verbose] [--doc SUBSTRING]

SET defaults to seeds dev dev2 under ../shared/corpus. Each article is read from its .txt, the
body taken between the gold `body_first_line` and `body_last_line` (so cleaning errors do not
count against coding), parsed, given actor mentions (actors.find_actors; while that stage is not
implemented, a plain longest-name lookup in the actor knowledge base) and time expressions, and
coded. Prints:

- main found / main type: the predicted main event matches the gold main (lenient) / same type
- lenient P/R/F1: same sentence, same quad class, gold countries present among the event's
- type, background, status accuracy on the lenient matches
- the same P/R/F1 ignoring countries ("sentence+quad"), to see coding apart from actor resolution

With --verbose every article lists its gold events (ok / MISS / CTRY = found with other countries)
and predicted events (ok / FP, with trigger, date, confidence c= and attribution).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT / "src"))

from newsevents import actors, dates, nlp  # noqa: E402
from newsevents.coding import code_events  # noqa: E402
from newsevents.knowledge import Knowledge, load_knowledge  # noqa: E402
from newsevents.options import Options  # noqa: E402
from newsevents.records import ActorMention, Article, Event, Line, Parsed  # noqa: E402

WORD = re.compile(r"\w+")
QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    matched: int = 0
    matched_loose: int = 0
    pred_loose: int = 0
    type_ok: int = 0
    bg_ok: int = 0
    status_ok: int = 0
    mains: int = 0
    main_found: int = 0
    main_type: int = 0


def article_of(txt: Path, gold: dict, pub_date: str | None, row: dict | None = None,
               knowledge: Knowledge | None = None) -> Article:
    """The gold body (first to last body line, minus boilerplate lines) as an Article."""
    raw = txt.read_text(encoding="utf-8")
    lines, pos, inside = [], 0, False
    boiler = set(gold.get("boilerplate_lines") or [])
    title = None
    for text in raw.split("\n"):
        start, end = pos, pos + len(text)
        pos = end + 1
        stripped = text.strip()
        if not stripped:
            continue
        if not inside and stripped == (gold.get("body_first_line") or "").strip():
            inside = True
        if title is None and not inside:
            title = stripped
        if inside and stripped not in boiler:
            lead = len(text) - len(text.lstrip())
            lines.append(Line(start + lead, start + lead + len(stripped), stripped))
        if inside and stripped == (gold.get("body_last_line") or "").strip():
            break
    if not lines:  # body lines not found verbatim: take every non-blank line
        pos = 0
        for text in raw.split("\n"):
            if text.strip():
                lead = len(text) - len(text.lstrip())
                lines.append(Line(pos + lead, pos + lead + len(text.strip()), text.strip()))
            pos += len(text) + 1
    row = row or {}
    outlet = None
    if knowledge is not None:
        outlet = knowledge.outlets.resolve(row.get("outlet")) or knowledge.outlets.lookup_url(
            row.get("url"))
    return Article(doc_id=txt.stem, source_path=str(txt), raw=raw, body_lines=tuple(lines),
                   title=title, pub_date=pub_date, url=row.get("url"),
                   outlet=outlet.name if outlet else row.get("outlet"),
                   outlet_country=outlet.country if outlet else None)


def lookup_mentions(parsed: Parsed, knowledge: Knowledge) -> tuple[ActorMention, ...]:
    """Stand-in for actors.find_actors: longest capitalised name the actor KB knows."""
    from newsevents.knowledge.actorkb import lookup_name

    doc, out, i = parsed.doc, [], 0
    while i < len(doc):
        hit = None
        if doc[i].text[:1].isupper() or doc[i].lower_ in ("the",):
            for n in range(min(6, len(doc) - i), 0, -1):
                span = doc[i : i + n]
                if "\n" in span.text:
                    continue
                refs = lookup_name(knowledge.actors, span.text, parsed.article.pub_date)
                if refs and (span[0].text[:1].isupper() or n > 1):
                    hit = (n, refs[0])
                    break
        if hit is None:
            i += 1
            continue
        n, ref = hit
        sent = parsed.sentence_of_token(i)
        out.append(ActorMention(ref=ref, sent_index=sent.index, tok_start=i, tok_end=i + n))
        i += n
    return tuple(out)


def mentions_for(parsed: Parsed, knowledge: Knowledge) -> tuple[ActorMention, ...]:
    try:
        return tuple(actors.find_actors(parsed, knowledge.actors))
    except NotImplementedError:
        return lookup_mentions(parsed, knowledge)


def norm(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def same_sentence(gold_ev: str, pred_ev: str) -> bool:
    g, p = norm(gold_ev), norm(pred_ev)
    if not g or not p:
        return False
    if g in p or p in g:
        return True
    gw, pw = set(g.split()), set(p.split())
    return len(gw & pw) / max(1, len(gw | pw)) > 0.6


def countries(side: dict | None) -> set[str]:
    return {side["country"]} if side and side.get("country") else set()


def event_countries(e: Event) -> set[str]:
    return {r.country for r in (e.source, e.target) if r is not None and r.country}


def lenient(g: dict, e: Event, with_countries: bool = True) -> bool:
    if not same_sentence(g["evidence"], e.evidence) or QUAD[g["type"]] != e.quad_class:
        return False
    if not with_countries:
        return True
    return (countries(g.get("source")) | countries(g.get("target"))) <= event_countries(e)


def match(golds: list[dict], preds: list[Event], with_countries: bool) -> list[tuple[dict, Event]]:
    """One-to-one greedy matching, same type first."""
    pairs, used = [], set()
    for same_type in (True, False):
        for g in golds:
            if any(g is pg for pg, _ in pairs):
                continue
            for n, e in enumerate(preds):
                if n in used or (same_type and e.type != g["type"]):
                    continue
                if lenient(g, e, with_countries):
                    pairs.append((g, e))
                    used.add(n)
                    break
    return pairs


def articles(sets: list[str]) -> Iterator[tuple[Path, dict, str | None, dict]]:
    for name in sets:
        folder = CORPUS / name
        manifest = {}
        for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                manifest[row["doc_id"]] = row
        for gold_path in sorted(folder.glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            row = manifest.get(gold_path.stem, {})
            pub_date = row.get("pub_date") or gold.get("pub_date")
            yield gold_path.with_suffix(".txt"), gold, pub_date, row


def show(doc_id: str, golds: list[dict], preds: list[Event], pairs: list, loose: list) -> None:
    print(f"\n=== {doc_id}")
    matched_g = {id(g) for g, _ in pairs}
    loose_g = {id(g): e for g, e in loose}
    matched_p = {id(e) for _, e in pairs}
    for g in golds:
        mark = "ok " if id(g) in matched_g else ("CTRY" if id(g) in loose_g else "MISS")
        src, tgt = g.get("source") or {}, g.get("target") or {}
        print(f"  G {mark} {'M' if g['main'] else ' '} {g['type']:9} {g['status']:9} "
              f"{'BG' if g['background'] else '  '} {src.get('country')}->{tgt.get('country')} "
              f"| {g['evidence'][:90]}")
    for e in preds:
        mark = "ok " if id(e) in matched_p else "FP  "
        src = e.source.country if e.source else None
        tgt = e.target.country if e.target else None
        print(f"  P {mark} {'M' if e.main else ' '} {e.type:9} {e.status:9} "
              f"{'BG' if e.background else '  '} {src}->{tgt} [{e.trigger}] {e.date} "
              f"c={e.confidence} att={e.attributed_to!r} | {e.evidence[:80]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="*", default=["seeds", "dev", "dev2"])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--doc", default=None)
    args = parser.parse_args()
    options = Options()
    knowledge = load_knowledge()
    pipeline = nlp.load_pipeline(options.model)
    tally = Tally()
    coding_seconds, articles_done = 0.0, 0
    for txt, gold, pub_date, row in articles(args.sets):
        if args.doc and args.doc not in txt.stem:
            continue
        parsed = nlp.parse(article_of(txt, gold, pub_date, row, knowledge), pipeline)
        mentions = mentions_for(parsed, knowledge)
        timerefs = dates.find_timerefs(parsed)
        started = time.perf_counter()
        preds = list(code_events(parsed, mentions, timerefs, knowledge, options))
        coding_seconds += time.perf_counter() - started
        articles_done += 1
        golds = gold["events"]
        pairs = match(golds, preds, with_countries=True)
        loose = match(golds, preds, with_countries=False)
        tally.gold += len(golds)
        tally.pred += len(preds)
        tally.matched += len(pairs)
        tally.matched_loose += len(loose)
        tally.type_ok += sum(g["type"] == e.type for g, e in pairs)
        tally.bg_ok += sum(g["background"] == e.background for g, e in pairs)
        tally.status_ok += sum(g["status"] == e.status for g, e in pairs)
        gold_main = next((g for g in golds if g["main"]), None)
        pred_main = next((e for e in preds if e.main), None)
        if gold_main is not None:
            tally.mains += 1
            if pred_main is not None and lenient(gold_main, pred_main):
                tally.main_found += 1
            if pred_main is not None and pred_main.type == gold_main["type"]:
                tally.main_type += 1
        if args.verbose:
            show(txt.stem, golds, preds, pairs, loose)
            if gold_main is not None and pred_main is not None:
                print(f"  MAIN gold {gold_main['type']} {gold_main['status']} {gold_main.get('date')}"
                      f" | pred {pred_main.type} {pred_main.status} {pred_main.date} "
                      f"[{pred_main.date_text}]")
            for g, e in pairs:
                if g["background"] != e.background or g["status"] != e.status:
                    print(f"  ~ bg {g['background']}/{e.background} status {g['status']}/"
                          f"{e.status} {e.type} [{e.trigger}] date={e.date} | {e.evidence[:90]}")
    report(tally)
    print(f"coding time     {1000 * coding_seconds / max(1, articles_done):.1f} ms per article "
          "(code_events only, after parsing)")


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def f1(matched: int, pred: int, gold: int) -> tuple[float, float, float]:
    p, r = ratio(matched, pred), ratio(matched, gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(t: Tally) -> None:
    p, r, f = f1(t.matched, t.pred, t.gold)
    lp, lr, lf = f1(t.matched_loose, t.pred, t.gold)
    print(f"gold events {t.gold}  predicted {t.pred}  matched {t.matched}")
    print(f"main found      {ratio(t.main_found, t.mains):.3f}  ({t.main_found}/{t.mains})")
    print(f"main type       {ratio(t.main_type, t.mains):.3f}")
    print(f"lenient P/R/F1  {p:.3f} {r:.3f} {f:.3f}")
    print(f"type accuracy   {ratio(t.type_ok, t.matched):.3f}")
    print(f"background acc  {ratio(t.bg_ok, t.matched):.3f}")
    print(f"status accuracy {ratio(t.status_ok, t.matched):.3f}")
    print(f"sentence+quad P/R/F1 (no countries) {lp:.3f} {lr:.3f} {lf:.3f}")


if __name__ == "__main__":
    main()
