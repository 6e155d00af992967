"""Refusals of automatic kernels: one :class:`Problem` per reason, each with its code.

The analysis raises a :class:`Problem` at the first operation whose result could differ
from CPython's; :func:`most_specific` picks the one to report when every parameter
assumption failed (docs/kernels.md lists the codes).
"""

from __future__ import annotations

from astc.backends.values import PY
from astc.diagnostics import Code, ReportEntry


class Problem(Exception):
    """Why a function is not an exact automatic kernel."""

    def __init__(self, code: Code, line: int, message: str) -> None:
        super().__init__(message)
        self.code, self.line, self.message = code, line, message


def entry(code: Code, applied: bool, line: int, msg: str, fn: str | None) -> ReportEntry:
    """A report entry of the kernel stage."""
    return ReportEntry("kernels", code, applied, line, msg, fn)


CLS = {"f": "float", "i": "int", "b": "bool"}


def describe(strength: str, cls: str) -> str:
    return f"a {'Python' if strength == PY else 'NumPy'} {CLS[cls]}"


#: Which refusal to report when every assumption fails: the most specific reason.
PRIORITY = (
    Code.KERNEL_INT_RANGE,
    Code.KERNEL_INEXACT_OPERATION,
    Code.KERNEL_INEXACT_FUNCTION,
    Code.KERNEL_MIXED_TYPES,
    Code.KERNEL_GLOBAL,
    Code.KERNEL_CALLEE,
    Code.KERNEL_NO_WORK,
    Code.KERNEL_UNSUPPORTED,
)


def most_specific(problems: list[Problem]) -> Problem:
    return min(problems, key=lambda p: PRIORITY.index(p.code) if p.code in PRIORITY else 99)
