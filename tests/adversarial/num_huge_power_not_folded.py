# assumption: a huge power is left for run time (no compile-time hang); the value's size matches
def huge():
    return 7 ** 5000
print(huge().bit_length())
