# assumption: removing a false `if` keeps a following `elif`/`else` as the live branch
def f(x):
    if False:
        return "no"
    elif x:
        return "elif"
    else:
        return "else"
print(f(1), f(0))
