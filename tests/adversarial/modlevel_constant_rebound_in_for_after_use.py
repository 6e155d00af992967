# assumption: a module constant used before a loop rebinding it has the first value there and the last after
N = 1
print(N + 1)
for N in range(3):
    pass
print(N)
