# assumption: (kernels auto) calling a kernel with keyword arguments binds them as Python does
# modes: kernels default
import numpy as np
def axpy(a, x, y):
    for i in range(x.shape[0]):
        y[i] = a * x[i] + y[i]
    return y
print(axpy(x=np.ones(2), y=np.zeros(2), a=3.0).tolist())
try:
    axpy(1.0, np.ones(1))
except TypeError as e:
    print("TypeError", e)
