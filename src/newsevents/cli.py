"""Command line: each command is a thin wrapper over a public function of the library.

Only this module prints and chooses exit codes: 0 success, 1 when every input failed,
2 for usage and configuration errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from newsevents.errors import NewsEventsError, UsageError
from newsevents.options import Options
from newsevents.output import RunTally
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


def _progress_bar(options: Options) -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    # No refresh thread (auto_refresh=False): the worker pool forks, and a fork must not happen
    # while another thread may hold a lock. The bar is redrawn after each article instead.
    return Progress(TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=_console(stderr=True),
                    disable=not options.progress, transient=False, auto_refresh=False)


def _stream_with_progress(args: argparse.Namespace, options: Options,
                          record: Callable[[ArticleResult], None],
                          rerun: Callable[[ArticleResult], None],
                          leave_out: Callable[[], Any] | None = None,
                          runner: Any = None) -> Any:
    """Run `pipeline.extract_stream`, handing each result to `record` under a progress bar."""
    from newsevents.pipeline import extract_stream

    progress = _progress_bar(options)
    task = progress.add_task("extract", total=None)

    def on_article(result: ArticleResult) -> None:
        if not result.ok and result.rejection is not None:
            progress.console.print(
                f"[red]error[/red] {result.source_path}: {result.rejection.stage}: "
                f"{result.rejection.reason}", markup=True, highlight=False, soft_wrap=True)
        record(result)
        progress.advance(task)
        progress.refresh()

    with progress:
        return extract_stream(args.inputs, manifest=args.manifest, options=options,
                              on_start=lambda n: progress.update(task, total=n, refresh=True),
                              on_article=on_article, on_rerun=rerun, leave_out=leave_out,
                              runner=runner)


def summary_tables(run: RunResult | RunTally) -> list[Any]:
    """Rich tables summarising a run: inputs, events by type, top dyads (and failed inputs)."""
    from rich.table import Table

    from newsevents.output import tally_of

    tally = tally_of(run) if isinstance(run, RunResult) else run
    inputs = Table(title="Articles")
    inputs.add_column("ok", justify="right")
    inputs.add_column("failed", justify="right")
    inputs.add_column("events", justify="right")
    inputs.add_column("stories", justify="right")
    inputs.add_column("duplicate groups", justify="right")
    inputs.add_row(str(tally.ok), str(len(tally.failed)), str(tally.events), str(tally.stories),
                   str(tally.duplicates))
    by_type = Table(title="Events by type")
    by_type.add_column("type")
    by_type.add_column("events", justify="right")
    by_type.add_column("background", justify="right")
    for kind, n in tally.by_type.most_common():
        by_type.add_row(kind, str(n), str(tally.background[kind]))
    dyads = Table(title="Top dyads")
    dyads.add_column("dyad")
    dyads.add_column("events", justify="right")
    for dyad, n in tally.dyads.most_common(10):
        dyads.add_row(dyad or "(unknown)", str(n))
    tables = [inputs, by_type, dyads]
    if tally.failed:
        errors = Table(title="Failed inputs")
        errors.add_column("input")
        errors.add_column("reason")
        for source_path, error in tally.failed:
            errors.add_row(source_path, error)
        tables.append(errors)
    return tables


def _extract_streaming(args: argparse.Namespace, options: Options, db_path: Path,
                       runner: Any = None) -> tuple[dict[str, Path], RunTally]:
    """Each result goes to the store and the output spool as it is done (`runner`: the engine,
    by default the local one)."""
    from newsevents import store
    from newsevents.output import RunWriter

    # Each article is committed to the store as soon as it is processed, so an interrupted
    # run keeps what it did and the next run does not add it twice.
    with store.open_store(db_path) as opened, \
            store.RunRecorder(opened, options) as recorder, RunWriter(args.out) as writer:

        def record(result: ArticleResult) -> None:
            recorder.record(result)
            writer.add(result)

        def rerun(result: ArticleResult) -> None:
            recorder.rerun(result)
            writer.add(result)

        # Copies the store skips stay out of the links, which then match the store as it is.
        streamed = _stream_with_progress(args, options, record, rerun, recorder.skipped,
                                         runner)
        links = streamed.links
        recorder.finish_links(links.stories, links.duplicates, streamed.order, streamed.left_out)
        story_of = links.story_of() if streamed.linked else None
        return writer.finish(streamed.order, links.stories, links.duplicates, story_of)


def cmd_extract(args: argparse.Namespace) -> int:
    from newsevents import store

    options = _options_from(args)
    db_path = Path(args.db) if args.db else Path(args.out) / "newsevents.duckdb"
    db_path.parent.mkdir(parents=True, exist_ok=True)
    if options.engine == "dask":
        from newsevents.engine_dask import PARQUET_DIR, dask_runner, export_parquet

        with dask_runner(options) as runner:
            paths, tally = _extract_streaming(args, options, db_path, runner)
        with store.open_store(db_path) as opened:
            paths["parquet"] = export_parquet(opened.connection, Path(args.out) / PARQUET_DIR,
                                              options.batch_size)
    else:
        paths, tally = _extract_streaming(args, options, db_path)
    out = _console()
    if not args.quiet:
        for table in summary_tables(tally):
            out.print(table)
        out.print(f"wrote {', '.join(str(p) for p in paths.values())} and {db_path}")
    if tally.articles and not tally.ok:
        return EXIT_ALL_FAILED
    return EXIT_OK


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
    ("main_date_accuracy_dated", "main date (dated articles)"),
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


# --------------------------------------------------------------------------- store commands


def _print_rows(columns: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None = None,
                as_json: bool = False) -> None:
    if as_json:
        for row in rows:
            print(json.dumps(dict(zip(columns, row, strict=False)), ensure_ascii=False, default=str))
        return
    from rich.table import Table

    table = Table(title=title)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    _console().print(table)


def _short(value: Any, limit: int = 90) -> Any:
    return value[: limit - 1] + "…" if isinstance(value, str) and len(value) > limit else value


QUERY_COLUMNS = ("event_id", "date", "type", "source_code", "target_code", "status", "background",
                 "outlet", "story_id", "evidence")


def cmd_query(args: argparse.Namespace) -> int:
    from newsevents import query

    if args.sql:
        columns, rows = query.run_sql(args.db, args.sql)
        _print_rows(columns, rows, as_json=args.json)
        return EXIT_OK
    events = query.query_events(
        args.db, dyad=args.dyad, type=args.type, since=args.since, until=args.until,
        actor=args.actor, outlet=args.outlet, story=args.story, background=args.background,
        limit=args.limit,
    )
    if args.json:
        columns = sorted({k for e in events for k in e})
        rows = [[e.get(c) for c in columns] for e in events]
    else:
        columns = list(QUERY_COLUMNS)
        rows = [[_short(e.get(c)) for c in columns] for e in events]
    _print_rows(columns, rows,
                title=f"{len(events)} events", as_json=args.json)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from newsevents import export

    count = export.export(args.db, args.format, args.out, tuple(args.kb or ()))
    _console(stderr=True).print(f"wrote {count} records to {args.out}")
    return EXIT_OK


def cmd_timeline(args: argparse.Namespace) -> int:
    from newsevents import timeline

    rows = timeline.dyad_timeline(args.db, args.dyad, freq=args.freq, directed=args.directed,
                                  include_background=not args.no_background)
    print(timeline.render_terminal(rows, title=f"{args.dyad} by {args.freq}",
                                   color=sys.stdout.isatty()))
    for path in args.png or ():
        _console(stderr=True).print(f"wrote {timeline.save_chart(rows, path, title=args.dyad)}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from newsevents import report

    path = report.build_report(args.db, args.out, title=args.title, kb_dirs=tuple(args.kb or ()))
    _console(stderr=True).print(f"wrote {path}")
    return EXIT_OK


def cmd_story(args: argparse.Namespace) -> int:
    from newsevents import link, store

    with store.open_store(args.db, read_only=True) as opened:
        run = opened.load_results()
    view = link.story_view(run, args.story_id)
    if args.json:
        print(json.dumps(view, indent=2, ensure_ascii=False, default=str))
    else:
        for part in _story_renderables(view):
            _console().print(part)
    return EXIT_OK


def _actor_code(actor: dict[str, Any] | None) -> str:
    return (actor or {}).get("code") or (actor or {}).get("country") or "?"


def _story_renderables(view: dict[str, Any]) -> list[Any]:
    """A story as terminal output: header, every mention, then each outlet's own account."""
    from rich.columns import Columns
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    story = view["story"]
    header = Text(f"{story['story_id']}  {story['type']}  {story.get('dyad') or ''}  "
                  f"{story.get('date') or 'date unknown'}  ({story['n_mentions']} mentions, "
                  f"first reported {story.get('first_reported') or '?'})", style="bold")
    mentions = Table(title="Mentions")
    for column in ("outlet", "pub_date", "type", "source", "target", "date", "evidence"):
        mentions.add_column(column, overflow="fold")
    for m in view.get("mentions", []):
        mentions.add_row(m.get("outlet") or "", m.get("pub_date") or "", m["type"],
                         _actor_code(m.get("source")), _actor_code(m.get("target")),
                         m.get("date") or "", m.get("evidence") or "")
    panels = []
    for account in view.get("accounts", []):
        lines = [f"{e['type']} {_actor_code(e.get('source'))}->{_actor_code(e.get('target'))}: "
                 f"{e.get('evidence', '')}" for e in account.get("only_here", [])]
        body = "\n\n".join(lines) if lines else "(nothing the other outlets do not report)"
        title = f"{account.get('outlet') or '?'} ({account.get('outlet_country') or '?'}) only"
        panels.append(Panel(Text(body), title=title, width=60))
    return [header, mentions, Columns(panels)]


def cmd_kb_check(args: argparse.Namespace) -> int:
    from newsevents.knowledge import knowledge_dirs, load_knowledge
    from newsevents.knowledge.actorkb import check_knowledge

    problems = check_knowledge(list(knowledge_dirs(args.kb or ())))
    try:
        load_knowledge(args.kb or ())
    except NewsEventsError as exc:
        problems.append(str(exc))
    for problem in problems:
        print(problem)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return EXIT_OK if not problems else EXIT_ALL_FAILED


def cmd_kb_lookup(args: argparse.Namespace) -> int:
    from newsevents.knowledge import load_knowledge
    from newsevents.knowledge.actorkb import lookup_name

    refs = lookup_name(load_knowledge(args.kb or ()).actors, args.name, args.date)
    columns = ["name", "country", "sector", "code", "how"]
    _print_rows(columns, [[getattr(r, c) for c in columns] for r in refs],
                title=f"{args.name}" + (f" on {args.date}" if args.date else ""), as_json=args.json)
    return EXIT_OK if refs else EXIT_ALL_FAILED


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

    qu = sub.add_parser("query", help="list stored events, filtered without SQL (or --sql)")
    qu.add_argument("--db", required=True, help="DuckDB store")
    qu.add_argument("--dyad", help="two countries, either order: JPN-KOR")
    qu.add_argument("--type", action="append", help="PLOVER type (repeatable)")
    qu.add_argument("--since", help="date lower bound YYYY[-MM[-DD]]")
    qu.add_argument("--until", help="date upper bound YYYY[-MM[-DD]]")
    qu.add_argument("--actor", help="actor name, code or country")
    qu.add_argument("--outlet", help="outlet name")
    qu.add_argument("--story", help="story_id")
    qu.add_argument("--background", action=argparse.BooleanOptionalAction, default=None,
                    help="only recaps (--background) or only current news (--no-background)")
    qu.add_argument("--limit", type=int, help="at most this many rows")
    qu.add_argument("--sql", help="read-only SQL over tables articles, events, stories, runs")
    qu.add_argument("--json", action="store_true", help="JSON lines")
    qu.set_defaults(func=cmd_query)

    xp = sub.add_parser("export", help="export the store for other tools")
    xp.add_argument("--db", required=True, help="DuckDB store")
    xp.add_argument("--format", required=True,
                    choices=["jsonl", "csv", "parquet", "gdelt", "plover"])
    xp.add_argument("--out", required=True, help="output file")
    xp.add_argument("--kb", action="append", help="extra knowledge folder")
    xp.set_defaults(func=cmd_export)

    tl = sub.add_parser("timeline", help="a dyad's cooperation-conflict over time")
    tl.add_argument("--db", required=True, help="DuckDB store")
    tl.add_argument("--dyad", required=True, help="JPN-KOR, JPN->KOR or one country")
    tl.add_argument("--freq", choices=["week", "month"], default="month")
    tl.add_argument("--directed", action="store_true", help="only events from the first country")
    tl.add_argument("--no-background", action="store_true", help="leave recaps out")
    tl.add_argument("--png", action="append", help="also save the chart (.png, .svg or .pdf)")
    tl.set_defaults(func=cmd_timeline)

    rp = sub.add_parser("report", help="a self-contained HTML report")
    rp.add_argument("--db", required=True, help="DuckDB store")
    rp.add_argument("--out", required=True, help="output .html file")
    rp.add_argument("--title", help="report title")
    rp.add_argument("--kb", action="append", help="extra knowledge folder")
    rp.set_defaults(func=cmd_report)

    st = sub.add_parser("story", help="one story: merged event, mentions, each side's account")
    st.add_argument("story_id")
    st.add_argument("--db", required=True, help="DuckDB store")
    st.add_argument("--json", action="store_true", help="JSON")
    st.set_defaults(func=cmd_story)

    kb = sub.add_parser("kb", help="knowledge files: check, look up")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    kc = kb_sub.add_parser("check", help="validate the bundled and extra knowledge files")
    kc.add_argument("--kb", action="append", help="extra knowledge folder")
    kc.set_defaults(func=cmd_kb_check)
    kl = kb_sub.add_parser("lookup", help="what a name resolves to (on a date)")
    kl.add_argument("name")
    kl.add_argument("--date", help="YYYY-MM-DD: office holders on that day")
    kl.add_argument("--kb", action="append", help="extra knowledge folder")
    kl.add_argument("--json", action="store_true", help="JSON lines")
    kl.set_defaults(func=cmd_kb_lookup)
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
