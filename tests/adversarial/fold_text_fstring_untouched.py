# assumption: nothing inside an f-string is rewritten, and folds next to one still land right
def f(x):
    return f'{x + (1 + 1)}|{(2 * 3)!r}|{1 + 1 = }|{x:{2 + 3}}', (1 + 2), f"{'é' * 2}" + ('a' + 'b')
print(f(1))
