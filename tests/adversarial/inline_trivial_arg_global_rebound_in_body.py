# assumption: a global argument is read before the callee body rebinds it
G = 1
def setg():
    global G
    G = 2
def g(a):
    setg()
    return a
def f():
    r = g(G)
    return r, G
print(f())
