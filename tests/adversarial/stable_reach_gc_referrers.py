# assumption: under --assume-stable, `gc.get_referrers` reaches the module namespace dict
import gc
def add(a, b):
    return a + b
def f(x):
    return add(x, 2)
for ref in gc.get_referrers(add):
    if isinstance(ref, dict) and ref.get("f") is f:
        ref["add"] = lambda a, b: a * b
print(f(5))
