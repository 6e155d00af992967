# assumption: inlining into a nested function with `nonlocal` keeps the declaration first
def add(a, b):
    return a + b
def outer():
    n = 0
    def inc(x):
        nonlocal n
        n = add(n, x)
        return n
    inc(2)
    return inc(5)
print(outer())
