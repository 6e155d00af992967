# assumption: (kernels auto) unbounded Python-int arithmetic in a kernel that stores into an array (itself or in a helper it calls) stays refused: no store is done twice, CPython's big ints
# modes: kernels
import sys

import numpy as np

B = len(sys.argv)  # 1: keeps the calls from being folded


def record(out, i, v):
    out[i] = v % 1000
    return v


def powers_into(out, base):
    p = 1
    for i in range(out.shape[0]):
        p = record(out, i, p * base)
    return p


def powers_direct(out, base):
    p = 1
    for i in range(out.shape[0]):
        p = p * base
        out[i] += 1
    return p


def powers_counted(counts, base):
    p = 1
    for i in range(counts.shape[0]):
        p = p * base
        counts[0] = counts[0] + 1
    return p


for base in (3 * B, 11 * B, 2 * B):
    out = np.zeros(25, dtype=np.int64)
    r = powers_into(out, base)
    print("into", base, repr(r), type(r).__name__, out.tolist())
    out = np.zeros(25, dtype=np.int64)
    r = powers_direct(out, base)
    r = powers_direct(out, base)
    print("direct", base, repr(r), type(r).__name__, int(out.sum()))
    counts = np.zeros(30, dtype=np.float64)
    r = powers_counted(counts, base)
    print("counted", base, repr(r), type(r).__name__, counts[0])
