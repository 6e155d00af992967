# assumption: `lambda:(1 + 2)` and `lambda x=(2 * 3):x` folded stay lambdas
f = lambda:(1 + 2)
g = lambda x=(2 * 3):x
print(f(), g(), g(1))
