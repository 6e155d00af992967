"""Specialize a callable object on its structure: one straight-line function over arrays.

The tracer interprets the *source* of the methods a call reaches (``__call__``, ``forward``,
methods on ``self``, module-level helper functions) with the object graph known and the
arguments unknown, and emits Python code for the operations on unknown values only:

* attributes of known objects are read now (frozen: a layer replaced later is not seen);
  NumPy arrays among them become *parameters* of the emitted function, passed by reference
  at every call, so in-place updates of weights stay visible;
* ``for NAME in <known list>`` is unrolled, ``if <known condition>`` takes its branch, calls
  of known Python callables are inlined with their arguments bound;
* anything that depends on the arguments is emitted as code: operators, calls of NumPy
  functions, methods of arrays. The output is a list of ``ast`` statements, each ``vN = expr``
  (assigned once, in order) or ``vN op= expr`` right after ``vN = <old value>``.

What cannot be specialized raises :class:`Refused` with the source position and the reason;
the caller turns that into a working fallback and a warning. The tracer never calls user
code: it reads instance dictionaries and class attributes statically (no properties, no
``__getattr__``), and only evaluates builtins from a pure allow-list on known values.
"""

from __future__ import annotations

import ast
import builtins
import copy
import inspect
import math
import operator
import textwrap
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from astc import generated
from astc.evaluate import values
from astc.hybrid import templates

_MAX_DEPTH = 64
_MAX_UNROLL = 10_000
#: Builtins evaluated at trace time when every argument is known (pure, no user code runs
#: except ``len`` of a list/tuple, which is checked below).
_PURE_BUILTINS: frozenset[Any] = frozenset(
    [len, abs, min, max, int, float, bool, range, isinstance, enumerate, zip, reversed]
)
#: ``len`` is evaluated only on these (others may define ``__len__``).
_LEN_OK = (list, tuple, str, range, dict)
_UNARY_FOLDS: dict[type[ast.unaryop], Callable[[Any], Any]] = {
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
    ast.Not: operator.not_,
}
_SCALARS = (bool, int, float, complex, str, bytes, type(None))
_BINOPS = values.BINARY_OPERATORS
_CMPOPS = values.COMPARISON_OPERATORS


class Refused(Exception):
    """The object cannot be specialized; ``where`` is ``path:line`` of the construct."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


@dataclass(frozen=True, eq=False)
class Sym:
    """A value known only at run time: ``code`` is a name or expression in the output."""

    code: ast.expr


@dataclass(frozen=True, eq=False)
class Known:
    """A value known now; ``code`` references it in the output (modules, NumPy functions)."""

    value: Any
    code: ast.expr | None = None


Value = Sym | Known


@dataclass
class Emitted:
    """The traced function: its statements, parameters (by identity) and imported modules."""

    body: list[ast.stmt] = field(default_factory=list)
    params: list[np.ndarray] = field(default_factory=list)
    param_ids: dict[int, str] = field(default_factory=dict)
    modules: dict[str, str] = field(default_factory=dict)  # alias -> module name
    inlined: list[str] = field(default_factory=list)  # qualified names, in call order
    unrolled: list[str] = field(default_factory=list)
    counter: int = 0

    def fresh(self) -> str:
        self.counter += 1
        return f"v{self.counter}"

    def param(self, array: np.ndarray) -> str:
        name = self.param_ids.get(id(array))
        if name is None:
            name = f"p{len(self.params)}"
            self.param_ids[id(array)] = name
            self.params.append(array)
        return name

    def assign(self, value: ast.expr) -> Sym:
        """``vN = value`` appended; the run-time value ``vN``."""
        name = self.fresh()
        self.body.append(templates.assign(name, value))
        return Sym(templates.name(name))

    def module(self, alias: str, module: str) -> ast.Name:
        """A reference to ``module`` (imported as ``alias`` by the generated code)."""
        self.modules.setdefault(alias, module)
        return templates.name(alias)


class _Return(Exception):
    def __init__(self, value: Value) -> None:
        self.value = value


@dataclass
class _Frame:
    func: types.FunctionType
    filename: str
    first_line: int
    env: dict[str, Value]
    local_names: set[str]

    def where(self, node: ast.AST) -> str:
        return f"{self.filename}:{self.first_line + getattr(node, 'lineno', 1) - 1}"


def entry_method(obj: object) -> types.FunctionType:
    """The Python function that ``obj(...)`` runs (``forward`` behind astc's mixin)."""
    from astc.hybrid.mixin import Hybridizable  # a cycle at import time otherwise

    call = inspect.getattr_static(type(obj), "__call__", None)
    if call is Hybridizable.__call__:
        call = getattr(type(obj), "forward", None)
    if not isinstance(call, types.FunctionType):
        raise Refused(_where_of(type(obj)), f"{type(obj).__name__}.__call__ is not Python code")
    return call


def _where_of(obj: Any) -> str:
    try:
        return f"{inspect.getsourcefile(obj)}:{inspect.getsourcelines(obj)[1]}"
    except (OSError, TypeError):
        return f"<{getattr(obj, '__qualname__', type(obj).__name__)}>"


class Tracer:
    """Trace one call; see the module docstring for what is specialized."""

    def __init__(self) -> None:
        self.out = Emitted()
        self.depth = 0

    # -- entry -------------------------------------------------------------------------
    def trace_call(self, target: object, arg_names: list[str]) -> Value:
        """Trace ``target(*args)`` with every argument unknown; return the result value."""
        args: list[Value] = [Sym(templates.name(name)) for name in arg_names]
        return self._call_value(Known(target), args, {}, where=_where_of(type(target)))

    # -- functions -----------------------------------------------------------------------
    def _inline(
        self,
        func: types.FunctionType,
        self_value: Value | None,
        args: list[Value],
        kwargs: dict[str, Value],
        where: str,
    ) -> Value:
        if self.depth >= _MAX_DEPTH:
            raise Refused(where, "calls nest too deeply (recursion?)")
        node, filename, first_line = _function_ast(func, where)
        sig_args: list[Value | None] = [*([self_value] if self_value is not None else []), *args]
        env = _bind(func, node, sig_args, kwargs, where)
        local_names = _assigned_names(node) | set(env)
        frame = _Frame(func, filename, first_line, env, local_names)
        self.out.inlined.append(func.__qualname__)
        self.depth += 1
        try:
            self._block(frame, node.body)
        except _Return as ret:
            return ret.value
        finally:
            self.depth -= 1
        return Known(None)

    def _block(self, frame: _Frame, body: list[ast.stmt]) -> None:
        for stmt in body:
            self._stmt(frame, stmt)

    def _stmt(self, frame: _Frame, stmt: ast.stmt) -> None:
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant):
            return  # docstring or bare constant
        if isinstance(stmt, ast.Pass):
            return
        if isinstance(stmt, ast.Return):
            raise _Return(self._expr(frame, stmt.value) if stmt.value else Known(None))
        if isinstance(stmt, ast.Assign):
            value = self._expr(frame, stmt.value)
            for target in stmt.targets:
                self._store(frame, target, value)
            return
        if isinstance(stmt, ast.AnnAssign) and stmt.value is not None and stmt.simple:
            self._store(frame, stmt.target, self._expr(frame, stmt.value))
            return
        if isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name):
            self._augassign(frame, stmt, stmt.target)
            return
        if isinstance(stmt, ast.AugAssign):
            raise Refused(frame.where(stmt), "assignment to an attribute or item (state change)")
        if isinstance(stmt, ast.If):
            test = self._expr(frame, stmt.test)
            if not isinstance(test, Known):
                raise Refused(frame.where(stmt), "branch on a value known only at run time")
            self._block(frame, stmt.body if self._truth(frame, stmt, test) else stmt.orelse)
            return
        if isinstance(stmt, ast.For):
            self._for(frame, stmt)
            return
        raise Refused(frame.where(stmt), f"statement {type(stmt).__name__} cannot be specialized")

    def _augassign(self, frame: _Frame, stmt: ast.AugAssign, target: ast.Name) -> None:
        old = self._name(frame, target)
        rhs = self._expr(frame, stmt.value)
        if isinstance(old, Known) and isinstance(rhs, Known) and _scalar(old.value):
            value = self._fold(frame, stmt, _BINOPS[type(stmt.op)], old.value, rhs.value)
            frame.env[target.id] = value
            return
        # ``a += b`` updates an array in place: keep the same object, as the original.
        name = self.out.assign(self._code(frame, stmt, old))
        update = ast.AugAssign(
            ast.Name(name.code.id, ast.Store()),  # type: ignore[attr-defined]
            type(stmt.op)(),
            self._code(frame, stmt, rhs),
        )
        self.out.body.append(ast.fix_missing_locations(update))
        frame.env[target.id] = name

    def _for(self, frame: _Frame, stmt: ast.For) -> None:
        if stmt.orelse or any(isinstance(n, ast.Break | ast.Continue) for n in ast.walk(stmt)):
            raise Refused(frame.where(stmt), "loop with break/continue/else")
        items = self._known_items(frame, stmt.iter, "loop")
        self.out.unrolled.append(f"{frame.where(stmt)}: {len(items)} iterations")
        for item in items:
            self._store(frame, stmt.target, _wrap(item))
            self._block(frame, stmt.body)

    def _known_items(self, frame: _Frame, node: ast.expr, what: str) -> list[Any]:
        """The items of an iterable known now (a list, tuple, range, ...), for unrolling."""
        iterable = self._expr(frame, node)
        if not isinstance(iterable, Known) or not isinstance(
            iterable.value, list | tuple | range | enumerate | zip | reversed | _DictView
        ):
            raise Refused(frame.where(node), f"{what} over a value known only at run time")
        items = list(iterable.value)
        if len(items) > _MAX_UNROLL:
            raise Refused(frame.where(node), f"{what} of {len(items)} iterations is too long")
        return items

    def _store(self, frame: _Frame, target: ast.expr, value: Value) -> None:
        if isinstance(target, ast.Name):
            frame.env[target.id] = value
            return
        if isinstance(target, ast.Tuple | ast.List) and isinstance(value, Known):
            items = list(value.value) if isinstance(value.value, tuple | list) else None
            if items is not None and len(items) == len(target.elts):
                for elt, item in zip(target.elts, items, strict=True):
                    self._store(frame, elt, _wrap(item))
                return
        raise Refused(frame.where(target), "assignment to an attribute, item or unknown tuple")

    # -- expressions ---------------------------------------------------------------------
    def _expr(self, frame: _Frame, node: ast.expr) -> Value:
        if isinstance(node, ast.Constant):
            return Known(node.value)
        if isinstance(node, ast.Name):
            return self._name(frame, node)
        if isinstance(node, ast.Attribute):
            return self._attribute(frame, node, self._expr(frame, node.value))
        if isinstance(node, ast.Call):
            return self._call(frame, node)
        if isinstance(node, ast.BinOp):
            left, right = self._expr(frame, node.left), self._expr(frame, node.right)
            if isinstance(left, Known) and isinstance(right, Known) and _scalar(left.value):
                if _scalar(right.value):
                    return self._fold(frame, node, _BINOPS[type(node.op)], left.value, right.value)
            code = ast.BinOp(
                self._code(frame, node, left), type(node.op)(), self._code(frame, node, right)
            )
            return self.out.assign(code)
        if isinstance(node, ast.UnaryOp):
            operand = self._expr(frame, node.operand)
            if isinstance(operand, Known) and _scalar(operand.value):
                if type(node.op) in _UNARY_FOLDS:
                    return self._fold(frame, node, _UNARY_FOLDS[type(node.op)], operand.value)
            return self.out.assign(ast.UnaryOp(type(node.op)(), self._code(frame, node, operand)))
        if isinstance(node, ast.Compare):
            return self._compare(frame, node)
        if isinstance(node, ast.BoolOp):
            return self._boolop(frame, node)
        if isinstance(node, ast.Subscript):
            return self._subscript(frame, node)
        if isinstance(node, ast.Tuple | ast.List):
            items = [self._expr(frame, e) for e in node.elts]
            if all(isinstance(i, Known) for i in items):
                known = [i.value for i in items if isinstance(i, Known)]
                return Known(tuple(known) if isinstance(node, ast.Tuple) else known)
            # a container known now holding run-time values: indexing and unpacking it are
            # resolved now, using it as a value emits a tuple/list display
            return Known(tuple(items) if isinstance(node, ast.Tuple) else items)
        if isinstance(node, ast.ListComp):
            return self._listcomp(frame, node)
        if isinstance(node, ast.Slice):
            parts = [
                None if p is None else self._expr(frame, p)
                for p in (node.lower, node.upper, node.step)
            ]
            if all(p is None or (isinstance(p, Known) and _scalar(p.value)) for p in parts):
                return Known(slice(*[None if p is None else p.value for p in parts]))  # type: ignore[union-attr]
            lo, hi, step = [None if p is None else self._code(frame, node, p) for p in parts]
            return Sym(ast.Slice(lo, hi, step))
        if isinstance(node, ast.IfExp):
            test = self._expr(frame, node.test)
            if isinstance(test, Known):
                branch = node.body if self._truth(frame, node, test) else node.orelse
                return self._expr(frame, branch)
            raise Refused(frame.where(node), "conditional expression on a run-time value")
        raise Refused(frame.where(node), f"expression {type(node).__name__} cannot be specialized")

    def _listcomp(self, frame: _Frame, node: ast.ListComp) -> Value:
        """``[f(item) for item in <known>]``: one value per item (a list known now of them)."""
        if len(node.generators) != 1 or node.generators[0].is_async:
            raise Refused(frame.where(node), "list comprehension with several for clauses")
        comp = node.generators[0]
        names = {n.id for n in ast.walk(comp.target) if isinstance(n, ast.Name)}
        saved = {n: frame.env[n] for n in names if n in frame.env}
        results: list[Value] = []
        try:
            for item in self._known_items(frame, comp.iter, "comprehension"):
                self._store(frame, comp.target, _wrap(item))
                if all(self._truth(frame, node, self._known(frame, c)) for c in comp.ifs):
                    results.append(self._expr(frame, node.elt))
        finally:  # the comprehension's variables are its own scope
            for n in names:
                frame.env.pop(n, None)
            frame.env.update(saved)
        self.out.unrolled.append(f"{frame.where(node)}: comprehension of {len(results)} items")
        if all(isinstance(r, Known) for r in results):
            return Known([r.value for r in results if isinstance(r, Known)])
        return Known(results)  # a list known now of run-time values (see ast.List above)

    def _known(self, frame: _Frame, node: ast.expr) -> Known:
        value = self._expr(frame, node)
        if not isinstance(value, Known):
            raise Refused(frame.where(node), "condition on a value known only at run time")
        return value

    def _name(self, frame: _Frame, node: ast.Name) -> Value:
        if node.id in frame.env:
            return frame.env[node.id]
        if node.id in frame.local_names:
            raise Refused(frame.where(node), f"local {node.id!r} may be unbound here")
        func = frame.func
        if node.id in func.__code__.co_freevars:
            cell = func.__closure__[func.__code__.co_freevars.index(node.id)]  # type: ignore[index]
            try:
                return Known(cell.cell_contents)
            except ValueError:
                raise Refused(frame.where(node), f"free variable {node.id!r} is unbound") from None
        if node.id in func.__globals__:
            value = func.__globals__[node.id]
            if isinstance(value, types.ModuleType):
                alias = self.out.module(node.id, value.__name__)
                if self.out.modules[node.id] != value.__name__:
                    raise Refused(frame.where(node), f"{node.id!r} names two modules")
                return Known(value, alias)
            return Known(value)
        if hasattr(builtins, node.id):
            return Known(getattr(builtins, node.id), templates.name(node.id))
        raise Refused(frame.where(node), f"name {node.id!r} is not defined")

    def _attribute(self, frame: _Frame, node: ast.Attribute, base: Value) -> Value:
        if isinstance(base, Known) and not isinstance(base.value, np.ndarray):
            value = _static_attribute(base.value, node.attr, frame.where(node))
            code = None if base.code is None else ast.Attribute(base.code, node.attr, ast.Load())
            return Known(value, code)
        return Sym(ast.Attribute(self._code(frame, node, base), node.attr, ast.Load()))

    def _subscript(self, frame: _Frame, node: ast.Subscript) -> Value:
        base = self._expr(frame, node.value)
        if isinstance(node.slice, ast.Tuple):  # ``x[:, 0]``: no parentheses around slices
            items = [self._expr(frame, e) for e in node.slice.elts]
            if not all(isinstance(i, Known) for i in items):
                where = ast.Tuple([self._code(frame, node, i) for i in items], ast.Load())
                return self.out.assign(
                    ast.Subscript(self._code(frame, node, base), where, ast.Load())
                )
        index = self._expr(frame, node.slice)
        if isinstance(base, Known) and isinstance(base.value, list | tuple | dict | range):
            if isinstance(index, Known):
                if isinstance(base.value, dict) and not _scalar(index.value):
                    raise Refused(frame.where(node), "dict lookup with a non-scalar key")
                try:
                    item = base.value[index.value]
                except Exception as error:  # noqa: BLE001 - the original raises here too
                    raise Refused(frame.where(node), f"indexing raises {error!r}") from None
                return _wrap(item)
        code = ast.Subscript(
            self._code(frame, node, base), self._code(frame, node, index), ast.Load()
        )
        return self.out.assign(code)

    def _compare(self, frame: _Frame, node: ast.Compare) -> Value:
        values = [self._expr(frame, node.left)] + [self._expr(frame, c) for c in node.comparators]
        if all(isinstance(v, Known) for v in values):
            known = [v.value for v in values if isinstance(v, Known)]
            ops = [type(op) for op in node.ops]
            if all(
                _safe_comparison(op, a, b) for op, a, b in zip(ops, known, known[1:], strict=False)
            ):
                result = True
                for op, a, b in zip(ops, known, known[1:], strict=False):
                    result = bool(self._fold(frame, node, _CMPOPS[op], a, b).value)
                    if not result:
                        break
                return Known(result)
        if len(node.ops) != 1:
            raise Refused(frame.where(node), "chained comparison on a run-time value")
        code = ast.Compare(
            self._code(frame, node, values[0]),
            [type(node.ops[0])()],
            [self._code(frame, node, values[1])],
        )
        return self.out.assign(code)

    def _boolop(self, frame: _Frame, node: ast.BoolOp) -> Value:
        values = [self._expr(frame, v) for v in node.values]
        if all(isinstance(v, Known) and _scalar(v.value) for v in values):
            result: Any = values[0].value  # type: ignore[union-attr]
            for v in values[1:]:
                if (not result) if isinstance(node.op, ast.Or) else bool(result):
                    result = v.value  # type: ignore[union-attr]
            return Known(result)
        raise Refused(frame.where(node), "and/or on a run-time value (it short-circuits)")

    def _call(self, frame: _Frame, node: ast.Call) -> Value:
        if any(isinstance(a, ast.Starred) for a in node.args) or any(
            k.arg is None for k in node.keywords
        ):
            raise Refused(frame.where(node), "call with *args or **kwargs")
        func = self._expr(frame, node.func)
        args = [self._expr(frame, a) for a in node.args]
        kwargs = {k.arg: self._expr(frame, k.value) for k in node.keywords if k.arg}
        if isinstance(func, Sym):  # a method of a run-time value, e.g. ``x.reshape(...)``
            return self.out.assign(self._call_code(frame, node, func.code, args, kwargs))
        return self._call_value(func, args, kwargs, frame.where(node), frame, node)

    def _call_value(
        self,
        func: Known,
        args: list[Value],
        kwargs: dict[str, Value],
        where: str,
        frame: _Frame | None = None,
        node: ast.AST | None = None,
    ) -> Value:
        target = func.value
        original = getattr(target, "original", None)
        if _is_hybridized(target) and original is not None:
            target = original  # hybridizing again: trace what the compiled object came from
        known = [a.value for a in [*args, *kwargs.values()] if isinstance(a, Known)]
        all_known = len(known) == len(args) + len(kwargs)
        if all_known and isinstance(frame, _Frame) and _foldable(target, known):
            if target is len and not isinstance(args[0].value, _LEN_OK):  # type: ignore[union-attr]
                raise Refused(where, "len() of an object that may run user code")
            values = [a.value for a in args]  # type: ignore[union-attr]
            kw = {k: v.value for k, v in kwargs.items()}  # type: ignore[union-attr]
            call = target.call if isinstance(target, _PureMethod) else target
            try:
                with np.errstate(all="raise"):
                    return self._fold(frame, node or ast.Pass(), call, *values, **kw)
            except Refused:
                if not isinstance(target, np.ufunc):
                    raise
                # a floating-point warning: NumPy gives it at every call, so the call stays
        if isinstance(target, _PureMethod):
            raise Refused(where, f"{target.name}() of a container with run-time arguments")
        if func.code is not None and callable(target):
            if frame is None or node is None:
                raise Refused(where, "cannot call a module function directly")
            return self.out.assign(self._call_code(frame, node, func.code, args, kwargs))
        if isinstance(target, types.MethodType) and isinstance(target.__func__, types.FunctionType):
            return self._inline(target.__func__, Known(target.__self__), args, kwargs, where)
        if isinstance(target, _BoundMethod):
            return self._inline(target.func, Known(target.obj), args, kwargs, where)
        if isinstance(target, types.FunctionType):
            return self._inline(target, None, args, kwargs, where)
        if isinstance(target, type) or isinstance(target, types.BuiltinFunctionType | np.ufunc):
            raise Refused(
                where,
                f"call of {getattr(target, '__qualname__', target)!r} on values "
                "known only now; it would run at hybridization time",
            )
        if callable(target):
            return self._inline(entry_method(target), Known(target), args, kwargs, where)
        raise Refused(where, f"{type(target).__name__} object is not callable")

    def _call_code(
        self,
        frame: _Frame,
        node: ast.AST,
        func: ast.expr,
        args: list[Value],
        kwargs: dict[str, Value],
    ) -> ast.Call:
        return ast.Call(
            copy.deepcopy(func),
            [self._code(frame, node, a) for a in args],
            [ast.keyword(k, self._code(frame, node, v)) for k, v in kwargs.items()],
        )

    # -- values --------------------------------------------------------------------------
    def _code(self, frame: _Frame | None, node: ast.AST, value: Value) -> ast.expr:
        """How the output refers to ``value`` (a fresh tree); refuses values with no such form."""
        if value.code is not None:
            return copy.deepcopy(value.code)
        assert isinstance(value, Known)
        v = value.value
        if isinstance(v, np.ndarray):
            return templates.name(self.out.param(v))
        if isinstance(v, bool | int | str | bytes | type(None)):
            return ast.Constant(v)
        if isinstance(v, float):
            return _float(v)
        if isinstance(v, np.generic) and v.dtype.kind in "biuf":
            item = v.item()
            literal = _float(item) if isinstance(item, float) else ast.Constant(item)
            numpy = self.out.module(generated.NUMPY, "numpy")
            return ast.Call(ast.Attribute(numpy, type(v).__name__, ast.Load()), [literal], [])
        if isinstance(v, tuple | list):
            items = [self._code(frame, node, _wrap(i)) for i in v]
            return (
                ast.Tuple(items, ast.Load())
                if isinstance(v, tuple)
                else ast.List(items, ast.Load())
            )
        if isinstance(v, slice):
            lo, hi, step = [
                None if p is None else ast.Constant(p) for p in (v.start, v.stop, v.step)
            ]
            return ast.Slice(lo, hi, step)
        if isinstance(v, np.dtype) and v.names is None and not v.subdtype:
            numpy = self.out.module(generated.NUMPY, "numpy")
            return ast.Call(ast.Attribute(numpy, "dtype", ast.Load()), [ast.Constant(v.str)], [])
        if isinstance(v, type) and v.__module__ == "numpy":
            return ast.Attribute(self.out.module(generated.NUMPY, "numpy"), v.__name__, ast.Load())
        where = frame.where(node) if frame is not None else "<result>"
        raise Refused(where, f"value of type {type(v).__name__} cannot be embedded")

    def code_of(self, value: Value) -> ast.expr:
        """How the output refers to ``value`` (the traced call's result, for example)."""
        return self._code(None, ast.Pass(), value)

    def _truth(self, frame: _Frame, node: ast.AST, test: Known) -> bool:
        if not _scalar(test.value) and not isinstance(test.value, list | tuple | dict):
            if not _is_plain_object(test.value):
                raise Refused(frame.where(node), f"truth of a {type(test.value).__name__} object")
        return bool(test.value)

    def _fold(
        self, frame: _Frame, node: ast.AST, fn: Callable[..., Any], *args: Any, **kw: Any
    ) -> Known:
        try:
            return Known(fn(*args, **kw))
        except Exception as error:  # noqa: BLE001 - the original would raise at run time
            raise Refused(frame.where(node), f"evaluating this raises {error!r}") from None


@dataclass(frozen=True)
class _BoundMethod:
    obj: object
    func: types.FunctionType


def _is_hybridized(value: object) -> bool:
    from astc.hybrid.result import Hybridized

    return isinstance(value, Hybridized)


def _is_plain_object(value: object) -> bool:
    cls = type(value)
    return all(
        getattr(cls, name, None) is getattr(object, name, None) for name in ("__bool__", "__len__")
    )


def _safe_comparison(op: type[ast.cmpop], a: object, b: object) -> bool:
    """Whether comparing known ``a`` and ``b`` runs no user code (``__eq__``, ``__contains__``)."""
    if op in (ast.Is, ast.IsNot):
        return True
    if op in (ast.In, ast.NotIn):
        return _scalar(a) and isinstance(b, tuple | list | str) and all(_scalar(i) for i in b)
    return _scalar(a) and _scalar(b)


def _scalar(value: object) -> bool:
    return isinstance(value, _SCALARS)


@dataclass(frozen=True)
class _PureMethod:
    """A method of a builtin container, evaluated now when its arguments are known scalars."""

    obj: list[Any] | tuple[Any, ...] | dict[Any, Any]
    name: str

    def call(self, *args: Any) -> Any:
        result = getattr(self.obj, self.name)(*args)
        if self.name in ("items", "keys", "values"):  # a snapshot: the structure is frozen
            return _DictView(result)
        return result


class _DictView(tuple[Any, ...]):
    """``dict.items()``/``keys()``/``values()`` read now (iterable, like the view)."""


#: Methods of exact builtin containers that run no user code on scalar arguments.
_PURE_METHODS = {
    dict: ("items", "keys", "values", "get"),
    list: ("index", "count"),
    tuple: ("index", "count"),
}


def _foldable(target: Any, args: list[Any]) -> bool:
    """Whether ``target(*args)`` may be evaluated now: a pure builtin, a container method on
    scalar keys, or a ``math`` function / NumPy ufunc of scalars (what NumPy itself would
    compute at run time, so its result type is kept: ``np.sqrt(2.0)`` is an ``np.float64``)."""
    if isinstance(target, _PureMethod):
        return all(_scalar(a) for a in args)
    if any(target is pure for pure in _PURE_BUILTINS):  # identity: hashing may run user code
        return True
    numeric = all(isinstance(a, int | float | np.number) and not isinstance(a, bool) for a in args)
    if isinstance(target, np.ufunc):
        return numeric and target.nout == 1
    return (
        isinstance(target, types.BuiltinFunctionType)
        and getattr(target, "__module__", None) == "math"
        and numeric
    )


def _wrap(item: Any) -> Value:
    """An item of a container known now: a run-time value it holds, or a value known now."""
    return item if isinstance(item, Sym | Known) else Known(item)


def _float(value: float) -> ast.expr:
    """A float literal (``float('inf')`` for the non-finite ones)."""
    if math.isfinite(value):
        return ast.Constant(value)
    return ast.Call(templates.name("float"), [ast.Constant(str(value))], [])


def _static_attribute(obj: object, name: str, where: str) -> Any:
    """``obj.name`` read without running user code (instance dict, then class)."""
    pure = _PURE_METHODS.get(type(obj), ())  # type: ignore[call-overload]
    if name in pure:
        return _PureMethod(obj, name)  # type: ignore[arg-type]
    if isinstance(obj, types.ModuleType):
        if name in vars(obj):
            return vars(obj)[name]
        raise Refused(where, f"module {obj.__name__} has no attribute {name!r}")
    instance_dict = getattr(obj, "__dict__", None)
    if isinstance(instance_dict, dict) and name in instance_dict:
        return instance_dict[name]
    try:
        static = inspect.getattr_static(obj, name)
    except AttributeError:
        raise Refused(where, f"{type(obj).__name__} object has no attribute {name!r}") from None
    if isinstance(static, types.FunctionType):
        if isinstance(obj, type):
            return static
        return _BoundMethod(obj, static)
    if isinstance(static, staticmethod):
        return static.__func__
    if _scalar(static) or isinstance(static, np.ndarray | tuple | type | types.ModuleType):
        return static
    raise Refused(where, f"attribute {name!r} is a {type(static).__name__} (may run code)")


_SOURCE_CACHE: dict[types.CodeType, tuple[ast.FunctionDef, str, int]] = {}


def _function_ast(func: types.FunctionType, where: str) -> tuple[ast.FunctionDef, str, int]:
    code = func.__code__
    if code in _SOURCE_CACHE:
        return _SOURCE_CACHE[code]
    try:
        lines, first_line = inspect.getsourcelines(func)
    except (OSError, TypeError):
        raise Refused(
            where, f"no source for {func.__qualname__} (defined in {code.co_filename})"
        ) from None
    tree = ast.parse(textwrap.dedent("".join(lines)))
    node = tree.body[0] if tree.body else None
    if not isinstance(node, ast.FunctionDef) or node.name != func.__name__:
        raise Refused(where, f"source of {func.__qualname__} is not a plain def (a lambda?)")
    if node.decorator_list:
        raise Refused(where, f"{func.__qualname__} is decorated")
    filename = inspect.getsourcefile(func) or code.co_filename
    _SOURCE_CACHE[code] = (node, filename, first_line)
    return node, filename, first_line


def _bind(
    func: types.FunctionType,
    node: ast.FunctionDef,
    args: list[Value | None],
    kwargs: dict[str, Value],
    where: str,
) -> dict[str, Value]:
    a = node.args
    if a.vararg or a.kwarg or a.posonlyargs or a.kwonlyargs:
        raise Refused(where, f"{func.__qualname__} takes *args, **kwargs or keyword-only arguments")
    names = [p.arg for p in a.args]
    if len(args) > len(names):
        raise Refused(where, f"{func.__qualname__} called with too many arguments")
    env: dict[str, Value] = {}
    for name, value in zip(names, args, strict=False):
        if value is not None:
            env[name] = value
    for name, value in kwargs.items():
        if name not in names or name in env:
            raise Refused(where, f"{func.__qualname__} got an unexpected or repeated {name!r}")
        env[name] = value
    defaults = func.__defaults__ or ()
    for name, default in zip(names[len(names) - len(defaults) :], defaults, strict=True):
        env.setdefault(name, Known(default))
    missing = [n for n in names if n not in env]
    if missing:
        raise Refused(where, f"{func.__qualname__} missing argument(s) {', '.join(missing)}")
    return env


def _assigned_names(node: ast.FunctionDef) -> set[str]:
    names: set[str] = set()
    for sub in _walk_own_scope(node):
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store | ast.Del):
            names.add(sub.id)
    return names


def _walk_own_scope(node: ast.AST) -> Iterator[ast.AST]:
    for child in ast.iter_child_nodes(node):
        yield child
        if not isinstance(
            child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef
        ):
            yield from _walk_own_scope(child)
