# assumption: inlining into a comprehension evaluates per element, in order
log = []
def add(a, b):
    log.append((a, b))
    return a + b
def f(xs):
    return [add(x, 1) for x in xs if x]
print(f([0, 1, 2]), log)
