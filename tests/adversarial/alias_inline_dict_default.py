# assumption: a dict default is one object for every call; inlining must not create a fresh one per call
def cfg(d={}):
    return d
def f():
    cfg()["k"] = 1
    return cfg()
print(f())
