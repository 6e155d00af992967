# assumption: id() of an object is a run-time value
def f():
    a = (1, 2)
    return id(a) == id(a)
print(f())
