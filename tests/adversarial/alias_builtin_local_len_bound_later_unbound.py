# assumption: a builtin call folded in a function where `len` is a local bound later still raises UnboundLocalError
def f():
    n = len("abc")
    len = 3
    return n, len
try:
    print(f())
except UnboundLocalError as e:
    print("unbound", e)
