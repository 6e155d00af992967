# assumption: an existing module docstring stays exactly as written
"""The module docstring."""
X = 1 + 2
print(__doc__, X)
