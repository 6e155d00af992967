"""Scope analysis: where every name is bound and read, per scope, following CPython's rules.

Scopes are modules, functions, lambdas, classes and comprehensions. A read is *resolved*
to the scope that binds it the way the compiler does (class scopes are skipped by nested
functions; ``global``/``nonlocal`` redirect bindings), so passes can ask "is ``x`` bound
exactly once in this function and read by a nested scope?" without guessing.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass, field

#: Builtins whose use makes a scope's variables observable or writable by name.
DYNAMIC_BUILTINS = frozenset({"locals", "globals", "vars", "exec", "eval", "dir", "__import__"})

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
    children: list[Scope] = field(default_factory=list)
    is_generator: bool = False
    is_async: bool = False
    star_import: bool = False

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
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out

    def uses_dynamic_features(self) -> bool:
        return bool(self.dynamic) or any(c.uses_dynamic_features() for c in self.children)


class _ScopeBuilder(ast.NodeVisitor):
    """Builds the scope tree in one walk; resolution of free names happens afterwards."""

    def __init__(self, root: Scope) -> None:
        self.scope = root

    # -- helpers ---------------------------------------------------------------
    def _bind(self, name: str, node: ast.AST) -> None:
        self.scope.bindings[name].append(node)

    def _enter(self, kind: str, node: ast.AST, name: str, body: list[ast.AST]) -> Scope:
        parent = self.scope
        child = Scope(kind, node, parent, child_qualname(parent.kind, parent.qualname, name))
        parent.children.append(child)
        self.scope = child
        for stmt in body:
            self.visit(stmt)
        self.scope = parent
        return child

    def _visit_arguments(self, args: ast.arguments) -> None:
        # Defaults and annotations are evaluated in the enclosing scope.
        for d in [*args.defaults, *args.kw_defaults]:
            if d is not None:
                self.visit(d)
        for a in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
            if a is not None and a.annotation is not None:
                self.visit(a.annotation)

    def _bind_params(self, args: ast.arguments) -> None:
        for a in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
            if a is not None:
                self._bind(a.arg, a)

    # -- scopes ----------------------------------------------------------------
    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for d in node.decorator_list:
            self.visit(d)
        self._visit_arguments(node.args)
        if node.returns is not None:
            self.visit(node.returns)
        self._bind(node.name, node)
        parent = self.scope
        child = Scope(
            "function", node, parent, child_qualname(parent.kind, parent.qualname, node.name)
        )
        child.is_async = isinstance(node, ast.AsyncFunctionDef)
        parent.children.append(child)
        self.scope = child
        self._bind_params(node.args)
        for stmt in node.body:
            self.visit(stmt)
        self.scope = parent

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self._visit_arguments(node.args)
        parent = self.scope
        child = Scope("lambda", node, parent, parent.qualname + ".<lambda>")
        parent.children.append(child)
        self.scope = child
        self._bind_params(node.args)
        self.visit(node.body)
        self.scope = parent

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for d in node.decorator_list:
            self.visit(d)
        for b in node.bases:
            self.visit(b)
        for k in node.keywords:
            self.visit(k.value)
        self._bind(node.name, node)
        self._enter("class", node, node.name, list(node.body))

    def _visit_comprehension(
        self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp
    ) -> None:
        generators = node.generators
        # The first iterable is evaluated in the enclosing scope.
        self.visit(generators[0].iter)
        parent = self.scope
        child = Scope("comprehension", node, parent, parent.qualname + ".<comp>")
        parent.children.append(child)
        self.scope = child
        for i, gen in enumerate(generators):
            if i:
                self.visit(gen.iter)
            self.visit(gen.target)
            for cond in gen.ifs:
                self.visit(cond)
        if isinstance(node, ast.DictComp):
            self.visit(node.key)
            self.visit(node.value)
        else:
            self.visit(node.elt)
        self.scope = parent

    visit_ListComp = visit_SetComp = visit_GeneratorExp = visit_DictComp = _visit_comprehension

    # -- names -----------------------------------------------------------------
    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load):
            self.scope.reads[node.id].append(node)
            # `super()` and `__class__` mean something else inside a class body's function:
            # code using them never moves into another function.
            if node.id in DYNAMIC_BUILTINS or node.id in ("super", "__class__"):
                self.scope.dynamic.add(node.id)
        elif isinstance(node.ctx, ast.Del):
            self.scope.deletes.add(node.id)
            self._bind(node.id, node)
        else:
            self._bind(node.id, node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self.visit(node.value)
        if isinstance(node.target, ast.Name):  # `x += 1` reads x, then binds it
            self.scope.reads[node.target.id].append(node.target)
        self.visit(node.target)

    def visit_NamedExpr(self, node: ast.NamedExpr) -> None:
        self.visit(node.value)
        # A walrus inside a comprehension binds in the nearest enclosing non-comprehension scope.
        target = self.scope
        while target.kind == "comprehension" and target.parent is not None:
            target = target.parent
        target.bindings[node.target.id].append(node.target)

    def visit_Global(self, node: ast.Global) -> None:
        self.scope.declared_global.update(node.names)

    def visit_Nonlocal(self, node: ast.Nonlocal) -> None:
        self.scope.declared_nonlocal.update(node.names)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._bind(alias.asname or alias.name.partition(".")[0], node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        for alias in node.names:
            if alias.name == "*":
                self.scope.star_import = True
                self.scope.dynamic.add("import *")
            else:
                self._bind(alias.asname or alias.name, node)

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.type is not None:
            self.visit(node.type)
        if node.name:
            self._bind(node.name, node)
            self.scope.deletes.add(node.name)  # the name is deleted at the end of the handler
        for stmt in node.body:
            self.visit(stmt)

    def visit_MatchAs(self, node: ast.MatchAs) -> None:
        if node.pattern is not None:
            self.visit(node.pattern)
        if node.name:
            self._bind(node.name, node)

    def visit_MatchStar(self, node: ast.MatchStar) -> None:
        if node.name:
            self._bind(node.name, node)

    def visit_MatchMapping(self, node: ast.MatchMapping) -> None:
        self.generic_visit(node)
        if node.rest:
            self._bind(node.rest, node)

    def visit_Yield(self, node: ast.Yield) -> None:
        self.scope.is_generator = True
        self.generic_visit(node)

    def visit_YieldFrom(self, node: ast.YieldFrom) -> None:
        self.scope.is_generator = True
        self.generic_visit(node)

    def visit_Await(self, node: ast.Await) -> None:
        self.scope.is_async = True
        self.generic_visit(node)


def _resolve(scope: Scope, module: Scope) -> None:
    """Mark names captured by nested scopes; route ``global`` writes to the module."""
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
    for child in scope.children:
        _resolve(child, module)


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
    builder = _ScopeBuilder(module)
    for stmt in tree.body:
        builder.visit(stmt)
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
