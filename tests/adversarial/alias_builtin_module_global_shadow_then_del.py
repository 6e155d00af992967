# assumption: a module global `max` created by a helper, then deleted, is seen by folded `max(...)` each time
def top():
    return max(1, 5, 3)
def install():
    globals_ns = top.__globals__
    globals_ns["max"] = min
print(top())
install()
print(top())
del max
print(top())
