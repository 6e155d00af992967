"""Arguments for each function of ``benchmarks/kernel_corpus.py``.

One :class:`Case` per corpus function (a test checks that none is missing): a style
label, and a factory for fresh arguments (functions that write into arrays get new
ones on every call, so every timed call does the same work). Sizes make one CPython
call last roughly 5-50 ms on a laptop-class core.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Case:
    name: str
    style: str
    args: Callable[[], tuple[Any, ...]]


_R = np.random.default_rng(2026)
_V = _R.random(100_000)
_W = _R.random(100_000)
_N = _R.standard_normal(100_000)
_M = _R.random((300, 300))
_P = _R.random((150, 3))


def _vec(n: int = 100_000) -> np.ndarray:
    return _V[:n].copy()


LOOPS = "loop over arrays"
SCALAR = "scalar loop"
WHOLE = "whole-array"
FEATURE = "closure/assert/dtype/..."
LISTS = "lists"
TRAP = "exactness trap"

CASES: list[Case] = [
    Case("dot", LOOPS, lambda: (_V, _W)),
    Case("sum_squares", LOOPS, lambda: (_V,)),
    Case("prefix_sum", LOOPS, lambda: (_V, np.zeros_like(_V))),
    Case("pairwise", LOOPS, lambda: (_P, np.zeros((150, 150)))),
    Case("jacobi", LOOPS, lambda: (_M[:60, :60].copy(), np.zeros((60, 60)), 10)),
    Case("mandelbrot", LOOPS, lambda: (np.zeros((60, 60)), 50)),
    Case("matmul", LOOPS, lambda: (_M[:40, :40], _M[40:80, :40], np.zeros((40, 40)))),
    Case("conv1d", LOOPS, lambda: (_V[:20_000], _W[:9], np.zeros(20_000 - 8))),
    Case("laplacian", LOOPS, lambda: (_M[:200, :200], np.zeros((200, 200)))),
    Case("histogram", LOOPS, lambda: (_V, 50, np.zeros(50, dtype=np.int64))),
    Case("argmax_loop", LOOPS, lambda: (_N,)),
    Case("count_positive", LOOPS, lambda: (_N,)),
    Case("clip_loop", LOOPS, lambda: (_N, -0.5, 0.5, np.zeros_like(_N))),
    Case("running_mean", LOOPS, lambda: (_V, 10, np.zeros_like(_V))),
    Case("cumulative_max", LOOPS, lambda: (_N, np.zeros_like(_N))),
    Case("bubble_sort", LOOPS, lambda: (_vec(400),)),
    Case("insertion_sort", LOOPS, lambda: (_vec(600),)),
    Case("horner", LOOPS, lambda: (_W[:8], _V[:10_000], np.zeros(10_000))),
    Case("trapezoid", LOOPS, lambda: (_V, 0.01)),
    Case("variance", LOOPS, lambda: (_N,)),
    Case("correlation", LOOPS, lambda: (_V[:50_000], _N[:50_000])),
    Case(
        "life_step",
        LOOPS,
        lambda: ((_M[:50, :50] > 0.6).astype(np.int64), np.zeros((50, 50), dtype=np.int64)),
    ),
    Case("floyd_warshall", LOOPS, lambda: (_M[:40, :40].copy(),)),
    Case(
        "lcs_length",
        LOOPS,
        lambda: ((_V[:200] * 4).astype(np.int64), (_W[:200] * 4).astype(np.int64)),
    ),
    Case("nbody_energy", LOOPS, lambda: (_P + 0.001 * np.arange(150)[:, None], _V[:150])),
    Case("smooth", LOOPS, lambda: (_vec(10_000), np.zeros(10_000), 5)),
    Case("box_blur", LOOPS, lambda: (_M[:80, :80], np.zeros((80, 80)))),
    Case("ewma", LOOPS, lambda: (_V, 0.1, np.zeros_like(_V))),
    Case("pi_leibniz", SCALAR, lambda: (200_000,)),
    Case("integrate_midpoint", SCALAR, lambda: (200_000,)),
    Case("logistic_map", SCALAR, lambda: (3.9, 0.5, 200_000)),
    Case("harmonic", SCALAR, lambda: (200_000,)),
    Case("newton_sqrt", SCALAR, lambda: (2.0, 100_000)),
    Case("exp_series", SCALAR, lambda: (1.5, 200_000)),
    Case("sum_of_squares", SCALAR, lambda: (200_000,)),
    Case("count_primes", SCALAR, lambda: (3000,)),
    Case("lcg_mean", SCALAR, lambda: (200_000, 12345)),
    Case("damped_oscillator", SCALAR, lambda: (200_000, 0.001)),
    Case("collatz_steps", SCALAR, lambda: (837_799,)),
    Case("fib_float", SCALAR, lambda: (1000,)),
    Case("softmax", WHOLE, lambda: (_N,)),
    Case("standardize", WHOLE, lambda: (_N,)),
    Case("sigmoid", WHOLE, lambda: (_N,)),
    Case("axpy", WHOLE, lambda: (2.0, _V, _W)),
    Case("rms", WHOLE, lambda: (_N,)),
    Case("logsumexp", WHOLE, lambda: (_N,)),
    Case("relu", WHOLE, lambda: (_N,)),
    Case("row_sums", WHOLE, lambda: (_M,)),
    Case("column_means", WHOLE, lambda: (_M,)),
    Case("soft_clip", WHOLE, lambda: (_N * 2,)),
    Case("poly2", WHOLE, lambda: (_N,)),
    Case("gelu", WHOLE, lambda: (_N,)),
    Case("cosine_similarity", WHOLE, lambda: (_V, _W)),
    Case("huber", WHOLE, lambda: (_N, 1.0)),
    Case("sum_of_cubes", FEATURE, lambda: (_N,)),
    Case("scaled_total", FEATURE, lambda: (_V, 1.5)),
    Case("checked_mean", FEATURE, lambda: (_V,)),
    Case("safe_log_sum", FEATURE, lambda: (_V + 0.5,)),
    Case("same_dtype_square", FEATURE, lambda: (_V,)),
    Case("pair_sums", FEATURE, lambda: (_V,)),
    Case("reversed_copy", FEATURE, lambda: (_V,)),
    Case("centred_diff", FEATURE, lambda: (_V,)),
    Case("heat_1d", FEATURE, lambda: (_vec(2000), 20)),
    Case("clamp", FEATURE, lambda: (0.7, 0.0, 0.5)),
    Case("clamped_sum", FEATURE, lambda: (_N, -0.5, 0.5)),
    Case("norm2", FEATURE, lambda: (_N,)),
    Case("row_norms", FEATURE, lambda: (_M, np.zeros(300))),
    Case("list_total", LISTS, lambda: (list(range(100_000)),)),
    Case("sieve", LISTS, lambda: (100_000,)),
    Case("word_lengths", LISTS, lambda: (["alpha", "be", "gamma", "delta", "e"] * 4000,)),
    Case("list_dot", LISTS, lambda: (_V.tolist(), _W.tolist())),
    Case("big_step", TRAP, lambda: (70,)),
    Case("doubling", TRAP, lambda: (200,)),
    Case("float32_total", TRAP, lambda: (np.full(100_000, 0.1, dtype=np.float32),)),
    Case(
        "int8_scaled",
        TRAP,
        lambda: ((_V * 100).astype(np.int8), np.zeros(100_000, dtype=np.int8)),
    ),
    Case("mean_of", TRAP, lambda: (np.full(200_000, 0.1, dtype=np.float32),)),
    Case("offset_total", TRAP, lambda: (_V[:10_000], 2**70)),
]
