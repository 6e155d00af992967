# assumption: folded slices with steps and out-of-range bounds give Python's results
def f():
    s = "abcdef"
    return s[::-1], s[10:], s[-2:], s[1:5:2], (1, 2, 3)[True], s[::-2]
print(f())
