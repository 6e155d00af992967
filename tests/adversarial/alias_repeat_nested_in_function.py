# assumption: `[[1, 2]] * 2` inside a function holds ONE inner list twice; a literal `[[1, 2], [1, 2]]` holds two
def h():
    return [[1, 2]] * 2
r = h()
r[0].append(3)
print(r)
