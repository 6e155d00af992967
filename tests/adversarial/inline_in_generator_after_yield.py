# assumption: an inlined call after a yield runs only when the generator resumes
def g(y):
    print("g body", y)
    z = y * 2
    return z
def gen(y):
    yield "first"
    yield g(y)
it = gen(3)
print(next(it))
print("between")
print(next(it))
