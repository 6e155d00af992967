# assumption: a folded string containing a character latin-1 cannot represent is written so Python reads it back
# -*- coding: latin-1 -*-
s = chr(128512) + "é"
print(ascii(s))
