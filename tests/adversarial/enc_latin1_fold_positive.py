# assumption: folding latin-1 literals gives text that is written back in latin-1 and reads the same
# -*- coding: latin-1 -*-
def shout(w):
    return w * 2 + "!"
print(ascii(shout("é")), ascii("ü" + "ß"))
