# assumption: a comprehension argument is evaluated once, not pasted at each use of the parameter
def twice(a):
    return a is a, len(a)
def f(n):
    return twice([i for i in range(n)])
print(f(2))
