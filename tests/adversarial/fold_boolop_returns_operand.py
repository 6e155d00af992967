# assumption: folded `and`/`or` return an operand (not a bool), and skip the rest
def f():
    return 0 and 1, 2 or 3, "" or [], [] and 1, (0 or 0.0)
print(f())
