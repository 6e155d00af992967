# assumption: folded comparisons across int/float/bool/tuple follow Python
def f():
    return 1 == 1.0 == True, (1, 2) == (1, 2.0), 0 in [0.0], (1, 2) < (1, 3), 0.1 + 0.2 == 0.3, [1] == [1]
print(f())
