# calls: total(3, 4); total(-1, 0); mix(2)
def hyp2(x, y=2):
    xx = x * x
    yy = y * y
    return xx + yy

def total(a, b):
    r = hyp2(a + 1, y=b)
    return r

def mix(k):
    return hyp2(k) + hyp2(1, 3)
# output:
def hyp2(x, y=2):
    xx = x * x
    yy = y * y
    return xx + yy
_astc_hyp2 = hyp2
def total(a, b):
    if hyp2 is _astc_hyp2:
        _astc_x_0 = a + 1
        r = _astc_x_0 * _astc_x_0 + b * b
    else:
        r = hyp2(a + 1, y=b)
    return r
def mix(k):
    return hyp2(k) + (10 if hyp2 is _astc_hyp2 else hyp2(1, 3))
