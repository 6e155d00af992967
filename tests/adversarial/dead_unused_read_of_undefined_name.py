# assumption: an unused assignment from an undefined name raises NameError and is kept
def f():
    unused = no_such_name_anywhere
    return 1
try:
    print(f())
except NameError as e:
    print("NameError", e)
