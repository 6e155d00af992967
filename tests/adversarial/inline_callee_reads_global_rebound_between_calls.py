# assumption: an inlined callee reads the current value of a global that is rebound between calls
scale = 2
def g(x):
    return x * scale
def f():
    global scale
    a = g(1)
    scale = 3
    b = g(1)
    return a, b
print(f())
