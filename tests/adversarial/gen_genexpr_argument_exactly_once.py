# assumption: a generator expression argument is consumed once by the callee
def total(it):
    return sum(it)
def f(n):
    return total(x * x for x in range(n))
print(f(4))
