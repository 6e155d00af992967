"""Every name astc generates, one home per family (each starts with :data:`PREFIX`).

User code never binds a name that starts with ``_astc_`` (astc's output would not be
correct if it did: the guards assume so, see :mod:`astc.guards`), so these names can be
put into a user's module without colliding with anything of the user's.

Three kinds of names live here:

* names the compiler makes up (guard aliases, inlined temporaries, kernel copies and
  their strength flags, CUDA kernels, hybridize's loop helpers);
* names the embedded runtime defines and generated code calls (:data:`RUNTIME`): the
  runtime (:mod:`astc.backends.runtime`, :mod:`astc.backends.runtime_exact`) is copied
  as text into compiled modules and runs without astc, so it spells its own names; the
  table here is what the compiler's side refers to, and ``tests/test_structure.py``
  checks that the runtime defines every name in it (and nothing the table lacks);
* names generated code defines and the runtime reads (:data:`READ_BY_RUNTIME`): the
  runtime spells their prefix too, and the same test checks it does.

hybridize's typing helpers (:data:`WEAK` and its operator forms) are defined by
:mod:`astc.hybrid.jit`, embedded in saved packages in the same way.

No other module spells a generated name (the structure test checks that, docstrings and
comments aside).
"""

from __future__ import annotations

#: Every name astc generates starts with this; user code never should.
PREFIX = "_astc_"


def is_generated(name: str) -> bool:
    return name.startswith(PREFIX)


# -- the guard protocol and the inliner (astc.guards, astc.passes) --------------------
def alias(name: str) -> str:
    """The module-level name holding the object a guard on ``name`` compares against."""
    return PREFIX + name


def temporary(base: str, number: int) -> str:
    """A fresh local for an inlined callee's parameter or local ``base``."""
    return f"{PREFIX}{base}_{number}"


def local(base: str) -> str:
    """A local of code astc writes whole (a CUDA reduction's shared buffer and indices)."""
    return PREFIX + base


# -- kernels (astc.backends): names the compiler makes ---------------------------------
#: The kernel copy of ``f`` is ``_astc_kernel_f`` (the runtime defines it from the spec's
#: source text and looks it up by this prefix).
KERNEL_PREFIX = PREFIX + "kernel_"
#: Strength flags: ``_astc_np_x`` says whether ``x`` holds a NumPy (not a Python) scalar.
FLAG_PREFIX = PREFIX + "np_"
#: The CUDA form of kernel ``f``, ``_astc_cudak_f``.
CUDA_KERNEL_PREFIX = PREFIX + "cudak_"
#: The factory wrapping kernel ``f``'s CPU dispatcher with its CUDA launch (the runtime
#: looks it up by this prefix).
CUDA_HOST_PREFIX = PREFIX + "cuda_host_"
#: A CUDA reduction's output parameter.
CUDA_RESULT = PREFIX + "result"


def kernel(name: str) -> str:
    return KERNEL_PREFIX + name


def kernel_callee(kernel_name: str, callee: str, index: int) -> str:
    """The copy of module function ``callee`` compiled with kernel ``kernel_name``
    (``index`` tells apart copies of one callee lowered differently)."""
    base = f"{KERNEL_PREFIX}{kernel_name}__{callee.replace('.', '_')}"
    return base if index == 0 else f"{base}__{index}"


def flag(name: str) -> str:
    return FLAG_PREFIX + name


def cuda_kernel(name: str) -> str:
    return CUDA_KERNEL_PREFIX + name


def cuda_host(name: str) -> str:
    return CUDA_HOST_PREFIX + name


#: Generated names the runtime reads, by prefix (it spells each itself).
READ_BY_RUNTIME = (PREFIX, KERNEL_PREFIX, CUDA_HOST_PREFIX)

# -- names the embedded runtime defines ------------------------------------------------
#: What a compiled module binds a kernel's public name with.
KERNEL_BIND = PREFIX + "kernel_bind"
#: Wraps a CPU dispatcher with a CUDA launch.
CUDA_WRAP = PREFIX + "cuda_wrap"
#: ``range``, rebound to Numba's ``prange`` for parallel kernels.
PRANGE = PREFIX + "prange"
#: ``numba.cuda`` and ``numba.float64``, bound when a CUDA kernel is built.
CUDA = PREFIX + "cuda"
F64 = PREFIX + "f64"
#: The ``os`` module.
OS = PREFIX + "os"

#: The exact helpers (astc.backends.runtime_exact); which call needs which is decided by
#: astc.backends.analysis and astc.backends.library.
POW = {"py": PREFIX + "pow_py", "np": PREFIX + "pow_np", "mixed": PREFIX + "pow_m"}
MATH_POW = PREFIX + "math_pow"
INDEX_INT = PREFIX + "index_int"
INDEX_FLOOR = PREFIX + "index_floor"
INDEX_CEIL = PREFIX + "index_ceil"
INDEX_TRUNC = PREFIX + "index_trunc"
MINIMUM = PREFIX + "minimum"
MAXIMUM = PREFIX + "maximum"
SIGN = PREFIX + "sign"
SUM = PREFIX + "sum"
MEAN = PREFIX + "mean"
RESHAPE = PREFIX + "reshape"
RAVEL = PREFIX + "ravel"
#: ``np.sum``/``np.mean`` by NumPy's name.
REDUCTIONS = {"sum": SUM, "mean": MEAN}
#: The operations with Python's zero-division rule (stems of :func:`division`).
DIVISIONS = ("div", "floordiv", "mod")


def division(op: str, python: bool) -> str:
    """``x <op> y`` with Python's zero-division rule: for Python operands (``python``), or
    with a flag saying whether they are NumPy scalars."""
    assert op in DIVISIONS, op
    return f"{PREFIX}{op}_{'py' if python else 'm'}"


#: int64 NumPy scalar operations checked for overflow (on overflow NumPy does them).
OVERFLOW_CHECKED = ("add", "sub", "mul", "neg", "abs")


def overflow_checked(op: str) -> str:
    """The runtime's overflow-checked int64 NumPy scalar ``op`` (of OVERFLOW_CHECKED)."""
    assert op in OVERFLOW_CHECKED, op
    return f"{PREFIX}{op}_np"


#: Python-int operations of a kernel that stores nothing, checked at run time to stay in
#: int64 where no proof bounds them (on overflow the kernel gives up: the plain function
#: runs, with CPython's unbounded ints).
INT64_CHECKED = ("add", "sub", "mul", "neg")


def int64_checked(op: str) -> str:
    """The runtime's ``op`` of Python ints (of INT64_CHECKED) that raises ``_AstcOutside``
    instead of wrapping."""
    assert op in INT64_CHECKED, op
    return f"{PREFIX}{op}_i64"


def checked_math(name: str) -> str:
    """``math.<name>`` with CPython's errors."""
    return f"{PREFIX}math_{name}"


def axis_reduction(helper: str, axis: int) -> str:
    """``helper`` (:data:`SUM`, :data:`MEAN`) along ``axis`` (0 or 1) of a 2-D array."""
    return f"{helper}_axis{axis}"


#: The helpers above that may have NumPy warn (in object mode, at the user's line): a zero
#: divisor of NumPy scalars, a NumPy ``**``, an int64 overflow, the mean of nothing.
NUMPY_WARNING = frozenset(
    (
        *(division(op, False) for op in DIVISIONS),
        POW["np"],
        POW["mixed"],
        *(overflow_checked(op) for op in OVERFLOW_CHECKED),
        MEAN,
        *(axis_reduction(MEAN, axis) for axis in (0, 1)),
    )
)

#: The names above that the runtime defines (``checked_math()`` names: those
#: astc.backends.library lists).
RUNTIME = (
    KERNEL_BIND,
    CUDA_WRAP,
    PRANGE,
    CUDA,
    F64,
    OS,
    *(division(op, py) for op in DIVISIONS for py in (True, False)),
    *POW.values(),
    *(overflow_checked(op) for op in OVERFLOW_CHECKED),
    *(int64_checked(op) for op in INT64_CHECKED),
    MATH_POW,
    INDEX_INT,
    INDEX_FLOOR,
    INDEX_CEIL,
    INDEX_TRUNC,
    MINIMUM,
    MAXIMUM,
    SIGN,
    SUM,
    MEAN,
    *(axis_reduction(h, axis) for h in (SUM, MEAN) for axis in (0, 1)),
    RESHAPE,
    RAVEL,
)

# -- hybridize (astc.hybrid) -----------------------------------------------------------
#: ``_astc_weak(c, like)`` and its operator forms, defined by astc.hybrid.jit.
WEAK = PREFIX + "weak"


def weak_operator(op: str, side: str) -> str:
    """``c <op> e`` (``side`` "l") or ``e <op> c`` ("r") with the literal ``c`` typed as
    NumPy 2 types it (``op``: an ``ast`` operator class name)."""
    return f"{WEAK}_{op}_{side}"


#: The alias of ``numpy`` in traced code.
NUMPY = PREFIX + "np"
#: Loop helpers (astc.hybrid.loops).
DENSE_PREFIX = PREFIX + "dense_"
MATMUL = PREFIX + "matmul"
#: The CUDA kernel of a dense chain (astc.hybrid.cuda_kernel).
CUDA_FORWARD = PREFIX + "cuda_forward"


def dense(bias: bool, relu: bool) -> str:
    return f"{DENSE_PREFIX}b{int(bias)}_r{int(relu)}"


def row_reduction(op: str, keepdims: bool) -> str:
    return f"{PREFIX}row_{op}_k{int(keepdims)}"
