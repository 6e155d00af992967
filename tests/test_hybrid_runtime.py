"""The call-time dispatcher: the kernel is used only after it agreed with NumPy."""

from __future__ import annotations

import io
from typing import Any

import numpy as np
import pytest

import astc
from astc.hybrid._runtime import Compiled, HybridizationWarning


def numpy_path(x: Any, w: np.ndarray) -> Any:
    return x @ w


def make(kernel: Any) -> tuple[Compiled, list[str]]:
    calls: list[str] = []

    def counted(x: Any, w: np.ndarray) -> Any:
        calls.append("kernel")
        return kernel(x, w)

    return Compiled(numpy_path, counted, [np.eye(3, dtype=np.float32)], max_rows=4), calls


def test_agreeing_kernel_is_used_after_the_first_call() -> None:
    compiled, calls = make(numpy_path)
    x = np.ones((2, 3), np.float32)
    for _ in range(3):
        np.testing.assert_array_equal(compiled(x), x)
    assert calls == ["kernel"] * 3
    compiled(np.ones((9, 3), np.float32))  # more rows than max_rows: NumPy
    compiled(np.ones((2, 3), np.float64))  # not the parameters' dtype: NumPy
    compiled([[1.0, 2.0, 3.0]])  # not an array: NumPy
    assert calls == ["kernel"] * 3


def test_wrong_kernel_result_is_pinned_to_numpy_with_a_warning() -> None:
    compiled, calls = make(lambda x, w: (x @ w).astype(np.float64))
    x = np.ones((2, 3), np.float32)
    with pytest.warns(HybridizationWarning, match="differs from NumPy"):
        assert compiled(x).dtype == np.float32
    assert compiled(x).dtype == np.float32
    assert calls == ["kernel"]


def test_failing_kernel_falls_back_but_user_errors_propagate() -> None:
    def broken(x: Any, w: Any) -> Any:
        raise RuntimeError("typing failed")

    compiled, calls = make(broken)
    with pytest.raises(ValueError):  # NumPy raises too: the user's error, not pinned
        compiled(np.ones((2, 5), np.float32))
    assert compiled.states == {}
    with pytest.warns(HybridizationWarning, match="typing failed"):
        np.testing.assert_array_equal(compiled(np.ones((2, 3), np.float32)), np.ones((2, 3)))


def test_benchmark_prints_the_chapter_line() -> None:
    out = io.StringIO()
    with astc.Benchmark("Without hybridization", file=out) as bench:
        sum(range(1000))
    assert bench.seconds is not None and bench.seconds >= 0
    assert out.getvalue() == f"Without hybridization: {bench.seconds:.4f} sec\n"
