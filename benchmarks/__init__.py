"""astc benchmark suite, run by ``make bench`` as ``python -m benchmarks``.

Speed is only ever measured here, as ratios taken side by side in one run, never as timed
assertions in the test suite. Each benchmark lives in its own module and exposes
``run(config: BenchConfig) -> BenchResult``; :mod:`benchmarks.__main__` holds the registry
that names them, runs a chosen subset and prints every result as a table.

Shared building blocks:

* :mod:`benchmarks._core` -- configuration, result and table types, table rendering;
* :mod:`benchmarks._timing` -- interleaved ``timeit`` measurement (min of repeats);
* :mod:`benchmarks._astc` -- importing the compiler, so a benchmark can degrade gracefully
  (and say why) while ``astc`` is missing or broken.
"""

from __future__ import annotations

from benchmarks._core import BenchConfig, BenchResult, Table

__all__ = ["BenchConfig", "BenchResult", "Table"]
