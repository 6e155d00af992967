# assumption: `x²` is not a valid identifier, but `xⁱ` normalizes to `xi`
xi = 10
def f():
    return xⁱ + 1
print(f())
