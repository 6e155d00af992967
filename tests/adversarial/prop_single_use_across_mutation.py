# assumption: `n = len(xs)` used once after `xs.append` is not moved past the append
def f():
    xs = [1, 2]
    n = len(xs)
    xs.append(3)
    return n
print(f())
