# assumption: `f.__defaults__ += ...` / tuple unpacking into `f.__defaults__` write the defaults
def f(a, b=1):
    return a + b
def use():
    return f(10)
print(use())
f.__defaults__ = ()
f.__defaults__ += (5,)
print(use())
(f.__defaults__, _) = ((7,), None)
print(use())
