# assumption: a folded call sees the run-time default, which the program may have mutated
def first(xs=[1, 2]):
    return xs[0]
first.__defaults__[0][0] = 99
print(first())
