"""The call-time dispatcher: the kernel is used only after it agreed with NumPy, and the
NumPy code only ever runs the user's NumPy code."""

from __future__ import annotations

import io
import time
from typing import Any

import numpy as np
import pytest

import astc
from astc.hybrid._runtime import Compiled, HybridizationWarning

F32_2D = ((np.dtype(np.float32), 2, True),)


def numpy_path(w: np.ndarray, x: Any) -> Any:
    return x @ w


def make(kernel: Any, **options: Any) -> tuple[Compiled, list[str]]:
    calls: list[str] = []

    def counted(w: np.ndarray, x: Any) -> Any:
        calls.append("kernel")
        return kernel(w, x)

    return Compiled(numpy_path, counted, [np.eye(3, dtype=np.float32)], **options), calls


def test_agreeing_kernel_is_used_after_the_first_call() -> None:
    compiled, calls = make(numpy_path, ndim=2)
    x = np.ones((2, 3), np.float32)
    for _ in range(3):
        np.testing.assert_array_equal(compiled(x), x)
    assert calls == ["kernel"] * 3 and compiled.checked == {F32_2D}
    compiled(np.ones((3,), np.float32))  # not the rank the kernel takes: NumPy
    compiled(np.ones((2, 3), np.float64))  # not the parameters' dtype: NumPy
    compiled([[1.0, 2.0, 3.0]])  # not an array: NumPy
    assert calls == ["kernel"] * 3
    np.testing.assert_array_equal(compiled(x=x), x)  # bound by the NumPy code's names
    assert calls == ["kernel"] * 4


def test_the_faster_code_is_measured_per_batch_size_up_to_max_rows() -> None:
    calls: list[str] = []

    def numpy(w: np.ndarray, x: Any) -> Any:
        if len(x) == 1:
            time.sleep(0.002)  # NumPy is the slow one at 1 row ...
        return x @ w

    def kernel(w: np.ndarray, x: Any) -> Any:
        calls.append("kernel")
        if len(x) == 2:
            time.sleep(0.002)  # ... and the kernel at 2 rows
        return x @ w

    compiled = Compiled(numpy, kernel, [np.eye(3, dtype=np.float32)], max_rows=4)
    one, two = np.ones((1, 3), np.float32), np.ones((2, 3), np.float32)
    compiled(one)  # the check (NumPy first, then the kernel)
    compiled(one)  # measured at 1 row: the kernel is faster
    compiled(two)  # measured at 2 rows: NumPy is faster
    assert compiled.choices == {1: "kernel", 2: "numpy"}
    before = len(calls)
    for x in (one, two, two, np.ones((9, 3), np.float32)):  # 9 > max_rows: NumPy, unmeasured
        np.testing.assert_array_equal(compiled(x), x)
    assert len(calls) == before + 1  # only the 1-row call ran the kernel


def test_a_strided_input_is_a_signature_of_its_own_checked_on_first_use() -> None:
    compiled, calls = make(numpy_path)
    compiled(np.ones((2, 3), np.float32))
    strided = np.ones((3, 2), np.float32).T  # F-contiguous: another Numba specialization
    for _ in range(2):
        np.testing.assert_array_equal(compiled(strided), strided)
    assert calls == ["kernel"] * 3
    assert ((np.dtype(np.float32), 2, False),) in compiled.checked


def test_wrong_kernel_result_is_pinned_to_numpy_with_a_warning() -> None:
    compiled, calls = make(lambda w, x: (x @ w).astype(np.float64))
    x = np.ones((2, 3), np.float32)
    with pytest.warns(HybridizationWarning, match="result differs"):
        assert compiled(x).dtype == np.float32
    assert compiled(x).dtype == np.float32
    assert calls == ["kernel"] and compiled.checked == set()


def test_numpy_errors_propagate_before_the_kernel_is_tried() -> None:
    def broken(w: Any, x: Any) -> Any:
        raise RuntimeError("typing failed")

    compiled, calls = make(broken)
    with pytest.raises(ValueError, match="mismatch"):  # NumPy's own error, nothing pinned
        compiled(np.ones((2, 5), np.float32))
    assert compiled.states == {} and calls == []
    with pytest.warns(HybridizationWarning, match="typing failed"):
        np.testing.assert_array_equal(compiled(np.ones((2, 3), np.float32)), np.ones((2, 3)))


def test_a_kernel_raising_after_its_check_is_answered_by_numpy() -> None:
    def picky(w: Any, x: Any) -> Any:
        if x.shape[0] == 3:
            raise NotImplementedError("incompatible shape for array")
        return x @ w

    compiled, calls = make(picky)
    compiled(np.ones((2, 3), np.float32))  # checked: the fast path takes float32 matrices
    with pytest.warns(HybridizationWarning, match="NotImplementedError"):
        np.testing.assert_array_equal(compiled(np.ones((3, 3), np.float32)), np.ones((3, 3)))
    assert compiled.checked == set()  # pinned: no kernel for this signature any more
    with pytest.raises(ValueError, match="mismatch"):  # a user error stays NumPy's
        compiled(np.ones((2, 4), np.float32))


def test_code_that_updates_its_argument_updates_it_once() -> None:
    def add_one(x: np.ndarray) -> np.ndarray:
        x += 1.0
        return x

    kernel_calls: list[np.ndarray] = []

    def kernel(x: np.ndarray) -> np.ndarray:
        kernel_calls.append(x)
        return add_one(x)

    compiled = Compiled(add_one, kernel, [], mutates=True)
    x = np.zeros((2, 2))
    y = compiled(x)  # NumPy on x, the kernel on a copy (compared, updates included)
    assert y is x and np.all(x == 1.0) and kernel_calls[0] is not x
    compiled(x)  # the checked kernel, on x itself
    assert np.all(x == 2.0) and kernel_calls[1] is x


def test_a_mutating_kernel_that_raises_is_not_run_again() -> None:
    def numpy(x: np.ndarray) -> np.ndarray:
        x += 1.0
        return x

    def kernel(x: np.ndarray) -> np.ndarray:
        x += 1.0
        if x[0] > 1.5:
            raise IndexError("from the kernel")
        return x

    compiled = Compiled(numpy, kernel, [], mutates=True)
    x = np.zeros(3)
    compiled(x)
    with pytest.raises(IndexError, match="from the kernel"):
        compiled(x)  # re-running NumPy would add 1 a second time
    assert np.all(x == 2.0)


def test_keyword_arguments_are_bound_by_the_original_names() -> None:
    compiled = Compiled(numpy_path, None, [np.eye(3)], arg_names=["x"])
    np.testing.assert_array_equal(compiled(x=np.ones((1, 3))), np.ones((1, 3)))
    with pytest.raises(TypeError):
        compiled(y=np.ones((1, 3)))


def test_python_ints_never_reach_the_kernel() -> None:
    def double(n: Any) -> Any:
        return n * 2**62

    compiled = Compiled(double, lambda n: -1, [])
    assert compiled(3) == 3 * 2**62 and compiled.states == {}


def test_benchmark_prints_the_chapter_line() -> None:
    out = io.StringIO()
    with astc.Benchmark("Without hybridization", file=out) as bench:
        sum(range(1000))
    assert bench.seconds is not None and bench.seconds >= 0
    assert out.getvalue() == f"Without hybridization: {bench.seconds:.4f} sec\n"
