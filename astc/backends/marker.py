"""``@astc.kernel``: the run-time no-op marker that asks astc to hand a function to Numba."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, overload

F = TypeVar("F", bound=Callable[..., Any])


@overload
def kernel(fn: F, /) -> F: ...


@overload
def kernel(
    *, target: str = "cpu", parallel: bool = False, fastmath: bool = False
) -> Callable[[F], F]: ...


def kernel(
    fn: Callable[..., Any] | None = None,
    /,
    *,
    target: str = "cpu",
    parallel: bool = False,
    fastmath: bool = False,
) -> Any:
    """Mark ``fn`` as a kernel: ``@astc.kernel`` or ``@astc.kernel(target="cuda", ...)``.

    At run time it returns the function unchanged (uncompiled code behaves as plain
    Python); ``astc compile`` strips the marker and emits a Numba dispatcher instead.
    """
    del target, parallel, fastmath
    if fn is not None:
        return fn
    return lambda f: f
