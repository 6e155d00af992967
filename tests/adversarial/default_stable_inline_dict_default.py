# assumption: inlining under --assume-stable must use the one default dict, not a fresh `{}` per call site
def count(k, seen={}):
    seen[k] = seen.get(k, 0) + 1
    return seen[k]
def f(k):
    n = count(k)
    return n
print(f("a"), f("a"), f("b"))
