# assumption: the `None` default idiom makes a fresh list each call; folding it is right
def f(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(f(1), f(2))
