"""Every bundled data file states its grammar and source in a header and loads cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.knowledge import bundled_data_dir, load_knowledge
from newsevents.knowledge.tables import read_table

DATA_FILES = sorted(bundled_data_dir().glob("*.tsv"))


def test_there_are_data_files():
    assert len(DATA_FILES) >= 10


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_file_opens_with_a_header_comment(path: Path):
    first = path.read_text(encoding="utf-8").lstrip().splitlines()[0]
    assert first.startswith("#"), f"{path.name} must start with '#' lines stating grammar and source"


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_file_parses_as_a_table(path: Path):
    rows = list(read_table(path))
    assert rows, f"{path.name} has no rows"


def test_user_folder_extends_the_bundled_knowledge(tmp_path):
    bundled = load_knowledge()
    extended = load_knowledge([tmp_path])
    assert type(extended.actors) is type(bundled.actors)


def test_docs_list_every_data_file():
    docs = (Path(__file__).resolve().parents[1] / "docs" / "knowledge.md").read_text("utf-8")
    missing = [p.name for p in DATA_FILES if p.name not in docs]
    assert not missing, f"docs/knowledge.md does not describe {missing}"
