"""What the exactness analysis knows and records: the module around a function
(:class:`ModuleContext`), the facts lowering needs about each node (:class:`Facts`),
memoized results of callees (:class:`HelperResult`), and the one assumption it makes
about calls (:data:`TRIPS`).
"""

from __future__ import annotations

import ast
import dataclasses
from dataclasses import dataclass, field

from astc import generated
from astc.backends.values import Scalar, Tuple, Value

#: Which copy of a callee a call site names: the callee's qualified name, its arguments'
#: strengths (:func:`strength_key`) and the copy keys of its own calls, in source order.
CopyKey = tuple[str, tuple[object, ...], tuple[object, ...]]

#: Loop iterations a call that completes in CPython runs, at most (see the module doc).

TRIPS = 2**48


@dataclass(frozen=True)
class ModuleContext:
    """What the analysis knows about the module around a function."""

    #: Local name -> "numpy" | "math" (``import numpy as np``).
    modules: dict[str, str]
    #: Local name -> ("numpy" | "math", attribute) (``from numpy import empty_like``).
    imported: dict[str, tuple[str, str]]
    #: Stable module functions that kernels may call (compiled with them).
    functions: dict[str, ast.FunctionDef]
    #: Stable module constants with a number value.
    constants: dict[str, int | float | bool]
    #: Other module-level names (reading one is refused: Numba would freeze it).
    globals_: frozenset[str] = frozenset()
    #: Python-int ``+ - *`` and unary ``-`` that no proof keeps within int64 are checked
    #: at run time (``Facts.int64_checks``) instead of refused: for kernels that store
    #: nothing, which the plain function can run again when a check fails.
    check_ints: bool = False


# -- facts for lowering --------------------------------------------------------------


@dataclass
class Facts:
    """What :mod:`astc.backends.lower` needs to know about a function's nodes."""

    #: id(node) -> abstract value (final round).
    values: dict[int, Value] = field(default_factory=dict)
    #: id(BinOp) of / // % -> "py" | "np" | "mixed" | "npw" (Python raises on zero, NumPy
    #: warns: see Operators.division).
    divisions: dict[int, str] = field(default_factory=dict)
    #: id(BinOp) of ** -> "py" | "np" | "mixed" | "square".
    powers: dict[int, str] = field(default_factory=dict)
    #: id(BinOp | AugAssign | UnaryOp) of an int64 NumPy scalar ``+ - *`` or unary ``-``
    #: -> "add" | "sub" | "mul" | "neg": the overflow-checked helper lowering calls
    #: (NumPy warns on overflow: see Operators.check_numpy_silent).
    overflows: dict[int, str] = field(default_factory=dict)
    #: id(BinOp | AugAssign | UnaryOp) of a Python-int ``+ - *`` or unary ``-`` not proven
    #: within int64 -> "add" | "sub" | "mul" | "neg": lowered to the runtime's helper that
    #: raises ``_AstcOutside`` on overflow (``ModuleContext.check_ints``).
    int64_checks: dict[int, str] = field(default_factory=dict)
    #: id(Call) -> runtime helper replacing the callee.
    helpers: dict[int, str] = field(default_factory=dict)
    #: id(Call) -> (module function or closure, strength key of its arguments): the copy
    #: compiled for those argument kinds.
    calls: dict[int, CopyKey] = field(default_factory=dict)
    #: Names (module functions, constants) whose identity the dispatcher checks.
    guards: set[str] = field(default_factory=set)
    #: Return statements and their values.
    returns: list[tuple[ast.Return | None, Value]] = field(default_factory=list)
    #: Names that hold a Python or a NumPy scalar depending on the path.
    mixed_names: set[str] = field(default_factory=set)
    #: id(For) -> its iterations, at most (this round's bound, for widening).
    trips: dict[int, int] = field(default_factory=dict)
    has_loop: bool = False
    #: Whole-array computation (ufuncs, reductions, array operators; not allocation or
    #: views): NumPy may beat Numba there, so the dispatcher measures.
    array_work: bool = False
    #: A callee run (for these very arguments) may have NumPy warn (:func:`numpy_may_warn`).
    callee_may_warn: bool = False

    def merge(self, other: Facts) -> None:
        """Union with another run's facts (other parameter classes: same strengths)."""
        for k, v in other.divisions.items():
            self.divisions[k] = v if self.divisions.get(k, v) == v else "mixed"
        for k, v in other.powers.items():
            self.powers[k] = v if self.powers.get(k, v) == v else "mixed"
        self.overflows.update(other.overflows)
        self.int64_checks.update(other.int64_checks)
        self.helpers.update(other.helpers)
        self.calls.update(other.calls)
        self.guards |= other.guards
        self.mixed_names |= other.mixed_names
        self.has_loop = self.has_loop or other.has_loop
        self.array_work = self.array_work or other.array_work
        self.callee_may_warn = self.callee_may_warn or other.callee_may_warn
        for k, val in other.values.items():
            self.values.setdefault(k, val)


@dataclass
class HelperResult:
    value: Value
    facts: Facts
    has_loop: bool
    #: which copy of the callee this run needs (see ``Callees.interpret_callee``)
    copy_key: CopyKey


def numpy_may_warn(facts: Facts) -> bool:
    """Whether the run with these facts, or a callee run it made, has NumPy do an
    operation that may warn: an int64 ``+ - *`` or ``-``, a NumPy division or ``**``, a
    mean (lowered to :data:`astc.generated.NUMPY_WARNING` helpers). Judged per run, so
    per argument kinds: a float array's copy of ``-a[i]`` never warns."""
    return (
        facts.callee_may_warn
        or bool(facts.overflows)
        or any(kind in ("mixed", "npw") for kind in facts.divisions.values())
        or any(kind in ("np", "mixed") for kind in facts.powers.values())
        or any(helper in generated.NUMPY_WARNING for helper in facts.helpers.values())
    )


def strength_of(value: Value) -> object:
    if isinstance(value, Scalar):
        return tuple(sorted(value.strength))
    if isinstance(value, Tuple):
        return tuple(strength_of(v) for v in value.items)
    return type(value).__name__


def strength_key(context: tuple[tuple[str, Value], ...]) -> tuple[object, ...]:
    """What decides a callee copy's lowering: the strength of each argument (Python or
    NumPy scalar), not its class (the runtime helpers adapt to classes when typed)."""
    return tuple((name, strength_of(v)) for name, v in context)


def canonical(obj: object) -> object:
    """``obj`` with every set sorted (and dataclasses spelled out): its ``repr`` is the
    same under any ``PYTHONHASHSEED``, so it can order things deterministically."""
    if isinstance(obj, frozenset | set):
        return tuple(sorted((canonical(x) for x in obj), key=repr))
    if isinstance(obj, tuple | list):
        return tuple(canonical(x) for x in obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        fields = dataclasses.fields(obj)
        return (type(obj).__name__, *(canonical(getattr(obj, f.name)) for f in fields))
    return obj
