# assumption: at module level `y += [1]` mutates the list `x` is bound to as well
x = []
y = x
y += [1]
print(x, y, x is y)
