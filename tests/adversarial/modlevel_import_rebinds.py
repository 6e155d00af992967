# assumption: an import between a def and a use runs no code that rebinds the callee
# modes: default kernels
def add(a, b):
    return a + b
import mod_import_side_effect
print(add(2, 3))
