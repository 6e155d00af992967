# assumption: (kernels auto) `int / int` in a loop is true division giving floats, as in CPython
# modes: kernels default
def mean_index(n):
    s = 0.0
    for i in range(n):
        s += i / n
    return s
print(repr(mean_index(7)))
