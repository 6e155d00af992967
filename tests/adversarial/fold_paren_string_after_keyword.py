# assumption: `return('a' + 'b')` folded to a string next to a keyword stays valid (positive)
def f():
    print('x')
    return('a' + 'b')
print(f())
