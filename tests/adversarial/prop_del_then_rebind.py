# assumption: a local deleted and bound again is not propagated across the del
def f():
    x = 1
    a = x
    del x
    x = 2
    return a, x
print(f())
