# assumption: a builtin rebound at module level between two folded calls is used in the second
def add(a, b):
    return a + b
print(add(1, 2))
def print(*a):
    __builtins__.print("custom", *a) if hasattr(__builtins__, "print") else __import__("builtins").print("custom", *a)
print(add(3, 4))
