# assumption: a module function deleted then called raises NameError
def f():
    return 1
print(f())
del f
try:
    print(f())
except NameError:
    print("NameError")
