# assumption: keyword arguments are evaluated in source order, not parameter order
log = []
def e(v):
    log.append(v)
    return v
def g(a, b):
    return a - b
print(g(b=e(1), a=e(2)), log)
