# assumption: a loop function (a kernel candidate) with a folded `len("ab")` sees `builtins.len` replaced after import
import builtins
def total(n):
    s = 0
    for i in range(n):
        s += len("ab") + i
    return s
print(total(4))
orig = builtins.len
builtins.len = lambda v: 100
print(total(4))
builtins.len = orig
print(total(4))
