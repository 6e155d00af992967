# assumption: a read after `del x` raises UnboundLocalError even though x had a constant value
def f():
    x = 1
    del x
    try:
        return x
    except UnboundLocalError as e:
        return "unbound: " + type(e).__name__
print(f())
