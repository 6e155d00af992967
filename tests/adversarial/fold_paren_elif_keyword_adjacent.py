# assumption: `elif(2 > 1):` folded keeps the keyword apart
def f(x):
    if x:
        return 'x'
    elif(2 > 1):
        return 'elif'
    return 'none'
print(f(0), f(1))
