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


@dataclass
class Scan:
    """What a trigger may consult about the node it is called on."""

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

    @property
    def scope(self) -> Scope | None:
        return self.scopes.get(id(self.function)) if self.function is not None else None


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


_Frame = tuple[ast.AST, list[str], ast.FunctionDef | ast.AsyncFunctionDef | None, str, str, bool]


#: Leaves no trigger looks at (``Load``, ``+``...): never pushed.
_LEAVES = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)


def _children(node: ast.AST) -> list[tuple[ast.AST, bool]]:
    """Child nodes in order, each with whether a statement follows it in its block."""
    out: list[tuple[ast.AST, bool]] = []
    for name in node._fields:
        value = getattr(node, name, None)
        if type(value) is list:
            if value and isinstance(value[0], ast.stmt):
                last = len(value) - 1
                out.extend((v, i < last) for i, v in enumerate(value))
            else:
                out.extend((v, False) for v in value if isinstance(v, ast.AST))
        elif isinstance(value, ast.AST) and not isinstance(value, _LEAVES):
            out.append((value, False))
    return out


def scan(
    nodes: Iterable[ast.stmt], triggers: Mapping[str, Mapping[type[ast.AST], Trigger]], at: Scan
) -> dict[str, Hot]:
    """For each pass named in ``triggers``, where its triggers fired in ``nodes``."""
    by_type: dict[type[ast.AST], list[tuple[str, Trigger]]] = {}
    for name, table in triggers.items():
        for node_type, trigger in table.items():
            by_type.setdefault(node_type, []).append((name, trigger))
    hot = {name: Hot() for name in triggers}
    # (node, enclosing functions' qualnames, innermost function, parent's kind and qualname)
    units = list(nodes)
    stack: list[_Frame] = [
        (n, [], None, "module", "", i < len(units) - 1) for i, n in reversed(list(enumerate(units)))
    ]
    while stack:
        node, functions, function, parent_kind, parent, followed = stack.pop()
        at.function = function
        at.in_class = parent_kind == "class"
        at.followed = followed
        for name, trigger in by_type.get(type(node), ()):
            if trigger(node, at):
                if functions:
                    hot[name].functions.update(functions)
                else:
                    hot[name].module = True
        kind, child_parent = parent_kind, parent
        child_functions, child_function = functions, function
        children = _children(node)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            body = {id(s) for s in node.body}
            outer = [(c, f) for c, f in children if id(c) not in body]
            children = [(c, f) for c, f in children if id(c) in body]
            for child, _ in reversed(outer):  # evaluated where the statement is
                stack.append((child, functions, function, parent_kind, parent, False))
            if isinstance(node, ast.ClassDef):
                kind, child_parent = "class", child_qualname(parent_kind, parent, node.name)
                child_function = None
            else:
                kind, child_parent = "function", child_qualname(parent_kind, parent, node.name)
                child_functions, child_function = [*functions, child_parent], node
        elif isinstance(node, ast.Lambda):
            kind = "lambda"
        for child, child_followed in reversed(children):
            stack.append(
                (child, child_functions, child_function, kind, child_parent, child_followed)
            )
    return hot
