"""The time words (data/time_words.tsv) and future cues (data/time_future_cues.tsv), loaded once.

The files say *which* words exist; `grammar.py` says how they combine into time expressions and
`tense.py` how the cues decide a verb's tense.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from newsevents.errors import KnowledgeError
from newsevents.knowledge import knowledge_dirs
from newsevents.knowledge.tables import read_tables, split_multi

WORDS_FILE = "time_words.tsv"
CUES_FILE = "time_future_cues.tsv"

WORD_CLASSES = frozenset({
    "month", "month_abbr", "weekday", "day_word", "deictic", "unit", "part_of_day", "number",
    "vague_count", "edge", "vague", "season", "preposition", "approximator", "label", "named_day",
})
CUE_ROLES = frozenset({"modal", "governor", "modifier"})
PREPOSITION_ROLES = frozenset({"at", "since", "bound", "until", "after"})


@dataclass(frozen=True)
class TimeLexicon:
    """Words by class; `values[cls][word]` is the word's value (lowercase keys)."""

    values: Mapping[str, Mapping[str, str]]
    spellings: Mapping[str, tuple[str, ...]]  # class -> words as written in the file
    future_cues: Mapping[str, frozenset[str]]  # role -> cues

    def words(self, cls: str) -> tuple[str, ...]:
        """The words of one class as written, longest first (regex alternations try them first)."""
        return tuple(sorted(self.spellings.get(cls, ()), key=lambda w: (-len(w), w)))

    def value(self, cls: str, word: str) -> str | None:
        """The value of `word` in class `cls` (case and dots ignored), or None."""
        return self.values.get(cls, {}).get(_key(word))

    def int_value(self, cls: str, word: str) -> int | None:
        """The value of `word` in class `cls` as an int, or None."""
        value = self.value(cls, word)
        return int(value) if value not in (None, "") else None

    def season_months(self, word: str) -> tuple[int, int] | None:
        """First and last month of a season word."""
        value = self.value("season", word)
        if not value:
            return None
        first, last = (int(v) for v in split_multi(value))
        return first, last


def _key(word: str) -> str:
    return " ".join(word.lower().rstrip(".").split())


def _read_words(dirs: Sequence[Path]) -> tuple[dict[str, dict[str, str]], dict[str, set[str]]]:
    values: dict[str, dict[str, str]] = {}
    spellings: dict[str, set[str]] = {}
    for row in read_tables(dirs, WORDS_FILE):
        cls = row.get("class", "")
        if cls not in WORD_CLASSES:
            raise KnowledgeError(
                f"{WORDS_FILE}: unknown class {cls!r} for {row.get('word')!r}; "
                f"use one of {', '.join(sorted(WORD_CLASSES))}"
            )
        if cls == "preposition" and row.get("value") not in PREPOSITION_ROLES:
            raise KnowledgeError(
                f"{WORDS_FILE}: preposition {row.get('word')!r} needs a value among "
                f"{', '.join(sorted(PREPOSITION_ROLES))}"
            )
        values.setdefault(cls, {})[_key(row["word"])] = row.get("value", "")
        spellings.setdefault(cls, set()).add(row["word"])
    return values, spellings


def _read_cues(dirs: Sequence[Path]) -> dict[str, set[str]]:
    cues: dict[str, set[str]] = {role: set() for role in CUE_ROLES}
    for row in read_tables(dirs, CUES_FILE):
        role = row.get("role", "")
        if role not in CUE_ROLES:
            raise KnowledgeError(
                f"{CUES_FILE}: unknown role {role!r} for {row.get('cue')!r}; "
                f"use one of {', '.join(sorted(CUE_ROLES))}"
            )
        cues[role].add(row["cue"].lower())
    return cues


def load_time_lexicon(extra_dirs: Sequence[str | Path] = ()) -> TimeLexicon:
    """Load the bundled time words and cues, extended by files of the same name in `extra_dirs`."""
    dirs = knowledge_dirs(extra_dirs)
    values, spellings = _read_words(dirs)
    cues = _read_cues(dirs)
    return TimeLexicon(
        values=MappingProxyType({c: MappingProxyType(v) for c, v in values.items()}),
        spellings=MappingProxyType({c: tuple(sorted(v)) for c, v in spellings.items()}),
        future_cues=MappingProxyType({r: frozenset(v) for r, v in cues.items()}),
    )
