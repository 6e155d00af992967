"""Constant folding: operators, comparisons, boolean ops and subscripts of literals.

Precondition: every operand is a literal (see :mod:`astc.evaluate.values` for the types and
size limits): operators on values of builtin types run no user code and cannot be
rebound. (Calls of builtins such as ``len("abc")`` are the call folder's: the name could
be rebound in the module's namespace, so they are folded under its guard rules.) A
fold that raises is left in place (the error still happens at run time); a result without
an exact literal form (``nan``, ``inf``) is left too. Expression statements are never
folded into strings, so folding cannot create a docstring.

Before::

    SECONDS = 24 * 60 * 60
    ok = (1, 2, 3)[0] < 3 and flag

After::

    SECONDS = 86400
    ok = flag
"""

from __future__ import annotations

import ast
from typing import Any

import libcst as cst

from astc.analysis.prescan import Scan, is_const
from astc.diagnostics import Code
from astc.evaluate import values
from astc.evaluate.values import FoldRaises, NotFoldable
from astc.passes.base import Pass, PassContext, ScopedTransformer
from astc.passes.cst_util import code, literal_node, literal_value, replace_expr

_BINARY_OPS: dict[type[cst.CSTNode], type] = {}


def _binary_ops() -> dict[type[cst.CSTNode], Any]:
    import ast

    if not _BINARY_OPS:
        _BINARY_OPS.update(
            {
                cst.Add: ast.Add,
                cst.Subtract: ast.Sub,
                cst.Multiply: ast.Mult,
                cst.Divide: ast.Div,
                cst.FloorDivide: ast.FloorDiv,
                cst.Modulo: ast.Mod,
                cst.Power: ast.Pow,
                cst.LeftShift: ast.LShift,
                cst.RightShift: ast.RShift,
                cst.BitOr: ast.BitOr,
                cst.BitXor: ast.BitXor,
                cst.BitAnd: ast.BitAnd,
                cst.Minus: ast.USub,
                cst.Plus: ast.UAdd,
                cst.BitInvert: ast.Invert,
                cst.Not: ast.Not,
                cst.Equal: ast.Eq,
                cst.NotEqual: ast.NotEq,
                cst.LessThan: ast.Lt,
                cst.LessThanEqual: ast.LtE,
                cst.GreaterThan: ast.Gt,
                cst.GreaterThanEqual: ast.GtE,
                cst.In: ast.In,
                cst.NotIn: ast.NotIn,
            }
        )
    return _BINARY_OPS


class _Folder(ScopedTransformer):
    def __init__(self, ctx: PassContext) -> None:
        super().__init__(ctx)
        self.ops = _binary_ops()

    def _done(
        self, visited: cst.BaseExpression, updated: cst.BaseExpression, value: Any
    ) -> cst.BaseExpression:
        if id(visited) in self.is_operands:
            return updated  # never a literal operand of `is` (see note_is_operands)
        try:
            new = literal_node(value, self.ctx.encoding)
        except NotFoldable:
            return updated
        if code(new) == code(updated).strip():
            return updated
        self.ctx.note(
            "constant-fold",
            Code.CONSTANT_FOLDED,
            True,
            f"{code(updated).strip()[:60]} -> {code(new)[:60]}",
            self.function,
        )
        return replace_expr(updated, new)

    def _refuse(self, original: cst.BaseExpression, error: Exception) -> None:
        codes = Code.FOLD_RAISES if isinstance(error, FoldRaises) else Code.LIMIT_EXCEEDED
        self.ctx.note(
            "constant-fold", codes, False, f"{code(original).strip()[:60]}: {error}", self.function
        )

    def leave_BinaryOperation(
        self, original: cst.BinaryOperation, updated: cst.BinaryOperation
    ) -> cst.BaseExpression:
        ok_l, left = literal_value(updated.left)
        ok_r, right = literal_value(updated.right)
        op = self.ops.get(type(updated.operator))
        if not (ok_l and ok_r and op):
            return updated
        ok_self, _ = literal_value(updated)
        if ok_self and isinstance(updated.right, cst.Imaginary):
            return updated  # `1+2j` is already a literal
        try:
            return self._done(original, updated, values.binary(op, left, right))
        except (NotFoldable, FoldRaises) as error:
            self._refuse(updated, error)
            return updated

    def leave_UnaryOperation(
        self, original: cst.UnaryOperation, updated: cst.UnaryOperation
    ) -> cst.BaseExpression:
        ok, operand = literal_value(updated.expression)
        if not ok:
            return updated
        if literal_value(updated)[0]:
            return updated  # `-5` is a literal already
        try:
            return self._done(
                original, updated, values.unary(self.ops[type(updated.operator)], operand)
            )
        except (NotFoldable, FoldRaises) as error:
            self._refuse(updated, error)
            return updated

    def leave_Comparison(
        self, original: cst.Comparison, updated: cst.Comparison
    ) -> cst.BaseExpression:
        ok, left = literal_value(updated.left)
        if not ok:
            return updated
        result: Any = True
        try:
            for target in updated.comparisons:
                ok, right = literal_value(target.comparator)
                op = self.ops.get(type(target.operator))
                if not ok or op is None:
                    return updated
                result = values.compare(op, left, right)
                if not result:
                    break
                left = right
        except (NotFoldable, FoldRaises) as error:
            self._refuse(updated, error)
            return updated
        return self._done(original, updated, result)

    def leave_BooleanOperation(
        self, original: cst.BooleanOperation, updated: cst.BooleanOperation
    ) -> cst.BaseExpression:
        ok, left = literal_value(updated.left)
        if not ok:
            return updated
        is_or = isinstance(updated.operator, cst.Or)
        if bool(left) == is_or:
            new: cst.BaseExpression = updated.left  # short-circuits: the right side never runs
        else:
            new = updated.right
        self.ctx.note(
            "constant-fold",
            Code.CONSTANT_FOLDED,
            True,
            f"{code(updated).strip()[:60]} -> {code(new).strip()[:60]}",
            self.function,
        )
        return replace_expr(updated, new)

    def leave_IfExp(self, original: cst.IfExp, updated: cst.IfExp) -> cst.BaseExpression:
        ok, test = literal_value(updated.test)
        if not ok:
            return updated
        new = updated.body if test else updated.orelse  # the other branch never runs
        self.ctx.note(
            "constant-fold",
            Code.CONSTANT_FOLDED,
            True,
            f"constant condition `{code(updated.test).strip()}`",
            self.function,
        )
        return replace_expr(updated, new)

    def leave_Subscript(
        self, original: cst.Subscript, updated: cst.Subscript
    ) -> cst.BaseExpression:
        ok, container = literal_value(updated.value)
        if not ok or len(updated.slice) != 1:
            return updated
        index = updated.slice[0].slice
        if isinstance(index, cst.Index):
            ok, key = literal_value(index.value)
            if not ok or index.star is not None:
                return updated
        elif isinstance(index, cst.Slice):
            parts: list[object] = []
            for part in (index.lower, index.upper, index.step):
                if part is None:
                    parts.append(None)
                    continue
                ok, v = literal_value(part)
                if not ok:
                    return updated
                parts.append(v)
            key = slice(*parts)
        else:
            return updated
        try:
            return self._done(original, updated, values.subscript(container, key))
        except (NotFoldable, FoldRaises) as error:
            self._refuse(updated, error)
            return updated

    def leave_Expr(self, original: cst.Expr, updated: cst.Expr) -> cst.Expr:
        # Never turn an expression statement into a bare string: it could become a docstring.
        if (
            isinstance(updated.value, cst.SimpleString | cst.ConcatenatedString)
            and updated.value is not original.value
        ):
            return original
        return updated


def _literal_operands(node: ast.AST, scan: Scan) -> bool:
    """An operation on literals (that is not itself a literal, as ``-1`` or ``1+2j`` are)."""
    if isinstance(node, ast.BinOp):
        complex_literal = isinstance(node.right, ast.Constant) and isinstance(
            node.right.value, complex
        )
        return is_const(node.left) and is_const(node.right) and not complex_literal
    if isinstance(node, ast.UnaryOp):
        return is_const(node.operand) and not (
            isinstance(node.op, ast.USub | ast.UAdd) and isinstance(node.operand, ast.Constant)
        )
    if isinstance(node, ast.Compare):
        return is_const(node.left) and all(is_const(c) for c in node.comparators)
    if isinstance(node, ast.BoolOp):
        return is_const(node.values[0])
    if isinstance(node, ast.Subscript):
        return is_const(node.value) and (is_const(node.slice) or isinstance(node.slice, ast.Slice))
    if isinstance(node, ast.IfExp):
        return is_const(node.test)
    return False


class ConstantFold(Pass):
    """Fold operators, comparisons, boolean ops and subscripts of literals."""

    name = "constant-fold"
    triggers = dict.fromkeys(
        (ast.BinOp, ast.UnaryOp, ast.Compare, ast.BoolOp, ast.Subscript, ast.IfExp),
        _literal_operands,
    )
    applied = {Code.CONSTANT_FOLDED: "folded"}
    refusals = (Code.FOLD_RAISES, Code.LIMIT_EXCEEDED)

    def run(self, tree: cst.Module, ctx: PassContext) -> cst.Module:
        return tree.visit(_Folder(ctx))
