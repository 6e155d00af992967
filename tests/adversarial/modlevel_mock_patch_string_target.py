# assumption: a module constant read at import time inside `mock.patch` is the unpatched value
# modes: default kernels
from unittest import mock
N = 10
def get():
    return N
with mock.patch("__main__.N", 3):
    print(get(), N + 0)
print(get(), N + 0)
