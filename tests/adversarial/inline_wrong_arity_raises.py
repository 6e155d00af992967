# assumption: a call with the wrong number of arguments is never inlined (it raises TypeError)
def add(a, b):
    return a + b
def f(x):
    try:
        return add(x)
    except TypeError as e:
        return "TypeError " + str(e)
def g(x):
    try:
        return add(x, x, x)
    except TypeError as e:
        return "TypeError " + str(e)
print(f(1))
print(g(1))
