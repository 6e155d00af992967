# assumption: --assume-stable does not make a function that calls a later helper callable before the helper exists
def f(x):
    return helper(x)
try:
    print(f(1))
except NameError as e:
    print("NameError", e)
def helper(a):
    return a * 10
print(f(1))
