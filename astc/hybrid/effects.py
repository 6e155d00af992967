"""Whether generated code may update, in place, an object it did not create.

The dispatcher (:mod:`astc.hybrid._runtime`) runs the NumPy code and the kernel on the same
arguments only when neither can change them: otherwise an update would happen twice. This
is a conservative check on the ``ast``: ``True`` means "may", never a proof that it does.

*External* objects are the function's arguments and parameters and the modules and globals
it reads, and every name that may refer to (a view of) one: ``y = x``, ``y = x[1:]``,
``y = x.reshape(...)``, ``for row in x``. Values that are always new — operators, ufunc
calls, allocations (``np.zeros``, ``.copy()``), constants — are not external. The code may
mutate when it assigns into an item or attribute of an external value, updates an external
name in place (``x += 1``), passes ``out=``, calls a mutating method on an external value
(``x.sort()``, ``x.fill(0)``), or calls ``np.copyto``/``np.put``/... with one.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable

import numpy as np

#: Calls whose result is always a new object, whatever their arguments.
_FRESH_FUNCTIONS = frozenset(
    {"array", "copy", "zeros", "ones", "empty", "full", "zeros_like", "ones_like"}
    | {"empty_like", "full_like", "arange", "linspace", "dot", "matmul", "concatenate"}
    | {"stack", "hstack", "vstack", "where", "sum", "mean", "max", "min", "amax", "amin"}
    | {"var", "std", "prod", "clip", "outer", "einsum", "float32", "float64", "len"}
    | {name for name in dir(np) if isinstance(getattr(np, name), np.ufunc)}
)
_FRESH_METHODS = frozenset({"copy", "sum", "mean", "max", "min", "var", "std", "prod", "dot"})
_MUTATING_METHODS = frozenset(
    {"sort", "fill", "put", "itemset", "resize", "setfield", "partition", "byteswap"}
    | {"setflags", "append", "extend", "insert", "pop", "remove", "clear", "update"}
    | {"add", "discard", "setdefault", "popitem", "__setitem__", "__delitem__"}
)
_MUTATING_FUNCTIONS = frozenset({"copyto", "put", "place", "putmask", "fill_diagonal"})


def may_mutate(body: Iterable[ast.stmt], external: set[str]) -> bool:
    """Whether ``body`` may update an object reachable from the names in ``external``."""
    statements = list(body)
    names = _external_closure(statements, set(external))
    return any(_mutates(node, names) for stmt in statements for node in ast.walk(stmt))


def module_may_mutate(module: ast.Module) -> bool:
    """Whether any function of ``module`` may update its arguments or the globals it reads."""
    for node in ast.walk(module):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            params = {a.arg for a in ast.walk(node.args) if isinstance(a, ast.arg)}
            stored = {
                n.id
                for n in ast.walk(node)
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store | ast.Del)
            }
            read = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
            body = node.body if isinstance(node.body, list) else [ast.Expr(node.body)]
            if may_mutate(body, params | (read - stored)):
                return True
    return False


def _external_closure(statements: list[ast.stmt], external: set[str]) -> set[str]:
    """``external`` and every name bound to something that may alias one (to a fixpoint)."""
    while True:
        before = len(external)
        for stmt in statements:
            for node in ast.walk(stmt):
                for target, value in _bindings(node):
                    if _aliases(value, external):
                        external.update(_target_names(target))
        if len(external) == before:
            return external


def _bindings(node: ast.AST) -> list[tuple[ast.expr, ast.expr]]:
    if isinstance(node, ast.Assign):
        return [(t, node.value) for t in node.targets]
    if isinstance(node, ast.AnnAssign | ast.NamedExpr) and node.value is not None:
        return [(node.target, node.value)]
    if isinstance(node, ast.For | ast.comprehension):
        return [(node.target, node.iter)]
    if isinstance(node, ast.withitem) and node.optional_vars is not None:
        return [(node.optional_vars, node.context_expr)]
    return []  # ``a += b`` leaves an array ``a`` what it was (a list would hold b's items)


def _target_names(target: ast.expr) -> list[str]:
    return [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]


def _aliases(value: ast.expr | None, external: set[str]) -> bool:
    """Whether ``value`` may be (a view of, a container holding) an external object."""
    if value is None or isinstance(value, ast.Constant):
        return False
    if isinstance(value, ast.Name):
        return value.id in external
    if isinstance(value, ast.BinOp | ast.UnaryOp | ast.Compare):
        return False  # a new object (or a scalar)
    if isinstance(value, ast.Call):
        func = value.func
        name = func.attr if isinstance(func, ast.Attribute) else _name(func)
        if isinstance(func, ast.Attribute) and name in _FRESH_METHODS:
            return False
        if name in _FRESH_FUNCTIONS and not any(k.arg == "out" for k in value.keywords):
            return False
    return any(
        isinstance(n, ast.Name) and n.id in external for n in ast.walk(value) if n is not value
    )


def _mutates(node: ast.AST, external: set[str]) -> bool:
    if isinstance(node, ast.AugAssign):
        updated = node.target
        return _aliases(updated if isinstance(updated, ast.Name) else _base(updated), external)
    targets: list[ast.expr] = []
    if isinstance(node, ast.Assign | ast.Delete):
        targets = node.targets
    elif isinstance(node, ast.AnnAssign):
        targets = [node.target]
    for target in targets:
        for sub in ast.walk(target):
            if isinstance(sub, ast.Subscript | ast.Attribute) and isinstance(
                sub.ctx, ast.Store | ast.Del
            ):
                if _aliases(_base(sub), external):
                    return True
    if isinstance(node, ast.Call):
        if any(k.arg == "out" for k in node.keywords):
            return True
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in _MUTATING_METHODS:
            return _aliases(func.value, external)
        name = func.attr if isinstance(func, ast.Attribute) else _name(func)
        if name in _MUTATING_FUNCTIONS:
            return any(_aliases(a, external) for a in node.args)
    return False


def _base(node: ast.expr) -> ast.expr:
    while isinstance(node, ast.Subscript | ast.Attribute | ast.Starred):
        node = node.value
    return node


def _name(node: ast.expr) -> str | None:
    return node.id if isinstance(node, ast.Name) else None
