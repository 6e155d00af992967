# assumption: `__doc__` rebinding at module level is seen by later reads; `__file__` is the script
"""Original doc."""
import os
print(__doc__)
__doc__ = "changed"
print(__doc__, os.path.basename(__file__))
