# assumption: positional-only params given by keyword raise TypeError; kw-only defaults apply
def f(a, /, b=2, *, c=3):
    return a + b + c
print(f(1), f(1, c=10))
try:
    print(f(a=1))
except TypeError as e:
    print("TypeError", e)
