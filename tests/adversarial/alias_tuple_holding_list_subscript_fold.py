# assumption: `T[1]` of a tuple constant holding a list is THE list, not a copy
T = ([0], 1)
T[0].append(1)
x = T[0]
x.append(2)
print(T, x)
