# assumption: a pure function returning a long string gives it in full
def f():
    return "ab" * 3000
print(len(f()), f()[-3:])
