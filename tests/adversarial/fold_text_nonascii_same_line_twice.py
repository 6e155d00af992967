# assumption: UTF-8 byte columns on a line with non-ASCII text before and between two folds
def f():
    print('é€', (1 + 2), 'ß', 3 * 3, '日本', (4 - 1), '😀' + 'x')
f()
