"""What a hybridized callable does at call time: pick the Numba kernel or the NumPy code.

Self-contained (NumPy and the standard library only): the text below the ``EMBED`` marker
is copied into every package that ``Hybridized.save`` writes, next to :mod:`astc.hybrid.jit`.

Contract of :class:`Compiled` (``python(*params, *args)`` is the fused NumPy code and gives
what the original gives; ``kernel(*params, *args)`` is its Numba translation, or None; the
two live in separate namespaces, so the NumPy code never calls compiled code):

* the kernel runs only for arguments that are NumPy arrays of the parameters' dtype (or
  floats, for functions), of rank ``ndim`` when that is set, and at most ``max_rows`` rows
  when that is set; anything else, and any call with keyword arguments, takes the NumPy
  code, silently. Python ints never reach the kernel (Numba's fixed-width ints wrap);
* with ``max_rows`` set, the first call at each batch size up to it (after the check) times
  the kernel against the NumPy code and keeps the faster for that size, so the kernel is
  never chosen where it is slower (code that updates its arguments is not timed: it keeps
  ``max_rows`` as a plain limit);
* the first call with a new argument signature (dtype, rank and whether C-contiguous,
  aligned and writeable, per array) runs the NumPy code first — its result is returned and
  its exceptions propagate, untouched — then the kernel, and compares (same type, dtype and
  shape, equal within float tolerance). When the code may update its arguments in place
  (``mutates``), the kernel runs on copies, and the copies must end up equal too. On a
  mismatch, or when the kernel fails to compile or raises, that signature is pinned to the
  NumPy code with a :class:`HybridizationWarning` saying why;
* a kernel returning a Python scalar where the NumPy code returns a NumPy scalar (Numba
  boxes ``float64`` as ``float``) has its results converted to the NumPy type;
* later, a kernel that raises (a shape NumPy accepts and the loops do not, say) is answered
  by running the NumPy code — whose exception, if it raises too, is the one the caller sees
  — unless the code may mutate (then the kernel's exception propagates: re-running would
  update twice).

Per call, the checked single-array signature costs one type test, four attribute reads and
the call of a ``functools.partial`` over the kernel (parameters bound once).
"""

from __future__ import annotations

# --- EMBED: the text below is copied into saved packages ---
import functools
import inspect
import time
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

_ndarray = np.ndarray
_PY_SCALARS = (bool, int, float, complex)
_ROUTES_KEPT = 64  # batch sizes whose choice of code the fast path remembers


class HybridizationWarning(UserWarning):
    """A hybridized callable runs slower than it could: what was not compiled, and why."""


def _signature(args: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(
        [(a.dtype, a.ndim, a.flags.carray) if type(a) is _ndarray else type(a) for a in args]
    )


def _same(got: Any, want: Any) -> bool:
    """Whether a kernel result ``got`` matches the NumPy result ``want`` (float tolerance)."""
    if type(got) is not type(want):
        return False
    if isinstance(want, tuple | list):
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


def _copies(values: Sequence[Any]) -> list[Any]:
    """Copies of the arrays among ``values`` (same dtype, shape and layout flags kept)."""
    return [np.array(v, copy=True, order="K") if type(v) is _ndarray else v for v in values]


class Compiled:
    """The call-time dispatcher between a Numba kernel and the fused NumPy code."""

    def __init__(
        self,
        python: Callable[..., Any],
        kernel: Callable[..., Any] | None,
        params: Sequence[Any],
        *,
        max_rows: int | None = None,
        ndim: int | None = None,
        mutates: bool = False,
        arg_names: Sequence[str] | None = None,
        why_no_kernel: str | None = None,
    ) -> None:
        self.python = python
        self.kernel = kernel
        self.params = tuple(params)
        self.max_rows = max_rows
        self.ndim = ndim
        self.mutates = mutates
        self.why_no_kernel = why_no_kernel
        self._python = functools.partial(python, *self.params) if self.params else python
        bound = functools.partial(kernel, *self.params) if kernel and self.params else kernel
        self._kernel: Callable[..., Any] = bound or python
        dtypes = {p.dtype for p in self.params if isinstance(p, np.ndarray)}
        #: Arrays reach the kernel only with the parameters' common dtype (if they have one).
        self.dtype = dtypes.pop() if len(dtypes) == 1 else None
        #: Per argument signature: True (kernel checked), False (NumPy code).
        self.states: dict[tuple[Any, ...], bool] = {}
        #: NumPy scalar types for kernels that return a Python scalar (Numba's boxing) where
        #: the NumPy code returns a NumPy one, per signature (such signatures skip the fast
        #: path).
        self._boxes: dict[tuple[Any, ...], type] = {}
        #: How keyword arguments map to positions (None: ``python`` takes them itself).
        self._binder = (
            inspect.Signature(
                [inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD) for n in arg_names]
            )
            if arg_names is not None
            else None
        )
        self._measures = max_rows is not None and not mutates
        # The checked single-array signature taken by the fast path of __call__ (none yet),
        # and what runs for it per batch size (rows, up to max_rows): the kernel or the NumPy
        # code, whichever was measured faster (or the kernel, when not measured).
        self._fast_dtype: Any = None
        self._fast_ndim = -1
        self._routes: dict[int, Callable[..., Any]] = {}

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if len(args) == 1 and not kwargs:  # the common case, kept short: it is per call
            a = args[0]
            if (
                type(a) is _ndarray
                and a.dtype is self._fast_dtype
                and a.ndim == self._fast_ndim
                and a.flags.carray
            ):
                run = self._routes.get(len(a)) if a.ndim >= 2 else self._kernel
                if run is self._kernel:
                    try:
                        return run(a)
                    except Exception as error:  # noqa: BLE001 - answered by the NumPy code
                        return self._kernel_raised(args, error)
                if run is not None:
                    return run(a)
        return self._dispatch(args, kwargs)

    @property
    def choices(self) -> dict[int, str]:
        """Per batch size seen so far: ``"kernel"`` or ``"numpy"``, what runs for it."""
        return {
            rows: "kernel" if run is self._kernel else "numpy"
            for rows, run in sorted(self._routes.items())
        }

    @property
    def checked(self) -> set[tuple[Any, ...]]:
        """The argument signatures whose kernel result agreed with NumPy's."""
        return {key for key, state in self.states.items() if state}

    def _dispatch(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        if kwargs:
            if self._binder is None:
                return self._python(*args, **kwargs)
            args = tuple(self._binder.bind(*args, **kwargs).args)
        if self.kernel is None or not self._fits(args):
            return self._python(*args)
        key = _signature(args)
        state = self.states.get(key)
        if state is None:
            return self._first_call(key, args)
        if not state:
            return self._python(*args)
        if len(args) == 1 and key == self._fast_key() and args[0].ndim >= 2:
            if self._measures:
                return self._measure(args[0])
            self._route(len(args[0]), self._kernel)
        try:
            result = self._kernel(*args)
        except Exception as error:  # noqa: BLE001 - answered by the NumPy code
            return self._kernel_raised(args, error)
        box = self._boxes.get(key)
        return result if box is None else box(result)

    def _fits(self, args: Sequence[Any]) -> bool:
        for a in args:
            if type(a) is _ndarray:
                if self.dtype is not None and a.dtype != self.dtype:
                    return False
                if self.ndim is not None and a.ndim != self.ndim:
                    return False
                if self.max_rows is not None and a.ndim >= 2 and a.shape[0] > self.max_rows:
                    return False
            elif type(a) is not float:
                return False
        return True

    def _first_call(self, key: tuple[Any, ...], args: tuple[Any, ...]) -> Any:
        inputs = _copies([*self.params, *args]) if self.mutates else [*self.params, *args]
        want = self._python(*args)  # the user's semantics first; its errors propagate
        try:
            got = self.kernel(*inputs)  # type: ignore[misc]
        except Exception as error:  # noqa: BLE001 - judged against the NumPy result above
            first = " ".join(str(error).split("\n")[:3]).strip()
            self._pin(key, f"the Numba kernel failed ({type(error).__name__}: {first[:300]})")
            return want
        box = type(want) if isinstance(want, np.generic) and type(got) in _PY_SCALARS else None
        same = _same(got if box is None else box(got), want)
        if self.mutates:  # the updates must agree too
            same = same and _same(inputs, [*self.params, *args])
        if not same:
            self._pin(key, "the Numba kernel's result differs from NumPy's (dtype/shape/value)")
            return want
        self.states[key] = True
        if box is not None:
            self._boxes[key] = box
        elif len(key) == 1 and isinstance(key[0], tuple) and key[0][2] and self._fast_ndim < 0:
            self._fast_dtype, self._fast_ndim = key[0][0], key[0][1]
        return want

    def _fast_key(self) -> tuple[Any, ...]:
        return ((self._fast_dtype, self._fast_ndim, True),)

    def _measure(self, a: np.ndarray) -> Any:
        """Time the kernel and the NumPy code at ``len(a)`` rows (best of 3, interleaved);
        the faster one runs at that batch size from now on. Returns NumPy's result."""
        best = [float("inf"), float("inf")]
        for _ in range(3):
            for i, run in enumerate((self._kernel, self._python)):
                start = time.perf_counter()
                try:
                    result = run(a)
                except Exception as error:  # noqa: BLE001 - as after any kernel call
                    return self._kernel_raised((a,), error)
                best[i] = min(best[i], time.perf_counter() - start)
        self._route(len(a), self._kernel if best[0] < best[1] else self._python)
        return result

    def _route(self, rows: int, run: Callable[..., Any]) -> None:
        if len(self._routes) < _ROUTES_KEPT:  # batch sizes beyond: the slower dispatch
            self._routes[rows] = run

    def _kernel_raised(self, args: tuple[Any, ...], error: Exception) -> Any:
        """The kernel raised after its check: NumPy's answer (or NumPy's exception)."""
        if self.mutates:
            raise error  # it may have updated something already: running again would repeat
        want = self._python(*args)  # the user's error, if NumPy raises too
        key = _signature(args)
        self._pin(key, f"the Numba kernel raised {type(error).__name__}: {error}")
        return want

    def _pin(self, key: tuple[Any, ...], why: str) -> None:
        self.states[key] = False
        if key == self._fast_key():
            self._fast_dtype, self._fast_ndim = None, -1  # the fast path would take it
            self._routes.clear()
        message = f"hybridized code runs its NumPy version for arguments {key}: {why}"
        self._pinned(message)
        warnings.warn(message, HybridizationWarning, stacklevel=4)

    def _pinned(self, message: str) -> None:
        """Called when a signature is pinned to NumPy (``Hybridized`` adds it to its report)."""


def build(
    python_namespace: dict[str, Any],
    kernel_namespace: dict[str, Any] | None,
    spec: dict[str, Any],
    params: Sequence[Any],
    jit: Callable[..., tuple[Any, str | None]],
    kernel_globals: Callable[[], dict[str, Any]],
    factory: Callable[..., Compiled] = Compiled,
) -> Compiled:
    """The dispatcher for generated code executed into two namespaces: the NumPy code's
    (never changed here) and the kernel's (None without a kernel).

    ``spec`` names the NumPy function (``entry``), its kernel version (``kernel``, or None),
    the loop helpers the kernel calls (``helpers``, compiled first and rebound in the kernel
    namespace, where the kernel finds them), and ``max_rows``, ``ndim``, ``mutates``,
    ``arg_names`` and ``fastmath``. ``jit(fn, fastmath=...)`` returns ``(compiled, None)``
    or ``(None, why)``; ``kernel_globals()`` the names kernel code reads besides its own.
    """
    kernel: Any = None
    why: str | None = None
    if spec.get("kernel") and kernel_namespace is not None:
        kernel_namespace.update(kernel_globals())
        for helper in spec.get("helpers", ()):
            compiled, why = jit(kernel_namespace[helper], fastmath=spec.get("fastmath", False))
            if compiled is None:
                break
            kernel_namespace[helper] = compiled
        else:
            fastmath = spec.get("fastmath", False)
            kernel, why = jit(kernel_namespace[spec["kernel"]], fastmath=fastmath)
    return factory(
        python_namespace[spec["entry"]],
        kernel,
        params,
        max_rows=spec.get("max_rows"),
        ndim=spec.get("ndim"),
        mutates=spec.get("mutates", False),
        arg_names=spec.get("arg_names"),
        why_no_kernel=why,
    )
