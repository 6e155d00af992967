# assumption: in `with cm(), g(y):` the first context manager is entered before the inlined second item runs
class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *a):
        print("exit")
def g(y):
    print("g body", y)
    return CM()
def cm():
    return CM()
def f(y):
    with cm(), g(y):
        print("inside")
print(f(1))
