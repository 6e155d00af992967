"""The dispatcher's cheap paths keep CPython's results: iteration over a parameter is no
sign of lists (the kernel is exact for arrays, a list runs plain after one type test),
the direct path of a wrapper with the plain function's own parameters, and ndarray
subclasses (whose methods Numba would ignore) always run the plain function.

One module, compiled once; every call is compared with the plain module
(``kernel_util.Compiled.check``: value, type, bits and arguments afterwards).
"""

from __future__ import annotations

import textwrap
from typing import Any

import numpy as np
import pytest

from astc import Code
from astc.backends.runtime import _ASTC_MEASURED_CALLS
from tests.kernel_util import Compiled, compile_both

SOURCE = textwrap.dedent(
    """\
    import numpy as np


    def iter_squares(a):
        s = 0.0
        for x in a:
            s += x * x
        return s

    def iter_total(xs):
        t = 0
        for x in xs:
            t += x
        return t

    def indexes_list(xs, n):
        s = 0.0
        for i in range(n):
            s += xs[i]
        return s

    def total_squares(a):
        s = 0.0
        for i in range(a.shape[0]):
            s += a[i] * a[i]
        return s

    def scaled_total(a, f):
        s = 0.0
        for i in range(a.shape[0]):
            s += a[i] * f
        return s

    def fib(n):
        a, b = 0.0, 1.0
        for _ in range(n):
            a, b = b, a + b
        return a

    def scaled_roots(a, b):
        return np.sqrt(a) * b
    """
)


class Twice(np.ndarray):
    """An ndarray subclass whose indexing and iteration differ from NumPy's."""

    def __getitem__(self, index: Any) -> Any:
        return 2 * np.asarray(self)[index]

    def __iter__(self) -> Any:
        return iter(2 * np.asarray(self))


@pytest.fixture(scope="module")
def mod() -> Compiled:
    return compile_both(SOURCE, kernels="auto")


def test_iterating_a_parameter_is_a_kernel_exact_for_arrays(mod: Compiled) -> None:
    assert {"iter_squares", "iter_total"} <= mod.kernels()
    rng = np.random.default_rng(3)
    mod.check("iter_squares", rng.random(1000))
    mod.check("iter_squares", np.arange(1000, dtype=np.int64))
    mod.check("iter_total", np.arange(1000, dtype=np.int64))
    with pytest.warns(RuntimeWarning, match="overflow"):  # NumPy's wrap and warning
        mod.check("iter_total", np.array([2**62, 2**62], dtype=np.int64))
    assert mod.state("iter_squares").compiled is not None


def test_lists_and_tuples_passed_to_an_iterating_kernel_run_plain(mod: Compiled) -> None:
    """A Python int sum of a list may exceed int64 (CPython: exact), a list of floats
    is summed by CPython: both run plain, with CPython's result and type."""
    assert mod.check("iter_total", [2**62, 2**62, 2**62]) == ("ok", 3 * 2**62)
    mod.check("iter_total", (1, 2, 3))
    mod.check("iter_squares", [0.1, 0.2, 0.3])
    mod.check("iter_squares", [])


def test_indexing_parameters_without_numpy_is_still_refused(mod: Compiled) -> None:
    assert Code.KERNEL_LISTS in mod.codes("indexes_list")
    assert "indexes_list" not in mod.kernels()


def test_ndarray_subclasses_run_plain_on_the_direct_path(mod: Compiled) -> None:
    mod.check("total_squares", np.arange(6.0))  # compiled for float64 arrays first
    assert mod.check("total_squares", np.arange(6.0).view(Twice)) == ("ok", 4 * 55.0)


def test_ndarray_subclasses_run_plain_on_the_keyed_path(mod: Compiled) -> None:
    """After a signature it is not exact for (float32), a kernel looks signatures up by
    key: a subclass is its own key, routed to the plain function."""
    mod.check("iter_squares", np.arange(6.0, dtype=np.float32))
    assert mod.state("iter_squares").policy == "keyed"
    mod.check("iter_squares", np.arange(6.0))
    assert mod.check("iter_squares", np.arange(6.0).view(Twice)) == ("ok", 4 * 55.0)


def test_ndarray_subclasses_of_whole_array_code_run_plain(mod: Compiled) -> None:
    """Whole-array kernels (measured, keyed by signature): the plain function's ufuncs
    keep the subclass."""
    base = np.arange(1.0, 7.0)
    for _ in range(_ASTC_MEASURED_CALLS):  # past the measured trials
        mod.check("scaled_roots", base, base)
    args = (base, base.view(Twice))
    got, want = mod.fast["scaled_roots"](*args), mod.plain["scaled_roots"](*args)
    assert type(got) is type(want) is Twice
    assert np.array_equal(np.asarray(got), np.asarray(want))


def test_the_named_direct_path_keeps_scalar_routing(mod: Compiled) -> None:
    """The wrapper with the plain function's parameters passes them by name: NumPy
    scalars (where Python ones were proven) and keywords still give CPython's results."""
    mod.check("fib", 50)
    mod.check("fib", np.int64(50))  # a NumPy int: plain (Numba cannot tell it apart)
    mod.check("fib", 0)
    a = np.arange(10.0)
    mod.check("scaled_total", a, 1.5)
    assert type(mod.check("scaled_total", a, np.float64(1.5))[1]) is np.float64
    assert mod.fast["scaled_total"](a, f=2.0) == mod.plain["scaled_total"](a, f=2.0)
    assert mod.fast["fib"](n=10) == mod.plain["fib"](n=10)
