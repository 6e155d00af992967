# assumption: folding non-ASCII string operations gives the same text
def greet(n):
    return "héllo " + n * "€"
print(greet(2), len(greet(3)), "ß".upper())
