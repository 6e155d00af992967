# assumption: `yield(1 + 2)` folded stays a yield (the function stays a generator)
def g():
    yield(1 + 2)
    x = yield(2 * 3)
    print('got', x)
it = g()
print(next(it), next(it))
try:
    it.send(7)
except StopIteration:
    print('done')
