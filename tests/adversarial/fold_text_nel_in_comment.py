# assumption: a U+0085 (NEL) inside a comment is not a line break for the folder
def f(x):
    # note here
    print(x, 10 * 10, 'p' * 3)
    return x
f('ok')
