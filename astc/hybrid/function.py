"""Hybridize a plain function: freeze what it reads, compile with astc, hand it to Numba.

The function's source and the sources of the module-level Python functions it calls (from
its own module, transitively) become one module, in which the values the function sees now
are fixed: scalar globals and closure values as constants, modules as imports. That module
is compiled by :func:`astc.compile_source` with ``assume_stable=True`` — the user's promise,
made by calling ``hybridize``, that these names are not rebound later — and its function is
the NumPy path. The kernel is ``numba.njit`` of a second copy of that module, run in its own
namespace, with number literals typed as NumPy 2 types them and row reductions and ``@`` as
loops (:func:`astc.hybrid.lower.lower_module`), checked on first use (see
:mod:`astc.hybrid._runtime`).

Other values the function reads (arrays, classes, functions from other modules) are bound
by identity: an array updated in place is seen, a rebound name is not.
"""

from __future__ import annotations

import ast
import builtins
import inspect
import math
import textwrap
import types
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from astc.api import compile_source
from astc.diagnostics import Code, Report
from astc.hybrid import templates
from astc.hybrid.codegen import Generated, entry
from astc.hybrid.lower import lower_module
from astc.hybrid.trace import Refused
from astc.options import Options


def _where(func: types.FunctionType) -> str:
    return f"{func.__code__.co_filename}:{func.__code__.co_firstlineno}"


def _def_source(func: types.FunctionType) -> ast.FunctionDef:
    try:
        source = textwrap.dedent(inspect.getsource(func))
    except (OSError, TypeError):
        raise Refused(_where(func), f"no source for {func.__qualname__}") from None
    tree = ast.parse(source)
    node = tree.body[0] if tree.body else None
    if not isinstance(node, ast.FunctionDef) or node.name != func.__code__.co_name:
        raise Refused(_where(func), f"{func.__qualname__} is not a plain def (lambda or async?)")
    node.decorator_list = []  # ``func`` is this def's own function object (same code name)
    return node


def _global_reads(node: ast.FunctionDef) -> list[str]:
    """Names the function reads that are not its locals (in order of first use)."""
    local: set[str] = {a.arg for a in ast.walk(node.args) if isinstance(a, ast.arg)}
    declared_global: set[str] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store | ast.Del):
            local.add(sub.id)
        elif isinstance(sub, ast.Global | ast.Nonlocal):
            declared_global.update(sub.names)
        elif (
            isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
            and sub is not node
        ):
            local.add(sub.name)
    if declared_global:
        raise Refused(f"<{node.name}>", f"{node.name} declares global/nonlocal names")
    reads = [
        sub.id
        for sub in ast.walk(node)
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Load) and sub.id not in local
    ]
    return list(dict.fromkeys(reads))


def _literal(value: Any) -> ast.expr | None:
    """``value`` as a literal, when it is a scalar (finite float) or a tuple of them."""
    if isinstance(value, bool | int | str | bytes | type(None)):
        return ast.Constant(value)
    if isinstance(value, float):
        return ast.Constant(value) if math.isfinite(value) else None
    if isinstance(value, tuple):
        items = [_literal(v) for v in value]
        if all(i is not None for i in items):
            return ast.Tuple([i for i in items if i is not None], ast.Load())
    return None


@dataclass
class _Reads:
    """What the function and its helpers read, sorted by how the module binds it."""

    func: types.FunctionType
    imports: dict[str, str] = field(default_factory=dict)  # alias -> module
    constants: dict[str, ast.expr] = field(default_factory=dict)
    arrays: dict[str, np.ndarray] = field(default_factory=dict)
    opaque: dict[str, Any] = field(default_factory=dict)
    defs: list[ast.FunctionDef] = field(default_factory=list)  # helpers, callees first
    seen: set[str] = field(default_factory=set)

    def visit(self, fn: types.FunctionType, values: dict[str, Any]) -> ast.FunctionDef:
        """``fn``'s definition; binds every name it reads (helpers visited on the way)."""
        node = _def_source(fn)
        for name in _global_reads(node):
            if name in self.seen:
                continue
            self.seen.add(name)
            if name in values:
                self._bind(name, values[name])
            elif name in fn.__globals__:
                self._bind(name, fn.__globals__[name])
            elif not hasattr(builtins, name):
                raise Refused(_where(fn), f"{fn.__qualname__} reads undefined name {name!r}")
        return node

    def _bind(self, name: str, value: Any) -> None:
        literal = _literal(value)
        if isinstance(value, types.ModuleType):
            self.imports[name] = value.__name__
        elif literal is not None:
            self.constants[name] = literal
        elif (
            isinstance(value, types.FunctionType)
            and value.__module__ == self.func.__module__
            and not value.__closure__
            and value.__name__ == name
        ):
            self.defs.insert(0, self.visit(value, {}))
        elif isinstance(value, np.ndarray):
            self.arrays[name] = value
        else:
            self.opaque[name] = value

    def module(self, main: ast.FunctionDef) -> str:
        """The module: imports, frozen constants, helpers, then the function."""
        constants = [templates.assign(n, v) for n, v in self.constants.items()]
        body = [*templates.imports(self.imports), *constants, *self.defs, main]
        return ast.unparse(templates.module(body)) + "\n"


def _closure_values(func: types.FunctionType) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, cell in zip(func.__code__.co_freevars, func.__closure__ or (), strict=True):
        try:
            values[name] = cell.cell_contents
        except ValueError:
            raise Refused(_where(func), f"free variable {name!r} is unbound") from None
    return values


def generate(
    func: types.FunctionType, report: Report, *, fastmath: bool, use_kernel: bool
) -> Generated:
    """The compiled module for ``func``; raises :class:`Refused` when it cannot be built."""
    if inspect.isgeneratorfunction(func) or inspect.iscoroutinefunction(func):
        raise Refused(_where(func), f"{func.__qualname__} is a generator or coroutine")
    reads = _Reads(func, seen={func.__name__})
    module = reads.module(reads.visit(func, _closure_values(func)))
    filename = f"<hybridize {func.__qualname__}>"
    result = compile_source(module, filename=filename, options=Options(assume_stable=True))
    if result.code is None:
        raise Refused(_where(func), "; ".join(d.format() for d in result.diagnostics))
    for item in result.report.entries:
        report.add(item)
    report.add(
        entry(
            Code.HYBRID_COMPILED,
            f"{func.__qualname__}: compiled with {len(reads.constants)} frozen constant(s), "
            f"{len(reads.defs)} helper function(s), {len(reads.arrays)} array(s) by reference",
            line=func.__code__.co_firstlineno,
        )
    )
    spec: dict[str, Any] = {"entry": func.__name__, "kernel": None}
    kernel = None
    if use_kernel:
        kernel = _kernel(func, result.code, reads.imports, spec, report, fastmath)
    return Generated(func.__qualname__, result.code, kernel, spec, [], reads.arrays, reads.opaque)


def _kernel(
    func: types.FunctionType,
    code: str,
    imports: dict[str, str],
    spec: dict[str, Any],
    report: Report,
    fastmath: bool,
) -> str:
    """The kernel module's source; fills in ``spec``'s kernel fields and the report."""
    lowered = lower_module(ast.parse(code), imports)
    tree = templates.module([*lowered.body, *lowered.helpers.values()])
    # Every other function (helpers the passes did not inline, loop helpers) is compiled
    # first, so that the kernel calls the compiled ones.
    defs = [d.name for d in tree.body if isinstance(d, ast.FunctionDef)]
    spec.update(
        kernel=func.__name__,
        helpers=[h for h in defs if h != func.__name__],
        fastmath=fastmath,
        mutates=lowered.mutates,
    )
    for item in lowered.entries():
        report.add(item)
    header = f"# {func.__qualname__}: the Numba version (see astc.hybrid.lower).\n"
    return header + ast.unparse(tree) + "\n"
