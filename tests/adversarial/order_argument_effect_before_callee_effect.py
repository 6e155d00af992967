# assumption: inlining keeps the argument's print before the callee body's print
def show(x):
    print("callee", x)
    return x
def arg():
    print("argument")
    return 1
def f():
    return show(arg())
print(f())
