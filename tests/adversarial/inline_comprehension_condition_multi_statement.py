# assumption: a multi-statement callee in a comprehension condition runs once per element
def keep(i):
    print("keep", i)
    j = i % 2
    return j == 0
def f(xs):
    return [i for i in xs if keep(i)]
print(f([1, 2, 3, 4]))
