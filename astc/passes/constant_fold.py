"""Constant folding: operators, comparisons, boolean ops and subscripts of literals.

Precondition: every operand is a literal (see :mod:`astc.evaluate.values` for the types and
size limits): operators on values of builtin types run no user code and cannot be
rebound. (Calls of builtins such as ``len("abc")`` are the call folder's: the name could
be rebound in the module's namespace, so they are folded under its guard rules.) A
fold that raises is left in place (the error still happens at run time); a result without
an exact literal form (``nan``, ``inf``) is left too. Expression statements are never
folded into strings, so folding cannot create a docstring; a literal never becomes an
operand of ``is``; nothing inside an annotation or an f-string with an ``=`` specifier
(its text is shown) is rewritten.

The pass works on the unit's text and ``ast``, not on LibCST: every fold replaces the
source text of one expression, found by its position, so a unit where folding is the only
work is never parsed by LibCST at all (modules of constants compile in linear time).

Before::

    flag = True
    SECONDS = 24 * 60 * 60
    ok = (1, 2, 3)[0] < 3 and flag
    print(SECONDS, ok)

After::

    flag = True
    SECONDS = 86400
    ok = flag
    print(SECONDS, ok)
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence
from typing import Any

from astc.analysis.prescan import Scan, is_const
from astc.analysis.scopes import child_qualname
from astc.diagnostics import Code
from astc.evaluate import values
from astc.evaluate.values import FoldRaises, NotFoldable
from astc.frontend.source import split_lines
from astc.passes.base import Pass, PassContext

_NOT = object()  # "no constant value"


def _literal_operands(node: ast.AST, scan: Scan) -> bool:
    """An operation on literals (that is not itself a literal, as ``-1`` or ``1+2j`` are)."""
    if isinstance(node, ast.BinOp):
        left, right = type(node.left), type(node.right)
        if left in _NEVER_LITERAL or right in _NEVER_LITERAL:
            return False  # what is_const says of them, without its tests
        return is_const(node.left) and is_const(node.right) and not _complex_literal(node)
    if isinstance(node, ast.UnaryOp):
        return is_const(node.operand) and not _signed_number(node)
    if isinstance(node, ast.Compare):
        return is_const(node.left) and all(is_const(c) for c in node.comparators)
    if isinstance(node, ast.BoolOp):
        return is_const(node.values[0])
    if isinstance(node, ast.Subscript):
        return is_const(node.value) and (is_const(node.slice) or isinstance(node.slice, ast.Slice))
    if isinstance(node, ast.IfExp):
        return is_const(node.test)
    return False


#: Node types that are never a literal (no subclass of what :func:`is_const` accepts):
#: an operand of one of these types is not a literal operand.
_NEVER_LITERAL = frozenset({ast.Name, ast.BinOp, ast.Call, ast.Attribute, ast.Subscript})


def _complex_literal(node: ast.BinOp) -> bool:
    """``1+2j``: how Python writes a complex literal (not an operation to fold)."""
    return (
        isinstance(node.op, ast.Add | ast.Sub)
        and isinstance(node.right, ast.Constant)
        and isinstance(node.right.value, complex)
        and (isinstance(node.left, ast.Constant) or _signed_number(node.left))
    )


def _signed_number(node: ast.AST) -> bool:
    """``-5``, ``+2.0``: a literal as written."""
    return (
        isinstance(node, ast.UnaryOp)
        and isinstance(node.op, ast.USub | ast.UAdd)
        and isinstance(node.operand, ast.Constant)
        and isinstance(node.operand.value, int | float | complex)
        and not isinstance(node.operand.value, bool)
    )


class _Source:
    """The unit's text, with ``ast`` positions (UTF-8 byte columns) turned into offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        # Python's line breaks only: str.splitlines also breaks at U+2028, form feeds...,
        # which may stand in a string or a comment.
        self.lines = split_lines(text)
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))
        self.ascii = text.isascii()  # then every column is a character offset

    def offset(self, line: int, col: int) -> int:
        if self.ascii:
            return self.starts[line - 1] + col
        text = self.lines[line - 1] if line - 1 < len(self.lines) else ""
        if not text.isascii():
            col = len(text.encode("utf-8")[:col].decode("utf-8", "replace"))
        return self.starts[line - 1] + col

    def span(self, node: ast.AST) -> tuple[int, int]:
        start = self.offset(node.lineno, node.col_offset)  # type: ignore[attr-defined]
        end = self.offset(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]
        return start, end

    def segment(self, node: ast.AST) -> str:
        start, end = self.span(node)
        return self.text[start:end]

    def with_parens(self, node: ast.AST, within: ast.AST) -> tuple[int, int]:
        """``node``'s span, widened over the parentheses around it inside ``within``."""
        return self.widened(node, *self.span(within))

    def widened(self, node: ast.AST, low: int, high: int) -> tuple[int, int]:
        """``node``'s span, widened over the parentheses around it inside ``[low, high)``."""
        start, end = self.span(node)
        while True:
            a, b = start - 1, end
            while a >= low and self.text[a] in " \t\r\n\\":
                a -= 1
            while b < high and self.text[b] in " \t\r\n\\":
                b += 1
            if a >= low and b < high and self.text[a] == "(" and self.text[b] == ")":
                start, end = a, b + 1
            else:
                return start, end

    def joins_tokens(self, span: tuple[int, int]) -> bool:
        """Text replacing ``span`` without its parentheses could run into the text next
        to it: a name, keyword, number or string touches it (``return(3)``, ``(3)if``)."""
        start, end = span
        before = self.text[start - 1] if start > 0 else " "
        after = self.text[end] if end < len(self.text) else " "
        return _joins(before) or _joins(after)

    def arguments(self, call: ast.Call) -> tuple[int, int]:
        """The text between a call's own parentheses."""
        at = self.span(call.func)[1]
        end = self.span(call)[1]
        while self.text[at] != "(":  # past the func's closing parentheses, if any
            at += 1
        return at + 1, end - 1


def _joins(c: str) -> bool:
    """A character that would run into a token next to it (see :meth:`_Source.joins_tokens`)."""
    return c.isalnum() or c in "_'\".\\" or not c.isascii()


class _Folder:
    """Folds one unit: :meth:`render` gives an expression's new text (None: unchanged)."""

    def __init__(self, text: str, ctx: PassContext) -> None:
        self.source = _Source(text)
        self.ctx = ctx
        self.values: dict[int, Any] = {}
        self.renders: dict[int, str | None] = {}
        self.spans: dict[int, tuple[int, int]] = {}  # a fold that replaces its parentheses too
        self.parents: dict[int, ast.AST] = {}
        self.function: str | None = None
        self.statement: ast.stmt | None = None

    # -- what a node is worth ---------------------------------------------------------
    def value(self, node: ast.AST) -> Any:
        """The constant value of expression ``node``, or ``_NOT``."""
        key = id(node)
        if key not in self.values:
            self.values[key] = _NOT  # while computing it (a refusal's note renders around it)
            self.values[key] = self._value(node)
        return self.values[key]

    def _value(self, node: ast.AST) -> Any:
        if isinstance(node, ast.Constant):
            try:
                values.check_value(node.value)
            except NotFoldable:
                return _NOT
            return node.value
        if isinstance(node, ast.Tuple | ast.List) and isinstance(node.ctx, ast.Load):
            items = [self.value(e) for e in node.elts]
            if any(i is _NOT for i in items) or any(isinstance(e, ast.Starred) for e in node.elts):
                return _NOT
            return tuple(items) if isinstance(node, ast.Tuple) else items
        if _signed_number(node):
            assert isinstance(node, ast.UnaryOp) and isinstance(node.operand, ast.Constant)
            number: Any = node.operand.value
            return -number if isinstance(node.op, ast.USub) else +number
        return self._operation(node)

    def _operation(self, node: ast.AST) -> Any:
        compute: Callable[[], Any]
        if isinstance(node, ast.BinOp):
            left, right = self.value(node.left), self.value(node.right)
            if left is _NOT or right is _NOT or _complex_literal(node):
                return _NOT if left is _NOT or right is _NOT else left + right
            op = type(node.op)

            def compute() -> Any:
                return values.binary(op, left, right)

        elif isinstance(node, ast.UnaryOp):
            operand = self.value(node.operand)
            if operand is _NOT:
                return _NOT
            unary = type(node.op)

            def compute() -> Any:
                return values.unary(unary, operand)

        elif isinstance(node, ast.Compare):
            operands = [self.value(node.left), *(self.value(c) for c in node.comparators)]
            if any(v is _NOT for v in operands):
                return _NOT
            ops = [type(o) for o in node.ops]

            def compute() -> Any:
                result: Any = True
                pairs = zip(operands, operands[1:], strict=False)
                for op_type, (a, b) in zip(ops, pairs, strict=True):
                    result = values.compare(op_type, a, b)
                    if not result:
                        break
                return result

        elif isinstance(node, ast.Subscript):
            container = self.value(node.value)
            index = self._index(node.slice)
            if container is _NOT or index is _NOT:
                return _NOT

            def compute() -> Any:
                return values.subscript(container, index)

        else:
            return _NOT
        try:
            return compute()
        except (NotFoldable, FoldRaises) as error:
            code = Code.FOLD_RAISES if isinstance(error, FoldRaises) else Code.LIMIT_EXCEEDED
            self._note(code, False, f"{self._updated(node)[:60]}: {error}")
            return _NOT

    def _index(self, node: ast.AST) -> Any:
        if isinstance(node, ast.Slice):
            parts = [
                None if p is None else self.value(p) for p in (node.lower, node.upper, node.step)
            ]
            return _NOT if any(p is _NOT for p in parts) else slice(*parts)
        return self.value(node)

    # -- its new text -------------------------------------------------------------------
    def render(self, node: ast.AST) -> str | None:
        """The new text of ``node``, or None if it is unchanged."""
        key = id(node)
        if key not in self.renders:
            self.renders[key] = self._render(node)
        return self.renders[key]

    def _render(self, node: ast.AST) -> str | None:
        if isinstance(node, ast.JoinedStr):
            # Never inside an f-string: `f"{1 + 1=}"` shows its source text, and Python
            # 3.11 gives the parts of an f-string no positions of their own.
            return None
        if isinstance(node, ast.BinOp | ast.UnaryOp | ast.Compare | ast.Subscript):
            folded = self._folded(node)
            if folded is not None:
                return folded
        elif isinstance(node, ast.BoolOp):
            return self._bool_op(node)
        elif isinstance(node, ast.IfExp):
            test = self.value(node.test)
            if test is not _NOT:
                chosen = node.body if test else node.orelse  # the other never runs
                self._note(
                    Code.CONSTANT_FOLDED, True, f"constant condition `{self._text(node.test)}`"
                )
                return self._text_with_parens(chosen, node)
        return self._splice(node)

    def _folded(self, node: ast.AST) -> str | None:
        value = self.value(node)
        if value is _NOT or _signed_number(node):
            return None
        if isinstance(node, ast.BinOp) and _complex_literal(node):
            return None  # `1+2j` is a literal already
        parent = self.parents.get(id(node))
        if isinstance(parent, ast.Compare) and _is_operand(node, parent):
            return None  # never a literal operand of `is` (a SyntaxWarning)
        if isinstance(parent, ast.Expr) and isinstance(value, str | bytes):
            return None  # a string statement could become a docstring
        try:
            text = values.to_source(value, self.ctx.encoding)
        except NotFoldable as error:
            self._note(Code.LIMIT_EXCEEDED, False, f"{self._updated(node)[:60]}: {error}")
            return None
        if text.startswith("-") and _binds_tighter(node, parent):
            text = f"({text})"  # `(-3).real`, `(-2) ** 2`
        before = self.source.segment(node)
        if text == before.strip():
            return None
        if parent is not None and _parentheses_go(text, node, parent):
            if isinstance(parent, ast.Call):
                span = self.source.widened(node, *self.source.arguments(parent))
            else:
                span = self.source.with_parens(node, parent)
            if self.source.joins_tokens(span):
                span = self.source.span(node)  # `return(1 + 2)`: `return3` would be a name
            self.spans[id(node)] = span
            before = self.source.text[span[0] : span[1]]
        if not _folds_too(parent, self):  # one note per fold as the user sees it
            self._note(Code.CONSTANT_FOLDED, True, f"{before.strip()[:60]} -> {text[:60]}")
        return text

    def _bool_op(self, node: ast.BoolOp) -> str | None:
        is_or = isinstance(node.op, ast.Or)
        kept = 0
        while kept < len(node.values) - 1:
            value = self.value(node.values[kept])
            if value is _NOT:
                break
            if bool(value) == is_or:  # short-circuits: the rest never runs
                text = self._text_with_parens(node.values[kept], node)
                self._note(Code.CONSTANT_FOLDED, True, f"{self._updated(node)[:60]} -> {text[:60]}")
                return text
            kept += 1
        if not kept:
            return self._splice(node)
        rest = node.values[kept:]
        start = self.source.with_parens(rest[0], node)[0]
        end = self.source.span(node)[1]
        text = self._splice_range(start, end, rest)
        self._note(Code.CONSTANT_FOLDED, True, f"{self._updated(node)[:60]} -> {text[:60]}")
        return text

    def span(self, node: ast.AST) -> tuple[int, int]:
        """The text that ``node``'s new text replaces."""
        return self.spans.get(id(node)) or self.source.span(node)

    def _text(self, node: ast.AST) -> str:
        rendered = self.render(node)
        return self.source.segment(node) if rendered is None else rendered

    def _text_with_parens(self, node: ast.AST, within: ast.AST) -> str:
        start, end = self.source.with_parens(node, within)
        return self._splice_range(start, end, [node])

    def _updated(self, node: ast.AST) -> str:
        """``node``'s text with its operands' new text (what the fold replaces)."""
        return self._splice(node) or self.source.segment(node)

    def _splice(self, node: ast.AST) -> str | None:
        """``node``'s text with its changed children replaced (None: none changed)."""
        start, end = self.source.span(node)
        children = [c for c in _children(node) if hasattr(c, "lineno")]
        text = self._splice_range(start, end, children)
        return None if text == self.source.text[start:end] else text

    def _splice_range(self, start: int, end: int, children: Sequence[ast.AST]) -> str:
        out: list[str] = []
        at = start
        for child in children:
            new = self.render(child)
            if new is None:
                continue
            c_start, c_end = self.span(child)
            if c_start < at or c_end > end:
                continue  # not within the range (a part printed elsewhere)
            out.append(self.source.text[at:c_start])
            out.append(new)
            at = c_end
        out.append(self.source.text[at:end])
        return "".join(out)

    def _note(self, code: Code, applied: bool, message: str) -> None:
        line = None
        if self.statement is not None and self.ctx.positions is not None:
            line = self.ctx.positions.source_line(self.statement.lineno)
        self.ctx.note("constant-fold", code, applied, message, self.function, line=line)


def _folds_too(parent: ast.AST | None, folder: _Folder) -> bool:
    """The parent is an operation that folds to a literal as well (it reports the fold)."""
    return (
        isinstance(parent, ast.BinOp | ast.UnaryOp | ast.Compare | ast.Subscript)
        and folder.value(parent) is not _NOT
    )


def _is_operand(node: ast.AST, compare: ast.Compare) -> bool:
    operands = [compare.left, *compare.comparators]
    for i, op in enumerate(compare.ops):
        if isinstance(op, ast.Is | ast.IsNot) and node in (operands[i], operands[i + 1]):
            return True
    return False


def _parentheses_go(text: str, node: ast.AST, parent: ast.AST) -> bool:
    """The parentheses around ``node`` can go with the fold: ``(3 + 4) * x`` -> ``7 * x``.

    Only for an atom (a literal, a display, a call), and never over a parenthesis that
    is the parent's own syntax (a call's arguments, a class's bases) or where ``7.real``
    would not parse.
    """
    if not hasattr(parent, "lineno") or isinstance(
        parent, ast.ClassDef | ast.Attribute | ast.JoinedStr | ast.FormattedValue
    ):
        return False
    if isinstance(parent, ast.Call) and parent.func is node:
        return False
    if text.startswith("-"):
        return False
    if _decimal_int(text):
        return True  # what ast.parse would say of an int literal, without the parse
    try:
        atom = ast.parse(text, mode="eval").body
    except SyntaxError:
        return False
    return isinstance(atom, _ATOMS)


_ATOMS = (ast.Constant, ast.Name, ast.Call, ast.List, ast.Tuple, ast.Dict, ast.Set)


def _decimal_int(text: str) -> bool:
    """``text`` is a decimal int literal as :func:`astc.evaluate.values.to_source` writes
    one (ASCII digits, no leading zero, under the int-to-str digit limit): it parses to a
    Constant."""
    return (
        0 < len(text) < 640  # the lowest limit sys.set_int_max_str_digits allows
        and text.isascii()
        and text.isdigit()
        and (text[0] != "0" or len(text) == 1)
    )


def _binds_tighter(node: ast.AST, parent: ast.AST | None) -> bool:
    """A negative literal in ``node``'s place would need parentheses."""
    if isinstance(parent, ast.Attribute | ast.Subscript) and parent.value is node:
        return True
    if isinstance(parent, ast.Call) and parent.func is node:
        return True
    return isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Pow) and parent.left is node


def _children(node: ast.AST) -> list[ast.AST]:
    """The child nodes that have a position, in source order (the children of one that has
    none, a comprehension clause or an ``arguments``, in its place)."""
    simple = _IN_ORDER.get(type(node))
    if simple is not None:
        return simple(node)
    out: list[ast.AST] = []
    pending = [node]
    while pending:
        current = pending.pop()
        for name in current._fields:
            value = getattr(current, name, None)
            for child in value if type(value) is list else [value]:
                if not isinstance(child, ast.AST) or isinstance(child, ast.expr_context):
                    continue
                if hasattr(child, "lineno"):
                    out.append(child)
                else:
                    pending.append(child)
    return sorted(out, key=lambda c: (c.lineno, c.col_offset))  # type: ignore[attr-defined]


#: The children of the most common nodes, by exact type: fields whose nodes all have a
#: position and stand in source order in the order of the fields (no sort needed).
_IN_ORDER: dict[type[ast.AST], Callable[[Any], list[ast.AST]]] = {
    ast.Constant: lambda n: [],
    ast.Name: lambda n: [],
    ast.BinOp: lambda n: [n.left, n.right],
    ast.UnaryOp: lambda n: [n.operand],
    ast.BoolOp: lambda n: list(n.values),
    ast.Compare: lambda n: [n.left, *n.comparators],
    ast.Attribute: lambda n: [n.value],
    ast.Subscript: lambda n: [n.value, n.slice],
    ast.Starred: lambda n: [n.value],
    ast.Tuple: lambda n: list(n.elts),
    ast.List: lambda n: list(n.elts),
    ast.Expr: lambda n: [n.value],
    ast.Assign: lambda n: [*n.targets, n.value],
}


class ConstantFold(Pass):
    """Fold operators, comparisons, boolean ops and subscripts of literals."""

    name = "constant-fold"
    triggers = dict.fromkeys(
        (ast.BinOp, ast.UnaryOp, ast.Compare, ast.BoolOp, ast.Subscript, ast.IfExp),
        _literal_operands,
    )
    applied = {Code.CONSTANT_FOLDED: "folded"}
    refusals = (Code.FOLD_RAISES, Code.LIMIT_EXCEEDED)
    works_on_text = True

    def run_text(self, text: str, tree: ast.Module, ctx: PassContext) -> str:
        folder = _Folder(text, ctx)
        edits: list[tuple[int, int, str]] = []
        for statement, function in _statements(tree, ctx):
            folder.function, folder.statement = function, statement
            for node in _expressions(statement, folder.parents):
                new = folder.render(node)
                if new is not None:
                    edits.append((*folder.span(node), new))
        for start, end, new in sorted(edits, reverse=True):
            text = text[:start] + new + text[end:]
        return text


def _statements(tree: ast.Module, ctx: PassContext) -> list[tuple[ast.stmt, str | None]]:
    """Every statement of the unit outside frozen functions, with its function's name."""
    out: list[tuple[ast.stmt, str | None]] = []
    stack: list[tuple[ast.stmt, str, str, str | None]] = [
        (s, "module", "", None) for s in reversed(tree.body)
    ]
    while stack:
        stmt, parent_kind, parent, function = stack.pop()
        out.append((stmt, function))
        kind, name, inner = parent_kind, parent, function
        if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef):
            name = child_qualname(parent_kind, parent, stmt.name)
            if name in ctx.frozen:
                continue
            kind, inner = "function", name
        elif isinstance(stmt, ast.ClassDef):
            kind, name = "class", child_qualname(parent_kind, parent, stmt.name)
        for field in _block_fields(type(stmt)):
            block = getattr(stmt, field, None)
            if isinstance(block, list):
                for child in reversed(block):
                    if isinstance(child, ast.stmt):
                        stack.append((child, kind, name, inner))
                    elif isinstance(child, ast.ExceptHandler | ast.match_case):
                        stack.extend((s, kind, name, inner) for s in reversed(child.body))
    return out


def _expressions(statement: ast.stmt, parents: dict[int, ast.AST]) -> list[ast.AST]:
    """The outermost expressions of ``statement`` to fold (annotations left out), recording
    every expression's parent on the way."""
    out: list[ast.AST] = []
    skip: set[int] = set()
    if isinstance(statement, ast.AnnAssign):
        skip.add(id(statement.annotation))
    if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
        a = statement.args
        skip.update(
            id(p.annotation)
            for p in [*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg]
            if p is not None and p.annotation is not None
        )
        if statement.returns is not None:
            skip.add(id(statement.returns))
    roots: list[ast.AST] = []
    for child in _children_of_statement(statement):
        if id(child) not in skip:
            roots.append(child)
    for root in roots:
        parents[id(root)] = statement
        stack = [root]
        while stack:
            node = stack.pop()
            for child in _children(node):
                parents[id(child)] = node
                stack.append(child)
        out.append(root)
    return out


_BLOCKS = ("body", "orelse", "finalbody", "handlers", "cases")


def _block_fields(statement_type: type[ast.AST]) -> tuple[str, ...]:
    """The fields of :data:`_BLOCKS` a statement type has, in that order (none for a
    simple statement); found once per type."""
    fields = _BLOCK_FIELDS.get(statement_type)
    if fields is None:
        fields = tuple(f for f in _BLOCKS if f in statement_type._fields)
        _BLOCK_FIELDS[statement_type] = fields
    return fields


_BLOCK_FIELDS: dict[type[ast.AST], tuple[str, ...]] = {}


def _children_of_statement(statement: ast.stmt) -> list[ast.AST]:
    """The expressions a statement holds itself (not those of the statements in its
    blocks), outermost first."""
    simple = _STATEMENT_IN_ORDER.get(type(statement))
    return simple(statement) if simple is not None else _statement_children(statement)


def _statement_children(statement: ast.stmt) -> list[ast.AST]:
    """:func:`_children_of_statement` by the general walk (any statement)."""
    holder = ast.Module(body=[], type_ignores=[])  # a node with the fields that count
    kept = [
        getattr(statement, name)
        for name in statement._fields
        if name not in _BLOCKS and getattr(statement, name, None) is not None
    ]
    out: list[ast.AST] = []
    for value in kept:
        holder.body = value if type(value) is list else [value]
        out.extend(c for c in _children(holder) if isinstance(c, ast.expr | ast.keyword))
    return out


#: The expressions of the most common statements, by exact type (the general path's
#: result without its walk): fields that hold only expressions, in source order.
_STATEMENT_IN_ORDER: dict[type[ast.stmt], Callable[[Any], list[ast.AST]]] = {
    ast.Assign: lambda s: [*s.targets, s.value],
    ast.Expr: lambda s: [s.value],
    ast.Return: lambda s: [] if s.value is None else [s.value],
    ast.AugAssign: lambda s: [s.target, s.value],
    ast.Pass: lambda s: [],
}
