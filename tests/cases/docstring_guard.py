# calls: f(); C.m(None)
def f():
    if False:
        pass
    "not a docstring"
    return f.__doc__

class C:
    def m(self):
        return 1 + 1
# output:
def f():
    if False:
        pass
    "not a docstring"
    return f.__doc__

class C:
    def m(self):
        return 2
