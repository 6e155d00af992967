"""Function facts: which module functions may be inlined.

A function may be *inlined* when its body can be pasted into a caller without changing
what either does: a plain ``def`` at module level, bound once; not recursive (directly or
through other module functions), not a generator or coroutine, no decorators, no
``*args``/``**kwargs``, no ``global``/``nonlocal``, no nested scopes (closures), no
``locals()``/``exec``/``eval``, defaults that are immutable literals (Python creates a
default once per ``def`` and every call shares it: an inlined copy of ``[]`` would be a
new list per call), no f-string ``=`` specifier (it prints the source text of its
expression, which renaming the callee's variables would change), and a body whose only
``return`` is its last statement.

Whether a call *site* may use the inlined body is the inliner's question (guards, name
clashes, class scopes: :mod:`astc.passes.inline`).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from astc.analysis.binding import maybe_unbound
from astc.analysis.module import ModuleFacts
from astc.analysis.scopes import Scope, function_scopes
from astc.analysis.walk import CHILD_FIELDS
from astc.diagnostics import Code
from astc.evaluate import values
from astc.evaluate.interpreter import literal_expression
from astc.guards import would_be_mangled

MAX_INLINE_STATEMENTS = 30
#: Largest callee, in ``ast`` nodes (a 30-statement function of plain arithmetic is ~400).
MAX_INLINE_NODES = 150


@dataclass(frozen=True)
class Refusal:
    code: Code
    message: str


def private_names(nodes: Iterable[ast.AST]) -> set[str]:
    """``__x`` identifiers (names, attributes, keywords) among ``nodes`` (``ast.walk`` of
    a function) that Python would mangle in a class."""
    out: set[str] = set()
    for n in nodes:
        for ident in (
            getattr(n, "id", None),
            getattr(n, "attr", None) if isinstance(n, ast.Attribute) else None,
            n.arg if isinstance(n, ast.keyword | ast.arg) else None,
        ):
            if isinstance(ident, str) and would_be_mangled(ident):
                out.add(ident)
    return out


def has_debug_fstring(nodes: Iterable[ast.AST]) -> bool:
    """An f-string ``{x=}`` among ``nodes`` (every node of a function: ``ast.walk``): its
    text is part of the value (``ast`` keeps it as a literal ``'x='`` before the
    formatted value)."""
    for n in nodes:
        if isinstance(n, ast.JoinedStr):
            parts = n.values
            for before, after in zip(parts, parts[1:], strict=False):
                if (
                    isinstance(before, ast.Constant)
                    and isinstance(before.value, str)
                    and isinstance(after, ast.FormattedValue)
                    and before.value.rstrip(" ").endswith("=")  # (no unparse otherwise)
                    and before.value.replace(" ", "").endswith(
                        ast.unparse(after.value).replace(" ", "") + "="
                    )
                ):
                    return True  # `f"x={x}"` looks the same: refusing it too is the safe side
    return False


_NESTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def own_calls(node: ast.AST) -> list[ast.Call]:
    """Calls evaluated by this function itself (not inside nested functions or lambdas)."""
    out: list[ast.Call] = []
    stack: list[ast.AST] = [node]
    push, child_fields = stack.append, CHILD_FIELDS
    while stack:
        n = stack.pop()
        n_type = type(n)
        if n_type in _NESTED and n is not node:
            continue
        if n_type is ast.Call:
            out.append(n)  # type: ignore[arg-type]
        for name in child_fields[n_type]:  # children pushed in order, so the last is next
            value = getattr(n, name, None)
            if type(value) is list:
                for v in value:
                    if isinstance(v, ast.AST):
                        push(v)
            elif isinstance(value, ast.AST):
                push(value)
    return out


def called_names(node: ast.AST) -> set[str]:
    return {c.func.id for c in own_calls(node) if isinstance(c.func, ast.Name)}


class CompiledForms:
    """Module functions as compiled already, by name: the pipeline records each one as it
    compiles it (callees first). Passes judge and inline these forms, which are
    equivalent to the originals under the model in force; recording a new form is the
    only change this record sees, and it says which (``generation``)."""

    def __init__(self) -> None:
        self._scopes: dict[str, Scope] = {}
        self._generation: dict[str, int] = {}

    def record(self, name: str, scope: Scope) -> None:
        """From now on, ``name`` is judged and inlined by its compiled ``scope.node``."""
        self._scopes[name] = scope
        self._generation[name] = self._generation.get(name, 0) + 1

    def get(self, name: str) -> Scope | None:
        return self._scopes.get(name)

    def generation(self, name: str) -> int:
        """How many compiled forms of ``name`` were recorded (0: the original stands)."""
        return self._generation.get(name, 0)


@dataclass
class FunctionFacts:
    """What the passes may do with each module function (read-only: its inputs are the
    module facts, the compiled forms the pipeline recorded and the functions the kernel
    stage keeps from being inlined)."""

    facts: ModuleFacts
    compiled: CompiledForms = field(default_factory=CompiledForms)
    #: Functions no pass may inline, whatever their body (e.g. Numba kernels), and why.
    forbidden: Mapping[str, Refusal] = field(default_factory=dict)
    #: Verdicts, with the compiled form's generation each was judged on.
    _verdicts: dict[str, tuple[int, Refusal | None]] = field(default_factory=dict)

    def scope_of(self, name: str) -> Scope | None:
        """The scope of module function ``name``: compiled if it was, else the original."""
        return self.compiled.get(name) or self.scopes.get(name)

    @cached_property
    def scopes(self) -> dict[str, Scope]:
        return function_scopes(self.facts.scope)

    @cached_property
    def call_graph(self) -> dict[str, set[str]]:
        names = set(self.facts.functions)
        return {n: called_names(fn) & names for n, (fn, _) in self.facts.functions.items()}

    def recursive(self, name: str) -> bool:
        """``name`` calls itself, directly or through other module functions."""
        return name in self._recursive

    @cached_property
    def _recursive(self) -> frozenset[str]:
        # Found once for the module (a walk from each function would cost quadratic time
        # on a chain of calls): the functions on a cycle of the call graph.
        return frozenset(on_cycles(self.call_graph))

    def inline_refusal(self, name: str) -> Refusal | None:
        """Why ``name`` cannot be inlined, or None if it can."""
        if name in self.forbidden:
            return self.forbidden[name]
        generation = self.compiled.generation(name)
        known = self._verdicts.get(name)
        if known is None or known[0] != generation:
            known = self._verdicts[name] = (generation, self._judge(name))
        return known[1]

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
            ok, value = literal_expression(default)
            if not ok:
                return Refusal(
                    Code.NON_CONSTANT_DEFAULT, f"{name} has a default that is not a literal"
                )
            if not values.is_immutable(value):
                return Refusal(
                    Code.NON_CONSTANT_DEFAULT,
                    f"{name} has a mutable default (shared by every call; a copy would not be)",
                )
        nodes = list(ast.walk(fn))  # one walk for the tests below
        if has_debug_fstring(nodes):
            return Refusal(
                Code.UNSUPPORTED_BODY, f"{name} has an f-string `=` specifier (shows its source)"
            )
        body = fn.body[1:] if ast.get_docstring(fn, clean=False) is not None else fn.body
        returns = [n for n in nodes if isinstance(n, ast.Return)]
        if any(r is not body[-1] for r in returns) if body else False:
            return Refusal(Code.UNSUPPORTED_BODY, f"{name} returns from more than one place")
        # Judged on the compiled form, which holds what was inlined into it: without a
        # bound on nodes, a chain of calls would grow quadratically in code size.
        if (
            sum(isinstance(n, ast.stmt) for n in nodes) > MAX_INLINE_STATEMENTS
            or len(nodes) > MAX_INLINE_NODES
        ):
            return Refusal(Code.UNSUPPORTED_BODY, f"{name} is too large to inline")
        if any(
            isinstance(n, ast.Try | ast.TryStar | ast.With | ast.AsyncWith | ast.Match)
            for n in nodes
        ):
            return Refusal(Code.UNSUPPORTED_BODY, f"{name} has try/with/match statements")
        unbound = maybe_unbound(fn)
        if unbound is not None:
            # Inlined, its fresh local would keep the previous call's value (or raise
            # UnboundLocalError under the fresh name): the call stays a call.
            return Refusal(
                Code.UNSUPPORTED_BODY, f"{name} may read {unbound.id} before binding it"
            )
        return None


def on_cycles(graph: Mapping[str, set[str]]) -> set[str]:
    """The nodes of ``graph`` (caller -> callees) from which a path leads back to
    themselves: those of a strongly connected component with more than one node, or with
    an edge to itself. Tarjan's algorithm, iteratively (a call chain may be long)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: set[str] = set()
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, callees = work[-1]
            callee = next(callees, None)
            if callee is not None:
                if callee not in index:
                    index[callee] = low[callee] = len(index)
                    stack.append(callee)
                    on_stack.add(callee)
                    work.append((callee, iter(graph.get(callee, ()))))
                elif callee in on_stack:
                    low[node] = min(low[node], index[callee])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in graph.get(node, ()):
                    found.update(component)
    return found
