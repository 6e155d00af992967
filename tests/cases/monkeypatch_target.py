# calls: fancy_func(1, 2, 3, 4); twice(5)
def add(a, b):
    return a + b

def fancy_func(a, b, c, d):
    e = add(a, b)
    f = add(c, d)
    g = add(e, f)
    return g

def twice(x):
    """Docstrings stay first."""
    return add(x, x)
# output:
def add(a, b):
    return a + b
_astc_add = add
def fancy_func(a, b, c, d):
    if add is _astc_add: return a + b + (c + d)
    e = add(a, b)
    f = add(c, d)
    g = add(e, f)
    return g
def twice(x):
    """Docstrings stay first."""
    if add is _astc_add: return x + x
    return add(x, x)
