# assumption: a module function also bound as a `for` target is not stable
def f():
    return "def"
def call():
    return f()
print(call())
for f in [lambda: "loop"]:
    pass
print(call())
