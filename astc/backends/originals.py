"""The ``def`` s kernels are built from: the module's original functions, with every
guarded call site (:mod:`astc.guards`) replaced by its fast path.

Kernels are lowered from the source as the user wrote it, which has no guards, except
when that source is astc output compiled again (with ``--kernels off`` the first time).
A guard such as ``(a + b if add is _astc_add else add(a, b))`` cannot be typed by Numba;
the kernel takes every fast path instead, and the dispatcher checks the same names once
per call before entering Numba (nopython code cannot run Python code, so nothing inside
the kernel can rebind them; see ``guards.fast_paths``).
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

import libcst as cst

from astc.guards import PREFIX, fast_paths


def _has_guard(fn: ast.FunctionDef) -> bool:
    return any(
        isinstance(n, ast.Compare)
        and any(isinstance(op, ast.Is) for op in n.ops)
        and any(isinstance(c, ast.Name) and c.id.startswith(PREFIX) for c in n.comparators)
        for n in ast.walk(fn)
    )


def fast_def(fn: ast.FunctionDef, lines: list[str]) -> tuple[ast.FunctionDef, list[str]]:
    """``fn`` with its guarded sites replaced by their fast paths, and the guarded names
    (``fn`` itself and ``[]`` when it has none). Line numbers are the original's."""
    if not _has_guard(fn):
        return fn, []
    first = min([fn.lineno, *(d.lineno for d in fn.decorator_list)])
    end = fn.end_lineno or fn.lineno
    text = "".join(lines[first - 1 : end])
    try:
        parsed = cst.parse_module(text)
    except cst.ParserSyntaxError:
        return fn, []
    node = parsed.body[0] if parsed.body else None
    if not isinstance(node, cst.FunctionDef):
        return fn, []
    fast, names = fast_paths(node)
    if not names:
        return fn, []
    tree = ast.parse(parsed.with_changes(body=[fast]).code)
    ast.increment_lineno(tree, first - 1)
    new = tree.body[0]
    assert isinstance(new, ast.FunctionDef)
    return new, names


def fast_defs(
    functions: Mapping[str, ast.FunctionDef], lines: list[str]
) -> tuple[dict[str, ast.FunctionDef], dict[str, list[str]]]:
    """:func:`fast_def` of every function: the defs, and the guarded names of each."""
    defs: dict[str, ast.FunctionDef] = {}
    guarded: dict[str, list[str]] = {}
    for name, fn in functions.items():
        defs[name], names = fast_def(fn, lines)
        if names:
            guarded[name] = names
    return defs, guarded
