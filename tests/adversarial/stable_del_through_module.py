# assumption: under --assume-stable a `del` through the module object in the module itself makes the name unstable
# modes: stable
import sys
def helper():
    return 1
def f():
    try:
        return helper()
    except NameError:
        return "gone"
delattr(sys.modules[__name__], "helper")
print(f())
