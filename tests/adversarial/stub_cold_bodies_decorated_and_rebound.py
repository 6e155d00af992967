# assumption: a cold method set aside keeps its decorators and defaults where they run (class creation); a cold body that reads a module constant the hot method's unit rebinds with global is never set aside (it declares global)
def inc(x):
    return x + 1


K = 10
calls = []


def record(fn):
    calls.append(fn.__name__)
    return fn


class C:
    @property
    @record
    def size(self):
        if calls:
            return K + len(calls)
        return K

    def bump(self):
        global K
        K = K + 1
        return K

    def hot(self, v=inc(1)):
        w = inc(v)
        return w

    @staticmethod
    def cold(a, b=K):
        if a:
            return a + b
        return b


c = C()
print(c.size, c.hot(), c.hot(5), C.cold(1), calls)
print(c.bump(), c.size, C.cold(1), K)
