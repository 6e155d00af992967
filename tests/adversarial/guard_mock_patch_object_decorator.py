# assumption: the entry guard covers a whole call even while `mock.patch` is being entered inside it
# modes: default kernels
import sys
from unittest import mock
def add(a, b):
    return a + b
def f(x):
    with mock.patch.object(sys.modules[__name__], "add", lambda a, b: a - b):
        return add(x, 1)
print(f(3), add(3, 1))
