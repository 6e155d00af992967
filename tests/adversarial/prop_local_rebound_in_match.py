# assumption: a capture pattern in `match` rebinds a local: it is not propagated from its first binding
def f(v):
    x = 1
    match v:
        case [x]:
            pass
    return x
print(f([9]), f(0))
