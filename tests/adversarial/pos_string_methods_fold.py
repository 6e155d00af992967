# assumption: folding str operations on literals gives the same strings (positive)
def tag(s):
    return "<" + s + ">"
def f():
    return tag("a") + tag("b") * 2, len(tag("xyz")), "x" in tag("x")
print(f())
