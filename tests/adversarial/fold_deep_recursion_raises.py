# assumption: a recursion too deep for CPython is not folded into a value
def down(n):
    return 0 if n == 0 else down(n - 1)
try:
    print(down(5000))
except RecursionError:
    print("RecursionError")
print(down(50))
