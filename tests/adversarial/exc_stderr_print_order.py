# assumption: writes to stderr and stdout keep their relative order around a folded call
import sys
def add(a, b):
    return a + b
print("out1")
print("err1", file=sys.stderr)
print(add(1, 2))
print("err2", add(3, 4), file=sys.stderr)
