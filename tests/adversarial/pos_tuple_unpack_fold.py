# assumption: folding functions that unpack tuples and loop over ranges gives the same values (positive)
def stats(n):
    lo, hi = 0, 0
    for i in range(n):
        lo, hi = min(lo, i - 3), max(hi, i)
    return lo, hi
print(stats(5), stats(0))
