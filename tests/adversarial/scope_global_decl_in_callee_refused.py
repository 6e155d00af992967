# assumption: a callee with `global` writes the module name, which inlining must keep
hits = 0
def hit():
    global hits
    hits = hits + 1
    return hits
def f():
    hit()
    return hit()
print(f(), hits)
