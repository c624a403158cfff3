"""Reading the plain-text table format shared by the data files.

Grammar: UTF-8 text; lines starting with `#` are comments (the header states the file's columns and
source); blank lines are skipped; other lines are tab-separated fields. The first non-comment line
names the columns. A field may hold several values separated by `|`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from newsevents.errors import KnowledgeError


def read_table(path: Path) -> Iterator[dict[str, str]]:
    """Rows of one table file as dicts keyed by the header's column names."""
    columns: list[str] | None = None
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = line.split("\t")
            if columns is None:
                columns = [c.strip() for c in fields]
                continue
            if len(fields) > len(columns):
                raise KnowledgeError(
                    f"{path}:{number}: {len(fields)} fields but the header has {len(columns)}; "
                    "separate fields with one tab"
                )
            fields += [""] * (len(columns) - len(fields))
            yield dict(zip(columns, (f.strip() for f in fields), strict=True))


def read_tables(dirs: Sequence[Path], name: str) -> Iterator[dict[str, str]]:
    """Rows of the file `name` in each folder that has it, bundled first, user files after."""
    for folder in dirs:
        path = folder / name
        if path.exists():
            yield from read_table(path)


def split_multi(value: str) -> tuple[str, ...]:
    """Split a `|`-separated field into its non-empty values."""
    return tuple(v.strip() for v in value.split("|") if v.strip())
