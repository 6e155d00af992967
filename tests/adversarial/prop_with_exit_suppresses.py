# assumption: a binding inside a `with` whose __exit__ suppresses an exception may not happen
class S:
    def __enter__(self): return self
    def __exit__(self, *a): return True
def f():
    x = 1
    with S():
        raise RuntimeError
        x = 2
    return x
print(f())
