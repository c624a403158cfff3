"""Placeholder: replaced by the owner of this knowledge module."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class OutletTable:
    """Loaded knowledge (to be filled in)."""


def load_outlets(dirs: Sequence[Path]) -> OutletTable:
    """Load from the data folders in `dirs` (bundled first)."""
    return OutletTable()
