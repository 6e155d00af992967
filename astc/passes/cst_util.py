"""Small LibCST helpers shared by the passes: literals, precedence-safe replacement, reads."""

from __future__ import annotations

import ast
import dataclasses
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

import libcst as cst

from astc.evaluate import values

_EMPTY = cst.Module(body=[])

_LITERAL_NODES = (cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString)


def code(node: cst.CSTNode) -> str:
    return _EMPTY.code_for_node(node)


_NAMED_CONSTANTS = {"True": True, "False": False, "None": None}


def literal_value(node: cst.BaseExpression) -> tuple[bool, Any]:
    """``(True, value)`` if ``node`` is a literal astc computes with, else ``(False, None)``."""
    simple = _simple_literal(node)
    if simple is not _NOT_SIMPLE:
        return True, simple
    if not _is_literal_shape(node):
        return False, None
    try:
        value = ast.literal_eval(code(node).strip())
        values.check_value(value)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError, values.NotFoldable):
        return False, None
    return True, value


_NOT_SIMPLE = object()


def _simple_literal(node: cst.BaseExpression) -> Any:
    """The value of a number, string or named constant node without generating its code
    (the common case, and the cheap one); ``_NOT_SIMPLE`` for anything else."""
    value: Any
    try:
        if isinstance(node, cst.Integer | cst.Float | cst.SimpleString):
            value = node.evaluated_value
        elif isinstance(node, cst.Name) and node.value in _NAMED_CONSTANTS:
            value = _NAMED_CONSTANTS[node.value]
        else:
            return _NOT_SIMPLE
        values.check_value(value)
    except (ValueError, SyntaxError, TypeError, MemoryError, values.NotFoldable):
        return _NOT_SIMPLE  # the general path decides (it refuses what check_value refuses)
    return value


def _is_literal_shape(node: cst.BaseExpression) -> bool:
    if isinstance(node, _LITERAL_NODES):
        return True
    if isinstance(node, cst.Name):
        return node.value in ("True", "False", "None")
    if isinstance(node, cst.ConcatenatedString):
        return _is_literal_shape(node.left) and _is_literal_shape(node.right)
    if isinstance(node, cst.UnaryOperation):
        return isinstance(node.operator, cst.Minus | cst.Plus) and isinstance(
            node.expression, cst.Integer | cst.Float | cst.Imaginary
        )
    if isinstance(node, cst.BinaryOperation):  # complex literal forms like (1+2j)
        return (
            isinstance(node.operator, cst.Add | cst.Subtract)
            and isinstance(node.right, cst.Imaginary)
            and _is_literal_shape(node.left)
        )
    if isinstance(node, cst.Tuple | cst.List):
        return all(isinstance(e, cst.Element) and _is_literal_shape(e.value) for e in node.elements)
    return False


def literal_node(value: Any, encoding: str = "utf-8") -> cst.BaseExpression:
    """The CST of a literal that evaluates to exactly ``value`` (NotFoldable if none),
    written so that the module's ``encoding`` can represent it."""
    text = values.to_source(value, encoding)
    if type(value) is int and value >= 0:
        return cst.Integer(text)
    if type(value) is float and text[0].isdigit():
        return cst.Float(text)
    if type(value) is str and text.isascii():
        return cst.SimpleString(text)
    return cst.parse_expression(text)


# Binding strength of expression forms; a replacement weaker than what it replaces gets
# parentheses, so substitution never changes how the surrounding expression parses.
_BINARY_PREC: dict[type[cst.CSTNode], int] = {
    cst.BitOr: 6,
    cst.BitXor: 7,
    cst.BitAnd: 8,
    cst.LeftShift: 9,
    cst.RightShift: 9,
    cst.Add: 10,
    cst.Subtract: 10,
    cst.Multiply: 11,
    cst.Divide: 11,
    cst.FloorDivide: 11,
    cst.Modulo: 11,
    cst.MatrixMultiply: 11,
    cst.Power: 13,
}
ATOM = 15


def precedence(node: cst.BaseExpression) -> int:
    if getattr(node, "lpar", None):
        return ATOM
    if isinstance(node, cst.Lambda):
        return 0
    if isinstance(node, cst.IfExp):
        return 1
    if isinstance(node, cst.BooleanOperation):
        return 2 if isinstance(node.operator, cst.Or) else 3
    if isinstance(node, cst.UnaryOperation):
        return 4 if isinstance(node.operator, cst.Not) else 12
    if isinstance(node, cst.Comparison):
        return 5
    if isinstance(node, cst.BinaryOperation):
        return _BINARY_PREC[type(node.operator)]
    if isinstance(node, cst.Await):
        return 14
    if isinstance(node, cst.NamedExpr | cst.Yield):
        return 0
    if isinstance(node, cst.Float | cst.Integer | cst.Imaginary):
        return ATOM
    return ATOM


# Parentheses astc adds are these very objects, so that :class:`TidyParens` can tell them
# from the user's own (which it never touches).
ASTC_LPAR = cst.LeftParen()
ASTC_RPAR = cst.RightParen()


def _wrap(node: cst.BaseExpression) -> cst.BaseExpression:
    return node.with_changes(lpar=[ASTC_LPAR], rpar=[ASTC_RPAR])


def parenthesize(node: cst.BaseExpression) -> cst.BaseExpression:
    if getattr(node, "lpar", None) or precedence(node) == ATOM:
        return node
    return _wrap(node)


def replace_expr(original: cst.BaseExpression, new: cst.BaseExpression) -> cst.BaseExpression:
    """``new`` in ``original``'s place: its parentheses kept, more added if ``new`` binds weaker."""
    lpar = getattr(original, "lpar", ())
    if lpar:
        if getattr(new, "lpar", None):
            return new
        return new.with_changes(lpar=lpar, rpar=getattr(original, "rpar", ()))
    if precedence(new) < precedence(original) or (
        # `x ** 2` with x -> -3 must not become `-3 ** 2`; `(-3).real`, likewise.
        precedence(original) == ATOM and precedence(new) < ATOM
    ):
        return _wrap(new)
    return new


def _added_parens(node: cst.BaseExpression) -> bool:
    """Whether ``node``'s one pair of parentheses is the pair astc added (``ASTC_LPAR``),
    on a node that needs none by its own syntax (not a tuple, walrus, yield, ...)."""
    lpar: Sequence[cst.LeftParen] = getattr(node, "lpar", ())
    return (
        len(lpar) == 1
        and lpar[0] is ASTC_LPAR
        and not isinstance(
            node, cst.Tuple | cst.NamedExpr | cst.Yield | cst.StarredElement | cst.GeneratorExp
        )
    )


def _bare(node: cst.BaseExpression) -> cst.BaseExpression:
    return node.with_changes(lpar=[], rpar=[])


class TidyParens(cst.CSTTransformer):
    """Drop the parentheses astc added where the grammar does not need them.

    ``return (a + b)`` → ``return a + b``; ``(a + b) + (c + d)`` → ``a + b + (c + d)``.
    """

    def leave_BinaryOperation(
        self, original: cst.BinaryOperation, updated: cst.BinaryOperation
    ) -> cst.BinaryOperation:
        # Detect on `original`: visiting re-creates parentheses, so only its are astc's.
        prec = precedence(_bare(updated))
        right_assoc = isinstance(updated.operator, cst.Power)
        left, right = updated.left, updated.right
        if _added_parens(original.left):
            inner = precedence(_bare(left))
            if inner > prec or (inner == prec and not right_assoc):
                left = _bare(left)
        if _added_parens(original.right):
            inner = precedence(_bare(right))
            if inner > prec or (inner == prec and right_assoc):
                right = _bare(right)
        return updated.with_changes(left=left, right=right)

    @staticmethod
    def _root(
        original: cst.BaseExpression | None, value: cst.BaseExpression | None
    ) -> cst.BaseExpression | None:
        if original is not None and value is not None and _added_parens(original):
            return _bare(value)
        return value

    def leave_Return(self, original: cst.Return, updated: cst.Return) -> cst.Return:
        return updated.with_changes(value=self._root(original.value, updated.value))

    def leave_Assign(self, original: cst.Assign, updated: cst.Assign) -> cst.Assign:
        value = self._root(original.value, updated.value)
        assert value is not None
        return updated.with_changes(value=value)

    def leave_Arg(self, original: cst.Arg, updated: cst.Arg) -> cst.Arg:
        value = self._root(original.value, updated.value)
        assert value is not None
        return updated.with_changes(value=value)


def substitute(
    node: cst.CSTNodeT, mapping: Mapping[str, cst.BaseExpression]
) -> tuple[cst.CSTNodeT, int]:
    """:func:`replace_reads`, then drop the parentheses the grammar does not need."""
    new, count = replace_reads(node, mapping)
    return (new.visit(TidyParens()) if count else new), count  # type: ignore[return-value]


def strip_parens(node: cst.BaseExpression) -> cst.BaseExpression:
    if getattr(node, "lpar", None):
        return node.with_changes(lpar=[], rpar=[])
    return node


class ReplaceReads(cst.CSTTransformer):
    """Replace reads of names in one scope (nested scopes, attributes and keywords untouched).

    The caller guarantees each name has no binding occurrence in the code visited, so every
    remaining ``Name`` with that value is a read.
    """

    def __init__(self, mapping: Mapping[str, cst.BaseExpression]) -> None:
        super().__init__()
        self.mapping = mapping
        self.replaced = 0
        self._not_variables: set[int] = set()
        self._is_operands: set[int] = set()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_ListComp(self, node: cst.ListComp) -> bool:
        return False

    def visit_SetComp(self, node: cst.SetComp) -> bool:
        return False

    def visit_DictComp(self, node: cst.DictComp) -> bool:
        return False

    def visit_GeneratorExp(self, node: cst.GeneratorExp) -> bool:
        return False

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        self._not_variables.add(id(node.attr))  # `.attr` is not a variable
        return True

    def visit_Arg(self, node: cst.Arg) -> bool:
        if node.keyword is not None:
            self._not_variables.add(id(node.keyword))
        return True

    def visit_FormattedStringExpression(self, node: cst.FormattedStringExpression) -> bool:
        return node.equal is None  # `f"{x=}"` shows its source text

    def visit_IfExp(self, node: cst.IfExp) -> bool:
        self._protect_guard(node.test)
        return True

    def visit_If(self, node: cst.If) -> bool:
        self._protect_guard(node.test)
        return True

    def _protect_guard(self, test: cst.BaseExpression) -> None:
        from astc.guards import guard_names

        if guard_names(test) is not None:  # `f is _astc_f` compares identities: never a copy
            self._not_variables.update(id(n) for n in names_in(test))

    def visit_Comparison(self, node: cst.Comparison) -> bool:
        note_is_operands(node, self._is_operands)
        return True

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.BaseExpression:
        new = self.mapping.get(original.value)
        if new is None or id(original) in self._not_variables:
            return updated
        if id(original) in self._is_operands and literal_value(new)[0]:
            return updated  # never `5 is x` (see note_is_operands)
        self.replaced += 1
        return replace_expr(original, new)


def note_is_operands(node: cst.Comparison, into: set[int]) -> None:
    """Record the operands of ``is``/``is not`` in ``node``: none may become a literal.

    CPython warns about a literal compared with ``is`` (``SyntaxWarning``, an error under
    ``-W error``), and the identity of literals is not defined: a pass that would put a
    literal there leaves the operand as it is.
    """
    ops = [t.operator for t in node.comparisons]
    for i, target in enumerate(node.comparisons):
        if isinstance(ops[i], cst.Is | cst.IsNot):
            into.add(id(node.left if i == 0 else node.comparisons[i - 1].comparator))
            into.add(id(target.comparator))


def names_in(node: cst.CSTNode) -> list[cst.Name]:
    """Every ``Name`` in ``node``, in source order."""
    found: list[cst.Name] = []

    class _Collect(cst.CSTVisitor):
        def visit_Name(self, n: cst.Name) -> None:
            found.append(n)

    node.visit(_Collect())
    return found


def replace_reads(
    node: cst.CSTNodeT, mapping: Mapping[str, cst.BaseExpression]
) -> tuple[cst.CSTNodeT, int]:
    visitor = ReplaceReads(mapping)
    new = node.visit(visitor)
    return new, visitor.replaced  # type: ignore[return-value]


def docstring_of(body: Sequence[cst.BaseStatement]) -> str | None:
    if body and isinstance(body[0], cst.SimpleStatementLine) and body[0].body:
        first = body[0].body[0]
        if isinstance(first, cst.Expr) and isinstance(
            first.value, cst.SimpleString | cst.ConcatenatedString
        ):
            return code(first.value)
    return None


#: Node types that never hold a call (names, literals, whitespace, punctuation,
#: operators): a walk looking for calls does not enter them.
_NO_CALL_INSIDE: tuple[type[cst.CSTNode], ...] = (
    cst.Name,
    *_LITERAL_NODES,
    cst.BaseParenthesizableWhitespace,
    cst.Newline,
    cst.TrailingWhitespace,
    cst.EmptyLine,
    cst.Comment,
    cst.LeftParen,
    cst.RightParen,
    cst.LeftSquareBracket,
    cst.RightSquareBracket,
    cst.LeftCurlyBrace,
    cst.RightCurlyBrace,
    cst.Comma,
    cst.Dot,
    cst.Colon,
    cst.Semicolon,
    cst.AssignEqual,
    cst.BaseBinaryOp,
    cst.BaseBooleanOp,
    cst.BaseCompOp,
    cst.BaseUnaryOp,
    cst.BaseAugOp,
)
#: Per node type: may hold a call (looked up once per type).
_MAY_HOLD_CALL: dict[type, bool] = {}
#: Per node type: its fields (LibCST nodes are dataclasses, some without ``__dict__``).
_FIELDS: dict[type, tuple[str, ...]] = {}


def _may_hold_call(kind: type) -> bool:
    known = _MAY_HOLD_CALL.get(kind)
    if known is None:
        known = _MAY_HOLD_CALL[kind] = issubclass(kind, cst.CSTNode) and not issubclass(
            kind, _NO_CALL_INSIDE
        )
    return known


def calls_within(
    node: cst.CSTNode,
    names: Collection[str],
    enter: Callable[[cst.BaseStatement], bool] | None = None,
) -> set[int]:
    """Ids of ``node`` and of the nodes below it that contain a call ``f(...)`` of a bare
    name ``f`` in ``names`` (the call included): a transformer that rewrites only those
    calls need enter no other node. Empty when there is no such call. A statement below
    ``node`` for which ``enter`` says False is taken to hold none (not searched)."""
    found: set[int] = set()
    path: list[cst.CSTNode] = []
    stack: list[tuple[cst.CSTNode, int]] = [(node, 0)]
    while stack:  # iteratively: expressions can be deep
        current, depth = stack.pop()
        kind = type(current)
        if depth and enter is not None and _is_statement(kind) and not enter(current):  # type: ignore[arg-type]
            continue
        del path[depth:]
        path.append(current)
        if kind is cst.Call and type(current.func) is cst.Name and current.func.value in names:  # type: ignore[attr-defined]
            found.update(id(n) for n in path)
        fields = _FIELDS.get(kind)
        if fields is None:
            fields = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(current))
        for name in fields:
            value = getattr(current, name)
            if type(value) in (list, tuple):
                stack.extend((v, depth + 1) for v in value if _may_hold_call(type(v)))
            elif _may_hold_call(type(value)):
                stack.append((value, depth + 1))
    return found


#: Per node type: a statement (compound, or a line of simple statements).
_IS_STATEMENT: dict[type, bool] = {}


def _is_statement(kind: type) -> bool:
    known = _IS_STATEMENT.get(kind)
    if known is None:
        known = _IS_STATEMENT[kind] = issubclass(kind, cst.BaseStatement)
    return known
