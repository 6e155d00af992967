"""The cyclic garbage collector is paused while astc compiles (:func:`paused`).

Why: a compile allocates millions of short-lived objects (``ast`` and LibCST nodes, scopes),
and every few hundred allocations CPython's collector runs, traversing the young objects
and, now and then, every tracked object of the process. Measured on the 150-file stdlib
sample: 12% of the compile time in a fresh process, 30% in a process that holds many
objects already (a build tool, a large application importing through the hook). Paused,
those collections do not run.

What it costs: cyclic garbage made during the compile (mainly ``ast`` trees of superseded
unit texts, reachable from their scopes' parent/child links) stays until the compile ends,
when one young-generation collection frees it; garbage without cycles is freed at once by
reference counting, as always. Peak memory grows by at most the size of those trees.

The collector's state is the process's: when compiles overlap (threads), it is paused
while any runs and restored, as the first found it, when the last ends. Nothing else about
the collector is changed; user code never runs inside a compile.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_running = 0  # compiles inside paused() now
_was_enabled = False  # the collector's state when the first of them began


@contextmanager
def paused() -> Iterator[None]:
    """The collector disabled for the block (restored after, see the module docstring)."""
    global _running, _was_enabled
    with _lock:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            restore = _running == 0 and _was_enabled
            if restore:
                gc.enable()
        if restore:
            gc.collect(0)  # the compile's cyclic garbage, now, not in the caller's time
