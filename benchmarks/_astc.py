"""Access to the compiler under benchmark, tolerant of it being absent or broken.

Benchmarks call :func:`load_astc` and, on :class:`AstcUnavailable`, still time what they
can without the compiler (the original code, hand-written references) and report why the
compiled variants are missing.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class AstcUnavailable(RuntimeError):
    """``astc`` cannot be imported or lacks the public API the benchmarks use."""


def load_astc() -> ModuleType:
    """The ``astc`` package, checked to provide ``compile_source`` and ``Options``."""
    try:
        astc = importlib.import_module("astc")
    except Exception as exc:  # noqa: BLE001 - any import failure means "unavailable"
        raise AstcUnavailable(f"import astc failed: {type(exc).__name__}: {exc}") from exc
    missing = [name for name in ("compile_source", "Options") if not hasattr(astc, name)]
    if missing:
        raise AstcUnavailable(f"astc has no {', '.join(missing)} (public API not landed yet?)")
    return astc


def make_options(astc: ModuleType, **kwargs: Any) -> Any:
    """``astc.Options(**kwargs)``; a thin wrapper so benchmarks stay free of ``Any`` noise."""
    return astc.Options(**kwargs)


def describe_failure(result: Any, limit: int = 3) -> str:
    """The first few diagnostics of a failed :class:`astc.CompileResult`, on one line."""
    diagnostics = list(getattr(result, "diagnostics", []) or [])
    if not diagnostics:
        return "compile failed without diagnostics"
    texts = []
    for diag in diagnostics[:limit]:
        fmt = getattr(diag, "format", None)
        texts.append(fmt() if callable(fmt) else str(diag))
    more = f" (+{len(diagnostics) - limit} more)" if len(diagnostics) > limit else ""
    return "; ".join(texts) + more
