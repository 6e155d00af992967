# assumption: (kernels auto) a checked kernel that raises (ValueError, ZeroDivisionError, assert) before or after its int64 overflow point raises CPython's exception, or gives its result
# modes: kernels
import sys

B = len(sys.argv)  # 1: keeps the calls from being folded


def grow_then_check(x, n, stop):
    s = x
    for i in range(n):
        if i == stop:
            raise ValueError("stopped")
        s = s * 7
    return s


def guarded(x, n, mode):
    s = x
    for i in range(n):
        s = s + s
        if mode == 1 and s == 1024:
            raise ZeroDivisionError("hit the limit")
        if mode == 2 and i == 70:
            raise ZeroDivisionError("late")
        assert mode != 3 or i < 12
        assert mode != 4 or i < 75
    return s


def divide_late(x, n, d):
    s = x
    for i in range(n):
        s = s * 5
    return s % 1000 // d, s % 1000


def run(label, fn, *args):
    try:
        r = fn(*args)
        print(label, repr(r), type(r).__name__)
    except Exception as e:
        print(label, type(e).__name__, e)


for _ in range(2):
    run("small, raises", grow_then_check, 3 * B, 10, 4)
    run("raises before overflow", grow_then_check, 3 * B, 40, 5)
    run("raises after overflow", grow_then_check, 3 * B, 40, 30)
    run("overflow, no raise", grow_then_check, 3 * B, 30, 99)
    run("small result", grow_then_check, B, 3, 99)
    run("raise before overflow", guarded, B, 80, 1)
    run("assert before overflow", guarded, B, 80, 3 * B)
    run("neither, small", guarded, B, 7, 4 * B)
    run("raise after overflow", guarded, B, 80, 2 * B)
    run("assert after overflow", guarded, B, 80, 4 * B)
    run("neither", guarded, B, 70, 0)
    run("div by zero small", divide_late, B, 3, 0)
    run("div by zero after overflow", divide_late, B, 30, 0)
    run("div after overflow", divide_late, -B, 30, 7 * B)
