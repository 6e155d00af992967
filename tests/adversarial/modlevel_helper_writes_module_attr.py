# assumption: a module function that writes `sys.modules[__name__].N` cannot change N for the code after its call
import sys
N = 10
def reset():
    sys.modules[__name__].N = 0
reset()
print(N + 1)
