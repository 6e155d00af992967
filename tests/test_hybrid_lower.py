"""The pieces under hybridize's kernel: templates, the lowering rules (where each must and
must not fire), the in-place analysis, and the loop helpers against NumPy."""

from __future__ import annotations

import ast
import warnings

import numpy as np
import pytest

from astc.hybrid import effects, loops, templates
from astc.hybrid.jit import jit, kernel_globals
from astc.hybrid.lower import lower


# --- templates -------------------------------------------------------------------------------
def test_templates_replace_names_expressions_statements_and_arguments() -> None:
    body = templates.replace("y = f(x)", y="out")
    assert ast.unparse(body[0]) == "out = f(x)"
    (node,) = templates.replace(
        "def NAME(ARGS):\n    BODY\n    return VALUE + 1",
        NAME="g",
        ARGS=["a", "b"],
        BODY=templates.replace("c = a * b\nd = c"),
        VALUE=ast.BinOp(templates.name("d"), ast.Sub(), ast.Constant(2)),
    )
    assert ast.unparse(node) == "def g(a, b):\n    c = a * b\n    d = c\n    return d - 2 + 1"
    spliced = templates.replace("a = 1\nS\nb = 2", S=[])  # an empty list removes the line
    assert [ast.unparse(n) for n in spliced] == ["a = 1", "b = 2"]
    (assign,) = templates.replace("T = 0", T=ast.Name("v"))
    assert isinstance(assign, ast.Assign) and isinstance(assign.targets[0].ctx, ast.Store)


def test_templates_refuse_placeholders_the_template_does_not_have() -> None:
    with pytest.raises(ValueError, match="not in the template"):
        templates.replace("x = 1", Y="z")
    with pytest.raises(ValueError, match="not an expression"):
        templates.replace_expr("x = 1")


# --- lowering ----------------------------------------------------------------------------------
W = np.ones((4, 3), np.float32)
B = np.zeros(3, np.float32)
B64 = np.zeros(3, np.float64)


def lowered(source: str, **params: np.ndarray) -> str:
    result = lower(ast.parse(source).body, params, ["x"], {"np": "numpy"})
    return "\n".join(ast.unparse(s) for s in result.body)


def test_dense_layer_with_bias_and_relu_is_one_call() -> None:
    source = "v1 = x @ p0\nv2 = v1 + p1\nv3 = np.maximum(v2, 0)"
    assert lowered(source, p0=W, p1=B) == "v3 = _astc_dense_b1_r1(x, p0, p1)"
    assert lowered("v1 = x @ p0\nv2 = p1 + v1", p0=W, p1=B) == "v2 = _astc_dense_b1_r0(x, p0, p1)"


@pytest.mark.parametrize(
    ("source", "why"),
    [
        ("v1 = x @ p0\nv2 = v1 + p1\nv3 = v2 + v1", "the product is used twice"),
        ("v1 = x @ p0\nv9 = x * 2\nv2 = v1 + p1", "the add is not the next statement"),
        ("v1 = x @ p0\nv2 = v1 + p2", "the bias has W's width but another dtype"),
        ("v1 = x @ p0\nv2 = v1 + p3", "the bias has another width"),
        ("v1 = x @ p0\nv2 = v1 + p1\nv4 = x\nv4 += 1", "something is updated in place"),
    ],
)
def test_dense_fusion_does_not_absorb_the_bias_when(source: str, why: str) -> None:
    out = lowered(source, p0=W, p1=B, p2=B64, p3=np.zeros(4, np.float32))
    assert "_astc_dense_b1" not in out, why


def test_an_int_weight_or_a_run_time_right_operand_is_not_a_dense_layer() -> None:
    assert lowered("v1 = x @ p0", p0=np.ones((4, 3), np.int64)) == "v1 = _astc_matmul(x, p0)"
    assert lowered("v1 = x @ x.T") == "v1 = _astc_matmul(x, x.T)"


@pytest.mark.parametrize(
    ("call", "helper"),
    [
        ("x.mean(axis=-1, keepdims=True)", "_astc_row_mean_k1(x)"),
        ("x.sum(axis=1)", "_astc_row_sum_k0(x)"),
        ("np.max(x, axis=-1, keepdims=True)", "_astc_row_max_k1(x)"),
        ("np.amin(x, -1)", "_astc_row_min_k0(x)"),
        ("x.var(-1)", "_astc_row_var_k0(x)"),
    ],
)
def test_row_reductions_become_loop_helpers(call: str, helper: str) -> None:
    assert lowered(f"v1 = {call}") == f"v1 = {helper}"


@pytest.mark.parametrize(
    "call",
    [
        "x.mean(axis=0)",
        "x.var(axis=-1, ddof=1)",
        "x.sum()",
        "x.sum(axis=-1, dtype=np.float64)",
        "np.mean(x, axis=(0, 1))",
        "scipy.sum(x, axis=-1)",
        "x.max(axis=-1, keepdims=k)",
    ],
)
def test_row_reductions_stay_as_written_when(call: str) -> None:
    result = lower(
        ast.parse(f"v1 = {call}").body, {}, ["x", "k"], {"np": "numpy", "scipy": "scipy"}
    )
    assert "_astc_row_" not in ast.unparse(result.body[0])


def test_number_literals_next_to_run_time_values_take_their_dtype() -> None:
    assert lowered("v1 = x * 0.5") == "v1 = x * _astc_weak(0.5, x)"
    assert lowered("v1 = 1 - x") == "v1 = _astc_weak(1, x) - x"
    assert lowered("v1 = np.maximum(x, 0)") == "v1 = np.maximum(x, _astc_weak(0, x))"
    assert lowered("v1 = np.where(x, 0, 1.5)") == "v1 = np.where(x, 0, 1.5)"  # no run-time value
    assert lowered("v1 = x * True") == "v1 = x * True"  # bools are not widened
    assert lowered("v1 = f(x) * 2.0") == "v1 = _astc_weak_Mult_r(f(x), 2.0)"
    assert lowered("v1 = x.reshape(1, -1)") == "v1 = x.reshape(1, -1)"  # not an operator


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.int32, np.int64, np.bool_])
def test_weak_literals_give_numpys_dtypes_in_numba(dtype: type) -> None:
    namespace = dict(kernel_globals(), np=np)
    source = (
        "def f(x):\n"
        "    return (x * _astc_weak(0.5, x), x + _astc_weak(1, x),\n"
        "            np.maximum(x, _astc_weak(0, x)), _astc_weak_Mult_r(x + x, 3))\n"
    )
    exec(source, namespace)
    compiled, why = jit(namespace["f"])
    assert why is None
    x = np.ones(3, dtype)
    want = (x * 0.5, x + 1, np.maximum(x, 0), (x + x) * 3)
    for got, expected in zip(compiled(x), want, strict=True):
        assert got.dtype == expected.dtype


# --- in-place analysis -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("source", "mutates"),
    [
        ("v1 = x\nv1 += 1", True),
        ("v1 = np.zeros(3)\nv1 += x", False),
        ("v1 = x[1:]\nv1[0] = 2", True),
        ("v1 = x * 2\nv1[0] = 2", False),
        ("x.sort()", True),
        ("v1 = x.copy()\nv1.sort()", False),
        ("v1 = np.add(x, 1, out=x)", True),
        ("np.copyto(x, 0)", True),
        ("v1 = x.reshape(-1)\nv1 += 1", True),
        ("v1 = np.tanh(x)\nv1 += 1", False),
        ("for row in x:\n    row[0] = 1", True),
    ],
)
def test_may_mutate(source: str, mutates: bool) -> None:
    assert effects.may_mutate(ast.parse(source).body, {"x", "np"}) is mutates


def test_a_function_that_writes_into_an_array_it_made_does_not_mutate() -> None:
    module = ast.parse(
        "def f(x):\n    out = np.empty(x.shape[0])\n    for i in range(x.shape[0]):\n"
        "        out[i] = x[i] * 2\n    return out\n"
    )
    assert not effects.module_may_mutate(module)
    assert effects.module_may_mutate(ast.parse("def g(x):\n    x[0] = 1\n"))


# --- loop helpers against NumPy ----------------------------------------------------------------
def compiled(helper: loops.Helper) -> object:
    namespace: dict[str, object] = {"np": np}
    exec(compile(ast.unparse(templates.module([helper.node])), "<helper>", "exec"), namespace)
    function, why = jit(namespace[helper.name])  # type: ignore[arg-type]
    assert why is None
    return function


@pytest.mark.parametrize("keepdims", [True, False])
@pytest.mark.parametrize("op", list(loops.Reduction))
def test_row_reductions_match_numpy(op: loops.Reduction, keepdims: bool) -> None:
    f = compiled(loops.row_reduction(op, keepdims))
    x = np.random.default_rng(0).standard_normal((5, 7)).astype(np.float32)
    x[2, 3] = np.nan  # NaN propagates, as in NumPy
    got = f(x)  # type: ignore[operator]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        want = getattr(x, op.value)(axis=-1, keepdims=keepdims)
    assert got.dtype == want.dtype and got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6, equal_nan=True)
    if op in (loops.Reduction.MAX, loops.Reduction.MIN):
        with pytest.raises(ValueError):
            f(np.ones((2, 0), np.float32))  # type: ignore[operator]


@pytest.mark.parametrize(("bias", "relu"), [(False, False), (True, False), (True, True)])
@pytest.mark.parametrize("shape", [(1, 512, 256), (3, 7, 5), (2, 1, 17), (4, 0, 3)])
def test_dense_helper_matches_numpy(bias: bool, relu: bool, shape: tuple[int, int, int]) -> None:
    n, k, m = shape
    rng = np.random.default_rng(k)
    x = rng.standard_normal((n, k)).astype(np.float32)
    w = rng.standard_normal((k, m)).astype(np.float32)
    b = rng.standard_normal(m).astype(np.float32)
    if k:
        x[0, 0] = np.nan if n > 1 else x[0, 0]  # NaN through ReLU stays NaN
    f = compiled(loops.dense(bias, relu))
    got = f(x, w, b) if bias else f(x, w)  # type: ignore[operator]
    want = x @ w + b if bias else x @ w
    want = np.maximum(want, 0) if relu else want
    assert got.dtype == want.dtype and got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4, equal_nan=True)
    with pytest.raises(ValueError, match="mismatch"):
        f(x, w, b[:-1]) if bias else f(x, np.ones((k + 1, m), np.float32))  # type: ignore[operator]


def test_matmul_helper_takes_strided_and_mixed_dtype_operands() -> None:
    f = compiled(loops.matmul())
    a = np.random.default_rng(1).standard_normal((6, 5)).astype(np.float32)
    b = np.random.default_rng(2).standard_normal((4, 5))  # float64, used transposed
    got, want = f(a, b.T), a @ b.T  # type: ignore[operator]
    assert got.dtype == want.dtype == np.float64
    np.testing.assert_allclose(got, want, rtol=1e-6)
