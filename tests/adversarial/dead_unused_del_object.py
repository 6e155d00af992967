# assumption: an unused local holding an object with __del__ keeps its lifetime until the function returns
class D:
    def __del__(self):
        print("del")
def f():
    d = D()
    print("body")
    return 1
print(f())
