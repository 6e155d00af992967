# calls: uses(3); uses_gen(2); g(4); opaque(1)
import functools

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def gen(n):
    yield n

@functools.lru_cache(maxsize=None)
def cached(x):
    return x + 1

def star(*args):
    return len(args)

counter = 0

def bump(x):
    global counter
    counter += 1
    return x

def maker(x):
    return lambda: x

def rebound(x):
    return x

rebound = cached

def uses(a):
    return fact(a) + cached(a) + star(a, a) + bump(a) + maker(a)() + rebound(a)

def uses_gen(a):
    return list(gen(a))

def g(x):
    s = []
    s.append(x)
    return star(x) + len(s)

def inc(x):
    return x + 1

def opaque(x):
    s = []
    s.append(x)  # a method call could rebind `inc`: no entry guard covers that
    return inc(x) + len(s)
# output:
import functools

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def gen(n):
    yield n

@functools.lru_cache(maxsize=None)
def cached(x):
    return x + 1

def star(*args):
    return len(args)

counter = 0

def bump(x):
    global counter
    counter += 1
    return x

def maker(x):
    return lambda: x

def rebound(x):
    return x

rebound = cached

def uses(a):
    return fact(a) + cached(a) + star(a, a) + bump(a) + maker(a)() + rebound(a)

def uses_gen(a):
    return list(gen(a))

def g(x):
    s = []
    s.append(x)
    return star(x) + len(s)

def inc(x):
    return x + 1
_astc_inc = inc
def opaque(x):
    s = []
    s.append(x)  # a method call could rebind `inc`: no entry guard covers that
    return (x + 1 if inc is _astc_inc else inc(x)) + len(s)
