# assumption: an immutable default can be pasted at each use; the result must stay the same
def span(a, bounds=(0, 10)):
    return bounds[0] <= a < bounds[1]
def f(x):
    return span(x), span(x, (5, 6))
print(f(3), f(5), f(11))
