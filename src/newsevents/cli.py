"""Command line: each command is a thin wrapper over a public function of the library.

Only this module prints and chooses exit codes: 0 success, 1 when every input failed,
2 for usage and configuration errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsevents.errors import NewsEventsError, UsageError
from newsevents.options import Options
from newsevents.records import ArticleResult, RunResult

EXIT_OK, EXIT_ALL_FAILED, EXIT_USAGE = 0, 1, 2


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


# --------------------------------------------------------------------------- extract


def _options_from(args: argparse.Namespace) -> Options:
    return Options.build(
        config=args.config,
        model=args.model,
        processes=args.processes,
        min_confidence=args.min_confidence,
        kb_dirs=tuple(args.kb) if args.kb else None,
        link=False if args.no_link else None,
        engine=getattr(args, "engine", None),
        scheduler=getattr(args, "scheduler", None),
        workers=getattr(args, "workers", None),
        progress=False if args.quiet else None,
    )


def _run_with_progress(args: argparse.Namespace, options: Options) -> RunResult:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from newsevents.pipeline import extract

    err = _console(stderr=True)
    progress = Progress(TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=err, disable=not options.progress,
                        transient=False)
    task = progress.add_task("extract", total=None)

    def on_article(result: ArticleResult) -> None:
        if not result.ok and result.rejection is not None:
            progress.console.print(
                f"[red]error[/red] {result.source_path}: {result.rejection.stage}: "
                f"{result.rejection.reason}", markup=True, highlight=False, soft_wrap=True)
        progress.advance(task)

    with progress:
        return extract(args.inputs, manifest=args.manifest, options=options,
                       on_start=lambda n: progress.update(task, total=n), on_article=on_article)


def summary_tables(run: RunResult) -> list[Any]:
    """Rich tables summarising a run: inputs, events by type, top dyads."""
    from rich.table import Table

    ok = sum(1 for a in run.articles if a.ok)
    failed = len(run.articles) - ok
    inputs = Table(title="Articles")
    inputs.add_column("ok", justify="right")
    inputs.add_column("failed", justify="right")
    inputs.add_column("events", justify="right")
    inputs.add_column("stories", justify="right")
    inputs.add_column("duplicate groups", justify="right")
    inputs.add_row(str(ok), str(failed), str(len(run.events)), str(len(run.stories)),
                   str(len(run.duplicates)))
    by_type = Table(title="Events by type")
    by_type.add_column("type")
    by_type.add_column("events", justify="right")
    by_type.add_column("background", justify="right")
    counts = Counter(e.type for e in run.events)
    background = Counter(e.type for e in run.events if e.background)
    for kind, n in counts.most_common():
        by_type.add_row(kind, str(n), str(background[kind]))
    dyads = Table(title="Top dyads")
    dyads.add_column("dyad")
    dyads.add_column("events", justify="right")
    pairs = Counter(
        "-".join(sorted({c for c in ((e.source.country if e.source else None),
                                     (e.target.country if e.target else None)) if c}))
        for e in run.events
    )
    for dyad, n in pairs.most_common(10):
        dyads.add_row(dyad or "(unknown)", str(n))
    tables = [inputs, by_type, dyads]
    if failed:
        errors = Table(title="Failed inputs")
        errors.add_column("input")
        errors.add_column("reason")
        for a in run.articles:
            if not a.ok and a.rejection is not None:
                errors.add_row(a.source_path, f"{a.rejection.stage}: {a.rejection.reason}")
        tables.append(errors)
    return tables


def cmd_extract(args: argparse.Namespace) -> int:
    from newsevents.output import write_run

    options = _options_from(args)
    if options.engine == "dask":
        from newsevents.engine_dask import run_dask

        run = run_dask(args.inputs, args.manifest, options, args.out)
    else:
        run = _run_with_progress(args, options)
    paths = write_run(run, args.out)
    db_path = Path(args.db) if args.db else Path(args.out) / "newsevents.duckdb"
    _write_store(run, db_path, options)
    out = _console()
    if not args.quiet:
        for table in summary_tables(run):
            out.print(table)
        out.print(f"wrote {', '.join(str(p) for p in paths.values())} and {db_path}")
    if run.articles and not any(a.ok for a in run.articles):
        return EXIT_ALL_FAILED
    return EXIT_OK


def _write_store(run: RunResult, db_path: Path, options: Options) -> None:
    from newsevents import store

    store.save_run(run, db_path, options)


# --------------------------------------------------------------------------- evaluate

GATE_KEYS = (
    ("boilerplate_recall", "boilerplate recall"),
    ("boilerplate_precision", "boilerplate precision"),
    ("body_lines_lost", "body lines lost"),
    ("pub_date_accuracy", "pub date accuracy (all)"),
    ("pub_date_accuracy_findable", "pub date accuracy (in text or metadata)"),
    ("main_event_found", "main event found"),
    ("main_type_accuracy", "main type"),
    ("main_dyad_accuracy", "main dyad"),
    ("main_date_accuracy", "main date"),
    ("main_status_accuracy", "main status"),
    ("event_precision", "event precision (lenient)"),
    ("event_recall", "event recall (lenient)"),
    ("event_f1", "event F1 (lenient)"),
    ("type_accuracy", "type accuracy (matched)"),
    ("date_accuracy", "date accuracy (matched)"),
    ("background_accuracy", "background accuracy (matched)"),
    ("status_accuracy", "status accuracy (matched)"),
    ("actor_pair_accuracy", "ordered actor pair (matched)"),
    ("pair_recall", "same-event pair recall"),
    ("pair_precision", "same-event pair precision"),
)


def _fmt(value: Any) -> str:
    return "n/a" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def cmd_evaluate(args: argparse.Namespace) -> int:
    from newsevents import evaluate

    if bool(args.pred) == bool(args.run):
        raise UsageError("give exactly one of --pred OUTDIR or --run")
    manifests = args.manifest or []
    if args.run:
        options = Options.build(config=args.config, model=args.model, processes=args.processes,
                                progress=False)
        scores = evaluate.evaluate_run(args.gold, manifests, options=options)
    else:
        scores = evaluate.evaluate_outputs(args.gold, args.pred, manifests)
    if args.json:
        print(json.dumps(scores, indent=2, ensure_ascii=False))
        return EXIT_OK
    from rich.table import Table

    table = Table(title=f"newsevents evaluate — {', '.join(args.gold)}")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_row("articles (gold / predicted)", f"{scores['articles']} / {scores['articles_predicted']}")
    table.add_row("events (gold / predicted / matched)",
                  f"{scores['events_gold']} / {scores['events_predicted']} / {scores['events_matched']}")
    table.add_row("same-event pairs (gold / predicted)",
                  f"{scores['pairs_gold']} / {scores['pairs_predicted']}")
    for key, label in GATE_KEYS:
        table.add_row(label, _fmt(scores.get(key)))
    out = _console()
    out.print(table)
    if args.verbose:
        for line in scores["pub_date_wrong"] + scores["missed_events"]:
            out.print(line, markup=False, highlight=False)
    return EXIT_OK


# --------------------------------------------------------------------------- parser


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", help="TOML config file ([newsevents] table)")
    p.add_argument("--model", help="spaCy pipeline name (env NEWSEVENTS_MODEL)")
    p.add_argument("--processes", type=int, help="worker processes (default 2)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsevents", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract events from articles")
    ex.add_argument("inputs", nargs="+", help="files, folders (recursive) or - for stdin")
    ex.add_argument("--out", required=True, help="output folder")
    ex.add_argument("--manifest", action="append", help="JSONL/CSV metadata (url, outlet, pub_date)")
    ex.add_argument("--db", help="DuckDB store to add to (default OUT/newsevents.duckdb)")
    ex.add_argument("--kb", action="append", help="extra knowledge folder (repeatable)")
    ex.add_argument("--min-confidence", type=float, help="drop events below this confidence")
    ex.add_argument("--no-link", action="store_true", help="skip linking across articles")
    ex.add_argument("--engine", choices=["local", "dask"], help="execution engine")
    ex.add_argument("--scheduler", help="Dask scheduler address (tcp://host:8786)")
    ex.add_argument("--workers", type=int, help="Dask LocalCluster workers")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    _add_run_options(ex)
    ex.set_defaults(func=cmd_extract)

    ev = sub.add_parser("evaluate", help="score output against gold files")
    ev.add_argument("--gold", nargs="+", required=True, help="gold folders (corpus/GUIDE.md)")
    ev.add_argument("--pred", help="output folder of an earlier extract run")
    ev.add_argument("--run", action="store_true", help="run extract on the gold texts first")
    ev.add_argument("--manifest", action="append", help="manifest(s) given to the run")
    ev.add_argument("--json", action="store_true", help="print JSON")
    ev.add_argument("-v", "--verbose", action="store_true", help="list misses")
    _add_run_options(ev)
    ev.set_defaults(func=cmd_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except NewsEventsError as exc:
        print(f"newsevents: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("newsevents: interrupted; committed articles are kept in the store", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
