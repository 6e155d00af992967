# assumption: folds in slices, keyword arguments and starred arguments keep the call's own syntax
def f(*args, **kw):
    return args, sorted(kw.items())
s = 'abcdefgh'
print(s[(1 + 1):(2 * 3):(3 - 2)], s[::(0 - 1)], f(*((1, 2) + (3,)), k=(2 + 2), **{'z': (1 * 1)}))
print(f(*[0] * 3), f(*(1 + 1,)))
