# assumption: folding sign-sensitive builtins keeps -0.0 where Python gives it
def f():
    return round(-0.5, 0), min(0.0, -0.0), max(-0.0, 0.0), abs(-0.0), str(-0.0), divmod(-0.0, 1.0)
print(f())
