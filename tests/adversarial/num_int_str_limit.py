# assumption: str() of a big int is left for run time where it would exceed the digit limit
import sys
def digits():
    return len(str(10 ** 5000))
try:
    print(digits())
except ValueError as e:
    print("ValueError", str(e).split("(")[0])
