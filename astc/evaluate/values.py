"""Literal values at compile time: which values astc may compute with, and their source form.

Every operation goes through :func:`binary`, :func:`unary`, :func:`compare` or
:func:`call_builtin`, which refuse (raise :class:`NotFoldable`) before doing work whose
result would exceed CPython's own folding limits, so that ``2 ** 10 ** 8`` or
``'a' * 10 ** 10`` can never hang or exhaust memory. An operation that raises at compile
time is reported with :class:`FoldRaises` and left in the program, where it raises at run
time as before.
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable
from typing import Any

# CPython's limits in Python/ast_opt.c.
MAX_INT_BITS = 128
MAX_STR_LEN = 4096
MAX_COLLECTION_LEN = 256
MAX_TOTAL_ITEMS = 1024


class NotFoldable(Exception):
    """The expression is outside what astc evaluates (unknown values, limits exceeded)."""


class FoldRaises(Exception):
    """Evaluating raised; the original expression stays so that it raises at run time."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(f"{type(error).__name__}: {error}")
        self.error = error


def check_value(value: Any, budget: list[int] | None = None) -> None:
    """Raise NotFoldable unless ``value`` is a literal value within the size limits."""
    if budget is None:
        budget = [MAX_TOTAL_ITEMS]
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, int):
        if value.bit_length() > MAX_INT_BITS:
            raise NotFoldable("integer too large")
        return
    if isinstance(value, float | complex):
        return
    if isinstance(value, str | bytes):
        if len(value) > MAX_STR_LEN:
            raise NotFoldable("string too long")
        return
    if type(value) in (tuple, list):
        if len(value) > MAX_COLLECTION_LEN:
            raise NotFoldable("collection too long")
        budget[0] -= len(value)
        if budget[0] < 0:
            raise NotFoldable("too many items")
        for item in value:
            check_value(item, budget)
        return
    raise NotFoldable(f"values of type {type(value).__name__} are not folded")


def is_immutable(value: Any) -> bool:
    """True when no list is reachable from ``value``: it may be shared, cached or copied
    without anyone noticing (modulo identity, which CPython leaves undefined for literals)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if type(item) is list:
            return False
        if type(item) is tuple:
            stack.extend(item)
    return True


def check_unshared(value: Any) -> None:
    """Raise NotFoldable if a list is reachable twice from ``value`` (or from itself).

    A literal re-creates every list it holds, distinct: ``[[0]] * 2`` evaluates to a list
    holding one list twice, and its source form ``[[0], [0]]`` would not.
    """
    seen: set[int] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if type(item) is list:
            if id(item) in seen:
                raise NotFoldable("the value holds one list in two places")
            seen.add(id(item))
            stack.extend(item)
        elif type(item) is tuple:
            stack.extend(item)


def _size_hint(value: Any) -> int:
    if isinstance(value, str | bytes | tuple | list):
        return len(value)
    return 0


def _guard_binary(op: type[ast.operator], left: Any, right: Any) -> None:
    """Refuse, before computing, operations whose result would blow the limits."""
    if op is ast.Pow and isinstance(left, int) and isinstance(right, int):
        if right < 0 and left == 0:
            return  # raises ZeroDivisionError cheaply
        if (
            right > 0
            and abs(left) > 1
            and right * max(abs(left).bit_length() - 1, 1) > MAX_INT_BITS
        ):
            raise NotFoldable("power too large")
    if op is ast.Mult:
        for seq, count in ((left, right), (right, left)):
            if isinstance(seq, str | bytes | tuple | list) and isinstance(count, int):
                if count > 0 and _size_hint(seq) * count > MAX_STR_LEN:
                    raise NotFoldable("repetition too large")
    if op is ast.LShift and isinstance(left, int) and isinstance(right, int):
        if right > MAX_INT_BITS:
            raise NotFoldable("shift too large")
    if op is ast.Mod and isinstance(left, str | bytes):
        raise NotFoldable("%-formatting is not folded")  # may call __format__-like conversions


#: Every binary operator of the language, as a function (astc folds all but ``@``, which no
#: literal supports; the hybrid tracer evaluates it on arrays).
BINARY_OPERATORS: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.MatMult: operator.matmul,
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
    ast.LShift: operator.lshift,
    ast.RShift: operator.rshift,
    ast.BitOr: operator.or_,
    ast.BitXor: operator.xor,
    ast.BitAnd: operator.and_,
}

_UNARY: dict[type[ast.unaryop], Callable[[Any], Any]] = {
    ast.UAdd: operator.pos,
    ast.USub: operator.neg,
    ast.Invert: operator.invert,
    ast.Not: operator.not_,
}

#: Every comparison operator of the language, as a function.
COMPARISON_OPERATORS: dict[type[ast.cmpop], Callable[[Any, Any], Any]] = {
    ast.Is: operator.is_,
    ast.IsNot: operator.is_not,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}
_BINARY = {op: fn for op, fn in BINARY_OPERATORS.items() if op is not ast.MatMult}
#: In-place forms (``x += y``): on a list, ``+=`` and ``*=`` mutate the object itself, which
#: every alias of it sees; on immutable values they are the plain operators.
_INPLACE: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.iadd,
    ast.Sub: operator.isub,
    ast.Mult: operator.imul,
    ast.Div: operator.itruediv,
    ast.FloorDiv: operator.ifloordiv,
    ast.Mod: operator.imod,
    ast.Pow: operator.ipow,
    ast.LShift: operator.ilshift,
    ast.RShift: operator.irshift,
    ast.BitOr: operator.ior,
    ast.BitXor: operator.ixor,
    ast.BitAnd: operator.iand,
}
# `is` on literals depends on object identity (interning): never folded.
_COMPARE = {op: fn for op, fn in COMPARISON_OPERATORS.items() if op not in (ast.Is, ast.IsNot)}


def _apply(fn: Callable[..., Any], *args: Any) -> Any:
    try:
        result = fn(*args)
    except (ArithmeticError, ValueError, TypeError, IndexError, KeyError) as error:
        raise FoldRaises(error) from None
    check_value(result)
    return result


def binary(op: type[ast.operator], left: Any, right: Any) -> Any:
    if op not in _BINARY:
        raise NotFoldable(f"operator {op.__name__} is not folded")
    check_value(left)
    check_value(right)
    _guard_binary(op, left, right)
    return _apply(_BINARY[op], left, right)


def inplace(op: type[ast.operator], left: Any, right: Any) -> Any:
    """``left <op>= right`` as Python runs it: lists are changed in place."""
    if op not in _INPLACE:
        raise NotFoldable(f"operator {op.__name__} is not folded")
    check_value(left)
    check_value(right)
    _guard_binary(op, left, right)
    return _apply(_INPLACE[op], left, right)


def unary(op: type[ast.unaryop], operand: Any) -> Any:
    check_value(operand)
    if op is ast.Invert and isinstance(operand, bool):
        raise NotFoldable("~ on bool is deprecated behaviour")  # warns at run time
    return _apply(_UNARY[op], operand)


def compare(op: type[ast.cmpop], left: Any, right: Any) -> Any:
    if op not in _COMPARE:
        raise NotFoldable(f"comparison {op.__name__} is not folded")
    check_value(left)
    check_value(right)
    if isinstance(left, bytes | str) != isinstance(right, bytes | str) and op in (
        ast.Eq,
        ast.NotEq,
    ):
        # str == bytes warns under -b; keep it for run time.
        if isinstance(left, bytes) or isinstance(right, bytes):
            raise NotFoldable("bytes/str comparison")
    return _apply(_COMPARE[op], left, right)


def subscript(container: Any, index: Any) -> Any:
    check_value(container)
    if isinstance(index, slice):
        for part in (index.start, index.stop, index.step):
            if part is not None and not isinstance(part, int):
                raise NotFoldable("slice bound is not an int")
    elif not isinstance(index, int):
        raise NotFoldable("only integer indexes and slices are folded")
    if not isinstance(container, str | bytes | tuple | list):
        raise NotFoldable("subscript of a non-sequence")
    return _apply(operator.getitem, container, index)


def _round(*args: Any) -> Any:
    return round(*args)


#: Builtins folded when every argument is a literal (and the name is not rebound).
PURE_BUILTINS: dict[str, Callable[..., Any]] = {
    "len": len,
    "abs": abs,
    "min": min,
    "max": max,
    "round": _round,
    "int": int,
    "float": float,
    "str": str,
    "bool": bool,
    "divmod": divmod,
    "pow": pow,
    "chr": chr,
    "ord": ord,
    "sum": sum,
    "tuple": tuple,
}


def call_builtin(name: str, args: list[Any]) -> Any:
    fn = PURE_BUILTINS.get(name)
    if fn is None:
        raise NotFoldable(f"{name}() is not folded")
    for a in args:
        check_value(a)
    if name in ("int", "float", "str") and any(not isinstance(a, int | float | bool) for a in args):
        raise NotFoldable(f"{name}() of a string is not folded")  # int('9'*5000) limits, etc.
    if name in ("pow",) and len(args) >= 2:
        _guard_binary(ast.Pow, args[0], args[1])
    if (
        name in ("min", "max", "sum", "tuple")
        and len(args) == 1
        and not isinstance(args[0], tuple | list | str | bytes)
    ):
        raise NotFoldable(f"{name}() of a non-sequence")
    return _apply(fn, *args)


def is_exact(value: Any, other: Any) -> bool:
    """Same type and same value, including float signs and NaN, recursively."""
    if type(value) is not type(other):
        return False
    if isinstance(value, float):
        return repr(value) == repr(other)
    if isinstance(value, complex):
        return repr(value.real) == repr(other.real) and repr(value.imag) == repr(other.imag)
    if isinstance(value, tuple | list):
        return len(value) == len(other) and all(
            is_exact(a, b) for a, b in zip(value, other, strict=True)
        )
    return bool(value == other)


#: Types whose ``repr`` (or ``ascii``) evaluates back to an identical value by definition.
_REPR_ROUND_TRIPS = (int, bool, float, str, bytes, type(None))


def to_source(value: Any, encoding: str = "utf-8") -> str:
    """Source text that evaluates to exactly ``value``; NotFoldable if there is none.

    The text is checked by evaluating it back (``ast.literal_eval``): astc never emits a
    literal that would not round-trip (``nan``, ``inf``, lossy complex forms), nor one that
    holds a list twice (see :func:`check_unshared`). Characters that the module's declared
    ``encoding`` cannot represent are written as escapes.
    """
    check_value(value)
    check_unshared(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise NotFoldable("non-finite float")
    if isinstance(value, complex) and not (math.isfinite(value.real) and math.isfinite(value.imag)):
        raise NotFoldable("non-finite complex")
    text = repr(value)
    if not text.isascii():
        try:
            text.encode(encoding)
        except (UnicodeEncodeError, LookupError):
            text = ascii(value)  # the same literal with every non-ASCII character escaped
    if type(value) in _REPR_ROUND_TRIPS:
        return text  # repr() of these is their literal, exactly (finite floats included)
    try:
        back = ast.literal_eval(text)
    except (ValueError, SyntaxError) as error:
        raise NotFoldable(f"no literal form: {error}") from None
    if not is_exact(back, value):
        raise NotFoldable("literal does not round-trip")
    return text
