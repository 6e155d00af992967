"""Module facts: which module-level names are stable enough to inline, fold or propagate.

A module-level name is *stable* when the module binds it exactly once, by a top-level
statement that always runs (a ``def`` or ``NAME = <constant>`` directly in the module body),
and nothing else in the module writes it (no other assignment, ``del``, ``global`` write,
import or loop target). Modules that use features the analysis cannot see through —
``import *``, ``globals()``, ``locals()``, ``vars()``, ``exec``, ``eval`` — have no stable
names at all.

A *constant* is a literal, or an expression the step-budgeted evaluator computes from
literals, constants and calls of stable functions all bound by statements above it (so the
value is the one the import computes): ``K = 2 ** 8`` and ``R = area(3)`` are constants.
Computing them here, rather than leaving it to the passes, is what makes compiling astc's
output again a no-op: a constant folded by this compile is already known to it.
"""

from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass, field
from typing import Any

from astc.analysis.scopes import Scope, analyze, function_scopes
from astc.evaluate import values
from astc.evaluate.interpreter import Environment, Evaluator

#: Evaluator steps allowed for one module constant's expression.
CONSTANT_STEP_BUDGET = 20_000


@dataclass
class ModuleFacts:
    tree: ast.Module
    scope: Scope
    #: Why nothing module-level may be assumed, or empty.
    dynamic: list[str] = field(default_factory=list)
    #: Stable top-level functions: name -> (def node, line of the def).
    functions: dict[str, tuple[ast.FunctionDef | ast.AsyncFunctionDef, int]] = field(
        default_factory=dict
    )
    #: Stable module constants: name -> (literal value, line of the assignment).
    constants: dict[str, tuple[Any, int]] = field(default_factory=dict)
    #: Builtin names the module binds somewhere (so they are not the builtins).
    shadowed_builtins: frozenset[str] = frozenset()

    def binding_count(self, name: str) -> int:
        return self.scope.binding_count(name)

    def is_stable(self, name: str) -> bool:
        return not self.dynamic and (name in self.functions or name in self.constants)


def _literal_value(node: ast.expr) -> tuple[bool, Any]:
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False, None
    try:
        values.to_source(value)
    except values.NotFoldable:
        return False, None
    return True, value


def _computed_value(node: ast.expr, facts: ModuleFacts) -> tuple[bool, Any]:
    """Evaluate ``node`` over the constants and functions bound above it.

    ``facts`` is being filled in statement order, so it holds only names bound above.
    """
    functions = {
        n: fn
        for n, (fn, _) in facts.functions.items()
        if isinstance(fn, ast.FunctionDef) and not fn.decorator_list
    }
    constants = {n: v for n, (v, _) in facts.constants.items()}
    scopes = function_scopes(facts.scope)
    env = Environment(
        functions,
        constants,
        lambda fn: (
            set(scopes[fn.name].bindings) - scopes[fn.name].declared_global
            if fn.name in scopes
            else set()
        ),
        facts.shadowed_builtins,
    )
    try:
        value = Evaluator(env, CONSTANT_STEP_BUDGET).expr(node, {}, None)
        values.to_source(value)
    except (values.NotFoldable, values.FoldRaises, RecursionError):
        return False, None
    return True, value


def module_facts(tree: ast.Module) -> ModuleFacts:
    scope = analyze(tree)
    facts = ModuleFacts(tree, scope)
    reasons: set[str] = set()
    for s in scope.walk():
        reasons.update(n for n in s.dynamic if n != "super")
    facts.dynamic = sorted(reasons)
    # vars(), not hasattr(): a global name resolves in the builtins *dict*, and hasattr() on a
    # module creates a missing __annotations__ attribute, which then leaks to every program
    # in this process (a bare `__annotations__[k] = v` stops raising NameError).
    facts.shadowed_builtins = frozenset(n for n in scope.bindings if n in vars(builtins))
    if facts.dynamic:
        return facts
    for stmt in tree.body:
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            if scope.binding_count(stmt.name) == 1:
                facts.functions[stmt.name] = (stmt, stmt.lineno)
        elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target = stmt.targets[0]
            if isinstance(target, ast.Name) and scope.binding_count(target.id) == 1:
                ok, value = _literal_value(stmt.value)
                if not ok:
                    ok, value = _computed_value(stmt.value, facts)
                if ok and not isinstance(value, list):  # lists are mutable: never shared
                    facts.constants[target.id] = (value, stmt.lineno)
    return facts
