# assumption: under --assume-stable `setattr(sys.modules[__name__], ...)` in the module itself makes the name unstable
# modes: stable
import sys
N = 10
def get():
    return N
setattr(sys.modules[__name__], "N", 3)
print(get())
