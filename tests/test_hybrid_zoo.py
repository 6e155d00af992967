"""The model zoo (benchmarks/model_zoo_models.py): every model, hybridized, gives what eager
NumPy gives — same type, dtype and shape, values within float tolerance — on the kernel path
(batch 1 and 3: first call checked, second call the kernel alone) and on the NumPy path
(batch 64), and its report says what was fused and what was lowered."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import astc
from astc.diagnostics import Code
from astc.hybrid import HybridizationWarning
from astc.hybrid.result import Unspecialized

# The zoo lives in benchmarks/ (one copy for the speed table and these tests); a bare
# ``pytest`` does not put the repository root on sys.path, ``python -m pytest`` does.
ROOT = str(Path(__file__).resolve().parent.parent)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from benchmarks.model_zoo_models import ZOO, Entry  # noqa: E402

SPECIALIZABLE = [e for e in ZOO if e.specializable]
F32_2D = ((np.dtype(np.float32), 2, True),)

#: What the kernel must lower to loops for each model (the rest is Numba as written).
LOWERED = {
    "mlp": {"dense": 3},
    "mlp_tanh": {"dense": 3},
    "mlp_sigmoid": {"dense": 3},
    "mlp_gelu": {"dense": 3},
    "residual": {"dense": 4},
    "layernorm": {"dense": 2, "row_mean": 2},
    "softmax": {"dense": 2, "row_max": 1, "row_sum": 1},
    "attention": {"dense": 3, "matmul": 2, "row_max": 1, "row_sum": 1},
    "conv1d": {"dense": 1},
    "containers": {"dense": 4},
}


def assert_same(got: Any, want: Any) -> None:
    assert type(got) is type(want)
    assert got.dtype == want.dtype and got.shape == want.shape
    scale = max(1.0, float(np.abs(want).max()))
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5 * scale)


def inputs(entry: Entry, rows: int, seed: int = 0) -> np.ndarray:
    x = np.random.default_rng(seed + rows).standard_normal((rows, entry.width))
    return x.astype(np.float32)


@pytest.mark.parametrize("entry", SPECIALIZABLE, ids=lambda e: e.name)
def test_zoo_model_equals_eager_on_both_paths(entry: Entry) -> None:
    net = entry.build()
    with warnings.catch_warnings():
        warnings.simplefilter("error", HybridizationWarning)  # compiled, and agreed
        hybrid = astc.hybridize(net)
        for rows in (1, 3, 64):
            x = inputs(entry, rows)
            for _ in range(2):
                assert_same(hybrid(x), net(x))
    assert hybrid.checked == {F32_2D}  # the kernel ran (and agreed) at 1 and 3 rows
    kernel = hybrid.generated.kernel if hybrid.generated else ""
    counts = {
        kind: (kernel or "").count(f"= _astc_{kind}")
        for kind in ("dense", "matmul", "row_mean", "row_max", "row_sum")
    }
    assert {k: v for k, v in counts.items() if v} == LOWERED[entry.name]


@pytest.mark.parametrize("entry", SPECIALIZABLE, ids=lambda e: e.name)
def test_zoo_model_report_says_what_was_fused_and_lowered(entry: Entry) -> None:
    hybrid = astc.hybridize(entry.build())
    messages: dict[Code, list[str]] = {}
    for e in hybrid.report.entries:
        messages.setdefault(e.code, []).append(e.message)
    assert "into one function" in messages[Code.HYBRID_FUSED][0]
    assert any("dense layer as loops" in m for m in messages[Code.HYBRID_LOWERED])
    assert Code.HYBRID_KERNEL in messages and not hybrid.report.refused


def test_updating_zoo_weights_in_place_is_seen_on_the_kernel_path() -> None:
    entry = next(e for e in ZOO if e.name == "layernorm")
    net = entry.build()
    hybrid = astc.hybridize(net)
    x = inputs(entry, 1)
    hybrid(x)
    before = hybrid(x)
    net.layers[1].gamma *= 2.0  # LayerNorm's scale, a parameter read by reference
    assert_same(hybrid(x), net(x))
    assert not np.allclose(before, hybrid(x))


def test_the_unspecializable_model_says_so_and_runs_the_original() -> None:
    entry = next(e for e in ZOO if not e.specializable)
    net = entry.build()
    with pytest.warns(HybridizationWarning, match="branch on a value known only at run time"):
        hybrid = astc.hybridize(net)
    assert isinstance(hybrid, Unspecialized) and hybrid.source is None
    assert [e.code for e in hybrid.report.refused] == [Code.HYBRID_REFUSED]
    for sign in (1.0, -1.0):
        x = np.full((2, entry.width), sign, np.float32)
        assert_same(hybrid(x), net(x))


def test_dense_fusion_does_not_fire_when_the_matmul_result_is_used_twice() -> None:
    class TwoUses:
        def __init__(self) -> None:
            self.w = np.eye(4, dtype=np.float32)
            self.b = np.ones(4, np.float32)

        def __call__(self, x):  # type: ignore[no-untyped-def]
            h = x @ self.w
            return np.maximum(h + self.b, 0) + h  # h read twice: the bias add is not absorbed

    net = TwoUses()
    hybrid = astc.hybridize(net)
    kernel = hybrid.generated.kernel if hybrid.generated else ""
    assert "_astc_dense_b0_r0(x, p0)" in (kernel or "") and "_astc_dense_b1" not in (kernel or "")
    x = np.random.default_rng(0).standard_normal((2, 4)).astype(np.float32)
    for _ in range(2):
        assert_same(hybrid(x), net(x))
