# assumption: code after `return` inside `try` is dead, but the `finally` still runs
def f():
    try:
        return "try"
        print("dead")
    finally:
        print("finally")
print(f())
