"""The kernel runtime: copied, as text, into every compiled module that has kernels.

Everything between the ``BEGIN RUNTIME`` and ``END RUNTIME`` markers is emitted verbatim
(annotations stripped, see :mod:`astc.backends.emit`), so the compiled module needs
neither astc nor, until a kernel is first called, Numba. Every name it defines starts
with ``_astc_`` so that it cannot clash with the user's names. It is also importable
here, which is how the tests and type checker see it.

Contract of :func:`_astc_kernel_bind` (what a kernel's public name is bound to):

* the first call decides, once: fall back to the plain function (one ``RuntimeWarning``
  naming the function and the reason: ``ASTC_DISABLE`` or ``NUMBA_DISABLE_JIT`` set,
  Numba not importable, no CUDA device for a CUDA kernel is *not* a fallback — the CPU
  kernel runs), or build the Numba dispatcher;
* after that the module global is rebound to a minimal wrapper (one frame, a ``try``)
  around the Numba dispatcher, so a call costs about what calling Numba directly costs;
* a Numba typing/compile error (new argument types included) falls back for good, with
  the one warning; the plain function then runs (typing fails before any effect);
* when guards are given, the wrapper checks ``g[name] is g["_astc_" + name]`` for each
  before entering the kernel, and calls the plain function if a helper was rebound;
* ``ASTC_VERIFY_KERNELS=1`` (read at the first call) runs kernel and plain function side
  by side on copies of the arguments and raises ``AssertionError`` on any difference.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Fn = Callable[..., Any]

# --- BEGIN RUNTIME ---
import functools as _astc_functools  # noqa: E402
import os as _astc_os  # noqa: E402

_astc_prange = range  # Numba's prange replaces it inside parallel kernels when compiled
_astc_cuda = None  # numba.cuda, bound when a CUDA kernel is built
_astc_f64 = None  # numba.float64, for the shared-memory buffer of CUDA reductions


def _astc_kernel_env_off() -> str | None:
    """Why kernels are off in this process (an environment variable), or None."""
    value = _astc_os.environ.get("ASTC_DISABLE", "")
    if value and value != "0":
        return "ASTC_DISABLE is set"
    value = _astc_os.environ.get("NUMBA_DISABLE_JIT", "")
    if value and value != "0":
        return "NUMBA_DISABLE_JIT is set"
    return None


def _astc_kernel_warn(name: str, reason: str) -> None:
    import warnings

    warnings.warn(
        f"astc: kernel {name}() runs as plain Python: {reason}", RuntimeWarning, stacklevel=4
    )


def _astc_kernel_locator(numba: Any) -> None:
    """Put astc's cache locator first: one cache directory per kernel fingerprint."""
    import importlib

    caching: Any = importlib.import_module("numba.core.caching")
    classes = caching.CacheImpl._locator_classes
    if any(getattr(c, "_astc_locator", False) for c in classes):
        return

    class _AstcLocator(caching._CacheLocator):  # type: ignore[misc]
        _astc_locator = True

        def __init__(self, py_func: Any, py_file: str) -> None:
            self._fingerprint = py_func._astc_fingerprint + "-" + numba.__version__
            base = numba.config.CACHE_DIR or ""
            if not base and _astc_os.path.isfile(py_file):
                base = _astc_os.path.join(_astc_os.path.dirname(py_file), "__pycache__")
            if not base:
                home = _astc_os.environ.get("XDG_CACHE_HOME") or _astc_os.path.expanduser(
                    "~/.cache"
                )
                base = _astc_os.path.join(home, "astc")
            self._path = _astc_os.path.join(base, "astc-kernels", self._fingerprint)

        def get_cache_path(self) -> Any:
            return self._path

        def get_source_stamp(self) -> Any:
            return self._fingerprint

        def get_disambiguator(self) -> Any:
            return self._fingerprint[:8]

        @classmethod
        def from_function(cls, py_func: Any, py_file: str) -> Any:
            if not hasattr(py_func, "_astc_fingerprint"):
                return None
            self = cls(py_func, py_file)
            try:
                self.ensure_cache_path()
            except OSError:
                return None
            return self

    classes.insert(0, _AstcLocator)


def _astc_kernel_copy(value: Any) -> Any:
    import copy

    copier = getattr(value, "copy", None)
    if callable(copier) and hasattr(value, "shape"):
        return copier()
    return copy.deepcopy(value)


def _astc_kernel_same(a: Any, b: Any) -> bool:
    if hasattr(a, "shape") or hasattr(b, "shape"):
        import numpy

        try:
            return bool(numpy.array_equal(a, b, equal_nan=True))
        except TypeError:
            return bool(numpy.array_equal(a, b))
    if isinstance(a, tuple | list) and isinstance(b, tuple | list):
        return len(a) == len(b) and all(_astc_kernel_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b or (a != a and b != b))


def _astc_kernel_verifier(name: str, plain: Fn, fast: Fn) -> Fn:
    def verify(*args: Any, **kwargs: Any) -> Any:
        p_args = [_astc_kernel_copy(a) for a in args]
        p_kwargs = {k: _astc_kernel_copy(v) for k, v in kwargs.items()}
        expected = plain(*p_args, **p_kwargs)
        got = fast(*args, **kwargs)
        if not _astc_kernel_same(expected, got):
            raise AssertionError(
                f"astc: kernel {name}() returned {got!r}, the plain function {expected!r}"
            )
        for i, (a, b) in enumerate(zip(args, p_args, strict=True)):
            if not _astc_kernel_same(a, b):
                raise AssertionError(f"astc: kernel {name}() left argument {i} different")
        for k, v in kwargs.items():
            if not _astc_kernel_same(v, p_kwargs[k]):
                raise AssertionError(f"astc: kernel {name}() left argument {k} different")
        return got

    return verify


def _astc_kernel_strict(dispatcher: Any, numba_error: Any) -> None:
    """Automatic kernels were checked assuming arrays and numbers: a list or tuple argument
    (Python ints inside, which Numba would wrap) goes to the plain function. The check
    hooks Numba's compile-on-new-types path, so matched calls pay nothing for it."""
    compile_for_args = dispatcher._compile_for_args
    containers = (list, tuple)

    class _Refused(numba_error):  # type: ignore[misc]
        _astc_plain = True

    def checked(*args: Any, **kwargs: Any) -> Any:
        for value in (*args, *kwargs.values()):
            if isinstance(value, containers):
                raise _Refused("astc: list/tuple argument: the plain function runs")
        return compile_for_args(*args, **kwargs)

    dispatcher._compile_for_args = checked


def _astc_kernel_build(
    g: dict[str, Any],
    name: str,
    plain: Fn,
    source: str,
    line: int,
    fingerprint: str,
    options: dict[str, Any],
    guards: tuple[str, ...],
) -> Fn:
    """The callable that replaces the lazy binding: a Numba wrapper or ``plain``."""
    reason = _astc_kernel_env_off()
    if reason is None:
        try:
            import importlib

            numba: Any = importlib.import_module("numba")
        except ImportError as error:
            reason = f"numba cannot be imported ({error})"
    if reason is not None:
        _astc_kernel_warn(name, reason)
        return plain
    try:
        kernel = _astc_kernel_define(g, name, source, line)
    except Exception as error:  # noqa: BLE001 - cannot happen for astc's own output
        _astc_kernel_warn(name, f"kernel copy does not compile: {error}")
        return plain
    target = options.get("target", "cpu")
    cuda_host = None
    if target == "cuda":
        cuda_host = g.get("_astc_cuda_host_" + name)
    import sys

    # Numba's cache reloads a kernel's globals by importing its module: only cache kernels
    # of real, importable modules (not exec'd strings).
    cacheable = _astc_os.path.isfile(kernel.__code__.co_filename) and (
        g.get("__name__") in sys.modules
    )
    jit_options = {
        "parallel": bool(options.get("parallel", False)),
        "fastmath": bool(options.get("fastmath", False)),
        "cache": bool(options.get("cache", True)) and cacheable,
        "error_model": str(options.get("error_model", "python")),
    }
    if jit_options["parallel"]:
        g["_astc_prange"] = numba.prange
    try:
        if jit_options["cache"]:
            _astc_kernel_locator(numba)
            kernel._astc_fingerprint = fingerprint  # type: ignore[attr-defined]
        for dep in options.get("deps", ()):  # helpers the kernel calls: jitted first
            key = "_astc_kernel_" + dep
            if not isinstance(g[key], numba.core.dispatcher.Dispatcher):
                if jit_options["cache"]:
                    g[key]._astc_fingerprint = fingerprint + "-" + dep
                g[key] = numba.njit(**{**jit_options, "parallel": False})(g[key])
        dispatcher = numba.njit(**jit_options)(kernel)
    except Exception as error:  # noqa: BLE001 - any failure means: run the plain function
        _astc_kernel_warn(name, f"{type(error).__name__}: {error}")
        return plain
    if cuda_host is not None:
        dispatcher = cuda_host(dispatcher)
    numba_error = numba.core.errors.NumbaError
    box = [dispatcher]

    def fail(error: BaseException) -> Fn:
        box[0] = plain
        first = str(error).strip().splitlines()
        _astc_kernel_warn(name, f"{type(error).__name__}: {first[0] if first else ''}")
        if g.get(name) is fast:
            g[name] = plain
        return plain

    pairs = tuple((n, "_astc_" + n) for n in guards)
    if options.get("strict", False) and cuda_host is None:
        _astc_kernel_strict(dispatcher, numba_error)

    def fallback(error: BaseException) -> Fn:
        return plain if getattr(error, "_astc_plain", False) else fail(error)

    if pairs:

        def fast(*args: Any, **kwargs: Any) -> Any:
            for n, alias in pairs:
                if g[n] is not g[alias]:
                    return plain(*args, **kwargs)
            try:
                if kwargs:
                    return box[0](*args, **kwargs)
                return box[0](*args)  # no empty-dict ** on the hot path
            except numba_error as error:
                return fallback(error)(*args, **kwargs)

    else:

        def fast(*args: Any, **kwargs: Any) -> Any:
            try:
                if kwargs:
                    return box[0](*args, **kwargs)
                return box[0](*args)  # no empty-dict ** on the hot path
            except numba_error as error:
                return fallback(error)(*args, **kwargs)

    _astc_functools.update_wrapper(fast, plain)
    fast._astc_dispatcher = dispatcher  # type: ignore[attr-defined]
    if _astc_os.environ.get("ASTC_VERIFY_KERNELS", "") not in ("", "0"):
        return _astc_functools.update_wrapper(_astc_kernel_verifier(name, plain, fast), plain)
    return fast


def _astc_kernel_define(g: dict[str, Any], name: str, source: str, line: int) -> Fn:
    """Define the kernel copy (and the helper copies and CUDA form it needs) in ``g``.

    The copies travel as source text in the binding statement, so that they add no lines
    to the compiled module; their line numbers are shifted to the plain ``def``'s.
    """
    import ast

    tree = ast.parse(source)
    ast.increment_lineno(tree, line - 1)
    space: dict[str, Any] = {}
    exec(compile(tree, g.get("__file__") or "<astc kernel>", "exec"), g, space)
    own = ("_astc_kernel_" + name, "_astc_cudak_" + name, "_astc_cuda_host_" + name)
    for key, value in space.items():
        if key in own or key not in g:  # a helper another kernel defined (and jitted) stays
            g[key] = value
    kernel: Fn = g[own[0]]
    return kernel


def _astc_kernel_bind(
    g: dict[str, Any],
    name: str,
    plain: Fn,
    source: str,
    line: int,
    fingerprint: str,
    options: dict[str, Any],
    guards: tuple[str, ...] = (),
) -> Fn:
    """What the kernel's public name is bound to at import: a lazy, self-replacing wrapper."""
    state: list[Fn] = []

    @_astc_functools.wraps(plain)
    def lazy(*args: Any, **kwargs: Any) -> Any:
        if not state:
            state.append(
                _astc_kernel_build(g, name, plain, source, line, fingerprint, options, guards)
            )
            if g.get(name) is lazy:
                g[name] = state[0]
            if g.get("_astc_" + name) is lazy:
                g["_astc_" + name] = state[0]
        return state[0](*args, **kwargs)

    return lazy


def _astc_cuda_array(value: Any) -> bool:
    return hasattr(value, "__cuda_array_interface__")


def _astc_cuda_wrap(
    cpu: Fn, kernel: Fn, kind: str, written: tuple[int, ...], init: float, threads: int
) -> Fn:
    """Host wrapper of a CUDA kernel; ``cpu`` (the CPU kernel) when there is no device."""
    global _astc_cuda, _astc_f64
    import importlib
    from math import prod

    import numpy

    numba: Any = importlib.import_module("numba")
    cuda: Any = importlib.import_module("numba.cuda")

    try:
        available = cuda.is_available()
    except Exception:  # noqa: BLE001 - a broken driver means: no device
        available = False
    if not available:
        return cpu
    _astc_cuda, _astc_f64 = cuda, numba.float64
    launch = cuda.jit(kernel)
    # A grid-stride loop over at most 65535 blocks: on an H200 it moved 2^26 float32 at
    # 2.5 TB/s, where one element per thread (2^18 blocks) reached only 1.9 TB/s.
    ndarray, to_device, max_blocks = numpy.ndarray, cuda.to_device, 65535

    # Per argument-type tuple: positions of host (NumPy) arrays, and of the array whose
    # size sets the grid (the grid-stride loop is correct for any grid; size only tunes it).
    plans: dict[tuple[type, ...], tuple[tuple[int, ...], int]] = {}

    def plan_for(args: tuple[Any, ...]) -> tuple[tuple[int, ...], int]:
        hosts = tuple(i for i, a in enumerate(args) if isinstance(a, ndarray))
        arrays = [i for i, a in enumerate(args) if i in hosts or _astc_cuda_array(a)]
        return hosts, (arrays[0] if arrays else -1)

    def host(*args: Any, **kwargs: Any) -> Any:
        if kwargs:
            return cpu(*args, **kwargs)
        key = tuple(map(type, args))
        plan = plans.get(key)
        if plan is None:  # once per types: hasattr may build the interface dict
            plan = plans[key] = plan_for(args)
        hosts, sized = plan
        size = 1
        if sized >= 0:
            n = args[sized].size  # NumPy, Numba and CuPy arrays: an int; PyTorch: a method
            size = n if isinstance(n, int) else prod(args[sized].shape)
        blocks = min(max(1, -(-size // threads)), max_blocks)
        dev: Any = args
        if hosts:
            dev = list(args)
            for i in hosts:
                dev[i] = to_device(args[i])
        if kind == "reduce":
            result = to_device(numpy.zeros(1))
            launch[blocks, threads](*dev, result)
            return init + float(result.copy_to_host()[0])
        launch[blocks, threads](*dev)
        for i in hosts:
            if i in written:
                dev[i].copy_to_host(args[i])
        return None

    host._astc_cuda_kernel = launch  # type: ignore[attr-defined]
    return host


# --- END RUNTIME ---
