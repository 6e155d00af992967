"""Result types of operators: what CPython + NumPy 2 give, and what Numba gives.

CPython's side is not written down here but *computed*: the operator is applied to sample
values of each strength and class (``3``, ``2.5``, ``True``, ``numpy.int64(3)``...) with
the installed NumPy, so the rules are exactly NumPy 2's (Python scalars are "weak":
``numpy.float64(1) + 1`` is a ``numpy.float64``, ``numpy.True_ + numpy.True_`` is
``numpy.True_``, ``numpy.True_ - numpy.True_`` raises). Numba's side is its typing of
int64/float64/bool scalars, a small table (checked against Numba by
``tests/test_kernel_exactness.py``). An operation is exact when both give the same class;
the strength (Python or NumPy scalar) Numba does not keep is restored by the runtime on
return.
"""

from __future__ import annotations

import functools
import operator
import warnings
from collections.abc import Callable
from typing import Any

from astc.backends.values import NP, PY

COMPARISON = ("<", "<=", ">", ">=", "==", "!=")

OPS: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "//": operator.floordiv,
    "%": operator.mod,
    "**": operator.pow,
    "&": operator.and_,
    "|": operator.or_,
    "^": operator.xor,
    "<<": operator.lshift,
    ">>": operator.rshift,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}


def _samples() -> dict[tuple[str, str], Any]:
    import numpy as np

    return {
        (PY, "i"): 3,
        (PY, "f"): 2.5,
        (PY, "b"): True,
        (NP, "i"): np.int64(3),
        (NP, "f"): np.float64(2.5),
        (NP, "b"): np.True_,
    }


def classify(value: Any) -> tuple[str, str] | None:
    """(strength, class) of a CPython/NumPy scalar, or None outside the 64-bit domain."""
    import numpy as np

    t = type(value)
    if t is bool:
        return PY, "b"
    if t is int:
        return PY, "i"
    if t is float:
        return PY, "f"
    if t is np.bool_:
        return NP, "b"
    if t is np.int64:
        return NP, "i"
    if t is np.float64:
        return NP, "f"
    return None


@functools.cache
def cpython(op: str, left: tuple[str, str], right: tuple[str, str]) -> tuple[str, str] | None:
    """(strength, class) of ``left <op> right`` in CPython + NumPy, None if it raises or
    leaves the 64-bit domain (int8 from ``numpy.True_ // numpy.True_``, say)."""
    samples = _samples()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = OPS[op](samples[left], samples[right])
        except Exception:  # noqa: BLE001 - any error means: not this way
            return None
    return classify(value)


@functools.cache
def cpython_unary(op: str, operand: tuple[str, str]) -> tuple[str, str] | None:
    samples = _samples()
    table: dict[str, Callable[[Any], Any]] = {
        "-": operator.neg,
        "+": operator.pos,
        "~": operator.invert,
    }
    fn = table[op]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = fn(samples[operand])
        except Exception:  # noqa: BLE001
            return None
    return classify(value)


def numba(op: str, left: str, right: str) -> str | None:
    """Numba's result class for int64/float64/bool scalar operands (None: no typing)."""
    classes = {left, right}
    if op in COMPARISON:
        return "b"
    if op in ("&", "|", "^"):
        if "f" in classes:
            return None
        return "b" if classes == {"b"} else "i"
    if op in ("<<", ">>"):
        return None if "f" in classes else "i"
    if op == "/":
        return "f"
    return "f" if "f" in classes else "i"


def numba_unary(op: str, operand: str) -> str | None:
    if op == "~":
        return None if operand == "f" else operand  # Numba: ~True is False (logical)
    return "i" if operand == "b" else operand


ARRAY = "array"


@functools.cache
def array_op(op: str, left: tuple[str, str], right: tuple[str, str]) -> str | None:
    """Class of an operation with at least one array operand (``(ARRAY, cls)``; scalars as
    ``(strength, cls)``). NumPy and Numba agree on int64/float64/bool arrays with weak
    Python scalars, except bool with bool under ``- / // % **`` (NumPy raises or gives
    float64, Numba gives int8/float32): those are None."""
    import numpy as np

    if left[1] == "b" and right[1] == "b" and op in ("-", "/", "//", "%", "**"):
        return None
    arrays = {"f": np.array([2.5]), "i": np.array([3]), "b": np.array([True])}
    samples = _samples()

    def sample(side: tuple[str, str]) -> Any:
        return arrays[side[1]] if side[0] == ARRAY else samples[side]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = OPS[op](sample(left), sample(right))
        except Exception:  # noqa: BLE001
            return None
    kind = {np.dtype(np.float64): "f", np.dtype(np.int64): "i", np.dtype(np.bool_): "b"}
    return kind.get(getattr(value, "dtype", None))  # type: ignore[arg-type]
