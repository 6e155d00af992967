# assumption: a folded string holding CR, FF, NEL, VT and quotes is written so it reads back the same
def f():
    return chr(13) + chr(12) + chr(0x85) + chr(11) + "'" + '"' + "\\" + chr(0x2028)
print(ascii(f()))
