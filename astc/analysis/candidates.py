"""A cheap ``ast`` pre-scan: what in a unit could a pass change?

LibCST parsing and the passes cost far more than this scan, so units with nothing to do
are never parsed by LibCST at all (most of a typical module), and in a unit that is
compiled, functions with nothing to do are left to no pass (a class with one foldable
method does not send its other methods through every pass).
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from astc.analysis.module import ModuleFacts
from astc.analysis.scopes import Scope, child_qualname
from astc.evaluate.values import PURE_BUILTINS


def _is_const(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        return isinstance(node.operand, ast.Constant)
    if isinstance(node, ast.Tuple | ast.List):
        return all(_is_const(e) for e in node.elts)
    return False


def _truthy(node: ast.expr) -> bool:
    try:
        return bool(ast.literal_eval(node))
    except ValueError:
        return False


class _Scan(ast.NodeVisitor):
    def __init__(
        self,
        facts: ModuleFacts,
        scopes_by_node: dict[int, Scope],
        inlinable: Callable[[str], bool],
    ) -> None:
        self.facts = facts
        self.inlinable = inlinable
        self.scopes = scopes_by_node
        self.found = False
        #: Qualified names of the functions that hold something to do (and their parents).
        self.hot: set[str] = set()
        self.depth = 0  # function nesting
        self.everywhere = False  # module constants count inside functions too
        self._stack: list[tuple[str, str]] = []  # (kind, qualname), as the passes name them

    def _hit(self) -> None:
        self.found = True
        self.hot.update(q for kind, q in self._stack if kind == "function")

    def _enter(self, kind: str, name: str) -> None:
        parent_kind, parent = self._stack[-1] if self._stack else ("module", "")
        self._stack.append((kind, child_qualname(parent_kind, parent, name)))

    def visit_BinOp(self, node: ast.BinOp) -> None:
        complex_literal = isinstance(node.right, ast.Constant) and isinstance(
            node.right.value, complex
        )
        if _is_const(node.left) and _is_const(node.right) and not complex_literal:
            self._hit()
        self.generic_visit(node)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> None:
        if _is_const(node.operand) and not (
            isinstance(node.op, ast.USub | ast.UAdd) and isinstance(node.operand, ast.Constant)
        ):
            self._hit()
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        if _is_const(node.left) and all(_is_const(c) for c in node.comparators):
            self._hit()
        self.generic_visit(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        if _is_const(node.values[0]):
            self._hit()
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if _is_const(node.value) and (_is_const(node.slice) or isinstance(node.slice, ast.Slice)):
            self._hit()
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        if isinstance(node.func, ast.Name):
            name = node.func.id
            if name in self.facts.functions and not self.facts.dynamic:
                constant_args = all(
                    _is_const(a) for a in [*node.args, *(k.value for k in node.keywords)]
                )
                if constant_args or self.inlinable(name):  # call-fold or inline may apply
                    self._hit()
            elif name in PURE_BUILTINS and node.args and all(_is_const(a) for a in node.args):
                self._hit()
        self.generic_visit(node)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        if _is_const(node.test):
            self._hit()
        self.generic_visit(node)

    def visit_If(self, node: ast.If) -> None:
        if _is_const(node.test):
            self._hit()
        self._block(node.body)
        self._block(node.orelse)
        self.generic_visit(node)

    def visit_While(self, node: ast.While) -> None:
        if _is_const(node.test) and not _truthy(node.test):  # `while True:` stays as it is
            self._hit()
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
            self._hit()

    def _block(self, body: list[ast.stmt]) -> None:
        for stmt in body[:-1]:
            if isinstance(stmt, ast.Return | ast.Raise | ast.Break | ast.Continue):
                self._hit()

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self._enter("function", node.name)
        self._block(node.body)
        scope = self.scopes.get(id(node))
        if scope is not None and not scope.uses_dynamic_features():
            for stmt in ast.walk(node):
                if not (
                    isinstance(stmt, ast.Assign)
                    and len(stmt.targets) == 1
                    and isinstance(stmt.targets[0], ast.Name)
                ):
                    continue
                name = stmt.targets[0].id
                if not scope.reads.get(name):  # an unused assignment, at any depth
                    self._hit()
                elif stmt in node.body and scope.binding_count(name) == 1:
                    if isinstance(stmt.value, ast.Constant | ast.Name):  # a constant or copy
                        self._hit()
        self.depth += 1
        self.generic_visit(node)
        self._stack.pop()
        self.depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._block(node.body)  # class-level statements: any method may see them
        self.depth += 1  # class bodies may rebind module names locally
        self._enter("class", node.name)
        self.generic_visit(node)
        self._stack.pop()
        self.depth -= 1


def scopes_by_node(facts: ModuleFacts) -> dict[int, Scope]:
    return {id(s.node): s for s in facts.scope.walk()}


def worth_compiling(
    nodes: list[ast.stmt],
    facts: ModuleFacts,
    by_node: dict[int, Scope],
    assume_stable: bool,
    inlinable: Callable[[str], bool],
) -> set[str] | None:
    """None when no pass could change ``nodes``; else the functions in them that hold work.

    Functions are named by qualified name (``f``, ``C.m``, ``f.<locals>.g``); a function
    whose nested function holds work is named too.
    """
    scan = _Scan(facts, by_node, inlinable)
    if assume_stable and facts.constants and not facts.dynamic:
        scan.everywhere = True  # module constants propagate into functions too
    for node in nodes:
        scan.visit(node)
    return scan.hot if scan.found else None
