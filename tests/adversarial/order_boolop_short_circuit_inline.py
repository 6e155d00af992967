# assumption: an inlined `and` in the callee keeps short-circuiting its operands
def both(a, b):
    return a and b
def boom():
    raise RuntimeError("evaluated")
def f(x):
    return both(x, x)
print(f(0), f(3))
try:
    both(0, boom())
except RuntimeError as e:
    print("RuntimeError", e)
