# assumption: (kernels auto) a float loop with a large trip count and a Python-int counter gives CPython's float and int
# modes: kernels
def walk(x, n):
    c = 0
    s = 0.0
    for i in range(n):
        s += x
        c += i
    return s, c
for _ in range(6):
    print(repr(walk(0.1, 300000)), repr(walk(1e-3, 3)))
