"""The README's commands are commands the CLI accepts (docs tested against the CLI)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from newsevents.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _documented_commands() -> list[tuple[str, str]]:
    found = []
    for doc in DOCS:
        in_code = False
        for line in doc.read_text(encoding="utf-8").splitlines():
            if line.startswith("```"):
                in_code = not in_code
                continue
            stripped = line.strip()
            if in_code and stripped.startswith("newsevents "):
                command = re.split(r"\s+#\s", stripped)[0]
                found.append((doc.name, command))
    return found


COMMANDS = _documented_commands()


def test_docs_show_commands():
    assert len(COMMANDS) >= 5


@pytest.mark.parametrize(("doc", "command"), COMMANDS, ids=[c for _, c in COMMANDS])
def test_documented_command_parses(doc, command):
    argv = shlex.split(command)[1:]
    try:
        build_parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits on a bad command line
        pytest.fail(f"{doc}: `{command}` is not accepted by the CLI ({exc})")
