# assumption: sorted of mixed types raises TypeError at run time
def f():
    return sorted([1, "a"])
try:
    print(f())
except TypeError as e:
    print("TypeError", e)
