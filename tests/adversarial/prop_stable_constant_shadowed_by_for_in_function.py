# assumption: a for-loop target in a function named like a module constant is local there
N = 10
def f():
    out = []
    for N in range(2):
        out.append(N)
    return out, N
print(f(), N)
