"""Call folding: evaluate calls of pure module functions on literal arguments at compile time.

Precondition: the callee is a stable module function and the evaluator
(:mod:`astc.evaluate.interpreter`) finishes it within its step budget using literal
values only, so the call runs no user code; the result has an exact literal form holding
no list twice. The evaluation records every module name it read (functions called,
constants), in read order. Where the result is used:

* in a function body, behind a guard on those names at the call site
  (``(10 if f is _astc_f and add is _astc_add else f(1, 2))``); ``--assume-stable`` drops
  the guard unless one of the names is bound below the unit;
* in import-time code, unguarded when every name is bound above the statement and nothing
  between those bindings and the call can run code astc has not analysed (no barrier
  statement, nothing unknown evaluated earlier in the statement: :mod:`astc.passes.prefix`);
  guarded when only that second condition fails; left alone when a name is bound below.

A call whose evaluation raises is left alone, so it raises at run time as before.

Before::

    def area(w, h):
        return w * h

    def report():
        return area(3, 4)

    print(area(2, 5))

After (guarded in a function; at import time nothing between ``def area`` and the call
can rebind ``area``: no guard)::

    def area(w, h):
        return w * h
    _astc_area = area
    def report():
        return 12 if area is _astc_area else area(3, 4)

    print(10)
"""

from __future__ import annotations

import ast
from typing import Any

import libcst as cst

from astc import guards
from astc.analysis.prescan import Scan, is_const
from astc.diagnostics import Code
from astc.evaluate.interpreter import Evaluator
from astc.evaluate.values import PURE_BUILTINS, FoldRaises, NotFoldable
from astc.passes.base import Pass, PassContext, ScopedTransformer, shadowed_names
from astc.passes.cst_util import (
    TidyParens,
    code,
    literal_node,
    literal_value,
    names_in,
    replace_expr,
)
from astc.passes.inline import caller_refusal, must_guard, shadows
from astc.passes.prefix import prefix_problem, statement_problem


class _CallFolder(ScopedTransformer):
    def __init__(self, ctx: PassContext) -> None:
        super().__init__(ctx)
        self.functions = ctx.view.foldable
        self.lines = ctx.view.lines
        #: Builtins folded on literal arguments (a name the module binds is not the builtin).
        self.builtins = frozenset(PURE_BUILTINS) - shadowed_names(ctx)
        self.lambda_depth = 0
        self._refused_callers: set[str] = set()
        self._statement: cst.CSTNode | None = None  # the top-level statement being visited
        self._settled: set[int] = set()  # see guards.settled_parts

    def on_visit(self, node: cst.CSTNode) -> bool:
        if id(node) in self._settled:
            return False
        self._settled.update(id(n) for n in guards.settled_parts(node))
        if self._statement is None and isinstance(node, cst.BaseStatement):
            self._statement = node
        return super().on_visit(node)

    def on_leave(  # type: ignore[override]  # LibCST's own signature is generic
        self, original_node: cst.CSTNode, updated_node: cst.CSTNode
    ) -> cst.CSTNode | cst.RemovalSentinel | cst.FlattenSentinel[cst.CSTNode]:
        if original_node is self._statement:
            self._statement = None
        if id(original_node) in self._settled:
            return updated_node  # LibCST calls leave_* even for a node whose visit said no
        return super().on_leave(original_node, updated_node)

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        self.lambda_depth += 1
        return True

    def leave_Lambda(self, original: cst.Lambda, updated: cst.Lambda) -> cst.BaseExpression:
        self.lambda_depth -= 1
        return updated

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        func = updated.func
        if (
            not isinstance(func, cst.Name)
            or (func.value not in self.functions and func.value not in self.builtins)
            or self.lambda_depth
        ):
            return updated
        if self.function is None and self.in_class:
            return updated  # class bodies have their own names
        scope = self.scope
        if shadows(scope, func.value):
            return updated
        args: list[Any] = []
        kwargs: dict[str, Any] = {}
        for arg in updated.args:
            ok, value = literal_value(arg.value)
            if not ok or arg.star:
                return updated
            if arg.keyword is None:
                args.append(value)
            else:
                kwargs[arg.keyword.value] = value
        env = self.ctx.view.environment(self.ctx.facts.shadowed_builtins)
        try:
            result = Evaluator(env, self.ctx.options.fold_step_budget).call(
                func.value, args, kwargs
            )
            new = literal_node(result, self.ctx.encoding)
        except FoldRaises as error:
            self.ctx.note(
                "call-fold",
                Code.FOLD_RAISES,
                False,
                f"{code(updated)[:60]} raises {error}",
                self.function,
            )
            return updated
        except (NotFoldable, RecursionError) as error:
            self.ctx.note(
                "call-fold",
                Code.NOT_FOLDABLE,
                False,
                f"{code(updated)[:60]}: {error}",
                self.function,
            )
            return updated
        verdict = self._allowed(env.assumed, original, updated)
        if verdict is None:
            return updated
        if verdict:
            new = guards.guarded_expression(new, updated, env.assumed)
        elif id(original) in self.is_operands:
            return updated  # never a literal operand of `is` (see note_is_operands)
        self.ctx.note(
            "call-fold",
            Code.CALL_FOLDED,
            True,
            f"{code(updated)[:60]} -> {code(new)[:60]}",
            self.function,
        )
        return replace_expr(updated, new)

    def _allowed(self, assumed: list[str], original: cst.Call, call: cst.Call) -> bool | None:
        """None: leave the call; True: fold behind a guard; False: fold unguarded."""
        if self.in_class and any(guards.would_be_mangled(n) for n in assumed):
            return None  # `__x` in a guard would be mangled inside a class
        qualname = self.function
        if qualname is None:
            return self._import_time(assumed, original, call)
        scope = self.scope
        if scope is None:
            return None
        guarded = must_guard(self.ctx, assumed)
        # A guard reads the names where the call is: a local of the same name would be read.
        clash = sorted(n for n in assumed if shadows(scope, n)) if guarded else []
        why = caller_refusal(scope)
        if clash or why is not None:
            if qualname not in self._refused_callers:
                self._refused_callers.add(qualname)
                reason = why[1] if why else f"{', '.join(clash)} are locals here"
                self.ctx.note(
                    "call-fold", why[0] if why else Code.NAME_CLASH, False, reason, qualname
                )
            return None
        self.ctx.outcome.inlined_into.add(qualname)
        return guarded

    def _import_time(self, assumed: list[str], original: cst.Call, call: cst.Call) -> bool | None:
        """Import-time code runs in order: see the module docstring."""
        first = self.ctx.unit.first_line
        late = [n for n in assumed if self.lines.get(n, 0) >= first]
        if late:
            self.ctx.note(
                "call-fold",
                Code.REBOUND,
                False,
                f"{code(call)[:60]}: {', '.join(late)} defined below the call",
                None,
            )
            return None
        facts = self.ctx.facts
        since = min(self.lines.get(n, 0) for n in assumed)  # a builtin: since the start
        barrier = facts.clear_between(since, first)
        if barrier is None and self._statement is not None:
            known = facts.known_at(first, {n.value for n in names_in(self._statement)})
            if statement_problem(self._statement, facts.judge(set(known), first)) is not None:
                barrier = prefix_problem(self._statement, original, facts.judge(known, first))
        if barrier is not None:
            self.ctx.note(
                "call-fold",
                Code.GUARDED,
                True,
                f"{code(call)[:60]}: guarded, since {barrier} before it",
                None,
            )
            return True
        return False


def _foldable_call(node: ast.AST, scan: Scan) -> bool:
    """A call of a module function or a foldable builtin on literal arguments."""
    assert isinstance(node, ast.Call)
    if scan.in_class or scan.facts.dynamic or not isinstance(node.func, ast.Name):
        return False
    name = node.func.id
    if name not in scan.facts.functions and name not in PURE_BUILTINS:
        return False
    return all(is_const(a) for a in [*node.args, *(k.value for k in node.keywords)])


class CallFold(Pass):
    """Evaluate calls of pure module functions with literal arguments at compile time."""

    name = "call-fold"
    triggers = {ast.Call: _foldable_call}
    applied = {Code.CALL_FOLDED: "folded", Code.GUARDED: "guarded"}
    refusals = (Code.NOT_FOLDABLE, Code.FOLD_RAISES, Code.REBOUND, Code.NAME_CLASH)

    def run(self, tree: cst.Module, ctx: PassContext) -> cst.Module:
        before = ctx.outcome.changes
        folded = tree.visit(_CallFolder(ctx))
        return tree if ctx.outcome.changes == before else folded.visit(TidyParens())
