# assumption: bytes literals are not affected by the source encoding when folded
# -*- coding: latin-1 -*-
def raw():
    return b"\xe9" * 2
print(raw(), "é".encode("latin-1") == raw()[:1])
