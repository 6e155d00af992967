"""Compile one Python function with ``numba.njit``, or say why not (the only Numba use here).

This module is self-contained (standard library and Numba only) because its text below the
``EMBED`` marker is copied into every package that ``Hybridized.save`` writes, so that a
saved model runs without astc. It is the one place to swap for astc's Numba backend.

``numba.njit`` compiles lazily, at the first call with new argument types; a typing error
then surfaces as an exception from that call, which :mod:`astc.hybrid._runtime` catches
(and answers with a warning and the NumPy path).
"""

from __future__ import annotations

# --- EMBED: the text below is copied into saved packages ---
from collections.abc import Callable
from typing import Any


def jit(fn: Callable[..., Any], *, fastmath: bool = False) -> tuple[Any, str | None]:
    """``(numba.njit(fn), None)``, or ``(None, reason)`` when Numba cannot be used.

    ``fastmath`` is passed as Numba's ``{"contract"}`` flag set (fused multiply-add only):
    results stay within float tolerance of NumPy's but are not bit-identical, so it is
    off unless asked for (see docs/semantics.md, "Numba kernels").
    """
    try:
        import numba
    except Exception as error:  # noqa: BLE001 - any import failure means "no Numba"
        return None, f"numba cannot be imported ({type(error).__name__}: {error})"
    try:
        flags: Any = {"contract"} if fastmath else False
        return numba.njit(fn, fastmath=flags, cache=False), None
    except Exception as error:  # noqa: BLE001 - Numba refuses the function itself
        return None, f"numba.njit refused {fn.__name__} ({type(error).__name__}: {error})"
