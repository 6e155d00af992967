# assumption: a fold producing a character latin-1 can represent (y-umlaut) is fine in latin-1 output
# -*- coding: latin-1 -*-
c = chr(255) + "ÿ"
print(ascii(c), len(c))
