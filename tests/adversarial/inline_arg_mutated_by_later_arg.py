# assumption: an argument's value is taken before later arguments run (list mutated by later arg)
xs = [1]
def grow():
    xs.append(2)
    return 0
def g(a, b):
    return len(a) + b
print(g(list(xs), grow()), g(xs, grow()))
