"""The state of one abstract interpretation, and what every part of it shares.

:class:`RunBase` holds the environment (name -> abstract value), the facts recorded for
lowering and the widening bookkeeping; the interpreter (:mod:`astc.backends.interpreter`)
adds statements and expressions, :mod:`~astc.backends.operators` the operators,
:mod:`~astc.backends.calls` the library and :mod:`~astc.backends.callees` module
functions and lifted closures. Each part raises a :class:`~astc.backends.problems.Problem`
at the first operation whose result could differ from CPython's.
"""

from __future__ import annotations

import ast
from typing import NoReturn

from astc.backends.facts import Facts, HelperResult, ModuleContext
from astc.backends.problems import Problem
from astc.backends.syntax import own_nodes, sites
from astc.backends.values import (
    INT64_MAX,
    INT64_MIN,
    Array,
    Interval,
    Mixed,
    Scalar,
    Tuple,
    Value,
    join,
    py_int,
)
from astc.diagnostics import Code

#: Every int64 value.
INT64_RANGE = Interval(INT64_MIN, INT64_MAX)


class RunBase:
    """One abstract interpretation of ``fn`` with ``params`` bound to abstract values."""

    def __init__(
        self,
        ctx: ModuleContext,
        fn: ast.FunctionDef,
        params: dict[str, Value],
        tier: int | None,
        memo: dict[tuple[object, ...], HelperResult],
        stack: tuple[str, ...],
        name: str,
        captured: dict[str, Value] | None = None,
    ) -> None:
        self.ctx = ctx
        self.fn = fn
        self.tier = tier
        self.memo = memo
        self.stack = stack
        self.name = name
        self.env: dict[str, Value] = dict(params)
        self.params = set(params)
        self.captured = dict(captured or {})
        self.locals = self._local_names()
        self.sites = sites(fn)
        self.facts = Facts()
        self.changed = False
        self.grew: set[str] = set()
        #: Names whose interval was widened (by accumulation), and the bound.
        self.widened: dict[str, Interval] = {}
        self.site_values: dict[tuple[int, str], Value] = {}
        self.lifted = self._closures()
        self.result: Value | None = None
        #: Names known to be at least 1 where the statements being read run (the bound
        #: of an enclosing ``for ... in range(n)``, see ``syntax.positive_in_body``).
        self.positive: frozenset[str] = frozenset()
        #: Name -> interval its value lies in where the statements being read run (the
        #: condition of an enclosing ``while``, see :mod:`astc.backends.conditions`).
        self.bounds: dict[str, Interval] = {}
        #: (id of an assignment, name) -> the bound its read of the name had this round.
        self.site_bounds: dict[tuple[int, str], Interval] = {}
        #: Parameters' values on entry (a bound on a name must cover them too).
        self.initial: dict[str, Value] = dict(params)

    def _local_names(self) -> set[str]:
        names = set(self.env)
        for node in own_nodes(self.fn):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            if isinstance(node, ast.FunctionDef):
                names.add(node.name)
        return names

    def _closures(self) -> dict[str, ast.FunctionDef]:
        """Nested defs and ``name = lambda ...`` that are only ever called: lifted."""
        found: dict[str, ast.FunctionDef] = {}
        for node in own_nodes(self.fn):
            if isinstance(node, ast.FunctionDef):
                found[node.name] = node
            elif (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Lambda)
            ):
                lam = node.value
                fdef = ast.FunctionDef(
                    name=node.targets[0].id,
                    args=lam.args,
                    body=[ast.Return(lam.body, lineno=lam.lineno, col_offset=lam.col_offset)],
                    decorator_list=[],
                    returns=None,
                    type_comment=None,
                    lineno=lam.lineno,
                    col_offset=lam.col_offset,
                )
                found[node.targets[0].id] = fdef
            elif isinstance(node, ast.Lambda):
                pass
        return found

    def numpy_warns(self, node: ast.AST, what: str) -> NoReturn:
        """Refuse an operation on which NumPy emits a ``RuntimeWarning`` (an exception
        under ``-W error`` or ``np.errstate``) where Numba is silent."""
        line = getattr(node, "lineno", self.fn.lineno)
        raise Problem(
            Code.KERNEL_INEXACT_OPERATION,
            line,
            f"line {line}: {what}: NumPy emits a RuntimeWarning there, Numba does not",
        )

    def unsupported(self, node: ast.AST, what: str) -> Problem:
        line = getattr(node, "lineno", self.fn.lineno)
        return Problem(Code.KERNEL_UNSUPPORTED, line, f"line {line}: {what}")

    def check_value_use(self, value: Value, node: ast.AST) -> None:
        """A saturated int (``int(x)`` of a float, see :class:`Scalar`) may not be used
        here: CPython's value may exceed int64."""
        if isinstance(value, Scalar) and value.saturated:
            line = getattr(node, "lineno", self.fn.lineno)
            raise Problem(
                Code.KERNEL_INEXACT_OPERATION,
                line,
                f"line {line}: int()/math.floor() of a float is a Python int of any size "
                "(Numba: int64); astc accepts it as an index, in comparisons with ints and "
                "stored into int arrays",
            )
        if isinstance(value, Tuple):
            for item in value.items:
                self.check_value_use(item, node)

    def join_or_raise(self, a: Value, b: Value, node: ast.AST) -> Value:
        try:
            return join(a, b)
        except Mixed as error:
            line = getattr(node, "lineno", self.fn.lineno)
            raise Problem(
                Code.KERNEL_MIXED_TYPES, line, f"line {line}: the result is {error}"
            ) from None

    def check_int(
        self, node: ast.AST, rng: Interval, what: str, checked: str | None = None
    ) -> Interval:
        """``rng``, the interval of a Python-int result, when it is within int64. Else,
        where the context allows run-time checks (``ModuleContext.check_ints``) and the
        operation has a checked form (``checked``: "add", "sub", "mul", "neg"), the node is
        recorded for it and the result is within int64 (a failed check leaves the kernel);
        otherwise the kernel is refused (``ASTC233``)."""
        if not rng.int64 and checked is not None and self.ctx.check_ints:
            self.facts.int64_checks[id(node)] = checked
            return INT64_RANGE.meet(rng) or INT64_RANGE
        if not rng.int64:
            line = getattr(node, "lineno", self.fn.lineno)
            text = ast.unparse(node).strip() if isinstance(node, ast.expr | ast.stmt) else what
            raise Problem(
                Code.KERNEL_INT_RANGE,
                line,
                f"line {line}: `{text}` may exceed int64 with Python ints (Numba's wrap)",
            )
        return rng

    def size_value(self, array: Array | None) -> Scalar:
        """A dimension of ``array`` (or a size): within the tier's bound only where the
        entry check enforces it (:attr:`Array.checked`; None: not bounded)."""
        hi = self.tier if self.tier is not None and array is not None and array.checked else None
        return py_int(Interval(0, INT64_MAX if hi is None else hi))

    # ---- parts defined elsewhere (the interpreter and the callees)
    def run(self) -> Value:
        raise NotImplementedError

    def expr(self, node: ast.expr | None) -> Value | None:
        raise NotImplementedError

    def iteration(self, it: Value, node: ast.stmt) -> Value:
        raise NotImplementedError

    def call_helper(self, node: ast.Call, name: str) -> Value | None:
        raise NotImplementedError

    def call_closure(self, node: ast.Call, name: str) -> Value | None:
        raise NotImplementedError
