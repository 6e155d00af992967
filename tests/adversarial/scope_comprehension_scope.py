# assumption: a comprehension has its own scope; inlining into it reads the right names
def add(a, b):
    return a + b
def f(xs):
    x = 100
    return [add(x, 1) for x in xs], x
print(f([1, 2]))
