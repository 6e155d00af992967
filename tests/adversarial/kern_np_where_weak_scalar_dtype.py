# assumption: (kernels auto) np.where(cond, array, 0) keeps NumPy 2's result dtype (bool/int64 arrays with a weak Python scalar)
# modes: kernels
import numpy as np
def clip_neg(a):
    return np.where(a > 0, a, 0)
def half(a):
    return np.where(a, a, 0.5)
b = np.array([True, False, True])
i = np.array([3, -1, 2])
for _ in range(8):
    r, q, h = clip_neg(b), clip_neg(i), half(b)
    print(r.dtype, r.tobytes().hex(), q.dtype, q.tobytes().hex(), h.dtype, h.tobytes().hex())
