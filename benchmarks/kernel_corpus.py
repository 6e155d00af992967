"""The kernel benchmark corpus: numeric functions as users write them, without markers.

Written for this benchmark (public domain, like the rest of astc), in the styles of
numeric code found in the wild: loops over arrays (stencils, reductions, dynamic
programming, sorting), pure-float scalar loops, whole-array NumPy functions, closures,
``assert``/``raise``, ``.dtype``/``.reshape``, ``axis=``, names imported from NumPy,
tuple swaps, helpers, list-based code, and the exactness traps of issue 10 (Python ints
beyond int64, float32 and int8 data, ``np.mean`` of float32). ``benchmarks/kernels.py``
times each function as plain CPython, with ``numba.njit`` applied to every function by
hand, and compiled by ``astc --kernels auto``; ``benchmarks/kernel_cases.py`` holds the
arguments. Nothing here may depend on astc.
"""

import math

import numpy as np
from numpy import empty_like, zeros_like

# -- loops over arrays ------------------------------------------------------------------


def dot(a, b):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * b[i]
    return s


def sum_squares(a):
    s = 0.0
    for x in a:
        s += x * x
    return s


def prefix_sum(a, out):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
        out[i] = s


def pairwise(x, out):
    n = x.shape[0]
    d = x.shape[1]
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(d):
                t = x[i, k] - x[j, k]
                s += t * t
            out[i, j] = math.sqrt(s)


def jacobi(u, tmp, sweeps):
    n, m = u.shape
    for _ in range(sweeps):
        for i in range(1, n - 1):
            for j in range(1, m - 1):
                tmp[i, j] = 0.25 * (u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1])
        for i in range(1, n - 1):
            for j in range(1, m - 1):
                u[i, j] = tmp[i, j]


def mandelbrot(out, maxiter):
    h = out.shape[0]
    w = out.shape[1]
    for y in range(h):
        ci = -1.5 + 3.0 * y / h
        for x in range(w):
            cr = -2.0 + 3.0 * x / w
            zr = 0.0
            zi = 0.0
            k = 0
            while k < maxiter and zr * zr + zi * zi <= 4.0:
                t = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = t
                k += 1
            out[y, x] = k


def matmul(a, b, out):
    n, m = a.shape
    p = b.shape[1]
    for i in range(n):
        for j in range(p):
            s = 0.0
            for k in range(m):
                s += a[i, k] * b[k, j]
            out[i, j] = s


def conv1d(x, k, out):
    n = x.shape[0] - k.shape[0] + 1
    for i in range(n):
        s = 0.0
        for j in range(k.shape[0]):
            s += x[i + j] * k[j]
        out[i] = s


def laplacian(u, out):
    n, m = u.shape
    for i in range(1, n - 1):
        for j in range(1, m - 1):
            out[i, j] = u[i - 1, j] + u[i + 1, j] + u[i, j - 1] + u[i, j + 1] - 4.0 * u[i, j]


def histogram(a, bins, counts):
    for i in range(a.shape[0]):
        j = int(a[i] * bins)
        if j >= bins:
            j = bins - 1
        counts[j] += 1


def argmax_loop(a):
    best = 0
    for i in range(1, a.shape[0]):
        if a[i] > a[best]:
            best = i
    return best


def count_positive(a):
    k = 0
    for i in range(a.shape[0]):
        if a[i] > 0.0:
            k += 1
    return k


def clip_loop(a, lo, hi, out):
    for i in range(a.shape[0]):
        v = a[i]
        if v < lo:
            v = lo
        elif v > hi:
            v = hi
        out[i] = v


def running_mean(a, w, out):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
        if i >= w:
            s -= a[i - w]
        out[i] = s / w


def cumulative_max(a, out):
    m = a[0]
    for i in range(a.shape[0]):
        if a[i] > m:
            m = a[i]
        out[i] = m


def bubble_sort(a):
    n = a.shape[0]
    for i in range(n):
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]


def insertion_sort(a):
    for i in range(1, a.shape[0]):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key


def horner(coeffs, x, out):
    for i in range(x.shape[0]):
        acc = 0.0
        for c in coeffs:
            acc = acc * x[i] + c
        out[i] = acc


def trapezoid(y, dx):
    s = 0.0
    for i in range(1, y.shape[0]):
        s += 0.5 * (y[i - 1] + y[i]) * dx
    return s


def variance(a):
    n = a.shape[0]
    m = 0.0
    for i in range(n):
        m += a[i]
    m = m / n
    v = 0.0
    for i in range(n):
        d = a[i] - m
        v += d * d
    return v / n


def correlation(a, b):
    n = a.shape[0]
    sa = sb = 0.0
    for i in range(n):
        sa += a[i]
        sb += b[i]
    ma, mb = sa / n, sb / n
    cov = va = vb = 0.0
    for i in range(n):
        da, db = a[i] - ma, b[i] - mb
        cov += da * db
        va += da * da
        vb += db * db
    return cov / math.sqrt(va * vb)


def life_step(grid, out):
    n, m = grid.shape
    for i in range(n):
        for j in range(m):
            alive = 0
            for di in (-1, 0, 1):
                for dj in (-1, 0, 1):
                    if di or dj:
                        alive += grid[(i + di) % n, (j + dj) % m]
            if grid[i, j]:
                out[i, j] = 1 if alive == 2 or alive == 3 else 0
            else:
                out[i, j] = 1 if alive == 3 else 0


def floyd_warshall(dist):
    n = dist.shape[0]
    for k in range(n):
        for i in range(n):
            for j in range(n):
                d = dist[i, k] + dist[k, j]
                if d < dist[i, j]:
                    dist[i, j] = d


def lcs_length(a, b):
    n, m = a.shape[0], b.shape[0]
    table = np.zeros((n + 1, m + 1), dtype=np.int64)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            if a[i - 1] == b[j - 1]:
                table[i, j] = table[i - 1, j - 1] + 1
            else:
                table[i, j] = max(table[i - 1, j], table[i, j - 1])
    return table[n, m]


def nbody_energy(pos, mass):
    e = 0.0
    n = pos.shape[0]
    for i in range(n):
        for j in range(i + 1, n):
            dx = pos[i, 0] - pos[j, 0]
            dy = pos[i, 1] - pos[j, 1]
            dz = pos[i, 2] - pos[j, 2]
            e -= mass[i] * mass[j] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def smooth(a, out, passes):
    n = a.shape[0]
    for _ in range(passes):
        for i in range(1, n - 1):
            out[i] = (a[i - 1] + 2.0 * a[i] + a[i + 1]) / 4.0
        for i in range(1, n - 1):
            a[i] = out[i]


def box_blur(img, out):
    h, w = img.shape
    for y in range(1, h - 1):
        for x in range(1, w - 1):
            s = 0.0
            for dy in range(-1, 2):
                for dx in range(-1, 2):
                    s += img[y + dy, x + dx]
            out[y, x] = s / 9.0


def ewma(a, alpha, out):
    s = a[0]
    for i in range(a.shape[0]):
        s = alpha * a[i] + (1.0 - alpha) * s
        out[i] = s


# -- pure-float scalar loops ------------------------------------------------------------


def pi_leibniz(n):
    s = 0.0
    sign = 1.0
    for k in range(n):
        s += sign / (2 * k + 1)
        sign = -sign
    return 4.0 * s


def integrate_midpoint(n):
    h = 1.0 / n
    s = 0.0
    for i in range(n):
        x = (i + 0.5) * h
        s += 4.0 / (1.0 + x * x)
    return s * h


def logistic_map(r, x, n):
    for _ in range(n):
        x = r * x * (1.0 - x)
    return x


def harmonic(n):
    s = 0.0
    for k in range(1, n + 1):
        s += 1.0 / k
    return s


def newton_sqrt(x, iters):
    g = x if x > 1.0 else 1.0
    for _ in range(iters):
        g = 0.5 * (g + x / g)
    return g


def exp_series(x, terms):
    total = 1.0
    term = 1.0
    for k in range(1, terms):
        term *= x / k
        total += term
    return total


def sum_of_squares(n):
    s = 0
    for i in range(n):
        s += i * i
    return s


def count_primes(n):
    count = 0
    for k in range(2, n):
        d = 2
        prime = True
        while d * d <= k:
            if k % d == 0:
                prime = False
                break
            d += 1
        if prime:
            count += 1
    return count


def lcg_mean(n, seed):
    x = seed
    s = 0.0
    for _ in range(n):
        x = (1103515245 * x + 12345) % 2147483648
        s += x / 2147483648.0
    return s / n


def damped_oscillator(steps, dt):
    x, v = 1.0, 0.0
    for _ in range(steps):
        a = -x - 0.1 * v
        v += a * dt
        x += v * dt
    return x


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = 3 * n + 1 if n % 2 else n // 2
        steps += 1
    return steps


# -- whole-array NumPy ------------------------------------------------------------------


def softmax(x):
    e = np.exp(x - np.max(x))
    return e / np.sum(e)


def standardize(x):
    return (x - np.mean(x)) / np.std(x)


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def axpy(a, x, y):
    return a * x + y


def rms(x):
    return np.sqrt(np.mean(x * x))


def logsumexp(x):
    m = np.max(x)
    return m + np.log(np.sum(np.exp(x - m)))


def relu(x):
    return np.maximum(x, 0.0)


def row_sums(m):
    return np.sum(m, axis=1)


def column_means(m):
    return np.mean(m, axis=0)


def soft_clip(x):
    return np.where(x > 1.0, 1.0, np.where(x < -1.0, -1.0, x))


def poly2(x):
    return 3.0 * x**2 + 2.0 * x + 1.0


def gelu(x):
    return 0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x**3)))


def cosine_similarity(a, b):
    return np.sum(a * b) / (np.sqrt(np.sum(a * a)) * np.sqrt(np.sum(b * b)))


def huber(r, delta):
    small = np.abs(r) <= delta
    return np.where(small, 0.5 * r * r, delta * (np.abs(r) - 0.5 * delta))


# -- closures, assert/raise, dtype/reshape, NumPy names, swaps, helpers ----------------


def sum_of_cubes(a):
    def cube(v):
        return v * v * v

    s = 0.0
    for i in range(a.shape[0]):
        s += cube(a[i])
    return s


def scaled_total(a, f):
    scale = lambda v: v * f  # noqa: E731 - as users write it
    s = 0.0
    for i in range(a.shape[0]):
        s += scale(a[i])
    return s


def checked_mean(a):
    assert a.ndim == 1, "expected a vector"
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s / a.shape[0]


def safe_log_sum(a):
    s = 0.0
    for i in range(a.shape[0]):
        if a[i] <= 0.0:
            raise ValueError("log of a non-positive number")
        s += math.log(a[i])
    return s


def same_dtype_square(a):
    out = np.empty(a.shape[0], dtype=a.dtype)
    for i in range(a.shape[0]):
        out[i] = a[i] * a[i]
    return out


def pair_sums(a):
    m = a.reshape(a.shape[0] // 2, 2)
    out = np.zeros(m.shape[0])
    for i in range(m.shape[0]):
        out[i] = m[i, 0] + m[i, 1]
    return out


def reversed_copy(a):
    out = empty_like(a)
    n = a.shape[0]
    for i in range(n):
        out[i] = a[n - 1 - i]
    return out


def centred_diff(a):
    out = zeros_like(a)
    half = a.shape[0] // 2
    for i in range(1, a.shape[0] - 1):
        out[i] = (a[i + 1] - a[i - 1]) * 0.5
    out[half] = 0.0
    return out


def heat_1d(u, steps):
    v = u.copy()
    n = u.shape[0]
    for _ in range(steps):
        for i in range(1, n - 1):
            v[i] = u[i] + 0.1 * (u[i - 1] - 2.0 * u[i] + u[i + 1])
        u, v = v, u
    return u


def fib_float(n):
    a, b = 0.0, 1.0
    for _ in range(n):
        a, b = b, a + b
    return a


def clamp(x, lo, hi):
    return lo if x < lo else (hi if x > hi else x)


def clamped_sum(a, lo, hi):
    s = 0.0
    for i in range(a.shape[0]):
        s += clamp(a[i], lo, hi)
    return s


def norm2(v):
    s = 0.0
    for i in range(v.shape[0]):
        s += v[i] * v[i]
    return math.sqrt(s)


def row_norms(m, out):
    for i in range(m.shape[0]):
        out[i] = norm2(m[i])


# -- list-based code (plain Python is the right answer) ----------------------------------


def list_total(xs):
    t = 0
    for x in xs:
        t += x
    return t


def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    for i in range(2, int(n**0.5) + 1):
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
    return sum(flags)


def word_lengths(words):
    counts = {}
    for w in words:
        counts[len(w)] = counts.get(len(w), 0) + 1
    return counts


def list_dot(xs, ys):
    s = 0.0
    for i in range(len(xs)):
        s += xs[i] * ys[i]
    return s


# -- the exactness traps of issue 10 ----------------------------------------------------


def big_step(n):
    k = 0
    for _ in range(n):
        k += 2**62
    return k


def doubling(n):
    k = 1
    for _ in range(n):
        k = k + k
    return k


def float32_total(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


def int8_scaled(a, out):
    for i in range(a.shape[0]):
        out[i] = a[i] * 2


def mean_of(a):
    return np.mean(a)


def offset_total(a, base):
    s = 0
    for i in range(a.shape[0]):
        s += base + int(a[i])
    return s
