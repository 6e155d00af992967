# assumption: an inlined parameter compared with `is` whose value comes from a literal default must not become `5 is None`
def check(x=5):
    return x is None
def g():
    return check(), check(None)
print(g())
