# assumption: a local captured by a nested function is not propagated (the closure sees later writes)
def f():
    k = 1
    def get():
        return k
    k = 2
    return get()
print(f())
