"""Statement-shape helpers shared by the passes (matching simple assignments, bodies)."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from astc.analysis.scopes import Scope


def simple_assign(stmt: cst.BaseStatement) -> tuple[str, cst.BaseExpression] | None:
    """``NAME = value`` alone on its line → ``(NAME, value)``."""
    if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1:
        small = stmt.body[0]
        if isinstance(small, cst.Assign) and len(small.targets) == 1:
            target = small.targets[0].target
            if isinstance(target, cst.Name):
                return target.value, small.value
    return None


def body_of(node: cst.FunctionDef) -> list[cst.BaseStatement] | None:
    """The statements of an indented function body (None for ``def f(): return 1``)."""
    if isinstance(node.body, cst.IndentedBlock):
        return list(node.body.body)
    return None


def with_body(node: cst.FunctionDef, body: Sequence[cst.BaseStatement]) -> cst.FunctionDef:
    assert isinstance(node.body, cst.IndentedBlock)
    if not body:
        body = [cst.SimpleStatementLine([cst.Pass()])]
    return node.with_changes(body=node.body.with_changes(body=list(body)))


def is_plain_local(scope: Scope, name: str) -> bool:
    """A local bound once, never deleted or captured, in a scope without dynamic features."""
    return (
        scope.is_local(name)
        and scope.binding_count(name) == 1
        and name not in scope.deletes
        and name not in scope.captured
        and not scope.uses_dynamic_features()
    )


def stable_param(scope: Scope, name: str) -> bool:
    """A parameter that is never rebound or deleted: always bound, always the argument."""
    return name in scope.params and scope.binding_count(name) == 1 and name not in scope.deletes


def merge_leading_lines(first: cst.BaseStatement, second: cst.BaseStatement) -> cst.BaseStatement:
    """``second`` carrying the comments/blank lines that stood above ``first``."""
    lines = [*getattr(first, "leading_lines", ()), *getattr(second, "leading_lines", ())]
    return second.with_changes(leading_lines=lines)
