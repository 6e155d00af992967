# assumption: a `return` in `finally` overrides the try's return; code after it is not reached
def f():
    try:
        return "try"
    finally:
        return "finally"
    print("never")
print(f())
