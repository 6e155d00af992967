# assumption: `(t, t)` where t holds a list: the list is shared by both halves
def build():
    t = ([1],)
    return (t, t)
b = build()
b[0][0].append(2)
print(b)
