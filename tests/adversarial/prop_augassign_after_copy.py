# assumption: `y = x; x += 1` -- y keeps the old value, x the new one
def f(n):
    x = n
    y = x
    x += 1
    return x, y
print(f(5))
