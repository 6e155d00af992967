# assumption: a mutable default is created once per function, not per folded call
def acc(x, store=[]):
    store.append(x)
    return len(store)
print(acc(1), acc(2), acc(3))
