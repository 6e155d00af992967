# assumption: a def under `if` does not always run and is not stable
import sys
if len(sys.argv) > 5:
    def pick():
        return "many"
else:
    def pick():
        return "few"
def f():
    return pick()
print(f())
