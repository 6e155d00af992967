# assumption: (kernels auto) a tuple of mixed ints and floats indexed in a loop gives CPython's sum, with no warning
# modes: kernels
def total(t):
    s = 0
    for i in range(len(t)):
        s = s + t[i] * 2
    return s
for _ in range(6):
    print(repr(total((1, 2.5, 3))), repr(total((1, 2, 3))), repr(total((0.5, 0.25))))
