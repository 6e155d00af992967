# assumption: latin-1 identifiers survive inlining and the output stays in latin-1
# -*- coding: latin-1 -*-
def café(crème):
    return crème + 1
def f(x):
    return café(x) * 2
print(f(3))
