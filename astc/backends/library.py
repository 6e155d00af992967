"""The functions automatic kernels may call, and how each relates to CPython and NumPy.

One table per namespace (``math``, ``numpy``, builtins, array methods). Every entry says
what the call returns (:class:`Result`) and how exact Numba is for it (:class:`Exactness`):

* ``SAME`` — Numba computes the same values (checked by ``tests/test_kernel_exactness.py``
  against CPython and NumPy, special values included);
* ``CHECKED`` — the same values, and CPython's exceptions (``math.sqrt(-1.0)`` raises
  ``ValueError``) are reproduced by a checking helper of the kernel runtime (``helper``);
* ``REPLACED`` — Numba's own version differs (summation order, signed zeros, an LLVM
  rewrite of ``pow``), so the kernel calls the runtime's exact version instead;
* ``INEXACT`` — no exact version: a kernel that calls it is refused in automatic mode
  (``ASTC235``), with ``why``.

Facts measured on NumPy 2.4 / Numba 0.68 / glibc (x86-64, AVX-512) that shaped the table:
NumPy's SIMD ``exp``/``log``/``tanh``/``power``... differ from the C library that Numba
calls in the last bit for about 1 value in 20; ``np.min``/``np.max`` of floats return
either zero of a ``0.0``/``-0.0`` tie depending on SIMD lanes; ``np.sum`` adds pairwise
(blocks of 8 and 128), Numba sequentially; CPython's ``math.gamma``/``lgamma``/``hypot``
are CPython's own code; LLVM folds ``pow(x, 2.0)`` into ``x * x``, which is not what the
C library's ``pow`` returns for about 1 value in 1000.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from astc import generated


class Exactness(enum.Enum):
    SAME = "same"
    CHECKED = "checked"
    REPLACED = "replaced"
    INEXACT = "inexact"


class Result(enum.Enum):
    """What a call returns, for the kind inference of :mod:`astc.backends.analysis`."""

    PY_FLOAT = "py-float"  # a Python float (math functions)
    PY_BOOL = "py-bool"
    PY_INT_UNBOUNDED = "py-int-unbounded"  # math.floor & co: a Python int of any size
    UFUNC = "ufunc"  # elementwise: NumPy scalar or array, dtype as NumPy computes it
    REDUCE = "reduce"  # a NumPy scalar (or an array with axis=...)
    REDUCE_INDEX = "reduce-index"  # argmin/argmax: a NumPy int64 (array with axis=...)
    REDUCE_BOOL = "reduce-bool"  # any/all
    ACCUMULATE = "accumulate"  # cumsum/cumprod: a 1-D array (flattened) of the input dtype
    CREATE = "create"  # zeros/ones/empty/full: a fresh array (float64 unless dtype=...)
    CREATE_LIKE = "create-like"  # zeros_like & co: a fresh array like the argument
    ARANGE = "arange"  # np.arange of ints
    COPY = "copy"  # a fresh copy of an array
    WHERE = "where"
    CAST = "cast"  # np.float64(x), np.int64(x), float(x), int(x), bool(x)
    LEN = "len"
    RANGE = "range"
    ABS = "abs"
    MINMAX = "minmax"  # builtin min/max of scalars
    ENUMERATE = "enumerate"
    ZIP = "zip"
    CONSTANT = "constant"


@dataclass(frozen=True)
class Fn:
    """One callable (or constant) kernels may use."""

    result: Result
    exact: Exactness = Exactness.SAME
    #: The runtime's replacement or checking helper, called instead (REPLACED/CHECKED).
    helper: str | None = None
    #: Keyword arguments accepted (with literal values).
    keywords: frozenset[str] = frozenset()
    #: Positional arguments accepted: (least, most).
    arity: tuple[int, int] = (1, 1)
    #: Why it is refused (INEXACT), shown in the report.
    why: str = ""
    #: Array classes it is exact for ("f" float64, "i" int64, "b" bool); others are refused
    #: for the call's arguments by the dispatcher (e.g. np.min of floats: signed zeros).
    classes: frozenset[str] = frozenset("fib")
    #: Python float constant value (Result.CONSTANT).
    value: float | None = None


def _inexact(why: str, arity: tuple[int, int] = (1, 1)) -> Fn:
    return Fn(Result.UFUNC, Exactness.INEXACT, why=why, arity=arity)


_SIMD = "NumPy's SIMD implementation differs from the C library Numba calls in the last bit"
_MATH_OWN = "CPython computes it with its own code, Numba with the C library"

#: math.<name> (CPython's math_1 rule for errors: a nan from a non-nan argument raises
#: ValueError, an infinity from a finite one OverflowError when the function can overflow,
#: else ValueError).
MATH: dict[str, Fn] = {
    **{
        name: Fn(Result.PY_FLOAT, Exactness.CHECKED, helper=generated.checked_math(name))
        for name in (
            "sqrt exp expm1 log log2 log10 log1p sin cos tan asin acos atan sinh cosh tanh "
            "asinh acosh atanh erf erfc"
        ).split()
    },
    "fabs": Fn(Result.PY_FLOAT),
    "degrees": Fn(Result.PY_FLOAT),
    "radians": Fn(Result.PY_FLOAT),
    "atan2": Fn(Result.PY_FLOAT, arity=(2, 2)),
    "copysign": Fn(Result.PY_FLOAT, arity=(2, 2)),
    "pow": Fn(Result.PY_FLOAT, Exactness.REPLACED, helper=generated.MATH_POW, arity=(2, 2)),
    "isnan": Fn(Result.PY_BOOL),
    "isinf": Fn(Result.PY_BOOL),
    "isfinite": Fn(Result.PY_BOOL),
    "floor": Fn(Result.PY_INT_UNBOUNDED, Exactness.CHECKED, helper=generated.INDEX_FLOOR),
    "ceil": Fn(Result.PY_INT_UNBOUNDED, Exactness.CHECKED, helper=generated.INDEX_CEIL),
    "trunc": Fn(Result.PY_INT_UNBOUNDED, Exactness.CHECKED, helper=generated.INDEX_TRUNC),
    "gamma": _inexact(_MATH_OWN),
    "lgamma": _inexact(_MATH_OWN),
    "hypot": _inexact(_MATH_OWN, (2, 2)),
    "pi": Fn(Result.CONSTANT, value=3.141592653589793),
    "e": Fn(Result.CONSTANT, value=2.718281828459045),
    "tau": Fn(Result.CONSTANT, value=6.283185307179586),
    "inf": Fn(Result.CONSTANT, value=float("inf")),
    "nan": Fn(Result.CONSTANT, value=float("nan")),
}

_AXIS = frozenset({"axis"})
_DTYPE = frozenset({"dtype"})

#: np.<name>
NUMPY: dict[str, Fn] = {
    **{
        name: Fn(Result.UFUNC, classes=frozenset("fi"))
        for name in "sqrt fabs rint floor ceil trunc negative square".split()
    },
    **{name: Fn(Result.UFUNC) for name in "abs absolute".split()},
    **{name: Fn(Result.UFUNC) for name in "isnan isinf isfinite signbit logical_not".split()},
    **{
        name: Fn(Result.UFUNC, arity=(2, 2), classes=frozenset("fi"))
        for name in "copysign fmin fmax".split()
    },
    **{name: Fn(Result.UFUNC, arity=(2, 2)) for name in "logical_and logical_or".split()},
    "minimum": Fn(
        Result.UFUNC,
        Exactness.REPLACED,
        helper=generated.MINIMUM,
        arity=(2, 2),
        classes=frozenset("fi"),
    ),
    "maximum": Fn(
        Result.UFUNC,
        Exactness.REPLACED,
        helper=generated.MAXIMUM,
        arity=(2, 2),
        classes=frozenset("fi"),
    ),
    "sign": Fn(Result.UFUNC, Exactness.REPLACED, helper=generated.SIGN, classes=frozenset("fi")),
    "where": Fn(Result.WHERE, arity=(3, 3)),
    "sum": Fn(Result.REDUCE, Exactness.REPLACED, helper=generated.SUM, keywords=_AXIS),
    "mean": Fn(Result.REDUCE, Exactness.REPLACED, helper=generated.MEAN, keywords=_AXIS),
    "prod": Fn(Result.REDUCE, keywords=_AXIS, classes=frozenset("fi")),
    "min": Fn(Result.REDUCE, keywords=_AXIS, classes=frozenset("ib")),
    "max": Fn(Result.REDUCE, keywords=_AXIS, classes=frozenset("ib")),
    "amin": Fn(Result.REDUCE, keywords=_AXIS, classes=frozenset("ib")),
    "amax": Fn(Result.REDUCE, keywords=_AXIS, classes=frozenset("ib")),
    "argmin": Fn(Result.REDUCE_INDEX, keywords=_AXIS),
    "argmax": Fn(Result.REDUCE_INDEX, keywords=_AXIS),
    "any": Fn(Result.REDUCE_BOOL),
    "all": Fn(Result.REDUCE_BOOL),
    "cumsum": Fn(Result.ACCUMULATE, classes=frozenset("fi")),
    "cumprod": Fn(Result.ACCUMULATE, classes=frozenset("fi")),
    "zeros": Fn(Result.CREATE, keywords=_DTYPE, arity=(1, 2)),
    "ones": Fn(Result.CREATE, keywords=_DTYPE, arity=(1, 2)),
    "empty": Fn(Result.CREATE, keywords=_DTYPE, arity=(1, 2)),
    "full": Fn(Result.CREATE, keywords=_DTYPE, arity=(2, 3)),
    "zeros_like": Fn(Result.CREATE_LIKE, keywords=_DTYPE, arity=(1, 2)),
    "ones_like": Fn(Result.CREATE_LIKE, keywords=_DTYPE, arity=(1, 2)),
    "empty_like": Fn(Result.CREATE_LIKE, keywords=_DTYPE, arity=(1, 2)),
    "full_like": Fn(Result.CREATE_LIKE, keywords=_DTYPE, arity=(2, 3)),
    "arange": Fn(Result.ARANGE, arity=(1, 3)),
    "copy": Fn(Result.COPY),
    "float64": Fn(Result.CAST),
    "int64": Fn(Result.CAST),
    "bool_": Fn(Result.CAST),
    "pi": Fn(Result.CONSTANT, value=3.141592653589793),
    "e": Fn(Result.CONSTANT, value=2.718281828459045),
    "inf": Fn(Result.CONSTANT, value=float("inf")),
    "nan": Fn(Result.CONSTANT, value=float("nan")),
    **{
        name: _inexact(_SIMD)
        for name in (
            "exp exp2 expm1 log log2 log10 log1p sin cos tan arcsin arccos arctan sinh cosh "
            "tanh arcsinh arccosh arctanh cbrt"
        ).split()
    },
    **{name: _inexact(_SIMD, (2, 2)) for name in "power arctan2 hypot logaddexp".split()},
    "dot": _inexact("BLAS sums in its own order (and Numba needs SciPy for it)", (2, 2)),
    "matmul": _inexact("BLAS sums in its own order (and Numba needs SciPy for it)", (2, 2)),
    "linspace": _inexact("Numba's linspace rounds differently from NumPy's", (2, 3)),
    "sort": _inexact("the order of equal keys (0.0 and -0.0) depends on the algorithm"),
    "argsort": _inexact("the order of equal keys depends on the algorithm"),
    "var": _inexact("NumPy's two-pass pairwise variance"),
    "std": _inexact("NumPy's two-pass pairwise variance"),
    "median": _inexact("NumPy's partition-based median"),
}

#: dtype names accepted as ``dtype=`` / ``np.zeros(n, <dtype>)`` arguments -> class.
DTYPES: dict[str, str] = {"float64": "f", "int64": "i", "bool_": "b", "float": "f", "int": "i"}

#: Builtins.
BUILTINS: dict[str, Fn] = {
    "range": Fn(Result.RANGE, arity=(1, 3)),
    "len": Fn(Result.LEN),
    "abs": Fn(Result.ABS),
    "min": Fn(Result.MINMAX, arity=(2, 8)),
    "max": Fn(Result.MINMAX, arity=(2, 8)),
    "float": Fn(Result.CAST),
    "int": Fn(Result.CAST),
    "bool": Fn(Result.CAST),
    "enumerate": Fn(Result.ENUMERATE),
    "zip": Fn(Result.ZIP, arity=(2, 4)),
}

#: Exception classes a kernel may raise (``raise ValueError("literal")``, ``assert``).
EXCEPTIONS = frozenset(
    "ValueError TypeError IndexError KeyError ZeroDivisionError ArithmeticError "
    "RuntimeError AssertionError OverflowError Exception".split()
)


@dataclass(frozen=True)
class Method:
    """An array method or attribute."""

    fn: Fn
    attribute: bool = False
    extra: dict[str, str] = field(default_factory=dict)


#: <array>.<name>(...) -> the NumPy function it behaves like.
ARRAY_METHODS: dict[str, str] = {
    "sum": "sum",
    "mean": "mean",
    "prod": "prod",
    "min": "min",
    "max": "max",
    "argmin": "argmin",
    "argmax": "argmax",
    "any": "any",
    "all": "all",
    "cumsum": "cumsum",
    "cumprod": "cumprod",
    "copy": "copy",
}
#: Methods with their own rules in the analysis.
ARRAY_SPECIAL_METHODS = frozenset({"reshape", "fill", "ravel", "flatten", "transpose"})
