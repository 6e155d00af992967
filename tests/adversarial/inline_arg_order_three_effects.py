# assumption: each argument of an inlined call is evaluated exactly once, left to right, before the body
log = []
def e(v):
    log.append(v)
    return v
def g(a, b, c):
    log.append("body")
    return c - b - a
print(g(e(1), e(2), e(3)), log)
