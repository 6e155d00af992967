# assumption: `!r` and `!s` conversions are the object's own `__repr__`/`__str__`
class P:
    def __repr__(self):
        return "P-repr"
    def __str__(self):
        return "P-str"
def f(o):
    return f"{o!r} {o!s} {o}"
print(f(P()))
