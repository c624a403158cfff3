"""Placeholder: replaced by the owner of this knowledge module."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BoilerplateRules:
    """Loaded knowledge (to be filled in)."""


def load_boilerplate(dirs: Sequence[Path]) -> BoilerplateRules:
    """Load from the data folders in `dirs` (bundled first)."""
    return BoilerplateRules()
