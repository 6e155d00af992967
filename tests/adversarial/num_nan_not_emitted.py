# assumption: nan/inf results are never emitted as names; comparisons with nan stay False
def nan():
    return float("inf") - float("inf")
def f():
    n = nan()
    return n == n, n != n
print(f(), repr(nan()), float("inf") * 0)
