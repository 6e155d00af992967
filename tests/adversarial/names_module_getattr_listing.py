# assumption: another module listing this module's names sees the same names compiled (no extra globals but the documented `_astc_*` aliases)
# modes: default kernels
import mod_lister
def add(a, b):
    return a + b
def f(x):
    return add(x, x)
print(f(3), mod_lister.public_names("__main__"))
