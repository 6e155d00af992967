"""The kernel benchmark's corpus (``benchmarks/kernel_corpus.py``) compiled with
``--kernels auto``: every function has arguments in ``benchmarks/kernel_cases.py``, and
every one gives CPython's result, type and bits included (no timing here: ``python -m
benchmarks kernels`` measures)."""

from __future__ import annotations

import ast
import tempfile
import warnings
from pathlib import Path

import pytest

from benchmarks import kernels
from benchmarks.kernel_cases import CASES


def test_every_corpus_function_has_a_case() -> None:
    tree = ast.parse(kernels.CORPUS.read_text())
    functions = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
    assert sorted(functions) == sorted(c.name for c in CASES)
    assert len(functions) >= 60


def test_astc_gives_cpython_results_on_the_corpus() -> None:
    plain = kernels._load_plain()
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")  # NumPy's int8 overflow warnings too, in both
        module, decisions = kernels._load_astc(Path(tmp))
        wrong = []
        for case in CASES:
            want = kernels._call(plain[case.name], case)
            for _ in range(3):  # compile, then the measured policy's first trials
                got = kernels._call(getattr(module, case.name), case)
                if got.error is not None or not kernels.same(got.values, want.values, True):
                    wrong.append((case.name, got.error))
    assert not wrong
    failures = [str(w.message) for w in caught if "astc: kernel" in str(w.message)]
    assert not failures  # every kernel compiled (routing to the plain function is silent)
    assert sum(d == "kernel" for d in decisions.values()) >= 50


@pytest.mark.parametrize(
    ("a", "b", "strict", "expected"),
    [
        (1.0, 1.0, True, True),
        (1.0, 1, True, False),
        (1.0, 1, False, True),
        (0.0, -0.0, True, False),
    ],
)
def test_the_benchmark_comparison(a: object, b: object, strict: bool, expected: bool) -> None:
    assert kernels.same(a, b, strict) is expected
