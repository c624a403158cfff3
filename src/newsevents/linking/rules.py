"""The knowledge of the link stage, loaded from `data/link_*.tsv` into one immutable object.

- link_types.tsv    which types are directed and which types one happening is often coded as
- link_terms.tsv    words that never make two reports look alike (function, calendar, titles)
- link_dates.tsv    relative day words ("yesterday") and how many days they lie before publication
- link_weights.tsv  the weights and thresholds of pair scoring
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from newsevents.errors import KnowledgeError
from newsevents.knowledge import knowledge_dirs
from newsevents.knowledge.tables import read_tables, split_multi
from newsevents.records import PLOVER_TYPES

WEIGHT_NAMES: tuple[str, ...] = (
    "type_same", "type_compatible", "country_side", "sector_same", "sector_conflict",
    "name_same", "mode_same", "mode_conflict", "status_conflict", "date_same_day",
    "date_one_day", "date_near", "date_in_month", "date_same_month", "date_in_year",
    "weekday_agrees", "terms", "text", "threshold_dated", "threshold_coarse",
    "threshold_undated", "min_terms_dated", "min_terms_undated", "min_actors_undated",
    "min_terms_coarse", "day_window", "undated_window", "max_term_df", "max_candidates",
    "max_calendar_candidates",
)


@dataclass(frozen=True)
class Weights:
    """Pair-scoring weights and thresholds (names and meaning in link_weights.tsv)."""

    type_same: float
    type_compatible: float
    country_side: float
    sector_same: float
    sector_conflict: float
    name_same: float
    mode_same: float
    mode_conflict: float
    status_conflict: float
    date_same_day: float
    date_one_day: float
    date_near: float
    date_in_month: float
    date_same_month: float
    date_in_year: float
    weekday_agrees: float
    terms: float
    text: float
    threshold_dated: float
    threshold_coarse: float
    threshold_undated: float
    min_terms_dated: float
    min_terms_undated: float
    min_actors_undated: float
    min_terms_coarse: float
    day_window: float
    undated_window: float
    max_term_df: float
    max_candidates: float
    max_calendar_candidates: float


@dataclass(frozen=True)
class LinkRules:
    """Everything the link stage knows, as immutable values."""

    directed: frozenset[str]
    compatible: Mapping[str, frozenset[str]]
    stopwords: frozenset[str]
    days_after: Mapping[str, int]
    weights: Weights

    def type_relation(self, a: str, b: str) -> str | None:
        """"same", "compatible" or None (the two types cannot be one happening)."""
        if a == b:
            return "same"
        if b in self.compatible.get(a, frozenset()) or a in self.compatible.get(b, frozenset()):
            return "compatible"
        return None

    def is_directed(self, event_type: str) -> bool:
        return event_type in self.directed


def load_link_rules(dirs: Sequence[Path] | None = None) -> LinkRules:
    """Read the link tables from `dirs` (default: the bundled data folder only)."""
    folders = tuple(dirs) if dirs is not None else knowledge_dirs()
    directed, compatible = _load_types(folders)
    return LinkRules(
        directed=directed,
        compatible=compatible,
        stopwords=frozenset(row["word"].lower() for row in read_tables(folders, "link_terms.tsv")),
        days_after=_load_days_after(folders),
        weights=_load_weights(folders),
    )


def _load_types(dirs: Sequence[Path]) -> tuple[frozenset[str], Mapping[str, frozenset[str]]]:
    directed: dict[str, bool] = {}
    compatible: dict[str, frozenset[str]] = {}
    for row in read_tables(dirs, "link_types.tsv"):
        name = row["type"].upper()
        others = frozenset(t.upper() for t in split_multi(row["compatible"]))
        unknown = sorted(({name} | others) - set(PLOVER_TYPES))
        if unknown:
            raise KnowledgeError(f"link_types.tsv: unknown type(s) {', '.join(unknown)}")
        directed[name] = row["directed"].lower() in ("yes", "true", "1")
        compatible[name] = others
    return (frozenset(t for t, d in directed.items() if d), MappingProxyType(compatible))


def _load_days_after(dirs: Sequence[Path]) -> Mapping[str, int]:
    table: dict[str, int] = {}
    for row in read_tables(dirs, "link_dates.tsv"):
        try:
            table[row["phrase"].lower()] = int(row["days_after"])
        except ValueError as exc:
            raise KnowledgeError(f"link_dates.tsv: days_after of {row['phrase']!r} is not a whole number") from exc
    return MappingProxyType(table)


def _load_weights(dirs: Sequence[Path]) -> Weights:
    values: dict[str, float] = {}
    for row in read_tables(dirs, "link_weights.tsv"):
        try:
            values[row["name"]] = float(row["value"])
        except ValueError as exc:
            raise KnowledgeError(f"link_weights.tsv: value of {row['name']!r} is not a number") from exc
    missing = [n for n in WEIGHT_NAMES if n not in values]
    if missing:
        raise KnowledgeError(f"link_weights.tsv: missing weight(s) {', '.join(missing)}")
    return Weights(**{n: values[n] for n in WEIGHT_NAMES})
