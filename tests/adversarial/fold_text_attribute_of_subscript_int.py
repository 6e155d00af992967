# assumption: folding `(10, 20)[0].real` must not produce `10.real`
def f():
    print((10, 20)[0].real, (3, 4)[1].bit_length())
    return (1 + 1).real
print(f())
