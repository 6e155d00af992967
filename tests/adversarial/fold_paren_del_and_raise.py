# assumption: `raise(...)` and `await`/`del` neighbours: `x = y if 0 else(1, 2)[0]` must not become `else1`
def f(y):
    return y if y else(1, 2)[0]
print(f(0), f(9))
