"""The rewrite passes, one per module; :mod:`astc.passes.registry` lists them in order.

Importing this package imports no pass (they need LibCST): :data:`PASSES` loads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from astc.passes.base import Pass, PassContext

    PASSES: tuple[type[Pass], ...]


def __getattr__(name: str) -> Any:
    if name == "PASSES":
        from astc.passes.registry import load

        return load()
    if name in ("Pass", "PassContext"):
        from astc.passes import base

        return getattr(base, name)
    raise AttributeError(name)


__all__ = ["PASSES", "Pass", "PassContext"]
