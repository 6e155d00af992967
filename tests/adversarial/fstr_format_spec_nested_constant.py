# assumption: a nested format-spec field may be folded only to the same text
W = 6
def f(v):
    return f"{v:>{W}}|{v:^{W + 2}}|"
print(f("ab"))
