"""Dead-code elimination: unused pure assignments, unreachable statements, constant branches.

Preconditions:

* ``x = E`` in a function is removed when ``x`` is a local that is never read, deleted or
  used by a nested scope, the function uses no ``locals()``/``exec``/..., and ``E`` is
  effect-free and cannot raise (a literal, a bound local, a tuple of those).
* Statements after ``return``/``raise``/``break``/``continue`` in the same block, and the
  branch of ``if <literal>``/``while <falsy literal>`` that never runs, are removed only
  when they contain no ``yield``/``await`` (which make a function a generator or
  coroutine) and — inside functions — bind no name other than by plain assignment to a name
  that stays bound elsewhere in the function (a binding makes the name local to the
  whole function even where it never runs). A ``global``/``nonlocal`` declaration is never
  removed, at any level: it changes the scope of its names in the whole block, even in
  code that never runs (a class body included).
* Removal never turns a string statement into a docstring (of a function, a class or the
  module: the module's first statement is replaced by ``pass``, never removed), and never
  empties a block (``pass`` is left instead).

Before::

    def f(a):
        unused = 3
        if False:
            print("debug")
        return a
        print("never")

    print(f(1))

After (blank lines keep the statements below where they were)::

    def f(a):



        return a


    print(f(1))
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Sequence

import libcst as cst

from astc.analysis.prescan import Scan, is_const
from astc.analysis.scopes import Scope
from astc.diagnostics import Code
from astc.passes.base import Pass, PassContext, ScopedTransformer
from astc.passes.cst_util import code, docstring_of, literal_value
from astc.passes.statements import merge_leading_lines, simple_assign

_TERMINATORS = (cst.Return, cst.Raise, cst.Break, cst.Continue)


class _Binds(cst.CSTVisitor):
    """Does a piece of code bind names or suspend (which changes its function's nature)?"""

    def __init__(self) -> None:
        super().__init__()
        self.found = False

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(
            node,
            cst.Assign
            | cst.AugAssign
            | cst.AnnAssign
            | cst.NamedExpr
            | cst.For
            | cst.With
            | cst.Import
            | cst.ImportFrom
            | cst.FunctionDef
            | cst.ClassDef
            | cst.Del
            | cst.Global
            | cst.Nonlocal
            | cst.ExceptHandler
            | cst.Yield
            | cst.Await
            | cst.Match
            | cst.CompFor,
        ):
            self.found = True
        elif isinstance(node, cst.Name) and node.value in ("super", "__class__"):
            self.found = True
        return not self.found


class _PlainBindings(_Binds):
    """Names bound by plain ``x = ...``/``x += ...``; ``found`` for any other binding."""

    def __init__(self) -> None:
        super().__init__()
        self.names: Counter[str] = Counter()

    def on_visit(self, node: cst.CSTNode) -> bool:
        targets: list[cst.BaseExpression] = []
        if isinstance(node, cst.Assign):
            targets = [t.target for t in node.targets]
        elif isinstance(node, cst.AugAssign):
            targets = [node.target]
        else:
            return super().on_visit(node)
        for target in targets:
            if isinstance(target, cst.Name):
                self.names[target.value] += 1
            else:
                self.found = True
        return not self.found


def _plain_bindings(nodes: Sequence[cst.CSTNode]) -> Counter[str] | None:
    """What ``nodes`` bind, when all of it is plain name assignment; else None."""
    visitor = _PlainBindings()
    for node in nodes:
        node.visit(visitor)
        if visitor.found:
            return None
    return visitor.names


def _suspends(nodes: Sequence[cst.CSTNode]) -> bool:
    found = False

    class _V(cst.CSTVisitor):
        def on_visit(self, node: cst.CSTNode) -> bool:
            nonlocal found
            if isinstance(node, cst.Yield | cst.Await) or (
                isinstance(node, cst.Name) and node.value in ("super", "__class__")
            ):
                found = True
            return not found and not isinstance(node, cst.FunctionDef | cst.Lambda | cst.ClassDef)

    for n in nodes:
        n.visit(_V())
    return found


def _declares(nodes: Sequence[cst.CSTNode]) -> bool:
    """A ``global``/``nonlocal`` declaration (outside nested scopes)."""
    found = False

    class _V(cst.CSTVisitor):
        def on_visit(self, node: cst.CSTNode) -> bool:
            nonlocal found
            found = found or isinstance(node, cst.Global | cst.Nonlocal)
            return not found and not isinstance(node, cst.FunctionDef | cst.Lambda | cst.ClassDef)

    for n in nodes:
        n.visit(_V())
    return found


def _terminates(stmt: cst.BaseStatement) -> bool:
    return isinstance(stmt, cst.SimpleStatementLine) and any(
        isinstance(s, _TERMINATORS) for s in stmt.body
    )


def _effect_free(node: cst.BaseExpression, scope: Scope) -> bool:
    if literal_value(node)[0]:
        return True
    if isinstance(node, cst.Name):
        return (
            node.value in scope.params
            and scope.binding_count(node.value) == 1
            and node.value not in scope.deletes
        )
    if isinstance(node, cst.Tuple) and all(isinstance(e, cst.Element) for e in node.elements):
        return all(_effect_free(e.value, scope) for e in node.elements)
    return False


class _Eliminator(ScopedTransformer):
    enters_expressions = False  # blocks, branches and assignments: statements only

    def __init__(self, ctx: PassContext) -> None:
        super().__init__(ctx)
        self._removed_bindings: dict[str | None, Counter[str]] = {}
        self._originals: dict[int, cst.CSTNode] = {}

    def _removable(self, nodes: Sequence[cst.CSTNode]) -> bool:
        if self.function is None:
            return not _suspends(nodes) and not _declares(nodes)
        # In a function a binding makes the name local everywhere: removing the only
        # bindings of a name would turn its other reads into global reads.
        # Only called for code that is then removed: count what this run removed already.
        bound, scope = _plain_bindings(nodes), self.scope
        if bound is None or scope is None:
            return False
        removed = self._removed_bindings.setdefault(self.function, Counter())
        if any(scope.binding_count(n) <= k + removed[n] for n, k in bound.items()):
            return False
        removed.update(bound)
        return True

    def _clean_block(self, body: Sequence[cst.BaseStatement]) -> list[cst.BaseStatement]:
        out = list(body)
        for i, stmt in enumerate(out):
            if _terminates(stmt) and i + 1 < len(out):
                rest = out[i + 1 :]
                if self._removable(rest):
                    self.ctx.note(
                        "dead-code",
                        Code.DEAD_CODE_REMOVED,
                        True,
                        f"{len(rest)} unreachable statement(s)",
                        self.function,
                        at=self._original(rest[0]),
                    )
                    out = out[: i + 1]
                else:
                    self.ctx.note(
                        "dead-code",
                        Code.CHANGES_SCOPE,
                        False,
                        "unreachable code binds names or yields",
                        self.function,
                        at=self._original(rest[0]),
                    )
                break
        scope = self.scope
        if scope is not None and not scope.uses_dynamic_features():
            kept = []
            for stmt in out:
                match = simple_assign(stmt)
                if (
                    match is not None
                    and self._unused(match[0], scope)
                    and _effect_free(match[1], scope)
                ):
                    self.ctx.note(
                        "dead-code",
                        Code.DEAD_CODE_REMOVED,
                        True,
                        f"unused assignment to {match[0]}",
                        self.function,
                        at=self._original(stmt),
                    )
                    continue
                kept.append(stmt)
            out = kept
        return out

    @staticmethod
    def _unused(name: str, scope: Scope) -> bool:
        return (
            scope.is_local(name)
            and not scope.reads.get(name)
            and name not in scope.deletes
            and name not in scope.captured
        )

    def _original(self, stmt: cst.CSTNode) -> cst.CSTNode | None:
        """The statement of the tree being transformed that ``stmt`` was rebuilt from."""
        return self._originals.get(id(stmt))

    def _remember(self, original: Sequence[cst.CSTNode], updated: Sequence[cst.CSTNode]) -> None:
        if len(original) == len(updated):
            self._originals.update((id(u), o) for o, u in zip(original, updated, strict=True))

    def leave_IndentedBlock(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        self._remember(original.body, updated.body)
        body = self._flatten(self._clean_block(updated.body))
        if not body:
            body = [cst.SimpleStatementLine([cst.Pass()])]
        if (
            docstring_of(body) != docstring_of(list(updated.body))
            and docstring_of(body) is not None
        ):
            return updated  # removing code must not create a docstring
        if body == list(updated.body):
            return updated
        return updated.with_changes(body=body)

    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        self._remember(original.body, updated.body)
        body = self._flatten(list(updated.body))
        if body == list(updated.body):
            return updated
        if self.ctx.unit.index == 0:  # the module's first statement: its docstring position
            if docstring_of(body) != docstring_of(list(updated.body)):
                return updated
            if not body:  # else the next statement, maybe a string, would come first
                body = [
                    cst.SimpleStatementLine(
                        [cst.Pass()], leading_lines=updated.body[0].leading_lines
                    )
                ]
        return updated.with_changes(body=body)

    def _flatten(self, body: Sequence[cst.BaseStatement]) -> list[cst.BaseStatement]:
        """Replace `if <literal>` / `while <falsy literal>` by the branch that runs."""
        out: list[cst.BaseStatement] = []
        for stmt in body:
            out.extend(self._constant_branch(stmt))
        return out

    def _constant_branch(self, stmt: cst.BaseStatement) -> list[cst.BaseStatement]:
        if isinstance(stmt, cst.If):
            ok, value = literal_value(stmt.test)
            if not ok:
                return [stmt]
            taken, dropped = (stmt.body, stmt.orelse) if value else (stmt.orelse, stmt.body)
            if dropped is not None and not self._removable([dropped]):
                self.ctx.note(
                    "dead-code",
                    Code.CHANGES_SCOPE,
                    False,
                    f"branch of `if {code(stmt.test)}` binds names or yields",
                    self.function,
                    at=self._original(stmt),
                )
                return [stmt]
            self.ctx.note(
                "dead-code",
                Code.DEAD_CODE_REMOVED,
                True,
                f"constant condition `if {code(stmt.test)}`",
                self.function,
                at=self._original(stmt),
            )
            kept = self._branch_statements(taken)
            if kept and stmt.leading_lines:
                kept[0] = merge_leading_lines(stmt, kept[0])
            return kept
        if isinstance(stmt, cst.While):
            ok, value = literal_value(stmt.test)
            if not ok or value or not self._removable([stmt.body]):
                return [stmt]
            self.ctx.note(
                "dead-code",
                Code.DEAD_CODE_REMOVED,
                True,
                f"loop `while {code(stmt.test)}` never runs",
                self.function,
                at=self._original(stmt),
            )
            kept = self._branch_statements(stmt.orelse)
            if kept and stmt.leading_lines:
                kept[0] = merge_leading_lines(stmt, kept[0])
            return kept
        return [stmt]

    @staticmethod
    def _branch_statements(branch: cst.CSTNode | None) -> list[cst.BaseStatement]:
        if branch is None:
            return []
        if isinstance(branch, cst.If):  # an `elif` becomes the `if`
            return [branch]
        if isinstance(branch, cst.Else):
            branch = branch.body
        if isinstance(branch, cst.IndentedBlock):
            return list(branch.body)
        if isinstance(branch, cst.SimpleStatementSuite):
            return [cst.SimpleStatementLine(body=list(branch.body))]
        return []


def _dead(node: ast.AST, scan: Scan) -> bool:
    """A constant branch, code after a return/raise/break/continue, an unused assignment."""
    if isinstance(node, ast.If | ast.While) and is_const(node.test):
        if isinstance(node, ast.If) or not _truthy(node.test):  # `while True:` stays
            return True
    if isinstance(node, ast.Return | ast.Raise | ast.Break | ast.Continue):
        return scan.followed  # unreachable statements after it
    if isinstance(node, ast.Assign):
        scope = scan.scope
        return (
            scope is not None
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and not scope.reads.get(node.targets[0].id)
            and not scope.uses_dynamic_features()
        )
    return False


def _truthy(node: ast.expr) -> bool:
    try:
        return bool(ast.literal_eval(node))
    except ValueError:
        return False


class DeadCode(Pass):
    """Remove unused pure assignments, unreachable statements and constant branches."""

    name = "dead-code"
    triggers = dict.fromkeys(
        (ast.If, ast.While, ast.Return, ast.Raise, ast.Break, ast.Continue, ast.Assign), _dead
    )
    applied = {Code.DEAD_CODE_REMOVED: "removed"}
    refusals = (Code.CHANGES_SCOPE,)

    def run(self, tree: cst.Module, ctx: PassContext) -> cst.Module:
        return tree.visit(_Eliminator(ctx))
