# assumption: a default is the value at def time, not the global's value when the call is inlined
K = 1
def g(x, k=K):
    return x + k
K = 100
print(g(1))
