# assumption: a default value is evaluated when the def runs, from the names bound then
N = 1
def f(x=N):
    return x
N2 = N + 1
print(f(), N2)
