# assumption: an assert message is evaluated only when the test fails
def msg(x):
    print("msg built", x)
    y = str(x)
    return y
def f(x):
    assert x, msg(x)
    return "ok"
print(f(1))
try:
    f(0)
except AssertionError as e:
    print("AssertionError", e)
