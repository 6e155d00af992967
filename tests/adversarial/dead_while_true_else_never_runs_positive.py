# assumption: code after `while True:` with a break is not dead; `while 0: ... else:` runs its else
def f():
    n = 0
    while True:
        n += 1
        if n > 2:
            break
    while 0:
        n = -1
    else:
        n += 10
    return n
print(f())
