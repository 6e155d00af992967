# assumption: builtin calls with keyword arguments fold only when the keywords are honoured
def f():
    return max((), default=5), min([3, 1, 2], key=lambda v: -v), round(2.675, ndigits=2), int("11", base=2)
print(f())
