# assumption: a constant bound twice at module level is not stable, even under --assume-stable
K = 2
def times(x):
    return x * K
print(times(3))
K = 5
print(times(3))
