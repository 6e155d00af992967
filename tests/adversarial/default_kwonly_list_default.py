# assumption: a keyword-only list default is one object for all calls
def log(x, *, into=[]):
    into.append(x)
    return into
log(1)
print(log(2))
