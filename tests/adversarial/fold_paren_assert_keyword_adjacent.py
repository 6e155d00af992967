# assumption: `assert(1 < 2)` folded must not become the expression statement `assertTrue`
def f(x):
    assert(1 < 2)
    assert(3 * 0), 'zero'
    return x
try:
    f(1)
except AssertionError as e:
    print('assert', e)
