# assumption: a call whose evaluation raises is left alone, so it raises at the same point (after the first print)
def inv(x):
    return 1 / x
print("before")
print(inv(0))
