# assumption: (kernels auto) accumulating Python floats from range values rounds the same in Numba
# modes: kernels default
def harmonic(n):
    s = 0.0
    for i in range(1, n + 1):
        s += 1.0 / i
    return s
print(repr(harmonic(1000)))
