# assumption: a folded `-0.0` keeps its sign inside a tuple result
def f():
    return (-0.0, 0.0, -(0.0))
import math
print([math.copysign(1, v) for v in f()])
