# assumption: a `finally` after a `raise` runs
def f():
    try:
        raise KeyError("k")
        print("after raise")
    finally:
        print("finally ran")
try:
    f()
except KeyError as e:
    print("caught", e)
