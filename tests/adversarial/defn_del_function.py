# assumption: a deleted module function is not stable
def helper():
    return 1
def f():
    return helper()
print(f())
del helper
try:
    print(f())
except NameError as e:
    print("NameError", e)
