# assumption: under --assume-stable, `__import__(__name__)` reaches the module object (it may rebind its own globals)
def add(a, b):
    return a + b
def f(x):
    return add(x, 2)
me = __import__(__name__)
me.add = lambda a, b: a * b
print(f(5))
