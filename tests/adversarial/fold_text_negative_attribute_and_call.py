# assumption: a negative folded value before `.attr` or `[...]` keeps its parentheses
def f():
    return (1 - 4).bit_length(), (0 - 2.5).is_integer(), (2 - 5).real, (-1, 2)[0].imag
print(f())
