# assumption: folding a dict with equal keys (1/True, 0.0/-0.0) keeps the first key and the last value
def f():
    return {1: "a", True: "b", 0.0: "c", -0.0: "d", 0: "e"}
print(f())
