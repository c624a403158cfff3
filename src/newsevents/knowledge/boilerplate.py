"""Boilerplate knowledge: line patterns with the reason they report, and small word lists.

Data: `data/boilerplate.tsv` (reason, match, pattern) and `data/boilerplate_words.tsv` (list, words).
The cleaner's logic lives in `newsevents.clean`; this module only loads and compiles the data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from newsevents.errors import KnowledgeError
from newsevents.knowledge.tables import read_tables, split_multi

RULES_FILE = "boilerplate.tsv"
WORDS_FILE = "boilerplate_words.tsv"
MATCH_KINDS = ("line", "start", "search")
CASE_SENSITIVE_PREFIX = "(?-i)"


@dataclass(frozen=True)
class LineRule:
    """One pattern: `reason` is reported when `regex` matches a line the way `match` says."""

    reason: str
    match: str
    regex: re.Pattern[str]

    def search(self, line: str) -> re.Match[str] | None:
        """The match of this rule on a stripped line, or None."""
        if self.match == "line":
            return self.regex.fullmatch(line)
        if self.match == "start":
            return self.regex.match(line)
        return self.regex.search(line)


@dataclass(frozen=True)
class BoilerplateRules:
    """Compiled line rules (in file order) and word lists, immutable."""

    rules: tuple[LineRule, ...] = ()
    words: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", MappingProxyType(dict(self.words)))

    def by_reason(self, reason: str) -> tuple[LineRule, ...]:
        """The rules reporting `reason`, in file order."""
        return tuple(r for r in self.rules if r.reason == reason)

    def first_match(self, line: str, skip: frozenset[str] = frozenset()) -> LineRule | None:
        """The first rule (not in `skip`) that matches the stripped `line`."""
        for rule in self.rules:
            if rule.reason not in skip and rule.search(line):
                return rule
        return None

    def word_list(self, name: str) -> frozenset[str]:
        """A named word list (empty when the data has none)."""
        return self.words.get(name, frozenset())


def _compile(pattern: str, where: str) -> re.Pattern[str]:
    flags = re.IGNORECASE
    if pattern.startswith(CASE_SENSITIVE_PREFIX):
        pattern, flags = pattern[len(CASE_SENSITIVE_PREFIX):], 0
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise KnowledgeError(f"{where}: bad regex {pattern!r}: {exc}") from exc


def load_boilerplate(dirs: Sequence[Path]) -> BoilerplateRules:
    """Load and compile the boilerplate rules and word lists from the data folders (bundled first)."""
    rules: list[LineRule] = []
    for number, row in enumerate(read_tables(dirs, RULES_FILE), start=1):
        where = f"{RULES_FILE} row {number}"
        if row["match"] not in MATCH_KINDS:
            raise KnowledgeError(f"{where}: match must be one of {', '.join(MATCH_KINDS)}")
        rules.append(LineRule(row["reason"], row["match"], _compile(row["pattern"], where)))
    words: dict[str, set[str]] = {}
    for row in read_tables(dirs, WORDS_FILE):
        words.setdefault(row["list"], set()).update(w.lower() for w in split_multi(row["words"]))
    return BoilerplateRules(tuple(rules), {k: frozenset(v) for k, v in words.items()})
