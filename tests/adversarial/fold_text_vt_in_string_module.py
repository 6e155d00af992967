# assumption: a vertical tab inside a string at module level is not a line break for the folder
import sys
S = 'xy'
print(ascii(S), 3 + 4, (5 * 6))
print(ascii(sys.modules[__name__].S))
