# assumption: `if False: len = ...` in a function still makes `len` local (the fold of `len("ab")` must not hide the UnboundLocalError)
def f():
    if False:
        len = None
    return len("ab")
try:
    print(f())
except UnboundLocalError as e:
    print("unbound", e)
