# assumption: round and float methods fold like CPython
def f():
    return round(2.675, 2), (0.5).hex(), float.fromhex("0x1.8p1"), (2.5).as_integer_ratio(), int(" 7 "), int("1_000")
print(f())
