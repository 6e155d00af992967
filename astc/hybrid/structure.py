"""Hybridize a callable object: trace its structure, fuse, lower for Numba.

``generate(obj)`` traces ``obj(x, ...)`` (see :mod:`astc.hybrid.trace`), writes the traced
statements as one function ``forward(p0, p1, ..., <args>)`` over the parameter arrays (the
NumPy module), and the same function lowered for Numba (:mod:`astc.hybrid.lower`) in a module
of its own (the kernel module). It never calls the object.
"""

from __future__ import annotations

import ast
import inspect
import keyword
import re
import types

from astc.diagnostics import Code, Report
from astc.hybrid import templates
from astc.hybrid.codegen import Generated, entry
from astc.hybrid.lower import lower
from astc.hybrid.trace import Emitted, Refused, Tracer, Value, _function_ast, entry_method

_TEMPORARY = re.compile(r"^v\d+$")
_RESERVED = re.compile(r"^(v\d+|p\d+|_astc.*|np|forward|forward_kernel)$")

#: Default row limit for the kernel: above it the NumPy code (BLAS) always runs; up to it,
#: the faster of the two at each batch size, measured on first use (see _runtime.Compiled).
#: The crossover is at 1-2 rows for the chapter's MLP and 8-16 for elementwise-heavy models
#: (GELU, layer norm, attention): ``python -m benchmarks model_zoo`` shows both.
DEFAULT_MAX_ROWS = 16


def _argument_names(obj: object) -> list[str]:
    """The names of the arguments ``obj(...)`` takes (refused: defaults, ``*args``, ...)."""
    bound = isinstance(obj, types.MethodType) and isinstance(obj.__func__, types.FunctionType)
    func = obj.__func__ if bound else entry_method(obj)  # type: ignore[attr-defined]
    node, _, _ = _function_ast(func, f"<{type(obj).__qualname__}>")
    names = [a.arg for a in node.args.args][1:]  # without self
    if node.args.vararg or node.args.kwarg or node.args.kwonlyargs or func.__defaults__:
        raise Refused(
            f"{inspect.getsourcefile(func)}:{func.__code__.co_firstlineno}",
            f"{func.__qualname__} takes default, keyword-only, *args or **kwargs arguments",
        )
    return names


def generate(
    obj: object, report: Report, *, max_rows: int | None, fastmath: bool, use_kernel: bool
) -> Generated:
    """Generated code for ``obj``'s call; raises :class:`Refused` when it can't be traced."""
    original = _argument_names(obj)
    args = [_safe_name(n, i) for i, n in enumerate(original)]
    tracer, result = _trace(obj, args)
    if set(args) & set(tracer.out.modules):  # an argument named like a module used inside
        args = [f"a{i}_" for i in range(len(args))]
        tracer, result = _trace(obj, args)
    out = tracer.out
    clashes = [a for a in out.modules if re.match(r"^(v|p)\d+$", a)]
    if clashes:
        raise Refused(f"<{type(obj).__qualname__}>", f"module alias {clashes[0]!r} clashes")
    if out.modules.get("np", "numpy") != "numpy":
        raise Refused(f"<{type(obj).__qualname__}>", "the name 'np' is bound to another module")
    out.modules["np"] = "numpy"
    returned = tracer.code_of(result)
    params = {f"p{i}": p for i, p in enumerate(out.params)}
    signature = [*params, *args]
    title = f"{type(obj).__module__}.{type(obj).__qualname__}"
    body = _with_deletions(out.body, returned)
    python = _module_text(
        f"# {title}, hybridized by astc: the whole call as one function.",
        out.modules,
        [],
        templates.function("forward", signature, [*body, ast.Return(returned)]),
    )
    _report_trace(report, title, out)
    spec: dict[str, object] = {"entry": "forward", "kernel": None, "arg_names": original}
    if not use_kernel:
        return Generated(title, python, None, spec, list(out.params))
    lowered = lower(out.body, params, args, out.modules)
    kernel = _module_text(
        f"# {title}: the Numba version of forward (see astc.hybrid.lower).",
        out.modules,
        list(lowered.helpers.values()),
        templates.function("forward", signature, [*lowered.body, ast.Return(returned)]),
    )
    spec.update(
        kernel="forward",
        helpers=list(lowered.helpers),
        max_rows=max_rows,
        ndim=2 if lowered.helpers else None,
        fastmath=fastmath,
        mutates=lowered.mutates,
    )
    for item in lowered.entries():
        report.add(item)
    chain = lowered.chain(args[0], returned) if len(args) == 1 else None
    return Generated(title, python, kernel, spec, list(out.params), chain=chain)


def _with_deletions(body: list[ast.stmt], returned: ast.expr) -> list[ast.stmt]:
    """``body`` with ``del vN`` after the last use of each temporary ``vN``: the eager code
    drops an intermediate array as soon as it rebinds its variable, and large arrays kept
    alive to the end cost fresh pages on every call (measured: 9x slower at batch 1024)."""
    last: dict[str, int] = {}
    for index, stmt in enumerate(body):
        for node in ast.walk(stmt):
            if isinstance(node, ast.Name) and _TEMPORARY.match(node.id):
                last[node.id] = index
    kept = {n.id for n in ast.walk(returned) if isinstance(n, ast.Name)}
    out: list[ast.stmt] = []
    for index, stmt in enumerate(body):
        out.append(stmt)
        dead = [n for n, at in last.items() if at == index and n not in kept]
        if dead:
            out.append(ast.Delete([ast.Name(n, ast.Del()) for n in dead]))
    return out


def _trace(obj: object, args: list[str]) -> tuple[Tracer, Value]:
    tracer = Tracer()
    return tracer, tracer.trace_call(obj, args)


def _safe_name(name: str, index: int) -> str:
    return name if not _RESERVED.match(name) and not keyword.iskeyword(name) else f"a{index}_"


def _module_text(
    header: str, modules: dict[str, str], helpers: list[ast.FunctionDef], entry: ast.FunctionDef
) -> str:
    tree = templates.module([*templates.imports(modules), *helpers, entry])
    return f"{header}\n{ast.unparse(tree)}\n"


def _report_trace(report: Report, title: str, out: Emitted) -> None:
    report.add(
        entry(
            Code.HYBRID_FUSED,
            f"{title}: fused {len(out.inlined)} call(s) "
            f"({', '.join(dict.fromkeys(out.inlined))}) into one function over "
            f"{len(out.params)} parameter array(s)",
        )
    )
    for note in out.unrolled:
        report.add(entry(Code.HYBRID_FUSED, f"unrolled the loop at {note}"))
