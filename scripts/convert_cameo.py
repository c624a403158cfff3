"""Derive the CAMEO tables in src/newsevents/data/ from the shared reference files.

    python scripts/convert_cameo.py [REFDATA_DIR]

Reads refdata/cameo/CAMEO.goldsteinscale.txt (GDELT lookup table) and
refdata/plover/CAMEO2PLOVER-2021.txt (openeventdata/PLOVER, CC BY-SA 4.0) and writes
data/cameo_goldstein.tsv and data/cameo_plover.tsv with their attribution headers.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "newsevents" / "data"
DEFAULT_REFDATA = ROOT.parent / "shared" / "refdata"

GOLDSTEIN_HEADER = """\
# CAMEO event code -> Goldstein conflict-cooperation score (-10 .. +10).
# Source: GDELT lookup table CAMEO.goldsteinscale.txt (public GDELT documentation table, as
# re-hosted in mpiccirilli/UNDP-BCPR-Project). Derived by scripts/convert_cameo.py; do not edit by
# hand, re-run the script.
# Columns: cameo (code, 2-4 digits), goldstein (float).
"""

PLOVER_HEADER = """\
# CAMEO event code -> PLOVER event type, mode and context.
# Source: openeventdata/PLOVER CAMEO2PLOVER-2021.txt (P. Schrodt, PLOVER manual draft 0.8,
# 17-Sep-2021), licensed CC BY-SA 4.0; this derived table is shared under the same licence.
# Derived by scripts/convert_cameo.py. The source table starts at code 03; the rows for 01 (public
# statement: no PLOVER event) and 02 (appeal: PLOVER REQUEST, see the PLOVER manual) are added by
# newsevents and marked in the note column.
# Columns: cameo, type (one of the 16 PLOVER types, empty = no event), mode, context (|-separated),
# note (the CAMEO description).
"""

ADDED_ROWS = (
    ("01", "", "", "", "Make public statement (added: no PLOVER event)"),
    ("02", "REQUEST", "", "", "Appeal (added: CAMEO 02 -> PLOVER REQUEST)"),
)

ROW = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#\s*(.*))?$")


def goldstein_rows(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        code, _, score = line.strip().partition("\t")
        if code and score:
            rows.append((code.strip(), score.strip()))
    return rows


def plover_rows(path: Path) -> list[tuple[str, str, str, str, str]]:
    rows: dict[str, tuple[str, str, str, str, str]] = {r[0]: r for r in ADDED_ROWS}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line.strip())
        if not match:
            continue
        code, ptype, mode, context, note = match.groups()
        contexts = "|".join(c.strip() for c in (context or "").split(";") if c.strip())
        rows.setdefault(code, (code, ptype, (mode or "").strip(), contexts, (note or "").strip()))
    return sorted(rows.values(), key=lambda r: r[0])


def main(refdata: Path) -> None:
    gold = goldstein_rows(refdata / "cameo" / "CAMEO.goldsteinscale.txt")
    with (DATA / "cameo_goldstein.tsv").open("w", encoding="utf-8") as out:
        out.write(GOLDSTEIN_HEADER + "cameo\tgoldstein\n")
        out.writelines(f"{c}\t{s}\n" for c, s in gold)
    plover = plover_rows(refdata / "plover" / "CAMEO2PLOVER-2021.txt")
    with (DATA / "cameo_plover.tsv").open("w", encoding="utf-8") as out:
        out.write(PLOVER_HEADER + "cameo\ttype\tmode\tcontext\tnote\n")
        out.writelines("\t".join(r) + "\n" for r in plover)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_REFDATA)
