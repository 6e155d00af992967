# options: assume-stable
# calls: uses(1)
# Must NOT become a constant: evaluating it raises, so the import must still raise
# ZeroDivisionError at this line.
def uses(a):
    return a + BAD

BAD = 1 // 0
# output:
# Must NOT become a constant: evaluating it raises, so the import must still raise
# ZeroDivisionError at this line.
def uses(a):
    return a + BAD

BAD = 1 // 0
