# assumption: a callee appending to its list parameter, passed a trivial local, changes the caller's list once
def g(xs):
    xs.append(len(xs))
    return xs
def f():
    mine = []
    a = g(mine)
    b = g(mine)
    return mine, a is b
print(f())
