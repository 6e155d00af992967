# assumption: under --assume-stable, a `__code__` write still stops folding calls of the function at import time
def k():
    return 1
def two():
    return 2
k.__code__ = two.__code__
print(k(), k() + 1)
