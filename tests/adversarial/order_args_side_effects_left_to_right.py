# assumption: inlined arguments are evaluated once each, left to right
log = []
def note(v):
    log.append(v)
    return v
def add(a, b):
    return a + b
def f():
    return add(note(1), note(2))
print(f(), log)
