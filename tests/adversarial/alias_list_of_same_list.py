# assumption: a returned `[x, x]` holds the same list twice; emitting `[[0], [0]]` splits it
def k():
    x = [0]
    return [x, x]
q = k()
q[0].append(1)
print(q, q[0] is q[1])
