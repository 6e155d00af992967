"""``astc.hybridize``: compile a function or a model object at run time, with one call.

>>> import numpy as np, astc
>>> def scale(x):
...     return x * 2.0
>>> fast = astc.hybridize(scale)   # doctest: +SKIP
>>> fast(np.ones(3))               # doctest: +SKIP
array([2., 2., 2.])

See docs/hybrid.md for what is specialized, what is frozen and what falls back.
"""

from __future__ import annotations

import functools
import types
import warnings
from typing import Any

from astc.diagnostics import Code, Report
from astc.hybrid import function, structure
from astc.hybrid._runtime import HybridizationWarning, build
from astc.hybrid.codegen import Generated, entry
from astc.hybrid.jit import jit, kernel_globals
from astc.hybrid.mixin import Hybridizable
from astc.hybrid.result import Hybridized, Unspecialized
from astc.hybrid.trace import Refused

TARGETS = ("cpu", "cuda")
_counter = 0


def hybridize(
    obj: Any,
    /,
    *,
    target: str = "cpu",
    kernel: bool = True,
    fastmath: bool = False,
    max_rows: int | None = structure.DEFAULT_MAX_ROWS,
) -> Hybridized:
    """Compile ``obj`` — a function, or an object called like ``net(x)`` — into one function.

    Returns a :class:`Hybridized`: callable like ``obj`` with the same results (dtype and
    shape equal, values within float tolerance), with ``.source``, ``.report``,
    ``.original`` and ``.save(DIR)``. What ``obj`` reads now is frozen (scalar globals,
    attributes, the list of layers); arrays are read by reference at every call.

    ``kernel`` hands the fused function to Numba (checked against NumPy on the first call
    with each argument signature); ``fastmath`` lets Numba fuse multiply-adds; up to
    ``max_rows`` rows the faster of the kernel and the NumPy code runs (measured on the first
    call at each batch size), above it the NumPy code (``None``: the kernel at any size).
    ``target="cuda"`` runs the forward pass as one CUDA kernel launch (see
    :mod:`astc.hybrid.cuda`).

    When ``obj`` cannot be specialized, the result runs ``obj`` itself, and a
    :class:`HybridizationWarning` (and ``.report``) says why. ``ValueError`` for an unknown
    ``target``, ``TypeError`` when ``obj`` is not callable.
    """
    if target not in TARGETS:
        raise ValueError(f"unknown target {target!r} (known: {', '.join(TARGETS)})")
    if not callable(obj):
        raise TypeError(f"cannot hybridize a {type(obj).__name__} object: it is not callable")
    report = Report()
    try:
        if isinstance(obj, types.FunctionType):
            generated = function.generate(obj, report, fastmath=fastmath, use_kernel=kernel)
        else:
            generated = structure.generate(
                obj, report, max_rows=max_rows, fastmath=fastmath, use_kernel=kernel
            )
    except Refused as refused:
        return _fallback(obj, report, refused)
    if target == "cuda":
        from astc.hybrid.cuda import hybridize_cuda

        return hybridize_cuda(obj, generated, report)
    return _finish(obj, generated, report)


def _finish(obj: Any, generated: Generated, report: Report) -> Hybridized:
    global _counter
    _counter += 1
    python, kernel = generated.namespaces(f"astc_hybrid_{_counter}")
    factory = functools.partial(Hybridized, original=obj, generated=generated, report=report)
    result = build(python, kernel, generated.spec, generated.params, jit, kernel_globals, factory)
    assert isinstance(result, Hybridized)
    if generated.spec.get("kernel"):
        if result.kernel is None:
            report.add(
                entry(
                    Code.HYBRID_NO_KERNEL, f"no Numba kernel: {result.why_no_kernel}", applied=False
                )
            )
            warnings.warn(
                f"hybridized {generated.title} without a Numba kernel: {result.why_no_kernel}",
                HybridizationWarning,
                stacklevel=3,
            )
        else:
            report.add(entry(Code.HYBRID_KERNEL, "Numba kernel (compiled on first call)"))
    return result


def _fallback(obj: Any, report: Report, refused: Refused) -> Hybridized:
    report.add(entry(Code.HYBRID_REFUSED, f"{refused.where}: {refused.reason}", applied=False))
    warnings.warn(
        f"cannot hybridize {getattr(obj, '__qualname__', type(obj).__qualname__)}: "
        f"{refused.where}: {refused.reason}; running the original",
        HybridizationWarning,
        stacklevel=3,
    )
    # A mixin object's __call__ would call this result again: run its forward instead.
    plain = obj.forward if isinstance(obj, Hybridizable) else obj  # type: ignore[attr-defined]
    return Unspecialized(plain, None, (), original=obj, generated=None, report=report)


__all__ = ["HybridizationWarning", "Hybridizable", "Hybridized", "hybridize"]
