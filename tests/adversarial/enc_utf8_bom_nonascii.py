# assumption: a UTF-8 source with a BOM and non-ASCII literals compiles to text Python reads the same
def g(n):
    return "✓" * n
print(ascii(g(2)), ascii("naïve"))
