"""The abstract interpreter of automatic kernels (:class:`Run`): statements, names,
expressions and subscripts, iterated to a fixed point with widening of growing ints.

One run interprets a function's ``ast`` under an assumption about its parameters (arrays
of a class, Python scalars), flow-insensitively: a name's value is the join of everything
it is bound to, so what holds for it holds on every path. Operators, library calls and
callees are in the mixins :class:`~astc.backends.operators.Operators`,
:class:`~astc.backends.calls.Calls` and :class:`~astc.backends.callees.Callees`.
"""

from __future__ import annotations

import ast
from dataclasses import replace

from astc.analysis.binding import maybe_unbound
from astc.backends import values as iv
from astc.backends.callees import Callees
from astc.backends.calls import Calls
from astc.backends.conditions import condition_bounds, drops_before, stored_names
from astc.backends.facts import TRIPS, Facts
from astc.backends.library import BUILTINS, EXCEPTIONS
from astc.backends.operators import BINOPS, Operators
from astc.backends.problems import CLS, Problem
from astc.backends.run_base import INT64_RANGE
from astc.backends.syntax import Site, body_of, ends_in_return, positive_in_body
from astc.backends.values import (
    TOP,
    Array,
    Function,
    Interval,
    Iter,
    Mixed,
    Module,
    NoneValue,
    Scalar,
    Shape,
    Tuple,
    Value,
    join,
    np_scalar,
    py_bool,
    py_float,
    py_int,
)
from astc.diagnostics import Code

_ROUNDS = 24
_WIDEN_AFTER = 3


def _literal(value: int | float | bool) -> Scalar:
    if isinstance(value, bool):
        return py_bool()
    if isinstance(value, int):
        return py_int(Interval.point(value))
    return py_float()


class Run(Calls, Operators, Callees):
    """One abstract interpretation of a function (see the module docstring)."""

    # ---- driver
    def run(self) -> Value:
        unbound = maybe_unbound(self.fn)
        if unbound is not None:
            raise self.unsupported(
                unbound,
                f"reads `{unbound.id}`, which may be unbound there (CPython raises "
                "UnboundLocalError, Numba reads an undefined value)",
            )
        for round_no in range(_ROUNDS):
            self.changed = False
            self.grew = set()
            self.facts = Facts()
            self.site_bounds = {}
            self.block(body_of(self.fn))
            widened = False
            if round_no >= _WIDEN_AFTER and (self.changed or self.widened):
                widened = self.widen(force=round_no >= _ROUNDS - 3)
            if not self.changed and not widened:
                break
        else:
            raise Problem(Code.KERNEL_INT_RANGE, self.fn.lineno, "ranges did not settle")
        for name, value in self.env.items():
            if isinstance(value, Scalar) and value.mixed:
                self.facts.mixed_names.add(name)
        values = [v for _, v in self.facts.returns]
        if not ends_in_return(body_of(self.fn)):
            values.append(NoneValue())
            self.facts.returns.append((None, NoneValue()))
        result: Value = values[0]
        for v in values[1:]:
            try:
                result = join(result, v)
            except Mixed as error:
                raise Problem(
                    Code.KERNEL_MIXED_TYPES,
                    self.fn.lineno,
                    f"returns {error} depending on the path (Numba returns one type)",
                ) from None
        self.result = result
        return result

    def runs(self, loops: tuple[ast.For | ast.While, ...]) -> int:
        """How often a statement inside these loops runs per call, at most: the product of
        their trip counts (a ``for`` over a range or an array of bounded size; ``while``:
        :data:`TRIPS`), and never more than TRIPS in all."""
        total = 1
        for loop in loops:
            total *= self.facts.trips.get(id(loop), TRIPS)
            if total >= TRIPS:
                return TRIPS
        return total

    def widen(self, force: bool) -> bool:
        """Bound names that keep growing: ``x = base`` and ``x += step`` sites give
        ``base + runs * step`` (:meth:`runs`: how often the site runs); any other
        self-reference gives an unbounded interval. Returns whether a bound changed."""
        changed = False
        for name in sorted(self.grew | set(self.widened)):
            value = self.env.get(name)
            if not isinstance(value, Scalar) or value.rng is None:
                continue
            sites = self.sites.get(name, [])
            if not sites and not force:
                continue  # a loop variable or parameter: follows the names it is made from
            bound: Interval | None = None
            entry = None if force else self.entry_values(name, sites)
            if entry and all(s.step is not None or not s.self_ref for s in sites):
                base = entry[0]
                for part in entry[1:]:
                    base = base.hull(part)
                total = Interval.point(0)
                ok = True
                for site in sites:
                    if site.step is None:
                        continue
                    step = self.facts.values.get(id(site.step))
                    if not (isinstance(step, Scalar) and step.rng is not None and step.rng.bounded):
                        ok = False
                        break
                    rng = step.rng if site.sign > 0 else iv.neg(step.rng)
                    times = self.runs(site.loops)
                    total = iv.add(total, iv.scale(rng, times))
                if ok:
                    bound = iv.add(base, total)
            bound = bound if bound is not None else TOP
            if entry:
                bound = self.narrowed(name, sites, entry, bound)
            if self.ctx.check_ints:
                # every Python int the function makes is checked or proven within int64,
                # and so are its arguments and (analysis._checked_plan) its literals: so
                # is what any name holds
                bound = INT64_RANGE.meet(bound) or INT64_RANGE
            if self.widened.get(name) != bound:
                self.widened[name] = bound
                self.env[name] = replace(value, rng=bound)
                changed = True
        return changed

    def entry_values(self, name: str, sites: list[Site]) -> list[Interval] | None:
        """The intervals of what ``name`` is bound to other than by a site that reads it:
        its value on entry (a parameter), plain assignments, ``for`` targets and any
        other binding seen; None when one of them is not a Python int with an interval
        (or there are none). Widening must cover all of them: a bound made of the
        accumulation sites alone would leave out a parameter's or a loop's values."""
        parts: list[Interval] = []
        if name in self.params:
            first = self.initial.get(name)
            if not (isinstance(first, Scalar) and first.rng is not None):
                return None
            parts.append(first.rng)
        growing = {id(s.node) for s in sites if s.self_ref}
        for (node, bound_name), seen in self.site_values.items():
            if bound_name != name or node in growing:
                continue
            if not (isinstance(seen, Scalar) and seen.rng is not None):
                return None
            parts.append(seen.rng)
        return parts or None

    def narrowed(
        self, name: str, sites: list[Site], entry: list[Interval], bound: Interval
    ) -> Interval:
        """``bound`` (a sound bound of every value of ``name``) narrowed by the ``while``
        conditions its accumulation sites read it under: when every site that reads the
        name is ``name += step`` (or ``name = name + step``) run with a bound ``C`` on
        the name (:meth:`block`), its values are those of :meth:`entry_values` and
        ``(bound & C) + step``."""
        parts = list(entry)
        grows = False
        for site in sites:
            if not site.self_ref:
                continue
            cond = self.site_bounds.get((id(site.node), name))
            step = self.facts.values.get(id(site.step)) if site.step is not None else None
            if cond is None or not (isinstance(step, Scalar) and step.rng is not None):
                return bound
            read = bound.meet(cond)
            if read is None:
                return bound
            parts.append(iv.add(read, step.rng if site.sign > 0 else iv.neg(step.rng)))
            grows = True
        if not grows:
            return bound
        result = parts[0]
        for part in parts[1:]:
            result = result.hull(part)
        return bound.meet(result) or bound

    # ---- binding
    def bind(self, name: str, value: Value | None, node: ast.AST) -> None:
        if value is None:
            return
        if name in self.widened and isinstance(value, Scalar) and value.rng is not None:
            value = replace(value, rng=self.widened[name])
        old = self.env.get(name)
        if old is None:
            new = value
        else:
            try:
                new = join(old, value)
            except Mixed as error:
                raise Problem(
                    Code.KERNEL_MIXED_TYPES,
                    getattr(node, "lineno", self.fn.lineno),
                    f"`{name}` is bound to {error} (Numba gives a name one type)",
                ) from None
        if new != old:
            self.env[name] = new
            self.changed = True
            if isinstance(new, Scalar) and isinstance(old, Scalar) and new.rng != old.rng:
                self.grew.add(name)

    def bind_target(self, target: ast.expr, value: Value | None, node: ast.AST) -> None:
        if value is None:
            return
        if isinstance(target, ast.Name):
            self.site_values[(id(node), target.id)] = value
            self.bind(target.id, value, node)
        elif isinstance(target, ast.Tuple | ast.List):
            items: tuple[Value, ...]
            if isinstance(value, Tuple):
                items = value.items
            elif isinstance(value, Shape):
                items = tuple(value.item for _ in target.elts)
            else:
                raise self.unsupported(node, f"unpacking {value.describe()}")
            if len(items) != len(target.elts) or any(
                isinstance(e, ast.Starred) for e in target.elts
            ):
                raise self.unsupported(node, "unpacking with a different length")
            for t, v in zip(target.elts, items, strict=True):
                self.bind_target(t, v, node)
        elif isinstance(target, ast.Subscript):
            self.store(target, value, node)
        else:
            raise self.unsupported(node, f"assignment to `{ast.unparse(target)}`")

    def store(self, target: ast.Subscript, value: Value, node: ast.AST) -> None:
        base = self.expr(target.value)
        if base is None:
            return
        if not isinstance(base, Array):
            raise self.unsupported(node, f"item assignment on {base.describe()}")
        slot = self.subscript_value(base, target, target.slice)
        if slot is None:
            return
        if not (isinstance(value, Scalar) and value.saturated and base.cls == "i"):
            self.check_value_use(value, node)
        value_cls: str
        if isinstance(value, Scalar):
            value_cls = value.cls
        elif isinstance(value, Array):
            if isinstance(slot, Scalar):
                raise self.unsupported(node, "stores an array into one element")
            value_cls = value.cls
        else:
            raise self.unsupported(node, f"stores {value.describe()} into an array")
        allowed = {"f": "fib", "i": "ib", "b": "b"}[base.cls]
        if value_cls not in allowed:
            raise Problem(
                Code.KERNEL_INEXACT_OPERATION,
                node.lineno if isinstance(node, ast.stmt) else self.fn.lineno,
                f"stores a {CLS[value_cls]} into a {CLS[base.cls]} array "
                "(NumPy's conversion rules differ from Numba's)",
            )

    # ---- statements
    def block(self, stmts: list[ast.stmt]) -> None:
        """Statements in order. Under ``while`` bounds (:attr:`bounds`), a statement that
        may rebind a bounded name loses its bound where the bound no longer holds
        (:func:`~astc.backends.conditions.drops_before`, and after the statement); an
        assignment that keeps it records it for :meth:`narrowed`."""
        for stmt in stmts:
            if not self.bounds:
                self.stmt(stmt)
                continue
            names = set(self.bounds)
            for name in drops_before(stmt, names):
                del self.bounds[name]
            stored = stored_names(stmt) & set(self.bounds)
            for name in stored:
                self.site_bounds[(id(stmt), name)] = self.bounds[name]
            self.stmt(stmt)
            for name in stored:
                self.bounds.pop(name, None)

    def stmt(self, s: ast.stmt) -> None:
        """One statement, by its ``stmt_<Type>`` method; any other type is refused."""
        handler = getattr(self, "stmt_" + type(s).__name__, None)
        if handler is None:
            raise self.unsupported(s, f"`{type(s).__name__}` statement")
        handler(s)

    def stmt_Assign(self, s: ast.Assign) -> None:
        if isinstance(s.value, ast.Lambda) and len(s.targets) == 1:
            if isinstance(s.targets[0], ast.Name):
                return  # a lifted closure
        value = self.expr(s.value)
        for target in s.targets:
            self.bind_target(target, value, s)

    def stmt_AugAssign(self, s: ast.AugAssign) -> None:
        op = self.operator(s, s.op)
        if not isinstance(s.target, ast.Name | ast.Subscript):
            raise self.unsupported(s, "augmented assignment to an attribute")
        if isinstance(s.target, ast.Name):
            current = self.read(s.target.id, s.target)
        else:
            current = self.expr(s.target)
        value = self.expr(s.value)
        if current is None or value is None:
            return
        if isinstance(current, Array):
            # NumPy checks the shapes and copies overlapping operands (`m += m.T`) for an
            # in-place operator on an array; Numba's does neither.
            raise self.unsupported(s, f"`{op}=` on an array")
        result = self.binop(s, op, current, value, s.target, s.value)
        if isinstance(s.target, ast.Name):
            self.bind(s.target.id, result, s)
        else:
            self.store(s.target, result, s)

    def operator(self, node: ast.AST, op: ast.operator) -> str:
        """The spelling of a binary operator kernels support (``@`` is not one)."""
        spelled = BINOPS.get(type(op))
        if spelled is None:
            raise self.unsupported(node, f"the `{type(op).__name__}` operator")
        return spelled

    def stmt_AnnAssign(self, s: ast.AnnAssign) -> None:
        if s.value is not None:
            self.bind_target(s.target, self.expr(s.value), s)

    def stmt_For(self, s: ast.For) -> None:
        if s.orelse:
            raise self.unsupported(s, "`for ... else`")
        self.facts.has_loop = True
        it = self.expr(s.iter)
        if it is not None:
            self.facts.trips[id(s)] = self.trip_bound(it)
            item = self.iteration(it, s)
            self.bind_target(s.target, item, s)
        outer = self.positive
        self.positive = outer | positive_in_body(s)
        self.block(s.body)
        self.positive = outer

    def stmt_While(self, s: ast.While) -> None:
        if s.orelse:
            raise self.unsupported(s, "`while ... else`")
        self.facts.has_loop = True
        self.truth(s.test)
        outer = self.bounds
        found = condition_bounds(s.test, lambda node: self.facts.values.get(id(node)))
        inner = dict(outer)
        for name, rng in found.items():
            inner[name] = inner[name].meet(rng) or inner[name] if name in inner else rng
        self.bounds = inner
        self.block(s.body)
        self.bounds = outer

    def stmt_If(self, s: ast.If) -> None:
        self.truth(s.test)
        self.block(s.body)
        self.block(s.orelse)

    def stmt_Return(self, s: ast.Return) -> None:
        value = self.expr(s.value) if s.value is not None else NoneValue()
        if value is not None:
            self.check_value_use(value, s)
            self.facts.returns.append((s, value))

    def stmt_Expr(self, s: ast.Expr) -> None:
        if isinstance(s.value, ast.Constant) and isinstance(s.value.value, str):
            return
        if not isinstance(s.value, ast.Call):
            raise self.unsupported(s, "an expression statement that is not a call")
        self.expr(s.value)

    def stmt_Pass(self, s: ast.stmt) -> None:
        return

    stmt_Break = stmt_Continue = stmt_Pass

    def stmt_Assert(self, s: ast.Assert) -> None:
        self.truth(s.test)
        if s.msg is not None and not (
            isinstance(s.msg, ast.Constant) and isinstance(s.msg.value, str)
        ):
            raise self.unsupported(s, "an assert message that is not a string literal")

    def stmt_Raise(self, s: ast.Raise) -> None:
        self.raise_(s)

    def stmt_FunctionDef(self, s: ast.FunctionDef) -> None:
        if s.name not in self.lifted:
            raise self.unsupported(s, "a nested function")

    def raise_(self, s: ast.Raise) -> None:
        exc = s.exc
        if s.cause is not None or exc is None:
            raise self.unsupported(s, "a bare `raise` or `raise ... from`")
        func = exc.func if isinstance(exc, ast.Call) else exc
        if not (
            isinstance(func, ast.Name) and func.id in EXCEPTIONS and func.id not in self.locals
        ):
            raise self.unsupported(s, "raises something other than a builtin exception")
        if isinstance(exc, ast.Call):
            if exc.keywords or not all(
                isinstance(a, ast.Constant) and isinstance(a.value, str | int | float)
                for a in exc.args
            ):
                raise self.unsupported(s, "an exception with arguments that are not literals")

    def trip_bound(self, it: Value) -> int:
        """Iterations of a ``for`` over ``it``, at most (TRIPS when unknown)."""
        if isinstance(it, Iter) and it.count is not None:
            return min(it.count, TRIPS)
        if isinstance(it, Array) and it.checked and self.tier is not None:
            return self.tier
        if isinstance(it, Tuple):
            return len(it.items)
        return TRIPS

    def iteration(self, it: Value, node: ast.stmt) -> Value:
        if isinstance(it, Iter):
            return it.item
        if isinstance(it, Array):
            if it.rank is None:
                raise self.unsupported(node, "a loop over an array of unknown rank")
            if it.rank == 1:
                return np_scalar(it.cls)
            return Array(it.cls, it.rank - 1, checked=it.checked)  # a row
        if isinstance(it, Tuple) and it.items:  # Numba iterates tuples of one type
            item = it.items[0]
            for other in it.items[1:]:
                item = self.join_or_raise(item, other, node)
            return item
        raise self.unsupported(node, f"a loop over {it.describe()}")

    def truth(self, node: ast.expr) -> None:
        """A condition: any number (``and``/``or`` of numbers too: only their truth is
        used here, and it is the same in Numba)."""
        if isinstance(node, ast.BoolOp):
            for part in node.values:
                self.truth(part)
            return
        value = self.expr(node)
        if isinstance(value, Array):
            raise self.unsupported(node, "the truth value of an array")
        if value is not None:
            if not isinstance(value, Scalar):
                self.check_value_use(value, node)
                raise self.unsupported(node, f"the truth value of {value.describe()}")

    # ---- expressions
    def read(self, name: str, node: ast.AST) -> Value | None:
        if name in self.env:
            value = self.env[name]
            bound = self.bounds.get(name)
            if bound is not None and isinstance(value, Scalar) and value.rng is not None:
                met = value.rng.meet(bound)
                if met is not None:  # empty: never read there; keep the value
                    return replace(value, rng=met)
            return value
        if name in self.captured:
            return self.captured[name]
        if name in self.locals:
            return None  # bound later in the loop: the next round sees it
        if name in self.ctx.modules:
            return Module(self.ctx.modules[name])
        if name in self.ctx.imported:
            module, attr = self.ctx.imported[name]
            return self.attribute_of_module(module, attr, node)
        if name in self.ctx.constants:
            self.facts.guards.add(name)
            return _literal(self.ctx.constants[name])
        if name in self.ctx.functions or name in BUILTINS:
            return Function("helper" if name in self.ctx.functions else "builtins", name)
        line = getattr(node, "lineno", self.fn.lineno)
        if name in self.ctx.globals_:
            raise Problem(
                Code.KERNEL_GLOBAL,
                line,
                f"line {line}: reads module global `{name}` (Numba would freeze its value)",
            )
        raise Problem(Code.KERNEL_GLOBAL, line, f"line {line}: reads unknown name `{name}`")

    def expr(self, node: ast.expr | None) -> Value | None:
        if node is None:
            return NoneValue()
        value = self._expr(node)
        if value is not None:
            self.facts.values[id(node)] = value
        return value

    def _expr(self, node: ast.expr) -> Value | None:
        if isinstance(node, ast.Constant):
            v = node.value
            if isinstance(v, bool):
                return py_bool()
            if isinstance(v, int):
                return py_int(Interval.point(v))
            if isinstance(v, float):
                return py_float()
            if v is None:
                return NoneValue()
            raise self.unsupported(node, f"the constant {v!r}")
        if isinstance(node, ast.Name):
            return self.read(node.id, node)
        if isinstance(node, ast.Attribute):
            return self.attribute(node)
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.Subscript):
            base = self.expr(node.value)
            if base is None:
                return None
            return self.subscript_value(base, node, node.slice)
        if isinstance(node, ast.BinOp):
            left, right = self.expr(node.left), self.expr(node.right)
            if left is None or right is None:
                return None
            op = self.operator(node, node.op)
            return self.binop(node, op, left, right, node.left, node.right)
        if isinstance(node, ast.UnaryOp):
            operand = self.expr(node.operand)
            if operand is None:
                return None
            return self.unary(node, operand)
        if isinstance(node, ast.Compare):
            return self.compare(node)
        if isinstance(node, ast.BoolOp):
            values = [self.expr(v) for v in node.values]
            if any(v is None for v in values):
                return None
            result: Value | None = None
            for item in values:
                assert item is not None
                if not (isinstance(item, Scalar) and item.cls == "b"):
                    raise self.unsupported(
                        node, "`and`/`or` of values that are not bools (returns an operand)"
                    )
                result = item if result is None else self.join_or_raise(result, item, node)
            return result
        if isinstance(node, ast.IfExp):
            self.truth(node.test)
            a, b = self.expr(node.body), self.expr(node.orelse)
            if a is None or b is None:
                return a or b
            return self.join_or_raise(a, b, node)
        if isinstance(node, ast.Tuple):
            items = [self.expr(e) for e in node.elts]
            if any(i is None for i in items):
                return None
            return Tuple(tuple(i for i in items if i is not None))
        if isinstance(node, ast.Lambda):
            raise self.unsupported(node, "a lambda that is not assigned to a name")
        if isinstance(node, ast.List | ast.ListComp | ast.Dict | ast.Set | ast.SetComp):
            raise self.unsupported(node, "a list, dict or set (Numba types its items itself)")
        raise self.unsupported(node, f"`{type(node).__name__}` expression")

    # ---- subscripts
    def subscript_value(self, base: Value, node: ast.AST, index: ast.expr) -> Value | None:
        if isinstance(base, Tuple | Shape):
            iv = self.expr(index)
            if iv is None:
                return None
            if isinstance(base, Shape):
                return base.item
            if isinstance(index, ast.Constant) and type(index.value) is int:
                k = index.value
                if -len(base.items) <= k < len(base.items):
                    return base.items[k]
                raise self.unsupported(node, "a tuple index out of range")
            if (
                isinstance(index, ast.UnaryOp)
                and isinstance(index.op, ast.USub)
                and isinstance(index.operand, ast.Constant)
                and type(index.operand.value) is int
            ):
                k = -index.operand.value
                if -len(base.items) <= k < len(base.items):
                    return base.items[k]
            result: Value = base.items[0]
            for item in base.items[1:]:
                result = self.join_or_raise(result, item, node)
            return result
        if not isinstance(base, Array):
            raise self.unsupported(node, f"subscript of {base.describe()}")
        parts = index.elts if isinstance(index, ast.Tuple) else [index]
        ints = 0
        slices = 0
        for part in parts:
            if isinstance(part, ast.Slice):
                slices += 1
                for bound in (part.lower, part.upper, part.step):
                    if bound is None:
                        continue
                    bv = self.expr(bound)
                    if bv is None:
                        return None
                    if not (isinstance(bv, Scalar) and bv.cls == "i") or bv.saturated:
                        raise self.unsupported(node, "a slice bound that is not an int")
                continue
            pv = self.expr(part)
            if pv is None:
                return None
            if isinstance(pv, Array):
                raise self.unsupported(node, "indexing with an array (advanced indexing)")
            if not (isinstance(pv, Scalar) and pv.cls == "i"):
                raise self.unsupported(node, f"an index that is {pv.describe()}")
            ints += 1
        if base.rank is None:
            raise self.unsupported(node, "a subscript of an array of unknown rank")
        if ints + slices > base.rank:
            raise self.unsupported(node, f"{ints + slices} indices on a {base.rank}-D array")
        rank = base.rank - ints
        if rank == 0:
            return np_scalar(base.cls)
        return Array(base.cls, rank, checked=base.checked)  # basic indexing: no dimension grows
