# assumption: a module constant rewritten by a function declaring `global` is not propagated after the call
N = 1
def bump():
    global N
    N = 2
bump()
print(N)
def g():
    return N
print(g())
