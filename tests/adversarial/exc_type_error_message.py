# assumption: a TypeError raised by folding is left for run time with the same message
def add(a, b):
    return a + b
try:
    add(1, "x")
except TypeError as e:
    print("TypeError", e)
