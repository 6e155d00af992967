# assumption: inlining into a lambda body keeps its result and laziness
def add(a, b):
    return a + b
g = lambda x: add(x, 1)
h = lambda: add(undefined_name, 1)
print(g(2))
try:
    h()
except NameError as e:
    print("NameError")
