# assumption: a set display argument is one object inside the callee
def grow(s):
    return s.add(4) or len(s)
def f():
    return grow({1, 2})
print(f())
