"""Which operations can run code that astc has not analysed (and so rebind a global).

Python runs user code in more places than it seems: ``print`` calls ``__repr__`` and
``sys.stdout.write``, ``len`` calls ``__len__``, ``==``, ``+``, ``bool()``, ``for``,
``with``, attribute reads and f-strings all dispatch to methods of their operands, an
``import`` runs a module, a decorator is a call. Any of them can rebind this module's
globals (``sys.modules[__name__].f = ...``). This module is the one home of the rule that
says which operations cannot; import-time folding and propagation use a binding only
across code made of such operations.

An operation is judged on its own, its operands being separate operations evaluated
before it (:func:`evaluation_order`). It runs no unanalysed code when it is:

* reading a name (a lookup in the module's dict, then the builtins' dict, keyed by
  ``str``: neither can call user code), a literal, building a tuple or list (no method of
  the elements is called), a ``lambda`` (its defaults are operations of their own);
* an operator, comparison, truth test, subscript, f-string or ``%``-format whose operands
  are all *builtin values*: literals, displays of them, results of such operations, and
  module constants known to be still bound to their value (``known``) — builtin types'
  methods run no user code;
* a call of a foldable builtin on builtin values (``len``, ``abs``, ... see
  :data:`astc.evaluate.values.PURE_BUILTINS`), or a call the caller declares evaluable
  (``evaluable``: a stable module function the compile-time evaluator can run on these
  arguments, which proves it runs no user code);
* a plain ``def`` (no decorators; its defaults and annotations are operations), a class
  with no bases, keywords or decorators whose body is made of such statements, an
  assignment to names (unpacking only a tuple or list display), ``pass``,
  ``from __future__ import``, importing from ``builtins`` (always loaded), an ``if``
  whose test and branches are such.

Everything else can run code astc has not analysed: attribute reads (descriptors,
``__getattr__``), other calls (``print`` writes to ``sys.stdout``, which may be any
object), imports, decorators, classes with bases (``__init_subclass__``, metaclasses),
``for``/``while``/``with``/``try``/``del``/``assert``/``raise``, comprehensions, ``await``,
operators on values of unknown type.
"""

from __future__ import annotations

import ast
import builtins
from collections.abc import Callable, Collection, Iterator
from typing import Any

from astc.evaluate.values import PURE_BUILTINS

#: Decides whether a call (of a stable module function) is evaluable at compile time.
Evaluable = Callable[[ast.Call], bool]


def _never(call: ast.Call) -> bool:
    return False


def evaluation_order(node: ast.AST) -> Iterator[ast.AST]:
    """``node`` and everything in it, each after the operands it evaluates first (the
    leaves where no operation runs, ``Load`` and ``+``, may be left out).

    Python's order where it differs from the fields' order: an assignment evaluates its
    value before its targets, a dict each key before its value, a comprehension its
    iterables before its element. Both branches of ``a if t else b`` and every operand of
    ``and``/``or`` are listed (only one may run: listing more is the safe side). Nested
    scopes' bodies are not evaluated where they are written and are not listed.
    Iterative, so that deep expressions cannot exhaust the recursion limit.
    """
    stack: list[tuple[ast.AST, bool]] = [(node, False)]
    while stack:
        current, expanded = stack.pop()
        if expanded:
            yield current
            continue
        stack.append((current, True))
        for child in reversed(_operands(current)):
            stack.append((child, False))


def _operands(node: ast.AST) -> list[ast.AST]:
    simple = _SIMPLE_OPERANDS.get(type(node))
    if simple is not None:
        return simple(node)
    if isinstance(node, ast.Assign):
        return [node.value, *node.targets]
    if isinstance(node, ast.AnnAssign):
        return [n for n in (node.value, node.target, node.annotation) if n is not None]
    if isinstance(node, ast.NamedExpr):
        return [node.value, node.target]
    if isinstance(node, ast.Dict):
        pairs: list[ast.AST] = []
        for key, value in zip(node.keys, node.values, strict=True):
            pairs.extend([value] if key is None else [key, value])
        return pairs
    if isinstance(node, ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp):
        return [node.generators[0].iter]  # the rest runs inside the comprehension's scope
    if isinstance(node, ast.Lambda):
        return [d for d in [*node.args.defaults, *node.args.kw_defaults] if d is not None]
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        a = node.args
        annotations = [
            p.annotation
            for p in [*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg]
            if p is not None and p.annotation is not None
        ]
        returns = [node.returns] if node.returns is not None else []
        defaults = [d for d in [*a.defaults, *a.kw_defaults] if d is not None]
        return [*node.decorator_list, *defaults, *annotations, *returns]
    if isinstance(node, ast.ClassDef):
        return [*node.decorator_list, *node.bases, *node.keywords, *node.body]
    if isinstance(node, ast.If):
        return [node.test, *node.body, *node.orelse]
    if isinstance(node, ast.expr_context | ast.operator | ast.unaryop | ast.cmpop | ast.boolop):
        return []
    return list(ast.iter_child_nodes(node))


#: The most common nodes' operands, by exact type: their child nodes in field order, less
#: the leaves (``Load``, ``+``: no operation runs there), read without the generic walk.
_SIMPLE_OPERANDS: dict[type[ast.AST], Callable[[Any], list[ast.AST]]] = {
    ast.Constant: lambda n: [],
    ast.Name: lambda n: [],
    ast.BinOp: lambda n: [n.left, n.right],
    ast.UnaryOp: lambda n: [n.operand],
    ast.Compare: lambda n: [n.left, *n.comparators],
    ast.Attribute: lambda n: [n.value],
    ast.Subscript: lambda n: [n.value, n.slice],
    ast.Call: lambda n: [n.func, *n.args, *n.keywords],
    ast.Tuple: lambda n: list(n.elts),
    ast.List: lambda n: list(n.elts),
    ast.Expr: lambda n: [n.value],
    ast.keyword: lambda n: [n.value],
    ast.Starred: lambda n: [n.value],
    ast.Return: lambda n: [] if n.value is None else [n.value],
}


class Judge:
    """The rule of the module docstring, for one module.

    ``known``: module constants whose value is known at this point (bound by a statement
    above, with nothing that could rebind them in between). ``shadowed``: builtin names
    the module binds. ``lazy_annotations``: ``from __future__ import annotations`` (then
    annotations are strings, never evaluated).
    """

    def __init__(
        self,
        known: Collection[str],
        shadowed: frozenset[str],
        evaluable: Evaluable = _never,
        lazy_annotations: bool = False,
    ) -> None:
        self.known = known  # never changed here: the caller's may be large and shared
        self._rebound: set[str] = set()
        self.shadowed = shadowed
        self.evaluable = evaluable
        self.lazy_annotations = lazy_annotations
        self._valued: dict[int, tuple[ast.AST, bool]] = {}

    # -- values whose type is a builtin type ---------------------------------------------
    def builtin_valued(self, node: ast.AST) -> bool:
        """Evaluates to a value of a builtin type through operations on builtin values.

        Computed bottom-up and remembered per node, so judging every operation of a deep
        expression costs linear time.
        """
        cache = self._valued
        stack: list[tuple[ast.AST, bool]] = [(node, False)]
        while stack:
            n, operands_done = stack.pop()
            if id(n) in cache:
                continue
            operands = self._value_operands(n)
            if operands_done or operands is None or not operands:
                ok = operands is not None
                for o in operands or ():  # a loop, not all(): no generator per node
                    if not cache[id(o)][1]:
                        ok = False
                        break
                cache[id(n)] = (n, ok)  # the node itself is kept: its id stays its own
                continue
            stack.append((n, True))
            stack.extend([(o, False) for o in operands])
        return cache[id(node)][1]

    def _value_operands(self, n: ast.AST) -> list[ast.AST] | None:
        """The operands whose values decide ``n``'s; None if ``n`` is never a builtin value."""
        simple = _VALUE_OPERANDS.get(type(n))
        if simple is not None:
            return simple(n)
        if isinstance(n, ast.Constant):
            return []
        if isinstance(n, ast.Name):
            return [] if n.id in self.known and n.id not in self._rebound else None
        if isinstance(n, ast.Tuple | ast.List) and isinstance(n.ctx, ast.Load):
            return None if any(isinstance(e, ast.Starred) for e in n.elts) else list(n.elts)
        if isinstance(n, ast.BinOp):
            return [n.left, n.right]
        if isinstance(n, ast.UnaryOp):
            return [n.operand]
        if isinstance(n, ast.BoolOp):
            return list(n.values)
        if isinstance(n, ast.Compare):
            return [n.left, *n.comparators]
        if isinstance(n, ast.IfExp):
            return [n.test, n.body, n.orelse]
        if isinstance(n, ast.Subscript):
            return [n.value, n.slice]
        if isinstance(n, ast.Slice):
            return [p for p in (n.lower, n.upper, n.step) if p is not None]
        if isinstance(n, ast.JoinedStr):
            return list(n.values)
        if isinstance(n, ast.FormattedValue):
            spec: list[ast.AST] = [n.format_spec] if n.format_spec is not None else []
            return [n.value, *spec]
        if isinstance(n, ast.Call) and self._pure_builtin_call(n):
            return list(n.args)
        if isinstance(n, ast.Call) and self.evaluable(n):
            return []  # the evaluator computed it: a literal value
        return None

    def _pure_builtin_call(self, call: ast.Call) -> bool:
        return (
            isinstance(call.func, ast.Name)
            and call.func.id in PURE_BUILTINS
            and call.func.id not in self.shadowed
            and not call.keywords
            and not any(isinstance(a, ast.Starred) for a in call.args)
        )

    # -- one operation -------------------------------------------------------------------
    def operation(self, node: ast.AST) -> str | None:
        """Why this operation (alone) may run unanalysed code; None if it cannot."""
        if type(node) in _NO_OPERATION:  # the commonest, by exact type (the branch below)
            return None
        if isinstance(node, ast.Constant | ast.Name | ast.Lambda | ast.Pass):
            return None
        if isinstance(node, ast.expr_context | ast.operator | ast.unaryop | ast.cmpop):
            return None
        if isinstance(node, ast.boolop | ast.keyword | ast.arguments | ast.arg):
            return None
        if isinstance(node, ast.Tuple | ast.List):
            if any(isinstance(e, ast.Starred) for e in node.elts):
                return "unpacks a value with *"
            return None
        if isinstance(node, ast.BinOp | ast.UnaryOp | ast.Compare | ast.BoolOp | ast.IfExp):
            return None if self.builtin_valued(node) else "an operator on a value of unknown type"
        if isinstance(node, ast.Subscript | ast.Slice | ast.JoinedStr | ast.FormattedValue):
            return None if self.builtin_valued(node) else "subscript or format of an unknown value"
        if isinstance(node, ast.Call):
            if self._pure_builtin_call(node) and all(self.builtin_valued(a) for a in node.args):
                return None
            if self.evaluable(node):
                return None
            return f"calls {ast.unparse(node.func)[:40]}()"
        if isinstance(node, ast.Attribute):
            return "reads an attribute (descriptors and __getattr__ run code)"
        if isinstance(node, ast.Set) or isinstance(node, ast.Dict):
            keys = node.elts if isinstance(node, ast.Set) else node.keys
            return None if all(isinstance(k, ast.Constant) for k in keys) else "hashes values"
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            return "a decorator runs" if node.decorator_list else None
        if isinstance(node, ast.ClassDef):
            if node.decorator_list or node.bases or node.keywords:
                return "a class with bases, keywords or decorators runs their code"
            return None
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Tuple | ast.List) and not isinstance(
                    node.value, ast.Tuple | ast.List
                ):
                    return "unpacks a value of unknown type"
            return None
        if isinstance(node, ast.AnnAssign):
            return None if isinstance(node.target, ast.Name) else "assigns to an attribute or item"
        if isinstance(node, ast.AugAssign):
            return (
                None
                if self.builtin_valued(node.target) and self.builtin_valued(node.value)
                else ("an in-place operator on a value of unknown type")
            )
        if isinstance(node, ast.Expr):
            return None
        if isinstance(node, ast.If):
            return None if self.builtin_valued(node.test) else "a truth test of an unknown value"
        if isinstance(node, ast.ImportFrom) and node.module in ("__future__", "builtins"):
            return None  # a compiler directive; the builtins module (always loaded: rule 2)
        if isinstance(node, ast.Import) and all(a.name == "builtins" for a in node.names):
            return None
        if isinstance(node, ast.Import | ast.ImportFrom):
            return "an import runs the imported module's code"
        if isinstance(node, ast.alias):
            return None
        if isinstance(node, ast.Global | ast.Nonlocal):
            return None
        return f"{type(node).__name__.lower()} statement"

    def first_problem(self, node: ast.AST) -> str | None:
        """The first operation in ``node`` (a statement or expression) that may run code."""
        if isinstance(node, ast.stmt) and not isinstance(node, _COMPOSED):
            why = self.operation(node)  # a loop, `with`, `try`...: say so, not a detail
            if why is not None:
                return why
        skip = _annotation_nodes(node) if self.lazy_annotations else set()
        for op in evaluation_order(node):
            if id(op) in skip:
                continue
            why = self.operation(op)
            if why is not None:
                return why
            if isinstance(op, ast.Name) and isinstance(op.ctx, ast.Store | ast.Del):
                if op.id in self.known and op.id not in self._rebound:
                    self._rebound.add(op.id)  # rebound here: no longer the known constant
                    self._valued.clear()
        return None


#: Nodes whose value operands do not depend on the judge, by exact type (what
#: :meth:`Judge._value_operands` gives them, without its chain of tests).
_VALUE_OPERANDS: dict[type[ast.AST], Callable[[Any], list[ast.AST]]] = {
    ast.Constant: lambda n: [],
    ast.BinOp: lambda n: [n.left, n.right],
    ast.UnaryOp: lambda n: [n.operand],
    ast.BoolOp: lambda n: list(n.values),
    ast.Compare: lambda n: [n.left, *n.comparators],
    ast.IfExp: lambda n: [n.test, n.body, n.orelse],
    ast.Subscript: lambda n: [n.value, n.slice],
}

#: The commonest nodes where no operation runs, by exact type (:meth:`Judge.operation`).
_NO_OPERATION = frozenset({ast.Constant, ast.Name, ast.Pass, ast.Expr, ast.keyword})

#: Statements judged through their parts (the others are judged as a whole first).
_COMPOSED = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.If,
    ast.Assign,
    ast.AnnAssign,
    ast.AugAssign,
    ast.Expr,
)


def _annotation_nodes(root: ast.AST) -> set[int]:
    """Ids of the nodes inside annotations (strings under lazy annotations: not evaluated)."""
    out: set[int] = set()
    for node in ast.walk(root):
        annotations: list[ast.AST] = []
        if isinstance(node, ast.arg) and node.annotation is not None:
            annotations.append(node.annotation)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns:
            annotations.append(node.returns)
        elif isinstance(node, ast.AnnAssign):
            annotations.append(node.annotation)
        for ann in annotations:
            out.update(id(n) for n in ast.walk(ann))
    return out


#: Every builtin name. Loading one the module does not bind cannot fail or run code: a
#: miss in the module's dict, then a hit in the builtins' dict (model rule 2: the
#: builtins are the builtins).
BUILTIN_NAMES = frozenset(vars(builtins))
