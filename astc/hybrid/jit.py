"""Compile Python functions with Numba for hybridize, or say why not.

Compilation itself is the one runtime's ``_astc_jit`` (:mod:`astc.backends.runtime`:
``numba.njit`` with astc's environment switches ``ASTC_DISABLE``/``NUMBA_DISABLE_JIT`` and
error handling); this module adds hybridize's options and the typing helpers its kernels
call. Its text below the ``EMBED`` marker is copied into every package that
``Hybridized.save`` writes (after the runtime text), so that a saved model runs without astc.

What a kernel namespace needs besides its own code (:func:`kernel_globals`):
``_astc_weak(c, like)``, which gives a Python number literal ``c`` the dtype NumPy 2 would
give it next to ``like`` (NEP 50: ``float32_array * 0.5`` is float32; Numba alone would
compute in float64), and, for an operand that is not a plain name, ``_astc_weak_<op>_l(c, e)``
/ ``_astc_weak_<op>_r(e, c)``: ``c <op> e`` / ``e <op> c`` with ``c`` typed so (``op`` one
of :data:`WEAK_OPERATORS`). Outside Numba they compute with ``c`` unchanged.

``numba.njit`` compiles lazily, at the first call with new argument types; a typing error
then surfaces as an exception from that call, which :mod:`astc.hybrid._runtime` catches
(and answers with a warning and the NumPy path).
"""

from __future__ import annotations

from astc.backends.runtime import _astc_jit

# isort: split
# --- EMBED: the text below is copied into saved packages ---
from collections.abc import Callable
from typing import Any


def jit(fn: Callable[..., Any], *, fastmath: bool = False) -> tuple[Any, str | None]:
    """``(numba.njit(fn), None)``, or ``(None, reason)`` when Numba cannot be used.

    ``fastmath`` is passed as Numba's ``{"contract"}`` flag set (fused multiply-add only):
    results stay within float tolerance of NumPy's but are not bit-identical, so it is
    off unless asked for (see docs/semantics.md, "Numba kernels").
    """
    flags: Any = {"contract"} if fastmath else False
    return _astc_jit(fn, fastmath=flags, cache=False)


def weak(c: Any, like: Any) -> Any:
    """``c`` itself in Python; in a Numba kernel, ``c`` as NumPy 2 types it next to ``like``."""
    return c


#: Operators with a ``_astc_weak_<name>_l``/``_r`` form (``ast`` operator class names).
WEAK_OPERATORS = ("Add", "Sub", "Mult", "Div", "FloorDiv", "Mod", "Pow")
_OPERATOR_FUNCTIONS = ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow")


def _weak_operator(name: str, left_literal: bool) -> Callable[[Any, Any], Any]:
    import operator

    fn = getattr(operator, _OPERATOR_FUNCTIONS[WEAK_OPERATORS.index(name)])
    if left_literal:
        return lambda c, e: fn(weak(c, e), e)
    return lambda e, c: fn(e, weak(c, e))


_weak_functions: dict[str, Any] = {}


def kernel_globals() -> dict[str, Any]:
    """The names generated kernel code reads besides its own (see the module docstring)."""
    if not _weak_functions:
        _weak_functions["_astc_weak"] = weak
        for name in WEAK_OPERATORS:
            for side, left in (("l", True), ("r", False)):
                _weak_functions[f"_astc_weak_{name}_{side}"] = _weak_operator(name, left)
        try:
            _register_weak()
        except Exception:  # noqa: BLE001, S110 - no Numba: the kernel is never compiled
            pass
    return dict(_weak_functions)


def _register_weak() -> None:
    import numba
    from numba import types
    from numba.extending import overload
    from numba.np.numpy_support import as_dtype

    # No annotations: Numba compares this signature with the implementations' (lambdas).
    @overload(weak)
    def _weak(c, like):  # type: ignore[no-untyped-def]
        kind = like.dtype if isinstance(like, types.Array) else like
        inexact = (types.Float, types.Complex)
        if (isinstance(c, types.Integer) and isinstance(kind, (types.Integer, *inexact))) or (
            isinstance(c, types.Float) and isinstance(kind, inexact)
        ):
            target = as_dtype(kind).type
            return lambda c, like: target(c)
        return lambda c, like: c

    for name, fn in list(_weak_functions.items()):
        if name != "_astc_weak":  # the operator forms: compiled wrappers calling weak
            _weak_functions[name] = numba.njit(fn)
