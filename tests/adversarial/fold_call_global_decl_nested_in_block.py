# assumption: a function whose `global` declaration sits inside a block (if/try/for) writes the module global: calling it is never folded away
X = 1
Y = 1
def f():
    if True:
        global X
    X = 5
def g():
    try:
        global Y
    finally:
        pass
    Y = 7
    return Y
f()
print(X, g(), Y)
