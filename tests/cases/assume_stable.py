# options: assume-stable
# calls: area(2.0); scale(3)
PI = 3.14159
FACTOR = 4

def square(x):
    return x * x

def area(r):
    return PI * square(r)

def scale(v):
    w = v * FACTOR
    return w
# output:
PI = 3.14159
FACTOR = 4

def square(x):
    return x * x

def area(r):
    return 3.14159 * (r * r)

def scale(v):
    w = v * 4
    return w
