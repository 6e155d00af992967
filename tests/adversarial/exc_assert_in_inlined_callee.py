# assumption: an `assert` in an inlined callee still fires
def check(x):
    assert x > 0, "must be positive"
    return x
def f(x):
    return check(x)
print(f(2))
try:
    f(-1)
except AssertionError as e:
    print("AssertionError", e)
