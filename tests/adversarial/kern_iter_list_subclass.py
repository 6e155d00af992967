# assumption: (kernels auto) `for x in a` kernels are exact for arrays only: lists, big ints and ndarray subclasses run plain
# modes: kernels
import numpy as np


class Twice(np.ndarray):
    def __getitem__(self, index):
        return 2 * np.asarray(self)[index]

    def __iter__(self):
        return iter(2 * np.asarray(self))


def total(xs):
    t = 0
    for x in xs:
        t += x
    return t


def squares(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * a[i]
    return s


base = np.arange(5, dtype=np.int64)
for _ in range(3):
    print(repr(total(base)), repr(total([2**62, 2**62, 2**62])), repr(total((1, 2.5))))
    print(repr(total(base.view(Twice))), repr(total(np.arange(4.0))))
    print(repr(squares(np.arange(5.0))), repr(squares(np.arange(5.0).view(Twice))))
