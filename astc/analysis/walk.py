"""Walks of an ``ast`` tree that look only where what they seek can be (faster than
``ast.walk`` and ``ast.iter_child_nodes``, which call a generator per node and visit
every leaf), each giving exactly what the generic walk gives (``tests/test_walk.py``)."""

from __future__ import annotations

import ast

#: Fields that never hold a node but a leaf: identifiers, flags, numbers, operators,
#: contexts (``Constant.value`` may be any object: never walked).
_SCALAR_FIELDS = frozenset(
    ("id", "arg", "attr", "module", "level", "kind", "conversion", "is_async")
    + ("type_comment", "ctx", "op", "ops")
)


class _ChildFields(dict[type[ast.AST], tuple[str, ...]]):
    def __missing__(self, node_type: type[ast.AST]) -> tuple[str, ...]:
        fields = tuple(f for f in node_type._fields if f not in _SCALAR_FIELDS)
        self[node_type] = fields
        return fields


#: By node type, its fields that may hold child nodes other than leaves, in order (a
#: walk looks up ``CHILD_FIELDS[type(node)]``: computed once per type).
CHILD_FIELDS: dict[type[ast.AST], tuple[str, ...]] = _ChildFields({ast.Constant: ()})


#: The fields that hold statements (directly, or in handlers and cases), in the order of
#: every node's ``_fields`` that has several. No expression holds a statement.
_STATEMENT_FIELDS = ("body", "handlers", "orelse", "finalbody", "cases")


def statements_in_order(tree: ast.AST) -> list[ast.stmt]:
    """Every statement of ``tree`` in source order (pre-order), walking statement
    containers only."""
    out: list[ast.stmt] = []
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.stmt):
            out.append(node)
        parts: list[ast.AST] = []
        for name in _STATEMENT_FIELDS:
            value = getattr(node, name, None)
            if type(value) is list:
                parts += value
        stack.extend(reversed(parts))
    return out


def breadth_first(tree: ast.AST) -> list[ast.AST]:
    """Every node of ``tree``, leaves included, in the order ``ast.walk`` gives them."""
    out: list[ast.AST] = [tree]
    fields_of = _ALL_FIELDS
    for node in out:  # grows as it goes: each node's children are appended after it
        node_type = type(node)
        fields = fields_of.get(node_type)
        if fields is None:
            fields = fields_of[node_type] = node_type._fields
        for name in fields:
            value = getattr(node, name, None)
            if type(value) is list:
                out += [v for v in value if isinstance(v, ast.AST)]
            elif isinstance(value, ast.AST):
                out.append(value)
    return out


_ALL_FIELDS: dict[type[ast.AST], tuple[str, ...]] = {}
