# assumption: a module-level call of a function defined further down is never folded (it raises NameError)
try:
    print(late(2))
except NameError as e:
    print("NameError", e)
def late(x):
    return x + 1
print(late(2))
