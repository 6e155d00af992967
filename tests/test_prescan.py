"""Unit tests of the pre-scan (:mod:`astc.analysis.prescan`).

The scan visits each node once, by per-type field tuples, sharing one environment per
body; these tests check it against a plain reference walk (every child of every node,
``ast.iter_child_nodes``, the enclosing function tracked by hand): the same nodes seen,
each with the same function, class flag and ``followed`` flag, and the same ``Hot``.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Iterator

import astc.analysis.scopes
import astc.pipeline
from astc.analysis.module import module_facts
from astc.analysis.prescan import Scan, scan
from astc.analysis.scopes import analyze, child_qualname

_Seen = tuple[int, str, str | None, bool, bool]  # node id, type, function, in class, followed

_SOURCE = textwrap.dedent(
    '''
    import os
    X = 1 + 2
    @deco(X * 2)
    def f(a=-1, *, b=[1, 2], **k: int) -> "r":
        """doc"""
        y = a if b else k
        def g(c=lambda q=3: q + y):
            return [z * 2 for z in range(c) if z < 3 < 4]
        return g
    class C(Base, metaclass=M):
        attr = X
        def m(self, d={1: 2}):
            while d:
                break
            else:
                raise ValueError(f"{d!r:>{X}}")
        lam = lambda: (yield)
    async def h():
        async with a as b:
            await b[1:2, ...]
        match X:
            case {"k": [1, *rest]} if rest:
                pass
            case _:
                del X
    '''
)


_LEAVES = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)
_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _reference(tree: ast.Module) -> Iterator[_Seen]:
    """Every node but leaves below the module's statements, with where it stands, by the
    generic walk (a def's body in the def, the rest of it where the def is)."""
    # (node, innermost function's qualname, parent's kind and qualname, followed)
    stack: list[tuple[ast.AST, str | None, str, str, bool]] = []
    body = tree.body
    stack += [(s, None, "module", "", i < len(body) - 1) for i, s in enumerate(body)]
    while stack:
        node, function, kind, parent, followed = stack.pop()
        if isinstance(node, _LEAVES):
            continue
        yield id(node), type(node).__name__, function, kind == "class", followed
        outer = inner = (function, kind, parent)
        body_ids: set[int] = set()
        if isinstance(node, _DEFS):
            qualname = child_qualname(kind, parent, node.name)
            function_kind = "class" if isinstance(node, ast.ClassDef) else "function"
            inner = (None if function_kind == "class" else qualname, function_kind, qualname)
            body_ids = {id(s) for s in node.body}
        elif isinstance(node, ast.Lambda):
            inner = (function, "lambda", parent)
        for _, value in ast.iter_fields(node):
            children = value if isinstance(value, list) else [value]
            for i, child in enumerate(children):
                if isinstance(child, ast.AST):
                    in_def = isinstance(node, _DEFS) and id(child) not in body_ids
                    where = outer if in_def else inner
                    last = isinstance(child, ast.stmt) and i < len(children) - 1
                    stack.append((child, *where, last))


def _scanned(tree: ast.Module) -> list[_Seen]:
    """What the scan shows a trigger that fires on every node type."""
    seen: list[_Seen] = []
    names = {id(s.node): s.qualname for s in analyze(tree).walk()}

    def record(node: ast.AST, at: Scan) -> bool:
        function = names[id(at.function)] if at.function is not None else None
        seen.append((id(node), type(node).__name__, function, at.in_class, at.followed))
        return False

    node_types = {type(n) for n in ast.walk(tree) if not isinstance(n, _LEAVES)} - {ast.Module}
    at = Scan(module_facts(tree, 1000), False, lambda _: False, {})
    scan(tree.body, {"all": dict.fromkeys(node_types, record)}, at)
    return seen


def _check(source: str) -> None:
    tree = ast.parse(source)
    assert sorted(_scanned(tree)) == sorted(_reference(tree))


def test_scan_sees_every_node_where_the_reference_walk_does() -> None:
    _check(_SOURCE)


def test_scan_agrees_with_the_reference_walk_on_real_modules() -> None:
    for module in (astc.pipeline, astc.analysis.scopes):
        _check(inspect.getsource(module))


def test_defaults_and_decorators_stand_where_the_def_is_its_body_in_the_function() -> None:
    tree = ast.parse(_SOURCE)
    seen = {(kind, function) for _, kind, function, _, _ in _scanned(tree)}
    assert ("Lambda", "f") in seen  # g's default: evaluated in f
    assert ("BinOp", None) in seen  # the decorator's argument: at module level
    assert ("ListComp", "f.<locals>.g") in seen
    assert ("Dict", None) in seen  # m's default: in the class body, no function
    assert ("While", "C.m") in seen


def test_class_body_nodes_are_in_class_but_not_in_its_methods() -> None:
    in_class = {(k, f) for _, k, f, c, _ in _scanned(ast.parse(_SOURCE)) if c}
    assert ("FunctionDef", None) in in_class  # `def m` itself stands in the class body
    assert ("Lambda", None) in in_class
    assert ("Yield", None) not in in_class  # in the lambda, not the class body
    assert not any(f == "C.m" for _, f in in_class)  # m's body is in m, not the class


def test_scope_follows_the_function_across_consecutive_nodes() -> None:
    """The scope lookup remembered for one function is never given for another."""
    tree = ast.parse("def a():\n    x = 1\ndef b():\n    y = 2\ndef a2():\n    z = 3\n")
    scopes = {id(s.node): s for s in analyze(tree).walk()}
    got: list[tuple[str, str]] = []

    def record(node: ast.AST, at: Scan) -> bool:
        assert isinstance(node, ast.Name) and at.scope is not None
        got.append((node.id, at.scope.qualname))
        return at.scope.qualname == "b"

    at = Scan(module_facts(tree, 1000), False, lambda _: False, scopes)
    hot = scan(tree.body, {"p": {ast.Name: record}}, at)
    assert sorted(got) == [("x", "a"), ("y", "b"), ("z", "a2")]
    assert hot["p"].functions == {"b"} and not hot["p"].module
