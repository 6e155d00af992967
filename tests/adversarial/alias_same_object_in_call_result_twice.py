# assumption: a result holding the same list at two depths must not be emitted as a literal
def nest():
    inner = [0]
    return [inner, [inner]]
n = nest()
n[0].append(1)
print(n)
