"""What a statement evaluates before one of its expressions (LibCST side of
:mod:`astc.analysis.effects`).

``prefix_problem(stmt, node, judge)`` says whether anything ``stmt`` evaluates before it
starts evaluating ``node`` may run code astc has not analysed. The nodes it considers are
those written before ``node`` that are not around it (an enclosing call runs after its
arguments; its callee expression is written, and read, before them): a superset of what
Python evaluates first (both branches of a conditional, an assignment's targets), which is
the safe side. Each is judged by the one rule, :meth:`Judge.operation`, on its ``ast``
form.
"""

from __future__ import annotations

import ast
import textwrap

import libcst as cst

from astc.analysis.effects import Judge
from astc.passes.cst_util import code


class _Before(cst.CSTVisitor):
    def __init__(self, target: cst.CSTNode) -> None:
        super().__init__()
        self.target = target
        self.found = False
        self.around: list[cst.CSTNode] = []
        self.before: list[cst.CSTNode] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        if self.found:
            return False
        if node is self.target:
            self.found = True
            self.around = list(self._stack)
            return False
        self._stack.append(node)
        self.before.append(node)
        return True

    def on_leave(self, original_node: cst.CSTNode) -> None:
        if not self.found and self._stack and self._stack[-1] is original_node:
            self._stack.pop()

    _stack: list[cst.CSTNode]

    def visit(self, root: cst.CSTNode) -> None:
        self._stack = []
        root.visit(self)


#: Statements and parts of the tree that evaluate nothing themselves before their children.
_TRANSPARENT = (
    cst.Module,
    cst.SimpleStatementLine,
    cst.SimpleStatementSuite,
    cst.IndentedBlock,
    cst.Else,
    cst.Expr,
    cst.Assign,
    cst.AssignTarget,
    cst.AnnAssign,
    cst.Return,
    cst.Arg,
    cst.Element,
    cst.DictElement,
    cst.Index,
    cst.SubscriptElement,
    cst.Slice,
    cst.ComparisonTarget,
    cst.Call,
    cst.BinaryOperation,
    cst.UnaryOperation,
    cst.Subscript,
    cst.Attribute,
    cst.Tuple,
    cst.List,
    cst.Set,
    cst.Dict,
    cst.FormattedString,
    cst.FormattedStringExpression,
    cst.ConcatenatedString,
)


def _judge_text(node: cst.CSTNode, judge: Judge) -> str | None:
    try:
        parsed = ast.parse(code(node).strip(), mode="eval").body
    except SyntaxError:
        return f"`{code(node).strip()[:40]}` is evaluated first"
    return None if judge.builtin_valued(parsed) else "a truth test of a value of unknown type"


def _runs_before(parent: cst.CSTNode, child: cst.CSTNode, judge: Judge) -> str | None:
    """What ``parent`` itself does before it evaluates ``child`` (a truth test, a loop)."""
    if isinstance(parent, _TRANSPARENT):
        return None
    if isinstance(parent, cst.If):  # the test, then one branch
        return None if child is parent.test else _judge_text(parent.test, judge)
    if isinstance(parent, cst.BooleanOperation):
        return None if child is parent.left else _judge_text(parent.left, judge)
    if isinstance(parent, cst.IfExp):
        return None if child is parent.test else _judge_text(parent.test, judge)
    if isinstance(parent, cst.Comparison):  # `a < b < c`: each comparison, tested, in turn
        if child is parent.left or (parent.comparisons and child is parent.comparisons[0]):
            return None
        return "a chained comparison runs first"
    return f"inside {type(parent).__name__}"


def statement_problem(stmt: cst.CSTNode, judge: Judge) -> str | None:
    """Why anything in statement ``stmt`` may run unanalysed code, or None: then nothing
    evaluated before any of its expressions can (the cheap common case, one parse)."""
    try:
        tree = ast.parse(textwrap.dedent(code(stmt)))
    except SyntaxError:
        return "the statement does not parse alone"
    for node in tree.body:
        why = judge.first_problem(node)
        if why is not None:
            return why
    return None


def prefix_problem(stmt: cst.CSTNode, node: cst.CSTNode, judge: Judge) -> str | None:
    """Why code evaluated in ``stmt`` before ``node`` may run unanalysed code, or None."""
    walker = _Before(node)
    walker.visit(stmt)
    if not walker.found:
        return "the expression was not found in its statement"
    around = {id(n) for n in walker.around}
    chain = [*walker.around, node]
    for parent, child in zip(chain, chain[1:], strict=False):
        why = _runs_before(parent, child, judge)
        if why is not None:
            return why
    for candidate in walker.before:
        if id(candidate) in around or not isinstance(candidate, cst.BaseExpression):
            continue
        try:
            parsed = ast.parse(code(candidate).strip(), mode="eval").body
        except SyntaxError:
            return f"`{code(candidate).strip()[:40]}` is evaluated first"
        why = judge.operation(parsed)
        if why is not None:
            return why
    return None
