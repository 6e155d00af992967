"""Which module functions are candidates for Numba kernels, and why the others are not.

Modes (``Options.kernels``): ``off`` (nothing, markers are still stripped), ``explicit``
(the default: ``@astc.kernel`` / ``@astc.kernel(target=..., parallel=..., fastmath=...)``,
a ``# astc: kernel`` comment on the ``def`` line or the line above it, and names listed
in ``[tool.astc.kernels] functions``), ``auto`` (explicit ones plus every top-level
function that passes the exactness analysis of :mod:`astc.backends.analysis`), and
``profile`` (explicit ones plus exact functions that took at least :data:`HOT_FRACTION`
of the run time in the profile file written by ``astc profile``). Only top-level, plain,
non-generator ``def`` s can be kernels. Each refusal carries its own code (docs/kernels.md).
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from astc import generated
from astc.diagnostics import Code

KERNEL_COMMENT = re.compile(r"#\s*astc:\s*kernel\b")
#: Profile mode: a function is hot when its cumulative time is at least this share.
HOT_FRACTION = 0.02
TARGETS = ("cpu", "cuda")


@dataclass(frozen=True)
class Choice:
    """A function handed to Numba, with its options and how it was chosen."""

    name: str
    line: int
    how: str  # "explicit" | "auto" | "profile"
    target: str = "cpu"
    parallel: bool = False
    fastmath: bool = False


@dataclass(frozen=True)
class Refused:
    """A function considered and not chosen (or a problem of the configuration)."""

    name: str
    line: int
    code: Code
    message: str


@dataclass
class Selection:
    chosen: dict[str, Choice] = field(default_factory=dict)
    refused: list[Refused] = field(default_factory=list)
    #: Decorators to strip: (function name, decorator index) — astc markers.
    markers: dict[str, list[int]] = field(default_factory=dict)
    #: Local names bound to the astc module or its ``kernel`` function.
    astc_names: set[str] = field(default_factory=set)


def astc_aliases(tree: ast.Module) -> tuple[set[str], set[str]]:
    """Names bound to the ``astc`` module, and to ``astc.kernel``, at top level."""
    modules: set[str] = set()
    kernels: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name == "astc":
                    modules.add(a.asname or "astc")
        elif isinstance(node, ast.ImportFrom) and node.module == "astc" and not node.level:
            for a in node.names:
                if a.name == "kernel":
                    kernels.add(a.asname or "kernel")
    return modules, kernels


def _marker(dec: ast.expr, modules: set[str], kernels: set[str]) -> ast.expr | None:
    """The marker expression (``astc.kernel`` or a call of it), or None."""
    func = dec.func if isinstance(dec, ast.Call) else dec
    if isinstance(func, ast.Name) and func.id in kernels:
        return dec
    if (
        isinstance(func, ast.Attribute)
        and func.attr == "kernel"
        and isinstance(func.value, ast.Name)
        and func.value.id in modules
    ):
        return dec
    return None


def _marker_options(dec: ast.expr, default_target: str) -> tuple[dict[str, object], str | None]:
    opts: dict[str, object] = {"target": default_target, "parallel": False, "fastmath": False}
    if not isinstance(dec, ast.Call):
        return opts, None
    if dec.args:
        return opts, "astc.kernel takes keyword arguments only"
    for kw in dec.keywords:
        if kw.arg not in opts:
            return opts, f"unknown astc.kernel option `{kw.arg}`"
        try:
            value = ast.literal_eval(kw.value)
        except ValueError:
            return opts, f"astc.kernel option `{kw.arg}` must be a literal"
        opts[kw.arg] = value
    if opts["target"] not in TARGETS:
        return opts, f"unknown target {opts['target']!r} (known: {', '.join(TARGETS)})"
    return opts, None


def module_aliases(tree: ast.Module) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """Top-level ``import numpy as np`` / ``import math`` (local name -> module), and
    ``from numpy import empty_like`` (local name -> (module, name))."""
    modules: dict[str, str] = {}
    imported: dict[str, tuple[str, str]] = {}
    for node in tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in ("numpy", "math"):
                    modules[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module in ("numpy", "math"):
            if node.level:
                continue
            for alias in node.names:
                if alias.name != "*":
                    imported[alias.asname or alias.name] = (node.module, alias.name)
    return modules, imported


def list_refusal(
    fn: ast.FunctionDef,
    modules: dict[str, str],
    imported: dict[str, tuple[str, str]],
    helpers: dict[str, ast.FunctionDef],
) -> str | None:
    """Parameters used as containers (indexed, ``len``) and no sign of NumPy in the
    function or its helpers (no NumPy name, no ``.shape``-style attribute, no
    ``a[i, j]``): probably lists, which a kernel would only hand back to the plain
    function, a little slower. Iterating over a parameter (``for x in a``) is no such
    sign: arrays are iterated as often, and a list there costs the dispatcher one type
    test before the plain function runs (its parameter is exact only as an array)."""
    params = {a.arg for a in [*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs]}
    containers = False
    numpy_names = {k for k, v in modules.items() if v == "numpy"} | {
        k for k, (m, _) in imported.items() if m == "numpy"
    }
    seen: set[str] = set()
    todo = [fn]
    while todo:
        current = todo.pop()
        for n in ast.walk(current):
            if isinstance(n, ast.Attribute) and n.attr in ("shape", "size", "ndim", "T", "dtype"):
                return None
            if isinstance(n, ast.Subscript) and isinstance(n.slice, ast.Tuple):
                return None
            if isinstance(n, ast.Name) and n.id in numpy_names:
                return None
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name):
                if n.func.id in helpers and n.func.id not in seen:
                    seen.add(n.func.id)
                    todo.append(helpers[n.func.id])
        if current is fn:
            for n in ast.walk(fn):
                if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name):
                    containers = containers or n.value.id in params
                if (
                    isinstance(n, ast.Call)
                    and isinstance(n.func, ast.Name)
                    and n.func.id == "len"
                    and n.args
                    and isinstance(n.args[0], ast.Name)
                ):
                    containers = containers or n.args[0].id in params
    if containers:
        return (
            "indexes its parameters but shows no sign of NumPy: probably lists, which "
            "Numba would hand back to the plain function"
        )
    return None


def _structural_refusal(node: ast.stmt) -> str | None:
    if isinstance(node, ast.AsyncFunctionDef):
        return "a coroutine function"
    assert isinstance(node, ast.FunctionDef)
    for n in ast.walk(node):
        if isinstance(n, ast.Yield | ast.YieldFrom):
            return "a generator"
        if n is not node and isinstance(n, ast.ClassDef | ast.AsyncFunctionDef):
            return "defines a nested class or coroutine"
        if isinstance(n, ast.Global | ast.Nonlocal):
            return "declares global/nonlocal names"
    return None


def _hot_functions(profile: str, filename: str) -> tuple[dict[str, float], str | None]:
    """Function name -> share of total time, for functions of ``filename``."""
    try:
        data = json.loads(Path(profile).read_text(encoding="utf-8"))
        total = float(data["total_s"]) or 1.0
        entries = data["functions"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        return {}, f"cannot read profile {profile}: {error}"
    target = Path(filename).name
    resolved = str(Path(filename).resolve()) if Path(filename).exists() else None
    out: dict[str, float] = {}
    for entry in entries:
        file = str(entry.get("file", ""))
        if file != resolved and Path(file).name != target:
            continue
        share = float(entry.get("cumtime_s", 0.0)) / total
        name = str(entry.get("function", ""))
        out[name] = max(out.get(name, 0.0), share)
    return out, None


def _binding_counts(tree: ast.Module) -> dict[str, int]:
    """How often each module name is bound at top level (a kernel must be bound once);
    the bodies of functions and classes bind nothing at module level."""
    counts: dict[str, int] = {}
    todo: list[ast.AST] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            counts[node.name] = counts.get(node.name, 0) + 1
            todo.extend(node.decorator_list)
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            counts[node.id] = counts.get(node.id, 0) + 1
        todo.extend(ast.iter_child_nodes(node))
    return counts


def _explicit(
    defs: list[ast.FunctionDef | ast.AsyncFunctionDef],
    lines: list[str],
    listed: tuple[str, ...],
    sel: Selection,
    modules: set[str],
    kernels: set[str],
) -> set[str]:
    """Functions marked by a decorator, a ``# astc: kernel`` comment or the configuration;
    the decorators to strip go into ``sel.markers``."""
    names: set[str] = set()
    for node in defs:
        markers = [
            i for i, d in enumerate(node.decorator_list) if _marker(d, modules, kernels) is not None
        ]
        if markers:
            sel.markers[node.name] = markers
        commented = any(
            KERNEL_COMMENT.search(lines[ln - 1])
            for ln in (node.lineno - 1, node.lineno)
            if 0 < ln <= len(lines)
        )
        if markers or commented or node.name in listed:
            names.add(node.name)
    return names


@dataclass(frozen=True)
class _Context:
    mode: str
    target: str
    explicit: set[str]
    counts: dict[str, int]
    hot: dict[str, float]
    modules: dict[str, str]
    imported: dict[str, tuple[str, str]]
    helpers: dict[str, ast.FunctionDef]


def _judge(
    node: ast.FunctionDef | ast.AsyncFunctionDef, sel: Selection, at: _Context
) -> Choice | Refused:
    """The kernel ``node`` becomes, or why not (before the exactness analysis)."""
    name = node.name
    explicit = name in at.explicit
    opts: dict[str, object] = {"target": at.target, "parallel": False, "fastmath": False}
    for i in sel.markers.get(name, []):
        opts, problem = _marker_options(node.decorator_list[i], at.target)
        if problem is not None:
            return Refused(name, node.lineno, Code.KERNEL_MARKER, problem)
    problem = None
    if len(node.decorator_list) > len(sel.markers.get(name, [])):
        problem = "has other decorators (a kernel must be a plain def)"
    problem = problem or _structural_refusal(node)
    if problem is None and at.counts.get(name, 0) > 1:
        problem = f"`{name}` is bound more than once in the module"
    if problem is not None:
        return Refused(name, node.lineno, Code.KERNEL_REFUSED, problem)
    if not explicit:
        assert isinstance(node, ast.FunctionDef)
        share = at.hot.get(name, 0.0)
        if at.mode == "profile" and share < HOT_FRACTION:
            why = f"not hot in the profile ({share:.1%} of the run < {HOT_FRACTION:.0%})"
            return Refused(name, node.lineno, Code.KERNEL_NOT_HOT, why)
        lists = list_refusal(node, at.modules, at.imported, at.helpers)
        if lists is not None:
            return Refused(name, node.lineno, Code.KERNEL_LISTS, lists)
    return Choice(
        name,
        node.lineno,
        "explicit" if explicit else at.mode,
        str(opts["target"]),
        bool(opts["parallel"]),
        bool(opts["fastmath"]),
    )


def select(
    tree: ast.Module,
    lines: list[str],
    *,
    mode: str,
    target: str,
    listed: tuple[str, ...] = (),
    profile: str | None = None,
    filename: str = "<string>",
) -> Selection:
    """Decide, for each top-level function, whether it becomes a kernel."""
    sel = Selection()
    mods, kern = astc_aliases(tree)
    sel.astc_names = mods | kern
    modules, imported = module_aliases(tree)
    defs = [n for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    hot: dict[str, float] = {}
    if mode == "profile" and profile is not None:
        hot, unreadable = _hot_functions(profile, filename)
        if unreadable is not None:
            sel.refused.append(Refused("<module>", 1, Code.KERNEL_MARKER, unreadable))
    explicit = _explicit(defs, lines, listed, sel, mods, kern)
    if mode == "off" or (not explicit and mode not in ("auto", "profile")):
        return sel  # nothing to judge (the common case: no marker, no auto mode)
    helpers = {n.name: n for n in defs if isinstance(n, ast.FunctionDef)}
    at = _Context(mode, target, explicit, _binding_counts(tree), hot, modules, imported, helpers)
    for node in defs:
        if generated.is_generated(node.name) or mode == "off":
            continue
        if node.name not in explicit and mode not in ("auto", "profile"):
            continue
        verdict = _judge(node, sel, at)
        if isinstance(verdict, Refused):
            sel.refused.append(verdict)
        else:
            sel.chosen[node.name] = verdict
    return sel
