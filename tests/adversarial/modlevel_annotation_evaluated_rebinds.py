# assumption: a module-level annotation is evaluated and can run code
def add(a, b):
    return a + b
def rebind():
    global add
    add = lambda a, b: "patched"
    return int
x: rebind() = 1
print(add(1, 2))
