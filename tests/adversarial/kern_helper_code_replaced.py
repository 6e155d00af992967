# assumption: a loop function calling a helper whose `__code__` is replaced later sees the new code
def step(x):
    return x + 1
def other(x):
    return x * 3
def total(n):
    s = 0
    for i in range(n):
        s += step(i)
    return s
print(total(5))
step.__code__ = other.__code__
print(total(5))
