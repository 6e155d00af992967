# assumption: fresh names astc introduces never collide with a user's name after NFKC normalization
def add(a, b):
    return a + b
def f(x):
    _astc_x = 1
    return add(x, x) + _astc_x
print(f(3))
