# assumption: folds inside subscript targets of assignment, augmented assignment and `del` keep them targets
def f():
    lst = [0, 1, 2, 3]
    lst[(1 - 1)] = 9
    lst[(1 + 1)] += 5
    a, lst[(3 * 1)] = 'x', 'y'
    del lst[(0 + 1)]
    return lst, a
print(f())
