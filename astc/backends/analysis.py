"""Exactness analysis of automatic kernels: when does Numba give CPython's result?

One abstract interpretation (:class:`Run`) of a function's ``ast`` under an assumption
about its parameters: each parameter is an array of a class (``Af`` float64, ``Ai``
int64, ``Ab`` bool) or a Python scalar (``Sf``, ``Si``, ``Sb``). The run computes, for
every expression, an abstract :mod:`value <astc.backends.values>` (strength, class,
interval of Python ints, array rank) to a fixed point, flow-insensitively: a name's value
is the join of everything it is bound to, so what holds for it holds on every path.

A run raises :class:`Problem` (with a reason code) at the first operation whose result
could differ from CPython's:

* Python-int arithmetic that cannot be shown to stay within int64 — from literals, the
  ranges of loop variables, sizes (``[0, 2**63)``), accumulations bounded by
  :data:`TRIPS` iterations (``k += step`` in a loop) — ``ASTC233``;
* a name bound to values Numba would unify into one type (int and float) — ``ASTC234``;
* a library function Numba computes differently (:mod:`astc.backends.library`) —
  ``ASTC235``; an operator whose NumPy 2 result type (computed with the installed NumPy,
  :mod:`astc.backends.promotion`) differs from Numba's — ``ASTC236``;
* anything outside the supported subset — ``ASTC232``; module globals — ``ASTC237``...

:func:`analyze` runs it for every plausible parameter assumption (arrays of each class,
Python scalars), keeps the ones that pass (the dispatcher admits exactly those argument
types, checked once per signature), retries with value bounds (int parameters and array
sizes at most 2**31, checked on kernel entry) when only int64 proofs failed, and returns a
:class:`Plan` for :mod:`astc.backends.lower` or a :class:`Problem`.

Assumption documented in docs/kernels.md: a call that completes in CPython runs fewer
than :data:`TRIPS` loop iterations in total (weeks of CPython time).
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from astc.backends import promotion
from astc.backends.library import (
    ARRAY_ATTRIBUTES,
    ARRAY_METHODS,
    ARRAY_SPECIAL_METHODS,
    BUILTINS,
    DTYPES,
    EXCEPTIONS,
    MATH,
    NUMPY,
    Exactness,
    Fn,
    Result,
)
from astc.backends.values import (
    BOOL_RANGE,
    EXACT_FLOAT_INT,
    INT64_MAX,
    INT64_MIN,
    NP,
    PY,
    STRENGTHS,
    TOP,
    Array,
    DType,
    Function,
    Interval,
    Iter,
    Mixed,
    Module,
    NoneValue,
    Scalar,
    Shape,
    Tuple,
    Value,
    join,
    np_scalar,
    py_bool,
    py_float,
    py_int,
)
from astc.diagnostics import Code

#: Loop iterations a call that completes in CPython runs, at most (see the module doc).
TRIPS = 2**48
#: Value bounds tried when int64 cannot be shown without them (checked on kernel entry).
TIERS: tuple[int | None, ...] = (None, 2**31, 2**20)
#: Most parameter assumptions tried per function.
MAX_ASSUMPTIONS = 64
_ROUNDS = 24
_WIDEN_AFTER = 3

OPTIONS_ARRAY = ("Af", "Ai", "Ab")
OPTION_CLASS = {"Af": "f", "Ai": "i", "Ab": "b", "Sf": "f", "Si": "i", "Sb": "b"}

_BINOPS: dict[type[ast.operator], str] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
    ast.BitAnd: "&",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.LShift: "<<",
    ast.RShift: ">>",
}
_CMPOPS: dict[type[ast.cmpop], str] = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
}


class Problem(Exception):
    """Why a function is not an exact automatic kernel."""

    def __init__(self, code: Code, line: int, message: str) -> None:
        super().__init__(message)
        self.code, self.line, self.message = code, line, message


@dataclass(frozen=True)
class ModuleContext:
    """What the analysis knows about the module around a function."""

    #: Local name -> "numpy" | "math" (``import numpy as np``).
    modules: dict[str, str]
    #: Local name -> ("numpy" | "math", attribute) (``from numpy import empty_like``).
    imported: dict[str, tuple[str, str]]
    #: Stable module functions that kernels may call (compiled with them).
    functions: dict[str, ast.FunctionDef]
    #: Stable module constants with a number value.
    constants: dict[str, int | float | bool]
    #: Other module-level names (reading one is refused: Numba would freeze it).
    globals_: frozenset[str] = frozenset()


# -- facts for lowering --------------------------------------------------------------


@dataclass
class Facts:
    """What :mod:`astc.backends.lower` needs to know about a function's nodes."""

    #: id(node) -> abstract value (final round).
    values: dict[int, Value] = field(default_factory=dict)
    #: id(BinOp) of / // % -> "py" | "np" | "mixed" (Python raises on zero, NumPy does not).
    divisions: dict[int, str] = field(default_factory=dict)
    #: id(BinOp) of ** -> "py" | "np" | "mixed" | "square".
    powers: dict[int, str] = field(default_factory=dict)
    #: id(Call) -> runtime helper replacing the callee.
    helpers: dict[int, str] = field(default_factory=dict)
    #: id(Call) -> (module function or closure, strength key of its arguments): the copy
    #: compiled for those argument kinds.
    calls: dict[int, tuple[str, tuple[object, ...]]] = field(default_factory=dict)
    #: Names (module functions, constants) whose identity the dispatcher checks.
    guards: set[str] = field(default_factory=set)
    #: Return statements and their values.
    returns: list[tuple[ast.Return | None, Value]] = field(default_factory=list)
    #: Names that hold a Python or a NumPy scalar depending on the path.
    mixed_names: set[str] = field(default_factory=set)
    has_loop: bool = False
    array_work: bool = False

    def merge(self, other: Facts) -> None:
        """Union with another run's facts (other parameter classes: same strengths)."""
        for k, v in other.divisions.items():
            self.divisions[k] = v if self.divisions.get(k, v) == v else "mixed"
        for k, v in other.powers.items():
            self.powers[k] = v if self.powers.get(k, v) == v else "mixed"
        self.helpers.update(other.helpers)
        self.calls.update(other.calls)
        self.guards |= other.guards
        self.mixed_names |= other.mixed_names
        self.has_loop = self.has_loop or other.has_loop
        self.array_work = self.array_work or other.array_work
        for k, val in other.values.items():
            self.values.setdefault(k, val)


# -- syntactic pre-pass ------------------------------------------------------------------


def params_of(fn: ast.FunctionDef) -> list[str]:
    a = fn.args
    return [p.arg for p in [*a.posonlyargs, *a.args, *a.kwonlyargs]]


def body_of(fn: ast.FunctionDef) -> list[ast.stmt]:
    body = fn.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        if isinstance(body[0].value.value, str):
            return body[1:]
    return body


def own_nodes(node: ast.AST) -> Iterator[ast.AST]:
    """Nodes of a function body, not descending into nested functions or lambdas."""
    stack = list(ast.iter_child_nodes(node))
    while stack:
        n = stack.pop()
        yield n
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            continue
        stack.extend(ast.iter_child_nodes(n))


@dataclass(frozen=True)
class Role:
    """How a parameter is used, from the syntax alone."""

    options: tuple[str, ...]
    rank: int | None
    #: Array parameters whose elements are only stored / only used as indices.
    store_only: bool = False
    index_only: bool = False
    shape_only: bool = False


def _ranks(fn: ast.FunctionDef, names: list[str]) -> dict[str, int]:
    """Rank each name needs: ``a[i, j]`` needs 2; ``row = m[i]; row[j]`` makes m need 2."""
    need: dict[str, int] = {}
    links: list[tuple[str, str, int]] = []  # (alias, base, indices used on base)
    for node in own_nodes(fn):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Name):
            if any(k.arg == "axis" for k in node.keywords):  # astc's axis= versions: 2-D
                need[node.args[0].id] = max(need.get(node.args[0].id, 0), 2)
        arrays_of = _array_arguments(node)
        for arg in arrays_of:
            if isinstance(arg, ast.Subscript) and isinstance(arg.value, ast.Name):
                idx = arg.slice
                elts = idx.elts if isinstance(idx, ast.Tuple) else [idx]
                ints = sum(1 for e in elts if not isinstance(e, ast.Slice))
                need[arg.value.id] = max(need.get(arg.value.id, 0), len(elts) + (ints == len(elts)))
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            idx = node.slice
            count = len(idx.elts) if isinstance(idx, ast.Tuple) else 1
            need[node.value.id] = max(need.get(node.value.id, 0), count)
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
            if isinstance(target, ast.Name):
                if isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name):
                    idx = value.slice
                    elts = idx.elts if isinstance(idx, ast.Tuple) else [idx]
                    ints = sum(1 for e in elts if not isinstance(e, ast.Slice))
                    links.append((target.id, value.value.id, ints))
        if isinstance(node, ast.For) and isinstance(node.target, ast.Name):
            if isinstance(node.iter, ast.Name):
                links.append((node.target.id, node.iter.id, 1))
    for _ in range(8):
        changed = False
        for alias, base, ints in links:
            if alias in need:
                want = need[alias] + ints
                if want > need.get(base, 0):
                    need[base] = want
                    changed = True
        if not changed:
            break
    return {n: need[n] for n in names if n in need}


_ARRAY_CONSUMERS = frozenset(
    "sum mean prod min max amin amax argmin argmax any all cumsum cumprod copy zeros_like "
    "empty_like ones_like full_like".split()
)


def _array_arguments(node: ast.AST) -> list[ast.expr]:
    """Expressions that must be arrays: the first argument of a NumPy reduction, of len(),
    and the object of an array attribute or method (``m[i].shape``, ``m[i].sum()``)."""
    if isinstance(node, ast.Call) and node.args:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in _ARRAY_CONSUMERS:
            return [node.args[0]]
        if isinstance(func, ast.Name) and func.id == "len":
            return [node.args[0]]
    if isinstance(node, ast.Attribute) and (
        node.attr in ("shape", "size", "ndim", "T") or node.attr in _ARRAY_CONSUMERS
    ):
        return [node.value]
    return []


def roles(fn: ast.FunctionDef) -> dict[str, Role]:
    """Parameter roles: which assumptions (array classes, scalar classes) to try."""
    params = params_of(fn)
    ranks = _ranks(fn, params)
    arrayish: set[str] = set()
    intish: set[str] = set()
    loads: dict[str, int] = {p: 0 for p in params}
    element_reads: dict[str, int] = {p: 0 for p in params}
    index_reads: dict[str, int] = {p: 0 for p in params}
    shape_reads: dict[str, int] = {p: 0 for p in params}
    stores: dict[str, int] = {p: 0 for p in params}
    parents: dict[int, ast.AST] = {}
    for node in own_nodes(fn):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    for node in own_nodes(fn):
        if not (isinstance(node, ast.Name) and node.id in loads):
            continue
        name = node.id
        parent = parents.get(id(node))
        if isinstance(node.ctx, ast.Load):
            loads[name] += 1
        if isinstance(parent, ast.Subscript) and parent.value is node:
            arrayish.add(name)
            grand = parents.get(id(parent))
            if isinstance(parent.ctx, ast.Store) or (
                isinstance(grand, ast.AugAssign) and grand.target is parent
            ):
                stores[name] += 1
                if isinstance(grand, ast.AugAssign):
                    element_reads[name] += 1
            elif _is_index(parent, parents):
                index_reads[name] += 1
            else:
                element_reads[name] += 1
        elif isinstance(parent, ast.Attribute) and parent.value is node:
            arrayish.add(name)
            if parent.attr in ("shape", "size", "ndim"):
                shape_reads[name] += 1
            else:
                element_reads[name] += 1
        elif isinstance(parent, ast.For) and parent.iter is node:
            arrayish.add(name)
            element_reads[name] += 1
        elif isinstance(parent, ast.Call) and node in parent.args:
            func = parent.func
            fname = func.id if isinstance(func, ast.Name) else None
            if (
                isinstance(func, ast.Attribute)
                and func.attr in _ARRAY_CONSUMERS
                and parent.args[0] is node
            ):
                arrayish.add(name)
                element_reads[name] += 1
            elif fname == "len":
                arrayish.add(name)
                shape_reads[name] += 1
            elif fname == "range":
                intish.add(name)
            else:
                element_reads[name] += 1
        elif _is_index(node, parents):
            intish.add(name)
        elif isinstance(node.ctx, ast.Load):
            element_reads[name] += 1
    out: dict[str, Role] = {}
    arrayish |= set(ranks)
    for p in params:
        rank = ranks.get(p)
        if p in arrayish:
            store_only = stores[p] > 0 and element_reads[p] == 0 and index_reads[p] == 0
            index_only = index_reads[p] > 0 and element_reads[p] == 0 and stores[p] == 0
            shape_only = (
                shape_reads[p] > 0 and element_reads[p] + index_reads[p] + stores[p] == 0
            )
            if shape_only:
                options: tuple[str, ...] = ("Af",)
            elif index_only:
                options = ("Ai",)
            elif store_only:
                options = ("Af", "Ai")
            else:
                options = OPTIONS_ARRAY
            out[p] = Role(options, rank, store_only, index_only, shape_only)
        elif p in intish:
            out[p] = Role(("Si",), None)
        elif loads[p] == 0:
            out[p] = Role(("Sf",), None, shape_only=True)
        else:
            out[p] = Role(("Sf", "Si", "Af", "Ai"), rank)
    return out


def _is_index(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """Whether ``node`` is (a component of) a subscript's index."""
    parent = parents.get(id(node))
    if isinstance(parent, ast.Tuple):
        node, parent = parent, parents.get(id(parent))
    return isinstance(parent, ast.Subscript) and parent.slice is node


def _loop_nodes(fn: ast.FunctionDef) -> set[int]:
    """ids of statements inside a loop of ``fn``."""
    inside: set[int] = set()

    def visit(stmts: list[ast.stmt], in_loop: bool) -> None:
        for s in stmts:
            if in_loop:
                inside.add(id(s))
            if isinstance(s, ast.For | ast.While):
                visit(s.body, True)
                visit(s.orelse, in_loop)
            elif isinstance(s, ast.If):
                visit(s.body, in_loop)
                visit(s.orelse, in_loop)

    visit(fn.body, False)
    return inside


def _reads(node: ast.AST, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node))


@dataclass(frozen=True)
class _Site:
    """An assignment to a name: its step when it is ``x = x + step`` (for widening)."""

    node: ast.AST
    in_loop: bool
    step: ast.expr | None
    sign: int
    self_ref: bool


def _sites(fn: ast.FunctionDef) -> dict[str, list[_Site]]:
    loops = _loop_nodes(fn)
    out: dict[str, list[_Site]] = {}
    for node in own_nodes(fn):
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            name = node.target.id
            step = None
            sign = 1
            if isinstance(node.op, ast.Add | ast.Sub) and not _reads(node.value, name):
                step, sign = node.value, (1 if isinstance(node.op, ast.Add) else -1)
            out.setdefault(name, []).append(_Site(node, id(node) in loops, step, sign, True))
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                for t in ast.walk(target):
                    if not (isinstance(t, ast.Name) and isinstance(t.ctx, ast.Store)):
                        continue
                    name = t.id
                    value = node.value
                    self_ref = _reads(value, name)
                    step, sign = None, 1
                    if (
                        target is t
                        and isinstance(value, ast.BinOp)
                        and isinstance(value.op, ast.Add | ast.Sub)
                    ):
                        left, right = value.left, value.right
                        if isinstance(left, ast.Name) and left.id == name and not _reads(right, name):
                            step, sign = right, (1 if isinstance(value.op, ast.Add) else -1)
                        elif (
                            isinstance(value.op, ast.Add)
                            and isinstance(right, ast.Name)
                            and right.id == name
                            and not _reads(left, name)
                        ):
                            step = left
                    out.setdefault(name, []).append(
                        _Site(node, id(node) in loops, step, sign, self_ref)
                    )
    return out


# -- the abstract interpreter ----------------------------------------------------------


@dataclass
class HelperResult:
    value: Value
    facts: Facts
    has_loop: bool


class Run:
    """One abstract interpretation of ``fn`` with ``params`` bound to abstract values."""

    def __init__(
        self,
        ctx: ModuleContext,
        fn: ast.FunctionDef,
        params: dict[str, Value],
        tier: int | None,
        memo: dict[tuple[object, ...], HelperResult],
        stack: tuple[str, ...],
        name: str,
        captured: dict[str, Value] | None = None,
    ) -> None:
        self.ctx = ctx
        self.fn = fn
        self.tier = tier
        self.memo = memo
        self.stack = stack
        self.name = name
        self.env: dict[str, Value] = dict(params)
        self.params = set(params)
        self.captured = dict(captured or {})
        self.locals = self._local_names()
        self.sites = _sites(fn)
        self.loops = _loop_nodes(fn)
        self.facts = Facts()
        self.changed = False
        self.grew: set[str] = set()
        #: Names whose interval was widened (by accumulation), and the bound.
        self.widened: dict[str, Interval] = {}
        self.site_values: dict[tuple[int, str], Value] = {}
        self.lifted = self._closures()
        self.result: Value | None = None

    # ---- setup
    def _local_names(self) -> set[str]:
        names = set(self.env)
        for node in own_nodes(self.fn):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            if isinstance(node, ast.FunctionDef):
                names.add(node.name)
        return names

    def _closures(self) -> dict[str, ast.FunctionDef]:
        """Nested defs and ``name = lambda ...`` that are only ever called: lifted."""
        found: dict[str, ast.FunctionDef] = {}
        for node in own_nodes(self.fn):
            if isinstance(node, ast.FunctionDef):
                found[node.name] = node
            elif (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Lambda)
            ):
                lam = node.value
                fdef = ast.FunctionDef(
                    name=node.targets[0].id,
                    args=lam.args,
                    body=[ast.Return(lam.body, lineno=lam.lineno, col_offset=lam.col_offset)],
                    decorator_list=[],
                    returns=None,
                    type_comment=None,
                    lineno=lam.lineno,
                    col_offset=lam.col_offset,
                )
                found[node.targets[0].id] = fdef
            elif isinstance(node, ast.Lambda):
                pass
        return found

    # ---- driver
    def run(self) -> Value:
        for round_no in range(_ROUNDS):
            self.changed = False
            self.grew = set()
            self.facts = Facts()
            self.block(body_of(self.fn))
            widened = False
            if round_no >= _WIDEN_AFTER and (self.changed or self.widened):
                widened = self.widen(force=round_no >= _ROUNDS - 3)
            if not self.changed and not widened:
                break
        else:
            raise Problem(Code.KERNEL_INT_RANGE, self.fn.lineno, "ranges did not settle")
        for name, value in self.env.items():
            if isinstance(value, Scalar) and value.mixed:
                self.facts.mixed_names.add(name)
        values = [v for _, v in self.facts.returns]
        if not _ends_in_return(body_of(self.fn)):
            values.append(NoneValue())
            self.facts.returns.append((None, NoneValue()))
        result: Value = values[0]
        for v in values[1:]:
            try:
                result = join(result, v)
            except Mixed as error:
                raise Problem(
                    Code.KERNEL_MIXED_TYPES,
                    self.fn.lineno,
                    f"returns {error} depending on the path (Numba returns one type)",
                ) from None
        self.result = result
        return result

    def widen(self, force: bool) -> bool:
        """Bound names that keep growing: ``x = base`` and ``x += step`` sites give
        ``base + TRIPS * step`` (each site in a loop runs at most TRIPS times); any other
        self-reference gives an unbounded interval. Returns whether a bound changed."""
        changed = False
        for name in sorted(self.grew | set(self.widened)):
            value = self.env.get(name)
            if not isinstance(value, Scalar) or value.rng is None:
                continue
            sites = self.sites.get(name, [])
            if not sites and not force:
                continue  # a loop variable or parameter: follows the names it is made from
            bound: Interval | None = None
            if not force and sites and all(s.step is not None or not s.self_ref for s in sites):
                base: Interval | None = None
                total = Interval.point(0)
                ok = True
                for site in sites:
                    seen = self.site_values.get((id(site.node), name))
                    if site.step is None:
                        if isinstance(seen, Scalar) and seen.rng is not None:
                            base = seen.rng if base is None else base.hull(seen.rng)
                        continue
                    step = self.facts.values.get(id(site.step))
                    if not (isinstance(step, Scalar) and step.rng is not None and step.rng.bounded):
                        ok = False
                        break
                    rng = step.rng if site.sign > 0 else _neg(step.rng)
                    times = TRIPS if site.in_loop else 1
                    total = _add(total, _scale(rng, times))
                if ok and base is not None:
                    bound = _add(base, total)
            bound = bound if bound is not None else TOP
            if self.widened.get(name) != bound:
                self.widened[name] = bound
                self.env[name] = replace(value, rng=bound)
                changed = True
        return changed

    # ---- binding
    def bind(self, name: str, value: Value | None, node: ast.AST) -> None:
        if value is None:
            return
        if name in self.widened and isinstance(value, Scalar) and value.rng is not None:
            value = replace(value, rng=self.widened[name])
        old = self.env.get(name)
        if old is None:
            new = value
        else:
            try:
                new = join(old, value)
            except Mixed as error:
                raise Problem(
                    Code.KERNEL_MIXED_TYPES,
                    getattr(node, "lineno", self.fn.lineno),
                    f"`{name}` is bound to {error} (Numba gives a name one type)",
                ) from None
        if new != old:
            self.env[name] = new
            self.changed = True
            if isinstance(new, Scalar) and isinstance(old, Scalar) and new.rng != old.rng:
                self.grew.add(name)

    def bind_target(self, target: ast.expr, value: Value | None, node: ast.AST) -> None:
        if value is None:
            return
        if isinstance(target, ast.Name):
            self.site_values[(id(node), target.id)] = value
            self.bind(target.id, value, node)
        elif isinstance(target, ast.Tuple | ast.List):
            items: tuple[Value, ...]
            if isinstance(value, Tuple):
                items = value.items
            elif isinstance(value, Shape):
                items = tuple(value.item for _ in target.elts)
            else:
                raise self.unsupported(node, f"unpacking {value.describe()}")
            if len(items) != len(target.elts) or any(
                isinstance(e, ast.Starred) for e in target.elts
            ):
                raise self.unsupported(node, "unpacking with a different length")
            for t, v in zip(target.elts, items, strict=True):
                self.bind_target(t, v, node)
        elif isinstance(target, ast.Subscript):
            self.store(target, value, node)
        else:
            raise self.unsupported(node, f"assignment to `{ast.unparse(target)}`")

    def store(self, target: ast.Subscript, value: Value, node: ast.AST) -> None:
        base = self.expr(target.value)
        if base is None:
            return
        if not isinstance(base, Array):
            raise self.unsupported(node, f"item assignment on {base.describe()}")
        slot = self.subscript_value(base, target, target.slice)
        if slot is None:
            return
        self.check_value_use(value, node)
        value_cls: str
        if isinstance(value, Scalar):
            value_cls = value.cls
        elif isinstance(value, Array):
            if isinstance(slot, Scalar):
                raise self.unsupported(node, "stores an array into one element")
            value_cls = value.cls
        else:
            raise self.unsupported(node, f"stores {value.describe()} into an array")
        allowed = {"f": "fib", "i": "ib", "b": "b"}[base.cls]
        if value_cls not in allowed:
            raise Problem(
                Code.KERNEL_INEXACT_OPERATION,
                node.lineno if isinstance(node, ast.stmt) else self.fn.lineno,
                f"stores a {_CLS[value_cls]} into a {_CLS[base.cls]} array "
                "(NumPy's conversion rules differ from Numba's)",
            )

    # ---- statements
    def block(self, stmts: list[ast.stmt]) -> None:
        for stmt in stmts:
            self.stmt(stmt)

    def stmt(self, s: ast.stmt) -> None:
        if isinstance(s, ast.Assign):
            if isinstance(s.value, ast.Lambda) and len(s.targets) == 1 and isinstance(
                s.targets[0], ast.Name
            ):
                return  # a lifted closure
            value = self.expr(s.value)
            for target in s.targets:
                self.bind_target(target, value, s)
        elif isinstance(s, ast.AugAssign):
            op = _BINOPS[type(s.op)]
            if isinstance(s.target, ast.Name):
                current = self.read(s.target.id, s.target)
                value = self.expr(s.value)
                if current is not None and value is not None:
                    result = self.binop(s, op, current, value, s.target, s.value)
                    self.bind(s.target.id, result, s)
            elif isinstance(s.target, ast.Subscript):
                current = self.expr(s.target)
                value = self.expr(s.value)
                if current is not None and value is not None:
                    result = self.binop(s, op, current, value, s.target, s.value)
                    self.store(s.target, result, s)
            else:
                raise self.unsupported(s, "augmented assignment to an attribute")
        elif isinstance(s, ast.AnnAssign):
            if s.value is not None:
                self.bind_target(s.target, self.expr(s.value), s)
        elif isinstance(s, ast.For):
            if s.orelse:
                raise self.unsupported(s, "`for ... else`")
            self.facts.has_loop = True
            it = self.expr(s.iter)
            if it is not None:
                item = self.iteration(it, s)
                self.bind_target(s.target, item, s)
            self.block(s.body)
        elif isinstance(s, ast.While):
            if s.orelse:
                raise self.unsupported(s, "`while ... else`")
            self.facts.has_loop = True
            self.truth(s.test)
            self.block(s.body)
        elif isinstance(s, ast.If):
            self.truth(s.test)
            self.block(s.body)
            self.block(s.orelse)
        elif isinstance(s, ast.Return):
            value = self.expr(s.value) if s.value is not None else NoneValue()
            if value is not None:
                self.check_value_use(value, s)
                self.facts.returns.append((s, value))
        elif isinstance(s, ast.Expr):
            if isinstance(s.value, ast.Constant) and isinstance(s.value.value, str):
                return
            if not isinstance(s.value, ast.Call):
                raise self.unsupported(s, "an expression statement that is not a call")
            self.expr(s.value)
        elif isinstance(s, ast.Pass | ast.Break | ast.Continue):
            return
        elif isinstance(s, ast.Assert):
            self.truth(s.test)
            if s.msg is not None and not (
                isinstance(s.msg, ast.Constant) and isinstance(s.msg.value, str)
            ):
                raise self.unsupported(s, "an assert message that is not a string literal")
        elif isinstance(s, ast.Raise):
            self.raise_(s)
        elif isinstance(s, ast.FunctionDef):
            if s.name not in self.lifted:
                raise self.unsupported(s, "a nested function")
        else:
            raise self.unsupported(s, f"`{type(s).__name__}` statement")

    def raise_(self, s: ast.Raise) -> None:
        exc = s.exc
        if s.cause is not None or exc is None:
            raise self.unsupported(s, "a bare `raise` or `raise ... from`")
        func = exc.func if isinstance(exc, ast.Call) else exc
        if not (isinstance(func, ast.Name) and func.id in EXCEPTIONS and func.id not in self.locals):
            raise self.unsupported(s, "raises something other than a builtin exception")
        if isinstance(exc, ast.Call):
            if exc.keywords or not all(
                isinstance(a, ast.Constant) and isinstance(a.value, str | int | float)
                for a in exc.args
            ):
                raise self.unsupported(s, "an exception with arguments that are not literals")

    def iteration(self, it: Value, node: ast.stmt) -> Value:
        if isinstance(it, Iter):
            return it.item
        if isinstance(it, Array):
            if it.rank is None:
                raise self.unsupported(node, "a loop over an array of unknown rank")
            return np_scalar(it.cls) if it.rank == 1 else Array(it.cls, it.rank - 1)
        raise self.unsupported(node, f"a loop over {it.describe()}")

    def truth(self, node: ast.expr) -> None:
        value = self.expr(node)
        if isinstance(value, Array):
            raise self.unsupported(node, "the truth value of an array")
        if value is not None:
            self.check_value_use(value, node)
            if not isinstance(value, Scalar):
                raise self.unsupported(node, f"the truth value of {value.describe()}")

    # ---- expressions
    def unsupported(self, node: ast.AST, what: str) -> Problem:
        line = getattr(node, "lineno", self.fn.lineno)
        return Problem(Code.KERNEL_UNSUPPORTED, line, f"line {line}: {what}")

    def check_value_use(self, value: Value, node: ast.AST) -> None:
        """An int of any size (``int(x)`` of a float) may only be an index."""
        if isinstance(value, Scalar) and value.unbounded_index:
            line = getattr(node, "lineno", self.fn.lineno)
            raise Problem(
                Code.KERNEL_INEXACT_OPERATION,
                line,
                f"line {line}: int()/math.floor() of a float is a Python int of any size "
                "(Numba: int64); astc accepts it only directly as an index",
            )
        if isinstance(value, Tuple):
            for item in value.items:
                self.check_value_use(item, node)

    def read(self, name: str, node: ast.AST) -> Value | None:
        if name in self.env:
            return self.env[name]
        if name in self.captured:
            return self.captured[name]
        if name in self.locals:
            return None  # bound later in the loop: the next round sees it
        if name in self.ctx.modules:
            return Module(self.ctx.modules[name])
        if name in self.ctx.imported:
            module, attr = self.ctx.imported[name]
            return self.attribute_of_module(module, attr, node)
        if name in self.ctx.constants:
            self.facts.guards.add(name)
            return _literal(self.ctx.constants[name])
        if name in self.ctx.functions or name in BUILTINS:
            return Function("helper" if name in self.ctx.functions else "builtins", name)
        line = getattr(node, "lineno", self.fn.lineno)
        if name in self.ctx.globals_:
            raise Problem(
                Code.KERNEL_GLOBAL,
                line,
                f"line {line}: reads module global `{name}` (Numba would freeze its value)",
            )
        raise Problem(Code.KERNEL_GLOBAL, line, f"line {line}: reads unknown name `{name}`")

    def expr(self, node: ast.expr | None) -> Value | None:
        if node is None:
            return NoneValue()
        value = self._expr(node)
        if value is not None:
            self.facts.values[id(node)] = value
            if isinstance(value, Array) and not isinstance(node, ast.Name):
                self.facts.array_work = True
        return value

    def _expr(self, node: ast.expr) -> Value | None:
        if isinstance(node, ast.Constant):
            v = node.value
            if isinstance(v, bool):
                return py_bool()
            if isinstance(v, int):
                return py_int(Interval.point(v))
            if isinstance(v, float):
                return py_float()
            if v is None:
                return NoneValue()
            raise self.unsupported(node, f"the constant {v!r}")
        if isinstance(node, ast.Name):
            return self.read(node.id, node)
        if isinstance(node, ast.Attribute):
            return self.attribute(node)
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.Subscript):
            base = self.expr(node.value)
            if base is None:
                return None
            return self.subscript_value(base, node, node.slice)
        if isinstance(node, ast.BinOp):
            left, right = self.expr(node.left), self.expr(node.right)
            if left is None or right is None:
                return None
            return self.binop(node, _BINOPS[type(node.op)], left, right, node.left, node.right)
        if isinstance(node, ast.UnaryOp):
            operand = self.expr(node.operand)
            if operand is None:
                return None
            return self.unary(node, operand)
        if isinstance(node, ast.Compare):
            return self.compare(node)
        if isinstance(node, ast.BoolOp):
            values = [self.expr(v) for v in node.values]
            if any(v is None for v in values):
                return None
            result: Value | None = None
            for v in values:
                assert v is not None
                if not (isinstance(v, Scalar) and v.cls == "b"):
                    raise self.unsupported(
                        node, "`and`/`or` of values that are not bools (returns an operand)"
                    )
                result = v if result is None else self.join_or_raise(result, v, node)
            return result
        if isinstance(node, ast.IfExp):
            self.truth(node.test)
            a, b = self.expr(node.body), self.expr(node.orelse)
            if a is None or b is None:
                return a or b
            return self.join_or_raise(a, b, node)
        if isinstance(node, ast.Tuple):
            items = [self.expr(e) for e in node.elts]
            if any(i is None for i in items):
                return None
            return Tuple(tuple(i for i in items if i is not None))
        if isinstance(node, ast.Lambda):
            raise self.unsupported(node, "a lambda that is not assigned to a name")
        if isinstance(node, ast.List | ast.ListComp | ast.Dict | ast.Set | ast.SetComp):
            raise self.unsupported(node, "a list, dict or set (Numba types its items itself)")
        raise self.unsupported(node, f"`{type(node).__name__}` expression")

    def join_or_raise(self, a: Value, b: Value, node: ast.AST) -> Value:
        try:
            return join(a, b)
        except Mixed as error:
            line = getattr(node, "lineno", self.fn.lineno)
            raise Problem(
                Code.KERNEL_MIXED_TYPES, line, f"line {line}: the result is {error}"
            ) from None

    # ---- attributes and library
    def attribute_of_module(self, module: str, attr: str, node: ast.AST) -> Value:
        table = NUMPY if module == "numpy" else MATH
        line = getattr(node, "lineno", self.fn.lineno)
        if module == "numpy" and attr in DTYPES and attr not in ("float", "int"):
            return Function("numpy", attr)
        fn = table.get(attr)
        if fn is None:
            raise Problem(
                Code.KERNEL_UNSUPPORTED,
                line,
                f"line {line}: `{module}.{attr}` is not on astc's list for kernels",
            )
        if fn.result is Result.CONSTANT:
            return py_float()
        return Function(module, attr)

    def attribute(self, node: ast.Attribute) -> Value | None:
        base = self.expr(node.value)
        if base is None:
            return None
        if isinstance(base, Module):
            return self.attribute_of_module(base.name, node.attr, node)
        if isinstance(base, Array):
            attr = node.attr
            if attr == "shape":
                if base.rank is None:
                    return Shape(self.size_value())
                return Tuple(tuple(self.size_value() for _ in range(base.rank)))
            if attr == "size":
                return self.size_value()
            if attr == "ndim":
                return py_int(Interval(0, 64))
            if attr == "T":
                return Array(base.cls, base.rank)
            if attr == "dtype":
                return DType(base.cls)
            if attr in ARRAY_METHODS or attr in ARRAY_SPECIAL_METHODS:
                return Function("method", attr, base)
            raise self.unsupported(node, f"the array attribute `.{attr}`")
        raise self.unsupported(node, f"attribute `.{node.attr}` of {base.describe()}")

    def size_value(self) -> Scalar:
        hi = INT64_MAX if self.tier is None else self.tier
        return py_int(Interval(0, hi))

    def call(self, node: ast.Call) -> Value | None:
        func = node.func
        if isinstance(func, ast.Name) and func.id in self.lifted:
            return self.call_closure(node, func.id)
        if isinstance(func, ast.Name) and func.id in self.locals:
            raise self.unsupported(node, f"calls the local `{func.id}`")
        callee = self.expr(func)
        if callee is None:
            return None
        if not isinstance(callee, Function):
            raise self.unsupported(node, f"calls {callee.describe()}")
        if any(isinstance(a, ast.Starred) for a in node.args) or any(
            k.arg is None for k in node.keywords
        ):
            raise self.unsupported(node, "*args/**kwargs in a call")
        if callee.namespace == "helper":
            return self.call_helper(node, callee.name)
        args = [self.expr(a) for a in node.args]
        keywords = {k.arg: k.value for k in node.keywords if k.arg is not None}
        if any(a is None for a in args):
            for k in keywords.values():
                self.expr(k)
            return None
        values = [a for a in args if a is not None]
        for v in values:
            self.check_value_use(v, node)
        if callee.namespace == "method":
            assert callee.bound is not None
            return self.method(node, callee.name, callee.bound, values, keywords)
        table = {"numpy": NUMPY, "math": MATH, "builtins": BUILTINS}[callee.namespace]
        if callee.namespace == "numpy" and callee.name in DTYPES:
            fn: Fn | None = NUMPY[callee.name] if callee.name in NUMPY else None
            return self.cast(node, f"numpy.{callee.name}", values)
        fn = table[callee.name]
        return self.library(node, callee.namespace, callee.name, fn, values, keywords)

    def library(
        self,
        node: ast.Call,
        namespace: str,
        name: str,
        fn: Fn,
        args: list[Value],
        keywords: dict[str, ast.expr],
    ) -> Value | None:
        line = node.lineno
        qual = f"{namespace}.{name}" if namespace != "builtins" else name
        if fn.exact is Exactness.INEXACT:
            raise Problem(Code.KERNEL_INEXACT_FUNCTION, line, f"line {line}: `{qual}`: {fn.why}")
        for key in keywords:
            if key not in fn.keywords:
                raise self.unsupported(node, f"keyword argument `{key}=` of `{qual}`")
        least, most = fn.arity
        if not least <= len(args) <= most:
            raise self.unsupported(node, f"`{qual}` with {len(args)} arguments")
        if fn.helper is not None:
            self.facts.helpers[id(node)] = fn.helper
        r = fn.result
        if r is Result.PY_FLOAT:
            self.need_scalars(node, qual, args)
            return py_float()
        if r is Result.PY_BOOL:
            self.need_scalars(node, qual, args)
            return py_bool()
        if r is Result.PY_INT_UNBOUNDED:
            self.need_scalars(node, qual, args)
            return Scalar(frozenset({PY}), "i", TOP, unbounded_index=True)
        if r is Result.UFUNC:
            return self.ufunc(node, qual, name, fn, args)
        if r in (Result.REDUCE, Result.REDUCE_INDEX, Result.REDUCE_BOOL, Result.ACCUMULATE):
            return self.reduction(node, qual, name, fn, args, keywords)
        if r is Result.CREATE:
            return self.create(node, qual, name, args, keywords)
        if r is Result.CREATE_LIKE:
            return self.create_like(node, qual, name, args, keywords)
        if r is Result.ARANGE:
            for a in args:
                if not (isinstance(a, Scalar) and a.cls == "i"):
                    raise Problem(
                        Code.KERNEL_INEXACT_FUNCTION,
                        line,
                        f"line {line}: `numpy.arange` of non-integers rounds differently in Numba",
                    )
            self.facts.array_work = True
            return Array("i", 1, True)
        if r is Result.COPY:
            a = args[0]
            if not isinstance(a, Array):
                raise self.unsupported(node, f"`{qual}` of {a.describe()}")
            return Array(a.cls, a.rank, True)
        if r is Result.WHERE:
            return self.where(node, args)
        if r is Result.CAST:
            return self.cast(node, qual, args)
        if r is Result.LEN:
            a = args[0]
            if isinstance(a, Array):
                return self.size_value()
            if isinstance(a, Tuple):
                return py_int(Interval.point(len(a.items)))
            raise self.unsupported(node, f"len() of {a.describe()}")
        if r is Result.RANGE:
            return self.range_(node, args)
        if r is Result.ABS:
            a = args[0]
            if isinstance(a, Array):
                if a.cls == "b":
                    raise self.unsupported(node, "abs() of a bool array")
                return Array(a.cls, a.rank, True)
            if not isinstance(a, Scalar) or a.cls == "b":
                raise self.unsupported(node, f"abs() of {a.describe()}")
            if a.rng is not None:
                m = a.rng.magnitude()
                lo = 0 if (a.rng.lo is not None and a.rng.hi is not None and a.rng.lo <= 0 <= a.rng.hi) else min(abs(a.rng.lo or 0), abs(a.rng.hi or 0))
                rng = TOP if m is None else Interval(lo, m)
                self.check_int(node, rng, "abs()")
                return replace(a, rng=rng)
            return a
        if r is Result.MINMAX:
            if len(args) < 2:
                raise self.unsupported(node, f"{name}() of one iterable")
            result: Value = args[0]
            for a in args:
                if not isinstance(a, Scalar):
                    raise self.unsupported(node, f"{name}() of {a.describe()}")
            for a in args[1:]:
                result = self.join_or_raise(result, a, node)
            assert isinstance(result, Scalar)
            rngs = [a.rng for a in args if isinstance(a, Scalar) and a.rng is not None]
            if result.rng is not None and rngs:
                if all(x.bounded for x in rngs):
                    los = [x.lo for x in rngs if x.lo is not None]
                    his = [x.hi for x in rngs if x.hi is not None]
                    if name == "min":
                        result = replace(result, rng=Interval(min(los), min(his)))
                    else:
                        result = replace(result, rng=Interval(max(los), max(his)))
            return result
        if r is Result.ENUMERATE:
            a = args[0]
            item = self.iteration(a, node) if not isinstance(a, Iter) else a.item  # type: ignore[arg-type]
            return Iter(Tuple((py_int(Interval(0, TRIPS)), item)))
        if r is Result.ZIP:
            items = []
            for a in args:
                items.append(a.item if isinstance(a, Iter) else self.iteration(a, node))  # type: ignore[arg-type]
            return Iter(Tuple(tuple(items)))
        raise self.unsupported(node, f"`{qual}`")

    def need_scalars(self, node: ast.AST, qual: str, args: list[Value]) -> None:
        """Library functions of numbers (an int argument converts to float, correctly
        rounded, in CPython and in Numba alike)."""
        for a in args:
            if not isinstance(a, Scalar):
                raise self.unsupported(node, f"`{qual}` of {a.describe()}")

    def ufunc(self, node: ast.Call, qual: str, name: str, fn: Fn, args: list[Value]) -> Value:
        import numpy as np

        line = node.lineno
        arrays = [a for a in args if isinstance(a, Array)]
        for a in args:
            if not isinstance(a, Scalar | Array):
                raise self.unsupported(node, f"`{qual}` of {a.describe()}")
            if a.cls not in fn.classes:  # type: ignore[union-attr]
                raise Problem(
                    Code.KERNEL_INEXACT_FUNCTION,
                    line,
                    f"line {line}: `{qual}` of {a.describe()} "
                    "(NumPy's result type differs from Numba's)",
                )
        if arrays and fn.exact is Exactness.REPLACED:
            raise Problem(
                Code.KERNEL_INEXACT_FUNCTION,
                line,
                f"line {line}: `{qual}` of arrays (NumPy's signed zeros differ from Numba's)",
            )
        samples = {"f": 2.5, "i": 3, "b": True}
        np_samples = {"f": np.array([2.5]), "i": np.array([3]), "b": np.array([True])}
        call_args = [np_samples[a.cls] for a in args]  # type: ignore[union-attr]
        try:
            out = getattr(np, name)(*call_args)
        except Exception:  # noqa: BLE001
            raise self.unsupported(node, f"`{qual}` with these arguments") from None
        kind = {np.dtype(np.float64): "f", np.dtype(np.int64): "i", np.dtype(np.bool_): "b"}
        cls = kind.get(out.dtype)
        del samples
        if cls is None:
            raise Problem(
                Code.KERNEL_INEXACT_FUNCTION, line, f"line {line}: `{qual}` leaves int64/float64"
            )
        if arrays:
            ranks = [a.rank for a in arrays]
            rank = None if None in ranks else max(r for r in ranks if r is not None)
            self.facts.array_work = True
            return Array(cls, rank, True)
        return np_scalar(cls)

    def reduction(
        self,
        node: ast.Call,
        qual: str,
        name: str,
        fn: Fn,
        args: list[Value],
        keywords: dict[str, ast.expr],
    ) -> Value:
        line = node.lineno
        if len(args) != 1 or not isinstance(args[0], Array):
            raise self.unsupported(node, f"`{qual}` of something other than one array")
        a = args[0]
        if a.cls not in fn.classes:
            raise Problem(
                Code.KERNEL_INEXACT_FUNCTION,
                line,
                f"line {line}: `{qual}` of {a.describe()} (for floats NumPy's SIMD reduction "
                "returns either zero of a 0.0/-0.0 tie)",
            )
        self.facts.array_work = True
        axis = keywords.get("axis")
        result_cls = {
            Result.REDUCE: ("f" if name == "mean" else ("i" if a.cls == "b" and name in ("sum", "prod") else a.cls)),
            Result.REDUCE_INDEX: "i",
            Result.REDUCE_BOOL: "b",
            Result.ACCUMULATE: "i" if a.cls == "b" else a.cls,
        }[fn.result]
        if fn.result is Result.ACCUMULATE:
            return Array(result_cls, 1, True)
        if axis is None or (isinstance(axis, ast.Constant) and axis.value is None):
            return np_scalar(result_cls)
        if not (isinstance(axis, ast.Constant) and type(axis.value) is int):
            raise self.unsupported(node, "an `axis=` that is not an int literal")
        if name not in ("sum", "mean") or a.rank != 2 or axis.value not in (0, 1, -1):
            raise self.unsupported(
                node, f"`{qual}(..., axis=...)` (astc's exact version: sum/mean of 2-D arrays)"
            )
        self.facts.helpers[id(node)] = f"{self.facts.helpers.get(id(node), '_astc_' + name)}_axis{axis.value % 2}"
        return Array(result_cls, 1, True)

    def dtype_arg(self, node: ast.AST, value: ast.expr | None) -> str | None:
        if value is None:
            return None
        if isinstance(value, ast.Name) and value.id in ("float", "int", "bool"):
            return {"float": "f", "int": "i", "bool": "b"}[value.id]
        v = self.expr(value)
        if isinstance(v, DType):
            return v.cls
        if isinstance(v, Function) and v.namespace == "numpy" and v.name in DTYPES:
            return DTYPES[v.name]
        raise self.unsupported(node, f"dtype `{ast.unparse(value)}` (astc: float64, int64, bool)")

    def shape_rank(self, node: ast.AST, shape: Value) -> int | None:
        if isinstance(shape, Scalar) and shape.cls == "i":
            return 1
        if isinstance(shape, Tuple) and all(
            isinstance(i, Scalar) and i.cls == "i" for i in shape.items
        ):
            return len(shape.items)
        if isinstance(shape, Shape):
            return None
        raise self.unsupported(node, f"an array shape given as {shape.describe()}")

    def create(
        self, node: ast.Call, qual: str, name: str, args: list[Value], keywords: dict[str, ast.expr]
    ) -> Value:
        if not args:
            raise self.unsupported(node, f"`{qual}` without a shape")
        rank = self.shape_rank(node, args[0])
        cls = "f"
        positional_dtype = node.args[2] if name == "full" and len(node.args) > 2 else (
            node.args[1] if name != "full" and len(node.args) > 1 else None
        )
        if name == "full":
            if len(args) < 2 or not isinstance(args[1], Scalar):
                raise self.unsupported(node, "`numpy.full` without a scalar fill value")
            cls = args[1].cls
        given = self.dtype_arg(node, keywords.get("dtype") or positional_dtype)
        if given is not None:
            cls = given
        self.facts.array_work = True
        return Array(cls, rank, True)

    def create_like(
        self, node: ast.Call, qual: str, name: str, args: list[Value], keywords: dict[str, ast.expr]
    ) -> Value:
        a = args[0]
        if not isinstance(a, Array):
            raise self.unsupported(node, f"`{qual}` of {a.describe()}")
        cls = a.cls
        if name == "full_like":
            if len(args) < 2 or not isinstance(args[1], Scalar):
                raise self.unsupported(node, "`numpy.full_like` without a scalar fill value")
        positional = node.args[2] if name == "full_like" and len(node.args) > 2 else (
            node.args[1] if name != "full_like" and len(node.args) > 1 else None
        )
        given = self.dtype_arg(node, keywords.get("dtype") or positional)
        if given is not None:
            cls = given
        self.facts.array_work = True
        return Array(cls, a.rank, True)

    def where(self, node: ast.Call, args: list[Value]) -> Value:
        cond, x, y = args
        if not isinstance(cond, Array):
            raise self.unsupported(node, "`numpy.where` with a scalar condition (0-d result)")
        for v in (x, y):
            if not isinstance(v, Scalar | Array):
                raise self.unsupported(node, f"`numpy.where` of {v.describe()}")
        assert isinstance(x, Scalar | Array) and isinstance(y, Scalar | Array)
        if x.cls != y.cls:
            raise Problem(
                Code.KERNEL_INEXACT_FUNCTION,
                node.lineno,
                f"line {node.lineno}: `numpy.where` of a {_CLS[x.cls]} and a {_CLS[y.cls]} "
                "(NumPy and Numba promote differently)",
            )
        ranks = [v.rank for v in (cond, x, y) if isinstance(v, Array)]
        rank = None if None in ranks else max(r for r in ranks if r is not None)
        self.facts.array_work = True
        return Array(x.cls, rank, True)

    def cast(self, node: ast.Call, qual: str, args: list[Value]) -> Value:
        if len(args) != 1 or not isinstance(args[0], Scalar):
            raise self.unsupported(node, f"`{qual}` of something other than one number")
        a = args[0]
        if qual in ("float", "numpy.float64"):
            self.need_scalars(node, qual, args)
            return py_float() if qual == "float" else np_scalar("f")
        if qual in ("bool", "numpy.bool_"):
            return py_bool() if qual == "bool" else np_scalar("b")
        if qual == "numpy.int64":
            if a.cls == "f":
                raise Problem(
                    Code.KERNEL_INEXACT_OPERATION,
                    node.lineno,
                    f"line {node.lineno}: numpy.int64() of a float (C's cast is undefined "
                    "out of range)",
                )
            return np_scalar("i")
        # int()
        if a.cls == "f":
            self.facts.helpers[id(node)] = "_astc_index_int"
            return Scalar(frozenset({PY}), "i", TOP, unbounded_index=True)
        if a.cls == "b":
            return py_int(BOOL_RANGE)
        rng = a.rng if a.py and a.rng is not None else Interval(INT64_MIN, INT64_MAX)
        if a.np and a.rng is not None:
            rng = rng.hull(Interval(INT64_MIN, INT64_MAX))
        return py_int(rng)

    def range_(self, node: ast.Call, args: list[Value]) -> Value:
        rngs: list[Interval] = []
        for a in args:
            if not (isinstance(a, Scalar) and a.cls == "i"):
                raise self.unsupported(node, f"range() of {a.describe()}")
            rngs.append(a.rng if a.py and a.rng is not None and not a.np else Interval(INT64_MIN, INT64_MAX))
        if len(rngs) == 1:
            lo, hi, step = Interval.point(0), rngs[0], Interval.point(1)
        elif len(rngs) == 2:
            lo, hi, step = rngs[0], rngs[1], Interval.point(1)
        else:
            lo, hi, step = rngs
        if step.lo is not None and step.lo > 0 and step.hi is not None:
            top = None if hi.hi is None else hi.hi - 1
            cap = None if lo.hi is None else lo.hi + TRIPS * step.hi
            upper = cap if top is None else (top if cap is None else min(top, cap))
            item = Interval(lo.lo, upper)
        elif step.hi is not None and step.hi < 0 and step.lo is not None:
            bottom = None if hi.lo is None else hi.lo + 1
            cap = None if lo.lo is None else lo.lo + TRIPS * step.lo
            lower = cap if bottom is None else (bottom if cap is None else max(bottom, cap))
            item = Interval(lower, lo.hi)
        else:
            item = lo.hull(hi)
        return Iter(py_int(item))

    def method(
        self,
        node: ast.Call,
        name: str,
        base: Value,
        args: list[Value],
        keywords: dict[str, ast.expr],
    ) -> Value | None:
        assert isinstance(base, Array)
        if name in ARRAY_METHODS:
            np_name = ARRAY_METHODS[name]
            fn = NUMPY[np_name]
            if args:
                raise self.unsupported(node, f"`.{name}()` with arguments")
            return self.library(node, "numpy", np_name, fn, [base], keywords)
        if keywords:
            raise self.unsupported(node, f"keyword arguments of `.{name}()`")
        if name == "fill":
            if len(args) != 1:
                raise self.unsupported(node, "`.fill()` without one value")
            self.store_check(node, base, args[0])
            return NoneValue()
        if name in ("ravel", "flatten"):
            if args:
                raise self.unsupported(node, f"`.{name}()` with an order")
            if name == "ravel":
                self.facts.helpers[id(node)] = "_astc_ravel"
            return Array(base.cls, 1, name == "flatten")
        if name == "transpose":
            if args:
                raise self.unsupported(node, "`.transpose()` with axes")
            return Array(base.cls, base.rank)
        if name == "reshape":
            if len(args) == 1:
                rank = self.shape_rank(node, args[0])
            else:
                for a in args:
                    if not (isinstance(a, Scalar) and a.cls == "i"):
                        raise self.unsupported(node, "`.reshape()` of something other than ints")
                rank = len(args)
            self.facts.helpers[id(node)] = "_astc_reshape"
            return Array(base.cls, rank)
        raise self.unsupported(node, f"the array method `.{name}()`")

    def store_check(self, node: ast.AST, base: Array, value: Value) -> None:
        if not isinstance(value, Scalar):
            raise self.unsupported(node, f"fills an array with {value.describe()}")
        allowed = {"f": "fib", "i": "ib", "b": "b"}[base.cls]
        if value.cls not in allowed:
            raise Problem(
                Code.KERNEL_INEXACT_OPERATION,
                getattr(node, "lineno", self.fn.lineno),
                f"stores a {_CLS[value.cls]} into a {_CLS[base.cls]} array",
            )

    # ---- helpers and closures
    def call_helper(self, node: ast.Call, name: str) -> Value | None:
        fdef = self.ctx.functions[name]
        self.facts.guards.add(name)
        return self.call_function(node, name, fdef, {}, ("helper", name))

    def call_closure(self, node: ast.Call, name: str) -> Value | None:
        fdef = self.lifted[name]
        captured: dict[str, Value] = {}
        inner_params = set(params_of(fdef))
        for n in own_nodes(fdef):
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id not in inner_params:
                if n.id in self.locals and n.id not in _locals_of(fdef):
                    if n.id in self.lifted:
                        raise self.unsupported(node, f"closure `{name}` uses closure `{n.id}`")
                    sites = self.sites.get(n.id, [])
                    if len(sites) > 1 or any(s.in_loop for s in sites):
                        raise self.unsupported(
                            node, f"closure `{name}` reads `{n.id}`, which is rebound"
                        )
                    value = self.env.get(n.id)
                    if value is None:
                        return None
                    captured[n.id] = value
        key = ("closure", self.name + "." + name)
        return self.call_function(node, name, fdef, captured, key)

    def call_function(
        self,
        node: ast.Call,
        name: str,
        fdef: ast.FunctionDef,
        captured: dict[str, Value],
        key_prefix: tuple[str, str],
    ) -> Value | None:
        line = node.lineno
        qual = key_prefix[1]
        if qual in self.stack:
            raise Problem(Code.KERNEL_CALLEE, line, f"line {line}: `{name}()` is recursive")
        problem = _callee_problem(fdef)
        if problem is not None:
            raise Problem(Code.KERNEL_CALLEE, line, f"line {line}: `{name}()` {problem}")
        params = params_of(fdef)
        bound: dict[str, Value] = {}
        args = [self.expr(a) for a in node.args]
        kwargs = {k.arg: self.expr(k.value) for k in node.keywords if k.arg is not None}
        if any(a is None for a in args) or any(v is None for v in kwargs.values()):
            return None
        positional = fdef.args.posonlyargs + fdef.args.args
        if len(args) > len(positional):
            raise self.unsupported(node, f"`{name}()` with too many arguments")
        for p, v in zip(positional, args, strict=False):
            assert v is not None
            bound[p.arg] = v
        for k, v in kwargs.items():
            if k not in params or k in bound:
                raise self.unsupported(node, f"`{name}()` with keyword `{k}`")
            assert v is not None
            bound[k] = v
        defaults = fdef.args.defaults
        for p, d in zip(positional[len(positional) - len(defaults) :], defaults, strict=True):
            if p.arg not in bound:
                bound[p.arg] = self.expr(d) or NoneValue()
        for p, d in zip(fdef.args.kwonlyargs, fdef.args.kw_defaults, strict=True):
            if p.arg not in bound and d is not None:
                bound[p.arg] = self.expr(d) or NoneValue()
        if set(bound) != set(params):
            raise self.unsupported(node, f"`{name}()` with missing arguments")
        for v in bound.values():
            self.check_value_use(v, node)
        context = tuple((p, bound[p]) for p in params) + tuple(sorted(captured.items()))
        key = (*key_prefix, context, self.tier)
        cached = self.memo.get(key)
        if cached is None:
            sub = Run(
                self.ctx,
                fdef,
                bound,
                self.tier,
                self.memo,
                (*self.stack, qual),
                qual,
                captured,
            )
            try:
                value = sub.run()
            except Problem as problem_:
                raise Problem(
                    problem_.code, line, f"in `{name}()` (called at line {line}): {problem_.message}"
                ) from None
            if any(
                isinstance(v, Scalar) and v.mixed for _, v in sub.facts.returns
            ) or (isinstance(value, Scalar) and value.mixed):
                raise Problem(
                    Code.KERNEL_MIXED_TYPES,
                    line,
                    f"line {line}: `{name}()` returns a Python or a NumPy scalar depending on "
                    "the path",
                )
            cached = HelperResult(value, sub.facts, sub.facts.has_loop)
            self.memo[key] = cached
        self.facts.calls[id(node)] = (qual, strength_key(context))
        self.facts.guards |= cached.facts.guards
        self.facts.has_loop = self.facts.has_loop or cached.has_loop
        self.facts.array_work = self.facts.array_work or cached.facts.array_work
        return cached.value

    # ---- subscripts
    def subscript_value(self, base: Value, node: ast.AST, index: ast.expr) -> Value | None:
        if isinstance(base, Tuple | Shape):
            iv = self.expr(index)
            if iv is None:
                return None
            if isinstance(base, Shape):
                return base.item
            if isinstance(index, ast.Constant) and type(index.value) is int:
                k = index.value
                if -len(base.items) <= k < len(base.items):
                    return base.items[k]
                raise self.unsupported(node, "a tuple index out of range")
            if isinstance(index, ast.UnaryOp) and isinstance(index.op, ast.USub) and isinstance(
                index.operand, ast.Constant
            ) and type(index.operand.value) is int:
                k = -index.operand.value
                if -len(base.items) <= k < len(base.items):
                    return base.items[k]
            result: Value = base.items[0]
            for item in base.items[1:]:
                result = self.join_or_raise(result, item, node)
            return result
        if not isinstance(base, Array):
            raise self.unsupported(node, f"subscript of {base.describe()}")
        parts = index.elts if isinstance(index, ast.Tuple) else [index]
        ints = 0
        slices = 0
        for part in parts:
            if isinstance(part, ast.Slice):
                slices += 1
                for bound in (part.lower, part.upper, part.step):
                    if bound is None:
                        continue
                    bv = self.expr(bound)
                    if bv is None:
                        return None
                    if not (isinstance(bv, Scalar) and bv.cls == "i") or bv.unbounded_index:
                        raise self.unsupported(node, "a slice bound that is not an int")
                continue
            pv = self.expr(part)
            if pv is None:
                return None
            if isinstance(pv, Array):
                raise self.unsupported(node, "indexing with an array (advanced indexing)")
            if not (isinstance(pv, Scalar) and pv.cls == "i"):
                raise self.unsupported(node, f"an index that is {pv.describe()}")
            ints += 1
        if base.rank is None:
            raise self.unsupported(node, "a subscript of an array of unknown rank")
        if ints + slices > base.rank:
            raise self.unsupported(node, f"{ints + slices} indices on a {base.rank}-D array")
        rank = base.rank - ints
        if rank == 0:
            return np_scalar(base.cls)
        return Array(base.cls, rank)

    # ---- operators
    def check_int(self, node: ast.AST, rng: Interval, what: str) -> None:
        if not rng.int64:
            line = getattr(node, "lineno", self.fn.lineno)
            text = ast.unparse(node).strip() if isinstance(node, ast.expr | ast.stmt) else what
            raise Problem(
                Code.KERNEL_INT_RANGE,
                line,
                f"line {line}: `{text}` may exceed int64 with Python ints (Numba's wrap)",
            )

    def binop(
        self,
        node: ast.AST,
        op: str,
        left: Value,
        right: Value,
        left_node: ast.expr,
        right_node: ast.expr,
    ) -> Value:
        line = getattr(node, "lineno", self.fn.lineno)
        self.check_value_use(left, node)
        self.check_value_use(right, node)
        if isinstance(left, Array) or isinstance(right, Array):
            return self.array_binop(node, op, left, right, right_node)
        if not (isinstance(left, Scalar) and isinstance(right, Scalar)):
            raise self.unsupported(
                node, f"`{op}` of {left.describe()} and {right.describe()}"
            )
        strengths: set[str] = set()
        classes: set[str] = set()
        for ls, rs in itertools.product(sorted(left.strength), sorted(right.strength)):
            got = promotion.cpython(op, (ls, left.cls), (rs, right.cls))
            if got is None:
                raise Problem(
                    Code.KERNEL_INEXACT_OPERATION,
                    line,
                    f"line {line}: `{op}` of {_describe(ls, left.cls)} and "
                    f"{_describe(rs, right.cls)} raises or leaves int64/float64 in NumPy",
                )
            nb = promotion.numba(op, left.cls, right.cls)
            if nb != got[1]:
                raise Problem(
                    Code.KERNEL_INEXACT_OPERATION,
                    line,
                    f"line {line}: `{op}` of {_describe(ls, left.cls)} and "
                    f"{_describe(rs, right.cls)}: NumPy gives a {_CLS[got[1]]}, Numba a "
                    f"{_CLS.get(nb or '', 'error')}",
                )
            strengths.add(got[0])
            classes.add(got[1])
        if len(classes) != 1:
            raise Problem(Code.KERNEL_MIXED_TYPES, line, f"line {line}: `{op}` gives mixed types")
        cls = classes.pop()
        strength = frozenset(strengths)
        py_py = left.py and right.py
        rng: Interval | None = None
        if op in ("/", "//", "%"):
            self.division(node, op, left, right, right_node)
        if op == "**":
            self.power(node, left, right, right_node, cls)
        if py_py and cls in "ib" and PY in strength:
            lr = left.rng if left.rng is not None else TOP
            rr = right.rng if right.rng is not None else TOP
            rng = _int_op(op, lr, rr)
            if rng is None:
                raise self.unsupported(node, f"`{op}` of Python ints")
            self.check_int(node, rng, op)
        if py_py and op == "/" and left.cls in "ib" and right.cls in "ib":
            for v in (left, right):
                if v.cls in "ib" and v.rng is not None and not v.rng.within(
                    -EXACT_FLOAT_INT, EXACT_FLOAT_INT
                ):
                    raise Problem(
                        Code.KERNEL_INT_RANGE,
                        line,
                        f"line {line}: `{op}` converts an int that may exceed 2**53 "
                        "(CPython's int/int division is exact)",
                    )
        return Scalar(strength, cls, rng if PY in strength and cls in "ib" else (
            BOOL_RANGE if PY in strength and cls == "b" else None
        ))

    def array_binop(
        self, node: ast.AST, op: str, left: Value, right: Value, right_node: ast.expr
    ) -> Value:
        line = getattr(node, "lineno", self.fn.lineno)

        def side(v: Value) -> tuple[str, str]:
            if isinstance(v, Array):
                return promotion.ARRAY, v.cls
            if isinstance(v, Scalar):
                return (PY if v.py else NP), v.cls
            raise self.unsupported(node, f"`{op}` of {v.describe()}")

        ls, rs = side(left), side(right)
        if op == "**":
            if isinstance(right_node, ast.Constant) and right_node.value == 2 and type(
                right_node.value
            ) is int:
                self.facts.powers[id(node)] = "square"
            else:
                raise Problem(
                    Code.KERNEL_INEXACT_FUNCTION,
                    line,
                    f"line {line}: `**` on arrays: NumPy's SIMD power differs from the C "
                    "library's (astc accepts `a ** 2`)",
                )
        if op in ("//", "%") and "f" in (ls[1], rs[1]):
            raise Problem(
                Code.KERNEL_INEXACT_OPERATION,
                line,
                f"line {line}: `{op}` on float arrays (NumPy's array floor division of "
                "inf and nan differs from its scalar one, which Numba follows)",
            )
        for v in (left, right):
            if isinstance(v, Scalar) and v.mixed:
                pass  # weak and strong scalars promote alike with 64-bit arrays
        cls = promotion.array_op(op, ls, rs)
        if cls is None:
            raise Problem(
                Code.KERNEL_INEXACT_OPERATION,
                line,
                f"line {line}: `{op}` of {left.describe()} and {right.describe()}",
            )
        ranks = [v.rank for v in (left, right) if isinstance(v, Array)]
        rank = None if None in ranks else max(r for r in ranks if r is not None)
        self.facts.array_work = True
        return Array(cls, rank, True)

    def division(
        self, node: ast.AST, op: str, left: Scalar, right: Scalar, right_node: ast.expr
    ) -> None:
        nonzero = False
        if isinstance(right_node, ast.Constant) and isinstance(right_node.value, int | float):
            nonzero = right_node.value != 0
        elif right.py and not right.np and right.cls == "i" and right.rng is not None:
            nonzero = right.rng.excludes_zero()
        if left.py and right.py and not (left.np or right.np):
            kind = "py"
        elif left.np and not left.py or right.np and not right.py:
            kind = "np"
        else:
            kind = "mixed"
        if nonzero and kind != "np":
            kind = "np"  # no zero division possible: either rule
        self.facts.divisions[id(node)] = kind

    def power(
        self, node: ast.AST, left: Scalar, right: Scalar, right_node: ast.expr, cls: str
    ) -> None:
        line = getattr(node, "lineno", self.fn.lineno)
        if cls in "ib":
            exponent = right.rng if right.py and not right.np else None
            if exponent is None or not exponent.nonnegative():
                raise Problem(
                    Code.KERNEL_INEXACT_OPERATION,
                    line,
                    f"line {line}: an int to a power that may be negative (CPython: a "
                    "float or an error; Numba: 0)",
                )
        integral = right.cls in "ib" or (
            isinstance(right_node, ast.Constant)
            and isinstance(right_node.value, float)
            and right_node.value.is_integer()
        )
        if left.py and right.py and not integral and left.cls == "f":
            raise Problem(
                Code.KERNEL_INEXACT_OPERATION,
                line,
                f"line {line}: a Python float to a non-integer power (CPython gives a complex "
                "number for a negative base, Numba nan)",
            )
        if left.py and right.py and not (left.np or right.np):
            kind = "py"
        elif (left.np and not left.py) or (right.np and not right.py):
            kind = "np"
        else:
            kind = "mixed"
        self.facts.powers[id(node)] = kind

    def unary(self, node: ast.UnaryOp, operand: Value) -> Value:
        self.check_value_use(operand, node)
        if isinstance(node.op, ast.Not):
            if isinstance(operand, Array):
                raise self.unsupported(node, "`not` of an array")
            return py_bool()
        op = {ast.USub: "-", ast.UAdd: "+", ast.Invert: "~"}[type(node.op)]
        if isinstance(operand, Array):
            if operand.cls == "b" and op != "~" or operand.cls == "f" and op == "~":
                raise self.unsupported(node, f"unary `{op}` of {operand.describe()}")
            self.facts.array_work = True
            return Array(operand.cls, operand.rank, True)
        if not isinstance(operand, Scalar):
            raise self.unsupported(node, f"unary `{op}` of {operand.describe()}")
        strengths: set[str] = set()
        classes: set[str] = set()
        for s in sorted(operand.strength):
            got = promotion.cpython_unary(op, (s, operand.cls))
            nb = promotion.numba_unary(op, operand.cls)
            if got is None or nb != got[1]:
                raise Problem(
                    Code.KERNEL_INEXACT_OPERATION,
                    node.lineno,
                    f"line {node.lineno}: unary `{op}` of {_describe(s, operand.cls)} differs "
                    "in Numba",
                )
            strengths.add(got[0])
            classes.add(got[1])
        cls = classes.pop()
        rng = None
        if operand.py and cls in "ib":
            base = operand.rng if operand.rng is not None else TOP
            rng = _neg(base) if op == "-" else (base if op == "+" else _invert(base))
            self.check_int(node, rng, op)
        return Scalar(frozenset(strengths), cls, rng)

    def compare(self, node: ast.Compare) -> Value | None:
        left = self.expr(node.left)
        result: Value | None = None
        for op_node, comp in zip(node.ops, node.comparators, strict=True):
            right = self.expr(comp)
            if left is None or right is None:
                left = right
                continue
            if type(op_node) not in _CMPOPS:
                raise self.unsupported(node, "`is`/`in` comparisons")
            self.check_value_use(left, node)
            self.check_value_use(right, node)
            op = _CMPOPS[type(op_node)]
            value: Value
            if isinstance(left, Array) or isinstance(right, Array):
                value = self.array_binop(node, op, left, right, comp)
            elif isinstance(left, Scalar) and isinstance(right, Scalar):
                for a, b in ((left, right), (right, left)):
                    if a.py and a.cls in "ib" and "f" == b.cls and a.rng is not None:
                        if not a.rng.within(-EXACT_FLOAT_INT, EXACT_FLOAT_INT):
                            raise Problem(
                                Code.KERNEL_INT_RANGE,
                                node.lineno,
                                f"line {node.lineno}: compares an int that may exceed 2**53 "
                                "with a float (CPython compares exactly, Numba converts)",
                            )
                strength = frozenset(
                    NP if (ls == NP or rs == NP) else PY
                    for ls in left.strength
                    for rs in right.strength
                )
                value = Scalar(strength, "b", BOOL_RANGE if PY in strength else None)
            else:
                raise self.unsupported(node, f"comparison of {left.describe()}")
            result = value if result is None else self.join_or_raise(result, value, node)
            left = right
        return result


_CLS = {"f": "float", "i": "int", "b": "bool"}


def _describe(strength: str, cls: str) -> str:
    return f"a {'Python' if strength == PY else 'NumPy'} {_CLS[cls]}"


def _strength(value: Value) -> object:
    if isinstance(value, Scalar):
        return tuple(sorted(value.strength))
    if isinstance(value, Tuple):
        return tuple(_strength(v) for v in value.items)
    return type(value).__name__


def strength_key(context: tuple[tuple[str, Value], ...]) -> tuple[object, ...]:
    """What decides a callee copy's lowering: the strength of each argument (Python or
    NumPy scalar), not its class (the runtime helpers adapt to classes when typed)."""
    return tuple((name, _strength(v)) for name, v in context)


def _literal(value: int | float | bool) -> Scalar:
    if isinstance(value, bool):
        return py_bool()
    if isinstance(value, int):
        return py_int(Interval.point(value))
    return py_float()


def _locals_of(fn: ast.FunctionDef) -> set[str]:
    names = set(params_of(fn))
    for n in own_nodes(fn):
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
            names.add(n.id)
    return names


def _ends_in_return(body: list[ast.stmt]) -> bool:
    if not body:
        return False
    last = body[-1]
    if isinstance(last, ast.Return | ast.Raise):
        return True
    if isinstance(last, ast.If):
        return _ends_in_return(last.body) and _ends_in_return(last.orelse)
    if isinstance(last, ast.While) and isinstance(last.test, ast.Constant) and last.test.value:
        return not any(isinstance(n, ast.Break) for n in ast.walk(last))
    return False


def _callee_problem(fdef: ast.FunctionDef) -> str | None:
    if fdef.decorator_list:
        return "is decorated"
    if fdef.args.vararg or fdef.args.kwarg:
        return "takes *args/**kwargs"
    for d in [*fdef.args.defaults, *(x for x in fdef.args.kw_defaults if x is not None)]:
        if not (isinstance(d, ast.Constant) and isinstance(d.value, int | float | bool)):
            return "has a default that is not a number"
    for n in own_nodes(fdef):
        if isinstance(n, ast.Yield | ast.YieldFrom | ast.Await):
            return "is a generator"
        if isinstance(n, ast.Global | ast.Nonlocal):
            return "declares global/nonlocal names"
        if isinstance(n, ast.ClassDef):
            return "defines a class"
    return None


def _int_op(op: str, a: Interval, b: Interval) -> Interval | None:
    from astc.backends import values as iv

    if op == "+":
        return iv.add(a, b)
    if op == "-":
        return iv.sub(a, b)
    if op == "*":
        return iv.mul(a, b)
    if op == "//":
        return iv.floordiv(a, b)
    if op == "%":
        return iv.mod(a, b)
    if op == "**":
        return iv.power(a, b)
    if op == "<<":
        return iv.lshift(a, b)
    if op == ">>":
        return iv.rshift(a, b)
    if op in ("&", "|", "^"):
        return iv.bitwise(a, b, op)
    return None


def _neg(a: Interval) -> Interval:
    from astc.backends.values import neg

    return neg(a)


def _invert(a: Interval) -> Interval:
    from astc.backends.values import invert

    return invert(a)


def _add(a: Interval, b: Interval) -> Interval:
    from astc.backends.values import add

    return add(a, b)


def _scale(a: Interval, times: int) -> Interval:
    from astc.backends.values import scale

    return scale(a, times)


# -- the driver ----------------------------------------------------------------------


@dataclass
class Plan:
    """An exact automatic kernel: what lowering and the dispatcher need."""

    name: str
    params: list[str]
    roles: dict[str, Role]
    #: Parameter assumptions (one option per parameter) for which the kernel is exact.
    allowed: list[tuple[str, ...]]
    #: Value bound checked on kernel entry (int parameters and array dimensions), or None.
    tier: int | None
    facts: Facts
    #: (helper or closure qualname, context) -> facts, for the copies compiled with it.
    callees: dict[tuple[str, tuple[object, ...]], HelperResult]
    #: "trust" (a loop: Numba wins) or "measure" (whole-array code: time both ways).
    policy: str
    result: Value
    #: Parameters whose shapes/values the entry check bounds.
    bounded_arrays: list[str] = field(default_factory=list)
    bounded_ints: list[str] = field(default_factory=list)
    lifted: dict[str, ast.FunctionDef] = field(default_factory=dict)


def _assumption_values(option: str, role: Role, tier: int | None) -> Value:
    cls = OPTION_CLASS[option]
    if option.startswith("A"):
        return Array(cls, role.rank)
    if cls == "i":
        rng = Interval(INT64_MIN, INT64_MAX) if tier is None else Interval(-tier, tier)
        return py_int(rng)
    if cls == "b":
        return py_bool()
    return py_float()


def _assumptions(param_roles: dict[str, Role], params: list[str]) -> list[tuple[str, ...]]:
    choices = [param_roles[p].options for p in params]
    total = 1
    for c in choices:
        total *= len(c)
    if total <= MAX_ASSUMPTIONS:
        return list(itertools.product(*choices))
    first = tuple(c[0] for c in choices)
    return [first]


def analyze(fn: ast.FunctionDef, ctx: ModuleContext) -> Plan | Problem:
    """The plan of an exact automatic kernel for ``fn``, or the first reason it is not."""
    params = params_of(fn)
    param_roles = roles(fn)
    assumptions = _assumptions(param_roles, params)
    first_problem: Problem | None = None
    for tier in TIERS:
        memo: dict[tuple[object, ...], HelperResult] = {}
        passed: list[tuple[tuple[str, ...], Run]] = []
        problems: list[Problem] = []
        for assumption in assumptions:
            values = {
                p: _assumption_values(o, param_roles[p], tier)
                for p, o in zip(params, assumption, strict=True)
            }
            run = Run(ctx, fn, values, tier, memo, (fn.name,), fn.name)
            try:
                run.run()
            except Problem as problem:
                problems.append(problem)
                continue
            passed.append((assumption, run))
        if first_problem is None and problems:
            first_problem = _most_specific(problems)
        if passed:
            return _plan(fn, params, param_roles, passed, tier, memo)
        if not any(p.code is Code.KERNEL_INT_RANGE for p in problems):
            break
    assert first_problem is not None
    return first_problem


#: Which refusal to report when every assumption fails: the most specific reason.
_PRIORITY = (
    Code.KERNEL_INT_RANGE,
    Code.KERNEL_INEXACT_OPERATION,
    Code.KERNEL_INEXACT_FUNCTION,
    Code.KERNEL_MIXED_TYPES,
    Code.KERNEL_GLOBAL,
    Code.KERNEL_CALLEE,
    Code.KERNEL_NO_WORK,
    Code.KERNEL_UNSUPPORTED,
)


def _most_specific(problems: list[Problem]) -> Problem:
    return min(problems, key=lambda p: _PRIORITY.index(p.code) if p.code in _PRIORITY else 99)


def _plan(
    fn: ast.FunctionDef,
    params: list[str],
    param_roles: dict[str, Role],
    passed: list[tuple[tuple[str, ...], Run]],
    tier: int | None,
    memo: dict[tuple[object, ...], HelperResult],
) -> Plan | Problem:
    facts = Facts()
    result: Value | None = None
    for _, run in passed:
        facts.merge(run.facts)
        facts.returns = run.facts.returns if not facts.returns else facts.returns
        facts.calls.update(run.facts.calls)
        result = run.result if result is None else result
    first = passed[0][1]
    facts.returns = first.facts.returns
    assert result is not None
    if facts.has_loop and not facts.array_work:
        policy = "trust"
    elif facts.array_work:
        policy = "measure"
        if not facts.has_loop and not any(
            all(o.startswith("A") for o in param_roles[p].options) for p in params
        ):
            return Problem(
                Code.KERNEL_NO_WORK,
                fn.lineno,
                "no loop, and every parameter may be a scalar: for scalars Numba's dispatch "
                "would cost more than it saves",
            )
    else:
        return Problem(
            Code.KERNEL_NO_WORK,
            fn.lineno,
            "no loop and no array work: Numba's dispatch would cost more than it saves",
        )
    bounded_arrays: list[str] = []
    bounded_ints: list[str] = []
    if tier is not None:
        for p in params:
            role = param_roles[p]
            if any(o.startswith("A") for o in role.options) and role.rank is not None:
                bounded_arrays.append(p)
            if any(o == "Si" for o in role.options):
                bounded_ints.append(p)
    callees: dict[tuple[str, tuple[object, ...]], HelperResult] = {}
    for key in sorted(memo, key=repr):
        entry = memo[key]
        qual, context = key[1], key[2]
        assert isinstance(qual, str) and isinstance(context, tuple)
        ckey = (qual, strength_key(context))
        if ckey in callees:
            callees[ckey].facts.merge(entry.facts)
        else:
            merged = Facts()
            merged.merge(entry.facts)
            merged.returns = entry.facts.returns
            callees[ckey] = HelperResult(entry.value, merged, entry.has_loop)
    return Plan(
        fn.name,
        params,
        param_roles,
        [a for a, _ in passed],
        tier,
        facts,
        callees,
        policy,
        result,
        bounded_arrays,
        bounded_ints,
        first.lifted,
    )
