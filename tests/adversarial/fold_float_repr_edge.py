# assumption: folded floats round-trip (repr of 0.1+0.2, 1e16, 5e-324)
def f():
    return 0.1 + 0.2, 1e16 + 1, 5e-324 / 2, 2.0 ** 0.5
print(f())
