# calls: f(2); g()
SECONDS = 24 * 60 * 60
MASK = (1 << 8) - 1
NEG_ZERO = -0.0 * 1
BIG = 2 ** 100
TOO_BIG = 2 ** 10 ** 8 > 0 if False else 1
RAISES_LATER = "never"

def f(x):
    ok = (1, 2, 3)[0] < len("abc") and x
    return ok, 3.5 // 2, "ab" * 3, not 0, 7 % -3

def g():
    try:
        return 1 / 0
    except ZeroDivisionError:
        return "raised at run time"
# output:
from builtins import len as _astc_len
SECONDS = 86400
MASK = 255
NEG_ZERO = -0.0
BIG = 1267650600228229401496703205376
TOO_BIG = 1
RAISES_LATER = "never"
def f(x):
    return (1 < (3 if len is _astc_len else len("abc")) and x), 1.0, 'ababab', True, -2


def g():
    try:
        return 1 / 0
    except ZeroDivisionError:
        return "raised at run time"
