"""What a hybridized callable does at call time: the Numba kernel or the NumPy code.

:class:`Compiled` is a thin adapter over astc's one Numba dispatcher
(``_astc_dispatch`` in :mod:`astc.backends.runtime`, the runtime compiled modules embed):
it states hybridize's choices as that dispatcher's options, and gives ``Hybridized`` its
attributes. The text below the ``EMBED`` marker is copied into every package that
``Hybridized.save`` writes, after the same runtime text compiled modules carry, so that a
saved model needs neither astc nor (for its NumPy code) Numba.

Contract of :class:`Compiled` (``python(*params, *args)`` is the fused NumPy code and gives
what the original gives; ``kernel(*params, *args)`` is its Numba translation, or None; the
two live in separate namespaces, so the NumPy code never calls compiled code):

* the kernel runs only for arguments that are NumPy arrays of the parameters' dtype (or
  floats, for functions), of rank ``ndim`` when that is set, and at most ``max_rows`` rows
  when that is set; anything else takes the NumPy code, silently. Python ints never reach
  the kernel (Numba's fixed-width ints wrap). Keyword arguments are bound by the original
  names (``arg_names``, else ``python``'s own) and dispatched as positional ones;
* with ``max_rows`` set, the first call at each batch size up to it (after the check) times
  the kernel against the NumPy code and keeps the faster for that size (dispatcher policy
  ``"rows"``), so the kernel is never chosen where it is slower (code that updates its
  arguments is not timed: it keeps ``max_rows`` as a plain limit);
* the first call with a new argument signature (dtype, rank and whether C-contiguous,
  aligned and writeable, per array) runs the NumPy code first — its result is returned and
  its exceptions propagate, untouched — then the kernel, and compares (same type, dtype and
  shape, equal within float tolerance: ``_astc_close``). When the code may update its
  arguments in place (``mutates``), the kernel runs on copies, and the copies must end up
  equal too. On a mismatch, or when the kernel fails to compile or raises, that signature
  is pinned to the NumPy code with a :class:`HybridizationWarning` saying why;
* a kernel returning a Python scalar where the NumPy code returns a NumPy scalar (Numba
  boxes ``float64`` as ``float``) has its results converted to the NumPy type;
* later, a kernel that raises (a shape NumPy accepts and the loops do not, say) is answered
  by running the NumPy code — whose exception, if it raises too, is the one the caller sees
  — unless the code may mutate (then the kernel's exception propagates: re-running would
  update twice).

Per call, the checked single-array signature costs the adapter's call, one type test,
four attribute reads, one lookup by batch size and the kernel's call (see the
dispatcher's ``_ASTC_ROWS``).
"""

from __future__ import annotations

from astc.backends.runtime import _astc_close, _astc_dispatch

# isort: split
# --- EMBED: the text below is copied into saved packages ---
import functools
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np


class HybridizationWarning(UserWarning):
    """A hybridized callable runs slower than it could: what was not compiled, and why."""


class Compiled:
    """A hybridized callable: ``_astc_dispatch`` between the kernel and the NumPy code."""

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
        #: The NumPy code and the kernel with the parameters bound (for direct calls).
        self._python = functools.partial(python, *self.params) if self.params else python
        bound = functools.partial(kernel, *self.params) if kernel and self.params else kernel
        self._kernel: Callable[..., Any] = bound or self._python
        dtypes = {p.dtype for p in self.params if isinstance(p, np.ndarray)}
        #: Arrays reach the kernel only with the parameters' common dtype (if they have one).
        self.dtype = dtypes.pop() if len(dtypes) == 1 else None
        self._call = _astc_dispatch(
            getattr(python, "__name__", "forward"),
            python,
            lambda: self.kernel,  # read at the first call
            policy="rows" if max_rows is not None and not mutates else "compare",
            same=_astc_close,
            warning=HybridizationWarning,
            admit=self._admits,
            bound=self.params,
            mutates=mutates,
            max_rows=max_rows,
            names=None if arg_names is None else tuple(arg_names),
            notice="hybridized code runs its NumPy version {reason}",
            notify=self._pinned,
        )
        self._state: Any = self._call._astc_state  # type: ignore[attr-defined]

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._call(*args, **kwargs)

    def _admits(self, args: tuple[Any, ...]) -> str | None:
        """Why the kernel does not take arguments of this signature (None: it does)."""
        for a in args[len(self.params) :]:
            if type(a) is np.ndarray:
                if self.dtype is not None and a.dtype != self.dtype:
                    return f"a {a.dtype} array (the parameters are {self.dtype})"
                if self.ndim is not None and a.ndim != self.ndim:
                    return f"a {a.ndim}-D array ({self.ndim}-D expected)"
            elif type(a) is not float:
                return f"a {type(a).__name__} argument"
        return None

    @property
    def choices(self) -> dict[int, str]:
        """Per batch size seen so far: ``"kernel"`` or ``"numpy"``, what runs for it."""
        compiled = self._state.compiled
        return {
            rows: "kernel" if run is compiled else "numpy"
            for rows, run in sorted(self._state.row_routes.items())
        }

    @property
    def states(self) -> dict[tuple[Any, ...], bool]:
        """Per argument signature compared so far: whether the kernel agreed with NumPy."""
        return dict(self._state.verdicts)

    @property
    def checked(self) -> set[tuple[Any, ...]]:
        """The argument signatures whose kernel result agreed with NumPy's."""
        return {key for key, state in self._state.verdicts.items() if state}

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
