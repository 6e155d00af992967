# assumption: a multi-line fold (and the dead code it leaves) inside a function keeps the line numbers of its untouched statements
import sys
def f():
    a = (10 *  # a comment inside
         10)
    b = 'x' \
        'y'
    print(a, b)
    return sys._getframe().f_lineno
print(f())
