# assumption: the exit status from `SystemExit` raised through inlined code is preserved
import sys
def stop(code):
    sys.exit(code)
def f():
    stop(3)
print("running")
f()
