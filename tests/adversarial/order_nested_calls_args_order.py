# assumption: nested inlined calls evaluate their arguments in Python's order
out = []
def t(v):
    out.append(v)
    return v
def add(a, b):
    return a + b
def f():
    return add(add(t(1), t(2)), add(t(3), t(4)))
print(f(), out)
