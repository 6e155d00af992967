# assumption: under an ascii cookie, a fold producing a non-ASCII character must be escaped
# -*- coding: ascii -*-
def e_acute():
    return chr(233)
print(ascii(e_acute()), e_acute() == "\xe9")
