# assumption: a call of an imported function cannot rebind this module's constants
# modes: default kernels
import mod_rebinder
N = 10
mod_rebinder.rebind_main("N", 3)
print(N * 2)
