# assumption: infinite recursion is never evaluated at compile time and raises RecursionError at run time
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError:
    print("RecursionError")
