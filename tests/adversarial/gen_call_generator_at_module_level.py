# assumption: a call of a generator function is never folded as a plain call
def count(n):
    for i in range(n):
        yield i * 2
print(list(count(3)), sum(count(4)))
