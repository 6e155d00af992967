"""Numeric kernels as users write them in pure Python, compiled with ``kernels="auto"``.

For each kernel: CPython, the astc-compiled module (automatic selection, no markers),
hand-applied ``numba.njit`` (the reference) and NumPy where natural, timed side by side
in one run (best of ``repeat``; first calls, i.e. Numba compiles, excluded). CPython runs
a smaller problem and its time is scaled to the full size by the work ratio (stated in
the table). The ``fancy_func`` row checks that auto selection leaves a trivial scalar
function alone (it must not be selected, so it cannot get slower), and the overhead row
compares a call through astc's wrapper with a direct call of the Numba dispatcher.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import Any

import numpy as np

from benchmarks._core import BenchConfig, BenchResult, Table, fmt_ratio

KERNELS = """\
import math


def pairwise(x, out):
    n = x.shape[0]
    d = x.shape[1]
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(d):
                t = x[i, k] - x[j, k]
                s += t * t
            out[i, j] = math.sqrt(s)


def jacobi(u, tmp, sweeps):
    n = u.shape[0]
    m = u.shape[1]
    for it in range(sweeps):
        for i in range(1, n - 1):
            for j in range(1, m - 1):
                tmp[i, j] = 0.25 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1])
        for i in range(1, n - 1):
            for j in range(1, m - 1):
                u[i, j] = tmp[i, j]


def mandelbrot(out, maxiter):
    h = out.shape[0]
    w = out.shape[1]
    for y in range(h):
        ci = -1.5 + 3.0 * y / h
        for x in range(w):
            cr = -2.0 + 3.0 * x / w
            zr = 0.0
            zi = 0.0
            k = 0
            while k < maxiter and zr * zr + zi * zi <= 4.0:
                t = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = t
                k += 1
            out[y, x] = k


def prefix_sum(a, out):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
        out[i] = s


def dot(a, b):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * b[i]
    return s


def add(a, b):
    return a + b


def fancy_func(a, b, c, d):
    e = add(a, b)
    f = add(c, d)
    g = add(e, f)
    return g
"""


def _best(fn: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _per_call(fn: Callable[[], Any], repeat: int, loops: int = 20_000) -> float:
    def batch() -> None:
        for _ in range(loops):
            fn()

    return _best(batch, repeat) / loops


def _cases(rng: np.random.Generator) -> list[dict[str, Any]]:
    """name, full-size args factory, small-size args factory, work ratio, numpy version."""
    pts, pts_small = rng.random((500, 3)), rng.random((100, 3))
    grid = rng.random((200, 200))
    vec, vec_small = rng.random(1_000_000), rng.random(100_000)
    return [
        {
            "name": "pairwise 500x3",
            "fn": "pairwise",
            "full": lambda: (pts, np.zeros((500, 500))),
            "small": lambda: (pts_small, np.zeros((100, 100))),
            "scale": (500 / 100) ** 2,
            "numpy": lambda: np.sqrt(((pts[:, None, :] - pts[None, :, :]) ** 2).sum(-1)),
        },
        {
            "name": "jacobi 200x200 x50",
            "fn": "jacobi",
            "full": lambda: (grid.copy(), np.zeros_like(grid), 50),
            "small": lambda: (grid.copy(), np.zeros_like(grid), 2),
            "scale": 25.0,
            "numpy": lambda: _jacobi_numpy(grid.copy(), 50),
        },
        {
            "name": "mandelbrot 200x200 100it",
            "fn": "mandelbrot",
            "full": lambda: (np.zeros((200, 200)), 100),
            "small": lambda: (np.zeros((50, 50)), 100),
            "scale": 16.0,
            "numpy": None,
        },
        {
            "name": "prefix sum 1e6",
            "fn": "prefix_sum",
            "full": lambda: (vec, np.zeros_like(vec)),
            "small": lambda: (vec_small, np.zeros_like(vec_small)),
            "scale": 10.0,
            "numpy": lambda: np.cumsum(vec),
        },
        {
            "name": "dot 1e6",
            "fn": "dot",
            "full": lambda: (vec, vec),
            "small": lambda: (vec_small, vec_small),
            "scale": 10.0,
            "numpy": lambda: float(vec @ vec),
        },
    ]


def _jacobi_numpy(u: np.ndarray, sweeps: int) -> np.ndarray:
    for _ in range(sweeps):
        u[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
    return u


def _outputs(fn: Callable[..., Any], args: tuple[Any, ...]) -> list[Any]:
    """What a kernel produced: its return value and every array argument afterwards."""
    value = fn(*args)
    return [value, *(a for a in args if isinstance(a, np.ndarray))]


def _same(a: list[Any], b: list[Any]) -> bool:
    return all(
        np.allclose(x, y, rtol=1e-9) if x is not None else y is None
        for x, y in zip(a, b, strict=True)
    )


def _load(code: str) -> dict[str, Any]:
    ns: dict[str, Any] = {"__name__": "bench_kernels"}
    exec(compile(code, "<bench_kernels>", "exec"), ns)
    return ns


def run(config: BenchConfig) -> BenchResult:
    import numba

    import astc

    result = BenchResult()
    compiled = astc.compile_source(KERNELS, options=astc.Options(kernels="auto"))
    if compiled.code is None:
        return BenchResult(problems=["kernel suite does not compile"])
    chosen = {
        e.function for e in compiled.report.entries if e.code is astc.Code.KERNEL and e.function
    }
    plain, fast = _load(KERNELS), _load(compiled.code)
    repeat = max(2, min(config.repeat, 5))
    table = Table(
        "Kernels: time per run (ms) and speedup over CPython",
        ["kernel", "CPython*", "astc auto", "numba.njit", "NumPy", "astc/CPython", "astc/numba"],
    )
    for case in _cases(np.random.default_rng(0)):
        name = case["fn"]
        if name not in chosen:
            result.problems.append(f"auto selection did not pick {name}")
            continue
        hand = numba.njit(plain[name])
        if not _same(_outputs(plain[name], case["small"]()), _outputs(fast[name], case["small"]())):
            result.problems.append(f"{name}: astc result differs from CPython")
        if not _same(_outputs(hand, case["full"]()), _outputs(fast[name], case["full"]())):
            result.problems.append(f"{name}: astc result differs from numba")
        astc_fn = fast[name]  # the module global is the Numba wrapper after the first call
        # arguments are made before timing: allocation is not timed
        t_py = _best(partial(plain[name], *case["small"]()), 1 if config.quick else 2)
        t_py *= case["scale"]
        t_astc = _best(partial(astc_fn, *case["full"]()), repeat)
        t_nb = _best(partial(hand, *case["full"]()), repeat)
        t_np = _best(case["numpy"], repeat) if case["numpy"] else None
        table.add_row(
            case["name"],
            f"{t_py * 1e3:,.1f}",
            f"{t_astc * 1e3:,.2f}",
            f"{t_nb * 1e3:,.2f}",
            "n/a" if t_np is None else f"{t_np * 1e3:,.2f}",
            fmt_ratio(t_py / t_astc),
            f"{t_astc / t_nb:.2f}",
        )
    table.notes.append(
        "CPython* ran a smaller problem (pairwise 100 points, jacobi 2 sweeps, mandelbrot "
        "50x50, vectors 1e5) scaled by the work ratio; astc/numba is a time ratio (1.00 = same)"
    )
    table.notes.append(f"auto-selected: {', '.join(sorted(chosen))}")
    result.tables.append(table)
    result.tables.append(_overhead(plain, fast, chosen, repeat, numba))
    return result


def _overhead(
    plain: dict[str, Any], fast: dict[str, Any], chosen: set[str], repeat: int, numba: Any
) -> Table:
    table = Table(
        "Per-call cost (ns)", ["call", "CPython", "astc auto", "numba.njit", "astc/numba"]
    )
    if "fancy_func" in chosen:
        table.notes.append("PROBLEM: fancy_func was selected")
    jitted = _load(KERNELS)  # hand-applied njit on fancy_func and its helper
    jitted["add"] = numba.njit(jitted["add"])
    hand_ff = numba.njit(jitted["fancy_func"])
    hand_ff(1, 2, 3, 4)
    ff_py = _per_call(lambda: plain["fancy_func"](1, 2, 3, 4), repeat)
    ff_astc = _per_call(lambda: fast["fancy_func"](1, 2, 3, 4), repeat)
    ff_nb = _per_call(lambda: hand_ff(1, 2, 3, 4), repeat)
    table.add_row(
        "fancy_func(1,2,3,4)",
        f"{ff_py * 1e9:.0f}",
        f"{ff_astc * 1e9:.0f}",
        f"{ff_nb * 1e9:.0f}",
        f"{ff_astc / ff_nb:.2f}",
    )
    a = np.ones(1)
    hand_dot = numba.njit(plain["dot"])
    hand_dot(a, a)
    dot_astc = fast["dot"]
    d_py = _per_call(lambda: plain["dot"](a, a), repeat)
    d_astc = _per_call(lambda: dot_astc(a, a), repeat)
    d_nb = _per_call(lambda: hand_dot(a, a), repeat)
    table.add_row(
        "dot on 1 element",
        f"{d_py * 1e9:.0f}",
        f"{d_astc * 1e9:.0f}",
        f"{d_nb * 1e9:.0f}",
        f"{d_astc / d_nb:.2f}",
    )
    table.notes.append(
        "fancy_func is not selected (no loop): the astc column is the plain function; the "
        "dot row is astc's wrapper overhead over a direct Numba dispatcher call"
    )
    return table
