"""The exact helpers automatic kernels call, defined with Numba at a module's first kernel.

Part of the runtime (see :mod:`astc.backends.runtime`): everything between the markers is
emitted into compiled modules before the dispatcher. Each helper is a stub with a Numba
``overload`` that picks its implementation from the argument types when a kernel is
typed: Python's zero-division rule, NumPy's warnings on int64 scalar overflow (checked
in the kernel, NumPy's own operation when it overflows), ``math`` with CPython's errors,
the C library's ``pow`` (called opaquely, so that LLVM cannot rewrite ``pow(x, 2.0)`` as
``x * x``), int conversions saturated to int64, NumPy's scalar minimum/maximum/sign,
NumPy's pairwise summation (``np.sum``, ``np.mean``, with ``axis=`` too),
``reshape``/``ravel`` of contiguous arrays. The analysis (:mod:`astc.backends.analysis`)
decides where each is exact; the names are listed in :mod:`astc.backends.library`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Fn = Callable[..., Any]
StubMaker = Callable[[str], Fn]
Overload = Callable[[Fn], Callable[[Fn], Fn]]

# --- BEGIN RUNTIME ---


class _AstcExact:
    """What every group of helpers needs: the module's globals (the stubs live there),
    Numba's typing API, a non-caching ``njit`` and the C library's ``pow``."""

    def __init__(self, g: dict[str, Any], numba: Any) -> None:
        import ctypes
        import math

        import llvmlite.binding as llb  # type: ignore[import-untyped]
        import numpy as np
        from numba import types
        from numba.core.errors import TypingError
        from numba.extending import overload

        self.g, self.numba, self.types, self.np, self.math = g, numba, types, np, math
        self.overload: Overload = overload
        self.typing_error: Any = TypingError
        self.jit: Callable[[Fn], Fn] = numba.njit(cache=False)
        address = ctypes.cast(ctypes.CDLL(None).pow, ctypes.c_void_p).value
        llb.add_symbol("_astc_libm_pow", address)
        signature = types.float64(types.float64, types.float64)
        self.cpow: Any = types.ExternalFunction("_astc_libm_pow", signature)

    def stub(self, name: str) -> Fn:
        """A module global ``name`` that only kernels can call (its overload does the work)."""

        def f(*args: Any) -> Any:
            raise NotImplementedError(f"{name} runs only inside Numba kernels")

        f.__name__ = f.__qualname__ = name
        self.g[name] = f
        return f

    def is_int(self, t: Any) -> bool:
        return isinstance(t, self.types.Integer | self.types.Boolean)

    def refuse(self, why: str) -> Any:
        raise self.typing_error(f"astc: {why}")

    def parts(
        self,
    ) -> tuple[StubMaker, Callable[[Any], bool], Callable[[str], Any], Overload, Any, Any, Any]:
        return self.stub, self.is_int, self.refuse, self.overload, self.types, self.np, self.math


#: Code objects that run a call as if at a line of a user's file (see _astc_at_line).
_ASTC_AT_LINE: dict[tuple[str, int], Any] = {}


def _astc_at_line(line: int, fn: Fn, *args: Any) -> Any:
    """``fn(*args)`` run as if at ``line`` of the file of the kernel being called (found
    on the stack: the dispatcher's frame). NumPy's warnings on scalars take the place of
    the innermost Python frame, so they are then shown, counted (``"default"``: once per
    place) and filtered as CPython's at the user's line: a warning shown by the plain
    function is not shown again by the kernel, nor the other way round."""
    import sys

    frame: Any = sys._getframe(1)
    plain = None
    for _ in range(16):
        if frame is None:
            break
        if frame.f_code.co_filename.startswith("<astc kernel "):
            state = frame.f_globals.get("_k")  # the wrapper's namespace
        else:
            state = frame.f_locals.get("self")  # a method of the dispatcher
        if state is not None and hasattr(state, "compiled") and hasattr(state, "plain"):
            plain = state.plain
            break
        frame = frame.f_back
    code = getattr(plain, "__code__", None)
    if plain is None or code is None or line <= 0:
        return fn(*args)
    key = (code.co_filename, line)
    at = _ASTC_AT_LINE.get(key)
    if at is None:
        text = "\n" * (line - 1) + "_astc_result = _astc_fn(*_astc_args)\n"
        at = _ASTC_AT_LINE[key] = compile(text, code.co_filename, "exec")
    space: dict[str, Any] = {"_astc_fn": fn, "_astc_args": args}
    exec(at, plain.__globals__, space)  # noqa: S102 - one call, at the user's place
    return space["_astc_result"]


def _astc_numpy_scalar_op(name: str, x: Any, y: Any, ints: bool, line: int) -> Any:
    """``x <op> y`` done by NumPy on NumPy scalars (called from a kernel, in object mode,
    only where NumPy warns or raises: a zero divisor, ``INT64_MIN // -1``, an int64
    overflow of ``+ - *``; ``neg``/``abs`` of ``INT64_MIN`` ignore ``y``), at ``line`` of
    the user's file (:func:`_astc_at_line`)."""
    import operator

    import numpy

    conv = numpy.int64 if ints else numpy.float64
    if name == "pow":  # a NumPy scalar base (int64 when ``ints``), a Python exponent
        return float(_astc_at_line(line, operator.pow, conv(x), y))
    if name in ("neg", "abs"):
        return _astc_at_line(line, operator.neg if name == "neg" else abs, conv(x))
    fn = {
        "div": operator.truediv,
        "floordiv": operator.floordiv,
        "mod": operator.mod,
        "add": operator.add,
        "sub": operator.sub,
        "mul": operator.mul,
    }[name]
    return _astc_at_line(line, fn, conv(x), conv(y))


def _astc_numpy_empty_mean(rows: int, cols: int, axis: int) -> Any:
    """``np.mean`` over an axis of length 0 done by NumPy (called from a kernel, in object
    mode): its "Mean of empty slice" and invalid-division warnings (or exceptions under
    ``-W error``/``np.errstate``) and its nan result. ``axis`` -1: the mean of ``rows``
    elements (a float); 0 or 1: of a ``(rows, cols)`` array along that axis (an array)."""
    import numpy

    if axis < 0:
        return numpy.mean(numpy.zeros(rows))
    return numpy.mean(numpy.zeros((rows, cols)), axis=axis)


def _astc_numpy_ops_module() -> Any:
    """The module object-mode blocks of kernels look their globals up in (registered in
    ``sys.modules``): it holds :func:`_astc_numpy_scalar_op` and
    :func:`_astc_numpy_empty_mean`."""
    import sys
    import types

    name = "_astc_kernel_numpy_ops"
    module = sys.modules.get(name)
    if module is None:
        module = sys.modules[name] = types.ModuleType(name)
        module._astc_numpy_scalar_op = _astc_numpy_scalar_op  # type: ignore[attr-defined]
        module._astc_numpy_empty_mean = _astc_numpy_empty_mean  # type: ignore[attr-defined]
    return module


def _astc_exact_division(x: _AstcExact) -> None:
    """Python's zero-division rule (the kernel itself uses NumPy's error model); NumPy's
    warnings on its scalars' zero division."""
    import operator

    stub, is_int, refuse, overload, types, np, math = x.parts()
    jit, objmode = x.jit, x.numba.objmode

    # -- Python's zero-division rule (the kernel itself uses NumPy's error model)
    def zero_division(name: str, op: Fn, int_msg: str, float_msg: str) -> None:
        @overload(stub(f"_astc_{name}_py"))
        def ov_py(x: Any, y: Any) -> Any:
            msg = int_msg if is_int(x) and is_int(y) else float_msg

            def impl(x: Any, y: Any) -> Any:
                if y == 0:
                    raise ZeroDivisionError(msg)
                return op(x, y)

            return impl

        @overload(stub(f"_astc_{name}_m"))
        def ov_m(x: Any, y: Any, numpy_value: Any, line: Any) -> Any:
            ints = is_int(x) and is_int(y)
            msg = int_msg if ints else float_msg
            # int64 floor division overflows (and NumPy warns) only for INT64_MIN // -1
            overflows = ints and name == "floordiv"

            if ints and name != "div":

                def numpy_op(x: Any, y: Any, line: int) -> Any:
                    with objmode(r="int64"):
                        r = _astc_numpy_scalar_op(name, x, y, True, line)
                    return r
            else:

                def numpy_op(x: Any, y: Any, line: int) -> Any:
                    with objmode(r="float64"):
                        r = _astc_numpy_scalar_op(name, x, y, ints, line)
                    return r

            # object mode finds globals by importing the function's module: one that every
            # process running a kernel has (a module created by exec has none)
            numpy_op.__module__ = _astc_numpy_ops_module().__name__
            jitted = jit(numpy_op)

            def impl(x: Any, y: Any, numpy_value: Any, line: Any) -> Any:
                if y == 0 or (overflows and y == -1 and x == -9223372036854775808):
                    if not numpy_value:
                        if y == 0:
                            raise ZeroDivisionError(msg)
                        return op(x, y)
                    # NumPy's own scalar operation: its RuntimeWarning (or exception
                    # under np.errstate / -W error) and value, at this point of the run
                    return jitted(x, y, line)
                return op(x, y)

            return impl

    zero_division("div", operator.truediv, "division by zero", "float division by zero")
    zero_division(
        "floordiv",
        operator.floordiv,
        "integer division or modulo by zero",
        "float floor division by zero",
    )
    zero_division("mod", operator.mod, "integer division or modulo by zero", "float modulo")


def _astc_numpy_int_op(x: _AstcExact, name: str) -> Fn:
    """A jitted ``(x, y, line) -> int64`` that has NumPy do the int64 operation ``name``
    in object mode: its RuntimeWarning (or exception under ``np.errstate``/``-W error``)
    and its wrapped value, at this point of the run and ``line`` of the user's file."""
    objmode = x.numba.objmode

    def numpy_op(x: Any, y: Any, line: int) -> Any:
        with objmode(r="int64"):
            r = _astc_numpy_scalar_op(name, x, y, True, line)
        return r

    # object mode finds globals by importing the function's module (see division)
    numpy_op.__module__ = _astc_numpy_ops_module().__name__
    return x.jit(numpy_op)


def _astc_checked_int(x: _AstcExact, llvm_op: str) -> Fn:
    """An intrinsic ``(a, b) -> (a <op> b wrapped, overflowed)`` on int64: LLVM's
    ``llvm.<llvm_op>.with.overflow.i64`` (``sadd``, ``ssub``, ``smul``), one machine
    instruction and its overflow flag; exact for ``*`` too."""
    from llvmlite import ir
    from numba.extending import intrinsic

    types = x.types

    @intrinsic
    def checked(typingctx: Any, a: Any, b: Any) -> Any:
        sig = types.Tuple((types.int64, types.boolean))(types.int64, types.int64)

        def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
            i64 = ir.IntType(64)
            fnty = ir.FunctionType(ir.LiteralStructType([i64, ir.IntType(1)]), [i64, i64])
            name = f"llvm.{llvm_op}.with.overflow.i64"
            fn = builder.module.declare_intrinsic(name, fnty=fnty)
            pair = builder.call(fn, list(args))
            parts = [builder.extract_value(pair, 0), builder.extract_value(pair, 1)]
            return context.make_tuple(builder, signature.return_type, parts)

        return sig, codegen

    return checked


def _astc_exact_overflow(x: _AstcExact) -> None:
    """NumPy's warnings on int64 scalar overflow: ``+ - *`` checked by LLVM's overflow
    flag, unary ``-`` and ``abs()`` by a comparison with ``INT64_MIN``; only when it
    overflows does NumPy do the operation (object mode). Floats (other argument kinds
    of the same kernel) get the plain operator."""
    import operator

    stub, is_int, refuse, overload, types, np, math = x.parts()

    def binary(name: str, op: Fn, llvm_op: str) -> None:
        checked = _astc_checked_int(x, llvm_op)
        numpy_op = _astc_numpy_int_op(x, name)

        @overload(stub(f"_astc_{name}_np"))
        def ov(x: Any, y: Any, line: Any) -> Any:
            if not (is_int(x) and is_int(y)):
                return lambda x, y, line: op(x, y)

            def impl(x: Any, y: Any, line: Any) -> Any:
                r, overflowed = checked(x, y)
                if overflowed:
                    return numpy_op(x, y, line)
                return r

            return impl

    binary("add", operator.add, "sadd")
    binary("sub", operator.sub, "ssub")
    binary("mul", operator.mul, "smul")

    def unary(name: str, op: Fn) -> None:
        numpy_op = _astc_numpy_int_op(x, name)

        @overload(stub(f"_astc_{name}_np"))
        def ov(x: Any, line: Any) -> Any:
            if not is_int(x):
                return lambda x, line: op(x)

            def impl(x: Any, line: Any) -> Any:
                if x == -9223372036854775808:
                    return numpy_op(x, 0, line)
                return op(x)

            return impl

    unary("neg", operator.neg)
    unary("abs", abs)

    # -- Python ints no proof keeps within int64 (kernels that store nothing): on
    # overflow the kernel gives up, and the dispatcher runs the plain function
    outside, message = x.g["_AstcOutside"], x.g["_ASTC_INT64_CHECK"]

    def python_binary(name: str, op: Fn, llvm_op: str) -> None:
        checked = _astc_checked_int(x, llvm_op)

        @overload(stub(f"_astc_{name}_i64"))
        def ov(x: Any, y: Any) -> Any:
            if not (is_int(x) and is_int(y)):  # floats: other argument kinds' copy
                return lambda x, y: op(x, y)

            def impl(x: Any, y: Any) -> Any:
                r, overflowed = checked(x, y)
                if overflowed:
                    raise outside(message)
                return r

            return impl

    python_binary("add", operator.add, "sadd")
    python_binary("sub", operator.sub, "ssub")
    python_binary("mul", operator.mul, "smul")

    @overload(stub("_astc_neg_i64"))
    def ov_neg(x: Any) -> Any:
        if not is_int(x):
            return lambda x: -x

        def impl(x: Any) -> Any:
            if x == -9223372036854775808:
                raise outside(message)
            return -x

        return impl


def _astc_float_pow(x: _AstcExact) -> tuple[Fn, Fn]:
    """CPython's float ``**`` (3.11 floatobject.c ``float_pow``) over the C library's
    ``pow``, and the ``odd`` test it uses."""
    math, jit, cpow = x.math, x.jit, x.cpow

    @jit
    def odd(y: float) -> Any:
        return math.fabs(y) % 2.0 == 1.0  # (Numba has no math.fmod)

    @jit
    def float_pow(iv: float, iw: float) -> Any:  # CPython 3.11 floatobject.c float_pow
        if iw == 0.0:
            return 1.0
        if iv != iv:
            return iv
        if iw != iw:
            return 1.0 if iv == 1.0 else iw
        if math.isinf(iw):
            iv = math.fabs(iv)
            if iv == 1.0:
                return 1.0
            if (iw > 0.0) == (iv > 1.0):
                return math.fabs(iw)
            return 0.0
        if math.isinf(iv):
            if iw > 0.0:
                return iv if odd(iw) else math.fabs(iv)
            return math.copysign(0.0, iv) if odd(iw) else 0.0
        if iv == 0.0:
            if iw < 0.0:
                raise ZeroDivisionError("0.0 cannot be raised to a negative power")
            return iv if odd(iw) else 0.0
        negate = False
        if iv < 0.0:
            if iw != math.floor(iw):
                raise ValueError("astc: complex result (refused by the analysis)")
            iv = -iv
            negate = odd(iw)
        if iv == 1.0:
            return -1.0 if negate else 1.0
        ix = cpow(iv, iw)
        if math.isinf(ix):
            raise OverflowError(34, "Numerical result out of range")  # CPython's args
        return -ix if negate else ix

    return odd, float_pow


def _astc_math_pow(x: _AstcExact, odd: Fn) -> Fn:
    """``math.pow`` with CPython's special cases and errors."""
    math, jit, cpow = x.math, x.jit, x.cpow

    @jit
    def math_pow(x: Any, y: Any) -> Any:  # CPython 3.11 mathmodule.c math_pow
        a = float(x)
        b = float(y)
        if not (math.isfinite(a) and math.isfinite(b)):
            if a != a:
                return 1.0 if b == 0.0 else a
            if b != b:
                return 1.0 if a == 1.0 else b
            if math.isinf(a):
                odd_y = math.isfinite(b) and odd(b)
                if b > 0.0:
                    return a if odd_y else math.fabs(a)
                if b == 0.0:
                    return 1.0
                return math.copysign(0.0, a) if odd_y else 0.0
            if math.fabs(a) == 1.0:
                return 1.0
            if b > 0.0 and math.fabs(a) > 1.0:
                return b
            if b < 0.0 and math.fabs(a) < 1.0:
                return -b
            return 0.0
        r = cpow(a, b)
        if r != r:
            raise ValueError("math domain error")
        if math.isinf(r):
            if a == 0.0:
                raise ValueError("math domain error")
            raise OverflowError("math range error")
        return r

    return math_pow


def _astc_exact_powers(x: _AstcExact) -> None:
    """Ints exactly; floats through the C library's pow, with Python's rules (``_py``),
    NumPy's (``_np``) or either, by a flag (``_m``); ``math.pow``."""
    stub, is_int, refuse, overload, types, np, math = x.parts()
    jit, cpow = x.jit, x.cpow
    odd, float_pow = _astc_float_pow(x)
    math_pow = _astc_math_pow(x, odd)

    @jit
    def numpy_pow(x: float, y: float) -> Any:
        return cpow(x, y)

    objmode = x.numba.objmode

    def warned_pow(ints: bool) -> Fn:
        """NumPy's own ``**`` of a zero base and a negative exponent: its divide-by-zero
        warning (or exception under ``np.errstate``/``-W error``), at this point of the run."""

        def pow_zero(x: Any, y: Any, line: int) -> Any:
            with objmode(r="float64"):
                r = _astc_numpy_scalar_op("pow", x, y, ints, line)
            return r

        pow_zero.__module__ = _astc_numpy_ops_module().__name__
        return jit(pow_zero)

    float_zero, int_zero = warned_pow(False), warned_pow(True)

    def numpy_float_pow(ints: bool) -> Fn:
        zero = int_zero if ints else float_zero

        def impl(x: Any, y: Any, line: Any) -> Any:
            if x == 0 and y < 0:
                return zero(x, y, line)
            return numpy_pow(float(x), float(y))

        return impl

    @overload(stub("_astc_pow_py"))
    def ov_pow_py(x: Any, y: Any) -> Any:
        if is_int(x) and is_int(y):
            return lambda x, y: x**y
        return lambda x, y: float_pow(float(x), float(y))

    @overload(stub("_astc_pow_np"))
    def ov_pow_np(x: Any, y: Any, line: Any) -> Any:
        if is_int(x) and is_int(y):
            return lambda x, y, line: x**y
        return numpy_float_pow(is_int(x))

    @overload(stub("_astc_pow_m"))
    def ov_pow_m(x: Any, y: Any, numpy_value: Any, line: Any) -> Any:
        if is_int(x) and is_int(y):
            return lambda x, y, numpy_value, line: x**y
        numpy_impl = numpy_float_pow(is_int(x))
        return lambda x, y, numpy_value, line: (
            numpy_impl(x, y, line) if numpy_value else float_pow(float(x), float(y))
        )

    @overload(stub("_astc_math_pow"))
    def ov_math_pow(x: Any, y: Any) -> Any:
        return lambda x, y: math_pow(x, y)


def _astc_exact_math(x: _AstcExact) -> None:
    """math functions with CPython's errors."""
    stub, is_int, refuse, overload, types, np, math = x.parts()

    # -- math functions with CPython's errors (math_1: nan from a number -> ValueError,
    # an infinity from a finite number -> OverflowError if it can overflow, else ValueError)
    def math1(name: str, fn: Fn, can_overflow: bool) -> None:
        @overload(stub(f"_astc_math_{name}"))
        def ov(x: Any) -> Any:
            def impl(x: Any) -> Any:
                v = float(x)
                r = fn(v)
                if r - r == 0.0:
                    return r  # finite: the common case, one test
                if r != r and v == v:
                    raise ValueError("math domain error")
                if math.isinf(r) and math.isfinite(v):
                    if can_overflow:
                        raise OverflowError("math range error")
                    raise ValueError("math domain error")
                return r

            return impl

    overflowing = {"exp", "expm1", "sinh", "cosh"}
    for fname in (
        "sqrt exp expm1 log log2 log10 log1p sin cos tan asin acos atan sinh cosh tanh "
        "asinh acosh atanh erf erfc"
    ).split():
        math1(fname, getattr(math, fname), fname in overflowing)


def _astc_exact_index(x: _AstcExact) -> None:
    """int() / math.floor() & co of a float, saturated to int64."""
    stub, is_int, refuse, overload, types, np, math = x.parts()

    # -- int() / math.floor() of a float, saturated to int64 (see values.Scalar.saturated)
    def index(name: str, rounding: Fn | None) -> None:
        """``rounding`` is None for ``int()``/``math.trunc``: the conversion truncates."""

        @overload(stub(name))
        def ov(x: Any) -> Any:
            if is_int(x):
                return lambda x: x

            def impl(x: Any) -> int:
                r = x if rounding is None else rounding(x)
                if -9.223372036854775808e18 <= r < 9.223372036854775807e18:
                    return int(r)  # the common case: one comparison pair
                if r != r:
                    raise ValueError("cannot convert float NaN to integer")
                if math.isinf(r):
                    raise OverflowError("cannot convert float infinity to integer")
                # saturated: the analysis admits the value only where that is exact
                return 9223372036854775807 if r > 0 else -9223372036854775808

            return impl

    index("_astc_index_int", None)
    index("_astc_index_trunc", None)
    index("_astc_index_floor", np.floor)
    index("_astc_index_ceil", np.ceil)


def _astc_exact_numpy_scalars(x: _AstcExact) -> None:
    """NumPy's scalar minimum/maximum/sign (signed zeros and nan as NumPy has them)."""
    stub, is_int, refuse, overload, types, np, math = x.parts()

    # -- NumPy's scalar minimum/maximum/sign (signed zeros and nan as NumPy has them)
    @overload(stub("_astc_minimum"))
    def ov_minimum(x: Any, y: Any) -> Any:
        if is_int(x) and is_int(y):
            return lambda x, y: x if x < y else y

        def impl(x: Any, y: Any) -> float:
            a = float(x)
            b = float(y)
            return a if (a < b or a != a) else b

        return impl

    @overload(stub("_astc_maximum"))
    def ov_maximum(x: Any, y: Any) -> Any:
        if is_int(x) and is_int(y):
            return lambda x, y: x if x > y else y

        def impl(x: Any, y: Any) -> float:
            a = float(x)
            b = float(y)
            return a if (a > b or a != a) else b

        return impl

    @overload(stub("_astc_sign"))
    def ov_sign(x: Any) -> Any:
        if is_int(x):
            return lambda x: 1 if x > 0 else (-1 if x < 0 else 0)

        def impl(x: Any) -> Any:
            if x != x:
                return x
            if x > 0:
                return 1.0
            if x < 0:
                return -1.0
            return 0.0

        return impl


def _astc_pairwise_block(x: _AstcExact, convert: Fn) -> Fn:
    """The sum of at most 128 elements, as NumPy's ``pairwise_sum`` adds them: fewer than 8
    one by one (from -0.0), else 8 accumulators then the rest."""
    jit = x.jit

    @jit
    def block(a: Any, lo: int, n: int) -> Any:
        if n < 8:
            res = -0.0
            for i in range(n):
                res += convert(a[lo + i])
            return res
        r0 = convert(a[lo])
        r1 = convert(a[lo + 1])
        r2 = convert(a[lo + 2])
        r3 = convert(a[lo + 3])
        r4 = convert(a[lo + 4])
        r5 = convert(a[lo + 5])
        r6 = convert(a[lo + 6])
        r7 = convert(a[lo + 7])
        i = 8
        stop = n - n % 8
        while i < stop:
            r0 += convert(a[lo + i])
            r1 += convert(a[lo + i + 1])
            r2 += convert(a[lo + i + 2])
            r3 += convert(a[lo + i + 3])
            r4 += convert(a[lo + i + 4])
            r5 += convert(a[lo + i + 5])
            r6 += convert(a[lo + i + 6])
            r7 += convert(a[lo + i + 7])
            i += 8
        res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        while i < n:
            res += convert(a[lo + i])
            i += 1
        return res

    return block


def _astc_pairwise_tree(x: _AstcExact, block: Fn) -> Fn:
    """NumPy's pairwise summation (numpy/_core/src/umath/loops_utils.h.src): halves (a
    multiple of 8) added as a tree down to blocks of at most 128. Iterative, with an
    explicit stack: Numba leaves a recursive function's symbol unresolved when it is
    compiled inside another function's compilation."""
    jit, np = x.jit, x.np

    @jit
    def tree(a: Any, lo: int, n: int) -> Any:
        if n <= 128:
            return block(a, lo, n)
        los = np.empty(64, np.int64)
        ns = np.empty(64, np.int64)
        state = np.zeros(64, np.int64)  # 0: new, 1: left child running, 2: right
        left = np.empty(64, np.float64)
        los[0], ns[0], sp = lo, n, 1
        val, returning = 0.0, False
        while True:
            t = sp - 1
            if returning:
                if state[t] == 1:  # the left half's sum: now the right half
                    left[t] = val
                    state[t] = 2
                    returning = False
                    half = ns[t] // 2
                    half -= half % 8
                    los[sp], ns[sp], state[sp] = los[t] + half, ns[t] - half, 0
                    sp += 1
                else:  # both halves: left + right, returned to the parent
                    val = left[t] + val
                    sp -= 1
                    if sp == 0:
                        return val
            elif ns[t] <= 128:
                val = block(a, los[t], ns[t])
                returning = True
                sp -= 1
                if sp == 0:
                    return val
            else:
                state[t] = 1
                half = ns[t] // 2
                half -= half % 8
                los[sp], ns[sp], state[sp] = los[t], half, 0
                sp += 1

    return tree


def _astc_exact_pairwise(x: _AstcExact) -> tuple[Fn, Fn]:
    """NumPy's pairwise summation: of floats, and of ints converted to float."""
    same = _astc_pairwise_block(x, x.jit(lambda v: v))
    # ``v * 1.0``, not ``float(v)``: Numba's float() takes no bool (np.mean of a bool array)
    converted = _astc_pairwise_block(x, x.jit(lambda v: v * 1.0))
    return _astc_pairwise_tree(x, same), _astc_pairwise_tree(x, converted)


def _astc_flat_view(x: _AstcExact) -> Fn:
    """At typing time: a jitted 1-D view of an array's elements in NumPy's reduction
    order (memory order of a contiguous array), or a refusal."""
    jit, refuse = x.jit, x.refuse
    same_view = jit(lambda a: a)
    c_view = jit(lambda a: a.ravel())
    f_view = jit(lambda a: a.T.ravel())

    def flat(a: Any) -> Any:
        """A 1-D view of the elements in NumPy's reduction order, or a refusal."""
        if a.ndim == 1:
            return same_view
        if a.layout == "C":
            return c_view
        if a.layout == "F":
            return f_view
        return refuse("a reduction of an N-D array that is not contiguous")

    return flat


def _astc_float_array(x: _AstcExact, a: Any) -> bool:
    return isinstance(a, x.types.Array) and isinstance(a.dtype, x.types.Float)


def _astc_empty_mean(x: _AstcExact, result: str) -> Fn:
    """A jitted ``(rows, cols, axis) -> result`` (``"float64"`` or ``"float64[::1]"``)
    that has NumPy take the mean over an empty axis in object mode
    (:func:`_astc_numpy_empty_mean`): its warnings, at this point of the run."""
    objmode = x.numba.objmode

    # object mode's result types must be literals
    if result == "float64":

        def empty_mean(rows: int, cols: int, axis: int) -> Any:
            with objmode(r="float64"):
                r = _astc_numpy_empty_mean(rows, cols, axis)
            return r
    else:

        def empty_mean(rows: int, cols: int, axis: int) -> Any:
            with objmode(r="float64[::1]"):
                r = _astc_numpy_empty_mean(rows, cols, axis)
            return r

    # object mode finds globals by importing the function's module (see division)
    empty_mean.__module__ = _astc_numpy_ops_module().__name__
    return x.jit(empty_mean)


def _astc_exact_reductions(x: _AstcExact) -> None:
    """np.sum / np.mean / .sum() / .mean() as NumPy sums (pairwise for floats)."""
    stub, is_int, refuse, overload, types, np, math = x.parts()
    pairwise, pairwise_float = _astc_exact_pairwise(x)
    flat = _astc_flat_view(x)

    def float_array(a: Any) -> bool:
        return _astc_float_array(x, a)

    @overload(stub("_astc_sum"))
    def ov_sum(a: Any) -> Any:
        if not isinstance(a, types.Array):
            return refuse("sum of something other than an array")
        view = flat(a)
        if float_array(a):
            return lambda a: 0.0 + pairwise(view(a), 0, a.size)

        def impl(a: Any) -> int:
            s = 0
            v = view(a)
            for i in range(v.shape[0]):
                s += v[i]
            return s

        return impl

    @overload(stub("_astc_mean"))
    def ov_mean(a: Any) -> Any:
        if not isinstance(a, types.Array):
            return refuse("mean of something other than an array")
        view = flat(a)
        empty = _astc_empty_mean(x, "float64")
        if float_array(a):

            def impl_f(a: Any) -> Any:
                if a.size == 0:
                    return empty(0, 0, -1)
                return (0.0 + pairwise(view(a), 0, a.size)) / a.size

            return impl_f

        def impl(a: Any) -> Any:  # converted in buffers of 8192, as NumPy does
            v = view(a)
            n = v.shape[0]
            if n == 0:
                return empty(0, 0, -1)
            s = 0.0
            for start in range(0, n, 8192):
                s += pairwise_float(v, start, min(8192, n - start))
            return s / n

        return impl

    _astc_exact_axis_reductions(x, pairwise)


def _astc_exact_axis_reductions(x: _AstcExact, pairwise: Fn) -> None:
    """np.sum / np.mean with ``axis=`` of 2-D C-contiguous arrays: rows pairwise (axis 1),
    columns row by row (axis 0), as NumPy's iterator orders them."""
    stub, is_int, refuse, overload, types, np, math = x.parts()

    def float_array(a: Any) -> bool:
        return _astc_float_array(x, a)

    def axis_reduction(name: str, axis: int, mean: bool) -> None:
        @overload(stub(name))
        def ov(a: Any) -> Any:
            if not (isinstance(a, types.Array) and a.ndim == 2 and a.layout == "C"):
                return refuse(f"{name} of an array that is not 2-D C-contiguous")
            if mean and not float_array(a):
                return refuse("mean with an axis of an integer array")
            result = np.float64 if float_array(a) or mean else np.int64
            if axis == 1:
                if float_array(a):

                    def impl1(a: Any) -> Any:
                        out = np.empty(a.shape[0], result)
                        for i in range(a.shape[0]):
                            out[i] = 0.0 + pairwise(a[i], 0, a.shape[1])
                        return out / a.shape[1] if mean else out

                    impl = impl1
                else:

                    def impl1i(a: Any) -> Any:
                        out = np.zeros(a.shape[0], result)
                        for i in range(a.shape[0]):
                            for j in range(a.shape[1]):
                                out[i] += a[i, j]
                        return out

                    impl = impl1i
            else:

                def impl0(a: Any) -> Any:
                    out = np.zeros(a.shape[1], result)
                    for i in range(a.shape[0]):
                        for j in range(a.shape[1]):
                            out[j] += a[i, j]
                    return out / a.shape[0] if mean else out

                impl = impl0
            if not mean:
                return impl
            reduce, empty = x.jit(impl), _astc_empty_mean(x, "float64[::1]")

            def impl_mean(a: Any) -> Any:
                if a.shape[axis] == 0:  # NumPy's warnings and nans
                    return empty(a.shape[0], a.shape[1], axis)
                return reduce(a)

            return impl_mean

    axis_reduction("_astc_sum_axis0", 0, False)
    axis_reduction("_astc_sum_axis1", 1, False)
    axis_reduction("_astc_mean_axis0", 0, True)
    axis_reduction("_astc_mean_axis1", 1, True)


def _astc_exact_shapes(x: _AstcExact) -> None:
    """reshape / ravel of C-contiguous arrays (views, as NumPy gives)."""
    stub, is_int, refuse, overload, types, np, math = x.parts()

    @overload(stub("_astc_reshape"))
    def ov_reshape(a: Any, shape: Any) -> Any:
        if not (isinstance(a, types.Array) and a.layout == "C"):
            return refuse("reshape of an array that is not C-contiguous")
        return lambda a, shape: a.reshape(shape)

    @overload(stub("_astc_ravel"))
    def ov_ravel(a: Any) -> Any:
        if not (isinstance(a, types.Array) and a.layout == "C"):
            return refuse("ravel of an array that is not C-contiguous")
        return lambda a: a.ravel()


def _astc_setup(g: dict[str, Any], numba: Any) -> None:
    """Define, in ``g``, the helpers automatic kernels call (once per module)."""
    if g.get("_astc_setup_done"):
        return
    x = _AstcExact(g, numba)
    _astc_exact_division(x)
    _astc_exact_overflow(x)
    _astc_exact_powers(x)
    _astc_exact_math(x)
    _astc_exact_index(x)
    _astc_exact_numpy_scalars(x)
    _astc_exact_reductions(x)
    _astc_exact_shapes(x)
    g["_astc_setup_done"] = True


# --- END RUNTIME ---
