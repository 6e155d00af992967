"""Call folding: evaluate calls of pure module functions on literal arguments at compile time.

Precondition: the callee is a stable module function and the evaluator
(:mod:`astc.evaluate.interpreter`) finishes it within its step budget using literal
values only; the result has an exact literal form. Every module name the evaluation
depended on (functions called, constants read) must be defined by a statement *above* a
module-level call site — import-time code runs in order and nothing can rebind them
first. Inside a function body the result is used under an identity guard on those names
(default) or unconditionally (``assume_stable``). A call whose evaluation raises is left
alone, so it raises at run time as before.

Before::

    print(fancy_func(1, 2, 3, 4))

After::

    print(10)
"""

from __future__ import annotations

import ast
from typing import Any

import libcst as cst

from astc.diagnostics import Code
from astc.evaluate.interpreter import Environment, Evaluator
from astc.evaluate.values import FoldRaises, NotFoldable
from astc.passes.base import Pass, PassContext, ScopedTransformer
from astc.passes.cst_util import code, literal_node, literal_value, replace_expr
from astc.passes.inline import caller_refusal, shadows


class _CallFolder(ScopedTransformer):
    def __init__(self, ctx: PassContext) -> None:
        super().__init__(ctx)
        facts = ctx.facts
        self.functions = {
            n: fn
            for n, (fn, _) in facts.functions.items()
            if isinstance(fn, ast.FunctionDef) and not fn.decorator_list
        }
        self.constants = {n: v for n, (v, _) in facts.constants.items()}
        self.lines = {
            n: line for n, (_, line) in [*facts.functions.items(), *facts.constants.items()]
        }
        scopes = ctx.function_facts.scopes
        self.locals_of = {
            id(fn): set(scopes[n].bindings) - scopes[n].declared_global
            for n, fn in self.functions.items()
            if n in scopes
        }
        self.lambda_depth = 0
        self._refused_callers: set[str] = set()

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        self.lambda_depth += 1
        return True

    def leave_Lambda(self, original: cst.Lambda, updated: cst.Lambda) -> cst.BaseExpression:
        self.lambda_depth -= 1
        return updated

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        func = updated.func
        if not isinstance(func, cst.Name) or func.value not in self.functions or self.lambda_depth:
            return updated
        if self.function is None and self._in_class():
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
        env = Environment(
            self.functions,
            self.constants,
            lambda fn: self.locals_of.get(id(fn), set()),
            self.ctx.facts.shadowed_builtins,
        )
        try:
            result = Evaluator(env, self.ctx.options.fold_step_budget).call(
                func.value, args, kwargs
            )
            new = literal_node(result)
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
        if not self._allowed(env.assumed, updated):
            return updated
        self.ctx.note(
            "call-fold",
            Code.CALL_FOLDED,
            True,
            f"{code(updated)[:60]} -> {code(new)[:60]}",
            self.function,
        )
        return replace_expr(updated, new)

    def _in_class(self) -> bool:
        return any(kind == "class" for kind, _ in self._stack)

    def _allowed(self, assumed: set[str], call: cst.Call) -> bool:
        qualname = self.function
        if qualname is None:  # import-time code: everything it used must already be defined
            late = sorted(n for n in assumed if self.lines.get(n, 0) >= self.ctx.unit.first_line)
            if late:
                self.ctx.note(
                    "call-fold",
                    Code.REBOUND,
                    False,
                    f"{code(call)[:60]}: {', '.join(late)} defined below the call",
                    None,
                )
                return False
            return True
        if self.ctx.options.assume_stable:
            self.ctx.inlined.add(qualname)
            return True
        scope = self.scope
        if scope is None:
            return False
        clash = sorted(n for n in assumed if shadows(scope, n))
        why = caller_refusal(self.ctx, self.ctx.function_facts, scope)
        if clash or why is not None:
            if qualname not in self._refused_callers:
                self._refused_callers.add(qualname)
                reason = why[1] if why else f"{', '.join(clash)} are locals here"
                self.ctx.note(
                    "call-fold", why[0] if why else Code.NAME_CLASH, False, reason, qualname
                )
            return False
        self.ctx.inlined.add(qualname)
        self.ctx.guards.setdefault(qualname, set()).update(assumed)
        return True


class CallFold(Pass):
    """Evaluate calls of pure module functions with literal arguments at compile time."""

    name = "call-fold"

    def applies(self, ctx: PassContext) -> bool:
        return not ctx.facts.dynamic and bool(ctx.called_functions)

    def run(self, tree: cst.Module, ctx: PassContext) -> cst.Module:
        return tree.visit(_CallFolder(ctx))
