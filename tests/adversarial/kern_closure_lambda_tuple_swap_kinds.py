# assumption: (kernels auto) a lifted closure reading the kernel's parameters and locals, a `name = lambda` called in a loop, and tuple swaps `u, v = v, u` (three-way rotations, ints swapped twice per iteration) give CPython's values and result types
# modes: kernels
import numpy as np
def walk(a, scale):
    off = 0.5
    def step(x, y):
        return x * scale + y * off
    mix = lambda p, q: p - q * 0.25
    u = 0.0
    v = 1.0
    w = -0.0
    k, m = 0, 1
    for i in range(a.shape[0]):
        x = float(a[i])
        u, v = v, u
        u, v, w = step(u, x), mix(v, w), u
        if x < 0.0:
            v, w = w, v
        k, m = m, k
        k, m = m + 1, k * 2
    return u, v, w, k, m
def fib_pair(n):
    p, q = 0.0, 1.0
    for _ in range(n):
        p, q = q, p + q
    half = lambda z: z / 2.0
    return half(p), q
for _ in range(16):
    for a, s in ((np.array([1.0, -2.0, 3.0]), 2.0), (np.array([-1.0]), -0.0), (np.zeros(0), 1.0), (np.array([2, -3, 4]), 3), (np.array([1e308, 1e308]), 10.0)):
        print(repr(walk(a, s)))
    print(repr(fib_pair(0)), repr(fib_pair(1)), repr(fib_pair(10)), repr(fib_pair(1500)))
