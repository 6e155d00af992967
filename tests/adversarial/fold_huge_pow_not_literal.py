# assumption: a pure function returning 10**100000 is not folded into a huge literal (str limit)
def f():
    return 10 ** 5000
print(len(str(f())) if hasattr(__import__("sys"), "set_int_max_str_digits") else 0)
