# assumption: `while ... else` runs the else only without `break`, in the evaluator too
def find(n, target):
    i = 0
    while i < n:
        if i == target:
            break
        i += 1
    else:
        return -1
    return i
print(find(5, 3), find(5, 9))
