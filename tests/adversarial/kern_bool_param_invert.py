# assumption: (kernels auto) `~flag` of a Python bool is an int (-2/-1), `flag + flag` is 2, as in CPython 3.11
# modes: kernels
def mix(flag, n):
    t = 0
    for i in range(n):
        t += ~flag
        t += flag + flag
        t += -flag
    return t
for _ in range(8):
    print(repr(mix(True, 3)), repr(mix(False, 3)))
