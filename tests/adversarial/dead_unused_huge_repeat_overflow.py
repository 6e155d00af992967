# assumption: an unused `"x" * (1 << 64)` raises OverflowError and is kept
def f():
    unused = "x" * (1 << 64)
    return "no"
try:
    print(f())
except (OverflowError, MemoryError) as e:
    print(type(e).__name__)
