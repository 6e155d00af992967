# assumption: an assignment shadowing a builtin makes it local even if its value is unused later
def f():
    try:
        n = len([1])
    except UnboundLocalError:
        n = "unbound"
    len = None
    return n
print(f())
