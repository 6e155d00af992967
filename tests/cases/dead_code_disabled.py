# options: passes=inline,call-fold,propagate,constant-fold max-iterations=4
# calls: area(2.0); scale(3)
def square(x):
    return x * x

def area(r):
    pi = 3.14159
    s = square(r)
    return pi * s

def scale(n):
    factor = 2 * 8
    unused = 1
    if False:
        print("never")
    return n * factor
# output:
def square(x):
    return x * x
_astc_square = square
def area(r):
    pi = 3.14159
    return 3.14159 * (r * r if square is _astc_square else square(r))


def scale(n):
    factor = 16
    unused = 1
    if False:
        print("never")
    return n * 16
