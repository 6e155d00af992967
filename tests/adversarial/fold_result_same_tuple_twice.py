# assumption: a fold result holding the same immutable object twice keeps equal values
def f():
    t = (1, 2)
    return (t, t)
r = f()
print(r, r[0] == r[1])
