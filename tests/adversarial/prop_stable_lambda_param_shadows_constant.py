# assumption: a lambda parameter named like a module constant shadows it
N = 10
def f():
    g = lambda N=3: N * 2
    return g(), g(5), N
print(f())
