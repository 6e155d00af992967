# calls: f(1); gen_kept(); scoped(0)
def f(a):
    unused = 3
    if False:
        print("debug")
    while 0:
        a += 1
    else:
        a += 10
    return a
    print("never")

def gen_kept():
    # `yield` in dead code still makes this a generator: it must stay
    if False:
        yield 1
    return 5

def scoped(x):
    if x:
        return y
    return 0
    y = 1  # the binding makes `y` local: removing it would change the error
# output:
def f(a):
    a += 10






    return a


def gen_kept():
    # `yield` in dead code still makes this a generator: it must stay
    if False:
        yield 1
    return 5

def scoped(x):
    if x:
        return y
    return 0
    y = 1  # the binding makes `y` local: removing it would change the error
