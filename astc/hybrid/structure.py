"""Hybridize a callable object: trace its structure, fuse, lower for Numba.

``generate(obj)`` traces ``obj(x, ...)`` (see :mod:`astc.hybrid.trace`), writes the traced
statements as one function ``forward(<args>, p0, p1, ...)`` over the parameter arrays, and a
kernel version ``forward_kernel`` with the dense layers lowered to loops
(:mod:`astc.hybrid.lower`). It never calls the object.
"""

from __future__ import annotations

import importlib.util
import inspect
import keyword
import re
import types
import warnings

from astc.diagnostics import Code, Report, ReportEntry
from astc.hybrid._runtime import HybridizationWarning
from astc.hybrid.codegen import Generated
from astc.hybrid.lower import lower
from astc.hybrid.trace import Refused, Tracer, _function_ast, entry_method

_RESERVED = re.compile(r"^(v\d+|p\d+|_astc.*|np|forward|forward_kernel)$")

#: Default row limit for the loop kernel: above it BLAS (NumPy's ``@``) is faster on the
#: chapter's MLP (``python -m benchmarks mlp`` shows the crossover).
DEFAULT_MAX_ROWS = 4


def _argument_names(obj: object) -> list[str]:
    bound = isinstance(obj, types.MethodType) and isinstance(obj.__func__, types.FunctionType)
    func = obj.__func__ if bound else entry_method(obj)  # type: ignore[attr-defined]
    node, _, _ = _function_ast(func, f"<{type(obj).__qualname__}>")
    names = [a.arg for a in node.args.args][1:]  # without self
    if node.args.vararg or node.args.kwarg or node.args.kwonlyargs or func.__defaults__:
        raise Refused(
            f"{inspect.getsourcefile(func)}:{func.__code__.co_firstlineno}",
            f"{func.__qualname__} takes default, keyword-only, *args or **kwargs arguments",
        )
    return [
        n if not _RESERVED.match(n) and not keyword.iskeyword(n) else f"a{i}_"
        for i, n in enumerate(names)
    ]


def generate(
    obj: object, report: Report, *, max_rows: int | None, fastmath: bool, use_kernel: bool
) -> Generated:
    """Generated code for ``obj``'s call; raises :class:`Refused` when it can't be traced."""
    args = _argument_names(obj)
    tracer = Tracer()
    result = tracer.trace_call(obj, args)
    if set(args) & set(tracer.out.modules):  # an argument named like a module used inside
        args = [f"a{i}_" for i in range(len(args))]
        tracer = Tracer()
        result = tracer.trace_call(obj, args)
    out = tracer.out
    clashes = [a for a in out.modules if re.match(r"^(v|p)\d+$", a)]
    if clashes:
        raise Refused(f"<{type(obj).__qualname__}>", f"module alias {clashes[0]!r} clashes")
    if out.modules.get("np", "numpy") != "numpy":
        raise Refused(f"<{type(obj).__qualname__}>", "the name 'np' is bound to another module")
    out.modules["np"] = "numpy"
    returned = tracer.code_of(result)
    params = {f"p{i}": p for i, p in enumerate(out.params)}
    signature = ", ".join([*args, *params])
    imports = "".join(
        f"import {module} as {alias}\n" if alias != module else f"import {module}\n"
        for alias, module in sorted(out.modules.items())
    )
    body = "".join(f"    {line}\n" for line in out.lines) + f"    return {returned}\n"
    title = f"{type(obj).__module__}.{type(obj).__qualname__}"
    source = f"# {title}, hybridized by astc: the whole call as one function.\n{imports}\n\n"
    source += f"def forward({signature}):\n{body}"
    report.add(
        _entry(
            Code.HYBRID_FUSED,
            f"{title}: fused {len(out.inlined)} call(s) "
            f"({', '.join(dict.fromkeys(out.inlined))}) into one function over "
            f"{len(out.params)} parameter array(s)",
        )
    )
    for note in out.unrolled:
        report.add(_entry(Code.HYBRID_FUSED, f"unrolled the loop at {note}"))
    spec: dict[str, object] = {"entry": "forward", "kernel": None, "helpers": []}
    if use_kernel:
        lowered = lower(out.lines, params, "np")
        if lowered.needs_blas and importlib.util.find_spec("scipy") is None:
            why = "an `@` that is not a dense layer over parameters needs SciPy in Numba"
            report.add(_entry(Code.HYBRID_NO_KERNEL, f"no Numba kernel: {why}", applied=False))
            warnings.warn(
                f"hybridized {title} without a Numba kernel: {why}",
                HybridizationWarning,
                stacklevel=4,
            )
            use_kernel = False
    if use_kernel:
        kbody = "".join(f"    {line}\n" for line in lowered.body) + f"    return {returned}\n"
        for helper in lowered.helpers.values():
            source += f"\n\n{helper}"
        source += f"\n\ndef forward_kernel({signature}):\n{kbody}"
        spec.update(
            kernel="forward_kernel",
            helpers=list(lowered.helpers),
            max_rows=max_rows if lowered.helpers else None,
            ndim=2 if lowered.needs_2d else None,
            fastmath=fastmath,
        )
        for note in lowered.notes:
            report.add(_entry(Code.HYBRID_LOWERED, f"kernel: {note} (loops, no BLAS)"))
    chain = lowered.chain(args[0], returned) if use_kernel and len(args) == 1 else None
    return Generated(title, source, spec, list(out.params), chain=chain)


def _entry(code: Code, message: str, applied: bool = True) -> ReportEntry:
    return ReportEntry("hybridize", code, applied, 0, message)
