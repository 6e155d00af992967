"""Tests of the fast walks (:mod:`astc.analysis.walk`) and of the walks built on its field
tables (:func:`astc.analysis.functions.own_calls`): each gives what the generic walk
(``ast.walk``, ``ast.iter_child_nodes``) gives, on real modules and on sources using every
construct."""

from __future__ import annotations

import ast
import inspect
import textwrap

import pytest

import astc.pipeline
from astc.analysis.functions import own_calls
from astc.analysis.walk import CHILD_FIELDS, breadth_first, statements_in_order
from tests.test_prescan import _SOURCE

# -- the walk's field tables -----------------------------------------------------------------


def test_child_fields_leave_out_only_fields_without_child_nodes() -> None:
    """A field left out of :data:`CHILD_FIELDS` holds no node but leaves (``Load``,
    ``+``, ``<``), on every node of real modules and of a source using every construct."""
    leaves = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)
    sources = [_SOURCE, inspect.getsource(astc.pipeline), "t = (a := 1), *b\nf'{x!r:{y}}'"]
    left_out: set[str] = set()
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            kept = CHILD_FIELDS[type(node)]
            for name, value in ast.iter_fields(node):
                if name in kept:
                    continue
                left_out.add(name)
                for v in value if isinstance(value, list) else [value]:
                    assert not isinstance(v, ast.AST) or isinstance(v, leaves), (node, name)
    assert {"ctx", "op", "ops", "id", "attr"} <= left_out  # the table does leave fields out
    assert CHILD_FIELDS[ast.BinOp] == ("left", "right")
    assert CHILD_FIELDS[ast.MatchAs] == ("pattern", "name")  # `name` may be a node elsewhere


_STATEMENTS = textwrap.dedent(
    """
    def f(x):
        try:
            if x:
                pass
            elif y:
                g(lambda: h())
            else:
                del x
        except* ValueError:
            for i in x:
                break
            else:
                continue
        else:
            with a:
                class C:
                    def m(self):
                        return [k() for k in x]
        finally:
            match x:
                case 1 if z():
                    while x:
                        x -= 1
                    else:
                        pass
                case _:
                    async_ = 1
    async def g():
        async for i in y:
            await q(r(s))
    """
)


def _generic_walk(node: ast.AST) -> list[ast.AST]:
    """Pre-order, every child by ``ast.iter_child_nodes``."""
    out: list[ast.AST] = []
    stack = [node]
    while stack:
        n = stack.pop()
        out.append(n)
        stack.extend(reversed(list(ast.iter_child_nodes(n))))
    return out


def _trees() -> list[ast.Module]:
    sources = [_STATEMENTS, _SOURCE, inspect.getsource(astc.pipeline)]
    return [ast.parse(s) for s in sources]


def test_statements_in_order_walking_containers_are_those_of_the_generic_walk() -> None:
    for tree in _trees():
        expected = [n for n in _generic_walk(tree) if isinstance(n, ast.stmt)]
        assert statements_in_order(tree) == expected
        assert len(expected) > 20


def test_own_calls_are_the_calls_outside_nested_scopes_in_walk_order() -> None:
    nested = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
    for tree in _trees():
        for fn in (n for n in ast.walk(tree) if isinstance(n, nested)):
            expected: list[ast.AST] = []
            stack = list(ast.iter_child_nodes(fn))
            while stack:
                n = stack.pop()
                if not isinstance(n, nested):
                    expected += [n] if isinstance(n, ast.Call) else []
                    stack.extend(ast.iter_child_nodes(n))
            assert own_calls(fn) == expected
    f = _trees()[0].body[0]
    names = [c.func.id for c in own_calls(f) if isinstance(c.func, ast.Name)]
    assert sorted(names) == ["g", "z"]  # not h (in a lambda), nor k (in a method)


def test_breadth_first_is_the_order_of_ast_walk() -> None:
    for tree in _trees():
        assert breadth_first(tree) == list(ast.walk(tree))
    name = ast.Name("x", ast.Load())
    assert breadth_first(name) == list(ast.walk(name))
    partial = ast.BinOp(left=ast.Constant(1), op=ast.Add())  # type: ignore[call-arg]
    assert breadth_first(partial) == list(ast.walk(partial))


@pytest.mark.parametrize(
    ("source", "debug"),
    [
        ('f"{x=}"', True),
        ('f"{x = }"', True),
        ('f"{x=!r:>10}"', True),
        ("f\"{a['k']=}\"", True),
        ('f"x={x}"', True),  # looks the same: refused too (the safe side)
        ('f"{x}"', False),
        ('f"a={x}"', False),  # `=` last, but not after the expression's text
        ('f"x=\t{x}"', False),
        ('f"{x=}{y}"', True),
    ],
)
def test_debug_fstring_found_only_where_text_and_expression_match(
    source: str, debug: bool
) -> None:
    """The shortcut (no ``ast.unparse`` unless the text ends with ``=``) changes no verdict."""
    from astc.analysis.functions import has_debug_fstring

    assert has_debug_fstring(ast.walk(ast.parse(source))) is debug


def test_cst_statements_in_order_are_those_of_libcsts_generic_walk() -> None:
    """Walking statement containers by type finds every statement ``children`` does."""
    import libcst as cst

    from astc.passes.base import _cst_statements_in_order

    kinds = cst.BaseSmallStatement | cst.BaseCompoundStatement
    for source in (_STATEMENTS, _SOURCE, inspect.getsource(astc.pipeline)):
        tree = cst.parse_module(source)
        expected: list[cst.CSTNode] = []
        stack: list[cst.CSTNode] = [tree]
        while stack:
            node = stack.pop()
            expected += [node] if isinstance(node, kinds) else []
            stack.extend(reversed(node.children))
        assert [id(n) for n in _cst_statements_in_order(tree)] == [id(n) for n in expected]
        assert len(expected) > 20
