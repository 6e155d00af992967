# assumption: None, True, False and ... may be substituted into `is` (no warning for them; positive)
def isnone(x):
    return x is None
def isell(x):
    return x is ...
def g():
    return isnone(None), isnone(True), isell(...), isell(False)
print(g())
