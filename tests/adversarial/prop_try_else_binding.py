# assumption: a name bound in `try` and rebound in `else` has the else value after
def f(v):
    r = "start"
    try:
        n = int(v)
    except ValueError:
        r = "bad"
    else:
        r = n * 2
    return r
print(f("4"), f("q"))
