# assumption: a temporary from an inlined call is not substituted past a later effect
log = []
def get(i):
    log.append(i)
    return i
def pair(a, b):
    t = a * 2
    log.append("body")
    return t + b
def f():
    r = pair(get(1), get(2))
    return r, log
print(f())
