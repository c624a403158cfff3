"""Using the second core: run one function in a forked child while the caller works on.

Why fork and not spawn: the child needs the run's mention index (hundreds of MB for 100k
events), which a forked child shares copy-on-write instead of receiving pickled. What makes it
safe: the child only computes on data it already holds and sends one pickled result through a
pipe; it imports nothing, prints nothing and takes no lock another thread could hold. Where fork
is unavailable, or the child fails, the function simply runs in the caller.

Why the child freezes the garbage collector first: a full collection writes to the header of
every object it inherited, and each written page becomes the child's own copy — the whole
parent heap, twice in memory. Frozen, the collector leaves inherited objects alone.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def beside(fn: Callable[..., T], *args: Any) -> Callable[[], T]:
    """Start `fn(*args)` in a forked child; the returned function waits for its result."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return lambda: fn(*args)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    try:
        child = context.Process(target=_child, args=(sender, fn, args), daemon=True)
        child.start()
    except Exception:  # no fork here (a daemonic worker, no resources): stay in the caller
        sender.close()
        receiver.close()
        return lambda: fn(*args)
    sender.close()

    def wait() -> T:
        try:
            status, value = receiver.recv()
        except (EOFError, OSError):
            status, value = "failed", None
        finally:
            receiver.close()
            child.join()
        return value if status == "ok" else fn(*args)

    return wait


def _child(sender: Any, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    gc.freeze()
    try:
        sender.send(("ok", fn(*args)))
    except BaseException:  # any failure: the caller computes it itself
        sender.send(("failed", None))
    finally:
        sender.close()
        os._exit(0)
