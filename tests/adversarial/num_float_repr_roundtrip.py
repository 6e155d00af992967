# assumption: folded float results round-trip exactly (repr), including tiny and huge values
def vals():
    return 0.1 + 0.2, 1e308 * 10 / 10, 5e-324 / 2, 2.0 ** -1074
print(vals())
