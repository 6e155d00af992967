"""The Numba kernel runtime: one dispatcher, copied as text into compiled modules.

Everything between the ``BEGIN RUNTIME`` and ``END RUNTIME`` markers is emitted into every
compiled module that has kernels (annotations stripped, see :mod:`astc.backends.emit`), so
that the module needs neither astc nor, until a kernel is first called, Numba. Every name
it defines starts with ``_astc_``/``_Astc``. It is importable here too, which is how the
tests and the type checker see it, and how other parts of astc (``astc.hybridize``) can
use it. The interface (docs/kernels.md, "The runtime"):

``_astc_kernel_bind(g, name, plain, spec) -> wrapper``
    What a compiled module binds a kernel's public name to. ``g`` is the module's globals,
    ``plain`` the plain function, ``spec`` the dict astc emits (kernel source, jit options,
    argument conditions, return conversion, policy). The wrapper is one function object for
    the module's life (so it pickles by reference in ``multiprocessing``/Dask/Ray
    workers), with the plain function's own parameters (``__defaults__``, signature) where
    they are plain positional-or-keyword ones, else ``functools.wraps(plain)``; its code
    is specialised at the first call.

``_astc_dispatch(name, plain, build, **options) -> wrapper``
    (``options``: the attributes of ``_AstcSettings``, whose defaults are there.)
    The same dispatcher for a callable built by other means (``astc.hybridize``'s
    ``Compiled`` is built on it): ``build()`` returns the compiled callable (or raises:
    the plain function runs, with one ``warning``; ``errors="raise"``: the exception
    propagates, from the build and from the compiled callable's own compile errors, and
    the next call tries again; None: the plain function runs, silently).
    Policies: ``"trust"`` (the compiled callable is exact: always use it), ``"measure"``
    (time the first calls of each argument signature both ways and keep the faster),
    ``"compare"`` (on the first call of each signature, the plain function first — its
    result is returned, its exceptions propagate and decide nothing — then the compiled
    one, on copies of the arrays when ``mutates``; the signature keeps the compiled one
    when ``same(compiled_result, plain_result)`` holds, and with ``mutates`` the copies
    equal the updated arguments, else it is pinned to ``plain`` with one ``warning``; a
    Python scalar where ``plain`` returned a NumPy one is boxed into that type from then
    on; later, a compiled call that raises is answered by ``plain`` and pins the
    signature, unless ``mutates``: then the exception propagates), ``"rows"``
    (``"compare"``, then the checked single-array signature times both at the first call
    of each batch size up to ``max_rows``, best of 3, and keeps the faster for that size).
    With ``max_rows``, calls with arrays of more rows run ``plain``, unchecked.
    ``key(args)`` gives the signature (default: type, and dtype, rank and contiguity of
    arrays). ``admit(args)``: checked once per signature, a reason (str) sends that
    signature to ``plain`` for good, None admits it; after that a call costs the key and
    one dict lookup (``"compare"``/``"rows"``, for the checked single-array signature: a
    type test, four attribute reads and a lookup by rows). ``bound``: arguments put
    before every call's own (by reference, bound once: in-place updates are seen), for
    both ``plain`` and the compiled callable. ``names``: the parameter names calls may
    pass as keywords, after the bound ones (default: ``plain``'s own). ``notice``: the
    warning's text (``{name}``, ``{reason}``); ``notify(message)`` is told each one too.
    Compiled helpers live only in the compiled callable's namespace (``build`` decides
    it); the runtime never rebinds a name ``plain`` reads.

``_astc_jit(fn, **options) -> (dispatcher | None, reason | None)``
    ``numba.njit`` with astc's environment switches (``ASTC_DISABLE``,
    ``NUMBA_DISABLE_JIT``), cache locator and error handling.

Decisions of an automatic kernel (``spec["strict"]``):

* once per Numba argument signature (a hook on Numba's compile-for-new-types path, so
  calls of known types pay nothing): every argument must be of a kind the analysis proved
  exact (``spec["allowed"]``: arrays of a dtype class and rank, Python scalars); anything
  else — a float32 array, an object array, a list, a Python int beyond int64 — runs the
  plain function, with one ``RuntimeWarning`` per kernel and reason;
* per call: scalar parameters must be Python ``int``/``float``/``bool`` (Numba's dispatcher
  cannot tell them from NumPy scalars, whose semantics differ), and value bounds the
  proofs assumed are checked on kernel entry (``_AstcOutside``);
* the return value is converted to the type CPython returns (``numpy.float64`` for a NumPy
  scalar, a Python float for a Python one — with a flag computed by the kernel when that
  depends on the path);
* ``ASTC_VERIFY_KERNELS=1`` runs kernel and plain function side by side on copies of the
  arguments and raises ``AssertionError`` on any difference (type and bits included).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# The exact helpers (``_astc_setup``) come first in the emitted runtime; imported here for
# the tests and the type checker.
from astc.backends.runtime_exact import _astc_setup

Fn = Callable[..., Any]

# --- BEGIN RUNTIME ---
import functools as _astc_functools  # noqa: E402
import os as _astc_os  # noqa: E402

_astc_prange = range  # Numba's prange replaces it inside parallel kernels when compiled
_astc_cuda = None  # numba.cuda, bound when a CUDA kernel is built
_astc_f64 = None  # numba.float64, for the shared-memory buffer of CUDA reductions


#: The message of ``_AstcOutside`` raised by a failed run-time int64 check.
_ASTC_INT64_CHECK = "a Python int beyond int64 in its arithmetic"


class _AstcOutside(Exception):
    """Raised on kernel entry: arguments beyond the bounds the kernel's proofs assumed; and
    by a kernel that stores nothing when a Python int leaves int64 (``_astc_add_i64``...)."""


def _astc_env_off() -> str | None:
    """Why kernels are off in this process (an environment variable), or None."""
    value = _astc_os.environ.get("ASTC_DISABLE", "")
    if value and value != "0":
        return "ASTC_DISABLE is set"
    value = _astc_os.environ.get("NUMBA_DISABLE_JIT", "")
    if value and value != "0":
        return "NUMBA_DISABLE_JIT is set"
    return None


def _astc_warn(message: str, category: Any = RuntimeWarning) -> None:
    import warnings

    warnings.warn(message, category, stacklevel=4)


def _astc_numba() -> tuple[Any, str | None]:
    """The numba module, or None and why kernels cannot run."""
    reason = _astc_env_off()
    if reason is not None:
        return None, reason
    try:
        import importlib

        return importlib.import_module("numba"), None
    except ImportError as error:
        return None, f"numba cannot be imported ({error})"


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


def _astc_jit(fn: Fn, **options: Any) -> tuple[Any, str | None]:
    """``numba.njit(**options)(fn)``, or (None, why) when Numba cannot be used."""
    numba, reason = _astc_numba()
    if numba is None:
        return None, reason
    try:
        if options.get("cache") and hasattr(fn, "_astc_fingerprint"):
            _astc_kernel_locator(numba)
        return numba.njit(**options)(fn), None
    except Exception as error:  # noqa: BLE001 - Numba refuses the function itself
        return None, f"{type(error).__name__}: {error}"


# ---- warnings shown once stay shown once ----------------------------------------------


def _astc_warnings_version() -> Any:
    """The warnings module's filters version (bumped by every ``catch_warnings`` and
    filter change; a ``__warningregistry__`` of another version is cleared at its next
    warning), read by stamping an empty registry: nothing is shown or raised."""
    import warnings

    probe: dict[Any, Any] = {}
    show = warnings._showwarnmsg  # type: ignore[attr-defined]
    warnings._showwarnmsg = lambda message: None  # type: ignore[attr-defined]
    try:
        warnings.warn_explicit("astc: probe", UserWarning, "<astc>", 0, registry=probe)
    except Warning:
        pass  # an "error" filter
    finally:
        warnings._showwarnmsg = show  # type: ignore[attr-defined]
    return probe.get("version")


def _astc_keeping_warned(plain: Fn, fn: Fn, *args: Any) -> Any:
    """``fn(*args)`` (building or compiling a kernel: Numba uses ``catch_warnings``),
    then the registries of warnings already shown restamped with the new filters version:
    a warning CPython shows once per place (the ``"default"`` filter) is not shown again
    because a kernel was compiled meanwhile. The registries: every module's, and the
    plain function's module's."""
    import sys

    before = _astc_warnings_version()
    try:
        return fn(*args)
    finally:
        after = _astc_warnings_version()
        if after != before:
            spaces = [getattr(m, "__dict__", None) for m in list(sys.modules.values())]
            spaces.append(getattr(plain, "__globals__", None))
            for space in spaces:
                registry = space.get("__warningregistry__") if type(space) is dict else None
                if type(registry) is dict and registry.get("version") == before:
                    registry["version"] = after


# ---- return values and verification ----------------------------------------------------


def _astc_to_numpy(value: Any) -> Any:
    """Numba returns Python numbers; CPython returned NumPy scalars here."""
    import numpy

    t = type(value)
    if t is float:
        return numpy.float64(value)
    if t is bool:
        return numpy.bool_(value)
    if t is int:
        return numpy.int64(value)
    return value


def _astc_converter(kind: str) -> Fn | None:
    """The return conversion for ``spec["returns"]`` (None: return as is)."""
    if kind == "np":
        return _astc_to_numpy
    if kind == "tagged":

        def tagged(result: Any) -> Any:
            value, numpy_value = result
            return _astc_to_numpy(value) if numpy_value else value

        return tagged
    if kind.startswith("tuple:"):
        parts = kind[len("tuple:") :]

        def per_item(result: Any) -> Any:
            return tuple(
                _astc_to_numpy(v) if p == "n" else v for v, p in zip(result, parts, strict=True)
            )

        return per_item
    return None


def _astc_kernel_copy(value: Any) -> Any:
    import copy

    copier = getattr(value, "copy", None)
    if callable(copier) and hasattr(value, "shape"):
        return copier()
    return copy.deepcopy(value)


def _astc_kernel_same(a: Any, b: Any, strict: bool = False) -> bool:
    """Equal results; ``strict`` also compares types and bits (signed zeros, dtypes)."""
    if hasattr(a, "shape") or hasattr(b, "shape"):
        import numpy

        if strict and (
            type(a) is not type(b) or getattr(a, "dtype", None) != getattr(b, "dtype", None)
        ):
            return False
        try:
            if strict and getattr(a, "dtype", None) is not None and a.dtype.kind in "fc":
                return bool(
                    numpy.array_equal(a, b, equal_nan=True)
                    and numpy.array_equal(numpy.signbit(a), numpy.signbit(b))
                )
            return bool(numpy.array_equal(a, b, equal_nan=True))
        except TypeError:
            return bool(numpy.array_equal(a, b))
    if isinstance(a, tuple | list) and isinstance(b, tuple | list):
        return len(a) == len(b) and all(
            _astc_kernel_same(x, y, strict) for x, y in zip(a, b, strict=True)
        )
    if strict and type(a) is not type(b):
        return False
    if isinstance(a, float) and isinstance(b, float) and strict and a == b == 0.0:
        import math

        return math.copysign(1.0, a) == math.copysign(1.0, b)
    return bool(a == b or (a != a and b != b))


def _astc_close(got: Any, want: Any) -> bool:
    """Whether ``got`` matches ``want`` within float tolerance: same type, dtype and shape,
    floats equal to rtol 1e-4 (arrays, atol scaled by the largest finite value) or 1e-9
    (Python floats), everything else equal (``same=`` of ``astc.hybridize``)."""
    import numpy

    if type(got) is not type(want):
        return False
    if isinstance(want, tuple | list):
        return len(got) == len(want) and all(
            _astc_close(g, w) for g, w in zip(got, want, strict=True)
        )
    if isinstance(want, numpy.ndarray):
        if got.dtype != want.dtype or got.shape != want.shape:
            return False
        if want.dtype.kind not in "fc":
            return bool(numpy.array_equal(got, want))
        finite = numpy.isfinite(want)
        scale = float(numpy.max(numpy.abs(want), initial=1.0, where=finite))
        return bool(numpy.allclose(got, want, rtol=1e-4, atol=1e-5 * scale, equal_nan=True))
    if isinstance(want, float):
        return bool(numpy.isclose(got, want, rtol=1e-9, equal_nan=True))
    return bool(got == want)


def _astc_array_copies(values: tuple[Any, ...]) -> list[Any]:
    """Copies of the arrays among ``values`` (dtype, shape and memory layout kept, so that
    they have the originals' argument signature); other values as they are."""
    import numpy

    nd = numpy.ndarray
    return [numpy.array(v, copy=True, order="K") if type(v) is nd else v for v in values]


# ---- the dispatcher ------------------------------------------------------------------

_ASTC_COLD = """\
{head}{prefix}    return _k.first(args, kwargs)
"""

_ASTC_PLAIN = """\
{head}{prefix}    return _plain(*args, **kwargs)
"""

_ASTC_PLAIN_NAMED = """\
{head}    return _plain({call})
"""

_ASTC_DIRECT = """\
{head}{prefix}{arity}{checks}    try:
        return {call}
    except _catch as error:
        failure = error
    return _k.failed(failure, args)
"""

# The direct path of a wrapper with the plain function's own parameters: no argument
# tuple is packed and the compiled callable gets the names themselves (about 35 ns less
# per call than ``_disp(*args)`` on a packed tuple: a sizeable part of a short kernel).
_ASTC_DIRECT_NAMED = """\
{head}{checks}    try:
        return {call}
    except _catch as error:
        failure = error
    return _k.failed(failure, {pack})
"""

_ASTC_KEYED = """\
{head}{prefix}{arity}{guards}    route = _routes.get(_key(args))
    if route is None:
        return _k.new_key(args)
    return route(*args)
"""

_ASTC_VERIFY = """\
{head}{prefix}    return _k.verify(args, kwargs)
"""

# Policies "compare"/"rows" with one argument besides the bound ones: the checked
# single-array signature (dtype ``_fd``, rank ``_fn``, C-contiguous) costs a type test,
# four attribute reads and, from rank 2, one lookup of what runs at this many rows.
_ASTC_ROWS = """\
{head}{prefix}{arity}    a = args[{first}]
    if _type(a) is _nd and a.dtype is _fd and a.ndim == _fn and a.flags.carray:
        run = _rows.get(_len(a)) if _fn >= 2 else _disp
        if run is _disp:
            try:
                return _disp(*args)
            except _catch as error:
                failure = error
            return _k.failed(failure, args)
        if run is not None:
            return run(*args)
    return _k.keyed(args)
"""

_ASTC_CHECKED = """\
{head}{prefix}{arity}    return _k.keyed(args)
"""

_ASTC_PLAIN_BOUND = """\
{head}{prefix}{arity}    return _plain(*args)
"""

#: The policies that check each argument signature against the plain function.
_ASTC_CHECKING = ("compare", "rows")
#: Batch sizes whose choice of code the "rows" fast path remembers.
_ASTC_ROWS_KEPT = 64

#: Names the wrapper's code uses: a plain function with a parameter of one of these names
#: (or starting with ``_``) gets the generic ``(*args, **kwargs)`` wrapper.
_ASTC_WRAPPER_NAMES = frozenset(("args", "kwargs", "route", "error", "failure"))


def _astc_exact_params(plain: Fn, bound: tuple[Any, ...]) -> tuple[str, ...] | None:
    """The parameter names of ``plain`` when the wrapper can have its very signature (only
    positional-or-keyword parameters, none named like the wrapper's own locals, nothing
    bound): then the wrapper's ``__code__`` arguments, ``__defaults__`` and signature are
    the plain function's, and CPython binds keywords and defaults itself."""
    code = getattr(plain, "__code__", None)
    if bound or code is None or code.co_flags & 0x0C or code.co_kwonlyargcount:
        return None  # 0x04 *args, 0x08 **kwargs
    if code.co_posonlyargcount:
        return None
    names = tuple(code.co_varnames[: code.co_argcount])
    if any(n.startswith("_") or n in _ASTC_WRAPPER_NAMES for n in names):
        return None
    return names


_ASTC_SCALARS = (int, float, bool)

#: Policy "measure": timed calls of a signature each way (after the compile, and after
#: one more call each way that warms caches, left out), and how much faster the kernel's
#: best must be than the plain function's to be kept: where the two are that close, the
#: plain function (a kernel is never worth the risk of being the slower one).
_ASTC_TRIALS = 5
_ASTC_MARGIN = 0.95
#: Calls of a signature before its choice is made (compile, warm-ups, trials).
_ASTC_MEASURED_CALLS = 1 + 2 * (_ASTC_TRIALS + 1)


class _AstcRefused(Exception):
    """A signature the kernel is not exact for (raised on Numba's compile path)."""


class _AstcSettings:
    """How one kernel dispatches: every option of ``_astc_dispatch`` (see the module
    docstring), which ``_astc_kernel_bind`` fills from the spec. Each is written once,
    here: the class attributes are the defaults, keyword arguments override them (an
    unknown one is a ``TypeError``)."""

    policy: str = "trust"
    #: How many positional arguments a plain call passes (-1: not known).
    n: int = -1
    #: Module names the kernel relies on, checked against their ``_astc_`` aliases.
    guards: tuple[str, ...] = ()
    #: Positions of scalar parameters (Python ``int``/``float``/``bool`` only).
    scalars: tuple[int, ...] = ()
    #: Positions of parameters exact only as NumPy arrays: a call passing anything else
    #: there (a list, an array subclass) runs ``plain`` after one type test, on the direct
    #: path (the signature check would refuse it too, after Numba typed it).
    containers: tuple[int, ...] = ()
    convert: Fn | None = None
    key: Fn | None = None
    same: Callable[[Any, Any], bool] | None = None
    strict: bool = False
    warning: Any = RuntimeWarning
    loops: bool = False
    #: Every exact signature has an array argument: calls without one run ``plain``.
    arrays: bool = False
    admit: Callable[[tuple[Any, ...]], str | None] | None = None
    bound: tuple[Any, ...] = ()
    errors: str = "warn"
    mutates: bool = False
    #: The compiled callable changes nothing it did not create (an automatic kernel whose
    #: copy stores nowhere but into locals): when it raises something other than ``own``,
    #: the plain function runs instead, so the caller sees CPython's outcome exactly.
    pure: bool = False
    #: Exceptions the runtime itself decides on (compile errors, refusals, bounds).
    own: Any = ()
    max_rows: int | None = None
    names: tuple[str, ...] | None = None
    notice: str = "astc: kernel {name}() runs as plain Python: {reason}"
    notify: Callable[[str], None] | None = None

    def __init__(self, **options: Any) -> None:
        for option, value in options.items():
            if option.startswith("_") or not hasattr(_AstcSettings, option):
                raise TypeError(f"no kernel dispatch option {option!r}")
            setattr(self, option, value)


def _astc_numpy_error(error: BaseException) -> BaseException:
    """NumPy's ValueError for Numba's of a slice store of the wrong shape (both are raised
    before anything is stored), else ``error`` itself. A source of more dimensions than the
    target, with leading 1s, NumPy broadcasts and Numba refuses: that one stays Numba's."""
    import re

    found = re.fullmatch(
        r"cannot assign slice of shape \(([\d, ]*)\) from input of shape \(([\d, ]*)\)",
        str(error).strip(),
    )
    if found is None or not isinstance(error, ValueError):
        return error
    dst, src = ([int(v) for v in part.split(",") if v.strip()] for part in found.groups())
    while src and src[0] == 1:  # NumPy drops the source's leading 1s
        src.pop(0)
    if len(src) <= len(dst) and all(
        s in (1, d) for s, d in zip(reversed(src), reversed(dst), strict=False)
    ):
        return error  # NumPy would have broadcast it

    def text(shape: list[int]) -> str:
        return "(" + ",".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"

    new = ValueError(
        f"could not broadcast input array from shape {text(src)} into shape {text(dst)}"
    )
    # raised by ``failed``, outside the wrapper's handler: its context is CPython's (the
    # exception the caller is handling, if any), not Numba's error
    return new


class _AstcKernel(_AstcSettings):
    """State of one kernel: its plain function, compiled callable and routing."""

    def __init__(
        self,
        name: str,
        plain: Fn,
        build: Callable[[_AstcKernel], Any],
        g: dict[str, Any] | None = None,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self.name = name
        self.plain = plain
        self.builder = build
        self.g = g if g is not None else {}
        self.bound = tuple(self.bound)
        #: Argument signatures include array sizes (policy "measure": timings differ).
        self.size_key = self.policy == "measure"
        #: Per argument signature compared with the plain function: whether they agreed.
        self.verdicts: dict[Any, bool] = {}
        #: NumPy scalar types to box a compiled callable's Python scalar results in, per
        #: signature (learnt at its comparison: Numba boxes ``float64`` as ``float``).
        self.boxes: dict[Any, Any] = {}
        #: Policy "rows": what runs for the checked single-array signature, per batch size.
        self.row_routes: dict[int, Fn] = {}
        self.compiled: Any = None
        self.warned: set[str] = set()
        #: Why calls went to the plain function (see :meth:`route`).
        self.reasons: set[str] = set()
        self.routes: dict[Any, Fn] = {}
        self.trials: dict[Any, list[list[float]]] = {}
        self.catch: Any = (_AstcRefused,)
        import inspect

        try:
            self.signature: Any = inspect.signature(plain)
        except (TypeError, ValueError):
            self.signature = None
        names = self.names
        if names is not None:  # keywords by these names, after the bound arguments
            kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
            only = inspect.Parameter.POSITIONAL_ONLY
            self.signature = inspect.Signature(
                [inspect.Parameter(f"_astc_b{i}", only) for i in range(len(self.bound))]
                + [inspect.Parameter(n, kind) for n in names]
            )
            self.n = len(self.bound) + len(names)
        key = self.key
        if key is None and self.policy in _ASTC_CHECKING:
            key = self.array_key
        self.ns: dict[str, Any] = {
            "_k": self,
            "_plain": plain,
            "_g": self.g,
            "_routes": self.routes,
            "_key": key or self.default_key,
            "_ok": _ASTC_SCALARS,
            # the builtins the wrapper's code calls, under names no parameter can have
            "_type": type,
            "_len": len,
            "_nd": None,
            "_bi": __import__("builtins").__dict__,
            "_bound": self.bound,
            "_nokw": {},
            "_rows": self.row_routes,
            "_fd": None,
            "_fn": -1,
        }
        self.exact = None if names is not None else _astc_exact_params(plain, self.bound)
        if self.exact is not None:
            self.n = len(self.exact)
        wrapper = self.code(_ASTC_COLD)
        _astc_functools.update_wrapper(wrapper, plain)
        if self.exact is not None:  # the same signature: nothing to unwrap
            del wrapper.__wrapped__  # type: ignore[attr-defined]
            wrapper.__defaults__ = plain.__defaults__
        wrapper._astc_state = self  # type: ignore[attr-defined]
        self.wrapper = wrapper

    # -- code of the wrapper (one function object; its code is swapped)
    def code(self, template: str, **fields: str) -> Fn:
        space: dict[str, Any] = {}
        if self.exact is not None:
            names = ", ".join(self.exact)
            head = f"def _astc_wrapper({names}):\n"
            pack = f"({names},)" if self.exact else "()"
            prefix = f"    args = {pack}\n    kwargs = _nokw\n"
            arity = ""
        else:
            head = "def _astc_wrapper(*args, **kwargs):\n"
            prefix = "    args = _bound + args\n" if self.bound else ""
            arity = (
                f"    if kwargs or _len(args) != {self.n}:\n        return _k.call(args, kwargs)\n"
            )
        fields.setdefault("checks", "")
        fields.setdefault("guards", "")
        fields.setdefault("call", "")
        fields.setdefault("first", str(len(self.bound)))
        text = template.format(head=head, prefix=prefix, arity=arity, **fields)
        exec(compile(text, f"<astc kernel {self.name}>", "exec"), self.ns, space)
        fn: Fn = space["_astc_wrapper"]
        return fn

    def become(self, template: str, **fields: str) -> None:
        self.wrapper.__code__ = self.code(template, **fields).__code__

    def become_plain(self) -> None:
        """The kernel is given up: from now on the wrapper only calls the plain function
        (with the plain function's own parameters, passed on by name: no tuple packed)."""
        if self.names is not None:
            self.become(_ASTC_PLAIN_BOUND)  # keywords bound by ``names`` first
        elif self.exact is not None:
            self.become(_ASTC_PLAIN_NAMED, call=", ".join(self.exact))
        else:
            self.become(_ASTC_PLAIN)

    def guard_lines(self, star: str = "*args") -> str:
        return "".join(
            f"    if {self.read(n)} is not _g[{'_astc_' + n!r}]:\n        return _plain({star})\n"
            for n in self.guards
        )

    @staticmethod
    def read(name: str) -> str:
        """How the wrapper reads a guarded name as Python would: the module's global, or
        the builtin when the module binds none (astc.guards aliases builtins too)."""
        import builtins

        if hasattr(builtins, name):
            return f"_g.get({name!r}, _bi.get({name!r}))"
        # .get: a deleted global is not its alias, so the plain function runs and raises
        # CPython's NameError (not the wrapper's KeyError)
        return f"_g.get({name!r})"

    def guards_hold(self) -> bool:
        g, bi = self.g, self.ns["_bi"]
        return all(g.get(n, bi.get(n)) is g["_astc_" + n] for n in self.guards)

    def checks(self, names: tuple[str, ...] | None = None) -> str:
        """The guards and scalar-type tests of the direct path, on ``args`` or, given
        ``names``, on the parameters themselves."""
        star = "*args" if names is None else ", ".join(names)
        lines = self.guard_lines(star)
        for i in self.scalars:
            a = f"args[{i}]" if names is None else names[i]
            lines += (
                f"    if _type({a}) not in _ok and _type({a}) is not _nd:\n"
                f"        return _plain({star})\n"
            )
        for i in self.containers:
            a = f"args[{i}]" if names is None else names[i]
            lines += f"    if _type({a}) is not _nd:\n        return _plain({star})\n"
        return lines

    def warn(self, reason: str) -> None:
        if reason not in self.warned:
            self.warned.add(reason)
            message = self.notice.format(name=self.name, reason=reason)
            if self.notify is not None:
                self.notify(message)
            _astc_warn(message, self.warning)

    def route(self, reason: str) -> None:
        """Arguments the kernel was not proven exact for: the plain function runs. That is
        routing, not a failure, so it is silent (CPython's output is what the program
        prints) unless ASTC_KERNEL_WARNINGS is set."""
        self.reasons.add(reason)
        if _astc_os.environ.get("ASTC_KERNEL_WARNINGS", "") not in ("", "0"):
            self.warn(reason)

    # -- first call: build, then specialise the wrapper
    def first(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        try:
            if self.strict:
                self.compiled = _astc_keeping_warned(self.plain, self.builder, self)
            else:
                self.compiled = self.builder(self)
        except Exception as error:  # noqa: BLE001 - any failure: the plain function
            if self.errors == "raise":
                raise  # the caller handles it; the next call tries again
            self.compiled = None
            self.warn(str(error) or type(error).__name__)
        if self.compiled is None:
            self.become_plain()
            if self.names is None:
                return self.plain(*args, **kwargs)
            return self.wrapper(*args[len(self.bound) :], **kwargs)
        self.wrapper._astc_dispatcher = self.compiled  # type: ignore[attr-defined]
        try:
            import numpy

            self.ns["_nd"] = numpy.ndarray
        except ImportError:
            pass
        self.ns["_disp"] = self.compiled
        self.ns["_conv"] = self.convert
        self.ns["_catch"] = self.catch
        if self.admit is not None and self.policy == "trust":
            self.policy = "keyed"  # admitted once per signature, then a lookup per call
        if _astc_os.environ.get("ASTC_VERIFY_KERNELS", "") not in ("", "0"):
            self.become(_ASTC_VERIFY)
        elif self.policy == "trust":
            self.direct()
        elif self.policy in _ASTC_CHECKING:
            one = self.n == len(self.bound) + 1
            self.become(_ASTC_ROWS if one else _ASTC_CHECKED)
        else:
            self.become(_ASTC_KEYED, guards=self.guard_lines() + self.array_line())
        return self.wrapper(*args[len(self.bound) :], **kwargs)

    def array_line(self) -> str:
        """With ``arrays``: a call without an array argument runs ``plain`` before the
        key is computed (scalar calls of whole-array code pay two type tests, no key)."""
        if not self.arrays or self.n <= len(self.bound):
            return ""
        test = " and ".join(f"_type(args[{i}]) is not _nd" for i in range(len(self.bound), self.n))
        return f"    if {test}:\n        return _plain(*args)\n"

    def direct(self) -> None:
        names = self.exact
        star = "*args" if names is None else ", ".join(names)
        call = f"_conv(_disp({star}))" if self.convert is not None else f"_disp({star})"
        if names is None:
            self.become(_ASTC_DIRECT, checks=self.checks(), call=call)
            return
        pack = f"({star},)" if names else "()"
        self.become(_ASTC_DIRECT_NAMED, checks=self.checks(names), call=call, pack=pack)

    def default_key(self, args: tuple[Any, ...]) -> Any:
        nd = self.ns["_nd"]
        parts: list[Any] = []
        for a in args[len(self.bound) :]:  # bound arguments are the same objects each call
            if type(a) is nd:
                size = a.size.bit_length() // 3 if self.size_key else 0
                parts.append((a.dtype, a.ndim, a.flags.c_contiguous, size))
            else:
                parts.append(type(a))
        return tuple(parts)

    # -- the paths the wrapper takes
    def positional(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...] | None:
        if not kwargs and (self.n < 0 or len(args) == self.n):
            return args
        if self.signature is None:
            return None
        try:
            bound = self.signature.bind(*args, **kwargs)
        except TypeError:
            return None
        bound.apply_defaults()
        if bound.kwargs:
            return None
        return tuple(bound.args)

    def call(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """Calls the fast path cannot take (keywords, defaults): bound, then routed."""
        full = self.positional(args, kwargs)
        if full is not None and self.compiled is None and self.names is not None:
            return self.plain(*full)  # the names are the caller's, not plain's own
        if full is None or self.compiled is None:
            return self.plain(*args, **kwargs)
        if self.policy in _ASTC_CHECKING:
            return self.keyed(full)
        if self.policy == "trust" and not self.routes:
            return self.kernel_call(*full)
        route = self.routes.get(self.ns["_key"](full))
        if route is None:
            return self.new_key(full)
        return route(*full)

    def kernel_call(self, *args: Any) -> Any:
        """The kernel (guards and scalar types checked), or the plain function."""
        if self.guards and not self.guards_hold():
            return self.plain(*args)
        nd = self.ns["_nd"]
        for i in self.scalars:
            if type(args[i]) not in _ASTC_SCALARS and type(args[i]) is not nd:
                return self.plain(*args)
        try:
            result = self.compiled(*args)
        except self.catch as error:
            failure = error
        else:
            return self.convert(result) if self.convert is not None else result
        return self.failed(failure, args)

    def failed(self, error: BaseException, args: tuple[Any, ...]) -> Any:
        """The kernel did not run for these arguments: why, and the plain function."""
        if self.policy in _ASTC_CHECKING:
            if self.mutates:
                raise error  # it may have updated something already: no second run
            want = self.plain(*args)  # the user's error, if the plain function raises too
            reason = f"raised {type(error).__name__}: {error}"
            self.pin(self.ns["_key"](args), reason)
            return want
        if isinstance(error, _AstcOutside):
            if str(error) == _ASTC_INT64_CHECK:
                # a run-time int64 check of a kernel that stores nothing failed: the plain
                # function runs, now and from now on (calls that grow ints beyond int64
                # would pay the kernel's attempt each time: never slower than plain)
                self.route(_ASTC_INT64_CHECK)
                self.compiled = None
                self.become_plain()
                return self.plain(*args)
            self.route("arguments beyond the bounds its int64 proofs assume (2**31 or 2**20)")
            return self.plain(*args)
        if isinstance(error, OverflowError):
            if not any(type(a) is int and not -(2**63) <= a < 2**63 for a in args):
                raise error  # the kernel's own OverflowError (CPython's, reproduced)
            self.route("a Python int argument beyond int64")
            return self.plain(*args)
        if self.own and not isinstance(error, self.own):  # the automatic kernel's own error
            if self.pure:
                # e.g. Numba's ValueError of a shape mismatch: nothing was changed, so the
                # plain function gives NumPy's own exception (or result)
                return self.plain(*args)
            raise _astc_numpy_error(error)  # stores were made: NumPy's message, if known
        first = str(error).strip().splitlines()
        reason = f"{type(error).__name__}: {first[0] if first else ''}"
        refused_by_helper = "astc: " in str(error)  # an exact helper's refusal of a type
        if isinstance(error, _AstcRefused):
            reason = str(error)
        elif refused_by_helper:
            reason = str(error)[str(error).index("astc: ") + 6 :].splitlines()[0]
        elif self.errors == "raise":
            raise error  # the caller wants compile errors as exceptions
        if not self.strict and not isinstance(error, _AstcRefused):
            self.warn(reason)  # explicit kernel: Numba could not compile it; for good
            self.compiled = None
            self.become_plain()
            return self.plain(*args)
        if isinstance(error, _AstcRefused) or refused_by_helper:
            self.route(reason)
        else:
            self.warn(reason)  # Numba could not compile what astc proved: worth telling
        self.routes[self.ns["_key"](args)] = self.plain
        if self.policy == "trust":  # from now on, signatures are looked up per call
            self.policy = "keyed"
            self.become(_ASTC_KEYED, guards=self.guard_lines())
        return self.plain(*args)

    def new_key(self, args: tuple[Any, ...]) -> Any:
        key = self.ns["_key"](args)
        nd = self.ns["_nd"]
        if (
            self.strict
            and nd is not None
            and any(type(a) is not nd and isinstance(a, nd) for a in args)
        ):
            # Numba types an ndarray subclass as a plain array: its own methods (indexing,
            # iteration, operators) would not run. The key tells the subclass apart.
            self.routes[key] = self.plain
            self.route("an ndarray subclass argument (Numba would ignore its methods)")
            return self.plain(*args)
        if self.admit is not None:
            refusal = self.admit(args)
            if refusal is not None:
                self.routes[key] = self.plain
                self.route(refusal)
                return self.plain(*args)
        if self.policy in ("trust", "keyed"):
            result = self.kernel_call(*args)
            if key not in self.routes:
                self.routes[key] = self.kernel_call
            return result
        if self.policy in _ASTC_CHECKING:
            return self.compare(key, args)
        return self.measure(key, args)

    def measure(self, key: Any, args: tuple[Any, ...]) -> Any:
        """Time this signature's first calls both ways; keep the faster (never slower)."""
        import time

        if self.loops and not any(type(a) is self.ns["_nd"] for a in args):
            # a loop on scalars only: nothing NumPy could do faster than machine code
            result = self.kernel_call(*args)
            self.routes.setdefault(key, self.kernel_call)
            return result
        times = self.trials.get(key)
        if times is None:
            self.trials[key] = [[], []]
            result = self.kernel_call(*args)  # compiles; not timed
            return result
        if key in self.routes:
            return self.routes[key](*args)
        use_kernel = len(times[0]) <= len(times[1])
        fn = self.kernel_call if use_kernel else self.plain
        start = time.perf_counter()
        result = fn(*args)
        times[0 if use_kernel else 1].append(time.perf_counter() - start)
        if key in self.routes:  # the kernel refused this signature meanwhile
            return result
        if len(times[0]) > _ASTC_TRIALS and len(times[1]) > _ASTC_TRIALS:
            # each way's first timed call warms caches (the plain function's first one
            # ran slower by a third on the corpus): left out
            faster = min(times[0][1:]) < _ASTC_MARGIN * min(times[1][1:])
            self.routes[key] = self.kernel_call if faster else self.plain
        return result

    def compare(self, key: Any, args: tuple[Any, ...]) -> Any:
        """The first call of a signature: the plain function first (its result is
        returned, its exceptions propagate and decide nothing), then the compiled callable
        (on copies of the arrays with ``mutates``, whose updates must agree too)."""
        inputs = _astc_array_copies(args) if self.mutates else args
        want = self.plain(*args)
        try:
            got = self.compiled(*inputs)
            if self.convert is not None:
                got = self.convert(got)
        except Exception as error:  # noqa: BLE001 - judged against the plain result above
            first = " ".join(str(error).split("\n")[:3]).strip()
            self.pin(key, f"failed ({type(error).__name__}: {first[:300]})")
            return want
        import numpy

        box = None
        if isinstance(want, numpy.generic) and type(got) in (bool, int, float, complex):
            box = type(want)  # Numba's boxing of a NumPy scalar: converted from now on
        same = self.same or _astc_kernel_same
        agree = same(got if box is None else box(got), want)
        if self.mutates:
            agree = agree and same(list(inputs), list(args))
        if not agree:
            self.pin(key, "result differs from the plain function's (type, dtype, shape or value)")
            return want
        self.verdicts[key] = True
        self.routes[key] = _astc_functools.partial(self.checked, key)
        if box is not None:
            self.boxes[key] = box
        elif self.ns["_fn"] < 0 and len(key) == 1 and type(key[0]) is tuple and key[0][2]:
            self.ns["_fd"], self.ns["_fn"] = key[0][0], key[0][1]  # the fast path's
        return want

    def pin(self, key: Any, why: str) -> None:
        """A signature whose compiled result failed or differed: the plain function runs
        for it from now on, with one warning."""
        self.verdicts[key] = False
        self.routes[key] = self.plain
        if key == self.fast_key():
            self.ns["_fd"], self.ns["_fn"] = None, -1  # the fast path would take it
            self.row_routes.clear()
        self.warn(f"for arguments {key}: the kernel {why}")

    def fast_key(self) -> Any:
        return ((self.ns["_fd"], self.ns["_fn"], True),)

    def array_key(self, args: tuple[Any, ...]) -> Any:
        """The signature checking policies use: dtype, rank and whether C-contiguous,
        aligned and writeable per array, else the type (bound arguments left out)."""
        nd = self.ns["_nd"]
        return tuple(
            [
                (a.dtype, a.ndim, a.flags.carray) if type(a) is nd else type(a)
                for a in args[len(self.bound) :]
            ]
        )

    def rows(self, args: tuple[Any, ...]) -> int:
        """The batch size: the most rows of an array argument of rank 2 or more, or -1."""
        nd = self.ns["_nd"]
        sizes = [a.shape[0] for a in args[len(self.bound) :] if type(a) is nd and a.ndim >= 2]
        return max(sizes, default=-1)

    def keyed(self, args: tuple[Any, ...]) -> Any:
        """Policies "compare"/"rows" off the fast path: by signature, then by rows."""
        key = self.ns["_key"](args)
        route = self.routes.get(key)
        if route is not None:
            return route(*args)
        if self.max_rows is not None and self.rows(args) > self.max_rows:
            return self.plain(*args)  # beyond max_rows: neither compared nor compiled
        return self.new_key(args)

    def checked(self, key: Any, *args: Any) -> Any:
        """A signature that agreed: the compiled callable, or at batch sizes beyond
        ``max_rows`` (and, policy "rows", where it was measured slower) the plain one."""
        rows = self.rows(args)
        fast = rows >= 0 and key == self.fast_key()
        if self.max_rows is not None and rows > self.max_rows:
            if fast:
                self.keep_rows(rows, self.plain)
            return self.plain(*args)
        if fast:
            if self.policy == "rows":
                return self.time_rows(args, rows)
            self.keep_rows(rows, self.compiled)
        try:
            result = self.compiled(*args)
        except Exception as error:  # noqa: BLE001 - answered by the plain function
            failure = error
        else:
            box = self.boxes.get(key)
            return result if box is None else box(result)
        return self.failed(failure, args)

    def keep_rows(self, rows: int, run: Fn) -> None:
        if len(self.row_routes) < _ASTC_ROWS_KEPT:  # batch sizes beyond: the slower path
            self.row_routes[rows] = run

    def time_rows(self, args: tuple[Any, ...], rows: int) -> Any:
        """Time the compiled callable and the plain function at this many rows (best of
        3, interleaved); the faster runs at that batch size from now on. Returns the plain
        function's result."""
        import time

        best = [float("inf"), float("inf")]
        result = None
        for _ in range(3):
            for i, run in enumerate((self.compiled, self.plain)):
                start = time.perf_counter()
                try:
                    result = run(*args)
                except Exception as error:  # noqa: BLE001 - as after any compiled call
                    failure = error
                else:
                    best[i] = min(best[i], time.perf_counter() - start)
                    continue
                return self.failed(failure, args)
        self.keep_rows(rows, self.compiled if best[0] < best[1] else self.plain)
        return result

    def verify(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        p_args = [_astc_kernel_copy(a) for a in args]
        p_kwargs = {k: _astc_kernel_copy(v) for k, v in kwargs.items()}
        expected = self.plain(*p_args, **p_kwargs)
        full = self.positional(args, kwargs)
        got = self.kernel_call(*full) if full is not None else self.plain(*args, **kwargs)
        name = self.name
        if not _astc_kernel_same(expected, got, self.strict):
            raise AssertionError(
                f"astc: kernel {name}() returned {got!r}, the plain function {expected!r}"
            )
        for i, (a, b) in enumerate(zip(args, p_args, strict=True)):
            if not _astc_kernel_same(a, b, self.strict):
                raise AssertionError(f"astc: kernel {name}() left argument {i} different")
        for k, v in kwargs.items():
            if not _astc_kernel_same(v, p_kwargs[k], self.strict):
                raise AssertionError(f"astc: kernel {name}() left argument {k} different")
        return got


def _astc_arity(plain: Fn) -> int:
    """How many positional arguments ``plain`` takes (-1: ``*args``, ``**kwargs`` or
    keyword-only ones, or no code to tell)."""
    code = getattr(plain, "__code__", None)
    if code is None or code.co_flags & 0x0C or code.co_kwonlyargcount:
        return -1
    return int(code.co_argcount)


def _astc_dispatch(name: str, plain: Fn, build: Callable[[], Any], **options: Any) -> Fn:
    """A dispatcher for a callable built by ``build()`` (see the module docstring); the
    options are :class:`_AstcSettings`' (``n`` and ``strict`` are set here)."""
    kernel = _AstcKernel(
        name, plain, lambda _state: build(), n=_astc_arity(plain), strict=True, **options
    )
    if kernel.policy != "trust":
        kernel.catch = (Exception,)
    return kernel.wrapper


def _astc_kernel_define(g: dict[str, Any], name: str, source: str, line: int) -> Fn:
    """Define the kernel copy (and its callee copies and CUDA form) in ``g``.

    The copies travel as source text in the binding statement, so that they add no lines
    to the compiled module; their line numbers are shifted to the plain ``def``'s.
    """
    import ast

    tree = ast.parse(source)
    ast.increment_lineno(tree, line - 1)
    space: dict[str, Any] = {}
    exec(compile(tree, g.get("__file__") or "<astc kernel>", "exec"), g, space)
    g.update(space)
    kernel: Fn = g["_astc_kernel_" + name]
    return kernel


def _astc_signature_check(spec: dict[str, Any], numba: Any) -> Callable[..., str | None]:
    """Whether a call's Numba argument types are ones the kernel is exact for."""
    types = numba.core.types
    options = spec.get("options", ())
    ndims = spec.get("ndims", ())
    allowed = frozenset(tuple(a.split(",")) for a in spec.get("allowed", ()))
    defaults = list(spec.get("defaults", ()))
    scalar_names = {types.int64: "S:int", types.float64: "S:float", types.boolean: "S:bool"}

    def check(dispatcher: Any, args: tuple[Any, ...]) -> str | None:
        picked: list[str] = []
        for i, value in enumerate(args):
            if i >= len(options):
                return "more arguments than parameters"
            t = dispatcher.typeof_pyval(value)
            if isinstance(t, types.Array):
                option = options[i].get("A:" + str(t.dtype))
                if option is None:
                    return (
                        f"argument {i} is a {t.dtype} array (exact for: "
                        + ", ".join(sorted({k[2:] for k in options[i] if k.startswith("A:")}))
                        + ")"
                    )
                if ndims[i] is not None and t.ndim != ndims[i]:
                    return f"argument {i} is a {t.ndim}-D array ({ndims[i]}-D expected)"
                if t.ndim == 0:  # NumPy gives NumPy scalars from 0-d arrays, Numba floats
                    return f"argument {i} is a 0-d array"
                if not t.mutable:  # Numba types a read-only array apart: a store fails
                    return f"argument {i} is a read-only array"
            else:
                option = options[i].get(scalar_names.get(t, ""))
                if option is None:
                    return f"argument {i} is {type(value).__name__} ({t})"
            picked.append(option)
        picked.extend(defaults[len(picked) :])  # omitted arguments take their defaults
        if tuple(picked) not in allowed:
            return (
                "not exact for arguments of these types ("
                + ", ".join(str(dispatcher.typeof_pyval(v)) for v in args)
                + ")"
            )
        return None

    return check


def _astc_kernel_build(
    state: _AstcKernel, g: dict[str, Any], name: str, spec: dict[str, Any]
) -> Any:
    """Compile the kernel of a compiled module; raises with the reason it cannot."""
    numba, reason = _astc_numba()
    if numba is None:
        raise RuntimeError(reason)
    source, line = spec["source"], spec["line"]
    strict = bool(spec.get("strict", False))
    if strict:
        try:
            _astc_setup(g, numba)
        except Exception as error:  # noqa: BLE001 - e.g. no C library pow
            raise RuntimeError(f"the kernel runtime cannot start ({error})") from None
    try:
        kernel = _astc_kernel_define(g, name, source, line)
    except Exception as error:  # noqa: BLE001 - cannot happen for astc's own output
        raise RuntimeError(f"kernel copy does not compile: {error}") from None
    import sys

    # Numba's cache reloads a kernel's globals by importing its module: only cache kernels
    # of real, importable modules (not exec'd strings).
    cacheable = _astc_os.path.isfile(kernel.__code__.co_filename) and (
        g.get("__name__") in sys.modules
    )
    jit = dict(spec.get("jit", {}))
    jit["cache"] = bool(jit.get("cache", True)) and cacheable
    if jit.get("parallel"):
        g["_astc_prange"] = numba.prange
    fingerprint = spec.get("fingerprint", "")
    if jit["cache"]:
        _astc_kernel_locator(numba)
        kernel._astc_fingerprint = fingerprint  # type: ignore[attr-defined]
    for callee in spec.get("callees", ()):  # compiled with the kernel, callees first
        if not isinstance(g[callee], numba.core.dispatcher.Dispatcher):
            if jit["cache"]:
                g[callee]._astc_fingerprint = fingerprint + "-" + callee
            g[callee] = numba.njit(**{**jit, "parallel": False})(g[callee])
    dispatcher = numba.njit(**jit)(kernel)
    state.catch = (numba.core.errors.NumbaError, _AstcRefused, OverflowError)
    if strict:
        state.own = (numba.core.errors.NumbaError, _AstcRefused, _AstcOutside, OverflowError)
        state.catch = state.own + ((Exception,) if state.pure else (ValueError,))
        check = _astc_signature_check(spec, numba)
        compile_for_args = dispatcher._compile_for_args

        def checked(*args: Any, **kwargs: Any) -> Any:
            problem = check(dispatcher, args)
            if problem is not None:
                raise _AstcRefused(problem)
            return _astc_keeping_warned(state.plain, lambda: compile_for_args(*args, **kwargs))

        dispatcher._compile_for_args = checked
    if spec.get("target") == "cuda":
        host = g.get("_astc_cuda_host_" + name)
        if host is not None:
            dispatcher = host(dispatcher)
    return dispatcher


def _astc_kernel_bind(g: dict[str, Any], name: str, plain: Fn, spec: dict[str, Any]) -> Fn:
    """What the kernel's public name is bound to at import (see the module docstring)."""
    strict = bool(spec.get("strict", False))
    params = spec.get("params", ())
    # CUDA hosts take device arrays too: only CPU kernels send other containers to plain
    cpu = strict and spec.get("target", "cpu") == "cpu"
    containers = tuple(
        i
        for i, kinds in enumerate(spec.get("options", ()) if cpu else ())
        if kinds and all(k.startswith("A:") for k in kinds)
    )
    state = _AstcKernel(
        name,
        plain,
        lambda st: _astc_kernel_build(st, g, name, spec),
        g,
        policy=spec.get("policy", "trust"),
        n=len(params) if params else -1,
        guards=tuple(spec.get("guards", ())),
        scalars=tuple(spec.get("scalars", ())),
        containers=containers,
        convert=_astc_converter(spec.get("returns", "plain")) if strict else None,
        strict=strict,
        loops=bool(spec.get("loops", False)),
        arrays=bool(spec.get("arrays", False)),
        pure=strict and bool(spec.get("pure", False)),
    )
    return state.wrapper


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
