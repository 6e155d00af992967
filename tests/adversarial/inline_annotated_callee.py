# assumption: annotations of an inlined callee are not evaluated per call and do not change the result
def ann() -> str:
    print("annotation evaluated")
    return "int"
def scale(a: ann(), k: int = 2) -> ann():
    return a * k
def f(x):
    return scale(x)
print(f(3), f(4))
