# assumption: constant folding splits the text into lines as Python does (a U+2028 inside a string is not a line break)
S = "a b"; T = (2 * 3)
def show():
    print(ascii(S), T)
show()
print(4 + 5)
