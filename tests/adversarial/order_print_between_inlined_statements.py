# assumption: statement-level inlining keeps prints in the callee relative to prints in the caller
def work(x):
    print("work start")
    y = x * 2
    print("work end")
    return y
def f(x):
    print("before")
    r = work(x)
    print("after")
    return r
print(f(2))
