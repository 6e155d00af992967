# assumption: under --assume-stable a builtin shadowed by a later def is still the builtin before that def runs
def f(x):
    return abs(x)
print(f(-3))
def abs(x):
    return 99
print(f(-3))
