# assumption: an annotated assignment's annotation is never rewritten; its value is folded (class body and function)
class C:
    x: 1 + 2 = (3 * 4)
    y: "a" + "b"
def f():
    z: 2 * 2 = (5 - 1)
    return z
print(C.x, C.__annotations__, f())
