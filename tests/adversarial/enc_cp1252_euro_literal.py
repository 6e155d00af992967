# assumption: a cp1252 source with a euro sign is written back in cp1252 (0x80 is not latin-1's euro)
# -*- coding: cp1252 -*-
def price(n):
    return str(n) + " €"
print(ascii(price(3)), ascii("€" * 2))
