# assumption: under --assume-stable a write into the module's `__dict__` by the module itself makes the name unstable
# modes: stable
import sys
LIMIT = 5
def over(x):
    return x > LIMIT
sys.modules[__name__].__dict__["LIMIT"] = 100
print(over(50))
