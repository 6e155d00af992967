# assumption: a lambda default captures the constant's value at definition time
N = 1
f = lambda x=N: x
N = 2
print(f(), N)
