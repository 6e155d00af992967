# assumption: an inlined callee that reads an undefined global raises the same NameError
def bad():
    return undefined_thing + 1
def f():
    return bad()
try:
    f()
except NameError as e:
    print(type(e).__name__, str(e).split(".")[0])
