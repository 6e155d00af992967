# assumption: a statement-level inlined callee that mutates its list argument and returns it returns the mutated list
def push(a, x):
    a.append(x)
    return a
def f(x):
    r = push([0], x)
    return r
print(f(5))
