"""Definite assignment: a local name read where it may not be bound yet.

CPython raises ``UnboundLocalError`` there (``for i in range(n): ...`` then ``return i``
with ``n == 0``); a Numba kernel reads whatever the register holds, and an inlined callee
reads what its fresh local held from the previous call (the kernels' analysis and the
inliner both refuse such functions). The check is
conservative: a loop body may run zero times, so names it binds are not bound after it
(nor, at the top of the body, on a later iteration's behalf); both branches of an ``if``
must bind a name for it to be bound after; a branch that ends in ``return``/``raise``/
``break``/``continue`` does not fall through. Nested functions' bodies are not searched
(their reads happen when they are called).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator


def params_of(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    a = fn.args
    names = [p.arg for p in [*a.posonlyargs, *a.args, *a.kwonlyargs]]
    return names + [p.arg for p in (a.vararg, a.kwarg) if p is not None]


def body_of(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.stmt]:
    """The body without its docstring."""
    body = fn.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        if isinstance(body[0].value.value, str):
            return body[1:]
    return body


def locals_of(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """Names the function binds in its own scope (parameters included)."""
    names = set(params_of(fn))
    stack: list[ast.AST] = list(fn.body)
    while stack:
        n = stack.pop()
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store | ast.Del):
            names.add(n.id)
        elif isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(n.name)
            stack.extend([*n.decorator_list])  # the body is another scope
            continue
        elif isinstance(n, ast.Lambda):
            continue
        stack.extend(ast.iter_child_nodes(n))
    return names

_Bound = frozenset[str]


def _targets(node: ast.expr) -> Iterator[str]:
    if isinstance(node, ast.Name):
        yield node.id
    elif isinstance(node, ast.Tuple | ast.List):
        for e in node.elts:
            yield from _targets(e.value if isinstance(e, ast.Starred) else e)


def _loads(node: ast.AST) -> Iterator[ast.Name]:
    """Names read by ``node``, in source order, not inside nested functions or lambdas."""
    if isinstance(node, ast.Name):
        if isinstance(node.ctx, ast.Load):
            yield node
        return
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
        return
    for child in ast.iter_child_nodes(node):
        yield from _loads(child)


class _Search:
    def __init__(self, local: set[str]) -> None:
        self.local = local

    def reads(self, bound: _Bound, *nodes: ast.AST | None) -> None:
        for node in nodes:
            if node is None:
                continue
            for name in _loads(node):
                if name.id in self.local and name.id not in bound:
                    raise _Found(name)

    def block(self, stmts: list[ast.stmt], bound: _Bound) -> _Bound | None:
        """What is bound after ``stmts`` (None: they never fall through)."""
        current: _Bound | None = bound
        for stmt in stmts:
            assert current is not None
            current = self.stmt(stmt, current)
            if current is None:
                return None
        return current

    def stmt(self, s: ast.stmt, bound: _Bound) -> _Bound | None:
        if isinstance(s, ast.Assign):
            self.reads(bound, s.value, *[t for t in s.targets if not isinstance(t, ast.Name)])
            return bound | {n for t in s.targets for n in _targets(t)}
        if isinstance(s, ast.AnnAssign):
            if s.value is None:
                return bound
            self.reads(bound, s.value, None if isinstance(s.target, ast.Name) else s.target)
            return bound | set(_targets(s.target))
        if isinstance(s, ast.AugAssign):
            target: ast.AST = s.target
            if isinstance(s.target, ast.Name):  # `x += 1` reads x
                target = ast.Name(s.target.id, ast.Load())
            self.reads(bound, target, s.value)
            return bound | set(_targets(s.target))
        if isinstance(s, ast.For | ast.AsyncFor):
            self.reads(bound, s.iter)
            self.block(s.body, bound | set(_targets(s.target)))
            self.block(s.orelse, bound)
            return bound  # the body may not run
        if isinstance(s, ast.While):
            self.reads(bound, s.test)
            self.block(s.body, bound)
            self.block(s.orelse, bound)
            return bound
        if isinstance(s, ast.If):
            self.reads(bound, s.test)
            after = [self.block(s.body, bound), self.block(s.orelse, bound)]
            falls = [a for a in after if a is not None]
            if not falls:
                return None
            return frozenset.intersection(*falls)
        if isinstance(s, ast.Return | ast.Raise):
            self.reads(bound, s)
            return None
        if isinstance(s, ast.Break | ast.Continue):
            return None
        if isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            self.reads(bound, *s.decorator_list)
            return bound | {s.name}
        self.reads(bound, s)
        return bound


class _Found(Exception):
    def __init__(self, name: ast.Name) -> None:
        self.name = name


def maybe_unbound(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> ast.Name | None:
    """The first read of a local name of ``fn`` that may happen before it is bound."""
    search = _Search(locals_of(fn) - set(params_of(fn)))
    try:
        search.block(body_of(fn), frozenset(params_of(fn)))
    except _Found as found:
        return found.name
    return None
