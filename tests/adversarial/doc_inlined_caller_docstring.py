# assumption: inlining into a function with a docstring keeps the docstring first
def add(a, b):
    return a + b
def f(x):
    """Doubles."""
    return add(x, x)
print(f.__doc__, f(2))
