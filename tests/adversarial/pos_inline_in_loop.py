# assumption: inlining inside a loop body is right (positive)
def sq(x):
    return x * x
def total(n):
    t = 0
    for i in range(n):
        t += sq(i)
    return t
print(total(10))
