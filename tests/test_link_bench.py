"""The link benchmark's synthetic corpus links sensibly at a small size (no timings asserted)."""

from __future__ import annotations

import importlib.util

from conftest import ROOT
from newsevents import link


def _bench():
    spec = importlib.util.spec_from_file_location("link_bench", ROOT / "bench" / "link_bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_synthetic_reports_of_one_happening_share_stories():
    bench = _bench()
    run = link.link(bench.synthetic_results(1500, seed=3))
    precision, recall = bench.pair_quality(run)
    assert precision >= 0.9 and recall >= 0.8
    assert run.duplicates  # the synthetic copies are found
    assert all(e.story_id for e in run.events)
