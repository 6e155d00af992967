# assumption: folding never turns the first statement into a module docstring
("not" + " a docstring")
print(__doc__)
