"""Operators in the abstract interpreter: NumPy 2 promotion (weak Python scalars),
Numba's result types, Python-int ranges, divisions and powers whose zero and sign rules
differ between Python and NumPy numbers.
"""

from __future__ import annotations

import ast
import itertools

from astc.backends import promotion
from astc.backends import values as iv
from astc.backends.problems import CLS, Problem, describe
from astc.backends.run_base import RunBase
from astc.backends.values import (
    BOOL_RANGE,
    EXACT_FLOAT_INT,
    INT64_MAX,
    INT64_MIN,
    NP,
    PY,
    TOP,
    Array,
    Interval,
    Scalar,
    Value,
    py_bool,
)
from astc.diagnostics import Code

BINOPS: dict[type[ast.operator], str] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.FloorDiv: "//",
    ast.Mod: "%",
    ast.Pow: "**",
    ast.BitAnd: "&",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.LShift: "<<",
    ast.RShift: ">>",
}

#: int64 NumPy scalar operators that warn on overflow -> the checked helper's name part
#: (``_astc_<name>_np`` in the runtime; unary ``-`` is ``neg``).
INT_OVERFLOW: dict[str, str] = {"+": "add", "-": "sub", "*": "mul"}

CMPOPS: dict[type[ast.cmpop], str] = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
}


def int_op(op: str, a: Interval, b: Interval) -> Interval | None:
    if op == "+":
        return iv.add(a, b)
    if op == "-":
        return iv.sub(a, b)
    if op == "*":
        return iv.mul(a, b)
    if op == "//":
        return iv.floordiv(a, b)
    if op == "%":
        return iv.mod(a, b)
    if op == "**":
        return iv.power(a, b)
    if op == "<<":
        return iv.lshift(a, b)
    if op == ">>":
        return iv.rshift(a, b)
    if op in ("&", "|", "^"):
        return iv.bitwise(a, b, op)
    return None


class Operators(RunBase):
    """Binary, unary and comparison operators."""

    def binop(
        self,
        node: ast.AST,
        op: str,
        left: Value,
        right: Value,
        left_node: ast.expr,
        right_node: ast.expr,
    ) -> Value:
        """``left op right``: NumPy 2's result type, which Numba must compute too; Python
        ints bounded within int64; divisions and powers recorded for lowering."""
        self.check_value_use(left, node)
        self.check_value_use(right, node)
        if isinstance(left, Array) or isinstance(right, Array):
            return self.array_binop(node, op, left, right, right_node)
        if not (isinstance(left, Scalar) and isinstance(right, Scalar)):
            raise self.unsupported(node, f"`{op}` of {left.describe()} and {right.describe()}")
        strength, cls = self.promote(node, op, left, right)
        if NP in strength:
            self.check_numpy_silent(node, op, cls, right, right_node)
        if op in ("/", "//", "%"):
            self.division(node, op, left, right, right_node, cls)
        if op == "**":
            self.power(node, left, right, right_node, cls)
        if op in ("<<", ">>") and NP in strength:
            self.check_shift_count(node, op, right)
        rng: Interval | None = None
        if left.py and right.py and cls in "ib" and PY in strength:
            rng = int_op(
                op,
                left.rng if left.rng is not None else TOP,
                right.rng if right.rng is not None else TOP,
            )
            if rng is None:
                raise self.unsupported(node, f"`{op}` of Python ints")
            # a run-time check only where both sides are Python ints on every path (a
            # NumPy int64 side has its own overflow helper: NumPy's warning)
            python_only = not left.np and not right.np
            rng = self.check_int(node, rng, op, INT_OVERFLOW.get(op) if python_only else None)
        if left.py and right.py and op == "/" and left.cls in "ib" and right.cls in "ib":
            self.check_exact_int_division(node, left, right)
        if PY in strength and cls == "b":
            rng = BOOL_RANGE
        return Scalar(strength, cls, rng if PY in strength and cls in "ib" else None)

    def promote(
        self, node: ast.AST, op: str, left: Scalar, right: Scalar
    ) -> tuple[frozenset[str], str]:
        """Strength and class of ``left op right`` for every strength each side may have
        (computed with the installed NumPy); refused where Numba's class differs."""
        line = getattr(node, "lineno", self.fn.lineno)
        strengths: set[str] = set()
        classes: set[str] = set()
        for ls, rs in itertools.product(sorted(left.strength), sorted(right.strength)):
            got = promotion.cpython(op, (ls, left.cls), (rs, right.cls))
            sides = f"`{op}` of {describe(ls, left.cls)} and {describe(rs, right.cls)}"
            if got is None:
                raise Problem(
                    Code.KERNEL_INEXACT_OPERATION,
                    line,
                    f"line {line}: {sides} raises or leaves int64/float64 in NumPy",
                )
            nb = promotion.numba(op, left.cls, right.cls)
            if nb != got[1]:
                raise Problem(
                    Code.KERNEL_INEXACT_OPERATION,
                    line,
                    f"line {line}: {sides}: NumPy gives a {CLS[got[1]]}, Numba a "
                    f"{CLS.get(nb or '', 'error')}",
                )
            strengths.add(got[0])
            classes.add(got[1])
        if len(classes) != 1:
            raise Problem(Code.KERNEL_MIXED_TYPES, line, f"line {line}: `{op}` gives mixed types")
        return frozenset(strengths), classes.pop()

    def check_numpy_silent(
        self, node: ast.AST, op: str, cls: str, right: Value, right_node: ast.expr
    ) -> None:
        """A NumPy scalar result: NumPy's scalar arithmetic emits a ``RuntimeWarning`` on
        int overflow (``+ - *``, ``//`` by -1) and on division by zero, where Numba is
        silent. int64 NumPy scalars have no range here (array elements are any int64), so
        their ``+ - *`` is recorded for an overflow-checked helper (on overflow NumPy does
        that one operation: its warning and wrapped value); the Python-int part of a
        value that may be either is proven within int64 by the caller, so an overflow at
        run time is always NumPy's. Divisions: see :meth:`division`."""
        if cls == "i" and op in INT_OVERFLOW:
            self.facts.overflows[id(node)] = INT_OVERFLOW[op]

    def safe_divisor(self, right: Value, right_node: ast.expr, cls: str, op: str) -> bool:
        """Whether NumPy's division by ``right`` cannot warn: non-zero, and for an int
        ``//`` not -1 (``INT64_MIN // -1`` overflows)."""
        minus_one_matters = cls == "i" and op == "//"
        if isinstance(right_node, ast.Constant) and isinstance(right_node.value, int | float):
            v = right_node.value
            return v != 0 and not (minus_one_matters and v == -1)
        if isinstance(right_node, ast.Name) and right_node.id in self.positive:
            return True  # inside `for ... in range(n)`: n >= 1
        if isinstance(right, Scalar) and right.py and not right.np and right.rng is not None:
            r = right.rng
            if minus_one_matters:
                return (r.lo is not None and r.lo > 0) or (r.hi is not None and r.hi < -1)
            return r.excludes_zero()
        return False

    def check_shift_count(self, node: ast.AST, op: str, count: Scalar) -> None:
        """An int64 shift: NumPy gives 0 or -1 for a count >= 64 or negative; the
        machine shift wraps the count. Accepted only for a count proven in 0..63."""
        rng = count.rng if count.py and not count.np else None
        if rng is None or not rng.within(0, 63):
            line = getattr(node, "lineno", self.fn.lineno)
            raise Problem(
                Code.KERNEL_INEXACT_OPERATION,
                line,
                f"line {line}: `{op}` of NumPy ints by a count not proven in 0..63 (NumPy "
                "gives 0 or -1 beyond, the machine shift wraps the count)",
            )

    def check_exact_int_division(self, node: ast.AST, left: Scalar, right: Scalar) -> None:
        """CPython's int / int is correctly rounded; Numba converts both to float first,
        which is the same only within 2**53."""
        for v in (left, right):
            if v.rng is not None and not v.rng.within(-EXACT_FLOAT_INT, EXACT_FLOAT_INT):
                line = getattr(node, "lineno", self.fn.lineno)
                raise Problem(
                    Code.KERNEL_INT_RANGE,
                    line,
                    f"line {line}: `/` converts an int that may exceed 2**53 "
                    "(CPython's int/int division is exact)",
                )

    def array_binop(
        self, node: ast.AST, op: str, left: Value, right: Value, right_node: ast.expr
    ) -> Value:
        line = getattr(node, "lineno", self.fn.lineno)

        def side(v: Value) -> tuple[str, str]:
            if isinstance(v, Array):
                return promotion.ARRAY, v.cls
            if isinstance(v, Scalar):
                return (PY if v.py else NP), v.cls
            raise self.unsupported(node, f"`{op}` of {v.describe()}")

        ls, rs = side(left), side(right)
        if op in ("<<", ">>"):
            raise Problem(
                Code.KERNEL_INEXACT_OPERATION,
                line,
                f"line {line}: `{op}` on arrays (NumPy gives 0 or -1 for counts >= 64 "
                "and negative ones, the kernel's shift wraps the count)",
            )
        if op == "**":
            if (
                isinstance(right_node, ast.Constant)
                and right_node.value == 2
                and type(right_node.value) is int
            ):
                self.facts.powers[id(node)] = "square"
            else:
                raise Problem(
                    Code.KERNEL_INEXACT_FUNCTION,
                    line,
                    f"line {line}: `**` on arrays: NumPy's SIMD power differs from the C "
                    "library's (astc accepts `a ** 2`)",
                )
        if op in ("//", "%") and "f" in (ls[1], rs[1]):
            raise Problem(
                Code.KERNEL_INEXACT_OPERATION,
                line,
                f"line {line}: `{op}` on float arrays (NumPy's array floor division of "
                "inf and nan differs from its scalar one, which Numba follows)",
            )
        for v in (left, right):
            if isinstance(v, Scalar) and v.mixed:
                pass  # weak and strong scalars promote alike with 64-bit arrays
        cls = promotion.array_op(op, ls, rs)
        if op in ("/", "//", "%") and cls is not None:
            if not self.safe_divisor(right, right_node, cls, op):
                self.numpy_warns(node, f"`{op}` of arrays by a divisor that may be zero")
        if cls is None:
            raise Problem(
                Code.KERNEL_INEXACT_OPERATION,
                line,
                f"line {line}: `{op}` of {left.describe()} and {right.describe()}",
            )
        ranks = [v.rank for v in (left, right) if isinstance(v, Array)]
        rank = None if None in ranks else max(r for r in ranks if r is not None)
        self.facts.array_work = True
        # broadcasting: each dimension of the result is one of the operands'
        checked = all(v.checked for v in (left, right) if isinstance(v, Array))
        return Array(cls, rank, True, checked)

    def division(
        self, node: ast.AST, op: str, left: Scalar, right: Scalar, right_node: ast.expr, cls: str
    ) -> None:
        """How lowering divides: ``"py"`` (Python's ZeroDivisionError), ``"np"`` (the
        operator: no zero possible, or NumPy scalars with a safe divisor), ``"mixed"`` (a
        flag says which), ``"npw"`` (NumPy scalars: where NumPy would warn, NumPy does the
        operation, so its RuntimeWarning is emitted)."""
        safe = self.safe_divisor(right, right_node, cls, op)
        nonzero = False
        if isinstance(right_node, ast.Constant) and isinstance(right_node.value, int | float):
            nonzero = right_node.value != 0
        elif isinstance(right_node, ast.Name) and right_node.id in self.positive:
            nonzero = True  # inside `for ... in range(n)`: n >= 1
        elif right.py and not right.np and right.cls == "i" and right.rng is not None:
            nonzero = right.rng.excludes_zero()
        if left.py and right.py and not (left.np or right.np):
            kind = "py"
        elif left.np and not left.py or right.np and not right.py:
            kind = "np"
        else:
            kind = "mixed"
        if kind == "np" and not safe:
            kind = "npw"
        elif kind == "mixed" and nonzero and safe:
            kind = "np"  # no zero division possible: either rule
        elif kind == "py" and nonzero:
            kind = "np"
        self.facts.divisions[id(node)] = kind

    def power(
        self, node: ast.AST, left: Scalar, right: Scalar, right_node: ast.expr, cls: str
    ) -> None:
        line = getattr(node, "lineno", self.fn.lineno)
        if cls in "ib":
            exponent = right.rng if right.py and not right.np else None
            if exponent is None or not exponent.nonnegative():
                raise Problem(
                    Code.KERNEL_INEXACT_OPERATION,
                    line,
                    f"line {line}: an int to a power that may be negative (CPython: a "
                    "float or an error; Numba: 0)",
                )
        integral = right.cls in "ib" or (
            isinstance(right_node, ast.Constant)
            and isinstance(right_node.value, float)
            and right_node.value.is_integer()
        )
        nonnegative = left.cls in "ib" and left.rng is not None and left.rng.nonnegative()
        if left.py and right.py and not integral and not nonnegative:
            raise Problem(
                Code.KERNEL_INEXACT_OPERATION,
                line,
                f"line {line}: a Python number to a non-integer power (CPython gives a "
                "complex number for a negative base, Numba nan)",
            )
        if left.py and right.py and not (left.np or right.np):
            kind = "py"
        elif (left.np and not left.py) or (right.np and not right.py):
            kind = "np"
        else:
            kind = "mixed"
        self.facts.powers[id(node)] = kind

    def unary(self, node: ast.UnaryOp, operand: Value) -> Value:
        self.check_value_use(operand, node)
        if isinstance(node.op, ast.Not):
            if isinstance(operand, Array):
                raise self.unsupported(node, "`not` of an array")
            return py_bool()
        op = {ast.USub: "-", ast.UAdd: "+", ast.Invert: "~"}[type(node.op)]
        if isinstance(operand, Array):
            if operand.cls == "b" and op != "~" or operand.cls == "f" and op == "~":
                raise self.unsupported(node, f"unary `{op}` of {operand.describe()}")
            self.facts.array_work = True
            return Array(operand.cls, operand.rank, True, operand.checked)
        if not isinstance(operand, Scalar):
            raise self.unsupported(node, f"unary `{op}` of {operand.describe()}")
        strengths: set[str] = set()
        classes: set[str] = set()
        for s in sorted(operand.strength):
            got = promotion.cpython_unary(op, (s, operand.cls))
            nb = promotion.numba_unary(op, operand.cls)
            if got is None or nb != got[1]:
                raise Problem(
                    Code.KERNEL_INEXACT_OPERATION,
                    node.lineno,
                    f"line {node.lineno}: unary `{op}` of {describe(s, operand.cls)} differs "
                    "in Numba",
                )
            strengths.add(got[0])
            classes.add(got[1])
        cls = classes.pop()
        if operand.np and cls == "i" and op == "-":
            self.facts.overflows[id(node)] = "neg"  # -INT64_MIN: NumPy's warning
        rng = None
        if operand.py and cls in "ib":
            base = operand.rng if operand.rng is not None else TOP
            rng = iv.neg(base) if op == "-" else (base if op == "+" else iv.invert(base))
            checked = "neg" if op == "-" and not operand.np else None
            rng = self.check_int(node, rng, op, checked)
        return Scalar(frozenset(strengths), cls, rng)

    def check_comparable(self, left: Value, right: Value, node: ast.AST) -> None:
        """A saturated int compares like CPython's with an int strictly inside int64."""
        for a, b in ((left, right), (right, left)):
            if isinstance(a, Scalar) and a.saturated:
                inside = (
                    isinstance(b, Scalar)
                    and b.cls in "ib"
                    and not b.saturated
                    and b.rng is not None
                    and b.rng.within(INT64_MIN + 1, INT64_MAX - 1)
                )
                if not inside:
                    self.check_value_use(a, node)
            else:
                self.check_value_use(a, node)

    def compare(self, node: ast.Compare) -> Value | None:
        left = self.expr(node.left)
        result: Value | None = None
        for op_node, comp in zip(node.ops, node.comparators, strict=True):
            right = self.expr(comp)
            if left is None or right is None:
                left = right
                continue
            if type(op_node) not in CMPOPS:
                raise self.unsupported(node, "`is`/`in` comparisons")
            self.check_comparable(left, right, node)
            op = CMPOPS[type(op_node)]
            value: Value
            if isinstance(left, Array) or isinstance(right, Array):
                value = self.array_binop(node, op, left, right, comp)
            elif isinstance(left, Scalar) and isinstance(right, Scalar):
                for a, b in ((left, right), (right, left)):
                    if a.py and a.cls in "ib" and "f" == b.cls and a.rng is not None:
                        if not a.rng.within(-EXACT_FLOAT_INT, EXACT_FLOAT_INT):
                            raise Problem(
                                Code.KERNEL_INT_RANGE,
                                node.lineno,
                                f"line {node.lineno}: compares an int that may exceed 2**53 "
                                "with a float (CPython compares exactly, Numba converts)",
                            )
                strength = frozenset(
                    NP if (ls == NP or rs == NP) else PY
                    for ls in left.strength
                    for rs in right.strength
                )
                value = Scalar(strength, "b", BOOL_RANGE if PY in strength else None)
            else:
                raise self.unsupported(node, f"comparison of {left.describe()}")
            result = value if result is None else self.join_or_raise(result, value, node)
            left = right
        return result
