# assumption: folding a call in a default value evaluates it at def time, once
def three():
    return 3
def f(x=three()):
    return x
print(f(), f(1), f.__defaults__)
