# assumption: an inlined `x is None` helper with a literal argument inside a loop function stays warning-free and correct
def missing(x):
    return x is None
def count(n):
    c = 0
    for i in range(n):
        if missing(i) or missing(5):
            c += 100
        c += 1
    return c
print(count(4))
