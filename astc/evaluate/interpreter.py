"""A step-budgeted evaluator for calls of the user's pure functions on literal arguments.

It never executes the user's module: it interprets one function's ``ast`` over literal
values only (numbers, strings, bytes, tuples, lists, None), so no user object, no I/O and no
import can ever be reached — anything outside that subset raises :class:`NotFoldable` and
the call is left alone. Every statement and expression costs a step; running out of steps
is NotFoldable too, so a non-terminating function cannot hang the compiler.

Objects follow Python's model because they *are* Python objects: a list is one real list,
shared by every name bound to it; ``x += y`` changes a list in place (every alias sees
it); ``[[0]] * 2`` holds one inner list twice; a ``for`` loop iterates the live list. What
the model cannot reproduce is refused: a call that would bind a mutable default (Python
creates it once per ``def``; a folded call would see a fresh one), and any call of a
generator or coroutine function (calling one runs none of its body). Whether a result may
become a literal is the emitter's question (:func:`astc.evaluate.values.to_source`).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from astc.evaluate import values
from astc.evaluate.values import FoldRaises, NotFoldable

MAX_DEPTH = 32
_MISSING = object()


class _Return(Exception):
    def __init__(self, value: Any) -> None:
        self.value = value


class _Break(Exception):
    pass


class _Continue(Exception):
    pass


@dataclass
class Environment:
    """What a folded call may see of the module.

    ``functions`` are the module's top-level functions that may be interpreted;
    ``constants`` module names bound once to a literal; ``locals_of`` says which names are
    local to a function; ``shadowed`` are builtin names the module rebinds.
    """

    functions: Mapping[str, ast.FunctionDef]
    constants: Mapping[str, Any]
    locals_of: Callable[[ast.FunctionDef], set[str]]
    shadowed: frozenset[str] = frozenset()
    #: Module names the result depends on (functions called, constants read), in the
    #: order the evaluation first read them: the names a guard must check, in that order.
    assumed: list[str] = field(default_factory=list)

    def assume(self, name: str) -> None:
        if name not in self.assumed:
            self.assumed.append(name)


def suspends(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A generator or coroutine function: calling it runs none of its body."""
    if isinstance(fn, ast.AsyncFunctionDef):
        return True
    return _own_nodes_any(fn, (ast.Yield, ast.YieldFrom, ast.Await))


def declares_scope(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """``global``/``nonlocal`` anywhere in the function's own body, taken or not: a
    declaration in a branch a call does not run still decides every other use of the
    name (``if flag: global X`` makes ``X = 3`` a module write on every path)."""
    return _own_nodes_any(fn, (ast.Global, ast.Nonlocal))


def _own_nodes_any(
    fn: ast.FunctionDef | ast.AsyncFunctionDef, kinds: tuple[type[ast.AST], ...]
) -> bool:
    """A node of one of ``kinds`` in the function's own scope (not in nested ones)."""
    stack: list[ast.AST] = list(fn.body)
    while stack:
        node = stack.pop()
        if isinstance(node, kinds):
            return True
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            continue  # their own scopes (a yield or a declaration there is theirs)
        stack.extend(ast.iter_child_nodes(node))
    return False


class Evaluator:
    def __init__(self, env: Environment, budget: int) -> None:
        self.env = env
        self.steps = budget
        self.depth = 0

    # -- entry -------------------------------------------------------------------
    def call(self, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        fn = self.env.functions.get(name)
        if fn is None:
            if name in self.env.shadowed:
                raise NotFoldable(f"{name} is rebound in the module")
            if name == "range":
                raise NotFoldable("range() objects are not folded")
            if kwargs:
                raise NotFoldable(f"keyword arguments to {name}() are not folded")
            self.env.assume(name)  # the run-time read finds the builtin unless one is created
            return values.call_builtin(name, args)
        self.env.assume(name)
        if suspends(fn):
            raise NotFoldable(f"{name} is a generator or coroutine function")
        if declares_scope(fn):
            raise NotFoldable(f"{name} declares global or nonlocal names")
        if self.depth >= MAX_DEPTH:
            raise NotFoldable("call depth limit")
        frame = self._bind(fn, args, kwargs)
        self.depth += 1
        try:
            self._block(fn.body, frame, fn)
        except _Return as ret:
            return ret.value
        finally:
            self.depth -= 1
        return None

    def _bind(self, fn: ast.FunctionDef, args: list[Any], kwargs: dict[str, Any]) -> dict[str, Any]:
        a = fn.args
        if a.vararg or a.kwarg:
            raise NotFoldable("*args/**kwargs")
        positional = [*a.posonlyargs, *a.args]
        if len(args) > len(positional):
            raise NotFoldable("too many arguments")  # a TypeError at run time: keep it there
        frame: dict[str, Any] = {}
        for param, value in zip(positional, args, strict=False):
            frame[param.arg] = value
        for key, value in kwargs.items():
            if key in frame or key in (p.arg for p in a.posonlyargs):
                raise NotFoldable("argument given twice or positional-only")
            if key not in (p.arg for p in [*a.args, *a.kwonlyargs]):
                raise NotFoldable("unexpected keyword argument")
            frame[key] = value
        defaults = dict(
            zip(
                [p.arg for p in positional[len(positional) - len(a.defaults) :]],
                a.defaults,
                strict=True,
            )
        )
        defaults.update(
            {p.arg: d for p, d in zip(a.kwonlyargs, a.kw_defaults, strict=True) if d is not None}
        )
        for param in [*positional, *a.kwonlyargs]:
            if param.arg not in frame:
                if param.arg not in defaults:
                    raise NotFoldable("missing argument")
                value = self._literal(defaults[param.arg])
                if not values.is_immutable(value):
                    # Python evaluates a default once per `def` and shares it between calls.
                    raise NotFoldable(f"the mutable default of {param.arg} is shared by calls")
                frame[param.arg] = value
        return frame

    def _literal(self, node: ast.expr) -> Any:
        ok, value = literal_expression(node)
        if not ok:
            raise NotFoldable("default value is not a literal")
        return value

    # -- statements --------------------------------------------------------------------
    def _tick(self) -> None:
        self.steps -= 1
        if self.steps < 0:
            raise NotFoldable("step budget exhausted")

    def _block(self, body: list[ast.stmt], frame: dict[str, Any], fn: ast.FunctionDef) -> None:
        for stmt in body:
            self._stmt(stmt, frame, fn)

    def _stmt(self, s: ast.stmt, frame: dict[str, Any], fn: ast.FunctionDef) -> None:
        self._tick()
        if isinstance(s, ast.Return):
            raise _Return(None if s.value is None else self.expr(s.value, frame, fn))
        if isinstance(s, ast.Assign):
            value = self.expr(s.value, frame, fn)
            for target in s.targets:
                self._assign(target, value, frame)
        elif isinstance(s, ast.AnnAssign) and s.value is not None and s.simple:
            self._assign(s.target, self.expr(s.value, frame, fn), frame)
        elif isinstance(s, ast.AugAssign) and isinstance(s.target, ast.Name):
            current = self._read(s.target.id, frame, fn)
            frame[s.target.id] = values.inplace(type(s.op), current, self.expr(s.value, frame, fn))
        elif isinstance(s, ast.Expr):
            self.expr(s.value, frame, fn)
        elif isinstance(s, ast.If):
            branch = s.body if self._truth(self.expr(s.test, frame, fn)) else s.orelse
            self._block(branch, frame, fn)
        elif isinstance(s, ast.While):
            while self._truth(self.expr(s.test, frame, fn)):
                try:
                    self._block(s.body, frame, fn)
                except _Break:
                    break
                except _Continue:
                    continue
            else:
                self._block(s.orelse, frame, fn)
        elif isinstance(s, ast.For):
            for item in self._iterate(s.iter, frame, fn):
                self._tick()
                self._assign(s.target, item, frame)
                try:
                    self._block(s.body, frame, fn)
                except _Break:
                    break
                except _Continue:
                    continue
            else:
                self._block(s.orelse, frame, fn)
        elif isinstance(s, ast.Break):
            raise _Break
        elif isinstance(s, ast.Continue):
            raise _Continue
        elif isinstance(s, ast.Pass):
            pass
        else:
            raise NotFoldable(f"{type(s).__name__} statement is not evaluated")

    def _truth(self, value: Any) -> bool:
        values.check_value(value)
        return bool(value)

    def _iterate(self, node: ast.expr, frame: dict[str, Any], fn: ast.FunctionDef) -> Any:
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "range"
            and "range" not in self.env.shadowed
            and not node.keywords
            and not self._is_local("range", fn)
        ):
            bounds = [self.expr(a, frame, fn) for a in node.args]
            if not 1 <= len(bounds) <= 3 or any(type(b) is not int for b in bounds):
                raise NotFoldable("range() of non-integers")
            try:
                return range(*bounds)
            except ValueError as error:
                raise FoldRaises(error) from None
        iterable = self.expr(node, frame, fn)
        if not isinstance(iterable, tuple | list | str | bytes):
            raise NotFoldable("iteration over a non-sequence")
        return iter(iterable)  # the live object: a list the body extends is seen growing

    def _assign(self, target: ast.expr, value: Any, frame: dict[str, Any]) -> None:
        if isinstance(target, ast.Name):
            frame[target.id] = value
            return
        if isinstance(target, ast.Tuple | ast.List) and not any(
            isinstance(e, ast.Starred) for e in target.elts
        ):
            if not isinstance(value, tuple | list | str | bytes):
                raise NotFoldable("unpacking a non-sequence")
            items = list(value)
            if len(items) != len(target.elts):
                raise FoldRaises(ValueError("wrong number of values to unpack"))
            for t, v in zip(target.elts, items, strict=True):
                self._assign(t, v, frame)
            return
        raise NotFoldable("assignment target is not a name")

    # -- expressions -------------------------------------------------------------------
    def _is_local(self, name: str, fn: ast.FunctionDef | None) -> bool:
        return fn is not None and name in self.env.locals_of(fn)

    def _read(self, name: str, frame: dict[str, Any], fn: ast.FunctionDef | None) -> Any:
        if self._is_local(name, fn):
            value = frame.get(name, _MISSING)
            if value is _MISSING:
                raise NotFoldable(f"{name} may be unbound")
            return value
        if name in self.env.constants:
            self.env.assume(name)
            return self.env.constants[name]
        raise NotFoldable(f"{name} is not a known constant")

    def expr(self, node: ast.expr, frame: dict[str, Any], fn: ast.FunctionDef | None) -> Any:
        self._tick()
        if isinstance(node, ast.Constant):
            values.check_value(node.value)
            return node.value
        if isinstance(node, ast.Name):
            return self._read(node.id, frame, fn)
        if isinstance(node, ast.BinOp):
            left = self.expr(node.left, frame, fn)
            return values.binary(type(node.op), left, self.expr(node.right, frame, fn))
        if isinstance(node, ast.UnaryOp):
            return values.unary(type(node.op), self.expr(node.operand, frame, fn))
        if isinstance(node, ast.BoolOp):
            result: Any = None
            for operand in node.values:
                result = self.expr(operand, frame, fn)
                if self._truth(result) == isinstance(node.op, ast.Or):
                    return result
            return result
        if isinstance(node, ast.Compare):
            left = self.expr(node.left, frame, fn)
            outcome: Any = True
            for op, comparator in zip(node.ops, node.comparators, strict=True):
                right = self.expr(comparator, frame, fn)
                outcome = values.compare(type(op), left, right)
                if not self._truth(outcome):
                    return outcome
                left = right
            return outcome
        if isinstance(node, ast.IfExp):
            test = self._truth(self.expr(node.test, frame, fn))
            return self.expr(node.body if test else node.orelse, frame, fn)
        if isinstance(node, ast.Tuple | ast.List) and isinstance(node.ctx, ast.Load):
            if any(isinstance(e, ast.Starred) for e in node.elts):
                raise NotFoldable("starred element")
            items = [self.expr(e, frame, fn) for e in node.elts]
            return tuple(items) if isinstance(node, ast.Tuple) else items
        if isinstance(node, ast.Subscript):
            container = self.expr(node.value, frame, fn)
            return values.subscript(container, self._index(node.slice, frame, fn))
        if isinstance(node, ast.Call):
            return self._call(node, frame, fn)
        raise NotFoldable(f"{type(node).__name__} is not evaluated")

    def _index(self, node: ast.expr, frame: dict[str, Any], fn: ast.FunctionDef | None) -> Any:
        if isinstance(node, ast.Slice):
            parts = [
                None if p is None else self.expr(p, frame, fn)
                for p in (node.lower, node.upper, node.step)
            ]
            return slice(*parts)
        return self.expr(node, frame, fn)

    def _call(self, node: ast.Call, frame: dict[str, Any], fn: ast.FunctionDef | None) -> Any:
        if not isinstance(node.func, ast.Name) or self._is_local(node.func.id, fn):
            raise NotFoldable("call of something other than a module function")
        if any(isinstance(a, ast.Starred) for a in node.args) or any(
            k.arg is None for k in node.keywords
        ):
            raise NotFoldable("*args/**kwargs at the call")
        args = [self.expr(a, frame, fn) for a in node.args]
        kwargs = {k.arg: self.expr(k.value, frame, fn) for k in node.keywords if k.arg is not None}
        return self.call(node.func.id, args, kwargs)


def literal_expression(node: ast.expr, budget: int = 1_000) -> tuple[bool, Any]:
    """The value of an expression built from literals alone (``-1``, ``(0 + 0)``, ``2 ** 8``).

    ``(False, None)`` when it names anything, raises, or has no exact literal form: such an
    expression is evaluated the same wherever and whenever it runs, so it may be moved.
    """
    if any(isinstance(n, ast.Name) for n in ast.walk(node)):
        return False, None
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        try:
            value = Evaluator(Environment({}, {}, lambda fn: set()), budget).expr(node, {}, None)
        except (NotFoldable, FoldRaises, RecursionError):
            return False, None
    try:
        values.check_value(value)
        values.to_source(value)
    except NotFoldable:
        return False, None
    return True, value
