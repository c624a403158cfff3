"""Placeholder: replaced by the owner of this knowledge module."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ActorKB:
    """Loaded knowledge (to be filled in)."""


def load_actor_kb(dirs: Sequence[Path]) -> ActorKB:
    """Load from the data folders in `dirs` (bundled first)."""
    return ActorKB()
