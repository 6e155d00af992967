# options: assume-stable
# calls: uses_k(1)
# Module constants computed at compile time from literals, earlier constants and stable
# functions defined above them.
def square(x):
    return x * x

K = 2 ** 8
R = square(K) + 1

def uses_k(a):
    return a + K + R
# output:
# Module constants computed at compile time from literals, earlier constants and stable
# functions defined above them.
def square(x):
    return x * x

K = 256
R = 65537

def uses_k(a):
    return a + 256 + 65537
