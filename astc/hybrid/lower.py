"""Rewrite fused NumPy code into the body of a Numba kernel with the same results.

Input: the single-assignment statements the tracer emits (every ``vN`` assigned once, in
order; ``vN op= e`` only right after ``vN = ...``), as ``ast`` trees. What changes, and why:

* **dense layers** — ``d = A @ W`` with ``W`` a 2-D float parameter, then ``e = d + b``
  (``b`` a 1-D parameter of ``W.shape[1]`` elements and ``W``'s dtype, ``d`` used only
  there) and ``r = np.maximum(e, 0)`` (``e`` used only there), each absorbed only by the very
  next statement, become one call of a loop helper (:func:`astc.hybrid.loops.dense`). Not
  done when the code updates anything in place (the order of effects must stay exactly);
* **other ``@``** of run-time arrays -> :func:`astc.hybrid.loops.matmul` (no SciPy needed);
* **row reductions** ``X.sum/mean/max/min/var/std(axis=-1 or 1[, keepdims=K])`` and the
  ``np.`` function forms -> :func:`astc.hybrid.loops.row_reduction` (Numba's take no axis);
* **Python number literals** next to a run-time value in an operator or a ufunc call ->
  ``_astc_weak(c, value)``: NumPy 2 gives a Python scalar the other operand's dtype
  (``x * 0.5`` stays float32), Numba would widen it to float64 (see ``astc.hybrid.jit``).

Everything else is left to Numba as written (``Lowered.left`` lists what, for the report).
Results agree with NumPy's within float tolerance, not bit for bit (sums in another order).
"""

from __future__ import annotations

import ast
import copy
from dataclasses import dataclass, field

import numpy as np

from astc import generated
from astc.diagnostics import Code, ReportEntry
from astc.hybrid import effects, loops, templates
from astc.hybrid.codegen import entry
from astc.hybrid.jit import WEAK_OPERATORS

Layer = tuple[str, str | None, bool]  # (weight, bias or None, relu) parameter names


@dataclass
class Lowered:
    """The kernel's statements and the loop helpers they call."""

    body: list[ast.stmt]
    helpers: dict[str, ast.FunctionDef] = field(default_factory=dict)
    #: What was lowered, for the report (``"v3 = _astc_dense_b1_r1(x, p0, p1) (...)"``).
    notes: list[str] = field(default_factory=list)
    #: Operations left to Numba as written (``"np.tanh"``, ``"x.reshape"``), for the report.
    left: list[str] = field(default_factory=list)
    #: Whether the code may update an argument or parameter in place (effects.may_mutate).
    mutates: bool = False

    def entries(self) -> list[ReportEntry]:
        """What the report says about the kernel: lowered, left to Numba, in-place updates."""
        entries = [entry(Code.HYBRID_LOWERED, f"kernel: {note}") for note in self.notes]
        if self.left:
            left = ", ".join(self.left)
            entries.append(entry(Code.HYBRID_LOWERED, f"kernel: left to Numba as written: {left}"))
        if self.mutates:
            why = "the code may update its arguments in place; the first call checks it on copies"
            entries.append(entry(Code.HYBRID_LOWERED, f"kernel: {why}"))
        return entries

    def chain(self, argument: str, returned: ast.expr) -> list[Layer] | None:
        """``[(w, b, relu), ...]`` when the kernel is only dense layers applied one after the
        other to ``argument`` and returning the last (what one CUDA launch can run)."""
        layers: list[Layer] = []
        current = argument
        for stmt in self.body:
            call = stmt.value if isinstance(stmt, ast.Assign) else None
            if not (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Name)
                and call.func.id.startswith(generated.DENSE_PREFIX)
                and _name_of(call.args[0]) == current
            ):
                return None
            names = [_name_of(a) or "" for a in call.args[1:]]
            layers.append((names[0], names[1] if len(names) > 1 else None, call.func.id[-1] == "1"))
            current = _target(stmt) or ""
        return layers if layers and _name_of(returned) == current else None


def lower(
    body: list[ast.stmt],
    params: dict[str, np.ndarray],
    arguments: list[str],
    modules: dict[str, str],
) -> Lowered:
    """Lower the fused function's statements ``body`` (see the module docstring); ``params``
    and ``arguments`` are the function's parameters, ``modules`` its imports (alias ->
    module)."""
    numpy_aliases = {alias for alias, module in modules.items() if module == "numpy"}
    out = Lowered(body=[], mutates=effects.may_mutate(body, {*params, *arguments, *modules}))
    in_place = any(isinstance(s, ast.AugAssign) for s in body)
    dense = {} if in_place else _fuse_dense(body, params, numpy_aliases)
    absorbed = {name for layer in dense.values() for name in layer.absorbed}
    rewrite = _Rewrite(numpy_aliases, set(modules), out)
    for stmt in body:
        target = _target(stmt)
        if target in absorbed:
            continue
        if target is not None and target in dense:
            layer = dense[target]
            helper = loops.dense(layer.b is not None, layer.relu)
            out.helpers[helper.name] = helper.node
            call = layer.call(helper.name)
            out.body.append(templates.assign(target, call))
            out.notes.append(f"{target} = {ast.unparse(call)} (a dense layer as loops, no BLAS)")
        else:
            out.body.append(rewrite.visit(copy.deepcopy(stmt)))
    out.left = list(dict.fromkeys(out.left))
    return out


@dataclass
class _Dense:
    x: ast.expr
    w: str
    b: str | None = None
    relu: bool = False
    absorbed: tuple[str, ...] = ()  # the statements this one replaces

    def call(self, helper: str) -> ast.Call:
        args = [copy.deepcopy(self.x), templates.name(self.w)]
        args += [templates.name(self.b)] if self.b else []
        return ast.Call(templates.name(helper), args, [])


def _fuse_dense(
    body: list[ast.stmt], params: dict[str, np.ndarray], numpy_aliases: set[str]
) -> dict[str, _Dense]:
    """SSA name -> the dense layer that defines it (absorbing the ops it follows)."""
    uses = _use_counts(body)
    dense: dict[str, _Dense] = {}
    previous: str | None = None
    for stmt in body:
        name, value = _target(stmt), stmt.value if isinstance(stmt, ast.Assign) else None
        if name is None or value is None:
            previous = None
            continue
        # Only the very next statement may absorb a dense op: nothing runs in between that
        # could see the move (an exception's timing, an in-place update of an operand).
        base = dense.get(previous or "") if uses.get(previous or "") == 1 else None
        if isinstance(value, ast.BinOp) and isinstance(value.op, ast.MatMult):
            w = _param(value.right, params, 2)
            if w is not None:
                dense[name] = _Dense(value.left, w)
        elif base is not None and isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
            bias = _bias_of(value, previous or "", base, params)
            if bias is not None:
                absorbed = (*base.absorbed, previous or "")
                dense[name] = _Dense(base.x, base.w, bias, absorbed=absorbed)
        elif base is not None and not base.relu and _is_relu(value, numpy_aliases, previous):
            absorbed = (*base.absorbed, previous or "")
            dense[name] = _Dense(base.x, base.w, base.b, relu=True, absorbed=absorbed)
        previous = name
    return dense


def _bias_of(
    value: ast.BinOp, operand: str, base: _Dense, params: dict[str, np.ndarray]
) -> str | None:
    """The bias parameter of ``operand + b`` / ``b + operand`` fitting ``base``, or None."""
    if base.b is not None or base.relu:
        return None
    for d_node, b_node in ((value.left, value.right), (value.right, value.left)):
        b = _param(b_node, params, 1)
        w = params[base.w]
        if _name_of(d_node) == operand and b is not None:
            if params[b].shape[0] == w.shape[1] and params[b].dtype == w.dtype:
                return b
    return None


def _param(node: ast.expr, params: dict[str, np.ndarray], ndim: int) -> str | None:
    name = _name_of(node)
    if name in params and params[name].ndim == ndim and params[name].dtype.kind == "f":
        return name
    return None


def _is_relu(node: ast.expr, numpy_aliases: set[str], operand: str | None) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "maximum"
        and _name_of(node.func.value) in numpy_aliases
        and len(node.args) == 2
        and not node.keywords
        and _name_of(node.args[0]) == operand
        and isinstance(node.args[1], ast.Constant)
        and type(node.args[1].value) in (int, float)
        and node.args[1].value == 0
    )


class _Rewrite(ast.NodeTransformer):
    """Row reductions, ``@`` and Python number literals, for Numba (see module docstring)."""

    def __init__(self, numpy_aliases: set[str], modules: set[str], out: Lowered) -> None:
        self.numpy = numpy_aliases
        self.modules = modules
        self.out = out

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.op, ast.MatMult):
            helper = loops.matmul()
            self.out.helpers[helper.name] = helper.node
            self.out.notes.append(f"{ast.unparse(node)} as loops")
            return ast.Call(templates.name(helper.name), [node.left, node.right], [])
        return _weak_binop(node)

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        reduced = self._row_reduction(node)
        if reduced is not None:
            return reduced
        ufunc = self._numpy_function(node.func)
        if isinstance(getattr(np, ufunc or "", None), np.ufunc) and not node.keywords:
            like = next((a for a in node.args if _cheap(a)), None)
            if like is not None:
                node.args = [_weak(a, like) for a in node.args]
        elif ufunc == "where" and len(node.args) == 3 and not node.keywords:
            node.args[1], node.args[2] = _weak_pair(node.args[1], node.args[2])
        self.out.left.append(ast.unparse(node.func))
        return node

    def _numpy_function(self, func: ast.expr) -> str | None:
        if isinstance(func, ast.Attribute) and _name_of(func.value) in self.numpy:
            return func.attr
        return None

    def _row_reduction(self, node: ast.Call) -> ast.Call | None:
        """``X.op(axis=-1, keepdims=K)`` / ``np.op(X, axis=-1, ...)`` -> the loop helper."""
        if not isinstance(node.func, ast.Attribute):
            return None
        function = self._numpy_function(node.func)
        name = {"amax": "max", "amin": "min"}.get(function or "", function)
        args = list(node.args)
        if name is None:
            if _name_of(node.func.value) in self.modules:  # another module's function
                return None
            name, args = node.func.attr, [node.func.value, *args]
        kw = {k.arg: k.value for k in node.keywords if k.arg}
        if len(args) == 2 and "axis" not in kw:  # ``np.sum(x, -1)``: the axis by position
            kw["axis"] = args.pop()
        if name not in {r.value for r in loops.Reduction} or len(args) != 1:
            return None
        axis, keep = kw.pop("axis", None), kw.pop("keepdims", ast.Constant(False))
        if kw or not _constant_in(axis, (-1, 1)) or not _constant_in(keep, (True, False)):
            return None
        helper = loops.row_reduction(loops.Reduction(name), _constant_in(keep, (True,)))
        self.out.helpers[helper.name] = helper.node
        self.out.notes.append(f"{ast.unparse(node)} as loops")
        return ast.Call(templates.name(helper.name), args, [])


def _constant_in(node: ast.expr | None, choices: tuple[object, ...]) -> bool:
    """Whether ``node`` is an int or bool literal (``-1`` included) among ``choices``."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        operand = node.operand
        if isinstance(operand, ast.Constant) and type(operand.value) is int:
            node = ast.Constant(-operand.value)
    return (
        isinstance(node, ast.Constant)
        and type(node.value) in (int, bool)
        and any(node.value == c and type(node.value) is type(c) for c in choices)
    )


def _is_number(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) in (int, float)


def _cheap(node: ast.expr) -> bool:
    """A name or an attribute of one: evaluating it twice is free and has no effect."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name)


def _weak(node: ast.expr, like: ast.expr) -> ast.expr:
    if not _is_number(node):
        return node
    return ast.Call(templates.name(generated.WEAK), [node, copy.deepcopy(like)], [])


def _weak_pair(left: ast.expr, right: ast.expr) -> tuple[ast.expr, ast.expr]:
    if _is_number(right) and _cheap(left):
        return left, _weak(right, left)
    if _is_number(left) and _cheap(right):
        return _weak(left, right), right
    return left, right


def _weak_binop(node: ast.BinOp) -> ast.expr:
    """``e op c`` with ``c`` a number literal, typed as NumPy 2 types it (see jit.py)."""
    left, right = _weak_pair(node.left, node.right)
    if left is not node.left or right is not node.right:
        node.left, node.right = left, right
        return node
    op = type(node.op).__name__
    for side, literal in (("l", node.left), ("r", node.right)):
        if _is_number(literal) and op in WEAK_OPERATORS:
            func = templates.name(generated.weak_operator(op, side))
            return ast.Call(func, [node.left, node.right], [])
    return node


def _use_counts(body: list[ast.stmt]) -> dict[str, int]:
    uses: dict[str, int] = {}
    for stmt in body:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                uses[node.id] = uses.get(node.id, 0) + 1
            if isinstance(stmt, ast.AugAssign) and node is stmt.target:
                uses[_name_of(node) or ""] = uses.get(_name_of(node) or "", 0) + 1
    return uses


def _target(stmt: ast.stmt) -> str | None:
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        return _name_of(stmt.targets[0])
    return None


def _name_of(node: ast.AST) -> str | None:
    return node.id if isinstance(node, ast.Name) else None


def lower_module(tree: ast.Module, modules: dict[str, str]) -> Lowered:
    """The kernel version of a whole compiled module (``hybridize`` of a function): row
    reductions, ``@`` and number literals as in :func:`lower`; no dense fusion (a function
    has no parameters). ``body`` is the module's statements, the helpers not included."""
    numpy_aliases = {alias for alias, module in modules.items() if module == "numpy"}
    out = Lowered(body=[], mutates=effects.module_may_mutate(tree))
    rewritten = _Rewrite(numpy_aliases, set(modules), out).visit(copy.deepcopy(tree))
    assert isinstance(rewritten, ast.Module)
    out.body = rewritten.body
    out.left = list(dict.fromkeys(out.left))
    return out
