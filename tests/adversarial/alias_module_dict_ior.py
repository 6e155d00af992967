# assumption: `e |= {...}` on a dict mutates it in place; aliases see it
def f():
    d = {"a": 1}
    e = d
    e |= {"b": 2}
    return d
print(f())
