"""Automatic kernels are exact by construction: one test per rule of issue 10 (and of
docs/kernels.md, "Exactness"), each with the cases that must NOT become kernels, or must
be routed to the plain function at run time.

One module holds every case and is compiled once; each kernel is compiled by Numba at its
first call. Every run compares the compiled module with the plain one: the same value,
type and bits, and the same arrays afterwards (``kernel_util.Compiled.check``).
"""

from __future__ import annotations

import ast
import contextlib
import os
import subprocess
import sys
import textwrap
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from astc import Code
from astc.backends.runtime import _ASTC_MEASURED_CALLS
from tests.kernel_util import Compiled, compile_both

SOURCE = textwrap.dedent(
    """\
    import math
    import numpy as np
    from numpy import empty_like


    # -- NumPy 2 dtypes, Python scalars weak
    def total(a):
        s = 0.0
        for i in range(a.shape[0]):
            s += a[i]
        return s

    def first_sum(a):
        s = a[0]
        for i in range(1, a.shape[0]):
            s = s + a[i]
        return s

    def scaled_into(a, out):
        for i in range(a.shape[0]):
            out[i] = a[i] * 2.5

    # -- Python ints stay within int64, or no kernel
    def counter(a):
        k = 0
        for i in range(a.shape[0]):
            if a[i] > 0.5:
                k += 1
        return k

    def sum_squares(n):
        s = 0
        for i in range(n):
            s += i * i
        return s

    # -- float reductions give NumPy's result
    def row_means(m, out):
        for i in range(m.shape[0]):
            out[i] = np.mean(m[i])
        return out

    def sums(a):
        return np.sum(a) + a.sum()

    def peak(a):
        best = np.max(a)
        for i in range(a.shape[0]):
            best = best + 0.0
        return best

    # -- arguments outside what the kernel was typed for: the plain function
    def shift(a, c, out):
        for i in range(a.shape[0]):
            out[i] = a[i] + c
        return out

    # -- int() of a float: saturated, exact only where that cannot show
    def to_int(a, out):
        for i in range(a.shape[0]):
            out[i] = int(a[i])
        return out

    def histogram(a, bins, counts):
        for i in range(a.shape[0]):
            j = int(a[i] * bins)
            if j >= 9:
                j = 9
            counts[j] += 1.0
        return counts

    def first_as_int(a):
        for i in range(a.shape[0]):
            pass
        return int(a[0] * 0.5)

    # -- NumPy's RuntimeWarnings (Numba is silent): refused where they may happen
    def ratio(a, b, out):
        for i in range(a.shape[0]):
            out[i] = a[i] / b[i]

    def remainders(a, b, out):
        for i in range(a.shape[0]):
            out[i] = a[i] % b[i]

    def bump(counts):
        for i in range(counts.shape[0]):
            counts[i] += 1
        return counts

    def negated(a, out):
        for i in range(a.shape[0]):
            out[i] = -a[i]
        return out

    # -- int64 NumPy scalar overflow: checked in the kernel, NumPy's warning on overflow
    def product(a):
        p = a[0]
        for i in range(1, a.shape[0]):
            p = p * a[i]
        return p

    def neighbours(grid, out):  # `alive` is a Python int, then a NumPy one
        n = grid.shape[0]
        for i in range(n):
            alive = 0
            for d in (-1, 1):
                alive += grid[(i + d) % n]
            out[i] = alive - grid[i]
        return out

    def distance(a, out):
        for i in range(a.shape[0]):
            out[i] = abs(a[i]) - a[0]
        return out

    def plus_one(x):
        return x + 1

    def bump_each(counts):  # a helper's int64 `+` is checked too
        for i in range(counts.shape[0]):
            counts[i] = plus_one(counts[i])
        return counts

    def doubled_either(a):  # the Python int doubles without bound: no kernel (ASTC233)
        k = 1
        for i in range(a.shape[0]):
            if a[i] > 0:
                k = a[i]
            k = k * 2
        return k

    def halved(a, out):
        for i in range(a.shape[0]):
            out[i] = a[i] / 2.0 + a[i] // 3
        return out

    def array_ratio(a, b):
        return np.sqrt(a) / np.sqrt(b[:])

    # -- a local name read where it may be unbound: UnboundLocalError in CPython
    def last_index(n):
        for i in range(n):
            pass
        return i

    def last_value(a):
        v = 0.0
        for i in range(a.shape[0]):
            v = a[i]
        return v

    def either_branch(a, flag):
        for i in range(a.shape[0]):
            pass
        if flag:
            r = 1.0
        else:
            r = 2.0
        return r

    # -- Python's zero division for Python numbers

    def centre(a, out):
        m = -1.5 + 3.0 / a.shape[0]
        for i in range(a.shape[0]):
            out[i] = m

    def mean_loop(a):
        s = 0.0
        for i in range(a.shape[0]):
            s += a[i]
        return s / a.shape[0]

    def wrap(a, out):
        n = a.shape[0]
        for i in range(n):
            out[i] = a[(i + 1) % n]

    def halves(a):
        h = a.shape[0] // 2
        s = 0.0
        for i in range(h):
            s += a[i] - a[h + i]
        return s

    # -- powers
    def roots(a, out, p):
        for i in range(a.shape[0]):
            out[i] = a[i] ** 0.5 + p

    def cube_roots(a, out, x):
        for i in range(a.shape[0]):
            out[i] = x ** (1.0 / 3.0)

    def python_powers(n, x):
        s = 0.0
        for i in range(n):
            s += x ** 3.0 + math.pow(x, 0.5 * i) + 2.0 ** -x
        return s

    # -- broad: what Numba runs with CPython's result
    def norm2(v):
        s = 0.0
        for i in range(v.shape[0]):
            s += v[i] * v[i]
        return math.sqrt(s)

    def row_norms(m, out):
        for i in range(m.shape[0]):
            out[i] = norm2(m[i])
        return out

    def column_means(m):
        return np.mean(m, axis=0)

    def row_sums(m):
        return np.sum(m, axis=1)

    def pi_leibniz(n):
        s = 0.0
        sign = 1.0
        for k in range(n):
            s += sign / (2 * k + 1)
            sign = -sign
        return 4.0 * s

    def cubes(a):
        def cube(v):
            return v * v * v

        scale = lambda v: 2.0 * v  # noqa: E731
        s = 0.0
        for i in range(a.shape[0]):
            s += scale(cube(a[i]))
        return s

    def checked_mean(a):
        assert a.ndim == 1, "expected a vector"
        s = 0.0
        for i in range(a.shape[0]):
            s += a[i]
        return s / a.shape[0]

    def safe_log_sum(a):
        s = 0.0
        for i in range(a.shape[0]):
            if a[i] <= 0.0:
                raise ValueError("log of a non-positive number")
            s += math.log(a[i])
        return s

    def same_dtype_square(a):
        out = np.empty(a.shape[0], dtype=a.dtype)
        for i in range(a.shape[0]):
            out[i] = a[i] * a[i]
        return out

    def pair_sums(a):
        m = a.reshape(a.shape[0] // 2, 2)
        out = np.zeros(m.shape[0])
        for i in range(m.shape[0]):
            out[i] = m[i, 0] + m[i, 1]
        return out

    def reversed_copy(a):
        out = empty_like(a)
        n = a.shape[0]
        for i in range(n):
            out[i] = a[n - 1 - i]
        return out

    def heat(u, steps):
        v = u.copy()
        n = u.shape[0]
        for _ in range(steps):
            for i in range(1, n - 1):
                v[i] = u[i] + 0.1 * (u[i - 1] - 2.0 * u[i] + u[i + 1])
            u, v = v, u
        return u

    def life(grid, out):
        n, m = grid.shape
        for i in range(n):
            for j in range(m):
                alive = 0
                for di in (-1, 0, 1):
                    for dj in (-1, 0, 1):
                        if (di or dj) and grid[(i + di) % n, (j + dj) % m]:
                            alive += 1
                out[i, j] = 1 if alive == 3 or (alive == 2 and grid[i, j]) else 0
        return out

    def horner(coeffs, x, out):
        for i in range(x.shape[0]):
            acc = 0.0
            for c in coeffs:
                acc = acc * x[i] + c
            out[i] = acc
        return out

    # -- whole-array code without a loop: measured kernels for array arguments
    def axpy(a, x, y):  # names NumPy: a loop-less function with no sign of it is left alone
        return np.abs(a) * x + y

    def add(a, b):  # no sign of NumPy: probably scalars, and inlined into its callers
        return a + b

    def huber(r, delta):
        small = np.abs(r) <= delta
        return np.where(small, 0.5 * r * r, delta * (np.abs(r) - 0.5 * delta))

    def cosine(a, b):
        return np.sum(a * b) / (np.sqrt(np.sum(a * a)) * np.sqrt(np.sum(b * b)))

    def relu(x):
        return np.maximum(x, 0.0)

    def doubled_peak(x):
        return np.max(x) * 2.0

    def rows_half(m):
        return m.shape[0] // 2  # (`* 2` may leave int64: the rank, so the shape, is unknown)

    # -- refusals, one code each

    def table(a):
        d = {}
        for i in range(a.shape[0]):
            d[i] = a[i]
        return d

    def mixed(a):
        x = 0
        for i in range(a.shape[0]):
            if a[i] > 0:
                x = 0.5
        return x

    LIMIT = [1.0]

    def uses_global(a):
        s = 0.0
        for i in range(a.shape[0]):
            s += a[i] * LIMIT[0]
        return s

    def siftdown(heap, pos):
        item = heap[pos]
        while pos > 0:
            parent = heap[pos - 1]
            if item < parent:
                heap[pos] = parent
                pos = pos - 1
                continue
            break
        heap[pos] = item

    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)

    def calls_recursive(a):
        s = 0.0
        for i in range(a.shape[0]):
            s += fact(3) * a[i]
        return s

    def generates(a):
        for i in range(a.shape[0]):
            yield a[i]
    def matmul_abs(a, b):
        return np.abs(a) @ b
    def shift_rows(m):
        for i in range(m.shape[0]):
            m += m.T
        return m
    def shift_by(a, s, out):
        for i in range(a.shape[0]):
            out[i] = a[i] << s[i]
    def shift_by_three(a, out):
        for i in range(a.shape[0]):
            out[i] = a[i] << 3
    """
)


@contextlib.contextmanager
def _no_warning() -> Iterator[None]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        yield


@pytest.fixture(scope="module")
def mod() -> Compiled:
    return compile_both(SOURCE, kernels="auto")


def _kernel(mod: Compiled, name: str) -> None:
    assert Code.KERNEL in mod.codes(name), mod.codes(name)


def _refused(mod: Compiled, name: str, code: Code) -> None:
    assert Code.KERNEL not in mod.codes(name) and code in mod.codes(name), mod.codes(name)


# -- rule: kernels compute in NumPy 2's dtypes (Python scalars are weak) ----------------


def test_float32_data_keeps_numpy_dtype(mod: Compiled) -> None:
    """k03: ``0.0 + float32`` is float32 in NumPy 2 (Numba: float64): such arrays run the
    plain function; float64 data the kernel."""
    _kernel(mod, "total")
    x = np.random.default_rng(1).random(1000)
    assert type(mod.check("total", x)[1]) is np.float64
    got = mod.check("total", np.full(100_000, 0.1, dtype=np.float32))
    assert type(got[1]) is np.float32
    assert any("float32" in r for r in mod.state("total").reasons)


def test_small_ints_and_bools_keep_numpy_arithmetic(mod: Compiled) -> None:
    """k04: int8 wraps at 8 bits and bool + bool is a bool in NumPy; Numba widens both."""
    _kernel(mod, "first_sum")
    mod.check("first_sum", np.array([100, 100], dtype=np.int8))
    mod.check("first_sum", np.array([True, True]))
    mod.check("first_sum", np.arange(5.0))


def test_stores_follow_numpy_casting_or_run_plain(mod: Compiled) -> None:
    """A float stored into an int array: NumPy's cast is not Numba's; that signature runs
    the plain function."""
    _kernel(mod, "scaled_into")
    mod.check("scaled_into", np.arange(4.0), np.zeros(4))
    mod.check("scaled_into", np.arange(4.0), np.zeros(4, dtype=np.int64))


# -- rule: Python-int arithmetic is proven to stay in int64, or no kernel --------------


def test_int_accumulators_bounded_by_trip_counts(mod: Compiled) -> None:
    _kernel(mod, "counter")
    mod.check("counter", np.random.default_rng(2).random(500))
    _kernel(mod, "sum_squares")  # i * i < 2**40 and 2**20 trips: checked on entry
    assert "at most 1048576" in mod.message("sum_squares", Code.KERNEL)
    mod.check("sum_squares", 1000)
    mod.check("sum_squares", 2**21)  # beyond the entry bound: the plain function
    assert mod.state("sum_squares").reasons


GROWTH = textwrap.dedent(
    """\
    import numpy as np

    def big_step(a):
        k = 0
        for i in range(a.shape[0]):
            k += 2 ** 62
        return k

    def doubling(a):
        k = 1
        for i in range(a.shape[0]):
            k = k + k
        return k

    def powers(n):
        r = 1
        for i in range(n):
            r *= 3
        return r

    def collatz(n):
        steps = 0
        while n != 1:
            n = 3 * n + 1 if n % 2 else n // 2
            steps += 1
        return steps

    def negated_growth(n):
        k = -n
        for i in range(3):
            k = -k * 2
        return k

    def grow_then_fail(a):
        k = 1
        for i in range(a.shape[0]):
            k = k + k
        if k > 2 ** 62:
            raise ValueError("too big")
        return k

    # must NOT get run-time int64 checks: a failed check runs the plain function again
    def doubling_into(a, out):
        k = 1
        for i in range(a.shape[0]):
            k = k + k
        out[0] = a[0]
        return k

    def store_first(out, k):
        out[0] = 1.0
        return k

    def doubling_then_storing_helper(a, out):
        k = 1
        for i in range(a.shape[0]):
            k = k + k
        return store_first(out, k)

    def doubling_compared(a):
        k = 1
        for i in range(a.shape[0]):
            k = k + k
        return k < 0.5

    def doubling_beside_numpy_warning(a):
        e = a[0] * 2
        k = 1
        for i in range(a.shape[0]):
            k = k + k
        return e, k
    """
)


@pytest.mark.parametrize(
    ("name", "within", "beyond"),
    [
        ("big_step", np.zeros(1), np.zeros(70)),
        ("doubling", np.zeros(62), np.zeros(70)),
        ("powers", 39, 50),
        ("collatz", 837_799, 2**62 + 1),
        ("negated_growth", 2**59, 2**60),
        ("negated_growth", -(2**59), -(2**63)),  # -n overflows
    ],
)
def test_int_growth_without_bound_is_checked_as_it_runs(
    mod: Compiled, name: str, within: Any, beyond: Any
) -> None:
    """k01/k02: ``k += 2**62`` and ``k = k + k`` would wrap in Numba; CPython's ints grow.
    A kernel that stores nothing does such arithmetic through checked helpers: within
    int64 its result is the kernel's, beyond it the check fails and the plain function
    runs (nothing was changed) — CPython's big int, never a wrapped one — and keeps
    running from then on (a kernel that keeps failing its checks would be slower)."""
    mod = compile_both(GROWTH, kernels="auto")
    _kernel(mod, name)
    assert "checked to stay within int64" in mod.message(name, Code.KERNEL)
    assert "_astc_add_i64" in mod.result.code or "_astc_mul_i64" in mod.result.code
    mod.check(name, within)
    assert not mod.state(name).reasons  # the kernel's own result
    mod.check(name, beyond)
    assert mod.state(name).reasons == {"a Python int beyond int64 in its arithmetic"}
    assert mod.state(name).compiled is None
    mod.check(name, within)  # the plain function, for good


def test_the_plain_functions_exception_after_a_failed_check_is_its_own() -> None:
    """The plain function runs after the kernel gave up, not while its exception is
    handled: what the plain function raises has CPython's context (none here), not
    "During handling of the above exception" with astc's internal one."""
    mod = compile_both(GROWTH, kernels="auto")
    _kernel(mod, "grow_then_fail")
    assert mod.fast["grow_then_fail"](np.zeros(62)) == 2**62  # the kernel
    with pytest.raises(ValueError, match="too big") as caught:
        mod.fast["grow_then_fail"](np.zeros(63))  # 2**63: the check fails, plain raises
    assert caught.value.__context__ is None and caught.value.__cause__ is None
    mod.check("grow_then_fail", np.zeros(63))


@pytest.mark.parametrize(
    "name",
    [
        "doubling_into",
        "doubling_then_storing_helper",
        "doubling_compared",
    ],
)
def test_int_growth_is_checked_only_where_the_plain_function_can_run_again(name: str) -> None:
    """Must NOT become kernels: a store into an argument (in the function or in a helper
    compiled with it) would be made twice when a check fails and the plain function runs;
    a comparison with a float needs the int within 2**53, which no check gives."""
    mod = compile_both(GROWTH, kernels="auto")
    _refused(mod, name, Code.KERNEL_INT_RANGE)
    if name == "doubling_compared":
        mod.check(name, np.zeros(70))
    else:
        mod.check(name, np.arange(70.0), np.zeros(2))


def test_int_growth_is_checked_only_for_kinds_where_numpy_cannot_warn() -> None:
    """Must NOT be admitted: an int64 array, whose ``a[0] * 2`` may overflow, where NumPy
    warns (the kernel has NumPy do it): a failed check replays the call in the plain
    function, which would show the warning again. A float array's ``a[0] * 2`` cannot
    warn: that kind is a kernel, with the growth checked."""
    mod = compile_both(GROWTH, kernels="auto")
    name = "doubling_beside_numpy_warning"
    _kernel(mod, name)
    message = mod.message(name, Code.KERNEL)
    assert "exact for a: float64;" in message and "checked to stay within int64" in message
    mod.check(name, np.zeros(62))  # the kernel
    assert not mod.state(name).reasons
    mod.check(name, np.zeros(70))  # 2**70: the check fails, the plain function runs
    big = np.zeros(70, dtype=np.int64)
    big[0] = 2**62
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        mod.fast[name](big)
    assert [str(w.message) for w in seen] == ["overflow encountered in scalar multiply"]


# -- rule: float reductions give NumPy's result ---------------------------------------


def test_numpy_reductions_are_pairwise(mod: Compiled) -> None:
    """k06: ``np.mean``/``np.sum`` sum pairwise, like NumPy (bit for bit), for 1-D and
    contiguous N-D arrays; float32 data runs the plain function."""
    _kernel(mod, "row_means")
    rng = np.random.default_rng(3)
    m = rng.standard_normal((3, 100_003)) * 1e3
    mod.check("row_means", m, np.zeros(3))
    mod.check("row_means", np.full((1, 200_000), 0.1, dtype=np.float32), np.zeros(1))
    _kernel(mod, "sums")
    for n in (1, 7, 9, 128, 129, 1000, 65_537):
        mod.check("sums", rng.standard_normal(n) * 1e6)


def test_float_max_is_left_to_numpy(mod: Compiled) -> None:
    """NumPy's SIMD max returns either zero of a 0.0/-0.0 tie: no exact kernel."""
    _refused(mod, "peak", Code.KERNEL_INEXACT_FUNCTION)


# -- rule: arguments outside what the kernel was typed for run the plain function ------


def test_arguments_outside_the_kernel_types_run_plain(mod: Compiled) -> None:
    """k07: a Python int beyond int64, an object array and a list go to the plain
    function, silently (its result is CPython's), never crash."""
    _kernel(mod, "shift")
    mod.check("shift", np.array([1.0]), 1, np.zeros(1))
    mod.check("shift", np.array([1.0]), 2**70, np.zeros(1))
    mod.check("shift", np.array([1, 2], dtype=object), 3, np.zeros(2))
    mod.check("shift", [1.0, 2.0], 3, np.zeros(2))
    reasons = " ".join(mod.state("shift").reasons)
    assert "int64" in reasons and "object" in reasons


# -- rule: int() of a float is saturated, and used only where that is exact ------------


def test_int_of_large_float(mod: Compiled) -> None:
    """k05: ``out[i] = int(x)`` into a float array would store the saturated value: that
    signature runs plain; as an index or compared with an int it is exact."""
    _kernel(mod, "to_int")
    mod.check("to_int", np.array([1e20, -2.5]), np.zeros(2))
    mod.check("to_int", np.array([3.7, -2.5]), np.zeros(2, dtype=np.int64))
    _kernel(mod, "histogram")
    data = np.concatenate([np.random.default_rng(4).random(1000), [1e300, 1.0]])
    mod.check("histogram", data, 10, np.zeros(10))
    mod.check("histogram", np.array([np.nan]), 10, np.zeros(10))  # ValueError
    _refused(mod, "first_as_int", Code.KERNEL_INEXACT_OPERATION)


# -- rule: zero division as CPython has it ----------------------------------------------


def test_numpy_warnings_that_kernels_cannot_give_are_refused(mod: Compiled) -> None:
    """NumPy warns (RuntimeWarning; an exception under ``-W error``/``np.errstate``) on
    whole-array division by a divisor that may be zero; Numba is silent: no kernel."""
    _refused(mod, "array_ratio", Code.KERNEL_INEXACT_OPERATION)
    assert "RuntimeWarning" in mod.message("array_ratio", Code.KERNEL_INEXACT_OPERATION)
    with pytest.warns(RuntimeWarning):
        mod.check("array_ratio", np.array([1.0]), np.array([0.0]))


INT64_MAX, INT64_MIN = 2**63 - 1, -(2**63)

#: Arguments on which NumPy's int64 scalar arithmetic overflows (and warns) part-way.
OVERFLOWS: list[tuple[str, tuple[Any, ...]]] = [
    ("bump", (np.array([5, INT64_MAX, 7, INT64_MAX]),)),
    ("negated", (np.array([3, INT64_MIN, 4]), np.zeros(3, dtype=np.int64))),
    ("product", (np.array([2**40, 2**30, 3, 5]),)),
    ("neighbours", (np.array([1, INT64_MAX, INT64_MAX, INT64_MIN]), np.zeros(4, dtype=np.int64))),
    ("distance", (np.array([INT64_MAX, -1, INT64_MIN, 2]), np.zeros(4, dtype=np.int64))),
    ("bump_each", (np.array([1, INT64_MAX, 2]),)),
]


def _run_under(fn: Any, args: tuple[Any, ...], mode: str) -> tuple[str, list[Any], list[Any]]:
    """``fn`` on a copy of ``args`` under one of NumPy's error modes for overflow (or
    ``"error"``: ``warnings.simplefilter("error")``): the outcome as text, the warnings
    and ``np.errstate`` callback calls it gave, and the arguments afterwards (the side
    effects before an exception included)."""
    import copy

    args = copy.deepcopy(args)
    called: list[Any] = []
    if mode == "call":
        state = np.errstate(over="call", call=lambda kind, flag: called.append(kind))
    else:
        state = np.errstate(over="warn" if mode == "error" else mode)
    with warnings.catch_warnings(record=True) as caught, state:
        warnings.simplefilter("error" if mode == "error" else "always")
        try:
            outcome = repr(fn(*args))
        except Exception as error:  # noqa: BLE001 - the exception is the behaviour
            outcome = f"{type(error).__name__}: {error}"
    events = [f"{w.category.__name__}: {w.message}" for w in caught] + called
    return outcome, events, [repr(a) for a in args]


@pytest.mark.parametrize(("name", "args"), OVERFLOWS, ids=[n for n, _ in OVERFLOWS])
@pytest.mark.parametrize("mode", ["warn", "raise", "ignore", "call", "error"])
def test_int64_overflow_warns_as_numpy(mod: Compiled, name: str, args: tuple, mode: str) -> None:
    """int64 NumPy scalar ``+ - *``, unary ``-`` and ``abs()`` (array elements may be any
    int64): the kernel checks for overflow and has NumPy do the overflowing operation, so
    the wrapped value, the RuntimeWarning, ``np.errstate(over="raise")``'s
    FloatingPointError at the same element (with the stores before it), ``"ignore"``,
    ``"call"`` and ``-W error`` are NumPy's; int64 arrays run the kernel."""
    _kernel(mod, name)
    exact_for = mod.message(name, Code.KERNEL).split("exact for")[1]
    assert "int64" in exact_for.split(";")[0], exact_for
    want = _run_under(mod.plain[name], args, mode)
    assert want[1] or mode == "ignore" or want[0].startswith(("Runtime", "Floating"))
    assert _run_under(mod.fast[name], args, mode) == want
    assert not mod.state(name).reasons  # the kernel ran, not the plain function


@pytest.mark.parametrize(("name", "args"), OVERFLOWS, ids=[n for n, _ in OVERFLOWS])
def test_int64_arithmetic_without_overflow_is_exact(mod: Compiled, name: str, args: tuple) -> None:
    """The checked fast path: the same values, no warning, for int64, float64 and bool
    data; the kernel copy calls the checked helpers only where NumPy int64 scalars meet."""
    rng = np.random.default_rng(12)
    ints = rng.integers(-3, 4, size=30)  # a product of 30 of them stays within int64
    for data in (ints, ints << 40, rng.standard_normal(30), ints > 0):
        if name == "product" and data.dtype == np.int64 and abs(data).max() > 3:
            continue
        arrays = [data if i == 0 else np.zeros(30, dtype=a.dtype) for i, a in enumerate(args)]
        with _no_warning():
            mod.check(name, *arrays)
    assert "_astc_add_np(counts[i], 1, " in mod.code.split("bump = _astc_kernel_bind")[1]
    assert "_astc_add_np" not in mod.code.split("total = _astc_kernel_bind")[1].split("\n")[0]


def test_python_int_growth_beside_numpy_ints_is_refused(mod: Compiled) -> None:
    """Must NOT become a kernel: a name that is a NumPy int64 on one path and a Python
    int on another; the Python int doubles without bound (CPython's grows, a kernel's
    would wrap), so the checked NumPy path does not make it exact."""
    _refused(mod, "doubled_either", Code.KERNEL_INT_RANGE)
    mod.check("doubled_either", np.zeros(70, dtype=np.int64))
    mod.check("doubled_either", np.arange(5))


def _warnings_of(fn: Any, *args: Any) -> tuple[list[str], str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with contextlib.suppress(ZeroDivisionError):
            fn(*args)
    got = [f"{w.category.__name__}: {w.message}" for w in caught]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            fn(*args)
            raised = ""
        except Exception as error:  # noqa: BLE001 - the exception is the behaviour
            raised = type(error).__name__
    return got, raised


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("ratio", (np.array([1.0, 0.0, 2.0]), np.array([0.0, 0.0, 4.0]), np.zeros(3))),
        ("remainders", (np.array([5, 6]), np.array([0, 4]), np.zeros(2))),
        ("remainders", (np.array([5.0, 6.0]), np.array([0.0, 4.0]), np.zeros(2))),
        ("mean_loop", (np.arange(3.0),)),
        ("mean_loop", (np.zeros(0),)),  # a Python float: ZeroDivisionError
    ],
)
def test_numpy_zero_division_warns_as_numpy(mod: Compiled, name: str, args: tuple) -> None:
    """NumPy scalars divided by zero: the kernel has NumPy do that one operation (in
    object mode), so its RuntimeWarning, value and ``-W error`` exception are NumPy's;
    ``s / a.shape[0]`` with ``s`` a Python float for an empty array raises
    ZeroDivisionError as in CPython."""
    _kernel(mod, name)
    mod.check(name, *args)
    assert _warnings_of(mod.fast[name], *args) == _warnings_of(mod.plain[name], *args)
    assert not mod.state(name).reasons  # the kernel ran, not the plain function


def test_numpy_divisions_by_non_zero_literals_are_kernels(mod: Compiled) -> None:
    """Must stay a kernel: NumPy scalars divided by a non-zero literal cannot warn (int
    ``//`` by -1 could: INT64_MIN // -1)."""
    _kernel(mod, "halved")
    mod.check("halved", np.arange(5.0), np.zeros(5))


def test_names_that_may_be_unbound_are_refused(mod: Compiled) -> None:
    """``return i`` after ``for i in range(n)``: CPython raises UnboundLocalError for
    ``n == 0``, Numba returns an undefined value. Bound on every path: a kernel."""
    _refused(mod, "last_index", Code.KERNEL_UNSUPPORTED)
    assert "may be unbound" in mod.message("last_index", Code.KERNEL_UNSUPPORTED)
    mod.check("last_index", 0)
    mod.check("last_index", 3)
    for name in ("last_value", "either_branch"):
        _kernel(mod, name)
    mod.check("last_value", np.arange(3.0))
    mod.check("either_branch", np.zeros(2), True)


def test_the_bound_kernel_keeps_the_functions_metadata(mod: Compiled) -> None:
    """The public name is a wrapper with the plain function's own signature: name,
    qualname, doc, defaults, ``inspect.signature`` and keyword calls as CPython has them;
    nothing to unwrap (``__wrapped__`` is absent, as on the plain function)."""
    import inspect

    plain, fast = mod.plain["either_branch"], mod.fast["either_branch"]
    for attr in ("__name__", "__qualname__", "__doc__", "__defaults__"):
        assert getattr(fast, attr) == getattr(plain, attr), attr
    assert inspect.signature(fast) == inspect.signature(plain)
    assert not hasattr(fast, "__wrapped__")
    assert fast.__code__.co_varnames[:2] == ("a", "flag")
    assert mod.check("either_branch", np.zeros(2), False)[1] == 2.0


def test_division_rules(mod: Compiled) -> None:
    """Python numbers raise ZeroDivisionError; a divisor known non-zero (a literal, the
    bound of the enclosing ``range``) needs no check."""
    for name in ("centre", "wrap", "halves"):
        _kernel(mod, name)
    mod.check("centre", np.zeros(0), np.zeros(0))  # ZeroDivisionError in both
    mod.check("wrap", np.arange(5.0), np.zeros(5))
    mod.check("halves", np.arange(9.0))
    kernels = mod.code.split("wrap = _astc_kernel_bind")[1].split("\n")[0]
    assert "_astc_mod_py" not in kernels  # `% n` inside `for i in range(n)`: n >= 1
    assert "_astc_floordiv" not in mod.code.split("halves = _astc_kernel_bind")[1].split("\n")[0]


def test_powers(mod: Compiled) -> None:
    """``x ** y`` of Python numbers follows CPython (a complex result for a negative base
    and a fractional exponent is refused)."""
    _kernel(mod, "roots")
    mod.check("roots", np.array([4.0, 2.0]), np.zeros(2), 1.0)
    _refused(mod, "cube_roots", Code.KERNEL_INEXACT_OPERATION)
    _kernel(mod, "python_powers")  # CPython's float_pow and math.pow, errors included
    for x in (1.5, -2.0, 0.0, -0.0, 1e300, float("inf"), float("nan")):
        mod.check("python_powers", 4, x)


# -- rule: broad where Numba gives the same result --------------------------------------


def test_helpers_are_compiled_with_the_kernel(mod: Compiled) -> None:
    """A module helper called with a row (``norm2(m[i])``) is compiled with the kernel;
    rebinding it makes the dispatcher run the plain function."""
    _kernel(mod, "row_norms")
    m = np.random.default_rng(5).random((4, 6))
    mod.check("row_norms", m, np.zeros(4))
    assert any("norm2" in n for n in mod.state("row_norms").compiled.py_func.__globals__)
    saved = mod.fast["norm2"]
    try:
        mod.fast["norm2"] = lambda v: -1.0
        assert mod.fast["row_norms"](m, np.zeros(4))[0] == -1.0
    finally:
        mod.fast["norm2"] = saved


def test_whole_array_functions_are_measured(mod: Compiled) -> None:
    """``axis=`` reductions become kernels; the dispatcher times both ways per signature
    and keeps the faster (never slower than NumPy)."""
    for name in ("column_means", "row_sums"):
        _kernel(mod, name)
        assert "timed both ways" in mod.message(name, Code.KERNEL)
        m = np.random.default_rng(6).standard_normal((50, 40))
        for _ in range(_ASTC_MEASURED_CALLS):
            mod.check(name, m)
        assert mod.state(name).routes  # decided


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("pi_leibniz", (1000,)),
        ("cubes", (np.arange(10.0),)),
        ("checked_mean", (np.arange(10.0),)),
        ("checked_mean", (np.ones((2, 2)),)),  # AssertionError in both
        ("safe_log_sum", (np.arange(1.0, 10.0),)),
        ("safe_log_sum", (np.array([1.0, -1.0]),)),  # ValueError in both
        ("same_dtype_square", (np.arange(6.0),)),
        ("pair_sums", (np.arange(8.0),)),
        ("reversed_copy", (np.arange(5.0),)),
        ("heat", (np.linspace(0.0, 1.0, 30), 7)),
        (
            "life",
            (
                (np.arange(36).reshape(6, 6) % 3 == 0).astype(np.int64),
                np.zeros((6, 6), dtype=np.int64),
            ),
        ),
        ("horner", (np.array([1.0, -2.0, 0.5]), np.linspace(-1, 1, 9), np.zeros(9))),
    ],
)
def test_broad_constructs_become_exact_kernels(mod: Compiled, name: str, args: tuple) -> None:
    """Pure-float scalar loops, closures and lambdas, assert/raise, ``.dtype``,
    ``.reshape``, ``from numpy import empty_like``, tuple swaps, loops over tuples,
    ``and``/``or`` conditions, loops over an array parameter."""
    _kernel(mod, name)
    mod.check(name, *args)


def test_whole_array_code_without_a_loop_is_a_measured_kernel(mod: Compiled) -> None:
    """Whole-array code whose parameters may also be scalars (``a * x + y``): a kernel for
    the array signatures, timed both ways per signature (the faster kept); calls with
    scalars only run the plain function before any key or compile."""
    rng = np.random.default_rng(8)
    x, y = rng.standard_normal(5000), rng.standard_normal(5000)
    cases = {
        "axpy": [(2.5, x, y), (x, x, 1.5), (3, np.arange(5000), np.arange(5000))],
        "huber": [(x, 0.5), (np.arange(-50, 50), 7)],
        "cosine": [(x, y), (np.arange(1, 5001), x)],
    }
    for name, calls in cases.items():
        _kernel(mod, name)
        assert "timed both ways" in mod.message(name, Code.KERNEL)
        for args in calls:
            for _ in range(_ASTC_MEASURED_CALLS):  # compile, warm-ups, trials: decided
                mod.check(name, *args)
        assert len(mod.state(name).routes) == len(calls), name  # each signature decided
    state = mod.state("axpy")
    routes, trials = dict(state.routes), dict(state.trials)
    signatures = len(state.compiled.signatures)
    for args in ((2.0, 3.0, 1.0), (2, 3, 1), (True, 2.0, 3)):
        mod.check("axpy", *args)
    # scalar-only calls: not keyed, not timed, no kernel compiled for them
    assert state.routes == routes and state.trials == trials
    assert len(state.compiled.signatures) == signatures
    mod.check("axpy", 2**70, np.arange(50), np.arange(50))  # beyond int64: plain
    assert state.reasons


def test_whole_array_code_must_prove_identical_results(mod: Compiled) -> None:
    """Without a loop the same exactness rules hold: ``np.maximum`` of float arrays (which
    zero of a ``0.0``/``-0.0`` tie) is left to NumPy, with that reason (not "no work");
    ``np.max`` is a kernel for int and bool arrays only (float arrays: SIMD order, the
    plain function); a function doing no array work is refused (``ASTC230``) and left
    unwrapped."""
    _refused(mod, "relu", Code.KERNEL_INEXACT_FUNCTION)
    _kernel(mod, "doubled_peak")
    assert "exact for x: bool/int64" in mod.message("doubled_peak", Code.KERNEL)
    for _ in range(8):
        mod.check("doubled_peak", np.arange(-5, 9))
        mod.check("doubled_peak", np.array([0.0, -0.0, -1.0]))
    assert any("float64" in r for r in mod.state("doubled_peak").reasons)
    _refused(mod, "rows_half", Code.KERNEL_NO_WORK)  # only a shape: no array work
    assert "no array work" in mod.message("rows_half", Code.KERNEL_NO_WORK)
    for name in ("relu", "rows_half"):
        assert not hasattr(mod.fast[name], "_astc_state"), name  # the plain function
    mod.check("relu", np.array([-0.0, 0.0, -1.0, 2.0]))
    mod.check("rows_half", np.ones((3, 2)))
    # `a + b` with no sign of NumPy: most likely scalars (a kernel's routing would cost
    # more than the call), and inlining it into callers pays instead
    _refused(mod, "add", Code.KERNEL_NO_WORK)
    assert "no sign of NumPy" in mod.message("add", Code.KERNEL_NO_WORK)
    assert not hasattr(mod.fast["add"], "_astc_state")
    mod.check("add", 1.5, 2)
    mod.check("add", np.arange(3.0), np.arange(3.0))


# -- rule: one code per refusal reason --------------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("rows_half", Code.KERNEL_NO_WORK),  # no loop and no array work
        ("table", Code.KERNEL_UNSUPPORTED),
        ("mixed", Code.KERNEL_MIXED_TYPES),
        ("uses_global", Code.KERNEL_GLOBAL),
        ("siftdown", Code.KERNEL_LISTS),
        ("calls_recursive", Code.KERNEL_CALLEE),
        ("generates", Code.KERNEL_REFUSED),
    ],
)
def test_each_refusal_has_its_code(mod: Compiled, name: str, code: Code) -> None:
    _refused(mod, name, code)


def test_matmul_and_in_place_array_operators_are_refused(mod: Compiled) -> None:
    """``@`` is refused, not a compiler crash. An in-place operator on an array is refused:
    NumPy checks the shapes and copies overlapping operands (``m += m.T``); Numba's
    in-place operators do neither (wrong values, or a read past the buffer)."""
    _refused(mod, "matmul_abs", Code.KERNEL_UNSUPPORTED)
    assert "MatMult" in mod.message("matmul_abs", Code.KERNEL_UNSUPPORTED)
    mod.check("matmul_abs", -np.ones((2, 3)), np.arange(6.0).reshape(3, 2))
    _refused(mod, "shift_rows", Code.KERNEL_UNSUPPORTED)
    assert "`+=` on an array" in mod.message("shift_rows", Code.KERNEL_UNSUPPORTED)
    mod.check("shift_rows", np.arange(9.0).reshape(3, 3))
    with pytest.raises(ValueError):
        mod.fast["shift_rows"](np.ones((2, 3)))  # NumPy's broadcast error, as plain


def test_numpy_int_shifts_need_a_count_proven_in_range(mod: Compiled) -> None:
    """NumPy gives 0 or -1 for an int64 shift by >= 64 or a negative count; the machine
    shift wraps the count. A count not proven in 0..63 is refused; ``<< 3`` is a kernel."""
    _refused(mod, "shift_by", Code.KERNEL_INEXACT_OPERATION)
    a = np.array([1, -5, 12345, -1], dtype=np.int64)
    mod.check("shift_by", a, np.array([64, 65, 70, 3], dtype=np.int64), np.zeros(4, np.int64))
    _kernel(mod, "shift_by_three")
    mod.check("shift_by_three", a, np.zeros(4, np.int64))


# -- rule: deterministic under any PYTHONHASHSEED; every helper's verdict counts --------

K08 = """\
import numpy as np

def scale(a, i):
    if a[i] < 0:
        return -a[i]
    else:
        return a[i]

def grow(a, n):
    acc = 1
    for i in range(n):
        acc *= 3
    return acc + a[0]

def f(a, n):
    s = a[0] * 0.0
    for i in range(a.shape[0]):
        s += scale(a, i)
    return s + grow(a, n)
"""


def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """k08: the same bytes under four seeds, and ``grow``'s verdict counts in ``f``
    whichever helper is judged first: its unbounded ``acc *= 3`` is checked as it runs
    (neither stores), so ``f`` is a kernel that gives CPython's big int where ``grow``'s
    product leaves int64."""
    src = tmp_path / "k08.py"
    src.write_text(K08 + "\n\n" + SOURCE)
    script = (
        "import sys, astc\n"
        "r = astc.compile_file(sys.argv[1], options=astc.Options(kernels='auto'))\n"
        "sys.stdout.write(r.code)\n"
        "entries = sorted((e.function or '', e.code.value) for e in r.report.entries)\n"
        "sys.stdout.write(repr(entries))\n"
    )
    outputs = set()
    for seed in ("0", "1", "2", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-c", script, str(src)], env=env, capture_output=True, text=True
        )
        assert proc.returncode == 0, proc.stderr
        outputs.add(proc.stdout)
    assert len(outputs) == 1
    output = outputs.pop()
    assert "('f', 'ASTC107')" in output
    assert "_astc_kernel_f__grow" in output and "_astc_mul_i64(acc, 3)" in output
    mod = compile_both(K08)
    for n in (3, 39, 41, 200):
        mod.check("f", np.arange(5), n)
        mod.check("f", np.arange(5.0), n)


# -- every exact helper of the runtime, through a kernel, at its edge cases ---------------

HELPERS = textwrap.dedent(
    """\
    import math
    import numpy as np

    def maths(n, x):
        s = 0.0
        for i in range(n):
            s += math.sqrt(x) + math.log(x) + math.exp(x) + math.atan(x) + math.tanh(x)
        return s

    def floors(a, out):
        for i in range(a.shape[0]):
            j = math.floor(a[i])
            k = math.ceil(a[i])
            m = math.trunc(a[i])
            out[i] = 1 if j < 5 else (2 if m < 0 else (3 if k > -3 else 0))
        return out

    def np_scalars(a, out):
        for i in range(a.shape[0]):
            out[i] = np.minimum(a[i], 0.5) + np.maximum(a[i], -0.5) + np.sign(a[i])
        return out

    def python_division(n, x, y):
        s = 0.0
        for i in range(n):
            s += x / y + x // y + x % y
        return s

    def int_division(n, k):
        s = 0
        for i in range(n):
            s += (i // k) + (i % k)
        return s

    def reductions(m):
        for i in range(m.shape[0]):
            pass
        return np.sum(m) + np.mean(m) + m[0].sum() + np.sum(m, axis=0)[0] + np.mean(m, axis=1)[0]

    def int_reductions(m):
        for i in range(m.shape[0]):
            pass
        return np.sum(m) + np.mean(m)

    def views(a):
        m = a.reshape(2, a.shape[0] // 2)
        r = m.ravel()
        s = 0.0
        for i in range(r.shape[0]):
            s += r[i] * m[0, 0]
        return s
    """
)

_EDGES = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 710.0, float("inf"), float("-inf"), float("nan")]


@pytest.fixture(scope="module")
def helpers() -> Compiled:
    return compile_both(HELPERS, kernels="auto")


@pytest.mark.parametrize("x", _EDGES)
def test_math_helpers_raise_as_cpython(helpers: Compiled, x: float) -> None:
    """``math`` functions: CPython's ValueError/OverflowError (domain, range), nan in."""
    mod = helpers
    assert Code.KERNEL in mod.codes("maths")
    mod.check("maths", 2, x)


def test_rounding_and_numpy_scalar_helpers(helpers: Compiled) -> None:
    a = np.array(_EDGES[:7] + [1e300, -1e300, 2.5, -2.5])
    for name in ("floors", "np_scalars"):
        assert Code.KERNEL in helpers.codes(name)
        helpers.check(name, a, np.zeros(a.size))
    helpers.check("floors", np.array([np.nan]), np.zeros(1))  # ValueError in both
    helpers.check("floors", np.array([np.inf]), np.zeros(1))  # OverflowError in both
    with np.errstate(invalid="ignore"):
        helpers.check("np_scalars", np.array([np.nan, -0.0]), np.zeros(2))


@pytest.mark.parametrize(
    ("x", "y"), [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (1.0, 0.0), (0.0, -0.0), (5.0, float("inf"))]
)
def test_python_division_helpers(helpers: Compiled, x: float, y: float) -> None:
    assert Code.KERNEL in helpers.codes("python_division")
    helpers.check("python_division", 3, x, y)
    helpers.check("int_division", 10, 3)
    helpers.check("int_division", 10, -3)
    helpers.check("int_division", 10, 0)  # ZeroDivisionError in both


def test_reduction_and_view_helpers(helpers: Compiled) -> None:
    rng = np.random.default_rng(7)
    m = rng.standard_normal((40, 300)) * 1e5
    for name in ("reductions", "int_reductions", "views"):
        assert Code.KERNEL in helpers.codes(name), helpers.codes(name)
    helpers.check("reductions", m)
    helpers.check("reductions", np.asfortranarray(m))  # axis=: C order only, else plain
    assert any("C-contiguous" in r for r in helpers.state("reductions").reasons)
    helpers.check("int_reductions", (m * 10).astype(np.int64))
    helpers.check("views", rng.standard_normal(1000))


# -- rule: a ``while`` condition bounds Python ints in its body; widening covers every
# binding (``for`` targets, parameters on entry) ------------------------------------------

BOUNDS = textwrap.dedent(
    """\
    import numpy as np

    def count_primes(n):
        count = 0
        for k in range(2, n):
            d = 2
            prime = True
            while d * d <= k:
                if k % d == 0:
                    prime = False
                    break
                d += 1
            if prime:
                count += 1
        return count

    def first_square_above(n, d):
        while d * d <= n:
            d += 1
        return d

    def below(n):
        i = 0
        c = 0
        while 0 <= i < n and c >= 0:
            if i * i % 7 == 1:
                c += 1
            i += 1
        return c

    # rebound in the body before the read: the condition says nothing about the new value
    def rebound(k):
        d = 0
        t = 0
        while d <= k:
            d = k + 2 ** 40
            t = d * d
        return t

    # rebound in an inner loop: its second iteration reads the new value
    def rebound_in_loop(k):
        d = 0
        t = 0
        while d <= k:
            for j in range(2):
                t = d * d
                d = k + 2 ** 40
        return t

    # rebound, then read in a later target of the same assignment
    def target_reads(k, out):
        d = 0
        while d <= k:
            d = out[d * d % out.shape[0]] = k + 2 ** 40

    # `or`: either part may be false in the body
    def either(k, m):
        d = 2
        while d * d <= k or d < m:
            d += 1
        return d

    # rebound by a non-step self-reference: no narrowing
    def squaring(k):
        d = 2
        while d <= k:
            d = d * d
        return d

    # int64 data bounds nothing useful: isqrt(2**63) + 1 squared overflows
    def int_data(a):
        c = 0
        for i in range(a.shape[0]):
            d = 0
            while d * d < a[i]:
                d += 1
            c += d
        return c

    # widening: the values of a `for` target and of a parameter on entry count too
    def for_target(n):
        t = 0
        d = 0
        for d in range(2 ** 62, 2 ** 62 + 1):
            pass
        for i in range(n):
            d += 1
            t = d + 4611686018427387890
        return t

    def parameter_grows(d, n):
        t = 0
        if n < 0:
            d = 0
        for i in range(n):
            d += 1
            t = d + 9223372034707292150
        return t

    # sizes the entry check bounds (a 1-D parameter's length) and ones it does not (the
    # length of an array of unknown rank, of an array made in the kernel, a 2-D size)
    def checked_length(a):
        s = 0
        for i in range(a.shape[0]):
            s = a.shape[0] * a.shape[0] * a.shape[0] + a[i]
        return s

    def shape_only(a):
        s = 0
        n = a.shape[0]
        for i in range(3):
            s = n * n * n + i
        return s

    def made_length(n):
        b = np.zeros(n * n, dtype=np.bool_)
        m = b.shape[0]
        s = 0
        for i in range(3):
            s = m * m * m + i
        return s

    def size_2d(a):
        s = 0
        n = a.size
        for i in range(a.shape[0]):
            s = n * n * n + int(a[i, 0])
        return s
    """
)


@pytest.fixture(scope="module")
def bounded() -> Compiled:
    return compile_both(BOUNDS, kernels="auto")


def test_while_conditions_bound_ints_in_the_body(bounded: Compiled) -> None:
    """``while d * d <= k`` (k bounded) bounds ``d`` in the body until it is rebound, so
    ``d += 1`` and the next test stay in int64: a kernel (count_primes: 2**48 trips bound
    ``k``, no entry check). Arguments beyond the entry bounds run the plain function."""
    _kernel(bounded, "count_primes")
    for n in (3000, 0, 2, 3, -7):
        bounded.check("count_primes", n)
    assert not bounded.state("count_primes").reasons
    _kernel(bounded, "first_square_above")
    bounded.check("first_square_above", 10**9, 31000)
    assert not bounded.state("first_square_above").reasons  # the kernel ran
    bounded.check("first_square_above", 2**40, 2**20 - 3)  # beyond 2**31: plain
    assert bounded.check("first_square_above", 10**30, 10**15 - 3) == ("ok", 10**15 + 1)
    assert bounded.check("first_square_above", 2.5, 1.0) == ("ok", 2.0)
    _kernel(bounded, "below")  # a comparison chain and `and`: each part holds
    bounded.check("below", 1000)
    bounded.check("below", -3)


@pytest.mark.parametrize(
    ("name", "args", "checked"),
    [
        ("rebound", (5,), "_astc_mul_i64(d, d)"),
        ("rebound_in_loop", (5,), "_astc_mul_i64(d, d)"),
        ("either", (50, 10), "_astc_mul_i64(d, d)"),
        ("squaring", (2**40,), "_astc_mul_i64(d, d)"),
        ("for_target", (100,), "_astc_add_i64(d, 4611686018427387890)"),
        ("target_reads", (5, np.zeros(5)), None),
    ],
)
def test_bounds_that_do_not_hold_are_not_used(
    bounded: Compiled, name: str, args: tuple[Any, ...], checked: str | None
) -> None:
    """A bound is dropped where the name may have been rebound (in the body, in an inner
    loop), not taken from ``or``, not narrowed through ``d = d * d``; a widened name
    keeps its ``for`` values: no proof, so the operation is checked as the kernel runs
    (``checked``: its checked form in the kernel copy), or no kernel where it stores;
    CPython's big ints either way."""
    if checked is None:
        _refused(bounded, name, Code.KERNEL_INT_RANGE)
    else:
        _kernel(bounded, name)
        assert checked in _kernel_copy(bounded, name)
    bounded.check(name, *args)


def _kernel_copy(mod: Compiled, name: str) -> str:
    """The source of kernel ``name``'s copy, from its binding line in the output."""
    head = f"{name} = _astc_kernel_bind(globals(), {name!r}, {name}, "
    line = next(x for x in mod.result.code.splitlines() if x.startswith(head))
    spec = ast.literal_eval(line[len(head) : -1])
    return str(spec["source"])


def test_bounds_that_do_not_hold_at_run_time_route_plain(bounded: Compiled) -> None:
    """Argument kinds (int64 data) and values (beyond the entry bound) the proofs do not
    cover run the plain function."""
    _kernel(bounded, "int_data")  # int64 data: `d * d` checked as it runs
    assert "exact for a: bool/int64" in bounded.message("int_data", Code.KERNEL)
    assert "_astc_mul_i64(d, d)" in _kernel_copy(bounded, "int_data")
    bounded.check("int_data", np.array([3, 17, 10**6]))
    bounded.check("int_data", np.array([True, False]))
    _kernel(bounded, "parameter_grows")
    bounded.check("parameter_grows", 2**31, 100)  # beyond the entry bound: plain
    assert bounded.state("parameter_grows").reasons
    bounded.check("parameter_grows", 2**20, 100)  # the kernel


def test_entry_bound_covers_checked_sizes_only(bounded: Compiled) -> None:
    """The entry check bounds the dimensions of parameters of known rank; a proof may
    use that bound for them (and their views and elementwise results) only: not for an
    array of unknown rank (``a.shape[0]`` alone), one made in the kernel (``np.zeros(n *
    n)``) or the size of a 2-D array, whose cubes are beyond int64 at 2**21 (no kernel)."""
    _kernel(bounded, "checked_length")
    assert "at most 1048576" in bounded.message("checked_length", Code.KERNEL)
    bounded.check("checked_length", np.arange(5))
    bounded.check("checked_length", np.zeros(2**21, dtype=np.int64))  # beyond: plain
    assert bounded.state("checked_length").reasons
    for name in ("shape_only", "made_length", "size_2d"):  # cubes checked as they run
        _kernel(bounded, name)
        assert "_astc_mul_i64(" in _kernel_copy(bounded, name)
        assert "at most" not in bounded.message(name, Code.KERNEL)
    bounded.check("shape_only", np.zeros(2**21, dtype=np.bool_))
    bounded.check("made_length", 2**11)
    bounded.check("size_2d", np.zeros((2**11, 2**11), dtype=np.int64))
    for name in ("shape_only", "made_length", "size_2d"):  # 2**63 and beyond: plain
        assert bounded.state(name).reasons == {"a Python int beyond int64 in its arithmetic"}
