# assumption: a loop function calling a helper whose `__defaults__` is replaced later sees the new default
def step(x, k=2):
    return x * k
def total(n):
    s = 0
    for i in range(n):
        s += step(i)
    return s
print(total(5))
step.__defaults__ = (10,)
print(total(5))
