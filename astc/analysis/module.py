"""Module facts: which module-level names are stable enough to inline, fold or propagate.

A module-level name is *stable* when the module binds it exactly once, by a top-level
statement that always runs (a ``def`` or ``NAME = <literal>`` directly in the module body),
and nothing else in the module writes it (no other assignment, ``del``, ``global`` write,
import or loop target). Modules that use features the analysis cannot see through —
``import *``, ``globals()``, ``locals()``, ``vars()``, ``exec``, ``eval`` — have no stable
names at all.
"""

from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass, field
from typing import Any

from astc.analysis.scopes import Scope, analyze
from astc.evaluate import values


@dataclass
class ModuleFacts:
    tree: ast.Module
    scope: Scope
    #: Why nothing module-level may be assumed, or empty.
    dynamic: list[str] = field(default_factory=list)
    #: Stable top-level functions: name -> (def node, line of the def).
    functions: dict[str, tuple[ast.FunctionDef | ast.AsyncFunctionDef, int]] = field(default_factory=dict)
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


def module_facts(tree: ast.Module) -> ModuleFacts:
    scope = analyze(tree)
    facts = ModuleFacts(tree, scope)
    reasons = set()
    for s in scope.walk():
        reasons.update(n for n in s.dynamic if n != "super")
    facts.dynamic = sorted(reasons)
    facts.shadowed_builtins = frozenset(n for n in scope.bindings if hasattr(builtins, n))
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
                if ok and not isinstance(value, list):  # lists are mutable: never shared
                    facts.constants[target.id] = (value, stmt.lineno)
    return facts
