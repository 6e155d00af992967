# assumption: a lambda with `yield` is a generator function
g = lambda: (yield 3)
print(list(g()))
