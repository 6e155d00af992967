# assumption: (kernels auto) an int argument beyond the bound a kernel checks on entry runs the plain function, whose exception (a `raise` or `assert` of its own) has CPython's context: none, or the exception the caller is handling; `raise ... from` around it keeps its cause
# modes: kernels
import numpy as np


def tri(n, w):
    assert n > -(2**40), "n is very negative"
    if n > 10**15:
        raise ValueError("n too large")
    s = 0
    for i in range(n):
        s += i * i * w
    return s


def show(*args):
    try:
        r = tri(*args)
        print(repr(r), type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e, type(e.__context__).__name__, e.__cause__)


for args in [(10, 2), (10**16, 1), (-(2**41), 1), (10, 2**70), (3000, 2**50), (7, True)]:
    show(*args)
    try:
        raise KeyError("outer")
    except KeyError as outer:
        show(*args)
        try:
            tri(*args)
        except (ValueError, AssertionError) as e:
            try:
                raise RuntimeError("wrapped") from e
            except RuntimeError as w:
                print("cause", type(w.__cause__).__name__, type(w.__cause__.__context__).__name__, w.__cause__.__context__ is outer)
try:
    raise IndexError("first")
except IndexError:
    try:
        tri(10**16, 3)
    except ValueError as e:
        raise LookupError("second") from e
