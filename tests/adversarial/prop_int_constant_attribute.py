# assumption: propagating an int constant before `.attr` keeps valid syntax and meaning
def f():
    x = 1
    y = 1.5
    return x.bit_length(), y.is_integer(), x.real
print(f())
