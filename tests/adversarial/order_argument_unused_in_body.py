# assumption: an argument whose parameter is never used is still evaluated (and may raise)
def ignore(x):
    return 0
def f(d):
    try:
        return ignore(d["missing"])
    except KeyError:
        return "KeyError"
print(f({}))
