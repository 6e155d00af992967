"""Function facts: which module functions may be inlined, and which calls are guard-safe.

A function may be *inlined* when its body can be pasted into a caller without changing
what either does: a plain ``def`` at module level, bound once; not recursive (directly or
through other module functions), not a generator or coroutine, no decorators, no
``*args``/``**kwargs``, no ``global``/``nonlocal``, no nested scopes (closures), no
``locals()``/``exec``/``eval``, literal default values only, and a body whose only
``return`` is its last statement.

A call is *guard-safe* when it cannot rebind module globals: a call of an allow-listed
builtin, or of a module function that only makes guard-safe calls and declares no
``global``. The identity guard that protects inlined code is checked once, at function
entry, so it is only valid while everything the function calls is guard-safe.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from functools import cached_property

from astc.analysis.module import ModuleFacts
from astc.analysis.scopes import Scope, function_scopes
from astc.diagnostics import Code
from astc.evaluate import values
from astc.evaluate.interpreter import literal_expression

MAX_INLINE_STATEMENTS = 30

#: Builtins assumed not to rebind module globals (see docs/semantics.md).
SAFE_BUILTINS = frozenset(
    {
        *values.PURE_BUILTINS,
        "range",
        "isinstance",
        "issubclass",
        "print",
        "repr",
        "hash",
        "len",
        "enumerate",
        "zip",
        "sorted",
        "reversed",
        "list",
        "dict",
        "set",
        "frozenset",
        "any",
        "all",
        "map",
        "filter",
        "iter",
        "next",
        "type",
        "id",
        "format",
        "bin",
        "hex",
        "oct",
        "complex",
        "bytes",
        "ValueError",
        "TypeError",
        "KeyError",
        "IndexError",
        "RuntimeError",
        "ZeroDivisionError",
    }
)


@dataclass(frozen=True)
class Refusal:
    code: Code
    message: str


def own_calls(node: ast.AST) -> list[ast.Call]:
    """Calls evaluated by this function itself (not inside nested functions or lambdas)."""
    out: list[ast.Call] = []
    stack: list[ast.AST] = list(ast.iter_child_nodes(node))
    while stack:
        n = stack.pop()
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            continue
        if isinstance(n, ast.Call):
            out.append(n)
        stack.extend(ast.iter_child_nodes(n))
    return out


def called_names(node: ast.AST) -> set[str]:
    return {c.func.id for c in own_calls(node) if isinstance(c.func, ast.Name)}


@dataclass
class FunctionFacts:
    facts: ModuleFacts
    _verdicts: dict[str, Refusal | None] = field(default_factory=dict)
    #: Scopes of module functions as compiled already (unguarded), by name: passes judge
    #: and inline these instead of the originals, which they are equivalent to.
    _compiled: dict[str, Scope] = field(default_factory=dict)

    #: Functions no pass may inline, whatever their body (e.g. Numba kernels), and why.
    _forbidden: dict[str, Refusal] = field(default_factory=dict)

    def forbid_inlining(self, name: str, refusal: Refusal) -> None:
        """Never inline ``name``; :meth:`inline_refusal` answers ``refusal`` for it."""
        self._forbidden[name] = refusal

    def use_compiled(self, name: str, scope: Scope) -> None:
        """From now on, judge and inline ``name`` by its compiled definition ``scope.node``."""
        self._compiled[name] = scope
        self._verdicts.pop(name, None)

    def scope_of(self, name: str) -> Scope | None:
        """The scope of module function ``name``: compiled if it was, else the original."""
        return self._compiled.get(name) or self.scopes.get(name)

    @cached_property
    def scopes(self) -> dict[str, Scope]:
        return function_scopes(self.facts.scope)

    @cached_property
    def call_graph(self) -> dict[str, set[str]]:
        names = set(self.facts.functions)
        return {n: called_names(fn) & names for n, (fn, _) in self.facts.functions.items()}

    def recursive(self, name: str) -> bool:
        seen: set[str] = set()
        stack = list(self.call_graph.get(name, ()))
        while stack:
            n = stack.pop()
            if n == name:
                return True
            if n not in seen:
                seen.add(n)
                stack.extend(self.call_graph.get(n, ()))
        return False

    @cached_property
    def guard_safe_functions(self) -> frozenset[str]:
        """Module functions whose calls (transitively) cannot rebind module globals."""
        safe = set(self.facts.functions)
        changed = True
        while changed:
            changed = False
            for name in list(safe):
                fn, _ = self.facts.functions[name]
                scope = self.scopes.get(name)
                if (
                    scope is None
                    or scope.declared_global
                    or not all(self.safe_call(c, safe) for c in own_calls(fn))
                ):
                    safe.discard(name)
                    changed = True
        return frozenset(safe)

    def safe_call(
        self, call: ast.Call, safe_functions: set[str] | frozenset[str] | None = None
    ) -> bool:
        if not isinstance(call.func, ast.Name):
            return False
        name = call.func.id
        functions = self.guard_safe_functions if safe_functions is None else safe_functions
        if name in functions:
            return True
        return name in SAFE_BUILTINS and name not in self.facts.shadowed_builtins

    def inline_refusal(self, name: str) -> Refusal | None:
        """Why ``name`` cannot be inlined, or None if it can."""
        if name in self._forbidden:
            return self._forbidden[name]
        if name not in self._verdicts:
            self._verdicts[name] = self._judge(name)
        return self._verdicts[name]

    def _judge(self, name: str) -> Refusal | None:
        if self.facts.dynamic:
            return Refusal(Code.DYNAMIC_SCOPE, f"module uses {', '.join(self.facts.dynamic)}")
        if name not in self.facts.functions:
            return Refusal(Code.REBOUND, f"{name} is bound more than once or not by a plain def")
        fn, _ = self.facts.functions[name]
        scope = self.scope_of(name)
        if scope is not None and isinstance(scope.node, ast.FunctionDef):
            fn = scope.node
        if isinstance(fn, ast.AsyncFunctionDef):
            return Refusal(Code.ASYNC, f"{name} is a coroutine function")
        if scope is None:
            return Refusal(Code.REBOUND, f"{name} is defined more than once")
        if fn.decorator_list:
            return Refusal(Code.DECORATED, f"{name} is decorated")
        if scope.is_generator:
            return Refusal(Code.GENERATOR, f"{name} is a generator")
        if fn.args.vararg or fn.args.kwarg:
            return Refusal(Code.STAR_ARGS, f"{name} takes *args/**kwargs")
        if scope.declared_global or scope.declared_nonlocal:
            return Refusal(Code.GLOBAL_NONLOCAL, f"{name} declares global/nonlocal names")
        if scope.uses_dynamic_features():
            return Refusal(Code.DYNAMIC_SCOPE, f"{name} uses {', '.join(sorted(scope.dynamic))}")
        if scope.children:
            return Refusal(
                Code.CLOSURE, f"{name} defines nested functions, lambdas or comprehensions"
            )
        if self.recursive(name):
            return Refusal(Code.RECURSIVE, f"{name} is recursive")
        for default in [*fn.args.defaults, *(d for d in fn.args.kw_defaults if d is not None)]:
            if not literal_expression(default)[0]:
                return Refusal(
                    Code.NON_CONSTANT_DEFAULT, f"{name} has a default that is not a literal"
                )
        body = fn.body[1:] if ast.get_docstring(fn, clean=False) is not None else fn.body
        returns = [n for n in ast.walk(fn) if isinstance(n, ast.Return)]
        if any(r is not body[-1] for r in returns) if body else False:
            return Refusal(Code.UNSUPPORTED_BODY, f"{name} returns from more than one place")
        if sum(isinstance(n, ast.stmt) for n in ast.walk(fn)) > MAX_INLINE_STATEMENTS:
            return Refusal(Code.UNSUPPORTED_BODY, f"{name} is too large to inline")
        if any(
            isinstance(n, ast.Try | ast.TryStar | ast.With | ast.AsyncWith | ast.Match)
            for n in ast.walk(fn)
        ):
            return Refusal(Code.UNSUPPORTED_BODY, f"{name} has try/with/match statements")
        return None
