# assumption: a fold whose result holds one nan twice keeps `in` (identity) behaviour
def f():
    n = float("nan")
    return (n, n)
r = f()
print(r[0] in r[1:], r == r)
