# assumption: float('inf') arithmetic folds to inf (never the bare name inf)
def f():
    return float("inf") * 2, -float("inf")
print(f())
