"""Typed errors. Each has a code (E###) and says how to fix the problem.

Library code raises these; only the CLI prints them and chooses an exit code.
"""

from __future__ import annotations


class NewsEventsError(Exception):
    """Base class: `code` is stable, the message says what to do."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class UsageError(NewsEventsError):
    """The call itself is wrong (bad option, missing path)."""

    code = "E001"


class ModelNotFoundError(NewsEventsError):
    """The spaCy pipeline named by the options is not installed."""

    code = "E002"


class KnowledgeError(NewsEventsError):
    """A knowledge file is malformed; the message names the file and line."""

    code = "E003"


class InputError(NewsEventsError):
    """One input cannot be read; becomes a Rejection for that input, the run goes on."""

    code = "E004"


class ConfigError(NewsEventsError):
    """The config file is unreadable or names an unknown option."""

    code = "E005"


class StoreError(NewsEventsError):
    """The DuckDB store cannot be opened, migrated or written."""

    code = "E006"


class GoldError(NewsEventsError):
    """A gold file for `evaluate` does not follow corpus/GUIDE.md."""

    code = "E007"
