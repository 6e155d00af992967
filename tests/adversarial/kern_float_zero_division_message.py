# assumption: (kernels auto) ZeroDivisionError from Python floats in a scalar loop has CPython's message, with partial state discarded
# modes: kernels
def harmonic(x, n):
    s = 0.0
    for i in range(n):
        s += 1.0 / (x - i)
    return s
def modsum(x, n):
    s = 0.0
    for i in range(n):
        s += x % (x - i)
    return s
def fdiv(x, n):
    s = 0.0
    for i in range(n):
        s += x // (x - i)
    return s
for _ in range(5):
    print(repr(harmonic(10.5, 5)), repr(modsum(10.5, 5)), repr(fdiv(10.5, 5)))
    for f in (harmonic, modsum, fdiv):
        try:
            print(repr(f(2.0, 4)))
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
