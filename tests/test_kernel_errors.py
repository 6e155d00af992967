"""Automatic kernels fail as CPython does (issue 10; docs/kernels.md, "Exactness" and
"Exceptions Numba does not raise"): shape errors give NumPy's exception, ``np.mean`` of
an empty axis NumPy's warnings and nans, warnings are shown as often as CPython shows
them, arguments of another rank run the plain function.

One module holds every case and is compiled once; each check compares the compiled
module with the plain one (``kernel_util.Compiled.check``: value, type, bits, the
arguments afterwards, and the exception's type and message).
"""

from __future__ import annotations

import textwrap
import warnings
from typing import Any

import numpy as np
import pytest

from astc import Code
from astc.backends.runtime import _ASTC_MEASURED_CALLS, _astc_kernel_same
from astc.backends.syntax import writes_nothing
from tests.kernel_util import Compiled, _outcome, compile_both

SOURCE = textwrap.dedent(
    """\
    import numpy as np


    # -- shape errors: pure kernels (no store) run the plain function when they raise
    def scaled(a, b):
        return np.abs(a) * b + 1.0

    def shifted_total(a, b):
        s = 0.0
        for i in range(a.shape[0]):
            s += a[i]
        return s + np.sum(a[1:] * b)

    # -- a kernel that stores into its argument: NumPy's message for a slice store
    def shift_in(out, a):
        out[1:] = a
        for i in range(out.shape[0]):
            out[i] += 1.0
        return out

    def shift_rows(m, r):
        m[1:] = r
        for i in range(m.shape[0]):
            m[i, 0] += 1.0
        return m

    # -- np.mean of an empty axis: NumPy's warnings and nan
    def mean_all(a):
        return np.mean(a) + 0.0

    def mean_in_loop(a):
        t = 0.0
        for i in range(1):
            t += np.mean(a)
        return t

    def column_means(m):
        return np.mean(m, axis=0) * 1.0

    def row_means(m):
        return np.mean(m, axis=1) * 1.0
    """
)


@pytest.fixture(scope="module")
def mod() -> Compiled:
    return compile_both(SOURCE, kernels="auto")


def _kernel(mod: Compiled, name: str) -> None:
    assert Code.KERNEL in mod.codes(name), mod.codes(name)


def _spec_flag(mod: Compiled, name: str) -> str:
    """The ``'pure'`` entry of the kernel's binding statement."""
    bind = f"_astc_kernel_bind(globals(), {name!r}"
    line = next(ln for ln in mod.code.splitlines() if bind in ln)
    return line.split("'pure': ")[1].split(",")[0].split("}")[0]


def _counting_failures(mod: Compiled, name: str) -> list[str]:
    """Record the exceptions of the kernel the dispatcher answers (``failed``)."""
    state = mod.state(name)
    seen: list[str] = []
    failed = state.failed

    def counted(error: BaseException, args: tuple[Any, ...]) -> Any:
        seen.append(type(error).__name__)
        return failed(error, args)

    state.failed = counted
    return seen


# -- rule: a pure kernel that raises runs the plain function: NumPy's own exception ------


def test_pure_kernels_give_numpys_broadcast_error(mod: Compiled) -> None:
    """Numba's broadcasting ValueError ("unable to broadcast argument 1 to output array",
    with Numba's file in it) becomes NumPy's: the kernel stores into nothing, so the plain
    function runs after it raised."""
    seen = []
    for name in ("scaled", "shifted_total"):
        _kernel(mod, name)
        assert _spec_flag(mod, name) == "True"
        seen.append(_counting_failures(mod, name))
    for _ in range(_ASTC_MEASURED_CALLS + 2):  # through the timing calls of "scaled" and after
        got = mod.check("scaled", np.ones(3), np.ones(4))
        assert got[:2] == ("raised", "ValueError") and "broadcast together" in got[2], got
        got = mod.check("shifted_total", np.ones(4), np.ones(2))
        assert got[:2] == ("raised", "ValueError") and "broadcast together" in got[2], got
    assert all(s and set(s) == {"ValueError"} for s in seen), seen  # the kernels raised


def test_pure_kernels_that_complete_run_once(mod: Compiled) -> None:
    """Must not fire: a kernel that completes is not followed by the plain function."""
    calls = _counting_failures(mod, "shifted_total")
    for _ in range(4):
        mod.check("shifted_total", np.arange(4.0), np.ones(3))
        mod.check("shifted_total", np.arange(4.0), np.ones(1))
    assert calls == [] and not mod.state("shifted_total").reasons


# -- rule: a kernel that stores: NumPy's ValueError for a slice store of the wrong shape --


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("shift_in", (np.zeros(4), np.ones(2))),
        ("shift_in", (np.zeros(4), np.ones(5))),
        ("shift_rows", (np.zeros((3, 2)), np.ones((3, 2)))),
        ("shift_rows", (np.zeros((3, 2)), np.ones(3))),
    ],
)
def test_slice_stores_of_the_wrong_shape_raise_numpys_error(
    mod: Compiled, name: str, args: tuple
) -> None:
    """Numba's "cannot assign slice of shape (3,) from input of shape (2,)" is NumPy's
    "could not broadcast input array from shape (2,) into shape (3,)" (both check before
    storing: the argument is unchanged, as ``check`` compares)."""
    _kernel(mod, name)
    assert _spec_flag(mod, name) == "False"
    got = mod.check(name, *args)
    assert got[:2] == ("raised", "ValueError") and "could not broadcast input" in got[2], got


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("shift_in", (np.zeros(4), np.ones(3))),
        ("shift_in", (np.zeros(4), np.ones(1))),  # broadcast, in both
        ("shift_in", (np.zeros(4), 2.5)),
        ("shift_rows", (np.zeros((3, 2)), np.ones((2, 2)))),
        ("shift_rows", (np.zeros((3, 2)), np.ones(2))),
    ],
)
def test_slice_stores_that_fit_stay_in_the_kernel(mod: Compiled, name: str, args: tuple) -> None:
    """Must not fire: shapes that fit (or broadcast) are stored by the kernel."""
    mod.check(name, *args)
    assert not mod.state(name).reasons


def test_writes_nothing_is_judged_on_the_syntax() -> None:
    """What makes a kernel pure: no store into a subscript or attribute, no ``out=``, no
    mutating method, no print, no random state; stores into names are local."""
    assert writes_nothing("def f(a):\n    b = a * 2\n    b = b + 1\n    return b\n")
    assert writes_nothing("def f(a):\n    s = 0.0\n    for x in a:\n        s += x\n    return s\n")
    for body in (
        "a[0] = 1",
        "a[1:] += 1",
        "a.x = 1",
        "np.add(a, a, out=a)",
        "a.fill(0)",
        "a.sort()",
        "print(a)",
        "np.random.seed(0)",
        "del a[0]",
    ):
        assert not writes_nothing(f"def f(a):\n    {body}\n"), body


# -- rule: np.mean of an empty axis gives NumPy's warnings and nan -----------------------


def _warned(fn: Any, *args: Any) -> tuple[Any, list[str], str]:
    """The result, the warnings shown under "always", and what ``-W error`` raises."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = fn(*args)
    shown = [f"{w.category.__name__}: {w.message}" for w in caught]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            fn(*args)
            raised = ""
        except Exception as error:  # noqa: BLE001 - the exception is the behaviour
            raised = f"{type(error).__name__}: {error}"
    return repr(value), shown, raised


@pytest.mark.parametrize(
    ("name", "arg"),
    [
        ("mean_all", np.zeros(0)),
        ("mean_all", np.zeros(0, dtype=np.int64)),
        ("mean_all", np.zeros((0, 3))),
        ("mean_in_loop", np.zeros(0)),
        ("column_means", np.zeros((0, 3))),
        ("row_means", np.zeros((2, 0))),
        ("row_means", np.zeros((0, 0))),
        ("row_means", np.zeros((0, 3))),  # no empty axis: no warning
    ],
)
def test_mean_of_an_empty_axis_warns_as_numpy(mod: Compiled, name: str, arg: Any) -> None:
    _kernel(mod, name)
    for _ in range(_ASTC_MEASURED_CALLS + 2):  # kernel calls, the plain function's timed ones
        assert _warned(mod.fast[name], arg) == _warned(mod.plain[name], arg)
    assert not mod.state(name).reasons  # the kernel ran (no signature sent to plain)


def test_mean_of_a_non_empty_axis_is_the_kernels(mod: Compiled) -> None:
    """Must not fire: non-empty axes are reduced in the kernel, pairwise, no warning."""
    m = np.random.default_rng(3).standard_normal((5, 4))
    for _ in range(8):
        for name, arg in (("mean_all", m[0]), ("mean_in_loop", m[1]), ("column_means", m)):
            mod.check(name, arg)
            assert _warned(mod.fast[name], arg)[1:] == ([], "")
        mod.check("row_means", m)
    assert not any(mod.state(n).reasons for n in ("mean_all", "column_means", "row_means"))


# -- rule: warnings are shown as often as CPython shows them -----------------------------

WARNS = textwrap.dedent(
    """\
    import numpy as np


    def ratio(a):
        s = np.sum(a)
        return s / (s - s)

    def doubled(counts, a):
        for i in range(a.shape[0]):
            counts[i] = counts[i] * 2
        return counts

    def total(a):
        s = 0.0
        for i in range(a.shape[0]):
            s += a[i]
        return s
    """
)


def _shown(ns: dict[str, Any], action: str, between: Any = None) -> list[tuple[Any, ...]]:
    """The warnings shown under filter ``action`` by 8 rounds of calls (``between()``
    after each round), as (line, category, message)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter(action)
        for k in range(8):
            ns["ratio"](np.ones(3))
            ns["doubled"](np.array([2**62, 1]), np.ones(2))
            ns["total"](np.ones(k + 1, dtype=np.int64) if k == 5 else np.ones(3))
            if between is not None:
                between()
    return [(w.lineno, w.category.__name__, str(w.message)) for w in caught]


@pytest.mark.parametrize("action", ["default", "once", "always"])
def test_warnings_are_shown_as_often_as_cpython_shows_them(action: str) -> None:
    """Under ``"default"``, NumPy's scalar warnings are shown once per line: the kernel's
    (NumPy in object mode) at the user's line, not the runtime's, so the timing calls of
    the plain function do not show them a second time; compiling a kernel (Numba uses
    ``catch_warnings``, which resets every registry) does not show them again either."""
    both = compile_both(WARNS, kernels="auto")
    for name in ("ratio", "doubled", "total"):
        _kernel(both, name)
    want = _shown(both.plain, action)
    assert want and _shown(both.fast, action) == want


def test_a_filter_change_of_the_users_shows_warnings_again() -> None:
    """Must not fire: a filter change between calls resets the registries in CPython
    (the warning is shown again); the kernels do the same."""
    both = compile_both(WARNS, kernels="auto")

    def reset() -> None:
        warnings.simplefilter("default")

    want = _shown(both.plain, "default", reset)
    assert len(want) == 16 and _shown(both.fast, "default", reset) == want


# -- arrays a kernel returns: NumPy's dtype, shape, strides; ranks it was not typed for ---

ARRAYS = textwrap.dedent(
    """\
    import numpy as np


    def copied(m):
        out = np.empty_like(m)
        for i in range(m.shape[0]):
            for j in range(m.shape[1]):
                out[i, j] = m[i, j] * 2.0
        return out

    def first_row(m):
        s = 0.0
        for j in range(m.shape[1]):
            s += m[0, j]
        return m[0]

    def bumped(a):
        for i in range(a.shape[0]):
            a[i] += 1.0
        return a

    def total(a):
        s = 0.0
        for i in range(a.shape[0]):
            s += a[i]
        return s

    def scaled(a):
        return np.abs(a) * 2.0 + np.sum(a)
    """
)


@pytest.fixture(scope="module")
def arrays() -> Compiled:
    return compile_both(ARRAYS, kernels="auto")


def _layout(x: Any) -> tuple[Any, ...]:
    flags = x.flags
    return (x.dtype, x.shape, x.strides, flags.c_contiguous, flags.f_contiguous, flags.writeable)


@pytest.mark.parametrize("order", ["C", "F"])
def test_returned_arrays_have_numpys_layout(arrays: Compiled, order: str) -> None:
    """A new array (``np.empty_like`` of a Fortran-ordered argument too), a view of an
    argument and the argument itself: NumPy's type, dtype, shape, strides and flags; a
    view shares the argument's memory, the argument is returned as itself. (The memory
    of a new array is Numba's: ``owndata`` is False, docs/kernels.md.)"""
    m = np.asarray(np.arange(6.0).reshape(2, 3), order=order)
    for name in ("copied", "first_row"):
        _kernel(arrays, name)
        got, want = arrays.fast[name](m), arrays.plain[name](m)
        assert type(got) is type(want) and _layout(got) == _layout(want)
        assert np.shares_memory(got, m) == np.shares_memory(want, m)
    a = np.arange(3.0)
    assert arrays.fast["bumped"](a) is a
    assert not any(arrays.state(n).reasons for n in ("copied", "first_row", "bumped"))


@pytest.mark.parametrize("env", ["", "1"])
def test_arrays_of_another_rank_run_plain_with_at_most_one_warning(
    env: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Arrays of a rank a kernel was not typed for (0-d to 3-D), Fortran-ordered and
    strided ones: the plain function's outcome (value or exception), silently, or with
    ``ASTC_KERNEL_WARNINGS=1`` one warning per kernel and reason, never a crash; the typed
    rank still runs the kernel (must not fire)."""
    monkeypatch.setenv("ASTC_KERNEL_WARNINGS", env)
    arrays = compile_both(ARRAYS, kernels="auto")  # nothing routed yet
    inputs = [
        np.array(2.0),
        np.arange(3.0),
        np.arange(6.0).reshape(2, 3),
        np.arange(24.0).reshape(2, 3, 4),
        np.arange(6.0).reshape(2, 3).T,
        np.arange(6.0)[::2],
        np.zeros((0, 3)),
    ]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for name in ("copied", "first_row", "total", "scaled"):
            for _ in range(3):
                for x in inputs:
                    if name == "first_row" and x.ndim == 2 and not x.size:
                        continue  # m[0] of no rows: out of bounds (docs/kernels.md)
                    want = _outcome(arrays.plain[name], (x.copy(),))
                    got = _outcome(arrays.fast[name], (x.copy(),))
                    assert _astc_kernel_same(got, want, strict=True), (name, x.shape, got)
    shown = [str(w.message) for w in caught if "astc: kernel" in str(w.message)]
    assert len(shown) == len(set(shown)) and bool(shown) == bool(env), shown
    before = set(arrays.state("total").reasons)
    for _ in range(3):
        arrays.check("total", np.arange(5.0))
    assert arrays.state("total").reasons == before  # 1-D: the kernel, no new reason
