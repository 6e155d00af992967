# assumption: a folded complex value keeps its parentheses in a product (`x * (1+2j)`)
def f(x):
    return x * (2j + 1), x * (1, 1 + 2j)[1], x - (1j * 1j), (1j * 1j).real
print(f(2))
