# assumption: folding implicit string concatenation and bool repetition keeps types and values
def f():
    return "a" "b", "x" * True, "y" * False, b"q" * 2, ("t",) * 0
print(f())
