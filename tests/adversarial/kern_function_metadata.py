# assumption: (kernels auto) a function made a kernel keeps its name, docstring, signature and defaults
# modes: kernels default
import inspect
import numpy as np
def total(a, start=0.0):
    """Sum of a."""
    s = start
    for i in range(a.shape[0]):
        s += a[i]
    return s
print(total.__name__, total.__doc__, inspect.signature(total), total.__defaults__, total.__qualname__)
print(total(np.ones(3)))
