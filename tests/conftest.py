"""Shared fixtures: where the real articles live, the spaCy pipeline and knowledge (loaded once)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD_SETS = ("seeds", "dev", "dev2")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    assert CORPUS.is_dir(), f"the shared corpus is expected at {CORPUS}"
    return CORPUS


@pytest.fixture(scope="session")
def nlp():
    from newsevents.nlp import load_pipeline
    from newsevents.options import Options

    return load_pipeline(Options().model)


@pytest.fixture(scope="session")
def knowledge():
    from newsevents.knowledge import load_knowledge

    return load_knowledge()


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory) -> Path:
    """The CLI's `extract` run once over the bundled examples (the five seed articles)."""
    from newsevents.cli import main

    out = tmp_path_factory.mktemp("seeds")
    examples = ROOT / "examples"
    code = main(["extract", str(examples), "--manifest", str(examples / "manifest.jsonl"),
                 "--out", str(out), "--quiet"])
    assert code == 0
    return out
