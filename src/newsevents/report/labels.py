"""Display labels the report and the timelines share, read from `data/report_quad_classes.tsv`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from newsevents.errors import KnowledgeError
from newsevents.knowledge import knowledge_dirs
from newsevents.knowledge.tables import read_tables

QUAD_FILE = "report_quad_classes.tsv"


@dataclass(frozen=True)
class QuadLabel:
    """How one quad class is named in legends (`label`) and narrow tables (`short`)."""

    quad_class: int
    label: str
    short: str


def load_quad_labels(extra_dirs: Sequence[str | Path] = ()) -> Mapping[int, QuadLabel]:
    """The quad class labels by class number, bundled file first, then `extra_dirs`."""
    labels: dict[int, QuadLabel] = {}
    for row in read_tables(knowledge_dirs(extra_dirs), QUAD_FILE):
        try:
            number = int(row["quad_class"])
        except (KeyError, ValueError) as exc:
            raise KnowledgeError(f"{QUAD_FILE}: quad_class must be a number, got {row}") from exc
        labels[number] = QuadLabel(number, row.get("label") or str(number),
                                   row.get("short") or str(number))
    if sorted(labels) != [1, 2, 3, 4]:
        raise KnowledgeError(f"{QUAD_FILE}: expected quad classes 1-4, found {sorted(labels)}")
    return MappingProxyType(labels)
