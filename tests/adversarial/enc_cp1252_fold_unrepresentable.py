# assumption: a fold producing a character cp1252 cannot represent (alpha) must be escaped or refused
# -*- coding: cp1252 -*-
def letter():
    return chr(945)
print(ascii(letter()), ascii("“quoted”"))
