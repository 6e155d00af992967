# assumption: several statements on one line with folds in each, after a string holding a `#` and a `;`
def f():
    s = "#;("; a = (1 + 2); b = [2 * 2]; print(s, a, b, (3 - 1))
    return s
f()
