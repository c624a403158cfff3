"""newsevents: raw news articles -> deduplicated, source-attributed political event records.

    import newsevents
    run = newsevents.extract(["examples/"], manifest="examples/manifest.jsonl")
    for event in run.events:
        print(event.type, event.source, event.target, event.date, event.evidence)
"""

from __future__ import annotations

from typing import Any

from newsevents.options import Options
from newsevents.records import Event, RunResult, Story

__version__ = "0.1.0"
__all__ = ["Event", "Options", "RunResult", "Story", "__version__", "extract"]


def extract(*args: Any, **kwargs: Any) -> RunResult:
    """Run the pipeline; see `newsevents.pipeline.extract`."""
    from newsevents.pipeline import extract as _extract

    return _extract(*args, **kwargs)
