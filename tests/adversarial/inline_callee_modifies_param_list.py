# assumption: a callee that appends to its list parameter mutates the caller's list
def g(xs):
    xs.append(9)
    return len(xs)
def f():
    mine = [1]
    n = g(mine)
    return n, mine
print(f())
