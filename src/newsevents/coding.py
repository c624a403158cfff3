"""coding stage: sentences -> PLOVER events with actors, date, status, background, attribution.

Placeholder interface; the owner replaces the body.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsevents.knowledge import Knowledge
from newsevents.options import Options
from newsevents.records import ActorMention, Event, Parsed, TimeRef


def code_events(
    parsed: Parsed,
    mentions: Sequence[ActorMention],
    timerefs: Sequence[TimeRef],
    knowledge: Knowledge,
    options: Options,
) -> tuple[Event, ...]:
    """The events the article body asserts, one per distinct happening."""
    raise NotImplementedError
