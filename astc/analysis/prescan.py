"""A cheap ``ast`` pre-scan: where in a unit could each pass change something?

LibCST parsing and the passes cost far more than this scan, so units with nothing to do
are never parsed by LibCST at all (most of a typical module), and a pass visits only the
functions where its own triggers fired: a class with one foldable method does not send
its other methods through every pass, and a pass with nothing to do in a unit does not
run on it. The pipeline scans again after every change, so work a pass creates for
another is found.

A pass declares its *triggers* (:attr:`astc.passes.base.Pass.triggers`): for some node
types, a predicate saying "I may have work here". The scan walks the unit once,
iteratively, and records for each pass whether it fired at module level (or in a class
body) and in which functions (named as the passes name them: ``f``, ``C.m``,
``f.<locals>.g``; a function's enclosing functions are recorded too).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from astc.analysis.module import ModuleFacts
from astc.analysis.scopes import Scope, child_qualname
from astc.analysis.walk import CHILD_FIELDS


@dataclass(slots=True)
class Scan:
    """What a trigger may consult about the node it is called on (slots: the scan sets
    three of its attributes per node with triggers)."""

    facts: ModuleFacts
    assume_stable: bool
    #: Whether module function ``name`` may be inlined (its verdict).
    inlinable: Callable[[str], bool]
    #: Scopes of the unit's functions (for facts about their names), by node id.
    scopes: Mapping[int, Scope]
    #: Functions code was inlined into so far (:attr:`PassContext.inlined_into`).
    inlined_into: set[str] = field(default_factory=set)
    #: The innermost function (node) the node is in, None at module level or in a class.
    function: ast.FunctionDef | ast.AsyncFunctionDef | None = None
    #: Inside a class body (not a method): names there are the class's own.
    in_class: bool = False
    #: The node is a statement with another after it in the same block.
    followed: bool = False

    #: The last function :attr:`scope` looked up and its scope (``scopes`` is fixed for
    #: the scan: consecutive nodes are mostly in the same function).
    _last: tuple[ast.AST | None, Scope | None] = field(default=(None, None), init=False)

    @property
    def scope(self) -> Scope | None:
        """The scope of :attr:`function` (None at module level or in a class)."""
        function = self.function
        if function is None:
            return None
        last, scope = self._last
        if last is not function:
            scope = self.scopes.get(id(function))
            self._last = (function, scope)
        return scope


#: ``trigger(node, scan) -> bool``: the pass may have work at ``node``.
Trigger = Callable[[ast.AST, Scan], bool]


@dataclass
class Hot:
    """Where one pass may find work in a unit."""

    module: bool = False
    functions: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return self.module or bool(self.functions)


def is_const(node: ast.AST) -> bool:
    """A literal (``-1`` and tuples or lists of literals included)."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        return isinstance(node.operand, ast.Constant)
    if isinstance(node, ast.Tuple | ast.List):
        return all(is_const(e) for e in node.elts)
    return False


#: Where a node stands: the enclosing functions' qualnames, the innermost function, and
#: its parent's kind and qualname. Shared by every node in the same body (one tuple per
#: scope, not per node).
_Env = tuple[list[str], ast.FunctionDef | ast.AsyncFunctionDef | None, str, str]


_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def scan(
    nodes: Iterable[ast.stmt],
    triggers: Mapping[str, Mapping[type[ast.AST], Trigger]],
    at: Scan,
    table: TriggerTable | None = None,
) -> dict[str, Hot]:
    """For each pass named in ``triggers``, where its triggers fired in ``nodes``.

    Every node but leaves (``Load``, ``+``...: no trigger looks at them) is visited once,
    by :data:`CHILD_FIELDS`; the order does not matter (the result is sets and flags).
    ``table`` is ``trigger_table(triggers)`` when the caller built it already (a compile
    scans every unit with the same triggers).
    """
    by_type = trigger_table(triggers) if table is None else table
    hot = {name: Hot() for name in triggers}
    module: _Env = ([], None, "module", "")
    stack: list[tuple[ast.AST, _Env, bool]] = []
    push = stack.append
    _push_block(push, list(nodes), module)
    pop = stack.pop
    get_triggers, child_fields = by_type.get, CHILD_FIELDS
    while stack:
        node, env, followed = pop()
        node_type = type(node)
        fired = get_triggers(node_type)
        if fired is not None:
            functions = env[0]
            at.function = env[1]
            at.in_class = env[2] == "class"
            at.followed = followed
            for name, trigger in fired:
                if trigger(node, at):
                    if functions:
                        hot[name].functions.update(functions)
                    else:
                        hot[name].module = True
        if node_type in _DEFS:
            _push_def(push, node, env)  # type: ignore[arg-type]
            continue
        child_env = env if node_type is not ast.Lambda else (env[0], env[1], "lambda", env[3])
        for field_name in child_fields[node_type]:
            value = getattr(node, field_name, None)
            if type(value) is list:
                if value and isinstance(value[0], ast.stmt):
                    _push_block(push, value, child_env)
                else:
                    for v in value:
                        if isinstance(v, ast.AST):
                            push((v, child_env, False))
            elif isinstance(value, ast.AST):
                push((value, child_env, False))
    return hot


TriggerTable = dict[type[ast.AST], list[tuple[str, Trigger]]]


def trigger_table(triggers: Mapping[str, Mapping[type[ast.AST], Trigger]]) -> TriggerTable:
    """The triggers by the node type they fire on (:func:`scan`'s ``table``)."""
    by_type: TriggerTable = {}
    for name, table in triggers.items():
        for node_type, trigger in table.items():
            by_type.setdefault(node_type, []).append((name, trigger))
    return by_type


def _push_block(
    push: Callable[[tuple[ast.AST, _Env, bool]], None], block: list[ast.stmt], env: _Env
) -> None:
    """The statements of a block, each with whether another follows it."""
    last = len(block) - 1
    for i, stmt in enumerate(block):
        push((stmt, env, i < last))


def _push_def(
    push: Callable[[tuple[ast.AST, _Env, bool]], None],
    node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef,
    env: _Env,
) -> None:
    """A ``def`` or ``class``: its body in its own scope; the rest (decorators, defaults,
    bases, annotations) where the statement is, where it is evaluated."""
    functions, function, parent_kind, parent = env
    qualname = child_qualname(parent_kind, parent, node.name)
    inner: _Env
    if isinstance(node, ast.ClassDef):
        inner = (functions, None, "class", qualname)
    else:
        inner = ([*functions, qualname], node, "function", qualname)
    for field_name in CHILD_FIELDS[type(node)]:
        value = getattr(node, field_name, None)
        if field_name == "body":
            _push_block(push, node.body, inner)
        elif type(value) is list:
            for v in value:
                if isinstance(v, ast.AST):
                    push((v, env, False))
        elif isinstance(value, ast.AST):
            push((value, env, False))
