# assumption: a local read at the top of a loop body and rebound at its bottom is not propagated
def f():
    k = 1
    out = []
    for _ in range(3):
        out.append(k)
        k = k * 10
    return out
print(f())
