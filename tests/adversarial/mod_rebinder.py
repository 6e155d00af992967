# helper module (not a program): rebinds names of the main module when asked
import sys


def rebind_main(name, value):
    setattr(sys.modules["__main__"], name, value)
