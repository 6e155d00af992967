# assumption: dead-code removal keeps an unreachable assignment that makes a name local
N = 1
def f():
    try:
        return N
    except UnboundLocalError:
        return "UnboundLocalError"
    N = 2
print(f())
