# assumption: (kernels auto) builtin max/min of a Python number and a NumPy element returns the object CPython picks (first on ties), so the result's type depends on the values
# modes: kernels
import numpy as np
def run_max(a):
    m = 0
    for i in range(a.shape[0]):
        m = max(m, a[i])
    return m
def run_min_first(a):
    m = 0.0
    for i in range(a.shape[0]):
        m = min(a[i], m)
    return m
for _ in range(3):
    for a in (np.array([-1, -2]), np.array([3, 1]), np.array([0, 0]), np.array([], dtype=np.int64)):
        r = run_max(a)
        print(a.tolist(), repr(r), type(r).__name__)
    for a in (np.array([1.0, 2.0]), np.array([-0.0]), np.array([0.0]), np.array([np.nan, 1.0]), np.array([-1.0, 5.0])):
        r = run_min_first(a)
        print(a.tolist(), repr(r), type(r).__name__)
