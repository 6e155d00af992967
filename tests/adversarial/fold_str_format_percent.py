# assumption: %-format and str.format fold like CPython
def f():
    return "%5.2f|%-4d|%r" % (3.14159, 7, "x"), "{:>6}|{!r}".format("ab", "c"), format(1234567, ",")
print(f())
