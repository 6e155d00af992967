# assumption: a class decorator can rebind a module function used by a later folded call
def add(a, b):
    return a + b
def deco(cls):
    global add
    add = lambda a, b: a * b
    return cls
@deco
class C:
    pass
print(add(3, 4))
