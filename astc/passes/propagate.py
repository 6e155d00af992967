"""Constant, copy and single-use propagation.

Preconditions (each checked per name, reported when refused):

* *Local constants and copies*: ``x = <literal>`` or ``x = y`` is a top-level statement of
  the function body, ``x`` is bound nowhere else in the function, never deleted, not used
  by a nested scope, and the function uses no ``locals()``/``exec``/...; for a copy, ``y``
  is a parameter never rebound or a local of the same kind bound earlier. Reads after the
  assignment are replaced; the assignment is left for dead-code removal.
* *Single-use values* (only in functions astc inlined into): ``x = E`` directly followed by
  the one statement that reads ``x`` exactly once, where nothing with an effect is
  evaluated before that read: moving ``E`` there keeps every effect in its order.
* *Module constants*: ``N = <literal>`` bound once at module level. Reads in later
  module-level code are replaced when nothing between the binding and the read can run
  code astc has not analysed (no barrier statement in between, nothing unknown evaluated
  before the read in its statement: see :mod:`astc.analysis.effects`); reads in function
  bodies only under ``assume_stable``, and only in functions defined below ``N``'s binding
  (a function defined above may run before ``N`` exists).

Before::

    def area(r):
        pi = 3.14159
        return pi * r * r

    print(area(2.0))

After (the assignment is left for dead-code removal)::

    def area(r):
        pi = 3.14159
        return 3.14159 * r * r

    print(area(2.0))
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Sequence

import libcst as cst

from astc import guards
from astc.analysis.effects import BUILTIN_NAMES
from astc.analysis.prescan import Scan
from astc.analysis.scopes import Scope
from astc.diagnostics import Code
from astc.passes.base import Pass, PassContext, ScopedTransformer, is_guard_alias, small_literal
from astc.passes.cst_util import (
    code,
    literal_value,
    names_in,
    parenthesize,
    replace_reads,
    strip_parens,
    substitute,
)
from astc.passes.prefix import prefix_problem, statement_problem
from astc.passes.statements import (
    body_of,
    is_plain_local,
    merge_leading_lines,
    simple_assign,
    stable_param,
    with_body,
)


class _Effects:
    """Evaluation-order walk: is ``name`` read before anything with an effect runs?"""

    FOUND, PURE, EFFECT = "found", "pure", "effect"

    def __init__(
        self, name: str, pure_names: set[str], builtins: frozenset[str] = frozenset()
    ) -> None:
        self.name = name
        self.pure_names = pure_names
        self.builtins = builtins  # unshadowed builtin names: loading them cannot fail

    def walk(self, node: cst.BaseExpression) -> str:
        if isinstance(node, cst.Name):
            if node.value == self.name:
                return self.FOUND
            known = self.pure_names | self.builtins
            return (
                self.PURE
                if node.value in known or node.value in ("True", "False", "None")
                else self.EFFECT
            )
        if literal_value(node)[0]:
            return self.PURE
        if isinstance(node, cst.BinaryOperation):
            return self._seq([node.left, node.right])
        if isinstance(node, cst.UnaryOperation):
            return self._seq([node.expression])
        if isinstance(node, cst.Comparison):
            return self._seq([node.left, node.comparisons[0].comparator])
        if isinstance(node, cst.BooleanOperation):
            return self._seq([node.left])
        if isinstance(node, cst.IfExp):
            return self._seq([node.test])
        if isinstance(node, cst.Attribute):
            return self._seq([node.value])
        if isinstance(node, cst.Call):
            if any(a.star for a in node.args):
                return self._seq([node.func])
            return self._seq([node.func, *(a.value for a in node.args)])
        if isinstance(node, cst.Subscript):
            parts: list[cst.BaseExpression] = [node.value]
            for element in node.slice:
                if isinstance(element.slice, cst.Index):
                    parts.append(element.slice.value)
                else:
                    return self._seq(parts)
            return self._seq(parts)
        if isinstance(node, cst.Tuple | cst.List):
            if any(not isinstance(e, cst.Element) for e in node.elements):
                return self.EFFECT
            result = self._seq([e.value for e in node.elements], composite_effect=False)
            return result
        return self.EFFECT

    def _seq(self, parts: Sequence[cst.BaseExpression], composite_effect: bool = True) -> str:
        for part in parts:
            result = self.walk(part)
            if result != self.PURE:
                return result
        return self.EFFECT if composite_effect else self.PURE


class _NestedBlocks(cst.CSTTransformer):
    """Apply ``step`` to the statements of every nested block (nested functions, classes
    and lambdas are other scopes: skipped)."""

    def __init__(
        self,
        step: Callable[[list[cst.BaseStatement]], list[cst.BaseStatement]],
        remember: Callable[[Sequence[cst.CSTNode], Sequence[cst.CSTNode]], None],
    ) -> None:
        super().__init__()
        self.step = step
        self.remember = remember
        self.changed = False

    def on_visit(self, node: cst.CSTNode) -> bool:
        # Blocks are all it rewrites: never enter an expression, a simple statement line
        # or another scope.
        return not isinstance(
            node, cst.FunctionDef | cst.ClassDef | cst.BaseExpression | cst.SimpleStatementLine
        )

    def leave_IndentedBlock(
        self, original: cst.IndentedBlock, updated: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        body = list(updated.body)
        self.remember(original.body, body)
        new = self.step(body)
        if new is body:
            return updated
        self.changed = True
        return updated.with_changes(body=new)


def _single_read_target(stmt: cst.BaseStatement) -> cst.BaseExpression | None:
    """The expression of a statement that forward substitution may rewrite."""
    if not (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1):
        return None
    small = stmt.body[0]
    if isinstance(small, cst.Return) and small.value is not None:
        return small.value
    if (
        isinstance(small, cst.Assign)
        and len(small.targets) == 1
        and isinstance(small.targets[0].target, cst.Name)
    ):
        return small.value
    if isinstance(small, cst.Expr):
        return small.value
    return None


def _has_binding_expr(node: cst.CSTNode) -> bool:
    """Walrus, yield, await or a nested scope: not moved."""
    found = False

    class _V(cst.CSTVisitor):
        def on_visit(self, n: cst.CSTNode) -> bool:
            nonlocal found
            if isinstance(
                n,
                cst.NamedExpr
                | cst.Yield
                | cst.Await
                | cst.Lambda
                | cst.ListComp
                | cst.SetComp
                | cst.DictComp
                | cst.GeneratorExp,
            ):
                found = True
            return not found

    node.visit(_V())
    return found


class _Propagator(ScopedTransformer):
    descends = False  # the work is in leave_FunctionDef and leave_Module

    def __init__(self, ctx: PassContext) -> None:
        super().__init__(ctx)
        self.constant_line = {name: line for name, (_, line) in ctx.facts.constants.items()}
        #: Statements of the tree being transformed, by the id of their rebuilt copies
        #: (the report's lines are known for those).
        self.originals: dict[int, cst.CSTNode] = {}

    def remember(self, original: Sequence[cst.CSTNode], updated: Sequence[cst.CSTNode]) -> None:
        if len(original) == len(updated):
            self.originals.update((id(u), o) for o, u in zip(original, updated, strict=True))

    def _constants(self, names: Iterable[str], before: int) -> dict[str, cst.BaseExpression]:
        """Literal forms of the constants among ``names`` bound above line ``before``."""
        out = {}
        for name in names:
            line = self.constant_line.get(name)
            node = self.ctx.view.constant_node(name) if line is not None and line < before else None
            if node is not None:
                out[name] = node
        return out

    def leave_FunctionDef(
        self, original: cst.FunctionDef, updated: cst.FunctionDef
    ) -> cst.FunctionDef:
        qualname = self.function
        scope = self.scope
        result = updated
        if qualname is not None and scope is not None and qualname not in self.ctx.frozen:
            body = body_of(updated)
            self.remember(body_of(original) or [], body or [])
            if body is not None:
                # Each step trusts ``scope`` (its reads and bindings); a step that changed
                # the body makes it stale, so the next step waits for the next iteration.
                new_body = self._locals(body, scope, qualname)
                if new_body is body and qualname in self.ctx.outcome.inlined_into:
                    new_body = self._forward(body, scope, qualname)
                if new_body is body and self.ctx.options.assume_stable:
                    new_body = self._module_constants_in_function(body, scope, qualname)
                if new_body is body:  # the same steps in nested blocks (a guarded fast path)
                    new_body = self._nested(body, scope, qualname)
                if new_body is not body:
                    result = with_body(updated, new_body)
        self._stack.pop()
        return result

    def _nested(
        self, body: list[cst.BaseStatement], scope: Scope, qualname: str
    ) -> list[cst.BaseStatement]:
        """:meth:`_locals`, else :meth:`_forward`, in every nested block.

        Both hold within any straight-line block: a name bound once, by a statement of the
        block, is bound in the rest of the block; only that rest is rewritten. Blocks are
        independent: a name bound once is bound in one block, and each step reads and
        rewrites only names bound in the block it rewrites, so one visit may change
        several blocks without trusting stale facts.
        """
        inlined = qualname in self.ctx.outcome.inlined_into

        def step(block: list[cst.BaseStatement]) -> list[cst.BaseStatement]:
            new = self._locals(block, scope, qualname)
            if new is block and inlined:
                new = self._forward(block, scope, qualname)
            return new

        rewriter = _NestedBlocks(step, self.remember)
        out = [s.visit(rewriter) for s in body]
        return out if rewriter.changed else body  # type: ignore[return-value]

    # -- local constants and copies -------------------------------------------------
    def _locals(
        self, body: list[cst.BaseStatement], scope: Scope, qualname: str
    ) -> list[cst.BaseStatement]:
        assigned_before: set[str] = set()
        out = body
        for i in range(len(body)):
            match = simple_assign(out[i])
            if match is None:
                continue
            name, value = match
            if not is_plain_local(scope, name):
                continue
            replacement: cst.BaseExpression | None = None
            if small_literal(value):
                replacement = strip_parens(value)
            elif (
                isinstance(value, cst.Name)
                and value.value != name
                and (stable_param(scope, value.value) or (value.value in assigned_before))
            ):
                replacement = value
            assigned_before.add(name)
            if replacement is None:
                continue
            tail, count = self._replace_in(out[i + 1 :], {name: replacement})
            if count:
                out = [*out[: i + 1], *tail]
                self.ctx.note(
                    "propagate",
                    Code.PROPAGATED,
                    True,
                    f"{name} = {code(replacement)} ({count} use(s))",
                    qualname,
                    at=self.originals.get(id(out[i])),
                )
        return out

    @staticmethod
    def _replace_in(
        stmts: Sequence[cst.BaseStatement], mapping: dict[str, cst.BaseExpression]
    ) -> tuple[list[cst.BaseStatement], int]:
        total = 0
        out = []
        for stmt in stmts:
            new, count = replace_reads(stmt, mapping)
            total += count
            out.append(new)
        return out, total

    # -- single-use values --------------------------------------------------------------
    def _forward(
        self, body: list[cst.BaseStatement], scope: Scope, qualname: str
    ) -> list[cst.BaseStatement]:
        changed = True
        out = list(body)
        while changed:
            changed = False
            pure = {p for p in scope.params if stable_param(scope, p)}
            for i in range(len(out) - 1):
                match = simple_assign(out[i])
                if match is not None:
                    name, value = match
                    if self._try_forward(out, i, name, value, scope, pure):
                        self.ctx.note(
                            "propagate",
                            Code.PROPAGATED,
                            True,
                            f"single use of {name} substituted",
                            qualname,
                            at=self.originals.get(id(out[i])),
                        )
                        changed = True
                        break
                    if is_plain_local(scope, name):
                        pure.add(name)
        return out if out != body else body

    def _try_forward(
        self,
        out: list[cst.BaseStatement],
        i: int,
        name: str,
        value: cst.BaseExpression,
        scope: Scope,
        pure: set[str],
    ) -> bool:
        if not is_plain_local(scope, name) or len(scope.reads.get(name, ())) != 1:
            return False
        target = _single_read_target(out[i + 1])
        if target is None or _has_binding_expr(value):
            return False
        unshadowed = frozenset(
            n for n in BUILTIN_NAMES - self.ctx.facts.shadowed_builtins if not scope.is_local(n)
        )
        if _Effects(name, pure, unshadowed).walk(target) != _Effects.FOUND:
            return False
        new_next, count = substitute(out[i + 1], {name: parenthesize(value)})
        if count != 1:
            return False
        out[i : i + 2] = [merge_leading_lines(out[i], new_next)]
        return True

    # -- module constants ----------------------------------------------------------------
    def _module_constants_in_function(
        self, body: list[cst.BaseStatement], scope: Scope, qualname: str
    ) -> list[cst.BaseStatement]:
        first = self.ctx.unit.first_line  # a function defined above N may run before N exists
        mapping = {
            n: e
            for n, e in self._constants(scope.reads, first).items()
            if not self._shadowed(scope, n) and not (self.in_class and _class_meaning(n))
        }
        if not mapping:
            return body
        new, count = self._replace_in(body, mapping)
        if count:
            self.ctx.note(
                "propagate",
                Code.PROPAGATED,
                True,
                f"{count} module constant read(s) (assume-stable)",
                qualname,
            )
            return new
        return body

    @staticmethod
    def _shadowed(scope: Scope | None, name: str) -> bool:
        while scope is not None and scope.kind != "module":
            if scope.kind != "class" and (scope.is_local(name) or name in scope.declared_nonlocal):
                return True
            scope = scope.parent
        return False

    def leave_Module(self, original: cst.Module, updated: cst.Module) -> cst.Module:
        # Import-time code after the constant's own statement, with nothing in between that
        # could rebind it (no barrier statement, nothing unknown evaluated first).
        facts, first = self.ctx.facts, self.ctx.unit.first_line
        read = self.ctx.unit_scope.reads if self.ctx.unit_scope is not None else {}
        mapping = {
            n: e
            for n, e in self._constants(read, first).items()
            if facts.clear_between(self.constant_line[n], first) is None
        }
        if not mapping:
            return updated
        new: list[cst.BaseStatement] = []
        count = 0
        for stmt in updated.body:
            if is_guard_alias(stmt):  # `_astc_f = f` must keep the identity, not a copy
                new.append(stmt)
                continue
            usable = self._read_in_order(stmt, mapping)
            replaced, n = replace_reads(stmt, usable) if usable else (stmt, 0)
            new.append(replaced)
            count += n
        if not count:
            return updated
        self.ctx.note(
            "propagate",
            Code.PROPAGATED,
            True,
            f"{count} module constant read(s) at import time",
            None,
        )
        return updated.with_changes(body=new)

    def _read_in_order(
        self, stmt: cst.BaseStatement, mapping: dict[str, cst.BaseExpression]
    ) -> dict[str, cst.BaseExpression]:
        """The constants of ``mapping`` whose every read in ``stmt`` comes before anything
        in the statement that could rebind them."""
        judge = self.ctx.facts.judge(set(mapping), self.ctx.unit.first_line)
        usable = dict(mapping)
        if statement_problem(stmt, judge) is None:
            return usable  # nothing in it can run unanalysed code
        judge = self.ctx.facts.judge(set(mapping), self.ctx.unit.first_line)  # a fresh one
        for name in names_in(stmt):
            if name.value in usable and prefix_problem(stmt, name, judge) is not None:
                del usable[name.value]
        return usable


def _propagatable(node: ast.AST, scan: Scan) -> bool:
    """A read of a module constant where it may be replaced; a local constant or copy;
    anything in a function code was inlined into (single-use values)."""
    if isinstance(node, ast.Name):
        if scan.function is not None and scan.scope is not None:
            if scan.scope.qualname in scan.inlined_into:
                return True
        if not isinstance(node.ctx, ast.Load) or node.id not in scan.facts.constants:
            return False
        return (scan.function is None and not scan.in_class) or scan.assume_stable
    assert isinstance(node, ast.Assign)
    scope = scan.scope
    return (
        scope is not None
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Constant | ast.Name)
        and scope.binding_count(node.targets[0].id) == 1
        and not scope.uses_dynamic_features()
    )


class Propagate(Pass):
    """Propagate local constants, copies, single-use values and module constants."""

    name = "propagate"
    triggers = {ast.Name: _propagatable, ast.Assign: _propagatable}
    applied = {Code.PROPAGATED: "propagated"}

    def run(self, tree: cst.Module, ctx: PassContext) -> cst.Module:
        return tree.visit(_Propagator(ctx))


def _class_meaning(name: str) -> bool:
    """In a function inside a class, ``name`` is not the module global of that name:
    ``__x`` is mangled to ``_C__x``, and ``__class__`` is the class cell."""
    return name == "__class__" or guards.would_be_mangled(name)
