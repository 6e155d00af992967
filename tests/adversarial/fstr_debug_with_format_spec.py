# assumption: `=` with a format spec and conversion keeps the source text and formatting
X = 3.14159
def f(v):
    return f"{v=:.2f}|{v=!r}|{v = }"
print(f(X), f"{X=:8.3f}")
