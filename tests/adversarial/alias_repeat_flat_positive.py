# assumption: `[0] * 3` holds only immutable items, so a fresh literal per evaluation is exact
def zeros():
    return [0] * 3
a = zeros()
b = zeros()
a[0] = 7
print(a, b, a is b)
