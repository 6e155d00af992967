# assumption: `setattr` on the module at import time cannot rebind a constant
import sys
N = 10
setattr(sys.modules[__name__], "N", 3)
print(N + 0)
