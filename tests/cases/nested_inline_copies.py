# calls: f1(1, 5, 3); f1(0, -2, 7, 4)
# Regression: inlining the inner call leaves a copy chain (`_astc_b_0 = _astc_b_1`); copy
# propagation and single-use substitution in the same visit once disagreed on how often
# `_astc_b_1` was read, and the program raised NameError.
K0 = 0

def f0(a, b, c=26, d=1):
    x1 = b
    return b

def f1(a, b, c, d=1):
    x2 = f0(b=f0(a=K0, b=K0), a=(K0 + K0), d=(K0 + K0))
    return x2 + b
# output:
# Regression: inlining the inner call leaves a copy chain (`_astc_b_0 = _astc_b_1`); copy
# propagation and single-use substitution in the same visit once disagreed on how often
# `_astc_b_1` was read, and the program raised NameError.
K0 = 0

def f0(a, b, c=26, d=1):

    return b
_astc_f0 = f0
def f1(a, b, c, d=1):
    if f0 is _astc_f0:
        if f0 is _astc_f0:
            _astc_a_0 = K0
            _astc_b_0 = K0
        else:
            _astc_b_0 = f0(a=K0, b=K0)
        _astc_a_1 = (K0 + K0)
        _astc_d_2 = (K0 + K0)
        x2 = _astc_b_0
    else:
        x2 = f0(b=f0(a=K0, b=K0), a=(K0 + K0), d=(K0 + K0))
    return x2 + b
