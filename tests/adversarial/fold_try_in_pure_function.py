# assumption: a pure function with try/except gives the handler's value
def f():
    try:
        return 1 // 0
    except ZeroDivisionError:
        return "handled"
print(f())
