# assumption: `with ... as x` and `except E as x` rebind (and delete) a local
import contextlib
def f():
    x = 1
    with contextlib.nullcontext(5) as x:
        pass
    y = 2
    try:
        raise KeyError
    except KeyError as y:
        pass
    try:
        return x, y
    except UnboundLocalError as e:
        return x, "unbound"
print(f())
