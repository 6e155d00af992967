"""Micro-benchmark timing: ``timeit`` with calibrated loop counts, repeats interleaved.

All variants of one comparison are timed round-robin (repeat 1 of every variant, then
repeat 2, ...) so that drift in machine speed (frequency scaling, other load) hits every
variant alike, and each variant's figure is the minimum over its repeats: the run least
disturbed by anything but the code under test.
"""

from __future__ import annotations

import gc
import timeit
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Variant:
    """One statement to time, executed with ``namespace`` as its globals."""

    label: str
    stmt: str
    namespace: Mapping[str, Any]


def calibrate(timer: timeit.Timer, target_s: float) -> int:
    """Loop count that makes one ``timer.timeit(number)`` last about ``target_s`` seconds."""
    number = 1
    while True:
        elapsed = timer.timeit(number)
        if elapsed >= target_s / 10 or number >= 10**9:
            break
        number *= 10
    scaled = int(number * target_s / max(elapsed, 1e-9))
    return max(1, scaled)


def time_variants(variants: Sequence[Variant], *, repeat: int, target_s: float) -> list[float]:
    """Nanoseconds per execution of each variant's statement (min over ``repeat`` runs).

    The result is in the order of ``variants`` (labels need not be unique).

    Every statement is compiled once, inside ``timeit``'s usual loop function, with a copy
    of its namespace as globals (so timing never adds names to a module's dictionary).
    Garbage collection is off while timing, as ``timeit`` does by default.
    """
    timers = [timeit.Timer(v.stmt, globals=dict(v.namespace)) for v in variants]
    numbers = [calibrate(t, target_s) for t in timers]
    best = [float("inf")] * len(variants)
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            for i, (timer, number) in enumerate(zip(timers, numbers, strict=True)):
                elapsed = timer.timeit(number)
                best[i] = min(best[i], elapsed / number)
    finally:
        if gc_was_enabled:
            gc.enable()
    return [b * 1e9 for b in best]
