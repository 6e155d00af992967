# assumption: (kernels auto) math.floor/math.ceil of nan/inf raise ValueError/OverflowError, of large floats give exact ints
# modes: kernels
import math
def fl(x, n):
    t = 0
    for i in range(n):
        t += math.floor(x * (i + 1))
    return t
for _ in range(6):
    print(repr(fl(2.5, 3)), repr(fl(1e20, 2)))
    for x in (math.nan, math.inf):
        try:
            print(repr(fl(x, 2)))
        except (ValueError, OverflowError) as e:
            print(type(e).__name__, e)
