# assumption: inlining never rewrites a callee's f-string `=` specifier with the caller's argument text
def show(value):
    return f"{value=}"
def f(x):
    return show(x + 1)
print(f(3))
