# assumption: folds inside a decorator argument, a default, and next to an annotation (which is never rewritten)
def deco(n):
    def wrap(fn):
        fn.n = n
        return fn
    return wrap
@deco((2 + 3))
def f(a: 1 + 1 = (2 * 2), *, b: 'x' + 'y' = 10 - 1) -> 3 * 3:
    return a + b
print(f.n, f(), f.__defaults__, f.__kwdefaults__, f.__annotations__)
