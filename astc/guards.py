"""The guard protocol (the names astc generates, all starting ``_astc_``: :mod:`astc.generated`).

Default model (docs/semantics.md, "Guards"): other modules may rebind this module's globals
at any time, and so may any code astc has not analysed (a ``__repr__``, a property, a helper
writing ``sys.modules[__name__].f``). A fast path that relies on module name ``f`` still
holding the function astc compiled against therefore checks it **where Python reads**
``f``, and nowhere else::

    y = (x + 1 if f is _astc_f else f(x))       # expression-level call site

    if f is _astc_f:                            # statement-level call site
        <f's body, inlined>
    else:
        y = f(x)                                # the original statement, untouched

Python reads the callee name before it evaluates the arguments, and the guard is evaluated
exactly there, so the guarded code reads the names the original reads, when it reads them;
the slow path is the original code and is correct whatever the check said. A guard on
several names (``f is _astc_f and K is _astc_K``, for a call folded at compile time) lists
them in the order the original reads them; ``and`` stops at the first that fails, so no
name is read that the original would not have read first. One check covers several reads
only when nothing between them can run code astc did not analyse (the reads inside one
folded call, whose evaluation runs no user code; a Numba kernel, which cannot run Python
code).

Aliases: ``_astc_f = f`` is emitted right after the statement that binds ``f`` (a plain
``def``: nothing runs between the two). A builtin the module does not bind (``len``, for
a folded ``len("abc")``) is aliased from the builtins module before any of the module's
code runs (after its docstring and ``__future__`` imports): a global ``len`` created in
the module by other code, or ``builtins.len = ...`` run by the module, makes the guard
fail. A
unit that uses an alias before the statement binding its name (a caller defined above its
callee) is preceded by a placeholder ``_astc_f = []``: a fresh list that no user object
can be identical to, so a guard evaluated before ``def f`` runs takes the slow path
instead of raising ``NameError`` on the alias.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import libcst as cst

# The names themselves live in astc.generated; the guard protocol's are re-exported here.
from astc.generated import PREFIX as PREFIX
from astc.generated import alias as alias
from astc.generated import is_generated as is_generated
from astc.generated import temporary as temporary


def would_be_mangled(name: str) -> bool:
    """Python rewrites ``__x`` (not ``__x__``) to ``_Class__x`` inside a class body."""
    return name.startswith("__") and not name.endswith("__")


# -- building --------------------------------------------------------------------------
def guard_test(names: Sequence[str]) -> cst.BaseExpression:
    """``a is _astc_a and b is _astc_b``, in the order given (the order of the reads)."""
    if not names:
        raise ValueError("a guard needs at least one name")
    parts: list[cst.BaseExpression] = [
        cst.Comparison(
            left=cst.Name(n), comparisons=[cst.ComparisonTarget(cst.Is(), cst.Name(alias(n)))]
        )
        for n in names
    ]
    test = parts[0]
    for part in parts[1:]:
        test = cst.BooleanOperation(left=test, operator=cst.And(), right=part)
    return test


def guarded_expression(
    fast: cst.BaseExpression, slow: cst.BaseExpression, names: Sequence[str]
) -> cst.IfExp:
    """``fast if <guard> else slow`` (put it in place with ``replace_expr``, which adds the
    parentheses the context needs)."""
    from astc.passes.cst_util import precedence, replace_expr  # passes import this module

    def operand(node: cst.BaseExpression) -> cst.BaseExpression:
        return replace_expr(cst.Name("x"), node) if precedence(node) <= 1 else node

    return cst.IfExp(test=guard_test(names), body=operand(fast), orelse=operand(slow))


def guarded_statement(
    fast: Sequence[cst.BaseStatement], slow: cst.BaseStatement, names: Sequence[str]
) -> cst.If:
    """``if <guard>: fast`` / ``else: slow``; the slow statement keeps nothing above it
    (its comments and blank lines belong above the ``if``, where the caller puts them)."""
    slow = slow.with_changes(leading_lines=[])
    fast = [s.with_changes(leading_lines=[]) if i == 0 else s for i, s in enumerate(fast)]
    return cst.If(
        test=guard_test(names),
        body=cst.IndentedBlock(body=list(fast)),
        orelse=cst.Else(body=cst.IndentedBlock(body=[slow])),
    )


def alias_lines(names: Iterable[str], newline: str) -> str:
    """``_astc_f = f`` lines, emitted right after the unit that binds each name."""
    return "".join(f"{alias(n)} = {n}{newline}" for n in sorted(names))


def builtin_alias_line(names: Iterable[str], newline: str) -> str:
    """Aliases of builtins, taken from the builtins module itself (a global of the same
    name, created in this module by someone else, is exactly what the guard must see)."""
    imports = ", ".join(f"{n} as {alias(n)}" for n in sorted(names))
    return f"from builtins import {imports}{newline}"


def placeholder_line(names: Iterable[str], newline: str) -> str:
    """One line binding aliases used before their name is bound to a fresh, unique list."""
    targets = " = ".join(alias(n) for n in sorted(names))
    return f"{targets} = []{newline}"


# -- recognizing -----------------------------------------------------------------------
def guard_names(test: cst.BaseExpression) -> list[str] | None:
    """``a is _astc_a and b is _astc_b`` -> ``["a", "b"]`` (read order); None otherwise."""
    parts: list[cst.BaseExpression] = []
    while (
        isinstance(test, cst.BooleanOperation)
        and isinstance(test.operator, cst.And)
        and not test.lpar
    ):
        parts.append(test.right)
        test = test.left
    parts.append(test)
    names: list[str] = []
    for part in reversed(parts):
        if not (
            isinstance(part, cst.Comparison)
            and len(part.comparisons) == 1
            and isinstance(part.comparisons[0].operator, cst.Is)
            and isinstance(part.left, cst.Name)
            and isinstance(part.comparisons[0].comparator, cst.Name)
            and part.comparisons[0].comparator.value == alias(part.left.value)
        ):
            return None
        names.append(part.left.value)
    return names


def settled_parts(node: cst.CSTNode) -> list[cst.CSTNode]:
    """The parts of a guarded site no inliner or folder may rewrite again: its test, and
    its slow path (the original code, whose call must stay a call: compiling astc's output
    again must not inline into it once more). Empty for any other node."""
    if isinstance(node, cst.IfExp | cst.If) and guard_names(node.test) is not None:
        return [node.test, node.orelse] if node.orelse is not None else [node.test]
    return []


class _FastPaths(cst.CSTTransformer):
    """Replace every guarded site by its fast path, collecting the guarded names."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def leave_IfExp(self, original: cst.IfExp, updated: cst.IfExp) -> cst.BaseExpression:
        names = guard_names(original.test)
        if names is None:
            return updated
        self.names.extend(n for n in names if n not in self.names)
        from astc.passes.cst_util import replace_expr

        return replace_expr(original, updated.body)

    def leave_If(
        self, original: cst.If, updated: cst.If
    ) -> cst.BaseStatement | cst.FlattenSentinel[cst.BaseStatement]:
        names = guard_names(original.test)
        if names is None or not isinstance(updated.body, cst.IndentedBlock):
            return updated
        self.names.extend(n for n in names if n not in self.names)
        body = list(updated.body.body)
        first = body[0] if body else None
        if isinstance(first, cst.SimpleStatementLine | cst.BaseCompoundStatement):
            body[0] = first.with_changes(
                leading_lines=[*original.leading_lines, *first.leading_lines]
            )
        return cst.FlattenSentinel(body)


def fast_paths(node: cst.FunctionDef) -> tuple[cst.FunctionDef, list[str]]:
    """``node`` with every guarded site replaced by its fast path, and the names guarded.

    For code that cannot run Python code between its guarded reads (a Numba kernel): the
    caller checks the names once, before entering it.
    """
    visitor = _FastPaths()
    new = node.visit(visitor)
    assert isinstance(new, cst.FunctionDef)
    return new, visitor.names
