"""A cheap ``ast`` pre-scan: does a unit contain anything a pass could change?

LibCST parsing and the passes cost far more than this scan, so units with nothing to do
are never parsed by LibCST at all (most of a typical module).
"""

from __future__ import annotations

import ast

from astc.analysis.module import ModuleFacts
from astc.analysis.scopes import Scope
from astc.evaluate.values import PURE_BUILTINS


def _is_const(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        return isinstance(node.operand, ast.Constant)
    if isinstance(node, ast.Tuple | ast.List):
        return all(_is_const(e) for e in node.elts)
    return False


class _Scan(ast.NodeVisitor):
    def __init__(self, facts: ModuleFacts, scopes_by_node: dict[int, Scope]) -> None:
        self.facts = facts
        self.scopes = scopes_by_node
        self.found = False
        self.depth = 0  # function nesting
        self.everywhere = False  # module constants count inside functions too

    def generic_visit(self, node: ast.AST) -> None:
        if not self.found:
            super().generic_visit(node)

    def visit_BinOp(self, node: ast.BinOp) -> None:
        complex_literal = isinstance(node.right, ast.Constant) and isinstance(
            node.right.value, complex
        )
        if _is_const(node.left) and _is_const(node.right) and not complex_literal:
            self.found = True
        self.generic_visit(node)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> None:
        if _is_const(node.operand) and not (
            isinstance(node.op, ast.USub | ast.UAdd) and isinstance(node.operand, ast.Constant)
        ):
            self.found = True
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        if _is_const(node.left) and all(_is_const(c) for c in node.comparators):
            self.found = True
        self.generic_visit(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        if _is_const(node.values[0]):
            self.found = True
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if _is_const(node.value) and (_is_const(node.slice) or isinstance(node.slice, ast.Slice)):
            self.found = True
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        if isinstance(node.func, ast.Name):
            name = node.func.id
            if name in self.facts.functions and not self.facts.dynamic:
                self.found = True
            elif name in PURE_BUILTINS and node.args and all(_is_const(a) for a in node.args):
                self.found = True
        self.generic_visit(node)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        if _is_const(node.test):
            self.found = True
        self.generic_visit(node)

    def visit_If(self, node: ast.If) -> None:
        if _is_const(node.test):
            self.found = True
        self._block(node.body)
        self._block(node.orelse)
        self.generic_visit(node)

    def visit_While(self, node: ast.While) -> None:
        if _is_const(node.test):
            self.found = True
        self._block(node.body)
        self.generic_visit(node)

    def visit_For(self, node: ast.For) -> None:
        self._block(node.body)
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if (
            (self.depth == 0 or self.everywhere)
            and isinstance(node.ctx, ast.Load)
            and node.id in self.facts.constants
        ):
            self.found = True

    def _block(self, body: list[ast.stmt]) -> None:
        for stmt in body[:-1]:
            if isinstance(stmt, ast.Return | ast.Raise | ast.Break | ast.Continue):
                self.found = True

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self._block(node.body)
        scope = self.scopes.get(id(node))
        if scope is not None and not scope.uses_dynamic_features():
            for stmt in node.body:
                if (
                    isinstance(stmt, ast.Assign)
                    and len(stmt.targets) == 1
                    and isinstance(stmt.targets[0], ast.Name)
                ):
                    name = stmt.targets[0].id
                    if scope.binding_count(name) == 1 and (
                        isinstance(stmt.value, ast.Constant | ast.Name) or not scope.reads.get(name)
                    ):
                        self.found = True
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._block(node.body)
        self.depth += 1  # class bodies may rebind module names locally
        self.generic_visit(node)
        self.depth -= 1


def scopes_by_node(facts: ModuleFacts) -> dict[int, Scope]:
    return {id(s.node): s for s in facts.scope.walk()}


def worth_compiling(
    nodes: list[ast.stmt], facts: ModuleFacts, by_node: dict[int, Scope], assume_stable: bool
) -> bool:
    scan = _Scan(facts, by_node)
    if assume_stable and facts.constants and not facts.dynamic:
        scan.everywhere = True  # module constants propagate into functions too
    for node in nodes:
        scan.visit(node)
        if scan.found:
            return True
    return False
