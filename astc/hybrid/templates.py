"""Code from parsed templates, not from string concatenation (as AutoGraph's ``templates``).

A template is ordinary Python source, parsed once; upper-case placeholder names in it are
replaced by trees::

    >>> import ast
    >>> stmts = replace("TARGET = VALUE + 1", TARGET="y", VALUE=ast.Name("x"))
    >>> ast.unparse(stmts[0])
    'y = x + 1'

What a placeholder may stand for:

* a ``str``: a name (in a ``Name`` node, a function's name, an argument's name);
* an ``ast.expr``: an expression (copied at each use, its context set to where it lands);
* a ``list`` of ``ast.stmt``, where the placeholder stands alone as a statement: spliced in
  (an empty list removes the statement);
* a ``list`` of ``str``, where the placeholder is an argument of a ``def``: that many
  arguments.

A placeholder that is never used, or a key that is not an identifier, is an error: a
template and its caller must agree.
"""

from __future__ import annotations

import ast
import copy
import functools
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

Replacement = str | ast.expr | Sequence[ast.stmt] | Sequence[str]


@functools.cache
def _parsed(template: str) -> ast.Module:
    return ast.parse(textwrap.dedent(template))


class _Replacer(ast.NodeTransformer):
    def __init__(self, replacements: Mapping[str, Replacement]) -> None:
        self.replacements = replacements
        self.used: set[str] = set()

    def _get(self, name: str) -> Replacement | None:
        if name in self.replacements:
            self.used.add(name)
            return self.replacements[name]
        return None

    def visit_Expr(self, node: ast.Expr) -> Any:
        if isinstance(node.value, ast.Name):
            value = self._get(node.value.id)
            if isinstance(value, list | tuple) and all(isinstance(s, ast.stmt) for s in value):
                return [copy.deepcopy(s) for s in value]
        return self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> Any:
        value = self._get(node.id)
        if value is None:
            return node
        if isinstance(value, str):
            return ast.copy_location(ast.Name(value, node.ctx), node)
        if isinstance(value, ast.expr):
            return _with_context(copy.deepcopy(value), node.ctx)
        raise ValueError(f"placeholder {node.id} stands for an expression here, not {value!r}")

    def visit_FunctionDef(self, node: ast.FunctionDef) -> Any:
        value = self._get(node.name)
        if value is not None:
            if not isinstance(value, str):
                raise ValueError(f"placeholder {node.name} is a function name: give a str")
            node.name = value
        args: list[ast.arg] = []
        for arg in node.args.args:
            names = self._get(arg.arg)
            if names is None:
                args.append(arg)
            elif isinstance(names, str):
                args.append(ast.arg(names))
            elif isinstance(names, list | tuple) and all(isinstance(n, str) for n in names):
                args += [ast.arg(n) for n in names if isinstance(n, str)]
            else:
                raise ValueError(f"placeholder {arg.arg} is an argument: give names")
        node.args.args = args
        return self.generic_visit(node)


def _with_context(node: ast.expr, ctx: ast.expr_context) -> ast.expr:
    """``node`` with the context of the place it replaces (a target stays a target)."""
    if isinstance(node, ast.Name | ast.Attribute | ast.Subscript | ast.Starred):
        node.ctx = ctx
    if isinstance(node, ast.Tuple | ast.List):
        node.ctx = ctx
        for elt in node.elts:
            _with_context(elt, ctx)
    return node


def replace(template: str, **replacements: Replacement) -> list[ast.stmt]:
    """The statements of ``template`` with its placeholders replaced (see module docstring)."""
    for key in replacements:
        if not key.isidentifier():
            raise ValueError(f"placeholder {key!r} is not an identifier")
    module = copy.deepcopy(_parsed(template))
    replacer = _Replacer(replacements)
    body = [replacer.visit(stmt) for stmt in module.body]
    unused = set(replacements) - replacer.used
    if unused:
        raise ValueError(f"placeholder(s) {', '.join(sorted(unused))} not in the template")
    flat: list[ast.stmt] = []
    for item in body:
        flat.extend(item if isinstance(item, list) else [item])
    for stmt in flat:
        ast.fix_missing_locations(stmt)
    return flat


def placeholders(template: str) -> set[str]:
    """The names ``template`` reads or binds (what it may take as placeholders)."""
    tree = _parsed(template)
    found = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    found |= {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    found |= {n.arg for n in ast.walk(tree) if isinstance(n, ast.arg)}
    return found


def replace_expr(template: str, **replacements: Replacement) -> ast.expr:
    """The expression ``template`` with its placeholders replaced."""
    (stmt,) = replace(template, **replacements)
    if not isinstance(stmt, ast.Expr):
        raise ValueError(f"template {template!r} is not an expression")
    return stmt.value


def function(name: str, params: Sequence[str], body: Sequence[ast.stmt]) -> ast.FunctionDef:
    """``def name(params): body`` (positional parameters only)."""
    (node,) = replace("def NAME(PARAMS):\n    BODY\n", NAME=name, PARAMS=list(params), BODY=body)
    assert isinstance(node, ast.FunctionDef)
    return node


def module(body: Sequence[ast.stmt]) -> ast.Module:
    """A module of ``body``, locations filled in (ready for ``compile`` or ``unparse``)."""
    return ast.fix_missing_locations(ast.Module(body=list(body), type_ignores=[]))


def name(identifier: str) -> ast.Name:
    """A ``Name`` node to read ``identifier``."""
    return ast.Name(identifier, ast.Load())


def assign(target: str, value: ast.expr) -> ast.Assign:
    """``target = value``."""
    node = ast.Assign([ast.Name(target, ast.Store())], value)
    return ast.fix_missing_locations(node)


def imports(modules: Mapping[str, str]) -> list[ast.stmt]:
    """``import module as alias`` for each ``alias -> module`` (sorted by alias)."""
    return [
        ast.Import([ast.alias(module, alias if alias != module else None)])
        for alias, module in sorted(modules.items())
    ]
