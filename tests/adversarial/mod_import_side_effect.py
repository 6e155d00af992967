# helper module (not a program): importing it rebinds `add` in the main module
import sys

sys.modules["__main__"].add = lambda a, b: a * b
