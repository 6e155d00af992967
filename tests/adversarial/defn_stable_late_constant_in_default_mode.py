# assumption: (default mode) a function reading a later constant raises NameError when called before it
def uses():
    return LATE + 1
try:
    print(uses())
except NameError as e:
    print("NameError", e)
LATE = 5
print(uses())
