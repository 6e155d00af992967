# assumption: (kernels auto) @astc.kernel(parallel=True): an independent map loop made prange gives the serial results bit for bit, and a float accumulator loop (refused for prange) keeps the serial order of additions
# modes: kernels
import numpy as np
import astc


@astc.kernel(parallel=True)
def axpy(a, b, out, k=3.0):
    for i in range(a.shape[0]):
        t = a[i] * k
        out[i] = t + b[i]
    return out


@astc.kernel(parallel=True)
def rows(m, out):
    for i in range(m.shape[0]):
        s = 0.0
        for j in range(m.shape[1]):
            s = s + m[i, j] * (j + 1)
        out[i] = s
    return out


@astc.kernel(parallel=True)
def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


a = np.array([0.1 * i for i in range(37)])
b = np.array([1e16, 1.0, -1e16, 0.3] * 9 + [0.7])
m = np.array([[0.1, 1e17, 0.3], [-1e17, 0.2, 1e-3], [3.0, 0.5, -0.25]])
for _ in range(16):
    r1 = axpy(a, b, np.empty(37))
    r2 = axpy(b, a, k=0.1, out=np.zeros(37))
    r3 = rows(m, np.empty(3))
    r4 = total(b)
print(r1.tolist())
print(r2.tolist())
print(r3.tolist(), float(r4), float(total(a)))
