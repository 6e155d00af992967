# assumption: `return(1 + 2) * s` after a loop, folded, keeps the keyword apart
def f(n):
    s = 0
    for i in range(n):
        s += i
    return(1 + 2) * s
print(f(4))
