# assumption: (kernels auto) a measured whole-array function that updates its argument runs exactly once per call while the dispatcher times both ways (20 calls: the argument's final bits are plain's), for slice stores (one overlapping its own source) and a row store, with int and float arrays
# modes: kernels
import numpy as np


def bump(a, s):
    a[:] = a * s + 1
    return np.sum(a)


def into(a, b):
    a[1:] = a[:-1] + np.abs(b)
    return a


def rows(m, v):
    m[0] = m[1] * v + m[0]
    return np.mean(m)


x = np.arange(4.0)
k = np.arange(4)
y = np.linspace(0.0, 1.0, 5)
z = np.array([1, -2, 3])
m = np.array([[1.0, 2.0], [0.5, -0.25]])
mi = np.array([[1, 2], [3, 4]])
out = []
for i in range(20):
    out.append(bump(x, 0.5))
    out.append(bump(k, 1))
    out.append(into(y, 0.125)[2])
    out.append(into(z, z[1:])[2])
    out.append(rows(m, 1.5))
    out.append(rows(mi, -1))
print(x.tobytes().hex(), k, y.tobytes().hex(), z, m.tobytes().hex(), mi)
print([repr(v) for v in out[:12]], [type(v).__name__ for v in out[:12]])
print(repr(out[-6:]))
