"""astc.hybridize on functions: compiled by astc's passes with what they read frozen."""

from __future__ import annotations

import types
import warnings
from pathlib import Path

import _hybrid_models as models
import numpy as np
import pytest

import astc
from astc.diagnostics import Code


def test_fancy_func_is_compiled_and_gives_the_same_results() -> None:
    hybrid = astc.hybridize(models.fancy_func)
    assert hybrid.original is models.fancy_func
    assert "return a + b + (c + d)" in (hybrid.source or "")
    assert "_astc_add" not in (hybrid.source or "")  # assume_stable: no guard
    assert {Code.INLINED, Code.HYBRID_COMPILED} <= {e.code for e in hybrid.report.entries}
    for args in [(1, 2, 3, 4), (1.0, 2.5, 3.0, 4.0), (2**70, 1, 1, 1)]:
        got, want = hybrid(*args), models.fancy_func(*args)
        assert got == want and type(got) is type(want)
    arrays = [np.arange(3.0) + i for i in range(4)]
    np.testing.assert_array_equal(hybrid(*arrays), models.fancy_func(*arrays))


def test_python_ints_never_reach_the_kernel() -> None:
    hybrid = astc.hybridize(models.overflowing)
    assert hybrid(3) == 3 * 2**62
    assert hybrid.states == {}  # ints take the Python path without trying the kernel


def test_scalar_globals_and_closures_are_frozen_arrays_read_by_reference(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hybrid = astc.hybridize(models.shifted)
    assert "1.5" in (hybrid.source or "")
    monkeypatch.setattr(models, "OFFSET", 100.0)  # rebinding after hybridize: not seen
    x = np.arange(4.0)
    np.testing.assert_array_equal(hybrid(x), (x + 1.5) * 2.0)

    scaler = astc.hybridize(models.make_scaler(3.0))
    np.testing.assert_array_equal(scaler(x), x * 3.0 + 100.0)  # frozen at hybridize time

    table = astc.hybridize(models.uses_table, kernel=False)
    y = np.ones((1, 2))
    before = table(y)
    models.TABLE[0, 0] = 10.0  # in place: seen
    try:
        np.testing.assert_array_equal(table(y), models.uses_table(y))
        assert not np.array_equal(table(y), before)
    finally:
        models.TABLE[0, 0] = 0.0


def test_generators_are_refused_with_a_warning() -> None:
    def gen(n):  # type: ignore[no-untyped-def]
        yield n

    with pytest.warns(astc.HybridizationWarning, match="generator"):
        hybrid = astc.hybridize(gen)
    assert list(hybrid(2)) == [2]


def test_global_statement_is_refused_and_the_original_still_counts() -> None:
    with pytest.warns(astc.HybridizationWarning, match="global/nonlocal"):
        hybrid = astc.hybridize(models.bumps)
    before = models.COUNTER
    assert hybrid(5) == 5 and models.COUNTER == before + 1


def test_objects_are_read_by_identity_and_cannot_be_saved(tmp_path: Path) -> None:
    hybrid = astc.hybridize(models.reads_dict, kernel=False)
    models.LOOKUP["a"] = 3.0  # the same dict object: seen
    try:
        assert hybrid(2.0) == 6.0
    finally:
        models.LOOKUP["a"] = 1.0
    with pytest.raises(ValueError, match="non-array object"):
        hybrid.save(tmp_path / "saved_dict")
    assert not (tmp_path / "saved_dict").exists()


def test_a_helper_kept_by_the_passes_keeps_numpy_dtypes() -> None:  # shared/bugs/h01
    hybrid = astc.hybridize(models.keeps_helper)
    x = np.ones((2, 3), np.float32)
    with warnings.catch_warnings():
        warnings.simplefilter("error", astc.HybridizationWarning)
        for _ in range(3):  # NumPy and kernel (checked), then the kernel alone
            got, want = hybrid(x), models.keeps_helper(x)
            assert got.dtype == want.dtype == np.float32 and got.shape == want.shape
            np.testing.assert_allclose(got, want, rtol=1e-6)
    assert hybrid.checked == {((np.dtype(np.float32), 2, True),)}
    # the NumPy code calls the Python helper, never the compiled one
    helper = hybrid.python.__globals__["tanh_twice"]
    assert isinstance(helper, types.FunctionType)


def test_the_numpy_code_runs_python_helpers_after_the_kernel_is_given_up() -> None:
    hybrid = astc.hybridize(models.keeps_helper)
    x = np.ones((2, 3), np.float64)  # not the dtype the check saw: a signature of its own
    with pytest.warns(astc.HybridizationWarning, match="differs"):
        hybrid.kernel = lambda x: x.astype(np.float32)  # a kernel that disagrees
        hybrid._kernel = hybrid.kernel
        hybrid(x)
    got = hybrid(x)
    assert got.dtype == np.float64 and np.allclose(got, models.keeps_helper(x))
    assert any(e.code is Code.HYBRID_NO_KERNEL for e in hybrid.report.entries)


def test_in_place_updates_happen_once_per_call() -> None:
    hybrid = astc.hybridize(models.bump)
    assert hybrid.mutates
    x = np.zeros(4)
    assert hybrid(x) is x and np.all(x == 1.0)  # NumPy on x, the kernel on a copy
    hybrid(x)  # the kernel on x
    assert np.all(x == 2.0)


def test_loops_over_floats_and_keyword_arguments() -> None:
    hybrid = astc.hybridize(models.scaled_sum)
    assert not hybrid.mutates
    x = np.arange(5.0)
    for _ in range(2):
        assert hybrid(x, 2.0) == models.scaled_sum(x, 2.0)
    assert hybrid(x, scale=3.0) == models.scaled_sum(x, 3.0)  # by name: the NumPy code
    assert hybrid.checked == {((np.dtype(np.float64), 1, True), float)}
