# assumption: a match capture pattern rebinds a local
def f(v):
    x = 0
    match v:
        case [x, *_]:
            pass
    return x
print(f([7, 8]), f(3))
