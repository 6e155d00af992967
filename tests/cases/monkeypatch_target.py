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
    e = a + b if add is _astc_add else add(a, b)
    f = c + d if add is _astc_add else add(c, d)
    return e + f if add is _astc_add else add(e, f)


def twice(x):
    """Docstrings stay first."""
    return x + x if add is _astc_add else add(x, x)
