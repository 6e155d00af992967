# assumption: `t |= {2}` on a set mutates it in place; aliases see it
def f():
    s = {1}
    t = s
    t |= {2}
    return sorted(s)
print(f())
