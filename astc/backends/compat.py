"""Static checks on one function's ``ast``: can Numba's nopython mode compile it, would the
results be CPython's, and is it worth it.

:func:`nopython_refusal` accepts only what nopython mode types without object mode:
numeric scalars and NumPy arrays, ``math`` and a list of NumPy functions, arithmetic,
comparisons, ``if``/``for``/``while``, subscripts and ``.shape``-style attributes. It is
deliberately narrower than Numba (no lists, strings, dicts, comprehensions, classes,
exceptions), so that a function it accepts really compiles.

:func:`semantic_refusal` is for *automatic* selection only (an explicit kernel is the
user's opt-in to Numba semantics). Numba types Python ints as int64, which wraps where
CPython's ints grow; NumPy scalars (array elements) are fixed-width in CPython too, so
only values that may be Python ints are at risk. A tiny kind inference marks each value
``int`` (a Python int: literals, ``len``, ``range`` variables, shapes), ``float``,
``num`` (a NumPy scalar or bool), ``array`` or ``param`` (a parameter: could be an int),
and refuses ``*``, ``**`` and ``<<`` between two possibly-int operands, int accumulators
in loops, variables bound to values of different kinds (Numba unifies their types), and
reads of module globals other than modules (Numba freezes them at compile time).
"""

from __future__ import annotations

import ast

MATH_FUNCS = frozenset(
    "sqrt exp log log2 log10 log1p expm1 sin cos tan asin acos atan atan2 sinh cosh tanh "
    "asinh acosh atanh floor ceil trunc fabs hypot copysign isnan isinf isfinite pow erf "
    "erfc gamma lgamma degrees radians".split()
)
MATH_CONSTS = frozenset({"pi", "e", "tau", "inf", "nan"})
NUMPY_FUNCS = frozenset(
    "zeros empty ones zeros_like empty_like ones_like full arange linspace sqrt exp log "
    "log2 log10 sin cos tan arcsin arccos arctan arctan2 sinh cosh tanh abs absolute "
    "floor ceil minimum maximum sum prod mean min max argmin argmax cumsum where isnan "
    "isinf isfinite copy hypot square power sign clip".split()
)
NUMPY_CONSTS = frozenset({"pi", "e", "inf", "nan", "float64", "float32", "int64", "int32"})
BUILTIN_FUNCS = frozenset({"range", "len", "abs", "min", "max", "float", "int", "bool"})
ARRAY_ATTRS = frozenset({"shape", "size", "ndim", "T", "real", "imag"})
ARRAY_METHODS = frozenset({"sum", "copy", "fill", "max", "min", "mean", "cumsum"})

_ALLOWED_STMTS = (
    ast.Assign,
    ast.AugAssign,
    ast.For,
    ast.While,
    ast.If,
    ast.Return,
    ast.Pass,
    ast.Break,
    ast.Continue,
    ast.Expr,
)
_ALLOWED_EXPRS = (
    ast.BinOp,
    ast.UnaryOp,
    ast.BoolOp,
    ast.Compare,
    ast.IfExp,
    ast.Name,
    ast.Constant,
    ast.Subscript,
    ast.Attribute,
    ast.Call,
    ast.Tuple,
    ast.Slice,
)


def module_aliases(tree: ast.Module) -> dict[str, str]:
    """Top-level ``import numpy as np`` / ``import math``: local name -> module."""
    out: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in ("numpy", "math") and (alias.asname or "." not in alias.name):
                    out[alias.asname or alias.name] = alias.name
    return out


def _body(fn: ast.FunctionDef) -> list[ast.stmt]:
    return fn.body[1:] if ast.get_docstring(fn, clean=False) is not None else fn.body


def _params(fn: ast.FunctionDef) -> set[str]:
    a = fn.args
    return {p.arg for p in [*a.posonlyargs, *a.args, *a.kwonlyargs]}


def _locals(fn: ast.FunctionDef) -> set[str]:
    names = _params(fn)
    for node in ast.walk(fn):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def nopython_refusal(
    fn: ast.FunctionDef, modules: dict[str, str], kernels: set[str], *, cuda: bool = False
) -> str | None:
    """Why ``fn`` may not compile in nopython mode (or on CUDA), or None."""
    if fn.args.vararg or fn.args.kwarg:
        return "takes *args/**kwargs"
    if fn.args.defaults or fn.args.kw_defaults and any(fn.args.kw_defaults):
        for d in [*fn.args.defaults, *(x for x in fn.args.kw_defaults if x is not None)]:
            if not isinstance(d, ast.Constant) or isinstance(d.value, str | bytes):
                return "has a default that is not a number"
    local = _locals(fn)
    for stmt in _body(fn):
        for node in ast.walk(stmt):
            problem = _node_refusal(node, modules, local, kernels, cuda)
            if problem is not None:
                line = getattr(node, "lineno", fn.lineno)
                return f"line {line}: {problem}"
    return None


def _node_refusal(
    node: ast.AST, modules: dict[str, str], local: set[str], kernels: set[str], cuda: bool
) -> str | None:
    if isinstance(node, ast.stmt):
        if not isinstance(node, _ALLOWED_STMTS):
            return f"`{type(node).__name__}` statement is not supported in nopython mode"
        if isinstance(node, ast.Expr) and not isinstance(node.value, ast.Call):
            return "expression statement that is not a call"
        if isinstance(node, ast.For) and not isinstance(node.target, ast.Name | ast.Tuple):
            return "loop target is not a name"
        if isinstance(node, ast.For | ast.While) and node.orelse:
            return "loop with an else clause"
        return None
    if isinstance(node, ast.expr):
        if not isinstance(node, _ALLOWED_EXPRS):
            return f"`{type(node).__name__}` expression is not supported in nopython mode"
        if isinstance(node, ast.Constant) and not isinstance(node.value, int | float | bool):
            return f"constant {node.value!r} is not a number"
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
            return "`@` needs SciPy's BLAS inside Numba"
        if isinstance(node, ast.Compare) and any(
            isinstance(op, ast.Is | ast.IsNot | ast.In | ast.NotIn) for op in node.ops
        ):
            return "`is`/`in` comparison"
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            if node.id in local or node.id in modules:
                return None
            if node.id in BUILTIN_FUNCS or node.id.startswith("_astc_kernel_"):
                return None
            return f"reads global `{node.id}`"
        if isinstance(node, ast.Attribute):
            return _attribute_refusal(node, modules, cuda)
        if isinstance(node, ast.Call):
            return _call_refusal(node, modules, local, kernels, cuda)
    return None


def _attribute_refusal(node: ast.Attribute, modules: dict[str, str], cuda: bool) -> str | None:
    if isinstance(node.value, ast.Name) and node.value.id in modules:
        module = modules[node.value.id]
        if module == "math" and node.attr in MATH_FUNCS | MATH_CONSTS:
            return None
        if module == "numpy" and not cuda and node.attr in NUMPY_FUNCS | NUMPY_CONSTS:
            return None
        return f"`{module}.{node.attr}` is not on astc's nopython list"
    if node.attr in ARRAY_ATTRS or (not cuda and node.attr in ARRAY_METHODS):
        return None
    return f"attribute `.{node.attr}`"


def _call_refusal(
    node: ast.Call, modules: dict[str, str], local: set[str], kernels: set[str], cuda: bool
) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        if func.id in local:
            return f"calls local `{func.id}`"
        if func.id not in BUILTIN_FUNCS and not func.id.startswith("_astc_kernel_"):
            if func.id in kernels:
                return f"calls kernel `{func.id}()` (not inlined; kernels do not call kernels)"
            return f"calls `{func.id}()`, which is neither inlined nor supported"
    if node.keywords:
        if not (isinstance(func, ast.Attribute) and not cuda):
            return "keyword arguments"
        for kw in node.keywords:
            if kw.arg != "dtype":
                return f"keyword argument `{kw.arg}`"
    if any(isinstance(a, ast.Starred) for a in node.args):
        return "*args in a call"
    return None


# -- semantics (automatic selection only) ---------------------------------------------

INT, FLOAT, NUM, ARRAY, PARAM, SHAPE, MODULE = "int", "float", "num", "array", "param", "shape", "m"
#: A Python float on one path and a NumPy scalar on another (``s = 0.0; s += a[i]``).
MIXED = "mixed"
_INTLIKE = {INT, PARAM}


class _Kinds:
    def __init__(self, fn: ast.FunctionDef, modules: dict[str, str]) -> None:
        self.fn = fn
        self.modules = modules
        self.env: dict[str, set[str]] = {p: {PARAM} for p in _params(fn)}
        self.problems: list[str] = []
        #: Zero-division semantics the function's divisions need ("python", "numpy").
        self.models: set[str] = set()

    def name(self, name: str) -> set[str]:
        if name in self.modules:
            return {MODULE}
        return self.env.get(name, {PARAM})

    def join(self, kinds: set[str]) -> str:
        if MIXED in kinds or (FLOAT in kinds and NUM in kinds):
            return MIXED
        if FLOAT in kinds:
            return FLOAT
        if ARRAY in kinds:
            return ARRAY
        if NUM in kinds:
            return NUM
        if PARAM in kinds:
            return PARAM
        return INT if kinds <= {INT} else PARAM

    def kind(self, node: ast.expr) -> str:
        if isinstance(node, ast.Constant):
            if isinstance(node.value, bool):
                return NUM
            return INT if isinstance(node.value, int) else FLOAT
        if isinstance(node, ast.Name):
            return self.join(self.name(node.id))
        if isinstance(node, ast.UnaryOp):
            return NUM if isinstance(node.op, ast.Not) else self.kind(node.operand)
        if isinstance(node, ast.BinOp):
            return self.binop(node)
        if isinstance(node, ast.Compare | ast.BoolOp):
            return NUM
        if isinstance(node, ast.IfExp):
            kinds = {self.kind(node.body), self.kind(node.orelse)}
            if len(kinds) > 1 and kinds & {INT, PARAM} and kinds & {FLOAT, NUM, MIXED}:
                self.problems.append(f"line {node.lineno}: conditional mixes int and float results")
            return self.join(kinds)
        if isinstance(node, ast.Subscript):
            base = self.kind(node.value)
            if base == SHAPE:
                return INT
            if isinstance(node.slice, ast.Slice) or (
                isinstance(node.slice, ast.Tuple)
                and any(isinstance(e, ast.Slice) for e in node.slice.elts)
            ):
                return ARRAY
            return NUM
        if isinstance(node, ast.Attribute):
            if node.attr == "shape":
                return SHAPE
            if node.attr in ("size", "ndim"):
                return INT
            if isinstance(node.value, ast.Name) and node.value.id in self.modules:
                return FLOAT
            return ARRAY
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.Tuple):
            return SHAPE
        return PARAM

    def call(self, node: ast.Call) -> str:
        func = node.func
        if isinstance(func, ast.Name):
            if func.id == "len":
                return INT
            if func.id == "float":
                return FLOAT
            if func.id in ("int", "bool"):
                return INT if func.id == "int" else NUM
            args = {self.kind(a) for a in node.args}
            return self.join(args) if args else PARAM
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            module = self.modules.get(func.value.id)
            if module == "math":
                return INT if func.attr in ("floor", "ceil", "trunc") else FLOAT
            if module == "numpy":
                return ARRAY
        return NUM

    def binop(self, node: ast.BinOp) -> str:
        left, right = self.kind(node.left), self.kind(node.right)
        if isinstance(node.op, ast.Mult | ast.Pow | ast.LShift) and (
            left in _INTLIKE and right in _INTLIKE
        ):
            op = ast.unparse(node)
            self.problems.append(
                f"line {node.lineno}: `{op}` may multiply Python ints past int64 (Numba wraps)"
            )
        if isinstance(node.op, ast.Div | ast.FloorDiv | ast.Mod):
            self.division(node, left, right)
        if (
            isinstance(node.op, ast.Pow)
            and left in (FLOAT, MIXED, PARAM)
            and not (isinstance(node.right, ast.Constant) and type(node.right.value) is int)
        ):
            self.problems.append(
                f"line {node.lineno}: `{ast.unparse(node)}`: a negative Python float to a "
                "fractional power is complex in CPython, nan in Numba"
            )
        if ARRAY in (left, right):
            return ARRAY
        if NUM in (left, right):  # CPython: a NumPy scalar with a Python number gives NumPy
            return NUM
        if MIXED in (left, right):
            return MIXED
        if isinstance(node.op, ast.Div) or FLOAT in (left, right):
            return FLOAT
        if left == INT and right == INT:
            return INT
        return PARAM

    def division(self, node: ast.BinOp, left: str, right: str) -> None:
        """Division by zero raises for Python numbers and gives inf/nan for NumPy ones;
        Numba has one error model per function, so a function must use one kind only."""
        if {left, right} & {NUM, ARRAY}:
            self.models.add("numpy")
        elif MIXED in (left, right):
            self.problems.append(
                f"line {node.lineno}: `{ast.unparse(node)}` divides a value that is a Python "
                "float or a NumPy scalar depending on the path (zero division differs)"
            )
        elif PARAM in (left, right):
            self.problems.append(
                f"line {node.lineno}: `{ast.unparse(node)}`: dividing by zero raises or "
                "gives inf depending on the argument types"
            )
        else:
            self.models.add("python")

    def bind(self, target: ast.expr, kind: str) -> None:
        if isinstance(target, ast.Name):
            self.env.setdefault(target.id, set()).add(kind)
        elif isinstance(target, ast.Tuple):
            for elt in target.elts:
                self.bind(elt, INT if kind == SHAPE else PARAM)

    def run(self) -> list[str]:
        for _ in range(4):  # to a fixed point (kinds only grow)
            before = {k: set(v) for k, v in self.env.items()}
            self.problems = []
            self.models = set()
            for node in ast.walk(self.fn):
                if isinstance(node, ast.Assign):
                    kind = self.kind(node.value)
                    for t in node.targets:
                        self.bind(t, kind)
                elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
                    binop = ast.copy_location(ast.BinOp(node.target, node.op, node.value), node)
                    kind = self.kind(binop)
                    self.bind(node.target, kind)
                elif isinstance(node, ast.For):
                    it = node.iter
                    ranged = isinstance(it, ast.Call) and isinstance(it.func, ast.Name)
                    self.bind(node.target, INT if ranged else NUM)
                elif isinstance(node, ast.expr):
                    self.kind(node)
            if before == self.env:
                break
        if len(self.models) > 1:
            self.problems.append("divides both Python and NumPy numbers (two zero-division rules)")
        for name, kinds in self.env.items():
            scalar = kinds - {ARRAY, SHAPE, MODULE}
            if scalar & {INT, PARAM} and scalar & {FLOAT, NUM, MIXED}:
                self.problems.append(f"`{name}` is bound to both ints and floats")
        for node in ast.walk(self.fn):
            if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
                if self.env.get(node.target.id, set()) & {INT, PARAM} and _in_loop(self.fn, node):
                    if not isinstance(node.op, ast.Add | ast.Sub) or not _bounded_step(node):
                        self.problems.append(
                            f"line {node.lineno}: int accumulator `{node.target.id}` "
                            "may exceed int64 (Numba wraps)"
                        )
        return self.problems


def _bounded_step(node: ast.AugAssign) -> bool:
    """``i += 1``-style counters cannot overflow int64 in any realistic run."""
    return isinstance(node.value, ast.Constant) and isinstance(node.value.value, int)


def _in_loop(fn: ast.FunctionDef, target: ast.AST) -> bool:
    for node in ast.walk(fn):
        if isinstance(node, ast.For | ast.While) and any(n is target for n in ast.walk(node)):
            return True
    return False


def semantic_refusal(fn: ast.FunctionDef, modules: dict[str, str]) -> str | None:
    """Why Numba's results might differ from CPython's for this function, or None."""
    problems = _Kinds(fn, modules).run()
    return problems[0] if problems else None


def error_models(fn: ast.FunctionDef, modules: dict[str, str]) -> set[str]:
    """Numba ``error_model`` values the function's divisions need (empty: no division)."""
    kinds = _Kinds(fn, modules)
    kinds.run()
    return kinds.models


def cost_refusal(fn: ast.FunctionDef, modules: dict[str, str]) -> str | None:
    """Automatic selection needs work to amortise the dispatch (a loop) and signs that the
    function works on NumPy arrays (``.shape``/``.size``/``.ndim``/``.T``, a multi-index
    ``a[i, j]``, or a NumPy call): a loop over Python lists would only run as plain Python
    behind the dispatcher, a little slower."""
    if not any(isinstance(n, ast.For | ast.While) for n in ast.walk(fn)):
        return "no loop: Numba's dispatch would cost more than it saves"
    numpy_names = {k for k, v in modules.items() if v == "numpy"}
    for n in ast.walk(fn):
        if isinstance(n, ast.Attribute) and n.attr in ("shape", "size", "ndim", "T"):
            return None
        if isinstance(n, ast.Subscript) and isinstance(n.slice, ast.Tuple):
            return None
        if isinstance(n, ast.Name) and n.id in numpy_names:
            return None
    return "no sign of NumPy arrays (lists would run as plain Python behind the dispatcher)"
