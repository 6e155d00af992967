# options: assume-stable
# calls: uses(1)
# Must NOT become a constant: `later` is defined below, so the import raises NameError
# here (and must still raise it); the `uses` reads of LATE stay reads.
def uses(a):
    return a + LATE

LATE = later(3)

def later(x):
    return x + 1
# output:
# Must NOT become a constant: `later` is defined below, so the import raises NameError
# here (and must still raise it); the `uses` reads of LATE stay reads.
def uses(a):
    return a + LATE

LATE = later(3)

def later(x):
    return x + 1
