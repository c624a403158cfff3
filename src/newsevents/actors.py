"""actors stage: find and resolve actor mentions (country, sector, name, CAMEO-style code).

Placeholder interface; the owner replaces the body.
"""

from __future__ import annotations

from newsevents.knowledge.actorkb import ActorKB
from newsevents.records import ActorMention, ActorRef, Parsed


def find_actors(parsed: Parsed, kb: ActorKB) -> tuple[ActorMention, ...]:
    """Every actor mention in the body, resolved in context, in token order."""
    raise NotImplementedError


def resolve_span(
    parsed: Parsed,
    mentions: tuple[ActorMention, ...],
    tok_start: int,
    tok_end: int,
    kb: ActorKB,
) -> ActorRef | None:
    """Who the phrase doc[tok_start:tok_end] refers to, using the mentions around it.

    Used by event coding for arguments no mention covers ("the officials", "the latter",
    "the two countries", "the ministry"). None when it is not an actor.
    """
    raise NotImplementedError
