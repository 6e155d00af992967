# assumption: (kernels auto) two arguments that are interleaved or overlapping views of one array, one written while the other is read in order, give CPython's element-by-element results
# modes: kernels
import numpy as np
def smear(dst, src):
    for i in range(dst.shape[0]):
        dst[i] = src[i] + src[i - 1] * 0.5
    return dst.sum()
for _ in range(3):
    x = np.arange(10.0)
    print(smear(x[::2], x[1::2]), x.tolist())
    x = np.arange(10.0)
    print(smear(x[1:], x[:-1]), x.tolist())
    x = np.arange(10.0)
    print(smear(x[:-1], x[1:]), x.tolist())
    x = np.arange(10.0)
    print(smear(x, x[::-1]), x.tolist())
    x = np.arange(10.0)
    print(smear(x, x), x.tolist())
