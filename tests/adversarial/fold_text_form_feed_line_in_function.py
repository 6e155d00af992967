# assumption: a form feed (page break) line inside a function is not an extra line for the folder's positions
def f(x):
    y = x + 1

    print(y, 2 * 3, 'ab' + 'cd')
    return y * (2 + 3)
f(1)
