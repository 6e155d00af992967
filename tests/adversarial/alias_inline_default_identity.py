# assumption: two calls of `get()` return the same default list
def get(a=[]):
    return a
def f():
    return get() is get()
print(f())
