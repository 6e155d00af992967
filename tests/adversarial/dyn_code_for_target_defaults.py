# assumption: a `for` loop whose target is `f.__defaults__` writes the defaults
def f(a, b=1):
    return a + b
def use():
    return f(10)
for f.__defaults__ in [(2,), (3,)]:
    print(use())
