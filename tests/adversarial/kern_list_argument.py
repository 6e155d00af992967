# assumption: (kernels auto) a list argument of Python ints is not wrapped to int64
# modes: kernels default
def total(xs):
    s = 0.0
    for i in range(len(xs)):
        s += xs[i]
    return s
print(total([1.5, 2.5]), total([2 ** 70, 1]))
