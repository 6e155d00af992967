# assumption: --assume-stable propagates a constant into a function only where it is already bound when the function runs
def inner():
    return LATE * 2
def outer():
    return inner() + 1
try:
    print(outer())
except NameError as e:
    print("NameError", e)
LATE = 4
print(outer())
