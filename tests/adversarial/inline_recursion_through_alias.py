# assumption: recursion through an alias is still recursion (not inlined forever, same result)
def fact(n):
    return 1 if n <= 1 else n * again(n - 1)
again = fact
print(fact(5))
