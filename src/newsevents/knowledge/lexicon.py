"""The event lexicon: which words assert which PLOVER event, and the cue words around them.

Data files (grammar of knowledge/tables.py, documented in their headers):
- event_lexicon.tsv  pattern (trigger lemma + companion lemmas), pos -> type, mode, context, cameo
- event_cues.tsv     cue words by role (report, light, plan, fail, negation, ...)

User files of the same name extend the bundled ones; a user row with the same pattern and pos
replaces the bundled row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from newsevents.errors import KnowledgeError
from newsevents.knowledge.tables import read_tables, split_multi
from newsevents.records import PLOVER_TYPES

NOT_AN_EVENT = "-"
POS_CODES = {"V": ("VERB", "AUX"), "N": ("NOUN",), "A": ("ADJ",), "X": ()}
CUE_ROLES = frozenset(
    {"report", "light", "defer", "plan", "fail", "deny", "condition", "recap", "negation", "maybe",
     "sequel", "oblige", "forbid", "habit", "question", "cause", "circumstance", "additive",
     "time-shift", "continue", "avert", "prevent", "amount", "document", "hypothetical",
     "short-span", "reason", "reciprocal",
     "elicit", "envoy"}
)


def _empty() -> Mapping:
    return MappingProxyType({})


@dataclass(frozen=True)
class LexEntry:
    """One sense of an event word."""

    trigger: str
    companions: tuple[str, ...]
    pos: str  # V N A X
    type: str  # a PLOVER type or NOT_AN_EVENT
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    state_type: str | None = None
    note: str = ""

    @property
    def is_event(self) -> bool:
        return self.type != NOT_AN_EVENT

    @property
    def pattern(self) -> str:
        return " ".join((self.trigger, *self.companions))

    def pos_fits(self, spacy_pos: str) -> bool:
        """Whether a token of coarse POS `spacy_pos` can carry this sense."""
        allowed = POS_CODES.get(self.pos, ())
        return not allowed or spacy_pos in allowed


@dataclass(frozen=True)
class EventLexicon:
    """Senses indexed by trigger lemma (most specific first) and cue words by role."""

    by_trigger: Mapping[str, tuple[LexEntry, ...]] = field(default_factory=_empty)
    cues: Mapping[str, frozenset[str]] = field(default_factory=_empty)

    def senses(self, lemma: str) -> tuple[LexEntry, ...]:
        return self.by_trigger.get(lemma.lower(), ())

    def is_cue(self, lemma: str, role: str) -> bool:
        return lemma.lower() in self.cues.get(role, frozenset())

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_trigger.values())


def _entry(row: dict[str, str], where: str) -> LexEntry:
    words = row["pattern"].lower().split()
    if not words:
        raise KnowledgeError(f"{where}: empty pattern")
    pos = (row.get("pos") or "X").upper()
    if pos not in POS_CODES:
        raise KnowledgeError(f"{where}: pos '{pos}' is not one of V N A X")
    event_type = row["type"].upper()
    state_type = (row.get("state_type") or "").upper() or None
    for value in (event_type, state_type):
        if value and value != NOT_AN_EVENT and value not in PLOVER_TYPES:
            raise KnowledgeError(f"{where}: '{value}' is not a PLOVER type (or '-')")
    return LexEntry(
        trigger=words[0],
        companions=tuple(words[1:]),
        pos=pos,
        type=event_type,
        mode=row.get("mode") or None,
        context=split_multi(row.get("context", "")),
        cameo=row.get("cameo") or None,
        state_type=state_type,
        note=row.get("note", ""),
    )


def _load_entries(dirs: Sequence[Path]) -> dict[str, tuple[LexEntry, ...]]:
    keyed: dict[tuple[str, str], LexEntry] = {}
    for number, row in enumerate(read_tables(dirs, "event_lexicon.tsv"), start=1):
        entry = _entry(row, f"event_lexicon.tsv row {number}")
        keyed[(entry.pattern, entry.pos)] = entry
    grouped: dict[str, list[LexEntry]] = {}
    for entry in keyed.values():
        grouped.setdefault(entry.trigger, []).append(entry)
    return {
        trigger: tuple(sorted(entries, key=lambda e: -len(e.companions)))
        for trigger, entries in grouped.items()
    }


def _load_cues(dirs: Sequence[Path]) -> dict[str, frozenset[str]]:
    roles: dict[str, set[str]] = {}
    for row in read_tables(dirs, "event_cues.tsv"):
        role = row["role"].lower()
        if role not in CUE_ROLES:
            raise KnowledgeError(f"event_cues.tsv: unknown role '{role}' for '{row['word']}'")
        roles.setdefault(role, set()).add(row["word"].lower())
    return {role: frozenset(words) for role, words in roles.items()}


def load_lexicon(dirs: Sequence[Path]) -> EventLexicon:
    """Load the event lexicon and cue words from the data folders in `dirs` (bundled first)."""
    return EventLexicon(
        by_trigger=MappingProxyType(_load_entries(dirs)),
        cues=MappingProxyType(_load_cues(dirs)),
    )
