# assumption: a local that is deleted is not propagated past the `del`
def f():
    k = 1
    del k
    try:
        return k
    except UnboundLocalError:
        return "UnboundLocalError"
print(f())
