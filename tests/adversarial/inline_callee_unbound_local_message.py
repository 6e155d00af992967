# assumption: the UnboundLocalError of an inlined callee names the callee's variable
def g(c):
    if c:
        y = 1
    return y
def f():
    try:
        r = g(False)
    except UnboundLocalError as e:
        r = str(e)
    return r
print(f())
