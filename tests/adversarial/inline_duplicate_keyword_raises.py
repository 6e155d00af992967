# assumption: a call binding a parameter twice or naming an unknown keyword is never inlined
def add(a, b):
    return a + b
def f(x):
    out = []
    for call in (lambda: add(x, a=x), lambda: add(x, c=1)):
        try:
            out.append(call())
        except TypeError as e:
            out.append(str(e))
    return out
print(f(1))
