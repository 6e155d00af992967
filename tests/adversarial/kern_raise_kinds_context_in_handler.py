# assumption: (kernels auto) raise/assert in a kernel (pure or storing) give CPython's exception type, args (none, several, non-string literals, KeyError's repr), and a __context__ that is the caller's handled exception, not the dispatcher's
# modes: kernels
import numpy as np
def pure(a, k):
    s = 0.0
    for i in range(a.shape[0]):
        assert a[i] != 3.0
        if a[i] > 100.0:
            raise KeyError("big")
        if a[i] < -100.0:
            raise OverflowError
        if a[i] != a[i]:
            raise ValueError("nan at", 7, 2.5)
        s += a[i] * k
    if s == 0.5:
        raise ZeroDivisionError()
    return s
def store(out, a):
    for i in range(a.shape[0]):
        assert a[i] != 3.0, "three"
        if a[i] > 100.0:
            raise IndexError("big", 1)
        out[i] = a[i] + 1.0
    return out
def show(e):
    return (type(e).__name__, repr(e.args), str(e), type(e.__context__).__name__, e.__cause__, e.__suppress_context__)
cases = [np.array([1.0, 2.0]), np.array([1.0, 3.0, 5.0]), np.array([0.0, 200.0]), np.array([-1e3]), np.array([1.0, np.nan]), np.array([0.25, 0.25]), np.array([4.0, 1e9, 3.0])]
for _ in range(15):
    for a in cases:
        try:
            print(repr(pure(a, 1.0)))
        except Exception as e:
            print(show(e))
        try:
            {}["outer"]
        except KeyError:
            try:
                print(repr(pure(a, 1.0)))
            except Exception as e:
                print("in handler", show(e), repr(e.__context__.args))
        out = np.zeros(3)
        try:
            store(out, a)
        except Exception as e:
            print(show(e))
        print(out.tobytes().hex())
        try:
            1 / 0
        except ZeroDivisionError:
            try:
                store(np.zeros(3), a)
            except Exception as e:
                print("in handler", show(e), repr(e.__context__.args))
