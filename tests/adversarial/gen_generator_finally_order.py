# assumption: a generator's `finally` runs when it is closed, in the original order of prints
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("closed")
def first():
    g = gen()
    v = next(g)
    g.close()
    return v
print(first())
