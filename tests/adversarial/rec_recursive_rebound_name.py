# assumption: a recursive function calls whatever its name is bound to at run time
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
keep = count
def count(n):
    return 100
print(keep(3))
