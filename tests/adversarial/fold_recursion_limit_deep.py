# assumption: a pure recursive function that exceeds the recursion limit raises RecursionError at run time
import sys
sys.setrecursionlimit(200)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
try:
    print(depth(500))
except RecursionError:
    print("RecursionError")
