"""Numba kernels on the corpus: plain CPython, ``numba.njit`` on every function by hand,
and ``astc --kernels auto`` (no markers), side by side in one run.

The corpus is ``benchmarks/kernel_corpus.py`` (its functions) with the arguments of
``benchmarks/kernel_cases.py``. For each function: its result under each variant is
compared with CPython's (astc: the same value *and* type, bit for bit, and the same
arrays afterwards; hand ``njit``: the same values), then the three are timed round-robin
(best of ``repeat``, fresh arguments for every call, allocation not timed, Numba's
compiles and astc's per-signature measurements done before timing). The table gives
each case's speedup over CPython; the summary the ok counts, wrong results and geometric
means, and checks the targets of issue 10: astc never below 0.95x of CPython, within
1.1x of hand ``njit`` wherever ``njit`` is right, geometric mean at least 3x.

``python -m benchmarks kernels`` (``--quick``: two repeats; ``--cases dot,rms --repeat 20``:
those cases only, e.g. to measure again the ones near a target). Not part of ``make test``.
"""

from __future__ import annotations

import importlib.util
import math
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from astc.backends.runtime import _ASTC_MEASURED_CALLS
from benchmarks._core import BenchConfig, BenchResult, Table
from benchmarks.kernel_cases import CASES, Case

CORPUS = Path(__file__).with_name("kernel_corpus.py")
#: Calls of each astc function before timing: compile, then the measured policy's trials.
WARMUP = _ASTC_MEASURED_CALLS + 1
#: Seconds one timed batch of a fast variant lasts, about.
BATCH_S = 0.01


@dataclass
class Outcome:
    """One variant of one case: what it returned, or why it did not run."""

    values: list[Any] = field(default_factory=list)
    error: str | None = None
    seconds: float = math.inf


def _call(fn: Callable[..., Any], case: Case) -> Outcome:
    args = case.args()
    try:
        value = fn(*args)
    except Exception as error:  # noqa: BLE001 - a variant that fails is data
        return Outcome(error=f"{type(error).__name__}: {str(error)[:60]}")
    return Outcome([value, *(a for a in args if isinstance(a, np.ndarray | list))])


def same(a: Any, b: Any, strict: bool) -> bool:
    """Equal results; ``strict``: also the same types, dtypes and signed zeros."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        if not (isinstance(a, np.ndarray) and isinstance(b, np.ndarray)):
            return False
        if a.dtype != b.dtype or a.shape != b.shape:
            return False
        if a.dtype.kind in "fc":
            return bool(
                np.array_equal(a, b, equal_nan=True)
                and np.array_equal(np.signbit(a), np.signbit(b))
            )
        return bool(np.array_equal(a, b))
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same(x, y, strict) for x, y in zip(a, b, strict=True))
    if strict and type(a) is not type(b):
        return False
    if isinstance(a, float | np.floating) and isinstance(b, float | np.floating):
        if a != a and b != b:
            return True
        if strict and a == b == 0:
            return bool(np.signbit(a) == np.signbit(b))
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return False


def _load_plain() -> dict[str, Any]:
    ns: dict[str, Any] = {"__name__": "kernel_corpus_plain"}
    exec(compile(CORPUS.read_text(), str(CORPUS), "exec"), ns)
    return ns


def _load_njit(names: list[str]) -> dict[str, Any]:
    """The corpus with ``numba.njit`` applied to every function, as a user might."""
    import numba

    ns = _load_plain()
    for name in names:
        ns[name] = numba.njit(ns[name])
    return ns


def _load_astc(work: Path) -> tuple[Any, dict[str, str]]:
    """The corpus compiled with ``--kernels auto``, imported from a file (so that kernels
    are cached like a user's), and each function's decision (code of its entry)."""
    import astc

    result = astc.compile_source(
        CORPUS.read_text(), filename=str(CORPUS), options=astc.Options(kernels="auto")
    )
    if result.code is None:
        raise RuntimeError("astc could not compile the corpus")
    path = work / "kernel_corpus_astc.py"
    path.write_text(result.code)
    spec = importlib.util.spec_from_file_location("kernel_corpus_astc", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    decisions: dict[str, str] = {}
    for entry in result.report.entries:
        if entry.pass_name == "kernels" and entry.function:
            if entry.code is astc.Code.KERNEL or entry.function not in decisions:
                decisions[entry.function] = (
                    "kernel" if entry.code is astc.Code.KERNEL else (entry.code.value)
                )
    return module, decisions


def _batch(fn: Callable[..., Any], case: Case, number: int) -> float:
    """Seconds per call over ``number`` calls, arguments made beforehand."""
    batch = [case.args() for _ in range(number)]
    start = time.perf_counter()
    for args in batch:
        fn(*args)
    return (time.perf_counter() - start) / number


def _time(fns: list[Callable[..., Any]], case: Case, repeat: int) -> list[float]:
    """Best time per call of each, round-robin in a rotating order, fresh arguments for
    every call. Fast variants run in batches of about :data:`BATCH_S` seconds, so that
    the caches a slow CPython call leaves behind weigh on no variant alone."""
    numbers: list[int] = []
    for fn in fns:
        try:
            once = _batch(fn, case, 1)
        except Exception:  # noqa: BLE001 - not timed: it does not run
            once = math.inf
        numbers.append(0 if once == math.inf else max(1, min(1000, int(BATCH_S / once))))
    best = [math.inf] * len(fns)
    for r in range(repeat):
        order = list(range(len(fns)))
        order = order[r % len(order) :] + order[: r % len(order)]
        for i in order:
            if numbers[i]:
                best[i] = min(best[i], _batch(fns[i], case, numbers[i]))
    return best


def _geomean(values: list[float]) -> float | None:
    values = [v for v in values if v > 0 and math.isfinite(v)]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}x"


@dataclass
class Row:
    case: Case
    decision: str
    plain_s: float
    astc_s: float
    njit_s: float
    astc_ok: bool
    njit: str  # "ok" | "wrong" | "error"

    @property
    def astc_x(self) -> float:
        return self.plain_s / self.astc_s

    @property
    def njit_x(self) -> float | None:
        return self.plain_s / self.njit_s if self.njit == "ok" else None


def measure(config: BenchConfig) -> tuple[list[Row], list[str]]:
    """Every case: results checked, then timed (see the module docstring)."""
    names = [c.name for c in CASES]
    plain = _load_plain()
    njit = _load_njit(names)
    problems: list[str] = []
    rows: list[Row] = []
    unknown = set(config.cases) - set(names)
    if unknown:
        raise ValueError(f"unknown kernel cases: {', '.join(sorted(unknown))}")
    chosen = [c for c in CASES if not config.cases or c.name in config.cases]
    repeat = 2 if config.quick else max(3, config.repeat if config.cases else min(config.repeat, 7))
    with tempfile.TemporaryDirectory(prefix="astc-kernels-") as tmp:
        module, decisions = _load_astc(Path(tmp))
        for case in chosen:
            want = _call(plain[case.name], case)
            fast = getattr(module, case.name)
            got = _call(fast, case)
            for _ in range(WARMUP - 1):
                _call(fast, case)
            astc_ok = got.error is None and same(got.values, want.values, strict=True)
            if not astc_ok:
                problems.append(f"{case.name}: astc differs from CPython ({got.error or 'value'})")
            hand = _call(njit[case.name], case)
            if hand.error is not None:
                njit_state = "error"
            else:
                njit_state = "ok" if same(hand.values, want.values, strict=False) else "wrong"
            t_plain, t_astc, t_njit = _time([plain[case.name], fast, njit[case.name]], case, repeat)
            rows.append(
                Row(
                    case,
                    decisions.get(case.name, "-"),
                    t_plain,
                    t_astc,
                    t_njit,
                    astc_ok,
                    njit_state,
                )
            )
    return rows, problems


def tables(rows: list[Row]) -> list[Table]:
    per_case = Table(
        "Kernels corpus: speedup over CPython (time ratio, best of repeats)",
        ["case", "style", "CPython ms", "njit", "astc auto", "astc/njit", "astc decision"],
    )
    for r in rows:
        njit = _fmt(r.njit_x) if r.njit == "ok" else r.njit
        ratio = f"{r.njit_s / r.astc_s:.2f}" if r.njit == "ok" else "-"
        per_case.add_row(
            r.case.name,
            r.case.style,
            f"{r.plain_s * 1e3:,.2f}",
            njit,
            _fmt(r.astc_x) + ("" if r.astc_ok else " WRONG"),
            ratio,
            r.decision,
        )
    per_case.notes.append(
        "astc/njit = njit time / astc time (1.00 = as fast as hand njit; above 1: faster)"
    )
    summary = Table("Kernels corpus: summary", ["measure", "CPython", "njit (hand)", "astc auto"])
    n = len(rows)
    njit_ok = [r for r in rows if r.njit == "ok"]
    summary.add_row("cases", n, n, n)
    summary.add_row("ok (ran, right result)", n, len(njit_ok), sum(r.astc_ok for r in rows))
    summary.add_row(
        "wrong results", 0, sum(r.njit == "wrong" for r in rows), sum(not r.astc_ok for r in rows)
    )
    summary.add_row("errors", 0, sum(r.njit == "error" for r in rows), 0)
    summary.add_row(
        "geomean speedup, all cases",
        "1.00x",
        "n/a",
        _fmt(_geomean([r.astc_x for r in rows])),
    )
    summary.add_row(
        "geomean speedup, where njit is right",
        "1.00x",
        _fmt(_geomean([r.njit_x or 0.0 for r in njit_ok])),
        _fmt(_geomean([r.astc_x for r in njit_ok])),
    )
    summary.add_row("kernels emitted", "-", "-", sum(r.decision == "kernel" for r in rows))
    slower = [r.case.name for r in rows if r.astc_x < 0.95]
    behind = [r.case.name for r in njit_ok if r.astc_s > 1.1 * r.njit_s]
    summary.notes.append(
        f"astc below 0.95x of CPython: {len(slower)}"
        + (f" ({', '.join(slower)})" if slower else "")
    )
    summary.notes.append(
        f"astc more than 1.1x slower than hand njit where njit is right: {len(behind)}"
        + (f" ({', '.join(behind)})" if behind else "")
    )
    summary.notes.append(
        "machine shared with other work: ratios are measured side by side, absolute times vary"
    )
    return [per_case, summary]


def run(config: BenchConfig) -> BenchResult:
    rows, problems = measure(config)
    return BenchResult(tables=tables(rows), problems=problems)
