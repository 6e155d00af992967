# assumption: a folded tuple result holding a fresh list is fine once per evaluation (positive), and each call gets its own list
def make():
    return (1, [2])
a = make()
b = make()
a[1].append(3)
print(a, b, a[1] is b[1])
