# assumption: mutating the returned default changes what the next call returns
def get(cache=[]):
    return cache
r = get()
r.append("x")
print(get())
