# assumption: a single-use value is moved only when nothing with an effect is evaluated before its read
def add(a, b):
    return a + b
def f(lst):
    n = len(lst)
    return add(lst.append(1) or 0, n)
print(f([]))
