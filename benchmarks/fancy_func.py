"""The seed example: ``fancy_func`` built from three calls to ``add``.

Two comparisons, each timed side by side in one run:

* per-call time of ``fancy_func(1, 2, 3, 4)`` in the original module, the astc-compiled
  module (default options: guarded inlining; and ``assume_stable=True``: unguarded), and a
  hand-inlined reference ``return a + b + (c + d)``;
* the module-level call site: the original evaluates ``fancy_func(1, 2, 3, 4)`` where the
  compiled module should print a folded constant; the argument of the module-level
  ``print(...)`` is extracted from each compiled module and timed in that module's globals.

Every statement is timed as ``_ = <expr>`` so that a constant is stored, not elided, and all
variants carry the same ``timeit`` loop overhead (measured and printed as a note).
"""

from __future__ import annotations

import ast
import contextlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks._astc import AstcUnavailable, describe_failure, load_astc, make_options
from benchmarks._core import BenchConfig, BenchResult, Table, fmt_ns, fmt_ratio
from benchmarks._timing import Variant, time_variants

#: The chapter's example, as shipped in samples/.
SEED_SOURCE = (Path(__file__).resolve().parent.parent / "samples" / "fancy_func.py").read_text()

HAND_INLINED_SOURCE = """\
def fancy_func(a, b, c, d):
    return a + b + (c + d)
"""

CALL_EXPR = "fancy_func(1, 2, 3, 4)"
EXPECTED = 10


@dataclass
class LoadedModule:
    """A module's source executed into its own namespace, with what it printed."""

    label: str
    source: str
    namespace: dict[str, Any]
    stdout: str


def exec_module(label: str, source: str, name: str) -> LoadedModule:
    """Compile and run ``source`` as module ``name`` in a fresh namespace, capturing stdout."""
    namespace: dict[str, Any] = {"__name__": name, "__file__": f"<bench {name}>"}
    code = compile(source, f"<bench {name}>", "exec", dont_inherit=True)
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        exec(code, namespace)
    return LoadedModule(label, source, namespace, buffer.getvalue())


def module_level_print_arg(source: str) -> str | None:
    """Source of the argument of the last top-level ``print(<one arg>)`` statement."""
    found: str | None = None
    for stmt in ast.parse(source).body:
        if (
            isinstance(stmt, ast.Expr)
            and isinstance(stmt.value, ast.Call)
            and isinstance(stmt.value.func, ast.Name)
            and stmt.value.func.id == "print"
            and len(stmt.value.args) == 1
            and not stmt.value.keywords
        ):
            found = ast.unparse(stmt.value.args[0])
    return found


def check_module(module: LoadedModule, problems: list[str]) -> bool:
    """Whether ``fancy_func`` returns 10 and the module printed ``10``; else record why."""
    ok = True
    func: Callable[..., Any] | None = module.namespace.get("fancy_func")
    if func is None:
        problems.append(f"{module.label}: module defines no fancy_func")
        return False
    try:
        value = func(1, 2, 3, 4)
    except Exception as exc:  # noqa: BLE001 - a crash is a finding, not a harness error
        problems.append(f"{module.label}: fancy_func(1, 2, 3, 4) raised {exc!r}")
        return False
    if value != EXPECTED:
        problems.append(f"{module.label}: fancy_func(1, 2, 3, 4) returned {value!r}, not 10")
        ok = False
    if module.label != "hand-inlined reference" and module.stdout != f"{EXPECTED}\n":
        problems.append(f"{module.label}: module printed {module.stdout!r}, expected '10\\n'")
        ok = False
    return ok


def compile_variants(result: BenchResult) -> list[LoadedModule]:
    """The seed compiled with default and with ``assume_stable`` options, executed."""
    try:
        astc = load_astc()
    except AstcUnavailable as exc:
        result.problems.append(f"compiled variants skipped: {exc}")
        return []
    modules = []
    for label, kwargs in (
        ("astc default (guarded)", {}),
        ("astc assume_stable=True", {"assume_stable": True}),
    ):
        try:
            res = astc.compile_source(
                SEED_SOURCE, filename="fancy_func.py", options=make_options(astc, **kwargs)
            )
        except Exception as exc:  # noqa: BLE001
            result.problems.append(f"{label}: compile_source raised {type(exc).__name__}: {exc}")
            continue
        if not res.ok:
            result.problems.append(f"{label}: compile failed: {describe_failure(res)}")
            continue
        try:
            name = "fancy_" + label.split()[1].replace("=", "_")
            modules.append(exec_module(label, res.code, name))
        except Exception as exc:  # noqa: BLE001
            result.problems.append(f"{label}: compiled module fails to run: {exc!r}")
            continue
        result.details.append(f"--- {label}: compiled module ---\n{res.code.rstrip()}")
    return modules


def run(config: BenchConfig) -> BenchResult:
    """Time the seed's function calls and its module-level call site, original vs compiled."""
    result = BenchResult()
    original = exec_module("original", SEED_SOURCE, "fancy_original")
    reference = exec_module("hand-inlined reference", HAND_INLINED_SOURCE, "fancy_reference")
    compiled = compile_variants(result)
    modules = [m for m in [original, *compiled, reference] if check_module(m, result.problems)]

    stmt = f"_ = {CALL_EXPR}"
    call_variants = [
        Variant(m.label, stmt, {"fancy_func": m.namespace["fancy_func"]}) for m in modules
    ]
    site_variants = [Variant("original", stmt, original.namespace)]
    site_exprs = {"original": CALL_EXPR}
    for module in compiled:
        expr = module_level_print_arg(module.source)
        if expr is None:
            result.problems.append(f"{module.label}: no module-level print(<expr>) found")
            continue
        try:
            value = eval(expr, dict(module.namespace))
        except Exception as exc:  # noqa: BLE001
            result.problems.append(f"{module.label}: module-level {expr!r} raised {exc!r}")
            continue
        if value != EXPECTED:
            result.problems.append(f"{module.label}: module-level {expr!r} == {value!r}")
            continue
        site_exprs[module.label] = expr
        site_variants.append(Variant(module.label, f"_ = {expr}", module.namespace))
    site_variants.append(Variant("constant 10 (reference)", "_ = 10", {}))
    site_exprs["constant 10 (reference)"] = "10"
    overhead = Variant("timeit loop overhead", "pass", {})

    everything = [*call_variants, *site_variants, overhead]
    times = time_variants(everything, repeat=config.repeat, target_s=config.target_s)
    call_ns = times[: len(call_variants)]
    site_ns = times[len(call_variants) : len(call_variants) + len(site_variants)]
    overhead_ns = times[-1]

    calls = Table(
        "fancy_func: per-call time of fancy_func(1, 2, 3, 4)",
        ["variant", "ns/call", "speedup vs original"],
    )
    base = call_ns[0] if modules and modules[0] is original else None
    for v, ns in zip(call_variants, call_ns, strict=True):
        calls.add_row(v.label, fmt_ns(ns), fmt_ratio(base / ns if base else None))
    for m in (original, *compiled, reference):
        if not any(m is ok for ok in modules):
            calls.add_row(m.label, "n/a (wrong result)", "n/a")
    if not compiled:
        calls.add_row("astc (compiled variants)", "n/a (see problems)", "n/a")
    calls.notes.append(
        f"timed as `{stmt}`; min of {config.repeat} interleaved repeats; every figure "
        f"includes ~{fmt_ns(overhead_ns)} ns of timeit loop overhead"
    )

    site = Table(
        "fancy_func: module-level call site (argument of print(...))",
        ["variant", "expression", "ns/eval", "speedup vs original"],
        align=["<", "<", ">", ">"],
    )
    site_base = site_ns[0]
    for v, ns in zip(site_variants, site_ns, strict=True):
        site.add_row(v.label, site_exprs[v.label], fmt_ns(ns), fmt_ratio(site_base / ns))
    site.notes.append(
        "compiled expressions are extracted from each compiled module's top-level print(...) "
        "and evaluated in that module's globals; timed as `_ = <expression>`, so every "
        f"figure includes ~{fmt_ns(overhead_ns)} ns of timeit loop overhead"
    )
    result.tables.extend([calls, site])
    return result
