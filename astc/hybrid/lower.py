"""Rewrite a fused NumPy function into the body of a Numba kernel.

Numba's ``@`` needs SciPy's BLAS and allocates a temporary per operator; at small batch
sizes a loop nest that reads each weight once and applies bias and ReLU on the way out is
faster (measured in ``benchmarks/mlp.py``). This module recognizes, in the single-assignment
code the tracer emits (every ``vN`` assigned once, in order):

* ``d = A @ W`` with ``W`` a 2-D parameter              -> ``_astc_dense_b0_r0(A, W)``
* ``e = d + b`` (or ``b + d``) with ``d`` used only here, ``b`` a 1-D parameter of
  ``W.shape[1]`` elements and ``W``'s dtype                -> ``_astc_dense_b1_r0(A, W, b)``
* ``r = NP.maximum(e, 0)`` with ``e`` a dense result used only here -> ``..._r1(...)``

Everything else is left for Numba as written. The loops keep NumPy's result dtype (that of
``W``; :class:`Compiled` sends only arrays of the parameters' dtype to the kernel) and raise
``ValueError`` on mismatched shapes, as NumPy does; the summation order differs from BLAS,
so results agree within float tolerance, not bit for bit.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

import numpy as np

#: The loop nest for one dense layer; ``{bias}``/``{relu}`` select the variant. Eight input
#: rows per pass over the accumulator cut its loads and stores eightfold (measured).
_DENSE_TEMPLATE = '''
def _astc_dense_b{b}_r{r}(x, w{bias_arg}):
    """``{doc}`` for a 2-D ``x``, as loops (see astc.hybrid.lower)."""
    n, k = x.shape
    m = w.shape[1]
    if w.shape[0] != k{bias_check}:
        raise ValueError("matmul: input operand 1 has a mismatch in its core dimension 0")
    out = np.empty((n, m), w.dtype)
    acc = np.empty(m, w.dtype)
    k8 = k - k % 8
    for row in range(n):
        for j in range(m):
            acc[j] = 0
        for i in range(0, k8, 8):
            x0 = x[row, i]
            x1 = x[row, i + 1]
            x2 = x[row, i + 2]
            x3 = x[row, i + 3]
            x4 = x[row, i + 4]
            x5 = x[row, i + 5]
            x6 = x[row, i + 6]
            x7 = x[row, i + 7]
            w0 = w[i]
            w1 = w[i + 1]
            w2 = w[i + 2]
            w3 = w[i + 3]
            w4 = w[i + 4]
            w5 = w[i + 5]
            w6 = w[i + 6]
            w7 = w[i + 7]
            for j in range(m):
                acc[j] = (
                    acc[j] + x0 * w0[j] + x1 * w1[j] + x2 * w2[j] + x3 * w3[j]
                    + x4 * w4[j] + x5 * w5[j] + x6 * w6[j] + x7 * w7[j]
                )
        for i in range(k8, k):
            xi = x[row, i]
            wi = w[i]
            for j in range(m):
                acc[j] += xi * wi[j]
        for j in range(m):
            v = acc[j]{bias_add}
            out[row, j] = v{relu_clamp}
    return out
'''


@dataclass
class Lowered:
    """The kernel's statements and the helper functions (source) they call."""

    body: list[str]
    helpers: dict[str, str] = field(default_factory=dict)
    #: What was lowered, for the report (``"v3: dense+bias+relu"``).
    notes: list[str] = field(default_factory=list)
    #: Whether an ``@`` is left for Numba (which then needs SciPy's BLAS).
    needs_blas: bool = False

    @property
    def needs_2d(self) -> bool:
        return bool(self.helpers)

    def chain(self, argument: str, returned: str) -> list[tuple[str, str | None, bool]] | None:
        """``[(w, b, relu), ...]`` when the kernel is only dense layers applied one after the
        other to ``argument`` and returning the last (what one CUDA launch can run)."""
        layers: list[tuple[str, str | None, bool]] = []
        current = argument
        for line in self.body:
            stmt = ast.parse(line).body[0]
            if not (
                isinstance(stmt, ast.Assign)
                and isinstance(stmt.targets[0], ast.Name)
                and isinstance(stmt.value, ast.Call)
                and isinstance(stmt.value.func, ast.Name)
                and stmt.value.func.id.startswith("_astc_dense_")
                and ast.unparse(stmt.value.args[0]) == current
            ):
                return None
            names = [ast.unparse(a) for a in stmt.value.args[1:]]
            relu = stmt.value.func.id.endswith("_r1")
            layers.append((names[0], names[1] if len(names) > 1 else None, relu))
            current = stmt.targets[0].id
        return layers if layers and current == returned else None


def dense_helper(bias: bool, relu: bool) -> tuple[str, str]:
    """``(name, source)`` of the loop helper for one dense variant."""
    name = f"_astc_dense_b{int(bias)}_r{int(relu)}"
    doc = "x @ w" + (" + b" if bias else "")
    doc = f"np.maximum({doc}, 0)" if relu else doc
    source = _DENSE_TEMPLATE.format(
        b=int(bias),
        r=int(relu),
        doc=doc,
        bias_arg=", b" if bias else "",
        bias_check=" or b.shape[0] != m" if bias else "",
        bias_add=" + b[j]" if bias else "",
        relu_clamp="\n            if v < 0:\n                out[row, j] = 0" if relu else "",
    )
    return name, source.lstrip("\n")


@dataclass
class _Dense:
    x: str
    w: str
    b: str | None = None
    relu: bool = False

    def call(self) -> str:
        name = f"_astc_dense_b{int(self.b is not None)}_r{int(self.relu)}"
        args = ", ".join(a for a in (self.x, self.w, self.b) if a is not None)
        return f"{name}({args})"


def lower(lines: list[str], params: dict[str, np.ndarray], numpy_alias: str | None) -> Lowered:
    """Lower the fused function's statements ``lines`` (``vN = expr`` ... ``return expr``)."""
    stmts = [ast.parse(line).body[0] for line in lines]
    if any(isinstance(s, ast.AugAssign) for s in stmts):
        return Lowered(body=list(lines))  # in-place updates: keep the order exactly as is
    uses: dict[str, int] = {}
    for stmt in stmts:
        value = stmt.value if isinstance(stmt, ast.Assign | ast.Return | ast.AugAssign) else None
        if isinstance(stmt, ast.AugAssign):
            uses[ast.unparse(stmt.target)] = uses.get(ast.unparse(stmt.target), 0) + 1
        for node in ast.walk(value) if value is not None else ():
            if isinstance(node, ast.Name):
                uses[node.id] = uses.get(node.id, 0) + 1
    dense: dict[str, _Dense] = {}  # SSA name -> the dense op that defines it
    absorbed: set[str] = set()  # names whose defining statement a later op took over
    out = Lowered(body=[])
    index = 0

    def param(node: ast.expr, ndim: int) -> np.ndarray | None:
        if isinstance(node, ast.Name) and node.id in params:
            arr = params[node.id]
            if arr.ndim == ndim and arr.dtype.kind == "f":
                return arr
        return None

    def single_dense(node: ast.expr) -> _Dense | None:
        # Only the very next statement may absorb a dense op: nothing runs in between that
        # could see the move (an exception's timing, an in-place update of an operand).
        if (
            isinstance(node, ast.Name)
            and node.id in dense
            and uses.get(node.id) == 1
            and defined_at[node.id] == index - 1
        ):
            absorbed.add(node.id)
            return dense[node.id]
        return None

    defined_at: dict[str, int] = {}
    for index, stmt in enumerate(stmts):
        if not (isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name)):
            continue
        name, value = stmt.targets[0].id, stmt.value
        defined_at[name] = index
        if isinstance(value, ast.BinOp) and isinstance(value.op, ast.MatMult):
            w = param(value.right, 2)
            if w is not None and isinstance(value.right, ast.Name):
                dense[name] = _Dense(ast.unparse(value.left), value.right.id)
        elif isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
            for d_node, b_node in ((value.left, value.right), (value.right, value.left)):
                if not (isinstance(d_node, ast.Name) and d_node.id in dense):
                    continue
                base = dense[d_node.id]
                b = param(b_node, 1)
                w = params[base.w]
                if (
                    base.b is None
                    and not base.relu
                    and b is not None
                    and isinstance(b_node, ast.Name)
                    and b.shape[0] == w.shape[1]
                    and b.dtype == w.dtype
                    and single_dense(d_node) is not None
                ):
                    dense[name] = _Dense(base.x, base.w, b_node.id)
                    break
        elif _is_relu(value, numpy_alias):
            assert isinstance(value, ast.Call)
            operand = value.args[0]
            if isinstance(operand, ast.Name) and operand.id in dense:
                base = dense[operand.id]
                if not base.relu and single_dense(operand) is not None:
                    dense[name] = _Dense(base.x, base.w, base.b, relu=True)
    for stmt, line in zip(stmts, lines, strict=True):
        target = (
            stmt.targets[0].id
            if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name)
            else None
        )
        if target in absorbed:
            continue
        if target is not None and target in dense:
            op = dense[target]
            helper, source = dense_helper(op.b is not None, op.relu)
            out.helpers[helper] = source
            out.body.append(f"{target} = {op.call()}")
            out.notes.append(f"{target} = {op.call()}")
        else:
            out.body.append(_cast_float_literals(line, params, numpy_alias))
    out.needs_blas = any(
        isinstance(n, ast.BinOp) and isinstance(n.op, ast.MatMult)
        for line in out.body
        for n in ast.walk(ast.parse(line))
    )
    return out


class _FloatLiterals(ast.NodeTransformer):
    """``v * 0.5`` -> ``v * np.float32(0.5)``: NumPy 2 keeps float32 there, Numba would not."""

    def __init__(self, wrap: str) -> None:
        self.wrap = wrap

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        for side in ("left", "right"):
            operand = getattr(node, side)
            if isinstance(operand, ast.Constant) and type(operand.value) is float:
                call = ast.parse(f"{self.wrap}({operand.value!r})", mode="eval").body
                setattr(node, side, call)
        return node


def _cast_float_literals(line: str, params: dict[str, np.ndarray], alias: str | None) -> str:
    dtypes = {p.dtype for p in params.values()}
    if alias is None or len(dtypes) != 1:
        return line
    (dtype,) = dtypes
    if dtype.kind != "f" or dtype == np.float64:
        return line
    tree = _FloatLiterals(f"{alias}.{dtype.name}").visit(ast.parse(line))
    return ast.unparse(tree)


def _is_relu(node: ast.expr, numpy_alias: str | None) -> bool:
    return (
        numpy_alias is not None
        and isinstance(node, ast.Call)
        and ast.unparse(node.func) == f"{numpy_alias}.maximum"
        and len(node.args) == 2
        and not node.keywords
        and isinstance(node.args[1], ast.Constant)
        and type(node.args[1].value) in (int, float)
        and node.args[1].value == 0
    )
