"""A toy pass, ``x * 1`` -> ``x``: what adding a pass takes (``tests/test_structure.py``).

This file and one registration line (``registry.register("times-one",
"tests._toy_pass:TimesOne", before="inline")``, or its line in
:data:`astc.passes.registry.REGISTRY`) are the whole addition: the pipeline runs it, the
pre-scan runs it only where its trigger fired, the report and the command line count it
under its own word.

Precondition: in a function, ``x`` is a local bound exactly once, by ``x = <int literal>``
(an int: ``x * 1`` is then ``x`` itself; for a bool, a float subclass or a list it is
not), never deleted; the function uses no dynamic features; the product is no operand of
``is`` (``x * 1`` may be a new int object). A local bound otherwise is refused
(``ASTC216``).

Before::

    def f():
        x = 3
        return x * 1

After::

    def f():
        x = 3
        return x
"""

from __future__ import annotations

import ast

import libcst as cst

from astc.analysis.prescan import Scan
from astc.analysis.scopes import Scope
from astc.diagnostics import Code
from astc.passes.base import Pass, PassContext, ScopedTransformer


def _times_one(node: ast.AST, scan: Scan) -> bool:
    """``NAME * 1`` in a function."""
    return (
        scan.function is not None
        and isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Mult)
        and isinstance(node.left, ast.Name)
        and isinstance(node.right, ast.Constant)
        and type(node.right.value) is int
        and node.right.value == 1
    )


def _bound_to_an_int(scope: Scope, name: str) -> bool:
    """``name`` is a local of ``scope`` bound once, by ``name = <int literal>``."""
    bindings = scope.bindings.get(name, [])
    if not scope.is_local(name) or len(bindings) != 1 or name in scope.deletes:
        return False
    target = bindings[0]
    return any(
        isinstance(stmt, ast.Assign)
        and stmt.targets == [target]
        and isinstance(stmt.value, ast.Constant)
        and type(stmt.value.value) is int
        for stmt in ast.walk(scope.node)
    )


class _Simplifier(ScopedTransformer):
    def leave_BinaryOperation(
        self, original: cst.BinaryOperation, updated: cst.BinaryOperation
    ) -> cst.BaseExpression:
        scope = self.scope
        if (
            scope is None
            or not isinstance(updated.operator, cst.Multiply)
            or not isinstance(updated.left, cst.Name)
            or not isinstance(updated.right, cst.Integer)
            or updated.right.value != "1"
            or id(original) in self.is_operands
        ):
            return updated
        name = updated.left.value
        if scope.dynamic or not _bound_to_an_int(scope, name):
            message = f"{name} * 1: {name} is not known to be an int"
            self.ctx.note(TimesOne.name, Code.NOT_FOLDABLE, False, message, self.function)
            return updated
        message = f"{name} * 1 -> {name}"
        self.ctx.note(TimesOne.name, Code.CONSTANT_FOLDED, True, message, self.function)
        return updated.left.with_changes(lpar=updated.lpar, rpar=updated.rpar)


class TimesOne(Pass):
    name = "times-one"
    triggers = {ast.BinOp: _times_one}
    applied = {Code.CONSTANT_FOLDED: "simplified"}
    refusals = (Code.NOT_FOLDABLE,)

    def run(self, tree: cst.Module, ctx: PassContext) -> cst.Module:
        return tree.visit(_Simplifier(ctx))
