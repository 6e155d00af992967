# assumption: an unused dict display with an unhashable key raises TypeError and is kept
def f():
    unused = {[]: 1}
    return "no"
try:
    print(f())
except TypeError as e:
    print("TypeError", e)
