"""astc.hybridize on model objects: same results as eager, frozen structure, fallbacks."""

from __future__ import annotations

import warnings
from typing import Any

import _hybrid_models as models
import numpy as np
import pytest

import astc
from astc.diagnostics import Code
from astc.hybrid import HybridizationWarning


def inputs(n: int, rows: int, dtype: type = np.float32) -> np.ndarray:
    return np.random.default_rng(rows).standard_normal((rows, n)).astype(dtype)


def assert_same(got: Any, want: Any) -> None:
    assert type(got) is type(want)
    assert got.dtype == want.dtype and got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


#: The argument signature of one C-contiguous float32 matrix (as ``Hybridized.checked`` has it).
F32_2D = ((np.dtype(np.float32), 2, True),)


def codes(hybrid: astc.Hybridized) -> set[Code]:
    return {e.code for e in hybrid.report.entries}


def test_mlp_equals_eager_on_kernel_and_numpy_paths() -> None:
    net = models.mlp()
    hybrid = astc.hybridize(net)
    assert hybrid.original is net and hybrid.kernel is not None
    assert "def forward(p0, p1, p2, p3, p4, p5, x):" in (hybrid.source or "")
    assert "for " not in hybrid.source.split("def forward")[1].split("def ")[0]  # unrolled
    assert {Code.HYBRID_FUSED, Code.HYBRID_LOWERED, Code.HYBRID_KERNEL} <= codes(hybrid)
    for rows in (1, 3, 64):  # kernel (checked on first use), again, then BLAS
        x = inputs(16, rows)
        assert_same(hybrid(x), net(x))
        assert_same(hybrid(x), net(x))
    assert F32_2D in hybrid.checked  # the kernel was used and agreed
    x64 = inputs(16, 2, np.float64)  # another dtype than the weights: NumPy path, same result
    assert_same(hybrid(x64), net(x64))


def test_in_place_weight_update_is_seen_replacing_a_layer_is_not() -> None:
    net = models.mlp()
    hybrid = astc.hybridize(net, kernel=False)
    x = inputs(16, 2)
    before = hybrid(x)
    net.layers[0].weight *= 2.0  # in place: parameters are read by reference
    net.layers[2].bias[:] = 1.0
    after = hybrid(x)
    assert_same(after, net(x))
    assert not np.allclose(after, before)
    net.layers[0] = models.Dense(16, 12)  # structure is frozen, as MXNet documents
    assert_same(hybrid(x), after)
    assert not np.allclose(net(x), after)


def test_own_model_built_differently() -> None:
    net = models.TwoTower()
    hybrid = astc.hybridize(net, kernel=False)
    x = inputs(8, 5)
    assert_same(hybrid(x), net(x))
    source = hybrid.source or ""
    assert "np.tanh" in source and "* 0.5" in source  # helper inlined, global frozen
    assert ".T" in source and source.count("@") == 4  # every Linear, read as parameters


def test_mxnet_style_activation_strings_and_mixin_sugar() -> None:
    net = models.HybridSequential()
    net.add(models.MxDense(16, 8, activation="relu"), models.MxDense(8, 2))
    x = inputs(16, 1)
    eager = net(x)
    compiled = net.hybridize(kernel=False)
    assert net(x) is not None and compiled.source is not None
    assert_same(net(x), eager)
    assert compiled.source.count("np.maximum") == 1  # only the relu layer


def test_data_dependent_branch_falls_back_to_the_original_with_a_warning() -> None:
    net = models.DataDependent()
    with pytest.warns(HybridizationWarning, match="branch on a value known only at run time"):
        hybrid = astc.hybridize(net)
    assert hybrid.source is None and hybrid.original is net
    refused = [e for e in hybrid.report.refused if e.code is Code.HYBRID_REFUSED]
    assert refused and "_hybrid_models.py:" in refused[0].message
    for sign in (1.0, -1.0):
        x = np.full((2, 4), sign, np.float32)
        assert_same(hybrid(x), net(x))
    with pytest.raises(ValueError, match="nothing to save"):
        hybrid.save("/nonexistent/should_not_be_written")


def test_state_changing_call_is_not_specialized_and_still_counts() -> None:
    net = models.Counting()
    with pytest.warns(HybridizationWarning, match="assignment to an attribute or item"):
        hybrid = astc.hybridize(net)
    hybrid(np.ones(3))
    hybrid(np.ones(3))
    assert net.calls == 2


def test_object_without_source_falls_back() -> None:
    namespace: dict[str, Any] = {"np": np}
    exec("class Net:\n    def __call__(self, x):\n        return x + 1\n", namespace)
    net = namespace["Net"]()
    with pytest.warns(HybridizationWarning, match="no source"):
        hybrid = astc.hybridize(net)
    assert hybrid(2) == 3


def test_mixin_fallback_does_not_recurse() -> None:
    class Local(astc.Hybridizable):  # defined in a test function: source is available
        def forward(self, x):  # type: ignore[no-untyped-def]
            print(x)  # a call kept as is: fine, but ``for`` over a run-time value is not
            for _item in x:
                pass
            return x

    net = Local()
    with pytest.warns(HybridizationWarning):
        net.hybridize()
    assert net([1, 2]) == [1, 2]


def test_bad_arguments() -> None:
    with pytest.raises(TypeError, match="not callable"):
        astc.hybridize(3)
    with pytest.raises(ValueError, match="unknown target"):
        astc.hybridize(models.mlp(), target="tpu")


def test_float_literals_keep_float32_in_the_kernel() -> None:
    net = models.ScaledByFloat()  # NumPy 2 keeps float32 for ``* 0.5``; Numba needs a cast
    hybrid = astc.hybridize(net)
    assert "_astc_weak(0.5, v1)" in (hybrid.source or "")
    x = inputs(4, 2)
    with warnings.catch_warnings():
        warnings.simplefilter("error", HybridizationWarning)
        for _ in range(2):
            assert_same(hybrid(x), net(x))
    assert F32_2D in hybrid.checked


def test_transposed_weights_get_a_loop_kernel_without_scipy() -> None:
    net = models.TwoTower()  # ``x @ self.weight.T``: not a dense layer over a parameter
    with warnings.catch_warnings():
        warnings.simplefilter("error", HybridizationWarning)
        hybrid = astc.hybridize(net)
        x = inputs(8, 1)
        for _ in range(2):
            assert_same(hybrid(x), net(x))
    assert "_astc_matmul(" in (hybrid.source or "") and F32_2D in hybrid.checked


def test_slicing_and_tuple_results() -> None:
    net = models.Slicing()
    hybrid = astc.hybridize(net, kernel=False)
    assert "x[:, :3]" in (hybrid.source or "") and "x[1:, ::2]" in (hybrid.source or "")
    x = inputs(5, 4)
    got, want = hybrid(x), net(x)
    assert isinstance(got, tuple) and len(got) == 3
    for g, w in zip(got, want, strict=True):
        assert_same(g, w)


def test_bound_method_is_traced_with_its_object() -> None:
    layer = models.Linear(4, 3)
    hybrid = astc.hybridize(layer.forward, kernel=False)
    assert hybrid.source is not None and "p0.T" in hybrid.source
    x = inputs(4, 2)
    assert_same(hybrid(x), layer.forward(x))


def test_numpy_submodules_and_dtype_attributes() -> None:
    net = models.Normalized()
    hybrid = astc.hybridize(net, kernel=False)
    source = hybrid.source or ""
    assert "np.linalg.norm(x, axis=1, keepdims=True)" in source
    assert "_astc_np.dtype('<f4')" in source
    x = inputs(3, 2, np.float64)
    assert_same(hybrid(x), net(x))
