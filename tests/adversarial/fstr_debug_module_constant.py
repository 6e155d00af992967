# assumption: propagation never rewrites the expression text of an f-string `=` specifier
N = 5
print(f"{N=}", f"{N + 1=}")
