# assumption: `except E as x` deletes x at the end of the handler, so a constant x before it is gone
def f():
    x = 1
    try:
        raise ValueError
    except ValueError as x:
        pass
    try:
        return x
    except UnboundLocalError:
        return "x unbound after except-as"
print(f())
