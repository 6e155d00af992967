"""astc.hybridize on functions: compiled by astc's passes with what they read frozen."""

from __future__ import annotations

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
