"""Attributes and library calls in the abstract interpreter: NumPy, math and builtins
(:mod:`astc.backends.library` says which are exact, and how), array attributes and
methods, casts, ``range``/``enumerate``/``zip``.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, replace

from astc import generated
from astc.backends.facts import TRIPS
from astc.backends.library import (
    ARRAY_METHODS,
    ARRAY_SPECIAL_METHODS,
    BUILTINS,
    DTYPES,
    MATH,
    NUMPY,
    Exactness,
    Fn,
    Result,
)
from astc.backends.problems import CLS, Problem
from astc.backends.run_base import RunBase
from astc.backends.values import (
    BOOL_RANGE,
    INT64,
    INT64_MAX,
    INT64_MIN,
    PY,
    TOP,
    Array,
    DType,
    Function,
    Interval,
    Iter,
    Module,
    NoneValue,
    Scalar,
    Shape,
    Tuple,
    Value,
    np_scalar,
    py_bool,
    py_float,
    py_int,
)
from astc.diagnostics import Code


@dataclass(frozen=True)
class LibraryCall:
    """A call of a library function, as the result rules see it."""

    node: ast.Call
    namespace: str
    name: str
    fn: Fn
    args: list[Value]
    keywords: dict[str, ast.expr]

    @property
    def qual(self) -> str:
        return f"{self.namespace}.{self.name}" if self.namespace != "builtins" else self.name

    @property
    def line(self) -> int:
        return self.node.lineno


class Calls(RunBase):
    """Attributes, calls of library functions and array methods."""

    def attribute_of_module(self, module: str, attr: str, node: ast.AST) -> Value:
        table = NUMPY if module == "numpy" else MATH
        line = getattr(node, "lineno", self.fn.lineno)
        if module == "numpy" and attr in DTYPES and attr not in ("float", "int"):
            return Function("numpy", attr)
        fn = table.get(attr)
        if fn is None:
            raise Problem(
                Code.KERNEL_UNSUPPORTED,
                line,
                f"line {line}: `{module}.{attr}` is not on astc's list for kernels",
            )
        if fn.result is Result.CONSTANT:
            return py_float()
        return Function(module, attr)

    def attribute(self, node: ast.Attribute) -> Value | None:
        base = self.expr(node.value)
        if base is None:
            return None
        if isinstance(base, Module):
            return self.attribute_of_module(base.name, node.attr, node)
        if isinstance(base, Array):
            attr = node.attr
            if attr == "shape":
                if base.rank is None:
                    return Shape(self.size_value(base))
                return Tuple(tuple(self.size_value(base) for _ in range(base.rank)))
            if attr == "size":
                return self.size_value(base if base.rank == 1 else None)
            if attr == "ndim":
                return py_int(Interval(0, 64))
            if attr == "T":
                return Array(base.cls, base.rank, checked=base.checked)
            if attr == "dtype":
                return DType(base.cls)
            if attr in ARRAY_METHODS or attr in ARRAY_SPECIAL_METHODS:
                return Function("method", attr, base)
            raise self.unsupported(node, f"the array attribute `.{attr}`")
        raise self.unsupported(node, f"attribute `.{node.attr}` of {base.describe()}")

    def call(self, node: ast.Call) -> Value | None:
        func = node.func
        if isinstance(func, ast.Name) and func.id in self.lifted:
            return self.call_closure(node, func.id)
        if isinstance(func, ast.Name) and func.id in self.locals:
            raise self.unsupported(node, f"calls the local `{func.id}`")
        callee = self.expr(func)
        if callee is None:
            return None
        if not isinstance(callee, Function):
            raise self.unsupported(node, f"calls {callee.describe()}")
        if any(isinstance(a, ast.Starred) for a in node.args) or any(
            k.arg is None for k in node.keywords
        ):
            raise self.unsupported(node, "*args/**kwargs in a call")
        if callee.namespace == "helper":
            return self.call_helper(node, callee.name)
        args = [self.expr(a) for a in node.args]
        keywords = {k.arg: k.value for k in node.keywords if k.arg is not None}
        if any(a is None for a in args):
            for k in keywords.values():
                self.expr(k)
            return None
        values = [a for a in args if a is not None]
        for v in values:
            self.check_value_use(v, node)
        if callee.namespace == "method":
            assert callee.bound is not None
            return self.method(node, callee.name, callee.bound, values, keywords)
        table = {"numpy": NUMPY, "math": MATH, "builtins": BUILTINS}[callee.namespace]
        if callee.namespace == "numpy" and callee.name in DTYPES:
            fn: Fn | None = NUMPY[callee.name] if callee.name in NUMPY else None
            return self.cast(node, f"numpy.{callee.name}", values)
        fn = table[callee.name]
        return self.library(node, callee.namespace, callee.name, fn, values, keywords)

    def library(
        self,
        node: ast.Call,
        namespace: str,
        name: str,
        fn: Fn,
        args: list[Value],
        keywords: dict[str, ast.expr],
    ) -> Value | None:
        """A call of a library function (:mod:`astc.backends.library`): its arity and
        keywords checked, its helper recorded, its value by its kind of result."""
        call = LibraryCall(node, namespace, name, fn, args, keywords)
        if fn.exact is Exactness.INEXACT:
            raise Problem(
                Code.KERNEL_INEXACT_FUNCTION,
                call.line,
                f"line {call.line}: `{call.qual}`: {fn.why}",
            )
        for key in keywords:
            if key not in fn.keywords:
                raise self.unsupported(node, f"keyword argument `{key}=` of `{call.qual}`")
        least, most = fn.arity
        if not least <= len(args) <= most:
            raise self.unsupported(node, f"`{call.qual}` with {len(args)} arguments")
        if fn.helper is not None:
            self.facts.helpers[id(node)] = fn.helper
        rule = _RESULTS.get(fn.result)
        if rule is None:
            raise self.unsupported(node, f"`{call.qual}`")
        return rule(self, call)

    # ---- one method per kind of result (see _RESULTS)
    def _py_float(self, call: LibraryCall) -> Value:
        self.need_scalars(call.node, call.qual, call.args)
        return py_float()

    def _py_bool(self, call: LibraryCall) -> Value:
        self.need_scalars(call.node, call.qual, call.args)
        return py_bool()

    def _py_int_saturated(self, call: LibraryCall) -> Value:
        self.need_scalars(call.node, call.qual, call.args)
        return Scalar(frozenset({PY}), "i", INT64, saturated=True)

    def _ufunc(self, call: LibraryCall) -> Value:
        return self.ufunc(call.node, call.qual, call.name, call.fn, call.args)

    def _reduction(self, call: LibraryCall) -> Value:
        return self.reduction(call.node, call.qual, call.name, call.fn, call.args, call.keywords)

    def _create(self, call: LibraryCall) -> Value:
        return self.create(call.node, call.qual, call.name, call.args, call.keywords)

    def _create_like(self, call: LibraryCall) -> Value:
        return self.create_like(call.node, call.qual, call.name, call.args, call.keywords)

    def _arange(self, call: LibraryCall) -> Value:
        for a in call.args:
            if not (isinstance(a, Scalar) and a.cls == "i"):
                raise Problem(
                    Code.KERNEL_INEXACT_FUNCTION,
                    call.line,
                    f"line {call.line}: `numpy.arange` of non-integers rounds differently in Numba",
                )
        return Array("i", 1, True)

    def _copy(self, call: LibraryCall) -> Value:
        a = call.args[0]
        if not isinstance(a, Array):
            raise self.unsupported(call.node, f"`{call.qual}` of {a.describe()}")
        return Array(a.cls, a.rank, True, a.checked)

    def _where(self, call: LibraryCall) -> Value:
        return self.where(call.node, call.args)

    def _cast(self, call: LibraryCall) -> Value:
        return self.cast(call.node, call.qual, call.args)

    def _len(self, call: LibraryCall) -> Value:
        a = call.args[0]
        if isinstance(a, Array):
            return self.size_value(a)
        if isinstance(a, Tuple):
            return py_int(Interval.point(len(a.items)))
        raise self.unsupported(call.node, f"len() of {a.describe()}")

    def _range(self, call: LibraryCall) -> Value:
        return self.range_(call.node, call.args)

    def _abs(self, call: LibraryCall) -> Value:
        a = call.args[0]
        if isinstance(a, Array):
            if a.cls == "b":
                raise self.unsupported(call.node, "abs() of a bool array")
            return Array(a.cls, a.rank, True, a.checked)
        if not isinstance(a, Scalar) or a.cls == "b":
            raise self.unsupported(call.node, f"abs() of {a.describe()}")
        if a.np and a.cls == "i":  # abs(INT64_MIN) overflows: NumPy's warning
            self.facts.helpers[id(call.node)] = generated.overflow_checked("abs")
        if a.rng is None:
            return a
        m = a.rng.magnitude()
        spans_zero = a.rng.lo is not None and a.rng.hi is not None and a.rng.lo <= 0 <= a.rng.hi
        lo = 0 if spans_zero else min(abs(a.rng.lo or 0), abs(a.rng.hi or 0))
        rng = TOP if m is None else Interval(lo, m)
        self.check_int(call.node, rng, "abs()")
        return replace(a, rng=rng)

    def _minmax(self, call: LibraryCall) -> Value:
        args, node = call.args, call.node
        if len(args) < 2:
            raise self.unsupported(node, f"{call.name}() of one iterable")
        for a in args:
            if not isinstance(a, Scalar):
                raise self.unsupported(node, f"{call.name}() of {a.describe()}")
        result: Value = args[0]
        for a in args[1:]:
            result = self.join_or_raise(result, a, node)
        assert isinstance(result, Scalar)
        rngs = [a.rng for a in args if isinstance(a, Scalar) and a.rng is not None]
        if result.rng is None or not rngs or not all(x.bounded for x in rngs):
            return result
        los = [x.lo for x in rngs if x.lo is not None]
        his = [x.hi for x in rngs if x.hi is not None]
        pick = min if call.name == "min" else max
        return replace(result, rng=Interval(pick(los), pick(his)))

    def _items(self, values: list[Value], node: ast.Call) -> list[Value]:
        return [v.item if isinstance(v, Iter) else self.iteration(v, node) for v in values]  # type: ignore[arg-type]

    def _enumerate(self, call: LibraryCall) -> Value:
        (item,) = self._items(call.args[:1], call.node)
        return Iter(Tuple((py_int(Interval(0, TRIPS)), item)))

    def _zip(self, call: LibraryCall) -> Value:
        return Iter(Tuple(tuple(self._items(call.args, call.node))))

    def need_scalars(self, node: ast.AST, qual: str, args: list[Value]) -> None:
        """Library functions of numbers (an int argument converts to float, correctly
        rounded, in CPython and in Numba alike)."""
        for a in args:
            if not isinstance(a, Scalar):
                raise self.unsupported(node, f"`{qual}` of {a.describe()}")

    def ufunc(self, node: ast.Call, qual: str, name: str, fn: Fn, args: list[Value]) -> Value:
        import numpy as np

        line = node.lineno
        arrays = [a for a in args if isinstance(a, Array)]
        for a in args:
            if not isinstance(a, Scalar | Array):
                raise self.unsupported(node, f"`{qual}` of {a.describe()}")
            if a.cls not in fn.classes:
                raise Problem(
                    Code.KERNEL_INEXACT_FUNCTION,
                    line,
                    f"line {line}: `{qual}` of {a.describe()} "
                    "(NumPy's result type differs from Numba's)",
                )
        if arrays and fn.exact is Exactness.REPLACED:
            raise Problem(
                Code.KERNEL_INEXACT_FUNCTION,
                line,
                f"line {line}: `{qual}` of arrays (NumPy's signed zeros differ from Numba's)",
            )
        samples = {"f": 2.5, "i": 3, "b": True}
        np_samples = {"f": np.array([2.5]), "i": np.array([3]), "b": np.array([True])}
        call_args = [np_samples[a.cls] for a in args]  # type: ignore[union-attr]
        try:
            out = getattr(np, name)(*call_args)
        except Exception:  # noqa: BLE001
            raise self.unsupported(node, f"`{qual}` with these arguments") from None
        kind = {np.dtype(np.float64): "f", np.dtype(np.int64): "i", np.dtype(np.bool_): "b"}
        cls = kind.get(out.dtype)
        del samples
        if cls is None:
            raise Problem(
                Code.KERNEL_INEXACT_FUNCTION, line, f"line {line}: `{qual}` leaves int64/float64"
            )
        if arrays:
            ranks = [a.rank for a in arrays]
            rank = None if None in ranks else max(r for r in ranks if r is not None)
            self.facts.array_work = True
            return Array(cls, rank, True, all(a.checked for a in arrays))
        return np_scalar(cls)

    def reduction(
        self,
        node: ast.Call,
        qual: str,
        name: str,
        fn: Fn,
        args: list[Value],
        keywords: dict[str, ast.expr],
    ) -> Value:
        line = node.lineno
        if len(args) != 1 or not isinstance(args[0], Array):
            raise self.unsupported(node, f"`{qual}` of something other than one array")
        a = args[0]
        if a.cls not in fn.classes:
            raise Problem(
                Code.KERNEL_INEXACT_FUNCTION,
                line,
                f"line {line}: `{qual}` of {a.describe()} (for floats NumPy's SIMD reduction "
                "returns either zero of a 0.0/-0.0 tie)",
            )
        self.facts.array_work = True
        axis = keywords.get("axis")
        result_cls = {
            Result.REDUCE: (
                "f"
                if name == "mean"
                else ("i" if a.cls == "b" and name in ("sum", "prod") else a.cls)
            ),
            Result.REDUCE_INDEX: "i",
            Result.REDUCE_BOOL: "b",
            Result.ACCUMULATE: "i" if a.cls == "b" else a.cls,
        }[fn.result]
        if fn.result is Result.ACCUMULATE:  # flattened: as long as the size
            return Array(result_cls, 1, True, a.checked and a.rank == 1)
        if axis is None or (isinstance(axis, ast.Constant) and axis.value is None):
            return np_scalar(result_cls)
        if not (isinstance(axis, ast.Constant) and type(axis.value) is int):
            raise self.unsupported(node, "an `axis=` that is not an int literal")
        if name not in ("sum", "mean") or a.rank != 2 or axis.value not in (0, 1, -1):
            raise self.unsupported(
                node, f"`{qual}(..., axis=...)` (astc's exact version: sum/mean of 2-D arrays)"
            )
        self.facts.helpers[id(node)] = generated.axis_reduction(
            self.facts.helpers.get(id(node), generated.REDUCTIONS[name]), axis.value % 2
        )
        return Array(result_cls, 1, True, a.checked)  # one of the dimensions

    def dtype_arg(self, node: ast.AST, value: ast.expr | None) -> str | None:
        if value is None:
            return None
        if isinstance(value, ast.Name) and value.id in ("float", "int", "bool"):
            return {"float": "f", "int": "i", "bool": "b"}[value.id]
        v = self.expr(value)
        if isinstance(v, DType):
            return v.cls
        if isinstance(v, Function) and v.namespace == "numpy" and v.name in DTYPES:
            return DTYPES[v.name]
        raise self.unsupported(node, f"dtype `{ast.unparse(value)}` (astc: float64, int64, bool)")

    def shape_rank(self, node: ast.AST, shape: Value) -> int | None:
        if isinstance(shape, Scalar) and shape.cls == "i":
            return 1
        if isinstance(shape, Tuple) and all(
            isinstance(i, Scalar) and i.cls == "i" for i in shape.items
        ):
            return len(shape.items)
        if isinstance(shape, Shape):
            return None
        raise self.unsupported(node, f"an array shape given as {shape.describe()}")

    def create(
        self, node: ast.Call, qual: str, name: str, args: list[Value], keywords: dict[str, ast.expr]
    ) -> Value:
        if not args:
            raise self.unsupported(node, f"`{qual}` without a shape")
        rank = self.shape_rank(node, args[0])
        cls = "f"
        positional_dtype = (
            node.args[2]
            if name == "full" and len(node.args) > 2
            else (node.args[1] if name != "full" and len(node.args) > 1 else None)
        )
        if name == "full":
            if len(args) < 2 or not isinstance(args[1], Scalar):
                raise self.unsupported(node, "`numpy.full` without a scalar fill value")
            cls = args[1].cls
        given = self.dtype_arg(node, keywords.get("dtype") or positional_dtype)
        if given is not None:
            cls = given
        return Array(cls, rank, True)

    def create_like(
        self, node: ast.Call, qual: str, name: str, args: list[Value], keywords: dict[str, ast.expr]
    ) -> Value:
        a = args[0]
        if not isinstance(a, Array):
            raise self.unsupported(node, f"`{qual}` of {a.describe()}")
        cls = a.cls
        if name == "full_like":
            if len(args) < 2 or not isinstance(args[1], Scalar):
                raise self.unsupported(node, "`numpy.full_like` without a scalar fill value")
        positional = (
            node.args[2]
            if name == "full_like" and len(node.args) > 2
            else (node.args[1] if name != "full_like" and len(node.args) > 1 else None)
        )
        given = self.dtype_arg(node, keywords.get("dtype") or positional)
        if given is not None:
            cls = given
        return Array(cls, a.rank, True, a.checked)

    def where(self, node: ast.Call, args: list[Value]) -> Value:
        cond, x, y = args
        if not isinstance(cond, Array):
            raise self.unsupported(node, "`numpy.where` with a scalar condition (0-d result)")
        for v in (x, y):
            if not isinstance(v, Scalar | Array):
                raise self.unsupported(node, f"`numpy.where` of {v.describe()}")
        assert isinstance(x, Scalar | Array) and isinstance(y, Scalar | Array)
        if x.cls != y.cls:
            raise Problem(
                Code.KERNEL_INEXACT_FUNCTION,
                node.lineno,
                f"line {node.lineno}: `numpy.where` of a {CLS[x.cls]} and a {CLS[y.cls]} "
                "(NumPy and Numba promote differently)",
            )
        ranks = [v.rank for v in (cond, x, y) if isinstance(v, Array)]
        rank = None if None in ranks else max(r for r in ranks if r is not None)
        self.facts.array_work = True
        checked = all(v.checked for v in (cond, x, y) if isinstance(v, Array))
        return Array(x.cls, rank, True, checked)

    def cast(self, node: ast.Call, qual: str, args: list[Value]) -> Value:
        if len(args) != 1 or not isinstance(args[0], Scalar):
            raise self.unsupported(node, f"`{qual}` of something other than one number")
        a = args[0]
        if qual in ("float", "numpy.float64"):
            self.need_scalars(node, qual, args)
            if qual == "float" and a.cls == "b":  # Numba's float() takes no bool
                raise self.unsupported(node, "`float()` of a bool")
            return py_float() if qual == "float" else np_scalar("f")
        if qual in ("bool", "numpy.bool_"):
            return py_bool() if qual == "bool" else np_scalar("b")
        if qual == "numpy.int64":
            if a.cls == "f":
                raise Problem(
                    Code.KERNEL_INEXACT_OPERATION,
                    node.lineno,
                    f"line {node.lineno}: numpy.int64() of a float (C's cast is undefined "
                    "out of range)",
                )
            return np_scalar("i")
        # int()
        if a.cls == "f":
            self.facts.helpers[id(node)] = generated.INDEX_INT
            return Scalar(frozenset({PY}), "i", INT64, saturated=True)
        if a.cls == "b":
            return py_int(BOOL_RANGE)
        rng = a.rng if a.py and a.rng is not None else Interval(INT64_MIN, INT64_MAX)
        if a.np and a.rng is not None:
            rng = rng.hull(Interval(INT64_MIN, INT64_MAX))
        return py_int(rng)

    def range_(self, node: ast.Call, args: list[Value]) -> Value:
        rngs: list[Interval] = []
        for a in args:
            if not (isinstance(a, Scalar) and a.cls == "i"):
                raise self.unsupported(node, f"range() of {a.describe()}")
            rngs.append(
                a.rng if a.py and a.rng is not None and not a.np else Interval(INT64_MIN, INT64_MAX)
            )
        if len(rngs) == 1:
            lo, hi, step = Interval.point(0), rngs[0], Interval.point(1)
        elif len(rngs) == 2:
            lo, hi, step = rngs[0], rngs[1], Interval.point(1)
        else:
            lo, hi, step = rngs
        if step.lo is not None and step.lo > 0 and step.hi is not None:
            top = None if hi.hi is None else hi.hi - 1
            cap = None if lo.hi is None else lo.hi + TRIPS * step.hi
            upper = cap if top is None else (top if cap is None else min(top, cap))
            item = Interval(lo.lo, upper)
        elif step.hi is not None and step.hi < 0 and step.lo is not None:
            bottom = None if hi.lo is None else hi.lo + 1
            cap = None if lo.lo is None else lo.lo + TRIPS * step.lo
            lower = cap if bottom is None else (bottom if cap is None else max(bottom, cap))
            item = Interval(lower, lo.hi)
        else:
            item = lo.hull(hi)
        count = item.hi - item.lo + 1 if item.lo is not None and item.hi is not None else None
        return Iter(py_int(item), None if count is None else max(count, 0))

    def method(
        self,
        node: ast.Call,
        name: str,
        base: Value,
        args: list[Value],
        keywords: dict[str, ast.expr],
    ) -> Value | None:
        assert isinstance(base, Array)
        if name in ARRAY_METHODS:
            np_name = ARRAY_METHODS[name]
            fn = NUMPY[np_name]
            if args:
                raise self.unsupported(node, f"`.{name}()` with arguments")
            return self.library(node, "numpy", np_name, fn, [base], keywords)
        if keywords:
            raise self.unsupported(node, f"keyword arguments of `.{name}()`")
        if name == "fill":
            if len(args) != 1:
                raise self.unsupported(node, "`.fill()` without one value")
            self.store_check(node, base, args[0])
            return NoneValue()
        if name in ("ravel", "flatten"):
            if args:
                raise self.unsupported(node, f"`.{name}()` with an order")
            if name == "ravel":
                self.facts.helpers[id(node)] = generated.RAVEL
            return Array(base.cls, 1, name == "flatten", base.checked and base.rank == 1)
        if name == "transpose":
            if args:
                raise self.unsupported(node, "`.transpose()` with axes")
            return Array(base.cls, base.rank, checked=base.checked)
        if name == "reshape":
            if len(args) == 1:
                rank = self.shape_rank(node, args[0])
            else:
                for a in args:
                    if not (isinstance(a, Scalar) and a.cls == "i"):
                        raise self.unsupported(node, "`.reshape()` of something other than ints")
                rank = len(args)
            self.facts.helpers[id(node)] = generated.RESHAPE
            return Array(base.cls, rank)
        raise self.unsupported(node, f"the array method `.{name}()`")

    def store_check(self, node: ast.AST, base: Array, value: Value) -> None:
        if not isinstance(value, Scalar):
            raise self.unsupported(node, f"fills an array with {value.describe()}")
        allowed = {"f": "fib", "i": "ib", "b": "b"}[base.cls]
        if value.cls not in allowed:
            raise Problem(
                Code.KERNEL_INEXACT_OPERATION,
                getattr(node, "lineno", self.fn.lineno),
                f"stores a {CLS[value.cls]} into a {CLS[base.cls]} array",
            )


_RESULTS: dict[Result, Callable[[Calls, LibraryCall], Value]] = {
    Result.PY_FLOAT: Calls._py_float,
    Result.PY_BOOL: Calls._py_bool,
    Result.PY_INT_UNBOUNDED: Calls._py_int_saturated,
    Result.UFUNC: Calls._ufunc,
    Result.REDUCE: Calls._reduction,
    Result.REDUCE_INDEX: Calls._reduction,
    Result.REDUCE_BOOL: Calls._reduction,
    Result.ACCUMULATE: Calls._reduction,
    Result.CREATE: Calls._create,
    Result.CREATE_LIKE: Calls._create_like,
    Result.ARANGE: Calls._arange,
    Result.COPY: Calls._copy,
    Result.WHERE: Calls._where,
    Result.CAST: Calls._cast,
    Result.LEN: Calls._len,
    Result.RANGE: Calls._range,
    Result.ABS: Calls._abs,
    Result.MINMAX: Calls._minmax,
    Result.ENUMERATE: Calls._enumerate,
    Result.ZIP: Calls._zip,
}
