# assumption: `if(1 < 2):` and `while(0 > 1):` folded keep the keyword separate
def f(x):
    if(1 < 2):
        x += 1
    while(0 > 1):
        x -= 100
    return x
print(f(int('4')))
