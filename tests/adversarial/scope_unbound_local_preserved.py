# assumption: a name assigned later in a function is local everywhere: reading it first raises UnboundLocalError
N = 5
def f():
    try:
        y = N + 1
    except UnboundLocalError as e:
        y = "UnboundLocalError"
    N = 3
    return y
print(f())
