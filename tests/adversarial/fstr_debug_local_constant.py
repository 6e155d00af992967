# assumption: local constant propagation keeps `f"{k=}"` as the text `k=`
def f():
    k = 3
    return f"{k=}", f"{k * 2 = }"
print(f())
