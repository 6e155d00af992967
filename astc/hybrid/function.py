"""Hybridize a plain function: freeze what it reads, compile with astc, hand it to Numba.

The function's source and the sources of the module-level Python functions it calls (from
its own module, transitively) become one module, in which the values the function sees now
are fixed: scalar globals and closure values as constants, modules as imports. That module
is compiled by :func:`astc.compile_source` with ``assume_stable=True`` — the user's promise,
made by calling ``hybridize``, that these names are not rebound later — and its function is
the NumPy path; ``numba.njit`` of it is the kernel (checked on first use, see
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
from typing import Any

import numpy as np

from astc.api import compile_source
from astc.diagnostics import Code, Report, ReportEntry
from astc.hybrid.codegen import Generated
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


def _literal(value: Any) -> str | None:
    if isinstance(value, bool | int | str | bytes | type(None)):
        return repr(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else None
    if isinstance(value, tuple) and all(_literal(v) is not None for v in value):
        return "(" + "".join(f"{_literal(v)}, " for v in value) + ")"
    return None


def generate(
    func: types.FunctionType, report: Report, *, fastmath: bool, use_kernel: bool
) -> Generated:
    """The compiled module for ``func``; raises :class:`Refused` when it cannot be built."""
    if inspect.isgeneratorfunction(func) or inspect.iscoroutinefunction(func):
        raise Refused(_where(func), f"{func.__qualname__} is a generator or coroutine")
    imports: dict[str, str] = {}
    constants: dict[str, str] = {}
    arrays: dict[str, np.ndarray] = {}
    opaque: dict[str, Any] = {}
    defs: list[str] = []
    seen: set[str] = {func.__name__}
    closure_values: dict[str, Any] = {}
    if func.__closure__:
        for name, cell in zip(func.__code__.co_freevars, func.__closure__, strict=True):
            try:
                closure_values[name] = cell.cell_contents
            except ValueError:
                raise Refused(_where(func), f"free variable {name!r} is unbound") from None

    def visit(fn: types.FunctionType, values: dict[str, Any]) -> str:
        node = _def_source(fn)
        for name in _global_reads(node):
            if name in seen:
                continue
            seen.add(name)
            if name in values:
                value = values[name]
            elif name in fn.__globals__:
                value = fn.__globals__[name]
            elif hasattr(builtins, name):
                continue
            else:
                raise Refused(_where(fn), f"{fn.__qualname__} reads undefined name {name!r}")
            literal = _literal(value)
            if isinstance(value, types.ModuleType):
                imports[name] = value.__name__
            elif literal is not None:
                constants[name] = literal
            elif (
                isinstance(value, types.FunctionType)
                and value.__module__ == func.__module__
                and not value.__closure__
                and value.__name__ == name
            ):
                defs.append(visit(value, {}))
            elif isinstance(value, np.ndarray):
                arrays[name] = value
            else:
                opaque[name] = value
        return ast.unparse(node)

    main = visit(func, closure_values)
    module = "".join(
        f"import {m} as {alias}\n" if alias != m else f"import {m}\n"
        for alias, m in sorted(imports.items())
    )
    module += "".join(f"{name} = {literal}\n" for name, literal in constants.items())
    module += "".join(f"\n\n{d}\n" for d in [*reversed(defs), main])
    filename = f"<hybridize {func.__qualname__}>"
    result = compile_source(module, filename=filename, options=Options(assume_stable=True))
    if result.code is None:
        raise Refused(_where(func), "; ".join(d.format() for d in result.diagnostics))
    for entry in result.report.entries:
        report.add(entry)
    report.add(
        ReportEntry(
            "hybridize",
            Code.HYBRID_COMPILED,
            True,
            func.__code__.co_firstlineno,
            f"{func.__qualname__}: compiled with {len(constants)} frozen constant(s), "
            f"{len(defs)} helper function(s), {len(arrays)} array(s) by reference",
        )
    )
    spec: dict[str, Any] = {"entry": func.__name__, "kernel": None, "helpers": []}
    if use_kernel:
        # Helpers the passes did not inline are compiled first, so the kernel can call them.
        helpers = [d.name for d in ast.parse(result.code).body if isinstance(d, ast.FunctionDef)]
        spec.update(
            kernel=func.__name__,
            helpers=[h for h in helpers if h != func.__name__],
            fastmath=fastmath,
        )
    return Generated(func.__qualname__, result.code, spec, [], arrays, opaque)
