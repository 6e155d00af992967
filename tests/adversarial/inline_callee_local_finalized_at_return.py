# assumption: an object held only by an inlined callee's local is released when the call returns (CPython refcounting), before the caller's next statement
class D:
    def __del__(self):
        print("released")
def g(n):
    t = D()
    k = n + 1
    return k
def f():
    r = g(1)
    print("after call", r)
    return r
print(f())
