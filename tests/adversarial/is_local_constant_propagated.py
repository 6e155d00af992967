# assumption: local constant propagation never creates `literal is name`
def f(y):
    k = 5
    return k is y, y is k
print(f(5), f(6))
