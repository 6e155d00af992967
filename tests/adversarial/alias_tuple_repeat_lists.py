# assumption: `([],) * 2` is a tuple holding one list twice
def pair():
    return ([],) * 2
p = pair()
p[0].append("x")
print(p)
