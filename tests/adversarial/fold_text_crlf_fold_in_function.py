# assumption: \r\n line endings: folds inside a function land at the right positions
def f(x):
    y = (x, 'é')
    print(y, (1 + 2), 3 * \
          4)
    return 5 - 2
print(f(0))
