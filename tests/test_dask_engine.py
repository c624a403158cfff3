"""Dask engine: same results as the single-process run, on a LocalCluster of 2 worker processes."""

from __future__ import annotations

import sys

import duckdb
import pytest

from newsevents.errors import UsageError
from newsevents.options import Options
from newsevents.records import article_json, event_json

distributed = pytest.importorskip("distributed")

from newsevents.engine_dask import DaskRunner, partitions, run_dask  # noqa: E402


def test_partitions_keep_order_and_size():
    items = list(range(10))
    parts = partitions(items, 4)
    assert [list(p) for p in parts] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    assert partitions(items, 0) == [[i] for i in items]


def test_missing_dask_says_how_to_install(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(UsageError, match=r"newsevents\[dask\]"):
        run_dask([str(tmp_path)], None, Options.build(engine="dask", progress=False))


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    with cluster, distributed.Client(cluster) as connected:
        yield connected


@pytest.fixture(scope="module")
def options():
    return Options.build(processes=1, batch_size=2, progress=False)


@pytest.fixture(scope="module")
def seeds_local(corpus_dir, options):
    from newsevents.pipeline import extract

    return extract([corpus_dir / "seeds"], corpus_dir / "seeds" / "manifest.jsonl",
                   options=options)


@pytest.fixture(scope="module")
def seeds_dask(client, corpus_dir, options, tmp_path_factory):
    out = tmp_path_factory.mktemp("dask-out")
    run = run_dask([corpus_dir / "seeds"], corpus_dir / "seeds" / "manifest.jsonl",
                   options, out, client=client)
    return run, out


def test_dask_run_equals_single_process_run(seeds_dask, seeds_local):
    run, _ = seeds_dask
    assert [article_json(a) for a in run.articles] == [
        article_json(a) for a in seeds_local.articles]
    assert [event_json(e) for e in run.events] == [event_json(e) for e in seeds_local.events]
    assert run.stories == seeds_local.stories
    assert run.duplicates == seeds_local.duplicates
    assert any(a.ok for a in run.articles), "the seeds must be processed, not all rejected"


def test_parquet_partitions_hold_every_row(seeds_dask, options):
    run, out = seeds_dask
    folder = out / "parquet"
    con = duckdb.connect()
    articles = con.execute(
        f"SELECT doc_id, part FROM read_parquet('{folder}/articles/*/*.parquet', "
        "hive_partitioning = true) ORDER BY seq").fetchall()
    assert [d for d, _ in articles] == [a.doc_id for a in run.articles]
    assert len({p for _, p in articles}) == len(partitions(run.articles, options.batch_size))
    n_events = con.execute(
        f"SELECT count(*) FROM read_parquet('{folder}/events/*/*.parquet')").fetchone()[0]
    assert n_events == len(run.events)
    n_stories = con.execute(
        f"SELECT count(*) FROM read_parquet('{folder}/stories.parquet')").fetchone()[0]
    assert n_stories == len(run.stories)


def test_runner_yields_in_input_order(client, corpus_dir, options):
    from newsevents.clean import CorpusProfile
    from newsevents.ingest import iter_inputs

    raws = list(iter_inputs([corpus_dir / "seeds"], None, options))
    with DaskRunner(client) as runner:
        results = list(runner(raws, options, CorpusProfile(), len(raws)))
    assert [r.doc_id for r in results] == [r.doc_id for r in raws]
    leftover = client.run(lambda dask_worker: [
        name for name in dask_worker.plugins if name.startswith("newsevents-context")])
    assert all(not names for names in leftover.values()), "worker plugins are unregistered"


def test_cli_on_a_cluster_writes_what_the_local_engine_writes(client, seeds_out, tmp_path):
    from tests.conftest import ROOT

    from newsevents.cli import main
    from newsevents.output import OUTPUT_FILES

    examples, out = ROOT / "examples", tmp_path / "dask"
    code = main(["extract", str(examples), "--manifest", str(examples / "manifest.jsonl"),
                 "--out", str(out), "--engine", "dask", "--scheduler",
                 client.scheduler.address, "--quiet"])
    assert code == 0
    for name in OUTPUT_FILES:
        assert (out / name).read_text() == (seeds_out / name).read_text(), name
    con = duckdb.connect()
    stored = duckdb.connect(str(out / "newsevents.duckdb"), read_only=True)
    for table in ("articles", "events"):
        copied = con.execute(f"SELECT count(*) FROM read_parquet("
                             f"'{out}/parquet/{table}/*/*.parquet')").fetchone()[0]
        assert copied == stored.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0
    assert con.execute(f"SELECT count(*) FROM read_parquet('{out}/parquet/stories.parquet')"
                       ).fetchone()[0] == stored.execute("SELECT count(*) FROM stories"
                                                         ).fetchone()[0]
