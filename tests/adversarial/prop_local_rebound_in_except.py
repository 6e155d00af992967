# assumption: a local rebound in an `except` handler is not propagated from its first binding
def f(v):
    x = 1
    try:
        int(v)
    except ValueError:
        x = 2
    return x
print(f("3"), f("z"))
