# assumption: (kernels auto) a growing Python int mixed with NumPy int64 elements keeps CPython+NumPy semantics: int(a[i]) stays a Python int (checked), a bare a[i] or an np.int64 argument makes a NumPy int64 that wraps with NumPy's warning
# modes: kernels
import sys
import warnings

import numpy as np

B = len(sys.argv)  # 1: keeps the calls from being folded


def horner_py(a, base):
    s = 0
    for i in range(a.shape[0]):
        s = s * base + int(a[i])
    return s


def horner_np(a, base):
    s = a[0]
    for i in range(1, a.shape[0]):
        s = s * base + a[i]
    return s


def grow(x, n):
    s = x
    for i in range(n):
        s = s * 3 + i
    return s


def count_big(a, scale):
    c = 0
    acc = 1
    for i in range(a.shape[0]):
        acc = acc * scale
        if a[i] > 0:
            c = c + acc
    return c


a = np.arange(1, 25, dtype=np.int64)
for base in (2 * B, 10 * B, 100 * B, 3 * B):
    r = horner_py(a, base)
    print("py", base, repr(r), type(r).__name__)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    for base in (2 * B, 10 * B, 100 * B, 3 * B):
        r = horner_np(a, base)
        print("np", base, repr(r), type(r).__name__)
    print(sorted({str(x.message) for x in w}))
for scale in (B, 2 * B, 7 * B, -7 * B, B):
    r = count_big(a - 12, scale)
    print("count_big", scale, repr(r), type(r).__name__)
print(repr(horner_py(np.array([2**62, 2**62], dtype=np.int64), 2 * B)))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    for x, n in ((np.int64(B), 5), (np.int64(B), 45), (B, 5), (np.float64(B), 50), (np.arange(3) + B, 41), (np.int64(B), 5), (B, 45)):
        r = grow(x, n)
        print("grow", repr(r), type(r).__name__)
    print(len(w), sorted({str(x.message) for x in w}))
