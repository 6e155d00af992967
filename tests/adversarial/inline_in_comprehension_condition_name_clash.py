# assumption: an inlined callee's parameter named like the comprehension variable doesn't clash
def keep(i):
    return i % 2 == 0
def f():
    i = "outer"
    return [i for i in range(6) if keep(i)], i
print(f())
