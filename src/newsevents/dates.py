"""dates stage: find time expressions and resolve them against the publication date with tense.

Placeholder interface; the owner replaces the body.
"""

from __future__ import annotations

from newsevents.records import Parsed, Tense, TimeRef


def find_timerefs(parsed: Parsed) -> tuple[TimeRef, ...]:
    """Every time expression in the body, in order."""
    raise NotImplementedError


def resolve(ref: TimeRef, pub_date: str | None, tense: Tense) -> str | None:
    """The date (YYYY, YYYY-MM or YYYY-MM-DD) `ref` denotes for a verb of `tense`, or None."""
    raise NotImplementedError
