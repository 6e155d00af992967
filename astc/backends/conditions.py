"""Bounds a ``while`` condition puts on Python ints inside the loop's body.

In ``while d * d <= k:`` the body runs only after ``d * d <= k`` held (CPython compares
Python ints exactly), so until the body rebinds ``d`` its value satisfies ``|d| <=
isqrt(max k)``. The interpreter reads such a name through the bound (intersected with
its flow-insensitive value) wherever that holds, which lets it prove that ``d`` (and
``d + 1``, the value it is rebound to) stays far inside int64.

Contract of :func:`condition_bounds`: for each name it returns, every execution of the
body starts with the name's value inside the interval. Only conjuncts of ``and`` count
(``or``: either part may be false); only comparisons of a name, or of its square
(``x * x``, ``x ** 2``), with an int whose interval the caller knows.

Contract of :func:`drops_before` / :func:`stored_names`: a bound holds for a statement's
reads only if nothing in the loop body rebound the name before them. The interpreter
drops a name's bound before a statement that may rebind it before reading it (any
compound statement that binds it: its second iteration, or its later statements, read
the new value) and after a simple statement that binds it (``d += 1`` reads ``d``
first, so that read keeps the bound).
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable

from astc.backends.syntax import binders
from astc.backends.values import INT64, PY, Interval, Scalar, Value

#: Statements whose reads all happen before their one binding of a name, when that name
#: is not also read in their targets (``d = a[d] = 0`` reads the new ``d``).
_SIMPLE = (ast.Assign, ast.AugAssign, ast.AnnAssign)
_NO_BINDING = (
    ast.Expr,
    ast.Return,
    ast.Pass,
    ast.Break,
    ast.Continue,
    ast.Assert,
    ast.Raise,
)
_FLIP = {ast.Lt: ast.Gt, ast.LtE: ast.GtE, ast.Gt: ast.Lt, ast.GtE: ast.LtE, ast.Eq: ast.Eq}


def condition_bounds(
    test: ast.expr, value_of: Callable[[ast.expr], Value | None]
) -> dict[str, Interval]:
    """Name -> interval its value lies in whenever ``test`` is true (see the module doc).

    ``value_of(node)`` is the abstract value the interpreter computed for an operand of
    ``test`` when it evaluated it for this loop (None: not known yet).
    """
    bounds: dict[str, Interval] = {}
    for part in _conjuncts(test):
        if not isinstance(part, ast.Compare):
            continue
        operands = [part.left, *part.comparators]
        for op, left, right in zip(part.ops, operands, operands[1:], strict=False):
            pairs = ((left, type(op), right), (right, _FLIP.get(type(op)), left))
            for subject, kind, other in pairs:
                if kind is None:
                    continue
                found = _bound(subject, kind, _int_range(value_of(other)))
                if found is None:
                    continue
                name, rng = found
                met = bounds.get(name, rng).meet(rng)
                if met is not None:  # empty: the body never runs; keep the first bound
                    bounds[name] = met
    return bounds


def _conjuncts(test: ast.expr) -> list[ast.expr]:
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return [c for v in test.values for c in _conjuncts(v)]
    return [test]


def _int_range(value: Value | None) -> Interval | None:
    """The values an int (or bool) operand may have: its interval for a Python int, int64
    for a NumPy one (NumPy 2 compares Python ints with them exactly)."""
    if not isinstance(value, Scalar) or value.cls not in ("i", "b"):
        return None
    if value.strength == frozenset({PY}):
        return value.rng
    if value.rng is None:
        return INT64 if value.cls == "i" else Interval(0, 1)
    return value.rng.hull(INT64)


def _squared(node: ast.expr) -> str | None:
    """``x`` for ``x * x`` and ``x ** 2``."""
    if not isinstance(node, ast.BinOp):
        return None
    left, right = node.left, node.right
    if isinstance(node.op, ast.Mult):
        if isinstance(left, ast.Name) and isinstance(right, ast.Name) and left.id == right.id:
            return left.id
    if isinstance(node.op, ast.Pow) and isinstance(left, ast.Name):
        if isinstance(right, ast.Constant) and type(right.value) is int and right.value == 2:
            return left.id
    return None


def _bound(
    subject: ast.expr, op: type[ast.cmpop], other: Interval | None
) -> tuple[str, Interval] | None:
    """What ``subject <op> other`` being true says about a name in ``subject``."""
    if other is None:
        return None
    if isinstance(subject, ast.Name):
        if op is ast.Lt and other.hi is not None:
            return subject.id, Interval(None, other.hi - 1)
        if op is ast.LtE and other.hi is not None:
            return subject.id, Interval(None, other.hi)
        if op is ast.Gt and other.lo is not None:
            return subject.id, Interval(other.lo + 1, None)
        if op is ast.GtE and other.lo is not None:
            return subject.id, Interval(other.lo, None)
        if op is ast.Eq:
            return subject.id, other
        return None
    name = _squared(subject)
    if name is None or other.hi is None or op not in (ast.Lt, ast.LtE, ast.Eq):
        return None
    top = other.hi - 1 if op is ast.Lt else other.hi
    root = math.isqrt(max(top, 0))
    return name, Interval(-root, root)


def stored_names(node: ast.AST) -> set[str]:
    """Every name ``node`` may bind (or delete), nested statements and functions included."""
    return {name for _, name in binders(node)}


def drops_before(stmt: ast.stmt, bounded: set[str]) -> set[str]:
    """The bounded names whose bound does not hold for ``stmt``'s reads (see the module
    doc); the interpreter drops the rest of :func:`stored_names` after the statement."""
    stored = stored_names(stmt) & bounded
    if not stored or isinstance(stmt, _NO_BINDING):
        return stored
    if not isinstance(stmt, _SIMPLE) or any(isinstance(n, ast.NamedExpr) for n in ast.walk(stmt)):
        return stored
    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
    read_in_targets = {
        n.id
        for t in targets
        for n in ast.walk(t)
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
    }
    return stored & read_in_targets
