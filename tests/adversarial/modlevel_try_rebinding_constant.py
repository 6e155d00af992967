# assumption: a constant rebound in an `except` handler is not stable
N = 10
try:
    raise ValueError
except ValueError:
    N = 20
print(N + 1)
