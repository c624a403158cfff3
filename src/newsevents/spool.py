"""Spool files: records written to a temporary file as a run streams, read back one at a time.

Why: a streaming run reads its inputs once (stdin cannot be read twice, HTML extraction is not
free) but needs them twice — a first pass learns the corpus profile, a second processes each
article — and later re-reads the few articles re-run with a date inferred through links. Only an
offset per record stays in memory; the file is deleted when the spool is closed.
"""

from __future__ import annotations

import pickle
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Spool(Generic[T]):
    """Records keyed by a unique id, pickled to a temporary file in the order they are added.

    Adding a record under an id already present replaces it (the id keeps its place in
    `keys()`). Reading is safe from several threads. Use as a context manager, or `close()`.
    """

    def __init__(self, folder: str | Path | None = None) -> None:
        # closed by close() / __exit__: the spool outlives the call that opens it
        self._file = tempfile.TemporaryFile(dir=folder, prefix="newsevents-spool-")  # noqa: SIM115
        self._offsets: dict[str, int] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Spool[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Delete the file."""
        self._file.close()

    def add(self, key: str, record: T) -> None:
        """Write `record` under `key`."""
        data = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
        with self._lock:
            self._file.seek(0, 2)
            self._offsets[key] = self._file.tell()
            self._file.write(data)

    def __len__(self) -> int:
        return len(self._offsets)

    def __contains__(self, key: object) -> bool:
        return key in self._offsets

    def keys(self) -> list[str]:
        """The ids, in the order they were first added."""
        return list(self._offsets)

    def get(self, key: str) -> T:
        """The record stored under `key` (KeyError when there is none)."""
        offset = self._offsets[key]
        with self._lock:
            self._file.seek(offset)
            record: Any = pickle.load(self._file)
        return record

    def __iter__(self) -> Iterator[T]:
        """The records in the order their ids were first added (read lazily)."""
        for key in list(self._offsets):
            yield self.get(key)
