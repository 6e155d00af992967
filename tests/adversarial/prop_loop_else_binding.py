# assumption: a name rebound in a for-else is not propagated from before the loop
def f(xs):
    found = None
    for x in xs:
        if x > 2:
            found = x
            break
    else:
        found = -1
    return found
print(f([1, 5]), f([1]))
