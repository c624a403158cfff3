"""actors stage: find and resolve actor mentions (country, sector, name, CAMEO-style code).

Placeholder interface; the owner replaces the body.
"""

from __future__ import annotations

from newsevents.knowledge.actorkb import ActorKB
from newsevents.records import ActorMention, Parsed


def find_actors(parsed: Parsed, kb: ActorKB) -> tuple[ActorMention, ...]:
    """Every actor mention in the body, resolved in context, in token order."""
    raise NotImplementedError
