"""The loop helpers a Numba kernel calls instead of NumPy operations Numba lacks or does slowly.

Each helper is a parsed template (:mod:`astc.hybrid.templates`) with the semantics of one
NumPy expression on 2-D arrays, results within float tolerance (the order of the sums
differs from NumPy's):

* :func:`dense` — ``x @ w`` (then ``+ b``, then ``np.maximum(·, 0)``) for a 2-D parameter
  ``w``: for each input row, four rows of ``w`` at a time update the row's accumulator (at
  batch 1 each weight is read once, and the call is bound by reading the weights from the
  cache); bias and ReLU are applied on the way out. ReLU keeps NaN, as ``np.maximum`` does.
* :func:`matmul` — ``a @ b`` for two 2-D run-time arrays (Numba's own ``@`` needs SciPy's
  BLAS); the same loop order.
* :func:`row_reduction` — ``x.sum/mean/max/min/var/std(axis=-1, keepdims=K)`` of a 2-D
  array (Numba's methods take no ``axis``/``keepdims``). Sums accumulate in float64.

Errors: a shape mismatch raises ``ValueError`` (the dispatcher then runs the NumPy code,
which raises NumPy's own error); so do empty rows for ``max``/``min``.
"""

from __future__ import annotations

import ast
import enum
from dataclasses import dataclass

from astc import generated
from astc.hybrid import templates

#: ``NAME(x, w[, b])``: see the module docstring. Row by row (at most ``max_rows`` rows reach
#: it); four rows of ``w`` per pass over the row's accumulator (measured best of 1-8 on the
#: chapter's MLP; reading ``w`` once for all rows instead was slower at batch 1 and no faster
#: at batch 4, where the loop is bound by arithmetic, not by reading ``w``).
_DENSE = '''
def NAME(x, w, BIAS):
    """DOC (for a 2-D x; see astc.hybrid.loops)"""
    n, k = x.shape
    m = w.shape[1]
    if BAD_SHAPES:
        raise ValueError("matmul: input operand 1 has a mismatch in its core dimension 0")
    out = np.empty((n, m), (x[:0, 0] * w[0, :0]).dtype)
    acc = np.empty(m, out.dtype)
    k4 = k - k % 4
    for r in range(n):
        for j in range(m):
            acc[j] = 0
        for i in range(0, k4, 4):
            x0 = x[r, i]
            x1 = x[r, i + 1]
            x2 = x[r, i + 2]
            x3 = x[r, i + 3]
            w0 = w[i]
            w1 = w[i + 1]
            w2 = w[i + 2]
            w3 = w[i + 3]
            for j in range(m):
                acc[j] = acc[j] + x0 * w0[j] + x1 * w1[j] + x2 * w2[j] + x3 * w3[j]
        for i in range(k4, k):
            xi = x[r, i]
            wi = w[i]
            for j in range(m):
                acc[j] += xi * wi[j]
        for j in range(m):
            v = acc[j]
            BIAS_ADD
            out[r, j] = v
            RELU
    return out
'''

_ROW_REDUCTION = '''
def NAME(x):
    """DOC (for a 2-D x; see astc.hybrid.loops)"""
    n, m = x.shape
    EMPTY_CHECK
    out = np.empty(SHAPE, x.dtype)
    for r in range(n):
        row = x[r]
        BODY
        out[INDEX] = result
    return out
'''

_SUM = """
total = 0.0
for j in range(m):
    total += row[j]
"""

_BODIES = {
    "sum": _SUM + "result = total\n",
    "mean": _SUM + "result = total / m\n",
    "var": _SUM
    + """
mean = total / m
squares = 0.0
for j in range(m):
    d = row[j] - mean
    squares += d * d
result = squares / m
""",
    "max": """
result = row[0]
for j in range(1, m):
    if row[j] > result or row[j] != row[j]:
        result = row[j]
    if result != result:
        break
""",
}
_BODIES["std"] = _BODIES["var"] + "result = np.sqrt(result)\n"
_BODIES["min"] = _BODIES["max"].replace("row[j] > result", "row[j] < result")


class Reduction(enum.Enum):
    """The row reductions :func:`row_reduction` writes (NumPy's method names)."""

    SUM = "sum"
    MEAN = "mean"
    VAR = "var"
    STD = "std"
    MAX = "max"
    MIN = "min"


@dataclass(frozen=True)
class Helper:
    """A loop helper: its name (what the kernel calls) and its definition."""

    name: str
    node: ast.FunctionDef


def dense(bias: bool, relu: bool) -> Helper:
    """``x @ w`` (``+ b``) (``np.maximum(·, 0)``) for a 2-D ``x`` and weight ``w``."""
    name = generated.dense(bias, relu)
    doc = "x @ w" + (" + b" if bias else "")
    bad = "w.shape[0] != k or b.shape[0] != m" if bias else "w.shape[0] != k"
    return Helper(
        name,
        _function(
            _DENSE,
            NAME=name,
            BIAS=["b"] if bias else [],
            BAD_SHAPES=templates.replace_expr(bad),
            BIAS_ADD=templates.replace("v = v + b[j]") if bias else [],
            RELU=templates.replace("if v < 0:\n    out[r, j] = 0") if relu else [],
            DOC=f"np.maximum({doc}, 0)" if relu else doc,
        ),
    )


def matmul() -> Helper:
    """``a @ b`` for two 2-D run-time arrays (the dense loop order, no bias)."""
    name = generated.MATMUL
    return Helper(
        name,
        _function(
            _DENSE,
            NAME=name,
            BIAS=[],
            BAD_SHAPES=templates.replace_expr("w.shape[0] != k"),
            BIAS_ADD=[],
            RELU=[],
            DOC="x @ w",
        ),
    )


def row_reduction(op: Reduction, keepdims: bool) -> Helper:
    """``x.<op>(axis=-1, keepdims=keepdims)`` for a 2-D float array ``x``."""
    name = generated.row_reduction(op.value, keepdims)
    empty = (
        templates.replace(
            "if m == 0:\n    raise ValueError('zero-size array to reduction operation')"
        )
        if op in (Reduction.MAX, Reduction.MIN)
        else []
    )
    return Helper(
        name,
        _function(
            _ROW_REDUCTION,
            NAME=name,
            EMPTY_CHECK=empty,
            SHAPE=templates.replace_expr("(n, 1)" if keepdims else "n"),
            INDEX=templates.replace_expr("(r, 0)" if keepdims else "r"),
            BODY=templates.replace(_BODIES[op.value]),
            DOC=f"x.{op.value}(axis=-1, keepdims={keepdims})",
        ),
    )


def _function(template: str, *, DOC: str, **replacements: templates.Replacement) -> ast.FunctionDef:
    (node,) = templates.replace(template, **replacements)
    assert isinstance(node, ast.FunctionDef)
    docstring = node.body[0]
    assert isinstance(docstring, ast.Expr) and isinstance(docstring.value, ast.Constant)
    text = docstring.value.value
    assert isinstance(text, str)
    docstring.value.value = text.replace("DOC", DOC)
    return node
