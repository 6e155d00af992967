"""Module facts: which module-level names are stable, and where import-time code may run
code astc has not analysed.

A module-level name is *stable* when the module binds it exactly once, by a top-level
statement that always runs (a ``def`` or ``NAME = <constant>`` directly in the module body),
and nothing else in the module writes it (no other assignment, ``del``, ``global`` write,
import or loop target). Modules that use features the analysis cannot see through —
``import *``, ``globals()``, ``locals()``, ``vars()``, ``exec``, ``eval`` — have no stable
names at all.

Stable does not mean unchanging: other modules, and code of this one astc cannot see
through, may rebind any global at any time (docs/semantics.md). So every top-level
statement is also judged by :mod:`astc.analysis.effects`: a *barrier* is a statement that
may run code astc has not analysed (an import, a call of something unknown, a decorator,
``print``...). Import-time code may rely on a binding only across statements that are not
barriers (:meth:`ModuleFacts.clear_between`).

A *constant* is a deeply immutable literal value (no list anywhere inside: a shared list
could be changed through any alias), or one the step-budgeted evaluator computes from
literals, constants and calls of stable functions, all bound above it with no barrier in
between (so the value is the one the import computes): ``K = 2 ** 8`` and ``R = area(3)``
are constants. Computing them here, rather than leaving it to the passes, is what makes
compiling astc's output again a no-op: a constant folded by this compile is already known
to it.
"""

from __future__ import annotations

import ast
import bisect
import builtins
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from astc.analysis.effects import Judge
from astc.analysis.scopes import Scope, analyze
from astc.evaluate import values
from astc.evaluate.interpreter import Environment, Evaluator
from astc.evaluate.values import PURE_BUILTINS

#: Evaluator steps for one module constant's expression when no option says otherwise.
DEFAULT_STEP_BUDGET = 20_000

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass
class ModuleFacts:
    tree: ast.Module
    scope: Scope
    #: Why nothing module-level may be assumed, or empty.
    dynamic: list[str] = field(default_factory=list)
    #: How the module may reach module objects (its own included) and write globals
    #: through them: ``assume_stable`` does not apply to such a module (see Pipeline).
    module_objects: dict[str, int] = field(default_factory=dict)  # reason -> first line
    #: Stable top-level functions: name -> (def node, line of the def).
    functions: dict[str, tuple[FunctionNode, int]] = field(default_factory=dict)
    #: Stable module constants: name -> (literal value, line of the assignment).
    constants: dict[str, tuple[Any, int]] = field(default_factory=dict)
    #: Builtin names the module binds somewhere (so they are not the builtins).
    shadowed_builtins: frozenset[str] = frozenset()
    #: First lines of the top-level statements that may run unanalysed code, ascending,
    #: with the reason of each.
    barriers: list[tuple[int, str]] = field(default_factory=list)
    #: ``from __future__ import annotations``: annotations are never evaluated.
    lazy_annotations: bool = False

    def binding_count(self, name: str) -> int:
        return self.scope.binding_count(name)

    def line_of(self, name: str) -> int | None:
        """Line of the statement binding stable ``name``."""
        if name in self.functions:
            return self.functions[name][1]
        if name in self.constants:
            return self.constants[name][1]
        return None

    def clear_between(self, after_line: int, before_line: int) -> str | None:
        """The reason of the first barrier statement strictly between two lines, or None."""
        lines = self._barrier_lines
        i = bisect.bisect_right(lines, after_line)
        if i < len(lines) and lines[i] < before_line:
            return f"line {lines[i]} {self.barriers[i][1]}"
        return None

    def known_at(self, line: int, names: set[str]) -> set[str]:
        """Those of ``names`` that are constants still bound to their value at ``line``
        (bound above it, with no barrier in between)."""
        known = set()
        for name in names:
            bound = self.constants.get(name)
            if bound is not None and bound[1] < line and self.clear_between(bound[1], line) is None:
                known.add(name)
        return known

    @cached_property
    def _barrier_lines(self) -> list[int]:
        return [line for line, _ in self.barriers]

    def judge(self, known: Collection[str], line: int) -> Judge:
        """An :class:`~astc.analysis.effects.Judge` for code of this module at ``line``.

        After a barrier, any builtin may have been shadowed by a global created by code
        astc did not see: calling one is then no longer known to run no user code.
        """
        shadowed = self.shadowed_builtins
        if self.barriers and self.barriers[0][0] < line:
            shadowed = shadowed | frozenset(PURE_BUILTINS)
        return Judge(known, shadowed, lazy_annotations=self.lazy_annotations)


class _Builder:
    """Fills :class:`ModuleFacts` in one pass over the top-level statements."""

    def __init__(self, facts: ModuleFacts, budget: int) -> None:
        self.facts = facts
        self.budget = budget
        scopes = {s.node: s for s in facts.scope.children if s.kind == "function"}
        self._locals = {id(node): set(s.bindings) - s.declared_global for node, s in scopes.items()}
        #: Functions and constants bound with no barrier since: usable by import-time code.
        self.live_functions: dict[str, ast.FunctionDef] = {}
        self.live_constants: dict[str, Any] = {}
        self._evaluated: dict[int, tuple[bool, Any]] = {}
        self.builtins_unknown = False

    def _evaluate(self, node: ast.expr) -> tuple[bool, Any]:
        """Value of ``node`` over the live functions and constants (cached per node)."""
        if id(node) not in self._evaluated:
            shadowed = self.facts.shadowed_builtins
            if self.builtins_unknown:
                shadowed = shadowed | frozenset(PURE_BUILTINS)
            env = Environment(
                self.live_functions,
                self.live_constants,
                lambda fn: self._locals.get(id(fn), set()),
                shadowed,
            )
            try:
                value = Evaluator(env, self.budget).expr(node, {}, None)
                values.to_source(value)
                result: tuple[bool, Any] = (True, value)
            except (values.NotFoldable, values.FoldRaises, RecursionError):
                result = (False, None)
            self._evaluated[id(node)] = result
        return self._evaluated[id(node)]

    def _evaluable(self, call: ast.Call) -> bool:
        return (
            isinstance(call.func, ast.Name)
            and call.func.id in self.live_functions
            and self._evaluate(call)[0]
        )

    def statement(self, stmt: ast.stmt) -> None:
        facts, scope = self.facts, self.facts.scope
        judge = facts.judge(self.live_constants.keys(), stmt.lineno)
        judge.evaluable = self._evaluable
        problem = judge.first_problem(stmt)
        if problem is not None:
            facts.barriers.append((stmt.lineno, problem))
            self.live_functions.clear()
            self.live_constants.clear()
            # Unanalysed code may have created a global that shadows a builtin.
            self.builtins_unknown = True
        if isinstance(stmt, FunctionNode):
            if scope.binding_count(stmt.name) == 1:
                facts.functions[stmt.name] = (stmt, stmt.lineno)
                if isinstance(stmt, ast.FunctionDef) and not stmt.decorator_list:
                    self.live_functions[stmt.name] = stmt
        elif isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target = stmt.targets[0]
            if isinstance(target, ast.Name) and scope.binding_count(target.id) == 1:
                # The evaluator reads literals as literal_eval does, and computes the rest.
                ok, value = self._evaluate(stmt.value) if problem is None else (False, None)
                if ok and values.is_immutable(value):  # a list could change through aliases
                    facts.constants[target.id] = (value, stmt.lineno)
                    self.live_constants[target.id] = value


def module_facts(tree: ast.Module, step_budget: int = DEFAULT_STEP_BUDGET) -> ModuleFacts:
    scope = analyze(tree)
    facts = ModuleFacts(tree, scope)
    reasons: set[str] = set()
    for s in scope.walk():
        reasons.update(n for n in s.dynamic if n not in ("super", "__class__"))
    facts.dynamic = sorted(reasons)
    for s in scope.walk():
        for reason, line in s.module_objects.items():
            facts.module_objects.setdefault(reason, line)
    # vars(), not hasattr(): a global name resolves in the builtins *dict*, and hasattr() on a
    # module creates a missing __annotations__ attribute, which then leaks to every program
    # in this process (a bare `__annotations__[k] = v` stops raising NameError).
    facts.shadowed_builtins = frozenset(n for n in scope.bindings if n in vars(builtins))
    facts.lazy_annotations = any(
        isinstance(s, ast.ImportFrom)
        and s.module == "__future__"
        and any(a.name == "annotations" for a in s.names)
        for s in tree.body
    )
    if facts.dynamic:
        return facts
    builder = _Builder(facts, step_budget)
    for stmt in tree.body:
        builder.statement(stmt)
    return facts
