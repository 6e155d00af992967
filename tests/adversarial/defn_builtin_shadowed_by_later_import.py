# assumption: a builtin name bound by a later import is not folded before or after the import
print(max(1, 2))
from mod_shadows import max
print(max(1, 2))
