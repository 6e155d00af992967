# assumption: identifiers are compared after NFKC normalization (`ﬁ` is `fi`)
import sys
def h(a):
    ﬁ = a * 2
    return fi + 1
def f(x):
    fi = 100
    return fi, h(x)
print(f(len(sys.argv)))
