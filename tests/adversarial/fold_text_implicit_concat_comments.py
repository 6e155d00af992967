# assumption: an implicitly concatenated string over lines with comments, repeated, folds to the same value
def f():
    s = ('ab'  # first
         'cd'  # second
         ) * 2
    return s, len(s)
print(f())
