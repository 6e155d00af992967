# assumption: inlining `same([])` must not paste the list display at each use of the parameter
def same(a):
    return (a, a)
def f():
    return same([])
r = f()
r[0].append(1)
print(r)
