"""Scope analysis: where every name is bound and read, per scope, following CPython's rules.

Scopes are modules, functions, lambdas, classes and comprehensions. A read is *resolved*
to the scope that binds it the way the compiler does (class scopes are skipped by nested
functions; ``global``/``nonlocal`` redirect bindings), so passes can ask "is ``x`` bound
exactly once in this function and read by a nested scope?" without guessing.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from astc.analysis.walk import CHILD_FIELDS

#: Builtins whose use makes a scope's variables observable or writable by name.
DYNAMIC_BUILTINS = frozenset({"locals", "globals", "vars", "exec", "eval", "dir", "__import__"})

#: Attributes of a function object that change what calling it does.
FUNCTION_STATE = frozenset({"__code__", "__defaults__", "__kwdefaults__"})
#: Attributes that are often a module's globals dict (a function's, a frame's).
MODULE_DICTS = frozenset({"__globals__", "f_globals", "f_locals"})

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


def child_qualname(parent_kind: str, parent: str, name: str) -> str:
    """The qualified name of ``name`` defined in the scope ``parent`` of ``parent_kind``.

    CPython's ``__qualname__`` rule: ``f`` at module level, ``C.m`` in a class,
    ``f.<locals>.g`` in a function or lambda.
    """
    if parent_kind == "module":
        return name
    return parent + (".<locals>." if parent_kind in ("function", "lambda") else ".") + name


@dataclass
class Scope:
    """One scope: its bindings, reads and the features that limit what astc may assume."""

    kind: str  # "module" | "function" | "lambda" | "class" | "comprehension"
    node: ast.AST
    parent: Scope | None
    qualname: str
    bindings: dict[str, list[ast.AST]] = field(default_factory=lambda: defaultdict(list))
    reads: dict[str, list[ast.Name]] = field(default_factory=lambda: defaultdict(list))
    deletes: set[str] = field(default_factory=set)
    declared_global: set[str] = field(default_factory=set)
    declared_nonlocal: set[str] = field(default_factory=set)
    #: Names of this scope read or written by nested scopes (closure cells).
    captured: set[str] = field(default_factory=set)
    #: Dynamic features used directly in this scope (``locals()``, ``exec``...).
    dynamic: set[str] = field(default_factory=set)
    #: Ways this scope may reach a module object's globals (``sys.modules``,
    #: ``import __main__``, ``importlib``, ``f.__globals__``, ``frame.f_globals``): the
    #: module may write its own globals through them, which ``assume_stable`` cannot see.
    module_objects: dict[str, int] = field(default_factory=dict)  # reason -> line
    children: list[Scope] = field(default_factory=list)
    is_generator: bool = False
    is_async: bool = False

    @property
    def params(self) -> list[str]:
        if not isinstance(self.node, FunctionNode | ast.Lambda):
            return []
        a = self.node.args
        names = [p.arg for p in [*a.posonlyargs, *a.args, *a.kwonlyargs]]
        names += [p.arg for p in (a.vararg, a.kwarg) if p is not None]
        return names

    def is_local(self, name: str) -> bool:
        """True if ``name`` is a local variable of this (function-like) scope."""
        if name in self.declared_global or name in self.declared_nonlocal:
            return False
        return name in self.bindings

    def binding_count(self, name: str) -> int:
        return len(self.bindings.get(name, ()))

    def walk(self) -> list[Scope]:
        """This scope and every scope nested in it, in source order."""
        out: list[Scope] = []
        stack: list[Scope] = [self]
        while stack:
            scope = stack.pop()
            out.append(scope)
            stack.extend(reversed(scope.children))
        return out

    def uses_dynamic_features(self) -> bool:
        return any(s.dynamic for s in self.walk())


#: A unit of the builder's work: a node to visit in a scope, or a step to take then
#: (which may give more work, visited before anything already waiting).
_Work = tuple[ast.AST, "Scope"] | Callable[[], "list[_Work] | None"]

#: Leaves with nothing to record (``Load``, ``+``...).
_LEAVES = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)

def _operands(node: ast.AST, scope: Scope) -> list[_Work]:
    """The child nodes of ``node`` but leaves, in order, each to visit in ``scope``."""
    out: list[_Work] = []
    for name in CHILD_FIELDS[type(node)]:
        value = getattr(node, name, None)
        if type(value) is list:
            out.extend([(v, scope) for v in value if isinstance(v, ast.AST)])
        elif isinstance(value, ast.AST):
            out.append((value, scope))
    return out


class _ScopeBuilder:
    """Builds the scope tree in one walk, iteratively (so that no input is too deep for
    it); resolution of free names happens afterwards.

    Each handler gets a node and the scope it is evaluated in, records what the node binds
    or reads, and returns the work that follows, in evaluation order.
    """

    def __init__(self) -> None:
        #: Names the code imports ``sys`` as, and ``<name>.modules`` reads to check
        #: against them once the walk is over (an import may come after the read).
        self.sys_names: set[str] = set()
        self.modules_reads: list[tuple[Scope, str, int]] = []
        #: ``Name`` nodes read as ``<name>.<attribute>`` (not as a value).
        self.sys_attributes: set[int] = set()
        self.computed_writes: list[tuple[Scope, str]] = []

    def finish(self, module: Scope) -> None:
        functions = {
            name
            for name, nodes in module.bindings.items()
            if any(isinstance(n, FunctionNode) for n in nodes)
        }
        for scope, name in self.computed_writes:
            if name in functions:
                scope.dynamic.add(f"sets an attribute of {name} by a computed name")
        for scope, name, line in self.modules_reads:
            if name in self.sys_names:
                scope.module_objects.setdefault("sys.modules", line)
        for scope in module.walk():
            for name in self.sys_names:
                for node in scope.reads.get(name, ()):
                    if id(node) not in self.sys_attributes:
                        # `s = sys`, `getattr(sys, ...)`: its attributes, `modules` among
                        # them, are read where astc does not see which
                        scope.module_objects.setdefault("sys as a value", node.lineno)
                        break

    def run(self, nodes: list[ast.stmt], scope: Scope) -> None:
        stack: list[_Work] = [(n, scope) for n in reversed(nodes)]
        pop, push, extend = stack.pop, stack.append, stack.extend
        handlers, child_fields, node_class = _HANDLERS, CHILD_FIELDS, ast.AST
        while stack:
            item = pop()
            if not isinstance(item, tuple):  # a step
                more = item()
                if more:
                    extend(reversed(more))
                continue
            node, at = item
            node_type = type(node)
            handler = handlers.get(node_type)
            if handler is not None:
                more = handler(self, node, at)
                if more:
                    extend(reversed(more))
                continue
            # Any other node: its operands, last first (so the first is visited first);
            # pushed here rather than listed (most nodes are of no handler's type).
            for name in reversed(child_fields[node_type]):
                value = getattr(node, name, None)
                if type(value) is list:
                    for v in reversed(value):
                        if isinstance(v, node_class):
                            push((v, at))
                elif isinstance(value, node_class):
                    push((value, at))

    # -- helpers ---------------------------------------------------------------
    @staticmethod
    def _bind(scope: Scope, name: str, node: ast.AST) -> None:
        scope.bindings[name].append(node)

    @staticmethod
    def _child(kind: str, node: ast.AST, parent: Scope, name: str) -> Scope:
        qualname = (
            child_qualname(parent.kind, parent.qualname, name)
            if kind in ("function", "class")
            else parent.qualname + name
        )
        child = Scope(kind, node, parent, qualname)
        parent.children.append(child)
        return child

    @staticmethod
    def _arguments(args: ast.arguments, scope: Scope) -> list[_Work]:
        # Defaults and annotations are evaluated in the enclosing scope.
        work: list[_Work] = [(d, scope) for d in [*args.defaults, *args.kw_defaults] if d]
        for a in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
            if a is not None and a.annotation is not None:
                work.append((a.annotation, scope))
        return work

    def _bind_params(self, args: ast.arguments, scope: Scope) -> None:
        for a in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
            if a is not None:
                self._bind(scope, a.arg, a)

    # -- scopes ----------------------------------------------------------------
    def function(self, node: ast.AST, scope: Scope) -> list[_Work]:
        assert isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)

        def enter() -> list[_Work]:
            self._bind(scope, node.name, node)
            child = self._child("function", node, scope, node.name)
            child.is_async = isinstance(node, ast.AsyncFunctionDef)
            self._bind_params(node.args, child)
            return [(stmt, child) for stmt in node.body]

        work: list[_Work] = [(d, scope) for d in node.decorator_list]
        work += self._arguments(node.args, scope)
        if node.returns is not None:
            work.append((node.returns, scope))
        return [*work, enter]

    def lambda_(self, node: ast.AST, scope: Scope) -> list[_Work]:
        assert isinstance(node, ast.Lambda)

        def enter() -> list[_Work]:
            child = self._child("lambda", node, scope, ".<lambda>")
            self._bind_params(node.args, child)
            return [(node.body, child)]

        return [*self._arguments(node.args, scope), enter]

    def class_(self, node: ast.AST, scope: Scope) -> list[_Work]:
        assert isinstance(node, ast.ClassDef)

        def enter() -> list[_Work]:
            self._bind(scope, node.name, node)
            child = self._child("class", node, scope, node.name)
            return [(stmt, child) for stmt in node.body]

        outer = [*node.decorator_list, *node.bases, *(k.value for k in node.keywords)]
        return [*((n, scope) for n in outer), enter]

    def comprehension(self, node: ast.AST, scope: Scope) -> list[_Work]:
        assert isinstance(node, ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp)
        generators = node.generators

        def enter() -> list[_Work]:
            child = self._child("comprehension", node, scope, ".<comp>")
            work: list[_Work] = []
            for i, gen in enumerate(generators):
                if i:
                    work.append((gen.iter, child))
                work.append((gen.target, child))
                work.extend((cond, child) for cond in gen.ifs)
            if isinstance(node, ast.DictComp):
                work += [(node.key, child), (node.value, child)]
            else:
                work.append((node.elt, child))
            return work

        # The first iterable is evaluated in the enclosing scope.
        return [(generators[0].iter, scope), enter]

    # -- names -----------------------------------------------------------------
    def name(self, node: ast.AST, scope: Scope) -> None:
        assert isinstance(node, ast.Name)
        if isinstance(node.ctx, ast.Load):
            scope.reads[node.id].append(node)
            # `super()` and `__class__` mean something else inside a class body's function:
            # code using them never moves into another function.
            if node.id in DYNAMIC_BUILTINS or node.id in ("super", "__class__"):
                scope.dynamic.add(node.id)
        elif isinstance(node.ctx, ast.Del):
            scope.deletes.add(node.id)
            self._bind(scope, node.id, node)
        else:
            self._bind(scope, node.id, node)

    def attribute(self, node: ast.AST, scope: Scope) -> list[_Work]:
        assert isinstance(node, ast.Attribute)
        if node.attr in FUNCTION_STATE and (
            not isinstance(node.ctx, ast.Load) or node.attr == "__kwdefaults__"
        ):
            # `f.__defaults__ = ...`, `f.__kwdefaults__[k] = ...` change what calling `f`
            # does, and no identity guard sees it (the function object is the same).
            # (`f.__code__` and `f.__defaults__` read are immutable objects.)
            scope.dynamic.add(f"changes {node.attr}")
        elif node.attr in ("__set__", "__delete__"):
            scope.dynamic.add(f"calls a descriptor's {node.attr}")  # `__code__.__set__(f, c)`
        elif isinstance(node.value, ast.Name) and node.value.id in self.sys_names:
            self.sys_attributes.add(id(node.value))  # `sys.x`: not sys as a value
            if node.attr == "modules":
                scope.module_objects.setdefault("sys.modules", node.lineno)
        elif isinstance(node.value, ast.Name) and node.attr == "modules":
            self.modules_reads.append((scope, node.value.id, node.lineno))
        if node.attr in MODULE_DICTS:
            # a function's or a frame's globals (a module frame's f_locals too): this
            # module's own dict, often
            scope.module_objects.setdefault(node.attr, node.lineno)
        return [(node.value, scope)]

    def constant(self, node: ast.AST, scope: Scope) -> None:
        assert isinstance(node, ast.Constant)
        value = node.value
        if type(value) is str and len(value) < 16:  # `setattr(f, "__code__", ...)`
            if value in FUNCTION_STATE:
                scope.dynamic.add(f"names {value}")  # `setattr(f, "__code__", c)`
            elif value in MODULE_DICTS or value == "modules":
                scope.module_objects.setdefault(repr(value), node.lineno)

    def call(self, node: ast.AST, scope: Scope) -> list[_Work]:
        assert isinstance(node, ast.Call)
        func, args = node.func, node.args
        if isinstance(func, ast.Name) and func.id in ("setattr", "delattr") and len(args) > 1:
            target, attr = args[0], args[1]
            if not isinstance(attr, ast.Constant) and isinstance(target, ast.Name):
                # `setattr(f, name, value)`: if `f` is a function, `name` may be `__code__`
                self.computed_writes.append((scope, target.id))
        return _operands(node, scope)

    def aug_assign(self, node: ast.AST, scope: Scope) -> list[_Work]:
        assert isinstance(node, ast.AugAssign)
        target = node.target

        def read_target() -> None:
            if isinstance(target, ast.Name):  # `x += 1` reads x, then binds it
                scope.reads[target.id].append(target)

        return [(node.value, scope), read_target, (target, scope)]

    def named_expr(self, node: ast.AST, scope: Scope) -> list[_Work]:
        assert isinstance(node, ast.NamedExpr)

        def bind() -> None:
            # A walrus in a comprehension binds in the nearest enclosing other scope.
            target = scope
            while target.kind == "comprehension" and target.parent is not None:
                target = target.parent
            target.bindings[node.target.id].append(node.target)

        return [(node.value, scope), bind]

    def global_(self, node: ast.AST, scope: Scope) -> None:
        assert isinstance(node, ast.Global)
        scope.declared_global.update(node.names)

    def nonlocal_(self, node: ast.AST, scope: Scope) -> None:
        assert isinstance(node, ast.Nonlocal)
        scope.declared_nonlocal.update(node.names)

    def import_(self, node: ast.AST, scope: Scope) -> None:
        assert isinstance(node, ast.Import)
        for alias in node.names:
            if alias.name == "sys":
                self.sys_names.add(alias.asname or "sys")
            if alias.name in ("__main__", "importlib", "gc") or alias.name.startswith(
                "importlib."
            ):
                scope.module_objects.setdefault(f"import {alias.name}", node.lineno)
            self._bind(scope, alias.asname or alias.name.partition(".")[0], node)

    def import_from(self, node: ast.AST, scope: Scope) -> None:
        assert isinstance(node, ast.ImportFrom)
        if node.module in ("__main__", "importlib", "gc") or (
            node.module is not None and node.module.startswith("importlib.")
        ):
            scope.module_objects.setdefault(f"from {node.module} import", node.lineno)
        elif node.module == "sys" and any(a.name == "modules" for a in node.names):
            scope.module_objects.setdefault("sys.modules", node.lineno)
        for alias in node.names:
            if alias.name == "*":
                scope.dynamic.add("import *")
            else:
                self._bind(scope, alias.asname or alias.name, node)

    def except_handler(self, node: ast.AST, scope: Scope) -> list[_Work]:
        assert isinstance(node, ast.ExceptHandler)

        def bind() -> None:
            if node.name:
                self._bind(scope, node.name, node)
                scope.deletes.add(node.name)  # deleted at the end of the handler

        work: list[_Work] = [(node.type, scope)] if node.type is not None else []
        return [*work, bind, *((stmt, scope) for stmt in node.body)]

    def match_as(self, node: ast.AST, scope: Scope) -> list[_Work]:
        assert isinstance(node, ast.MatchAs)
        name = node.name
        work: list[_Work] = [(node.pattern, scope)] if node.pattern is not None else []
        return [*work, lambda: self._bind(scope, name, node) if name else None]

    def match_star(self, node: ast.AST, scope: Scope) -> None:
        assert isinstance(node, ast.MatchStar)
        if node.name:
            self._bind(scope, node.name, node)

    def match_mapping(self, node: ast.AST, scope: Scope) -> list[_Work]:
        assert isinstance(node, ast.MatchMapping)
        rest = node.rest
        return [*_operands(node, scope), lambda: self._bind(scope, rest, node) if rest else None]

    def suspends(self, node: ast.AST, scope: Scope) -> list[_Work]:
        if isinstance(node, ast.Await):
            scope.is_async = True
        else:
            scope.is_generator = True
        return _operands(node, scope)


_Handler = Callable[[_ScopeBuilder, ast.AST, "Scope"], "list[_Work] | None"]

_HANDLERS: dict[type[ast.AST], _Handler] = {
    ast.FunctionDef: _ScopeBuilder.function,
    ast.AsyncFunctionDef: _ScopeBuilder.function,
    ast.Lambda: _ScopeBuilder.lambda_,
    ast.ClassDef: _ScopeBuilder.class_,
    ast.ListComp: _ScopeBuilder.comprehension,
    ast.SetComp: _ScopeBuilder.comprehension,
    ast.GeneratorExp: _ScopeBuilder.comprehension,
    ast.DictComp: _ScopeBuilder.comprehension,
    ast.Name: _ScopeBuilder.name,
    ast.Attribute: _ScopeBuilder.attribute,
    ast.Constant: _ScopeBuilder.constant,
    ast.Call: _ScopeBuilder.call,
    ast.AugAssign: _ScopeBuilder.aug_assign,
    ast.NamedExpr: _ScopeBuilder.named_expr,
    ast.Global: _ScopeBuilder.global_,
    ast.Nonlocal: _ScopeBuilder.nonlocal_,
    ast.Import: _ScopeBuilder.import_,
    ast.ImportFrom: _ScopeBuilder.import_from,
    ast.ExceptHandler: _ScopeBuilder.except_handler,
    ast.MatchAs: _ScopeBuilder.match_as,
    ast.MatchStar: _ScopeBuilder.match_star,
    ast.MatchMapping: _ScopeBuilder.match_mapping,
    ast.Yield: _ScopeBuilder.suspends,
    ast.YieldFrom: _ScopeBuilder.suspends,
    ast.Await: _ScopeBuilder.suspends,
}


def _resolve(root: Scope, module: Scope) -> None:
    """Mark names captured by nested scopes; route ``global`` writes to the module."""
    for scope in root.walk():
        _resolve_one(scope, module)


def _resolve_one(scope: Scope, module: Scope) -> None:
    for name in scope.declared_global:
        for node in scope.bindings.get(name, []):
            module.bindings[name].append(node)
    for name in scope.declared_nonlocal:
        owner = _enclosing_binder(scope.parent, name)
        if owner is not None:
            owner.captured.add(name)
            owner.bindings[name].extend(scope.bindings.get(name, []))
    if scope.kind != "module":
        free = [n for n in scope.reads if not scope.is_local(n) or scope.kind == "class"]
        for name in free:
            if scope.kind == "class" and scope.is_local(name):
                continue
            if name in scope.declared_global:
                continue
            owner = _enclosing_binder(scope.parent, name)
            if owner is not None:
                owner.captured.add(name)


def _enclosing_binder(scope: Scope | None, name: str) -> Scope | None:
    """The nearest enclosing function-like scope binding ``name`` (class scopes are skipped)."""
    while scope is not None and scope.kind != "module":
        if scope.kind != "class" and scope.is_local(name):
            return scope
        scope = scope.parent
    return None


def analyze(tree: ast.Module) -> Scope:
    """Build and resolve the scope tree of a module."""
    module = Scope("module", tree, None, "")
    builder = _ScopeBuilder()
    builder.run(list(tree.body), module)
    builder.finish(module)
    _resolve(module, module)
    return module


def function_scopes(module: Scope) -> dict[str, Scope]:
    """Function scopes by qualified name; a name defined twice maps to neither (ambiguous)."""
    found: dict[str, Scope] = {}
    dupes: set[str] = set()
    for scope in module.walk():
        if scope.kind == "function":
            if scope.qualname in found:
                dupes.add(scope.qualname)
            found[scope.qualname] = scope
    for name in dupes:
        del found[name]
    return found
