# assumption: parentheses around a fold stay where the text next to them would join tokens (yield(...), lambda:(...), not(...))
def gen():
    yield(1 + 2)
    yield(2 * 3)if True else 0
def f():
    g = lambda:(4 + 4)
    return not(0 + 0), g(), [x for x in(1 + 1, 2)]
print(list(gen()), f())
