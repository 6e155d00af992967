# assumption: a warning raised in an inlined callee is still raised (same category and message)
import warnings
def old(x):
    warnings.warn("old is deprecated", DeprecationWarning, stacklevel=1)
    return x
def f(x):
    return old(x)
warnings.simplefilter("always")
print(f(1))
