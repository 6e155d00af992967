# assumption: a generator used via `send` is not a plain function call
def acc():
    total = 0
    while True:
        v = yield total
        total += v
g = acc()
next(g)
g.send(2)
print(g.send(3))
