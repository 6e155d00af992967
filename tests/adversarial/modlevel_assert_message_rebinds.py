# assumption: import-time `assert` evaluates its test (which can run code)
def add(a, b):
    return a + b
def check():
    global add
    add = lambda a, b: 0
    return True
assert check()
print(add(1, 2))
