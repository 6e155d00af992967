# assumption: a fold computing nan gives nan, not an error or a name
def f():
    return float("inf") - float("inf")
r = f()
print(r != r, repr(r))
