# calls: f("abc"); g()
def len(x):
    return 42

def f(s):
    return len("abc") + len(s)

def g():
    abs = lambda v: -1
    return abs(-3)
# output:
def len(x):
    return 42
_astc_len = len
def f(s):
    return (42 if len is _astc_len else len("abc")) + (42 if len is _astc_len else len(s))

def g():
    abs = lambda v: -1
    return abs(-3)
