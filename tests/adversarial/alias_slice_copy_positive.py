# assumption: `a[:]` is a copy, so `(a, a[:])` holds two distinct lists; a fold must keep them distinct and equal
def two():
    a = [1]
    return (a, a[:])
r = two()
r[0].append(2)
print(r, r[0] is r[1])
