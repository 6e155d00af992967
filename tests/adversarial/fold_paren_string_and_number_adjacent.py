# assumption: a folded atom never runs into a neighbouring string, number or name (`"a"in(...)`, `]if(...)else`)
def f(s):
    a = "ab"in("a" + "b", "c")
    b = [1]if(2 > 1)else 0
    c = s[0]if(s)else(3 * 3)
    return a, b, c
print(f("xy"), f(""))
