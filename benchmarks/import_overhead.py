"""Import-hook overhead: a package of generated modules imported with the hook vs plainly.

* **warm cache, in process**: every module of the package imported with the hook (each a
  cache hit) against a plain import of the same files (each a ``.pyc`` hit), variants
  interleaved in one process, median of the rounds (runs last a few milliseconds, so on a
  shared machine many are preempted; the median is fair to both). Goal: <= 5% more wall
  time.
* **warm cache, fresh interpreter**: ``python -c 'import the package'`` with and without
  ``astc.install(...)`` first, so the hook's own start-up (importing ``astc.hook``, the
  fingerprint) is counted too.
* **cold**: the same imports with no cache at all: astc compiling each module (LibCST)
  against CPython compiling it to bytecode, per module.
* ``python -X importtime`` rows of the package and of ``astc`` for one warm hooked import.
"""

from __future__ import annotations

import gc
import importlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks._core import BenchConfig, BenchResult, Table, fmt_ratio

PACKAGE = "astc_bench_imports"
GOAL_OVERHEAD = 0.05
ROOT = Path(__file__).resolve().parent.parent

MODULE_TEMPLATE = '''\
"""Generated module {i} of the import-overhead benchmark."""

import math

SCALE = {i} + 1
LIMIT = SCALE * 100
NAMES = ("alpha", "beta", "gamma", "delta")


def add(a, b):
    return a + b


def mul(a, b):
    return a * b


def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def combine(a, b, c, d):
    e = add(a, b)
    f = mul(c, d)
    return add(e, f)


def norm(x, y):
    return math.sqrt(add(mul(x, x), mul(y, y)))


class Accumulator:
    """Sums values with a limit."""

    def __init__(self, limit=LIMIT):
        self.limit = limit
        self.total = 0

    def push(self, value):
        self.total = clamp(self.total + value, -self.limit, self.limit)
        return self.total

    def __repr__(self):
        return f"Accumulator(total={{self.total}}, limit={{self.limit}})"


def table(n):
    rows = []
    for i in range(n):
        rows.append((i, combine(i, 1, 2, 3), norm(i, SCALE)))
    return rows


def describe(value):
    if isinstance(value, int):
        return "int:" + str(value)
    if isinstance(value, str):
        return "str:" + value
    return "other:" + repr(value)


DEFAULT = combine(1, 2, 3, 4)
WORDS = [describe(name) for name in NAMES]
'''


def generate(root: Path, count: int) -> list[str]:
    """Write the package under ``root``; the names of its modules, package first."""
    pkg = root / PACKAGE
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    padding = "\n".join(f"# padding line {k} to reach a typical module size" for k in range(60))
    for i in range(count):
        text = MODULE_TEMPLATE.format(i=i) + "\n" + padding + "\n"
        (pkg / f"mod{i:03}.py").write_text(text)
    return [PACKAGE, *(f"{PACKAGE}.mod{i:03}" for i in range(count))]


def _forget() -> None:
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
        del sys.modules[name]


def _import_all(names: list[str]) -> float:
    _forget()
    gc.collect()  # free the previous copies now, not during the next timed run
    gc_was = gc.isenabled()
    gc.disable()
    try:
        start = time.perf_counter()
        for name in names:
            importlib.import_module(name)
        return time.perf_counter() - start
    finally:
        if gc_was:
            gc.enable()


def _in_process(names: list[str], repeat: int) -> tuple[list[float], list[float], bool]:
    """Seconds of each (plain, hooked) warm import of ``names``; whether hooked compiled."""
    from astc.hook.installer import install_settings
    from astc.hook.settings import HookSettings
    from astc.options import Options

    settings = HookSettings.create([PACKAGE], Options())

    def hooked() -> float:
        handle = install_settings(settings)
        try:
            return _import_all(names)
        finally:
            handle.uninstall()

    def plain() -> float:
        return _import_all(names)

    variants: list[Callable[[], float]] = [plain, hooked]
    for variant in variants:  # warm both caches (plain .pyc files, astc entries)
        variant()
    compiled = hasattr(sys.modules[names[1]], "_astc_add")
    samples: list[list[float]] = [[] for _ in variants]
    for _ in range(repeat):
        for i, variant in enumerate(variants):
            samples[i].append(variant())
    _forget()
    return samples[0], samples[1], compiled


def _child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASTC_", "PYTHONDONT"))}
    env.pop("PYTHONPYCACHEPREFIX", None)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


def _script(root: Path, names: list[str], hooked: bool) -> str:
    lines = ["import sys", f"sys.path.insert(0, {str(root)!r})"]
    if hooked:
        lines += ["import astc", f"astc.install([{PACKAGE!r}])"]
    lines += [f"import {name}" for name in names]
    return "\n".join(lines)


def _fresh_process(root: Path, names: list[str], repeat: int) -> tuple[float, float, float]:
    """Median wall seconds of a fresh interpreter: bare, plain import, hooked import."""
    env = _child_env()
    commands = [
        [sys.executable, "-c", "pass"],
        [sys.executable, "-c", _script(root, names, hooked=False)],
        [sys.executable, "-c", _script(root, names, hooked=True)],
    ]
    for command in commands:  # warm caches and the OS
        subprocess.run(command, env=env, check=True)
    samples: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for i, command in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(command, env=env, check=True)
            samples[i].append(time.perf_counter() - start)
    bare, plain, hooked = (statistics.median(s) for s in samples)
    return bare, plain, hooked


def _cold(root: Path, names: list[str]) -> tuple[float, float]:
    """Seconds to import every module with nothing cached: plain CPython, then astc."""
    from astc.hook.installer import install_settings
    from astc.hook.settings import HookSettings
    from astc.options import Options

    for pycache in root.rglob("__pycache__"):
        shutil.rmtree(pycache)
    importlib.invalidate_caches()
    plain = _import_all(names)
    handle = install_settings(HookSettings.create([PACKAGE], Options()))
    try:
        hooked = _import_all(names)
    finally:
        handle.uninstall()
        _forget()
    return plain, hooked


_ROW = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def _importtime(root: Path, names: list[str], hooked: bool) -> dict[str, tuple[int, int]]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", _script(root, names, hooked)],
        env=_child_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    rows: dict[str, tuple[int, int]] = {}
    for match in _ROW.finditer(result.stderr):
        rows[match.group(4)] = (int(match.group(1)), int(match.group(2)))
    return rows


def run(config: BenchConfig) -> BenchResult:
    """Time warm and cold imports of a generated package with and without the hook."""
    result = BenchResult()
    count = 10 if config.quick else 50
    repeat = config.repeat
    rounds = max(3 * repeat, 21)
    old_flags = (sys.dont_write_bytecode, sys.pycache_prefix)
    sys.dont_write_bytecode, sys.pycache_prefix = False, None
    with tempfile.TemporaryDirectory(prefix="astc-bench-") as tmp:
        root = Path(tmp)
        names = generate(root, count)
        sys.path.insert(0, str(root))
        try:
            plain_runs, hooked_runs, compiled = _in_process(names, rounds)
            bare, plain_p, hooked_p = _fresh_process(root, names, max(3, repeat // 2))
            rows_plain = _importtime(root, names, hooked=False)
            rows_hooked = _importtime(root, names, hooked=True)
            cold_plain, cold_hooked = _cold(root, names)
        finally:
            sys.path.remove(str(root))
            sys.dont_write_bytecode, sys.pycache_prefix = old_flags
    if not compiled:
        result.problems.append("the hooked import did not run astc's code (no _astc_add)")
    size = len(MODULE_TEMPLATE) + 60 * 50
    warm = Table(
        f"import_overhead: warm cache, {len(names)} modules of ~{size / 1000:.1f} KB",
        ["variant", "ms total", "us/module", "hooked / plain"],
    )
    n = len(names)
    # the median of interleaved runs: on a loaded machine a run of a few milliseconds is
    # often preempted, and both variants see the same odds of that; the min is shown too
    plain, hooked = statistics.median(plain_runs), statistics.median(hooked_runs)
    overhead = hooked / plain - 1
    min_ratio = min(hooked_runs) / min(plain_runs)
    warm.add_row(
        "plain import (.pyc hits), in process", f"{plain * 1e3:.2f}", f"{plain / n * 1e6:.1f}", ""
    )
    warm.add_row(
        "astc hook (cache hits), in process",
        f"{hooked * 1e3:.2f}",
        f"{hooked / n * 1e6:.1f}",
        fmt_ratio(hooked / plain),
    )
    warm.add_row("fresh `python -c pass`", f"{bare * 1e3:.1f}", "", "")
    warm.add_row("fresh interpreter, plain import", f"{plain_p * 1e3:.1f}", "", "")
    warm.add_row(
        "fresh interpreter, astc.install + import",
        f"{hooked_p * 1e3:.1f}",
        "",
        fmt_ratio(hooked_p / plain_p),
    )
    warm.notes.append(
        f"in process: median of {rounds} interleaved rounds, gc off; overhead "
        f"{overhead:+.1%} (goal <= {GOAL_OVERHEAD:.0%}; ratio of the minima "
        f"{min_ratio:.2f}x); fresh interpreter: median of "
        f"{max(3, repeat // 2)} runs, includes start-up of astc.hook and the fingerprint"
    )
    cold = Table(
        "import_overhead: cold (nothing cached), per module",
        ["variant", "ms/module", "vs plain"],
    )
    cold.add_row("CPython compile to bytecode", f"{cold_plain / n * 1e3:.2f}", "")
    cold.add_row(
        "astc compile (LibCST) + bytecode",
        f"{cold_hooked / n * 1e3:.1f}",
        fmt_ratio(cold_hooked / cold_plain),
    )
    cold.notes.append("single run; the astc figure includes importing LibCST and astc once")
    importtime = Table(
        "import_overhead: python -X importtime, warm cache (us)",
        ["module", "plain self", "plain cumulative", "hooked self", "hooked cumulative"],
    )
    shown = [PACKAGE, names[1], names[-1], "astc", "astc.hook.installer", "astc.options"]
    for name in shown:
        p, h = rows_plain.get(name), rows_hooked.get(name)
        importtime.add_row(
            name,
            *(
                str(v) if v is not None else "-"
                for v in (*(p or (None, None)), *(h or (None, None)))
            ),
        )
    result.tables.extend([warm, cold, importtime])
    return result
