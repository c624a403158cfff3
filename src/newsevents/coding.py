"""coding stage: sentences -> PLOVER events with actors, date, status, background, attribution.

The rules live in the `newsevents.coder` package; this module is the stage's stable entry point.
"""

from __future__ import annotations

from newsevents.coder import code_events

__all__ = ["code_events"]
