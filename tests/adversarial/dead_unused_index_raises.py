# assumption: an unused subscript can raise IndexError and is kept
def f(xs):
    v = xs[5]
    return "no"
try:
    print(f([1]))
except IndexError:
    print("ie")
