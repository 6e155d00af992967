"""Abstract values for the exactness analysis of automatic kernels.

A value the kernel computes is one of:

* :class:`Scalar` — a number, with its *strength* (``"py"``: a Python ``int``/``float``/
  ``bool``; ``"np"``: a NumPy scalar; both: a name that holds either, depending on the
  path, like ``s = 0.0`` then ``s += a[i]``), its class (``"f"`` float64, ``"i"`` int64,
  ``"b"`` bool — the 64-bit domain in which Numba's types are NumPy's), and for Python
  ints and bools an :class:`Interval` that must stay within int64 (Numba's ints wrap);
* :class:`Array` — a NumPy array of a class and rank (``None``: any rank);
* :class:`Tuple` (shapes too), :class:`NoneValue`, :class:`DType`, :class:`Module`,
  :class:`Function` (a library function), :class:`Iter` (what a ``for`` loop yields).

Values are immutable and hashable; :func:`join` merges the values a name is bound to and
raises :class:`Mixed` when Numba would have to unify different types (an int and a float:
Numba makes both floats, CPython keeps the int).
"""

from __future__ import annotations

from dataclasses import dataclass

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1
#: Largest int a float64 holds exactly: int/float comparisons and int / int need this.
EXACT_FLOAT_INT = 2**53


@dataclass(frozen=True)
class Interval:
    """Closed integer interval; ``None`` bounds are unbounded."""

    lo: int | None
    hi: int | None

    @staticmethod
    def point(v: int) -> Interval:
        return Interval(v, v)

    @property
    def bounded(self) -> bool:
        return self.lo is not None and self.hi is not None

    def within(self, lo: int, hi: int) -> bool:
        return self.lo is not None and self.hi is not None and lo <= self.lo and self.hi <= hi

    @property
    def int64(self) -> bool:
        return self.within(INT64_MIN, INT64_MAX)

    def hull(self, other: Interval) -> Interval:
        lo = None if self.lo is None or other.lo is None else min(self.lo, other.lo)
        hi = None if self.hi is None or other.hi is None else max(self.hi, other.hi)
        return Interval(lo, hi)

    def contains(self, other: Interval) -> bool:
        lo_ok = self.lo is None or (other.lo is not None and self.lo <= other.lo)
        hi_ok = self.hi is None or (other.hi is not None and other.hi <= self.hi)
        return lo_ok and hi_ok

    def meet(self, other: Interval) -> Interval | None:
        """The intersection, or None when it is empty."""
        lo, hi = self.lo, self.hi
        if other.lo is not None:
            lo = other.lo if lo is None else max(lo, other.lo)
        if other.hi is not None:
            hi = other.hi if hi is None else min(hi, other.hi)
        if lo is not None and hi is not None and lo > hi:
            return None
        return Interval(lo, hi)

    def excludes_zero(self) -> bool:
        return (self.lo is not None and self.lo > 0) or (self.hi is not None and self.hi < 0)

    def nonnegative(self) -> bool:
        return self.lo is not None and self.lo >= 0

    def magnitude(self) -> int | None:
        if self.lo is None or self.hi is None:
            return None
        return max(abs(self.lo), abs(self.hi))


TOP = Interval(None, None)
INT64 = Interval(INT64_MIN, INT64_MAX)
BOOL_RANGE = Interval(0, 1)
_CAP = 2**200  # beyond any int64 question; keeps interval arithmetic cheap


def _cap(v: int) -> int | None:
    return None if abs(v) > _CAP else v


def _corners(a: Interval, b: Interval, op: str) -> Interval:
    if not (a.bounded and b.bounded):
        return TOP
    assert a.lo is not None and a.hi is not None and b.lo is not None and b.hi is not None
    values = []
    for x in (a.lo, a.hi):
        for y in (b.lo, b.hi):
            values.append(x * y if op == "*" else x + y if op == "+" else x - y)
    lo, hi = _cap(min(values)), _cap(max(values))
    return Interval(lo, hi)


def add(a: Interval, b: Interval) -> Interval:
    return _corners(a, b, "+")


def sub(a: Interval, b: Interval) -> Interval:
    return _corners(a, b, "-")


def mul(a: Interval, b: Interval) -> Interval:
    return _corners(a, b, "*")


def neg(a: Interval) -> Interval:
    return Interval(None if a.hi is None else -a.hi, None if a.lo is None else -a.lo)


def scale(a: Interval, times: int) -> Interval:
    """``a`` added ``times`` times (``times >= 0``), including not at all (0)."""
    lo = None if a.lo is None else min(0, a.lo) * times
    hi = None if a.hi is None else max(0, a.hi) * times
    return Interval(None if lo is None else _cap(lo), None if hi is None else _cap(hi))


def floordiv(a: Interval, b: Interval) -> Interval:
    """``a // b`` for a divisor that excludes zero; otherwise bounded by ``|a|``."""
    m = a.magnitude()
    if m is None:
        return TOP
    if b.excludes_zero() and b.bounded:
        assert b.lo is not None and b.hi is not None and a.lo is not None and a.hi is not None
        ends = (
            [b.lo, b.hi] + ([1] if b.lo <= 1 <= b.hi else []) + ([-1] if b.lo <= -1 <= b.hi else [])
        )
        values = [x // y for x in (a.lo, a.hi) for y in ends if y != 0]
        return Interval(min(values + [0]) if a.lo < 0 else min(values), max(values))
    return Interval(-m - 1, m + 1)


def mod(a: Interval, b: Interval) -> Interval:
    """``a % b``: between 0 and the divisor (Python's sign rule); else bounded by ``|b|``."""
    m = b.magnitude()
    if m is None:
        return TOP if a.magnitude() is None else Interval(-(a.magnitude() or 0), a.magnitude())
    if b.lo is not None and b.lo > 0:
        return Interval(0, m - 1)
    if b.hi is not None and b.hi < 0:
        return Interval(-m + 1, 0)
    return Interval(-m, m)


def power(a: Interval, b: Interval) -> Interval:
    """``a ** b`` for a non-negative exponent interval."""
    if not (a.bounded and b.bounded) or b.lo is None or b.lo < 0:
        return TOP
    assert a.lo is not None and a.hi is not None and b.hi is not None
    if b.hi > 256:
        m = a.magnitude() or 0
        return TOP if m > 1 else Interval(-1 if a.lo < 0 else 0, 1)
    values = [
        x**y for x in {a.lo, a.hi, 0 if a.lo <= 0 <= a.hi else a.lo} for y in range(b.lo, b.hi + 1)
    ]
    if a.lo < 0 < a.hi and b.hi >= 1:
        values += [(-1) ** y * max(abs(a.lo), a.hi) ** y for y in range(b.lo, b.hi + 1)]
    return Interval(_cap(min(values)), _cap(max(values)))


def lshift(a: Interval, b: Interval) -> Interval:
    if not b.within(0, 64):
        return TOP
    assert b.hi is not None
    return mul(a, Interval(1, 2**b.hi))


def rshift(a: Interval, b: Interval) -> Interval:
    if not b.nonnegative():
        return TOP
    m = a.magnitude()
    return TOP if m is None else Interval(min(0, a.lo or 0), max(0, a.hi or 0))


def bitwise(a: Interval, b: Interval, op: str) -> Interval:
    if a.nonnegative() and b.nonnegative() and a.hi is not None and b.hi is not None:
        top = (1 << max(a.hi, b.hi).bit_length()) - 1
        return Interval(0, min(a.hi, b.hi) if op == "&" else top)
    ma, mb = a.magnitude(), b.magnitude()
    if ma is None or mb is None:
        return TOP
    bits = max(ma, mb).bit_length() + 1
    return Interval(-(1 << bits), (1 << bits) - 1)


def invert(a: Interval) -> Interval:
    return sub(Interval.point(-1), a)


# -- values ------------------------------------------------------------------------------

PY = "py"
NP = "np"
STRENGTHS = frozenset({PY, NP})
CLASS_NAMES = {"f": "float", "i": "int", "b": "bool"}


@dataclass(frozen=True)
class Scalar:
    strength: frozenset[str]
    cls: str  # "f" | "i" | "b"
    #: Range of the Python-int/bool part (None for floats and NumPy-only values).
    rng: Interval | None = None
    #: From int()/math.floor() of a float: CPython's int may exceed int64, the kernel's is
    #: saturated to int64 (the runtime's helper). The two agree as an index, in a truth
    #: test, in a comparison with an int strictly inside int64 and in a store into an int
    #: array (which raises OverflowError in CPython beyond int64); nowhere else.
    saturated: bool = False

    @property
    def py(self) -> bool:
        return PY in self.strength

    @property
    def np(self) -> bool:
        return NP in self.strength

    @property
    def mixed(self) -> bool:
        return self.strength == STRENGTHS

    def describe(self) -> str:
        kind = CLASS_NAMES[self.cls]
        if self.mixed:
            return f"a Python {kind} or a NumPy {kind}"
        return f"a {'Python' if self.py else 'NumPy'} {kind}"


@dataclass(frozen=True)
class Array:
    cls: str
    rank: int | None
    #: Known to be a fresh, C-contiguous array (a reshape of it needs no layout check).
    fresh: bool = False
    #: Every dimension is at most the value bound the kernel's entry check enforces on
    #: its parameters' dimensions: a parameter of known rank, or a view, row, copy or
    #: elementwise result of such arrays. Only these have sizes bounded by that bound (an
    #: array made in the kernel, a ravel or reshape, may be longer than any parameter).
    checked: bool = False

    def describe(self) -> str:
        rank = "" if self.rank is None else f"{self.rank}-D "
        return f"a {rank}{CLASS_NAMES[self.cls]} array"


@dataclass(frozen=True)
class Tuple:
    items: tuple[Value, ...]

    def describe(self) -> str:
        return f"a tuple of {len(self.items)}"


@dataclass(frozen=True)
class Shape:
    """A shape tuple whose length is unknown (an array of unknown rank)."""

    item: Scalar

    def describe(self) -> str:
        return "a shape"


@dataclass(frozen=True)
class NoneValue:
    def describe(self) -> str:
        return "None"


@dataclass(frozen=True)
class DType:
    cls: str

    def describe(self) -> str:
        return "a dtype"


@dataclass(frozen=True)
class Module:
    name: str  # "numpy" | "math"

    def describe(self) -> str:
        return f"the module {self.name}"


@dataclass(frozen=True)
class Function:
    """A library function (``numpy.sqrt``), builtin, helper or array method reference."""

    namespace: str  # "numpy" | "math" | "builtins" | "helper" | "method"
    name: str
    bound: Value | None = None  # the array a method is bound to

    def describe(self) -> str:
        return f"the function {self.name}"


@dataclass(frozen=True)
class Iter:
    """What ``for x in <this>`` binds ``x`` to."""

    item: Value
    #: Iterations, at most (None: unknown).
    count: int | None = None

    def describe(self) -> str:
        return "an iterator"


Value = Scalar | Array | Tuple | Shape | NoneValue | DType | Module | Function | Iter


class Mixed(Exception):
    """Two values that Numba would unify into one type, with different results."""

    def __init__(self, a: Value, b: Value) -> None:
        super().__init__(f"{a.describe()} and {b.describe()}")
        self.a, self.b = a, b


def join(a: Value, b: Value) -> Value:
    """The value of a name bound to ``a`` on one path and ``b`` on another."""
    if a == b:
        return a
    if isinstance(a, Scalar) and isinstance(b, Scalar):
        if a.cls != b.cls:
            raise Mixed(a, b)
        rng = None
        if a.rng is not None and b.rng is not None:
            rng = a.rng.hull(b.rng)
        else:
            rng = a.rng or b.rng
        return Scalar(a.strength | b.strength, a.cls, rng, a.saturated or b.saturated)
    if isinstance(a, Array) and isinstance(b, Array):
        if a.cls != b.cls or a.rank != b.rank:
            raise Mixed(a, b)
        return Array(a.cls, a.rank, a.fresh and b.fresh, a.checked and b.checked)
    if isinstance(a, Tuple) and isinstance(b, Tuple) and len(a.items) == len(b.items):
        return Tuple(tuple(join(x, y) for x, y in zip(a.items, b.items, strict=True)))
    if isinstance(a, Shape) and isinstance(b, Shape):
        item = join(a.item, b.item)
        assert isinstance(item, Scalar)
        return Shape(item)
    if isinstance(a, Iter) and isinstance(b, Iter):
        count = None if a.count is None or b.count is None else max(a.count, b.count)
        return Iter(join(a.item, b.item), count)
    raise Mixed(a, b)


def py_int(rng: Interval) -> Scalar:
    return Scalar(frozenset({PY}), "i", rng)


def np_scalar(cls: str) -> Scalar:
    return Scalar(frozenset({NP}), cls)


def py_float() -> Scalar:
    return Scalar(frozenset({PY}), "f")


def py_bool() -> Scalar:
    return Scalar(frozenset({PY}), "b", BOOL_RANGE)
