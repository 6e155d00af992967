# assumption: keyword arguments are evaluated in the order written, not the parameter order
log = []
def note(v):
    log.append(v)
    return v
def sub(a, b):
    return a - b
def f():
    return sub(b=note(1), a=note(10))
print(f(), log)
