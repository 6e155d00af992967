# assumption: a local bound once before a loop and rebound in it is not a constant
def f(n):
    k = 1
    for i in range(n):
        k = k * 2
    return k
print(f(5))
