"""What a hybridized callable does at call time: pick the Numba kernel or the NumPy path.

Self-contained (NumPy and the standard library only): the text below the ``EMBED`` marker
is copied into every package that ``Hybridized.save`` writes, next to :mod:`astc.hybrid.jit`.

Contract of :class:`Compiled` (``python(*args, *params)`` is the fused NumPy function and
gives what the original gives; ``kernel`` is its Numba translation, or None):

* the kernel runs only for arguments that are NumPy arrays of the parameters' dtype (or
  floats, for functions) and at most ``max_rows`` rows when that is set; anything else
  takes the NumPy path, silently;
* the first call with a new argument signature (dtypes and ranks) runs both and compares
  the results (same type, dtype and shape, equal within float tolerance). On a mismatch, or
  when the kernel fails to compile or raises where NumPy does not, the signature is pinned
  to the NumPy path with a :class:`HybridizationWarning` saying why. When NumPy raises too,
  its exception propagates (the user's error, not the kernel's);
* Python ints never reach the kernel (Numba's fixed-width ints wrap).
"""

from __future__ import annotations

# --- EMBED: the text below is copied into saved packages ---
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np


class HybridizationWarning(UserWarning):
    """A hybridized callable runs slower than it could: what was not compiled, and why."""


def _signature(args: Sequence[Any]) -> tuple[Any, ...]:
    return tuple([(a.dtype, a.ndim) if type(a) is np.ndarray else type(a) for a in args])


def _same(got: Any, want: Any) -> bool:
    """Whether a kernel result ``got`` matches the NumPy result ``want`` (float tolerance)."""
    if type(got) is not type(want):
        return False
    if isinstance(want, tuple):
        return len(got) == len(want) and all(_same(g, w) for g, w in zip(got, want, strict=True))
    if isinstance(want, np.ndarray):
        if got.dtype != want.dtype or got.shape != want.shape:
            return False
        if want.dtype.kind not in "fc":
            return bool(np.array_equal(got, want))
        scale = float(np.max(np.abs(want), initial=1.0, where=np.isfinite(want)))
        return bool(np.allclose(got, want, rtol=1e-4, atol=1e-5 * scale, equal_nan=True))
    if isinstance(want, float):
        return bool(np.isclose(got, want, rtol=1e-9, equal_nan=True))
    return bool(got == want)


class Compiled:
    """The call-time dispatcher between a Numba kernel and the fused NumPy function."""

    def __init__(
        self,
        python: Callable[..., Any],
        kernel: Callable[..., Any] | None,
        params: Sequence[Any],
        *,
        max_rows: int | None = None,
        ndim: int | None = None,
        why_no_kernel: str | None = None,
    ) -> None:
        self.python = python
        self.kernel = kernel
        self.params = tuple(params)
        self.max_rows = max_rows
        self.ndim = ndim
        self.why_no_kernel = why_no_kernel
        dtypes = {p.dtype for p in self.params if isinstance(p, np.ndarray)}
        #: Arrays reach the kernel only with the parameters' common dtype (if they have one).
        self.dtype = dtypes.pop() if len(dtypes) == 1 else None
        #: Per argument signature: True (kernel checked), False (NumPy path).
        self.states: dict[tuple[Any, ...], bool] = {}
        #: ``(dtype, ndim)`` of single array arguments whose kernel result was checked.
        self.checked: set[tuple[Any, int]] = set()

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if len(args) == 1 and not kwargs:  # the common case, kept short: it is per call
            a = args[0]
            if type(a) is np.ndarray and (a.dtype, a.ndim) in self.checked:
                if self.max_rows is None or a.ndim < 2 or a.shape[0] <= self.max_rows:
                    return self.kernel(a, *self.params)  # type: ignore[misc]
        if self.kernel is not None and not kwargs and self._fits(args):
            key = _signature(args)
            state = self.states.get(key)
            if state:
                return self.kernel(*args, *self.params)
            if state is None:
                return self._first_call(key, args)
        return self.python(*args, *self.params, **kwargs)

    def _fits(self, args: Sequence[Any]) -> bool:
        for a in args:
            if type(a) is np.ndarray:
                if self.dtype is not None and a.dtype != self.dtype:
                    return False
                if self.ndim is not None and a.ndim != self.ndim:
                    return False
                if self.max_rows is not None and a.ndim >= 2 and a.shape[0] > self.max_rows:
                    return False
            elif type(a) is not float:
                return False
        return True

    def _first_call(self, key: tuple[Any, ...], args: Sequence[Any]) -> Any:
        try:
            got = self.kernel(*args, *self.params)  # type: ignore[misc]
        except Exception as error:  # noqa: BLE001 - judged against the NumPy path below
            want = self.python(*args, *self.params)  # the user's own error propagates
            first = " ".join(str(error).split("\n")[:3]).strip()
            self._pin(key, f"the Numba kernel failed ({type(error).__name__}: {first[:300]})")
            return want
        want = self.python(*args, *self.params)
        if _same(got, want):
            self.states[key] = True
            if len(args) == 1 and type(args[0]) is np.ndarray:
                self.checked.add((args[0].dtype, args[0].ndim))
        else:
            self._pin(key, "the Numba kernel's result differs from NumPy's (dtype/shape/value)")
        return want

    def _pin(self, key: tuple[Any, ...], why: str) -> None:
        self.states[key] = False
        warnings.warn(
            f"hybridized code runs its NumPy version for arguments {key}: {why}",
            HybridizationWarning,
            stacklevel=4,
        )


def build(
    namespace: dict[str, Any],
    spec: dict[str, Any],
    params: Sequence[Any],
    jit: Callable[..., tuple[Any, str | None]],
    factory: Callable[..., Compiled] = Compiled,
) -> Compiled:
    """The dispatcher for generated code already executed into ``namespace``.

    ``spec`` names the fused NumPy function (``entry``), its kernel version (``kernel``,
    or None), the loop helpers the kernel calls (``helpers``, compiled first and rebound in
    ``namespace`` so that the kernel calls the compiled ones), and ``max_rows``, ``ndim``
    and ``fastmath``. ``jit(fn, fastmath=...)`` returns ``(compiled, None)`` or
    ``(None, why)``.
    """
    kernel: Any = None
    why: str | None = None
    if spec.get("kernel"):
        for helper in spec.get("helpers", ()):
            compiled, why = jit(namespace[helper], fastmath=spec.get("fastmath", False))
            if compiled is None:
                break
            namespace[helper] = compiled
        else:
            kernel, why = jit(namespace[spec["kernel"]], fastmath=spec.get("fastmath", False))
    return factory(
        namespace[spec["entry"]],
        kernel,
        params,
        max_rows=spec.get("max_rows"),
        ndim=spec.get("ndim"),
        why_no_kernel=why,
    )
