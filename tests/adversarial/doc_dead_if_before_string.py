# assumption: removing a dead block before a string statement in a function does not create a docstring
def f():
    if 0:
        print("never")
    "just a string"
    return f.__doc__
print(f())
