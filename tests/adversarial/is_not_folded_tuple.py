# assumption: a folded tuple result on the left of `is not` would warn; the output compiles under -W error
def pair():
    return (1, 2)
def f():
    return pair() is not None
print(f())
