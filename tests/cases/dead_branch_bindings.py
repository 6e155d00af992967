# options: assume-stable
# calls: only_dead(1); also_live(1); rebound_then_dead(2)
f = "global f"


def only_dead(a):
    # Both bindings of f are dead, but they make f local: the read must still raise
    # UnboundLocalError, so neither branch may go.
    if False:
        f = 1
    if 0:
        f = 2
    return f


def also_live(a):
    f = a + 1
    if False:
        f = 1 // 0
    return f


def rebound_then_dead(a):
    g = a
    while 0:
        g += 1
    return g * 2
# output:
f = "global f"


def only_dead(a):




    if 0:
        f = 2
    return f


def also_live(a):
    f = a + 1


    return f


def rebound_then_dead(a):
    return a * 2
