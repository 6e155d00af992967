# assumption: `+=` on str builds a new object; a folded result equals the run-time one
def g(n):
    s = "a"
    t = s
    for _ in range(n):
        t += "b"
    return s, t
print(g(3))
