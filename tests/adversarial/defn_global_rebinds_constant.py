# assumption: a constant rebound through `global` in a function is not stable
N = 1
def bump():
    global N
    N = N + 1
def get():
    return N * 10
print(get())
bump()
print(get())
