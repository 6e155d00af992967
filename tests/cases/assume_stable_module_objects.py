# options: assume-stable
# calls: area(3)
import sys

def square(x):
    return x * x

def area(r):
    return square(r) + 1

def patch():
    sys.modules[__name__].square = lambda x: 0
# output:
import sys

def square(x):
    return x * x
_astc_square = square
def area(r):
    return (r * r if square is _astc_square else square(r)) + 1

def patch():
    sys.modules[__name__].square = lambda x: 0
